// RUN: %check_tether %s tether-uninterruptible-wait %t

// A global descriptor read in a thread lambda, a macro-wrapped accept, and
// NOLINT.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

int g_fd = -1;
bool g_stop = false;

#define ACCEPT(fd) accept((fd), nullptr, nullptr)

struct Macro {
  int fd = -1;
  bool stop = false;
  void run() {
    while (!stop)
      ACCEPT(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'accept' blocks on 'fd', which the stop path only closes
  }
  void halt() {
    stop = true;
    close(fd);
  }
};

struct Suppressed {
  int fd = -1;
  bool stop = false;
  void run() {
    char c;
    while (!stop)
      read(fd, &c, 1); // NOLINT(tether-uninterruptible-wait)
  }
  void halt() {
    stop = true;
    close(fd);
  }
};

void start() {
  std::thread t([] {
    char c;
    while (!g_stop)
      recv(g_fd, &c, 1, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'recv' blocks on 'g_fd', which the stop path only closes
  });
  g_stop = true;
  close(g_fd);
  t.join();
}
