// RUN: %check_tether %s tether-detached-thread %t -- -- -isystem %S/Inputs

// The shapes in a template (reported once, for its instantiations), in a
// lambda, in the project's macro; silent when the detach comes from a system
// header's macro, and under NOLINT.
#include <system_detach.h>

#include <string>
#include <thread>

void send(const std::string &);
void poll_device();

template <class T> void notify_later(T value) {
  T copy = value;
  std::thread([&copy] { send(copy); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: detached thread uses 'copy', which may be destroyed while the thread still runs [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'copy' is passed by reference here
}

void instantiate() {
  notify_later(std::string("a"));
  notify_later(std::string("b"));
}

void in_a_lambda() {
  auto start = [] {
    std::string message = "hi";
    std::thread([&message] { send(message); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: detached thread uses 'message'
    // CHECK-MESSAGES: :[[@LINE-2]]:19: note: 'message' is passed by reference here and destroyed when the spawning function returns
  };
  start();
}

#define RUN_DETACHED(body) std::thread(body).detach()

void user_macro() {
  RUN_DETACHED([] {
    for (;;)
      poll_device();
  });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: detached thread runs a loop
  // CHECK-MESSAGES: :[[@LINE-4]]:5: note: this loop never exits
}

void system_macro() {
  SYSTEM_RUN_DETACHED([] {
    for (;;)
      poll_device();
  });
}

void suppressed() {
  std::thread([] {
    for (;;)
      poll_device();
  }).detach(); // NOLINT(tether-detached-thread)
}
