// The pointer and drain shapes in a template (reported once; no fix-it for a
// count of senders that can depend on the template's arguments), in a lambda
// owner, through a macro (at the macro's use), under NOLINT (silent) and in
// a system header (silent).
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S -isystem %S/Inputs/system
// RUN: %tether_cxx -isystem %S/Inputs/system %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <fan_out_system.h>
#include <memory>

template <class T> int pointer_in_template(T value, bool fail) {
  auto ch = std::make_shared<tether::chan<T>>(tether::make_chan<T>());
  tether::go([ch, value] { ch->send(value); });
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: send on 'ch' can block forever: 'pointer_in_template' can return before receiving from it [tether-unbounded-channel-send]
  if (fail)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: returns here without receiving from 'ch'
  return int(*ch->recv());
}
// CHECK-FIXES: auto ch = std::make_shared<tether::chan<T>>(tether::make_chan<T>(1));

template <int N> int drain_in_template() {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < N; ++i)
    tether::go([=] { results.send(i); });
  for (int i = 0; i < N; ++i)
    if (*results.recv() < 0)
      return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'drain_in_template' can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: 2 senders are started here
  // CHECK-MESSAGES: :[[@LINE-6]]:30: note: the send blocks here until its value is received
  // CHECK-MESSAGES: :[[@LINE-7]]:30: note: give the send a way out
  return 0;
}

auto drain_in_lambda = [](int shards) {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < shards; ++i)
    // RUNTIME: spawned at {{.*}}pointer-and-drain-contexts.cpp:[[@LINE+1]]
    tether::go([=] { results.send(-i - 1); });
  for (int i = 0; i < shards; ++i)
    if (*results.recv() < 0)
      return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the enclosing lambda can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
  return 0;
};

#define BAIL_ON_ERROR(v)                                                       \
  if ((v) < 0)                                                                 \
  return -1

int drain_through_macro() {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < 2; ++i)
    tether::go([=] { results.send(i); });
  for (int i = 0; i < 2; ++i)
    BAIL_ON_ERROR(*results.recv());
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'drain_through_macro' can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
  return 0;
}

int drain_nolint() {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < 2; ++i)
    tether::go([=] { results.send(i); });
  for (int i = 0; i < 2; ++i)
    if (*results.recv() < 0)
      return -1; // NOLINT(tether-unbounded-channel-send)
  return 0;
}

int pointer_nolint(bool fail) {
  auto ch = std::make_shared<tether::chan<int>>(tether::make_chan<int>());
  tether::go([ch] { ch->send(1); }); // NOLINT(tether-unbounded-channel-send)
  if (fail)
    return -1;
  return *ch->recv();
}

int main() {
  pointer_in_template(1, false);
  pointer_in_template(2L, false);
  drain_in_template<2>();
  drain_in_template<3>();
  drain_in_lambda(2);
  (void)&drain_through_macro;
  (void)&drain_nolint;
  (void)&pointer_nolint;
  (void)&system_pointer_early_return;
  (void)&system_drain_returns_early;
  report_channel_leaks();
}
