// Safe channels 2: a pipeline whose every stage also waits for cancellation.
#include "example.hpp"

using namespace example;

// Leaky: the consumer's plain send blocks once the collector has gone.
void leaky() {
  auto data = tether::make_chan<int>(5);
  auto results = tether::make_chan<int>();
  tether::go("producer", [data] {
    for (int i = 0; i < 10; ++i)
      data.send(i);
    data.close();
  });
  tether::go("consumer", [data, results] {
    for (int item : data)
      results.send(item * 2);
    results.close();
  });
  for (int i = 0; i < 3; ++i) // the collector takes three, then leaves
    std::cout << "collected " << results.recv().value_or(-1) << '\n';
}

// Fixed: producer, consumer and collector all stop on cancel().
void fixed() {
  auto [ctx, cancel] = tether::with_cancel(tether::background());
  auto data = tether::make_chan<int>(5);
  auto results = tether::make_chan<int>(5);
  tether::wait_group wg;
  wg.go([ctx, data] {
    for (int i = 0; i < 10; ++i)
      if (data.send(ctx, i) == tether::chan_status::cancelled)
        break;
    data.close();
  });
  wg.go([ctx, data, results] {
    while (auto item = data.recv(ctx))
      if (results.send(ctx, *item * 2) == tether::chan_status::cancelled)
        break;
    results.close();
  });
  wg.go([ctx, results] {
    while (auto result = results.recv(ctx))
      std::cout << "collected " << *result << '\n';
  });
  tether::sleep(100ms);
  cancel();
  wg.wait();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
