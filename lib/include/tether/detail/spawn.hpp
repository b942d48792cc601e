// Starting a task: the runtime's entry point, and the record that carries
// a task's callable and bound arguments onto its fiber.
#pragma once

#include <cstdint>
#include <memory>
#include <source_location>
#include <string>
#include <tuple>
#include <utility>

#include <tether/detail/task_record.hpp>

namespace tether::detail {

/// A task's record and its body (the callable with its bound arguments) in
/// one allocation.
template <class Body> struct task_with_body final : task_record {
  explicit task_with_body(Body fn) : body(std::move(fn)) {}
  void run_body() override { body(); }
  Body body;
};

/// Starts the task whose body `record` carries as a tracked fiber on the
/// worker pool; returns its id.
std::uint64_t spawn(std::string name, std::source_location site,
                    std::unique_ptr<task_record> record);

/// The record of a task that runs `f(args...)`.
template <class F, class... Args>
std::unique_ptr<task_record> bind_task(F &&f, Args &&...args) {
  auto bound = [fn = std::forward<F>(f),
                tuple =
                    std::make_tuple(std::forward<Args>(args)...)]() mutable {
    std::apply(fn, std::move(tuple));
  };
  // tracked_closure tells the leak detector where the captures live.
  using bound_type = tracked_closure<decltype(bound)>;
  return std::make_unique<task_with_body<bound_type>>(
      bound_type{std::move(bound)});
}

} // namespace tether::detail
