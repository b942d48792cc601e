// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// A receive without the stop token in scope; fix-it: pass it.
int consume(std::stop_token stop, tether::chan<int> in) {
  std::optional<int> v = in.recv();
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'recv' blocks without the cancellation in scope; pass 'stop' to the overload that takes a stop token [tether-dropped-cancellation]
  // CHECK-FIXES: {{^}}  std::optional<int> v = in.recv(stop);{{$}}
  return v.value_or(0);
}