// Leak events that the runtime records as they happen (the task registry
// covers what is alive; these cover what was lost).
#pragma once

#include <source_location>

namespace tether::detail {

/// The last copy of a cancel function died uncalled while its context lived.
void record_dropped_cancel(std::source_location site);

} // namespace tether::detail
