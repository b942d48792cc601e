#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Diagnostics do not point into macros from system headers.
// RUN: %check_tether %s tether-dropped-cancellation %t -- -- -isystem %S/Inputs
#include <leaky_macros.h>

void uses_system_macro(const context &parent) {
  LEAKY_WITH_CANCEL(parent);
}