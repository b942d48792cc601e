// The runtime twin of a tether-loop-without-exit test: after the test has
// started its tasks, ask the leak detector what is still running, print its
// report (or "tether: no leaks") and end the process at once, since a task
// that never stops would keep it alive.
#pragma once

#include <tether/leak.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>

inline int report_leaks() {
  using namespace std::chrono_literals;
  // A task that ran 100ms without blocking or checking its context is a
  // possible loop; verify_none waits up to 400ms for the others to end.
  const tether::leak::report leaks = tether::leak::verify_none(
      tether::leak::options().wait(400ms).loop_after(100ms));
  if (leaks.empty())
    std::cout << "tether: no leaks\n";
  else
    std::cout << leaks;
  std::cout.flush();
  std::_Exit(0);
}
