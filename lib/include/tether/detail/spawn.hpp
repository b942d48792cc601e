// Starting a task: the runtime's entry point, and the closure that carries
// a task's callable and bound arguments onto its fiber.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <source_location>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include <tether/detail/task_record.hpp>

namespace tether::detail {

/// Starts `body` as a tracked fiber on the worker pool; returns its id.
std::uint64_t spawn(std::string name, std::source_location site,
                    std::function<void()> body);

/// A copyable holder for move-only callables, so std::function can carry them.
template <class F> struct shared_callable {
  std::shared_ptr<F> fn;
  void operator()() { (*fn)(); }
};

template <class F, class... Args>
std::function<void()> bind_task(F &&f, Args &&...args) {
  auto bound = [fn = std::forward<F>(f),
                tuple =
                    std::make_tuple(std::forward<Args>(args)...)]() mutable {
    std::apply(fn, std::move(tuple));
  };
  // tracked_closure tells the leak detector where the captures live.
  using bound_type = tracked_closure<decltype(bound)>;
  if constexpr (std::is_copy_constructible_v<bound_type>)
    return bound_type{std::move(bound)};
  else
    return shared_callable<bound_type>{
        std::make_shared<bound_type>(bound_type{std::move(bound)})};
}

} // namespace tether::detail
