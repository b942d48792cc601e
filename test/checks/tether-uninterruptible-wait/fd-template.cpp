// RUN: %check_tether %s tether-uninterruptible-wait %t

// A class template: reported once, in its pattern, however often it is
// instantiated.
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

template <class Handler> class Acceptor {
public:
  void stop() {
    stopping_ = true;
    close(fd_);
    thread_.join();
  }
  void loop(Handler &h) {
    while (!stopping_)
      h(accept(fd_, nullptr, nullptr));
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'accept' blocks on 'fd_', which the stop path only closes
  }

private:
  int fd_ = -1;
  bool stopping_ = false;
  std::thread thread_;
};

struct Print {
  void operator()(int) {}
};
struct Count {
  int n = 0;
  void operator()(int) { ++n; }
};

void use(Acceptor<Print> &a, Acceptor<Count> &b) {
  a.stop();
  b.stop();
}
