// Errors of the tether runtime: Go's panics become exceptions, context errors
// become std::error_code values in the tether category.
#pragma once

#include <stdexcept>
#include <system_error>

namespace tether {

/// Thrown by send on a closed channel, as Go panics with the same message.
class closed_channel_error : public std::logic_error {
public:
  closed_channel_error() : std::logic_error("send on closed channel") {}
};

/// Thrown by close on a closed or nil channel, with Go's panic message.
class close_error : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

/// Why a context ended; the values of context::err().
enum class errc {
  canceled = 1, ///< the cancel function was called (Go: context.Canceled)
  deadline_exceeded = 2, ///< the deadline passed (Go: context.DeadlineExceeded)
};

[[nodiscard]] const std::error_category &tether_category() noexcept;

[[nodiscard]] inline std::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), tether_category()};
}

} // namespace tether

template <> struct std::is_error_code_enum<tether::errc> : std::true_type {};
