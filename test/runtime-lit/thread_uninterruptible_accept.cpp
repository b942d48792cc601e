// The runtime twin of tether-uninterruptible-wait (fd-accept-close.cpp): the
// accept thread loops until `stopping_` is set; the stop path sets it, only
// close()s the listening socket, then joins. On Linux close() does not wake
// a thread blocked in accept() on that descriptor. The interleaving is forced
// (the stop path starts once the thread is blocked in the accept system
// call); main runs the stop path up to the join (request_stop()) and does
// not join. The detector shows the thread still in accept() after close(),
// at the line the check reports.
// Beware: any signal to that thread ends the wait (accept() is restarted on
// the closed descriptor and fails with EBADF), the detector's stack capture
// included; the state is read before the capture, so the report shows the
// thread in accept(), and it may leave right after. A program that joins
// after close() hangs unless some signal comes.
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-uninterruptible-wait %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

using namespace std::chrono_literals;

class Server {
public:
  explicit Server(int fd) : listen_fd_(fd) {}
  void start() { thread_ = std::thread([this] { serve(); }); }
  void request_stop() {
    stopping_ = true;
    close(listen_fd_);
  }
  void stop() {
    request_stop();
    thread_.join(); // hangs: nothing wakes the thread
  }
  pid_t serving_tid() const { return tid_; }

private:
  void serve() {
    pthread_setname_np(pthread_self(), "acceptor");
    tid_ = static_cast<pid_t>(::syscall(SYS_gettid));
    while (!stopping_) {
      int client = accept(listen_fd_, nullptr, nullptr); // the check's line
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'accept' blocks on 'listen_fd_', which the stop path only closes: on Linux close() does not wake a thread blocked in 'accept' on that descriptor, so the thread never returns [tether-uninterruptible-wait]
      if (client >= 0)
        close(client);
    }
  }
  int listen_fd_ = -1;
  bool stopping_ = false;
  std::atomic<pid_t> tid_{0};
  std::thread thread_;
};

// A listening socket on 127.0.0.1, on a port the kernel picks.
int listen_on_loopback() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) ||
      listen(fd, 1)) {
    std::cout << "cannot listen on 127.0.0.1\n";
    std::_Exit(1);
  }
  return fd;
}

// Whether the thread is in the accept system call now (the first field of
// /proc/self/task/<tid>/syscall is the call's number).
bool in_accept(pid_t tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/syscall");
  long number = -1;
  return in >> number && (number == SYS_accept || number == SYS_accept4);
}

Server &server = *new Server(listen_on_loopback()); // a thread stays in it

int main() {
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  server.start();
  const auto give_up = std::chrono::steady_clock::now() + 1s;
  while (!(server.serving_tid() && in_accept(server.serving_tid())) &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  server.request_stop(); // stop() without its join, which would hang here
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "acceptor" [in accept{{4?}}(), at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_uninterruptible_accept.cpp:39 in Server::start()
  // CHECK: at {{.*}}thread_uninterruptible_accept.cpp:55 in Server::serve()
  std::_Exit(0);
}
