// RUN: %check_tether %s tether-stranded-producer %t

// A handshake, not a stop path: `ready` is set by signal() and reset by the
// waiter on `has_item` itself, so setting it does not make anyone exit; the
// producer waiting on `taken` is not stranded by signal().
#include <condition_variable>
#include <mutex>

class Slots {
public:
  void put(int v) {
    std::unique_lock<std::mutex> lock(mu);
    while (pending >= 4)
      taken.wait(lock);
    items[pending++] = v;
  }

  int take() {
    std::unique_lock<std::mutex> lock(mu);
    while (!ready)
      has_item.wait(lock);
    ready = false;
    int v = items[--pending];
    taken.notify_one();
    return v;
  }

  void signal() {
    std::lock_guard<std::mutex> lock(mu);
    ready = true;
    has_item.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable has_item;
  std::condition_variable taken;
  bool ready = false;
  int pending = 0;
  int items[4] = {};
};
