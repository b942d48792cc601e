// RUN: %check_tether %s tether-unobserved-stop %t -- -- -I %S/Inputs

// Without ThreadEntryFunctions a library's thread class is not known: its
// workers are not looked at.
#include <sys/socket.h>
#include <thread_framework.h>

class Reader : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};
