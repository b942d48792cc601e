// What every example shares: run the fixed version, then the leaky one, and
// show what the leak detector says about each.
//
//   ./channel_blocking          both, fixed first
//   ./channel_blocking leaky    only the leaky version (the lit tests do this)
#pragma once

#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <chrono>
#include <iostream>
#include <string_view>

namespace example {

using namespace std::chrono_literals;

/// How the examples ask the detector: give stragglers 500ms, flag tickers
/// unread and loops without progress for 200ms.
inline tether::leak::options detector() {
  return tether::leak::options()
      .wait(500ms)
      .ticker_unread_after(200ms)
      .loop_after(200ms);
}

/// Runs `version` and prints what it left behind.
template <class F> void check(std::string_view label, F version) {
  auto baseline = detector().ignore_current();
  std::cout << "== " << label << '\n';
  version();
  std::cout << tether::leak::verify_none(baseline) << std::endl;
}

template <class Leaky, class Fixed>
int run(int argc, char **argv, Leaky leaky, Fixed fixed) {
  const std::string_view only = argc > 1 ? argv[1] : "";
  if (only != "leaky")
    check("fixed", fixed);
  if (only != "fixed")
    check("leaky", leaky);
  return 0;
}

} // namespace example
