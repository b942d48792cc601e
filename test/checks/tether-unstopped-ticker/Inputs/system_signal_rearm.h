// A system header (included with -isystem) with a signal set re-armed from
// its own handler after a branch on state that does not decide the re-arm.
#pragma once
#include <boost/asio.hpp>

#include <memory>

namespace syslib {
bool reload();
void log(const char *);

inline void await_hangup(std::shared_ptr<boost::asio::signal_set> signals) {
  signals->async_wait([signals](boost::system::error_code const &, int) {
    if (!reload())
      log("reload failed");
    await_hangup(signals);
  });
}
} // namespace syslib
