// RUN: %check_tether %s tether-uninterruptible-wait %t

// shutdown() before close() wakes the blocked accept(): silent.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

class Server {
public:
  void stop() {
    stopping_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  void serve() {
    while (!stopping_)
      accept(fd_, nullptr, nullptr);
  }

private:
  int fd_ = -1;
  bool stopping_ = false;
  std::thread thread_{[this] { serve(); }};
};
