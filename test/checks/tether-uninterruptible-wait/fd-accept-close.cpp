// RUN: %check_tether %s tether-uninterruptible-wait %t

// The accept thread loops until 'stopping_' is set; stop() sets it and only
// closes the listening socket. close() does not wake a thread blocked in
// accept() on Linux: the thread never sees the flag.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

class Server {
public:
  void start() { thread_ = std::thread([this] { serve(); }); }
  void stop() {
    stopping_ = true;
    close(listen_fd_);
    thread_.join();
  }

private:
  void serve() {
    while (!stopping_) {
      int client = accept(listen_fd_, nullptr, nullptr);
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'accept' blocks on 'listen_fd_', which the stop path only closes: on Linux close() does not wake a thread blocked in 'accept' on that descriptor, so the thread never returns [tether-uninterruptible-wait]
      // CHECK-MESSAGES: :15:5: note: 'listen_fd_' is closed here; call shutdown('listen_fd_', SHUT_RDWR) before close(), or poll with a timeout or a wake-up descriptor instead of blocking in 'accept'
      // CHECK-MESSAGES: :14:5: note: the stop path sets 'stopping_' here, which the loop checks only between blocking calls
      // CHECK-MESSAGES: :21:5: note: the thread's loop
      if (client >= 0)
        close(client);
    }
  }
  int listen_fd_ = -1;
  bool stopping_ = false;
  std::thread thread_;
};
