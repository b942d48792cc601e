// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20

// future::get, latch::wait, barrier::arrive_and_wait and a long or unknown
// sleep_for between token checks.
#include <barrier>
#include <chrono>
#include <future>
#include <latch>
#include <stop_token>
#include <thread>

void getter(std::stop_token tok, std::future<int> &f) {
  while (!tok.stop_requested()) {
    int v = f.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'get' blocks in a call that a stop request cannot interrupt
    (void)v;
  }
}

void latcher(std::stop_token tok, std::latch &l) {
  while (!tok.stop_requested())
    l.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'wait' blocks in a call that a stop request cannot interrupt
}

void barrierer(std::stop_token tok, std::barrier<> &b) {
  while (!tok.stop_requested())
    b.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'arrive_and_wait' blocks in a call that a stop request cannot interrupt
}

void sleeper(std::stop_token tok, std::chrono::seconds period) {
  using namespace std::chrono_literals;
  while (!tok.stop_requested()) {
    std::this_thread::sleep_for(period);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep_for' blocks in a call that a stop request cannot interrupt
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: wait on a std::condition_variable_any with wait_for(lock, tok, duration, pred) instead, which returns when stop is requested
    std::this_thread::sleep_for(std::chrono::minutes(5));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sleep_for' blocks in a call that a stop request cannot interrupt
    std::this_thread::sleep_for(100ms);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}
