// The fan-out over a runtime number of shards: one task per shard, and the
// owner receives shards.size() times but throws (or breaks out and returns)
// on the first error. The shards not yet received from block forever. The
// same with a Boost.Fiber channel shared through a pointer.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -config="{CheckOptions: {tether-unbounded-channel-send.ChannelTypes: 'boost::fibers::unbuffered_channel;boost::fibers::buffered_channel', tether-unbounded-channel-send.SendFunctions: 'boost::fibers::unbuffered_channel::push;boost::fibers::buffered_channel::push', tether-unbounded-channel-send.RecvFunctions: 'boost::fibers::unbuffered_channel::pop;boost::fibers::unbuffered_channel::value_pop;boost::fibers::buffered_channel::pop;boost::fibers::buffered_channel::value_pop', tether-unbounded-channel-send.CloseFunctions: 'boost::fibers::unbuffered_channel::close;boost::fibers::buffered_channel::close'}}" -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <boost/fiber/unbuffered_channel.hpp>
#include <memory>
#include <stdexcept>
#include <vector>

struct result {
  bool ok;
  int value;
};

result call_shard(int shard) { return {shard != 0, shard * 10}; }

int fan_out_throws(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    // RUNTIME-COUNT-2: spawned at {{.*}}drain-throw-on-error.cpp:[[@LINE+1]] in {{.*}}fan_out_throws
    tether::go("shard call", [=] { results.send(call_shard(shard)); });
  int sum = 0;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    result r = *results.recv();
    if (!r.ok)
      throw std::runtime_error("shard failed");
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'fan_out_throws' can throw before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: senders are started here in a loop
    // CHECK-MESSAGES: :[[@LINE-8]]:44: note: the send blocks here until its value is received
    // CHECK-MESSAGES: :[[@LINE-9]]:44: note: give the send a way out: 'ch.send(ctx, v)' or 'select(on_send(ch, v), on_done(ctx))'
    sum += r.value;
  }
  return sum;
}

int fan_out_breaks(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (std::size_t i = 0; i < shards.size(); ++i)
    tether::go([=] { results.send(call_shard(shards[i])); });
  int sum = 0;
  for (int shard : shards) {
    (void)shard;
    result r = *results.recv();
    if (!r.ok)
      break;
    sum += r.value;
  }
  return sum;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fan_out_breaks' can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
}

int fan_out_pointer(int shards) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  for (int shard = 0; shard < shards; ++shard)
    tether::go([results, shard] { results->push(shard); });
  int sum = 0;
  for (int i = 0; i < shards; ++i) {
    int value = results->value_pop();
    if (value < 0)
      return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'fan_out_pointer' can return before receiving from every sender of 'results'; the senders not yet received from block forever [tether-unbounded-channel-send]
    sum += value;
  }
  return sum;
}

int main() {
  try {
    fan_out_throws({0, 1, 2});
  } catch (const std::runtime_error &) {
  }
  report_channel_leaks();
}
