// A project's bounded blocking queue (declarations only), for the tests of
// the BlockingQueueTypes option.
#include <cstddef>

namespace acme {
template <class T> class bounded_queue {
public:
  explicit bounded_queue(std::size_t capacity);
  void push(const T &value);      // blocks while full
  bool try_push(const T &value);  // does not block
  bool try_pop(T &out);           // does not block
  void close();                   // wakes every waiter
};
template <class T> class unbounded_queue {
public:
  void push(const T &value);
  bool try_pop(T &out);
};
} // namespace acme
