// RUN: %check_tether %s tether-detached-thread %t

// A detached thread whose loop observes no stop signal: nothing can stop it,
// nothing can join it; it runs until the process exits.
#include <thread>

void poll_device();

void start_poller() {
  std::thread([] {
    for (;;)
      poll_device();
  }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: this loop never exits: check a stop flag or token in it and keep the thread joinable, so that its owner can stop it and join it
}

void named_thread() {
  std::thread poller([] {
    while (true)
      poll_device();
  });
  poller.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: this loop never exits
}

void spin_forever() {
  do
    poll_device();
  while (true);
}

void named_function() {
  std::thread(spin_forever).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: detached thread runs a loop
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: this loop never exits
}
