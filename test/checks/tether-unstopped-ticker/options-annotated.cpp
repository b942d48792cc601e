// RUN: %check_tether %s tether-unstopped-ticker %t

// A library can mark its own repeating timer with tether's annotations
// instead of an option: the same rules apply.
namespace beat {
class [[clang::annotate("tether::ticker")]] pulse {
public:
  explicit pulse(int period_ms);
  [[clang::annotate("tether::ticker_stop")]] void halt();
};
struct stream {
  int next();
};
[[clang::annotate("tether::unstoppable_ticker")]] stream forever(int period_ms);
} // namespace beat

int leaky() {
  auto s = beat::forever(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'forever' starts a ticker that can never be stopped; it keeps firing after this function returns [tether-unstopped-ticker]
  return s.next();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the function returns here; use a 'tether::ticker', which stops when it goes out of scope
}

int leaky_new() {
  auto *p = new beat::pulse(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: ticker 'p' made with 'new' is never stopped or deleted; it fires forever [tether-unstopped-ticker]
  return 0;
}

void stopped() {
  auto *p = new beat::pulse(10);
  p->halt();
}
