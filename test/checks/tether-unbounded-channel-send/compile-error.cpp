// Code that does not compile (as in an editor mid-edit): no crash, and no
// diagnostic from the check on the broken function.
//
// RUN: %check_tether --allow-errors %s tether-unbounded-channel-send %t
#include <tether/tether.hpp>

#include <memory>

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

int broken_pointer(bool fail) {
  auto ch = std::make_shared<tether::chan<int>>(tether::make_chan<int>());
  tether::go([ch] { ch->send(undeclared_value); });
  if (fail)
    return -1;
  return *ch->recv(;
}

int broken_drain() {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < 3; ++i)
    tether::go([=] { results.send(i); });
  for (int i = 0; i < 3; ++i)
    if (*results.recv() < missing_limit)
      return -1;
  return 0;
}
