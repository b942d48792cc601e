// The producer closes the channel, but an error path returns first: the
// consumer task's range-for never ends on that path.
//
// RUN: %check_tether %s tether-unbounded-channel-send %t -- -- -I%S
// RUN: %tether_cxx %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME
#include "../Inputs/leak_report.hpp"
#include <tether/tether.hpp>
#include <chrono>
#include <string>

using namespace std::chrono_literals;

bool load_failed() { return true; }

void pipeline() {
  auto lines = tether::make_chan<std::string>(4);
  // RUNTIME: task {{[0-9]+}} [blocked on chan<{{.*}}> receive
  tether::go([=] {
    // RUNTIME-NEXT: spawned at {{.*}}range-close-not-every-path.cpp:[[@LINE-1]] in {{.*}}pipeline
    for (const std::string &line : lines)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task ranges over 'lines', which is not closed on every path; the loop never ends and the task blocks forever [tether-unbounded-channel-send]
      (void)line;
  });
  lines.send("header");
  if (load_failed())
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'pipeline' returns here without closing 'lines'
  lines.send("body");
  lines.close();
}

int main() {
  pipeline();
  report_channel_leaks();
}
