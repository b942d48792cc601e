// A third-party channel that annotates itself with the tether vocabulary
// (lib/include/tether/config.hpp): the check needs no options for it.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>
#include <cstdlib>

using namespace std::chrono_literals;

namespace mylib {
template <class T> class TETHER_ANNOTATE("tether::channel") mailbox {
public:
  explicit mailbox(std::size_t slots) : ch_(tether::make_chan<T>(slots)) {}
  TETHER_ANNOTATE("tether::blocking_send") void post(T v) const { ch_.send(std::move(v)); }
  TETHER_ANNOTATE("tether::blocking_recv") T take() const { return *ch_.recv(); }

private:
  tether::chan<T> ch_;
};
} // namespace mylib

int ask(bool cached) {
  mylib::mailbox<int> reply(0);
  // RUNTIME: task {{[0-9]+}} [blocked on chan<int> send
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}annotated-channel.cpp:[[@LINE-1]] in {{.*}}ask
    reply.post(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: send on 'reply' can block forever: 'ask' can return before receiving from it [tether-unbounded-channel-send]
  });
  if (cached)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'reply'
  return reply.take();
}

int main() {
  ask(true);
  report_channel_leaks();
}
