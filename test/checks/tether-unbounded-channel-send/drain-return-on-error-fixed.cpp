// Look-alikes of the fan-out that returns on the first error, none of which
// strands a sender: the channel is buffered for every sender; the owner
// drains the rest before it returns; the senders give up with a context the
// error path cancels; the error path closes the channel (blocked senders
// wake up); the pointer to the channel goes to a function that receives
// every value; the receive loop is not bounded by the number of senders.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>

#include <memory>
#include <vector>

struct result {
  bool ok;
  int value;
};

result call_shard(int shard) { return {shard != 0, shard * 10}; }

int buffered_for_every_sender() {
  auto results = tether::make_chan<result>(3);
  for (int shard = 0; shard < 3; ++shard)
    tether::go([=] { results.send(call_shard(shard)); });
  for (int i = 0; i < 3; ++i)
    if (!results.recv()->ok)
      return -1;
  return 0;
}

int buffered_to_shard_count(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>(shards.size());
  for (int shard : shards)
    tether::go([=] { results.send(call_shard(shard)); });
  for (std::size_t i = 0; i < shards.size(); ++i)
    if (!results.recv()->ok)
      return -1;
  return 0;
}

int drains_then_returns(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] { results.send(call_shard(shard)); });
  int sum = 0;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    result r = *results.recv();
    if (!r.ok) {
      for (++i; i < shards.size(); ++i)
        (void)results.recv();
      return -1;
    }
    sum += r.value;
  }
  return sum;
}

int first_error_kept(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] { results.send(call_shard(shard)); });
  int error = 0;
  for (std::size_t i = 0; i < shards.size(); ++i)
    if (result r = *results.recv(); !r.ok && error == 0)
      error = -1;
  return error;
}

int sums_every_shard(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] { results.send(call_shard(shard)); });
  int sum = 0;
  for (int shard : shards) {
    (void)shard;
    sum += results.recv()->value;
  }
  return sum;
}

int cancels_the_senders(const std::vector<int> &shards) {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] { (void)results.send(ctx, call_shard(shard)); });
  for (std::size_t i = 0; i < shards.size(); ++i)
    if (!results.recv()->ok) {
      cancel();
      return -1;
    }
  cancel();
  return 0;
}

int closes_on_error(const std::vector<int> &shards) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] {
      try {
        results.send(call_shard(shard));
      } catch (const tether::closed_channel_error &) {
      }
    });
  for (std::size_t i = 0; i < shards.size(); ++i)
    if (!results.recv()->ok) {
      results.close();
      return -1;
    }
  return 0;
}

void receive_all(const std::shared_ptr<tether::chan<result>> &results, int n) {
  for (int i = 0; i < n; ++i)
    (void)results->recv();
}

int pointer_to_a_drainer(int shards) {
  auto results = std::make_shared<tether::chan<result>>(tether::make_chan<result>());
  for (int shard = 0; shard < shards; ++shard)
    tether::go([=] { results->send(call_shard(shard)); });
  receive_all(results, shards);
  return 0;
}

int other_bound(const std::vector<int> &shards, int limit) {
  auto results = tether::make_chan<result>();
  for (int shard : shards)
    tether::go([=] { results.send(call_shard(shard)); });
  for (int i = 0; i < limit; ++i) // not the number of senders: no claim
    if (!results.recv()->ok)
      return -1;
  return 0;
}

int main() {
  std::vector<int> shards{0, 1, 2};
  buffered_for_every_sender();
  buffered_to_shard_count(shards);
  drains_then_returns(shards);
  first_error_kept(shards);
  sums_every_shard(shards);
  cancels_the_senders(shards);
  closes_on_error(shards);
  pointer_to_a_drainer(3);
  report_channel_leaks();
}
// RUNTIME: no leaks
