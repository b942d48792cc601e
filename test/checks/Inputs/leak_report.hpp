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
#include <initializer_list>
#include <iostream>
#include <thread>

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

/// tether-unstopped-ticker: let the tickers fire for a while first.
/// `ignored`: names of tasks meant to live as long as the program.
[[noreturn]] inline void
report_ticker_leaks(std::initializer_list<const char *> ignored = {}) {
  using namespace std::chrono_literals;
  // The tests' tickers fire every 10ms: after 250ms an unread one has
  // dropped ticks and has been unread for longer than 100ms.
  std::this_thread::sleep_for(250ms);
  tether::leak::options options;
  options.wait(300ms).ticker_unread_after(100ms).loop_after(150ms);
  for (const char *name : ignored)
    options.ignore_name(name);
  report_and_exit(options, "tether: no leaks\n");
}

/// tether-loop-without-exit: called once the test has started its tasks.
[[noreturn]] inline void report_loop_leaks() {
  using namespace std::chrono_literals;
  // A task that ran 100ms without blocking or checking its context is a
  // possible loop; verify_none waits up to 400ms for the others to end.
  report_and_exit(tether::leak::options().wait(400ms).loop_after(100ms),
                  "tether: no leaks\n");
}
