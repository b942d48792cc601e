// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// condition_variable_any has the overload that takes the token: the fix-it
// passes it.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stop_token>

std::mutex m;
std::condition_variable_any cv;
std::deque<int> items;

void consume(std::stop_token st) {
  while (!st.stop_requested()) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [] { return !items.empty(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'wait' blocks in a call that a stop request cannot interrupt
    // CHECK-MESSAGES: :[[@LINE-2]]:8: note: pass the token: wait(lock, 'st', pred) returns when stop is requested
    // CHECK-FIXES: {{^}}    cv.wait(lock, st, [] { return !items.empty(); });{{$}}
    items.pop_front();
  }
}
