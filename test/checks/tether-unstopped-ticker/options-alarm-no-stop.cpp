// RUN: %check_tether %s tether-unstopped-ticker %t -- \
// RUN:   -config="{CheckOptions: {tether-unstopped-ticker.TimerStartStopFunctions: 'sched::alarm::add='}}"

// A library alarm that cannot be cancelled ('start=' with no stop): a task
// that re-schedules itself on it unconditionally, holding a strong
// reference to its owner, repeats forever and keeps the owner alive
// (nano-node's online_reps before its fix). The fixed form holds a weak
// reference and re-schedules only while the owner lives. The alarm is
// reached through a member of a member of 'this'.
#include <chrono>
#include <functional>
#include <memory>

namespace sched {
class alarm {
public:
  void add(std::chrono::steady_clock::time_point, std::function<void()>);
};
} // namespace sched

struct node;

class online_reps {
public:
  explicit online_reps(node &owner) : owner_(owner) {}
  void recalculate();
  void recalculate_weakly();

private:
  node &owner_;
};

struct node : std::enable_shared_from_this<node> {
  sched::alarm alarm;
  online_reps reps{*this};
};

void online_reps::recalculate() {
  auto self = owner_.shared_from_this();
  owner_.alarm.add(std::chrono::steady_clock::now() + std::chrono::minutes(5),
                   [self] { self->reps.recalculate(); });
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'add' re-arms 'alarm' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: re-armed here
}

void online_reps::recalculate_weakly() {
  std::weak_ptr<node> weak = owner_.shared_from_this();
  owner_.alarm.add(std::chrono::steady_clock::now() + std::chrono::minutes(5),
                   [weak] {
                     if (auto self = weak.lock())
                       self->reps.recalculate_weakly();
                   });
}
