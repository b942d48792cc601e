// RUN: %check_tether %s tether-unstopped-ticker %t

// A template is checked once, in its definition, however many times it is
// instantiated.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

template <class T> T sample(tether::recv_chan<T> source) {
  auto pace = tether::tick(1s);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'tick' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
  // CHECK-FIXES: {{^}}  tether::ticker pace_ticker(1s);{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto pace = pace_ticker.chan();{{$}}
  (void)pace.recv();
  return source.recv().value_or(T{});
}
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: the function returns here; use a 'tether::ticker', which stops when it goes out of scope

int sample_int(tether::recv_chan<int> c) { return sample(c); }
double sample_double(tether::recv_chan<double> c) { return sample(c); }
