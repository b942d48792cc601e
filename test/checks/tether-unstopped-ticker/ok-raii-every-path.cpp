// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A local tether::ticker stops in its destructor on every path out of its
// scope: return, throw, break, the end of the function. Nothing to report,
// and nothing left firing at run time.
#include <tether/tether.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

int sample(tether::recv_chan<int> input, int limit) {
  tether::ticker pace(10ms);
  int total = 0;
  for (int i = 0; i < limit; ++i) {
    (void)pace.chan().recv();
    auto value = input.try_recv();
    if (!value)
      return total;
    if (*value.value < 0)
      throw std::invalid_argument("negative sample");
    total += *value.value;
  }
  return total;
}

void member_ticker() {
  struct poller {
    tether::ticker every{10ms};
    int polls = 0;
    void poll() {
      (void)every.chan().recv();
      ++polls;
    }
  } p;
  p.poll();
}

void moved_out_and_back(tether::chan<int> done) {
  tether::ticker a(10ms);
  tether::ticker b = std::move(a);
  tether::select(tether::on_recv(b.chan()), tether::on_recv(done));
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  auto input = tether::make_chan<int>(3);
  input.send(1);
  input.send(-1);
  (void)sample(input, 1);
  try {
    (void)sample(input, 5);
  } catch (const std::invalid_argument &) {
  }
  (void)sample(input, 5);
  member_ticker();
  moved_out_and_back(tether::make_chan<int>());
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
