// RUN: %check_tether %s tether-lost-wakeup %t -- -- -isystem %S/Inputs

// A write through the project's own macro is reported at the macro use; one
// that comes from a system header's macro is not.
#include <condition_variable>
#include <mutex>

#include <system_signal.h>

std::mutex m;
std::condition_variable cv;
bool ready = false;
bool done = false;

void waiter() {
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return ready || done; });
}

#define SIGNAL(flag, cv)                                                       \
  do {                                                                         \
    flag = true;                                                               \
    (cv).notify_all();                                                         \
  } while (0)

void user_macro() {
  SIGNAL(ready, cv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ready' is written without holding 'm', the mutex 'cv' waits with: a waiter that has checked 'ready' but not yet blocked misses the notification and sleeps forever [tether-lost-wakeup]
}

void system_macro() { SYSTEM_SIGNAL(done, cv); }
