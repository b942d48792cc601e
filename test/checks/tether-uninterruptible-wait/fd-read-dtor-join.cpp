// RUN: %check_tether %s tether-uninterruptible-wait %t

// A reader thread loops on read(); the destructor closes the descriptor and
// then joins, but the blocked read() is not woken by close().
#include <sys/inotify.h>
#include <thread>
#include <unistd.h>

class Watcher {
public:
  Watcher()
      : fd_(inotify_init()), thread_([this] {
          char buf[256];
          while (read(fd_, buf, sizeof buf) > 0) {
            // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'read' blocks on 'fd_', which the stop path only closes
            // CHECK-MESSAGES: :22:5: note: 'fd_' is closed here
            // CHECK-MESSAGES: :24:7: note: the stop path then waits for the thread, which is still blocked
            ++events_;
          }
        }) {}
  ~Watcher() {
    close(fd_);
    if (thread_.joinable())
      thread_.join();
  }

private:
  int fd_;
  int events_ = 0;
  std::thread thread_;
};
