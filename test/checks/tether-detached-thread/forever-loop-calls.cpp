// RUN: %check_tether %s tether-detached-thread %t

// The loop that never ends one, two and three calls below the detached
// thread's body: reported at the detach(), with a note at each call on the
// way and at the loop. Look-alikes that an exit ends through their calls,
// or that end by themselves, are silent.
#include <atomic>
#include <thread>

void handle_one();

void read_loop() {
  for (;;)
    handle_one();
}
void process_request() { read_loop(); }
void process_connection() { process_request(); }

void depth_one() {
  std::thread([] { read_loop(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: detached thread runs a loop that observes no stop signal; nothing can stop it or wait for it to end [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: called here
  // CHECK-MESSAGES: :[[@LINE-10]]:3: note: this loop never exits
}

void depth_two() {
  std::thread([] { process_request(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: detached thread runs a loop
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: called here
  // CHECK-MESSAGES: :[[@LINE-14]]:26: note: called here
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: this loop never exits
}

void depth_three() {
  std::thread(process_connection).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: detached thread runs a loop
  // CHECK-MESSAGES: :[[@LINE-20]]:29: note: called here
  // CHECK-MESSAGES: :[[@LINE-22]]:26: note: called here
  // CHECK-MESSAGES: :[[@LINE-26]]:3: note: this loop never exits
}

// Safe: the loop leaves through a helper that observes the flag.
std::atomic<bool> g_quit{false};
bool should_stop() { return g_quit.load(); }
void polite_loop() {
  for (;;) {
    if (should_stop())
      return;
    handle_one();
  }
}
void polite_request() { polite_loop(); }

void safe_through_calls() {
  std::thread([] { polite_request(); }).detach();
  std::thread(polite_loop).detach();
}

// Safe: a loop below that throws to end, and a body that ends.
void throwing_loop() {
  for (;;)
    if (g_quit)
      throw 1;
}
void once() { handle_one(); }
void safe_ends() {
  std::thread([] { once(); }).detach();
  std::thread([] {
    try {
      throwing_loop();
    } catch (int) {
    }
  }).detach();
}
