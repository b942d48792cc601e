// RUN: %check_tether %s tether-uninterruptible-wait %t

// The worker closes its own descriptor after its loop; a destructor that
// joins before it closes; a single-threaded reader whose owner closes the
// descriptor: silent.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

struct OwnClose {
  int fd = -1;
  bool stop = false;
  void run() {
    char c;
    while (!stop && read(fd, &c, 1) > 0) {
    }
    close(fd);
  }
};

struct JoinFirst {
  int fd = -1;
  std::thread t{[this] {
    char c;
    while (read(fd, &c, 1) > 0) {
    }
  }};
  ~JoinFirst() {
    t.join();
    close(fd);
  }
};

class File {
public:
  int next() {
    char c;
    while (read(fd_, &c, 1) > 0)
      if (c == '\n')
        return 1;
    return 0;
  }
  ~File() { close(fd_); }

private:
  int fd_ = -1;
};
