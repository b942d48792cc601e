// RUN: %check_tether %s tether-uninterruptible-wait %t

// Look-alikes: a non-blocking descriptor, a loop that polls with a timeout
// first, a stop path that writes to a wake-up pipe, MSG_DONTWAIT, and a
// regular file opened with open(): silent.
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

struct NonBlocking {
  int fd = -1;
  bool stop = false;
  std::thread t;
  void start() {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    t = std::thread([this] {
      char c;
      while (!stop)
        read(fd, &c, 1);
    });
  }
  ~NonBlocking() {
    stop = true;
    close(fd);
    t.join();
  }
};

struct Polls {
  int fd = -1;
  bool stop = false;
  std::thread t{[this] {
    char c;
    while (!stop) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 100) > 0)
        read(fd, &c, 1);
    }
  }};
  ~Polls() {
    stop = true;
    close(fd);
    t.join();
  }
};

struct WakeupPipe {
  int fd = -1, wake[2];
  bool stop = false;
  std::thread t{[this] {
    char c;
    while (!stop)
      read(fd, &c, 1);
  }};
  ~WakeupPipe() {
    stop = true;
    write(wake[1], "x", 1);
    close(fd);
    t.join();
  }
};

struct DontWait {
  int fd = -1;
  bool stop = false;
  std::thread t{[this] {
    char c;
    while (!stop)
      recv(fd, &c, 1, MSG_DONTWAIT);
  }};
  ~DontWait() {
    stop = true;
    close(fd);
    t.join();
  }
};

struct RegularFile {
  int fd = open("/tmp/log", O_RDONLY);
  std::thread t{[this] {
    char c;
    while (read(fd, &c, 1) > 0) {
    }
  }};
  ~RegularFile() {
    close(fd);
    t.join();
  }
};
