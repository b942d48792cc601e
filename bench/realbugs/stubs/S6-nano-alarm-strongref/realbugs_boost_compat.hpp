// Stub for the realbugs harness (not nano-node or Boost code): included
// first with -include. rai/node/node.cpp (2018) compares a
// boost::system::error_code with 0, which Boost of that time allowed and
// Debian's Boost no longer declares; this declares that comparison again so
// that the file compiles unchanged. No function is defined.
#pragma once

#include <boost/system/error_code.hpp>

namespace boost {
namespace system {
bool operator==(error_code const &, int);
} // namespace system
} // namespace boost
