// The runtime twin of tether-unobserved-stop (depth.cpp): the worker's loop,
// two calls below the thread body, waits in recv() for a peer that never
// writes and never reads `running_`, the flag stop() clears before it joins.
// main runs the stop path up to the join (request_stop()) and does not join;
// the detector shows the worker alive in recv(), at the loop the check
// reports, with its spawn site.
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-unobserved-stop %t.tidy
// RUN: %tether_cxx %s -o %t
// RUN: %t 2>&1 | %FileCheck %s
#include <tether/leak.hpp>

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

class Connection {
public:
  explicit Connection(int fd) : fd_(fd) {}
  void start() { thread_ = std::thread([this] { handle(); }); }
  void request_stop() { running_ = false; }
  void stop() {
    request_stop();
    thread_.join(); // hangs: the worker never looks at running_
  }
  pid_t worker_tid() const { return tid_; }

private:
  void handle() {
    pthread_setname_np(pthread_self(), "reader");
    tid_ = static_cast<pid_t>(::syscall(SYS_gettid));
    read_loop();
  }
  void read_loop() {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) { // the check's line
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop on a worker blocks without observing 'running_', the stop signal that 'stop' sets before it waits for the worker: the wait can hang [tether-unobserved-stop]
    }
  }
  int fd_ = -1;
  std::atomic<bool> running_{true};
  std::atomic<pid_t> tid_{0};
  std::thread thread_;
};

// Whether the thread is in a receive system call now.
bool in_recv(pid_t tid) {
  std::ifstream in("/proc/self/task/" + std::to_string(tid) + "/syscall");
  long number = -1;
  return in >> number && (number == SYS_recvfrom || number == SYS_read);
}

int main() {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds)) {
    std::cout << "cannot make a socket pair\n";
    std::_Exit(1);
  }
  auto baseline = tether::leak::options().ignore_current().wait(100ms);
  auto &connection = *new Connection(fds[0]); // a thread stays in it
  connection.start();
  const auto give_up = std::chrono::steady_clock::now() + 1s;
  while (!(connection.worker_tid() && in_recv(connection.worker_tid())) &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  connection.request_stop(); // stop() without its join, which would hang
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "reader" [in {{recv|recvfrom|read}}(), at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_unobserved_stop.cpp:31 in Connection::start()
  // CHECK: at {{.*}}thread_unobserved_stop.cpp:47 in Connection::read_loop()
  std::_Exit(0);
}
