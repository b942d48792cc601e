// RUN: %check_tether %s tether-stranded-producer %t

// The producer's wait written through a project macro is reported at the
// macro's use; a stop path written through one is still a stop path.
#include <condition_variable>
#include <deque>
#include <mutex>

#define WAIT_WHILE(cond, cv, lock)                                            \
  while (cond)                                                                 \
  (cv).wait(lock)

#define SET_AND_WAKE_ALL(flag, cv)                                             \
  do {                                                                         \
    flag = true;                                                               \
    (cv).notify_all();                                                         \
  } while (0)

class Queue {
public:
  void put(int v) {
    std::unique_lock<std::mutex> lock(mu);
    WAIT_WHILE(items.size() >= 8, room, lock);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this wait on 'room' for room in the queue can block forever: 'halt' lets the consumers exit, and the wait neither checks 'halted' nor is woken by 'halt' [tether-stranded-producer]
    items.push_back(v);
    ready.notify_one();
  }

  bool get(int &v) {
    std::unique_lock<std::mutex> lock(mu);
    WAIT_WHILE(items.empty() && !halted, ready, lock);
    if (halted)
      return false;
    v = items.front();
    items.pop_front();
    room.notify_one();
    return true;
  }

  void halt() {
    std::lock_guard<std::mutex> lock(mu);
    SET_AND_WAKE_ALL(halted, ready);
  }

private:
  std::mutex mu;
  std::condition_variable room;
  std::condition_variable ready;
  std::deque<int> items;
  bool halted = false;
};
