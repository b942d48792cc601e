// What the leak detector's source files share.
#pragma once

#include <tether/leak.hpp>

namespace tether::detail {

/// Looks at every record twice (see leak_scan.cpp) and builds the full
/// report: tasks with definite and possible-loop verdicts, blocked threads,
/// idle tickers, dropped cancellations, the global deadlock verdict.
[[nodiscard]] leak::report scan(const leak::options &opts);

/// Cheap pre-check for the watchdog: every record is blocked right now.
[[nodiscard]] bool all_records_blocked();

/// Registers the TETHER_LEAK_REPORT=1 dump at exit (once).
void install_exit_report_if_requested();

} // namespace tether::detail
