// The context and stop-token overloads of recv_chan<T>::recv and
// chan<T>::send. The cancellable channel operations are two-case selects:
// the operation, and the case that gives up (a context's done channel or a
// stop token). Included at the end of <tether/select.hpp>, whose on_done and
// on_stop make the second case; not to be included on its own.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <source_location>
#include <stop_token>
#include <utility>

#include <tether/detail/select_cases.hpp>
#include <tether/detail/type_name.hpp>

namespace tether {
namespace detail {

template <class T>
recv_result<T> recv_unless(const std::shared_ptr<chan_state<T>> &state,
                           select_case &&give_up, std::source_location site) {
  recv_result<T> result;
  auto take = [&](std::optional<T> v) { result.value = std::move(v); };
  recv_case<T, decltype(take)> value_case(state, take, site);
  select_case *cases[] = {&value_case, &give_up};
  const int taken =
      run_select(cases, 2, {block_kind::chan_recv, site, chan_type_name<T>()});
  result.status = taken == 1     ? chan_status::cancelled
                  : result.value ? chan_status::ok
                                 : chan_status::closed;
  return result;
}

template <class T>
chan_status send_unless(const std::shared_ptr<chan_state<T>> &state, T value,
                        select_case &&give_up, std::source_location site) {
  send_case<T, std::nullptr_t> value_case(state, std::move(value), nullptr,
                                          site);
  select_case *cases[] = {&value_case, &give_up};
  const int taken =
      run_select(cases, 2, {block_kind::chan_send, site, chan_type_name<T>()});
  return taken == 0 ? chan_status::ok : chan_status::cancelled;
}

} // namespace detail

template <class T>
recv_result<T> recv_chan<T>::recv(const context &ctx,
                                  std::source_location site) const {
  return detail::recv_unless(state_, on_done(ctx, nullptr, site), site);
}

template <class T>
recv_result<T> recv_chan<T>::recv(std::stop_token token,
                                  std::source_location site) const {
  return detail::recv_unless(state_, on_stop(std::move(token), nullptr, site),
                             site);
}

template <class T>
chan_status chan<T>::send(const context &ctx, T value,
                          std::source_location site) const {
  return detail::send_unless(state_, std::move(value),
                             on_done(ctx, nullptr, site), site);
}

template <class T>
chan_status chan<T>::send(std::stop_token token, T value,
                          std::source_location site) const {
  return detail::send_unless(state_, std::move(value),
                             on_stop(std::move(token), nullptr, site), site);
}

} // namespace tether
