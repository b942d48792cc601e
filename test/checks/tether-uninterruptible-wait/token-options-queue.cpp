// RUN: %check_tether %s tether-uninterruptible-wait %t -- -config="{CheckOptions: {tether-uninterruptible-wait.BlockingCalls: 'acme::queue::pop'}}" -- -std=c++20

// A project's blocking pop, named by BlockingCalls.
#include <stop_token>

namespace acme {
template <class T> class queue {
public:
  T pop();
  bool try_pop(T &);
  void close();
};
} // namespace acme

acme::queue<int> q;

void drain(std::stop_token t) {
  while (!t.stop_requested()) {
    int v = q.pop();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'pop' blocks in a call that a stop request cannot interrupt
    // CHECK-MESSAGES: :[[@LINE-2]]:15: note: add 'std::stop_callback on_stop(t, [&] { a call that wakes q; });' so that the stop request releases the wait
    int w;
    (void)q.try_pop(w);
    (void)v;
  }
}
