// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A context in scope reaches a stop-token API through ctx.stop_token().
#include <condition_variable>
#include <mutex>

std::mutex m;
std::condition_variable_any cv;
bool ready = false;

void waiter(const context &ctx) {
  std::unique_lock lock(m);
  cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'wait' blocks without the cancellation in scope; pass 'ctx' to the overload that takes a stop token [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  cv.wait(lock, ctx.stop_token(), [] { return ready; });{{$}}
}