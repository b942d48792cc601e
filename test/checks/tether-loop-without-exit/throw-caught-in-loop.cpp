// RUN: %check_tether %s tether-loop-without-exit %t

// A throw that a try statement inside the same loop catches does not leave
// the loop: the handler runs and the loop goes on.
#include <tether/tether.hpp>

#include <stdexcept>
#include <thread>

struct parse_error : std::runtime_error {
  parse_error() : std::runtime_error("parse") {}
};

bool bad_input();
void handle();
void log_error(const char *);

void start() {
  tether::go([] {
    for (;;) {
      try {
        if (bad_input())
          throw parse_error();
        handle();
      } catch (const std::exception &e) { // a base class of parse_error
        log_error(e.what());
      }
    }
  });
  std::thread([] {
    while (true) {
      try {
        try {
          throw 42;
        } catch (const char *) { // does not catch an int: the outer does
        }
      } catch (...) {
      }
    }
  }).detach();
}

// The loop in a function the task calls, in a template.
template <class Error> void serve_forever() {
  for (;;) {
    try {
      throw Error();
    } catch (const Error &) {
    }
  }
}

void start_template() {
  tether::go([] { serve_forever<parse_error>(); });
}

// CHECK-MESSAGES: :20:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :20:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :19:3: note: task spawned here
// CHECK-MESSAGES: :31:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :31:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :30:3: note: task spawned here
// CHECK-MESSAGES: :45:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :45:3: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :54:19: note: 'serve_forever' is called from the task here
// CHECK-MESSAGES: :54:3: note: task spawned here
