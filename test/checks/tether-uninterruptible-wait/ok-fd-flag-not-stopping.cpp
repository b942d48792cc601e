// RUN: %check_tether %s tether-uninterruptible-wait %t

// Another function closes the descriptor and writes the loop's flag, but
// writes the value that keeps the loop running (a restart, not a stop), and
// no thread runs the loop: silent.
#include <sys/socket.h>
#include <unistd.h>

struct Listener {
  int fd = -1;
  bool running = false;
  void loop() {
    while (running)
      accept(fd, nullptr, nullptr);
  }
  void restart() {
    close(fd);
    running = true;
  }
};

// The loop's condition reads the descriptor itself; reassigning it is not a
// stop flag, and no thread runs the loop.
struct Reader {
  int fd = -1;
  void loop() {
    char c;
    while (read(fd, &c, 1) > 0) {
    }
  }
  void reopen(int next) {
    close(fd);
    fd = next;
  }
};
