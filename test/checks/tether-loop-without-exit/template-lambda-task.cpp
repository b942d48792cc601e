// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// A function template spawns a lambda that loops forever. The spawn only
// becomes one when instantiated; the loop is reported once, in the template,
// however many instantiations there are.
#include <tether/tether.hpp>

#include <atomic>

std::atomic<long> samples;

template <class Sensor> void start_sampling(Sensor sensor) {
  tether::go([sensor] {
    // RUNTIME: task {{[0-9]+}} [running, {{.*}}] [possible loop]
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      samples.fetch_add(sensor.read());
    }
  });
}

struct thermometer {
  int read() const { return 1; }
};
struct barometer {
  long read() const { return 2; }
};

void start_all() {
  start_sampling(thermometer{});
  start_sampling(barometer{});
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  start_all();
  report_loop_leaks();
}
#endif
