// Safe channels 4: fan-out to workers, fan-in of their results, every stage
// bounded by one context.
#include "example.hpp"

#include <vector>

using namespace example;

/// Starts `n` workers reading `input`; each sends to its own output channel,
/// giving up when `ctx` ends (or not at all, if `ctx` is background()).
std::vector<tether::chan<int>> fan_out(const tether::context &ctx,
                                       tether::chan<int> input, int n) {
  std::vector<tether::chan<int>> outputs;
  for (int id = 0; id < n; ++id) {
    auto out = tether::make_chan<int>();
    outputs.push_back(out);
    tether::go("fan-out worker", [ctx, input, out, id] {
      while (auto item = input.recv(ctx))
        if (out.send(ctx, *item * (id + 1)) == tether::chan_status::cancelled)
          return;
      out.close();
    });
  }
  return outputs;
}

/// Merges `inputs` into one channel, closed when they all are.
tether::chan<int> fan_in(const tether::context &ctx,
                         std::vector<tether::chan<int>> inputs) {
  auto merged = tether::make_chan<int>();
  auto wg = std::make_shared<tether::wait_group>();
  for (auto &in : inputs)
    wg->go([ctx, in, merged] {
      while (auto item = in.recv(ctx))
        if (merged.send(ctx, *item) == tether::chan_status::cancelled)
          return;
    });
  tether::go("fan-in closer", [wg, merged] {
    wg->wait();
    merged.close();
  });
  return merged;
}

tether::chan<int> numbers(int count) {
  auto input = tether::make_chan<int>(count);
  for (int i = 1; i <= count; ++i)
    input.send(i);
  return input; // left open: more could come
}

// Leaky: without a context the stages cannot be told to stop when the
// consumer takes two results and leaves.
void leaky() {
  auto merged = fan_in(tether::background(),
                       fan_out(tether::background(), numbers(6), 3));
  for (int i = 0; i < 2; ++i)
    std::cout << "result " << merged.recv().value_or(-1) << '\n';
}

// Fixed: the same stages with a context; cancelling it drains the pipeline.
void fixed() {
  auto [ctx, cancel] = tether::with_timeout(tether::background(), 2s);
  auto merged = fan_in(ctx, fan_out(ctx, numbers(6), 3));
  for (int i = 0; i < 2; ++i)
    std::cout << "result " << merged.recv().value_or(-1) << '\n';
  cancel();
  tether::sleep(50ms); // let the stages see it
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
