// RUN: %check_tether %s tether-unobserved-stop %t --allow-errors -- \
// RUN:   -config="{CheckOptions: {tether-unobserved-stop.ThreadEntryFunctions: 'fw::Worker::run', tether-unobserved-stop.StopCheckFunctions: 'fw::Worker::should_quit'}}" \
// RUN:   -- -I %S/Inputs

// A worker of a thread class with code that does not compile: no crash, no
// diagnostic from half-understood code.
#include <sys/socket.h>
#include <thread_framework.h>

class Broken : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0)
      undeclared_call(byte);
  }
  int fd_ = -1;
};
