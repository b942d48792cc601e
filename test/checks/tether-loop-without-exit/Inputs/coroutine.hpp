// A minimal eager coroutine type for the coroutine tests: it starts at once
// and never suspends on its own.
#pragma once

#include <coroutine>
#include <exception>

struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

/// An awaitable that parks the coroutine until someone resumes it.
struct next_event {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
