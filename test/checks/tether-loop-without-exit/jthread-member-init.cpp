// RUN: %check_tether %s tether-loop-without-exit %t

// A std::jthread member started in the constructor's initialiser list whose
// callable takes no std::stop_token and loops: the member's destructor
// requests stop, which nothing reads, and then joins forever. Safe
// look-alikes: the callable takes the token and checks it, the loop is
// bounded, and a NOLINT.
#include <stop_token>
#include <thread>

void flush_logs();
void refresh_cache();

class log_flusher {
public:
  log_flusher() : worker_([this] { run(); }) {}

private:
  void run() {
    for (;;)
      flush_logs();
  }
  std::jthread worker_;
};

class cache_refresher {
public:
  cache_refresher()
      : worker_([] {
          while (true)
            refresh_cache();
        }) {}

private:
  std::jthread worker_;
};

class token_flusher {
public:
  token_flusher()
      : worker_([](std::stop_token stop) {
          while (!stop.stop_requested())
            flush_logs();
        }) {}

private:
  std::jthread worker_;
};

class bounded_refresher {
public:
  bounded_refresher()
      : worker_([] {
          for (int i = 0; i < 3; ++i)
            refresh_cache();
        }) {}

private:
  std::jthread worker_;
};

class accepted_flusher {
public:
  accepted_flusher()
      : worker_([] {
          while (true) // NOLINT(tether-loop-without-exit): runs until exit
            flush_logs();
        }) {}

private:
  std::jthread worker_;
};

// CHECK-MESSAGES: :20:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :20:5: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :16:36: note: 'run' is called from the task here
// CHECK-MESSAGES: :16:19: note: std::jthread's destructor requests stop and then joins: the callable takes no 'std::stop_token', so the destructor hangs
// CHECK-MESSAGES: :30:11: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
// CHECK-MESSAGES: :30:11: note: give the task a context or 'std::stop_token' and return from the loop once it is cancelled
// CHECK-MESSAGES: :29:9: note: std::jthread's destructor requests stop and then joins: the callable takes no 'std::stop_token', so the destructor hangs
