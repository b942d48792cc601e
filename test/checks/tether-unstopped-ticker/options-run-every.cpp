// RUN: %check_tether %s tether-unstopped-ticker %t -- \
// RUN:   -config="{CheckOptions: {tether-unstopped-ticker.TimerStartStopFunctions: 'evloop::scheduler::run_every=evloop::scheduler::cancel'}}" \
// RUN:   -- -I%S/Inputs

// Another library's repeating timer, named by the TimerStartStopFunctions
// option: a run_every whose id must reach cancel(id). The same path
// analysis and hand-off rules as tether-dropped-cancellation's cancel
// functions.
#include <scheduler.hpp>

using namespace std::chrono_literals;

bool ready();
void poll();

// Not cancelled on the early return.
bool wait_until_ready(evloop::scheduler &loop) {
  auto id = loop.run_every(100ms, [] { poll(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the timer started by 'run_every' is not stopped on every path [tether-unstopped-ticker]
  if (!ready())
    return false;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without passing 'id' to the stop function
  loop.cancel(id);
  return true;
}

// The id is thrown away: the timer can never be cancelled.
void start_polling(evloop::scheduler &loop) {
  loop.run_every(100ms, [] { poll(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the timer started by 'run_every' can never be stopped: its result is discarded [tether-unstopped-ticker]
}

// Kept in a variable that is never used.
void start_polling_unused(evloop::scheduler &loop) {
  evloop::timer_id id = loop.run_every(100ms, [] { poll(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: the timer started by 'run_every' is never stopped: 'id' is never used [tether-unstopped-ticker]
}

// Safe: cancelled on every path, returned, stored, a one-shot timer.
struct poller {
  evloop::scheduler &loop;
  evloop::timer_id id = 0;
  void start() { id = loop.run_every(100ms, [] { poll(); }); }
  void stop() { loop.cancel(id); }
};

evloop::timer_id start_for_caller(evloop::scheduler &loop) {
  return loop.run_every(100ms, [] { poll(); });
}

void every_path(evloop::scheduler &loop) {
  auto id = loop.run_every(100ms, [] { poll(); });
  if (!ready()) {
    loop.cancel(id);
    return;
  }
  poll();
  loop.cancel(id);
}

void one_shot(evloop::scheduler &loop) {
  loop.run_after(100ms, [] { poll(); });
}
