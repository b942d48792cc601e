// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// The shape in a jthread lambda, in a template and through a macro.
#include <semaphore>
#include <stop_token>
#include <thread>

std::counting_semaphore<> work{0};

void lambda() {
  std::jthread t([](std::stop_token st) {
    while (!st.stop_requested())
      work.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'acquire' blocks in a call that a stop request cannot interrupt
  });
}

template <class T> void templ(std::stop_token st, T &out) {
  while (!st.stop_requested()) {
    work.acquire();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'acquire' blocks in a call that a stop request cannot interrupt
    ++out;
  }
}
void use_templ(std::stop_token st, int &n, long &l) {
  templ(st, n);
  templ(st, l);
}

#define TAKE(s) (s).acquire()
void macro(std::stop_token st) {
  while (!st.stop_requested())
    TAKE(work);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'acquire' blocks in a call that a stop request cannot interrupt
}

void nolint(std::stop_token st) {
  while (!st.stop_requested())
    work.acquire(); // NOLINT(tether-uninterruptible-wait)
}
