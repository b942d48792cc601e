// The end of a check test's runtime twin: ask the leak detector what is
// still running, print its report (or a "no leaks" line) and end the process
// at once, since a task that never stops would keep it alive.
//
// A twin in test/checks/<check>/ includes it as "../Inputs/leak_report.hpp"
// (its clang-tidy RUN line needs `-- -- -I%S` when the include is not under
// #ifdef RUNTIME_TWIN: clang-tidy reads a copy of the test in the build tree).
#pragma once

#include <tether/leak.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>

/// Prints what `verify_none(options)` finds, or `no_leaks` if it finds
/// nothing, and ends the process with status 0.
[[noreturn]] inline void report_and_exit(const tether::leak::options &options,
                                         const char *no_leaks) {
  const tether::leak::report leaks = tether::leak::verify_none(options);
  if (leaks.empty())
    std::cout << no_leaks;
  else
    std::cout << leaks;
  std::cout.flush();
  std::_Exit(0);
}

/// tether-unbounded-channel-send: verify_none waits up to 200ms for the
/// tasks to end; prints "no leaks" if they all did.
[[noreturn]] inline void report_channel_leaks() {
  report_and_exit(tether::leak::options().wait(std::chrono::milliseconds(200)),
                  "no leaks\n");
}
