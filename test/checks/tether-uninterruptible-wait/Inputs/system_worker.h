#pragma clang system_header
// A system header's worker with the shape: not reported.
#include <semaphore>
#include <stop_token>
#include <sys/socket.h>
#include <unistd.h>

inline std::counting_semaphore<> system_sem{0};

inline void system_worker(std::stop_token tok) {
  while (!tok.stop_requested())
    system_sem.acquire();
}

struct SystemServer {
  int fd = -1;
  bool stop = false;
  void run() {
    while (!stop)
      accept(fd, nullptr, nullptr);
  }
  void halt() {
    stop = true;
    close(fd);
  }
};
