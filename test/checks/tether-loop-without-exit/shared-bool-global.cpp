// RUN: %check_tether %s tether-loop-without-exit %t

// A global stop flag, set by a signal handler or another thread.
#include <thread>

bool g_stop = false;
void flush_logs();

void start_flusher() {
  std::thread([] {
    while (!g_stop) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop's only exit condition 'g_stop' is a plain bool shared with another thread: a data race, and the compiler may hoist the read so that the loop never stops [tether-loop-without-exit]
      flush_logs();
    }
  }).detach();
}

void request_stop() { g_stop = true; }
