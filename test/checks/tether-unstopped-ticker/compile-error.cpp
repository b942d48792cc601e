// RUN: %check_tether --allow-errors %s tether-unstopped-ticker %t

// Code that does not compile (as in an editor, mid-edit): no crash, and no
// diagnostic from a half-understood ticker. Calls that are whole inside
// broken code are still checked.
#include <tether/tether.hpp>

using namespace std::chrono_literals;

void broken() {
  auto c = tether::tick(undeclared_period);
  auto *t = new tether::ticker(10ms, extra, args);
  for (auto x : t->chan_that_does_not_exist()) {
  }
  for (;;)
    tether::select(tether::on_recv(tether::after(1min), missing_fn));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'after' in a loop leaves a timer
  // pending for 1min on every iteration that does not take it
  // [tether-unstopped-ticker]
}

static tether::ticker g_broken(undeclared_too);

// Issue 24's shapes, mid-edit: a field given a ticker by broken code, a
// static given one by an unknown function, a range-for over tick() left by a
// break in a body that does not compile.
class half_written {
public:
  half_written() : pace_(new tether::ticker(undeclared_period)) {}

private:
  tether::ticker *pace_;
};

static std::unique_ptr<tether::ticker> g_half;
void start_half() { g_half = make_ticker_that_does_not_exist(); }

void left_broken() {
  for (auto now : tether::tick(undeclared_period)) {
    if (missing_flag)
      break;
  }
}
