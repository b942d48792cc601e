// A system header whose macro discards a cancel function.
#pragma once
#include <tether/context.hpp>
#define LEAKY_WITH_CANCEL(p) (void)::tether::with_cancel(p)
