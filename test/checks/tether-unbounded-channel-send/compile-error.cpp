// Code that does not compile (as in an editor mid-edit): no crash, and no
// diagnostic from the check on the broken function.
//
// RUN: %check_tether --allow-errors %s tether-unbounded-channel-send %t
#include <tether/tether.hpp>

int broken(bool fail) {
  auto ch = tether::make_chan<int>();
  tether::go([=] { ch.send(undeclared_value); });
  if (fail)
    return -1;
  return *ch.recv(;
}

int also_broken() {
  auto ch = tether::make_chan<missing_type>();
  tether::go([=] { ch.send(1); });
  return 0;
}
