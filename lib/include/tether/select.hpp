// select: Go's select statement. Cases are on_recv, on_send, on_done,
// on_stop and on_default; a ready case is chosen uniformly at random, a case
// that loses consumes nothing, and nil-channel cases are never ready.
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>
#include <source_location>
#include <stop_token>
#include <type_traits>
#include <utility>

#include <tether/chan.hpp>
#include <tether/config.hpp>
#include <tether/context.hpp>
#include <tether/detail/select_cases.hpp>
#include <tether/detail/task_record.hpp>

namespace tether {

/// A receive case; `fn` takes std::optional<T> (empty once closed), T (the
/// zero value once closed, as in Go), or nothing.
template <class T, class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_recv_case") auto on_recv(
    const recv_chan<T> &ch, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::recv_case<T, F>(ch.state(), std::move(fn), site);
}

/// A send case; `fn` runs after the value was sent.
template <class T, class U, class F = std::nullptr_t>
  requires std::convertible_to<U, T>
[[nodiscard]] TETHER_ANNOTATE("tether::select_send_case") auto on_send(
    const chan<T> &ch, U &&value, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::send_case<T, F>(ch.state(), T(std::forward<U>(value)),
                                 std::move(fn), site);
}

/// A case taken once `ctx` is cancelled (Go's `case <-ctx.Done()`).
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_done_case") auto on_done(
    const context &ctx, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  detail::note_progress();
  auto run = [fn = std::move(fn)](std::optional<std::monostate>) mutable {
    detail::invoke_nullary(fn);
  };
  return detail::recv_case<std::monostate, decltype(run)>(ctx.done().state(),
                                                          std::move(run), site);
}

/// A case taken once a stop is requested on `token`.
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_done_case") auto on_stop(
    std::stop_token token, F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::stop_case<F>(std::move(token), std::move(fn), site);
}

/// The case taken when no other case is ready: the select does not block.
template <class F = std::nullptr_t>
[[nodiscard]] TETHER_ANNOTATE("tether::select_default_case") auto on_default(
    F fn = nullptr,
    std::source_location site = std::source_location::current()) {
  return detail::default_case<F>(std::move(fn), site);
}

/// Waits until one case can proceed, performs it, runs its handler and
/// returns its index. With no case, blocks forever as Go's `select {}`.
template <class... Cases>
  requires(std::derived_from<std::remove_cvref_t<Cases>, detail::select_case> &&
           ...)
TETHER_ANNOTATE("tether::select")
int select(Cases &&...cases) {
  if constexpr (sizeof...(Cases) == 0) {
    detail::block_forever(detail::block_kind::select,
                          std::source_location::current(), nullptr);
  } else {
    detail::select_case *all[] = {&cases...};
    return detail::run_select(all, sizeof...(Cases),
                              {detail::block_kind::select, all[0]->site});
  }
}

} // namespace tether

// The context and stop-token overloads of recv_chan<T>::recv and
// chan<T>::send, which are selects of two cases.
#include <tether/detail/cancellable_ops.hpp>
