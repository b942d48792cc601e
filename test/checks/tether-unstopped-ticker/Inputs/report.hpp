// The runtime twin of a tether-unstopped-ticker test: let the tickers fire
// for a while, then ask the leak detector what is left, print its report
// (or "tether: no leaks") and end the process at once, since a task that
// never stops would keep it alive.
#pragma once

#include <tether/leak.hpp>

#include <chrono>
#include <cstdlib>
#include <initializer_list>
#include <iostream>
#include <thread>

/// `ignored`: names of tasks meant to live as long as the program.
inline int report_leaks(std::initializer_list<const char *> ignored = {}) {
  using namespace std::chrono_literals;
  // The tests' tickers fire every 10ms: after 250ms an unread one has
  // dropped ticks and has been unread for longer than 100ms.
  std::this_thread::sleep_for(250ms);
  auto options = tether::leak::options()
                     .wait(300ms)
                     .ticker_unread_after(100ms)
                     .loop_after(150ms);
  for (const char *name : ignored)
    options.ignore_name(name);
  const tether::leak::report leaks = tether::leak::verify_none(options);
  if (leaks.empty())
    std::cout << "tether: no leaks\n";
  else
    std::cout << leaks;
  std::cout.flush();
  std::_Exit(0);
}
