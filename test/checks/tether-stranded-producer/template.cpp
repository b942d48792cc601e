// RUN: %check_tether %s tether-stranded-producer %t

// A bounded queue class template: reported once, in its pattern, whether or
// not it is instantiated.
#include <condition_variable>
#include <deque>
#include <mutex>

template <class T> class BoundedQueue {
public:
  void push(T value) {
    std::unique_lock<std::mutex> lock(mu);
    not_full.wait(lock, [&] { return items.size() < capacity; });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this wait on 'not_full' for room in the queue can block forever: 'close' lets the consumers exit, and the wait neither checks 'closed' nor is woken by 'close' [tether-stranded-producer]
    items.push_back(std::move(value));
    not_empty.notify_one();
  }

  bool pop(T &out) {
    std::unique_lock<std::mutex> lock(mu);
    not_empty.wait(lock, [&] { return closed || !items.empty(); });
    if (items.empty())
      return false;
    out = std::move(items.front());
    items.pop_front();
    not_full.notify_one();
    return true;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mu);
    closed = true;
    not_empty.notify_all();
  }

private:
  std::mutex mu;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<T> items;
  size_t capacity = 4;
  bool closed = false;
};

template class BoundedQueue<int>;
BoundedQueue<double> doubles;
