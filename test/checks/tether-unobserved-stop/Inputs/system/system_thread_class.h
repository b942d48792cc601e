// A worker of a thread class inside a system header: not reported.
#include <sys/socket.h>
#include <thread_framework.h>

class SystemReader : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};
