// RUN: %check_tether %s tether-unstopped-ticker %t -- \
// RUN:   -config="{CheckOptions: {tether-unstopped-ticker.TickerTypes: 'metrics::reporter', tether-unstopped-ticker.TickerStopFunctions: 'metrics::reporter::shutdown'}}"

// A third-party repeating timer class named by the TickerTypes and
// TickerStopFunctions options is a ticker like tether's own.
namespace metrics {
class reporter {
public:
  explicit reporter(int period_ms);
  ~reporter();
  void shutdown();
  int period() const;
};
} // namespace metrics

int start_reporting() {
  auto *r = new metrics::reporter(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: ticker 'r' made with 'new' is never stopped or deleted; it fires forever [tether-unstopped-ticker]
  return r->period();
}

void start_and_stop() {
  auto *r = new metrics::reporter(1000);
  r->shutdown();
}

static metrics::reporter g_reporter(1000);
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: global ticker 'g_reporter' is never stopped; it fires until the program exits [tether-unstopped-ticker]
