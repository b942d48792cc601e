// RUN: %check_tether %s tether-unstopped-ticker %t -- \
// RUN:   -config="{CheckOptions: {tether-unstopped-ticker.TimerStartStopFunctions: 'sched::alarm::add='}}"

// An alarm with no cancel ('start=' with no stop), shared by reference
// between the objects of a service and taking its task by const reference.
// A task that sums a container and then re-schedules itself, holding a
// strong reference to the service, repeats forever: the loop before the
// re-arm does not decide it (nano-node's online_reps before its fix). A loop
// that can leave first, a stop flag, or a weak reference ends the chain. A
// void start called with a lambda in a function template is not an id that
// is discarded.
#include <chrono>
#include <functional>
#include <memory>
#include <set>

namespace sched {
class alarm {
public:
  void add(std::chrono::steady_clock::time_point const &,
           std::function<void()> const &);
};
} // namespace sched

struct service;

class weights {
public:
  explicit weights(service &owner) : owner_(owner) {}
  void recount();
  void recount_until_stopped();
  void recount_weakly();
  std::set<int> members;
  long total = 0;
  bool stopped = false;

private:
  service &owner_;
};

struct service : std::enable_shared_from_this<service> {
  sched::alarm &alarm;
  weights counts{*this};
};

void weights::recount() {
  total = 0;
  for (int member : members)
    total += member;
  auto self(owner_.shared_from_this());
  owner_.alarm.add(std::chrono::steady_clock::now() + std::chrono::minutes(5),
                   [self] { self->counts.recount(); });
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: 'add' re-arms 'alarm' from its own handler and nothing ever stops it; the timer repeats forever [tether-unstopped-ticker]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: re-armed here
}

void weights::recount_until_stopped() {
  total = 0;
  for (int member : members) {
    if (stopped)
      return;
    total += member;
  }
  auto self(owner_.shared_from_this());
  owner_.alarm.add(std::chrono::steady_clock::now() + std::chrono::minutes(5),
                   [self] { self->counts.recount_until_stopped(); });
}

void weights::recount_weakly() {
  for (int member : members)
    total += member;
  std::weak_ptr<service> weak(owner_.shared_from_this());
  owner_.alarm.add(std::chrono::steady_clock::now() + std::chrono::minutes(5),
                   [weak] {
                     if (auto self = weak.lock())
                       self->counts.recount_weakly();
                   });
}

template <typename Peers> void query_later(service &owner, Peers const &peers) {
  auto first = *peers.begin();
  std::weak_ptr<service> weak(owner.shared_from_this());
  owner.alarm.add(std::chrono::steady_clock::now() + std::chrono::seconds(5),
                  [weak, first] {
                    if (auto self = weak.lock())
                      self->counts.total += first;
                  });
}

void query_now(service &owner) { query_later(owner, owner.counts.members); }
