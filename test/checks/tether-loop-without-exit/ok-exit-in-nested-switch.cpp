// RUN: %check_tether %s tether-loop-without-exit %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// The loop's exit is a `return` inside a nested switch: it leaves the loop.
#include <tether/tether.hpp>

enum class command { work, quit };

void run_commands(tether::chan<command> commands) {
  tether::go([commands] {
    while (true) {
      auto next = commands.try_recv();
      switch (next.value.value_or(command::work)) {
      case command::work:
        break;
      case command::quit:
        return;
      }
    }
  });
}

void run_counter(int *limit) {
  tether::go([limit] {
    int n = 0;
    while (true) {
      switch (n++ < *limit ? 0 : 1) {
      case 0:
        continue;
      default:
        return;
      }
    }
  });
}

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  static int limit = 1000;
  run_counter(&limit);
  auto commands = tether::make_chan<command>(1);
  run_commands(commands);
  commands.send(command::quit);
  // RUNTIME: tether: no leaks
  // RUNTIME-NOT: possible loop
  report_loop_leaks();
}
#endif
