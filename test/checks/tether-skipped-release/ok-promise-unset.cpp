// RUN: %check_tether %s tether-skipped-release %t

// A std::promise destroyed without a value breaks it: the waiter's get()
// throws broken_promise instead of hanging.
#include <future>
#include <stdexcept>

void produce(std::promise<int> p, bool fail) {
  if (fail)
    return;
  p.set_value(1);
}

int consume() {
  std::promise<int> p;
  std::future<int> f = p.get_future();
  produce(std::move(p), true);
  return f.get();
}
