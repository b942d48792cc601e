// RUN: %check_tether %s tether-loop-without-exit %t -- \
// RUN:   -config="{CheckOptions: {tether-loop-without-exit.SpawnFunctions: 'app::thread_pool::submit;app::spawn_detached'}}"

// Executors named by the SpawnFunctions option are spawn sites; an
// executor annotated tether::spawn is one without any option.
#include <functional>

namespace app {
struct thread_pool {
  void submit(std::function<void()> job);
};
void spawn_detached(void (*fn)());
[[clang::annotate("tether::spawn")]] void run_in_background(std::function<void()> job);
void run_later(std::function<void()> job); // not a spawn site
} // namespace app

void refresh();
void refresh_forever() {
  for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    refresh();
}

void start(app::thread_pool &pool) {
  pool.submit([] {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      refresh();
  });
  app::spawn_detached(refresh_forever);
  app::run_in_background([] {
    do
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      refresh();
    while (true);
  });
  app::run_later([] {
    while (true)
      refresh();
  });
}
