// RUN: %check_tether %s tether-uninterruptible-wait %t --allow-errors -- -- -std=c++20

// Code that does not compile: no crash, no diagnostic from half-understood
// code.
#include <semaphore>
#include <stop_token>
#include <sys/socket.h>
#include <unistd.h>

std::counting_semaphore<> sem{0};

void worker(std::stop_token tok) {
  while (!tok.stop_requested())
    sem.acquire(undeclared_arg);
}

struct S {
  int fd;
  bool stop;
  void run() {
    while (!stop)
      accept(fd, undeclared_addr, nullptr);
  }
  void halt() {
    stop = true;
    close(fd);
    UnknownType x;
  }
};
