// A system header (included with -isystem) with the leaks of the pointer
// and drain shapes: silent.
#pragma once
#include <memory>
#include <tether/tether.hpp>

inline int system_pointer_early_return(bool fail) {
  auto ch = std::make_shared<tether::chan<int>>(tether::make_chan<int>());
  tether::go([ch] { ch->send(1); });
  if (fail)
    return -1;
  return *ch->recv();
}

inline int system_drain_returns_early() {
  auto results = tether::make_chan<int>();
  for (int i = 0; i < 3; ++i)
    tether::go([=] { results.send(i); });
  for (int i = 0; i < 3; ++i)
    if (*results.recv() < 0)
      return -1;
  return 0;
}
