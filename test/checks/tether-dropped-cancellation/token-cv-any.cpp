// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// condition_variable_any::wait(lock, pred) with a stop token in scope.
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable_any cv;
bool ready = false;

void waiter(std::stop_token token) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'wait' blocks without the cancellation in scope; pass 'token' to the overload that takes a stop token [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  cv.wait(lock, token, [] { return ready; });{{$}}
}

void waiter_ok(std::stop_token token) {
  std::unique_lock lock(m);
  if (!cv.wait(lock, token, [] { return ready; }))
    return;
}

// A plain wait(lock) has no stop-token overload: silent.
void plain(std::stop_token token) {
  std::unique_lock lock(m);
  cv.wait(lock);
}