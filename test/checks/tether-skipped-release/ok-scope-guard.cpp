// RUN: %check_tether %s tether-skipped-release %t

// The clear runs from a scope guard made right after the set: every exit of
// the scope, exceptions included, clears the flag.
#include <atomic>
#include <functional>
#include <time.h>
#include <utility>
#include <vector>

template <typename F> struct ScopeExit {
  ScopeExit(F &&f) : f_(std::forward<F>(f)) {}
  ~ScopeExit() { f_(); }
  F f_;
};
template <typename F> ScopeExit<F> makeScopeExit(F &&f) {
  return ScopeExit<F>(std::forward<F>(f));
}

class Loop {
public:
  ~Loop() {
    timespec delay = {0, 1000000};
    while (looping_.load())
      nanosleep(&delay, nullptr);
  }

  void loop() {
    looping_.store(true);
    auto cleaner = makeScopeExit([this] { looping_.store(false); });
    while (!quit_.load())
      for (auto &Fn : pending_)
        Fn();
  }

private:
  std::vector<std::function<void()>> pending_;
  std::atomic<bool> looping_{false};
  std::atomic<bool> quit_{false};
};
