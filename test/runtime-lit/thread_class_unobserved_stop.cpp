// The runtime twin of tether-unobserved-stop's thread-class rule
// (thread-class.cpp): a thread class of the program's own starts a thread
// that calls the virtual tick() until should_quit(); the worker's tick()
// reads a reply in a loop that never calls should_quit(), so once the peer
// stops answering, a stop request is never seen. main requests the stop
// without the wait that would hang; the detector shows the worker alive in
// recv(), at the loop the check reports, with its spawn site.
// REQUIRES: tether-runtime
// RUN: %check_tether %s tether-unobserved-stop %t.tidy -- \
// RUN:   -config="{CheckOptions: {tether-unobserved-stop.ThreadEntryFunctions: 'TickingThread::tick', tether-unobserved-stop.StopCheckFunctions: 'TickingThread::should_quit'}}"
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

// The thread class: in a real program its members live in another file.
class TickingThread {
public:
  virtual ~TickingThread() = default;
  void start() { thread_ = std::thread([this] { loop(); }); }
  void ask_for_stop() { quit_ = true; }
  bool should_quit() const { return quit_; }
  pid_t worker_tid() const { return tid_; }

protected:
  virtual void tick() = 0;

private:
  void loop() {
    pthread_setname_np(pthread_self(), "ticker");
    tid_ = static_cast<pid_t>(::syscall(SYS_gettid));
    while (!should_quit())
      tick();
  }
  std::atomic<bool> quit_{false};
  std::atomic<pid_t> tid_{0};
  std::thread thread_;
};

class Prober : public TickingThread {
public:
  explicit Prober(int fd) : fd_(fd) {}

private:
  void tick() override { read_reply(); }
  void read_reply() {
    char buf[64];
    long got = 0;
    do { // the check's line
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop on a worker of 'TickingThread' blocks without calling 'should_quit', the stop check of its thread class: stopping the thread waits for the worker and can hang [tether-unobserved-stop]
      got = recv(fd_, buf, sizeof buf, 0);
    } while (got == sizeof buf || got == 0);
  }
  int fd_ = -1;
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
  auto &prober = *new Prober(fds[0]); // a thread stays in it
  prober.start();
  const auto give_up = std::chrono::steady_clock::now() + 1s;
  while (!(prober.worker_tid() && in_recv(prober.worker_tid())) &&
         std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(1ms);
  prober.ask_for_stop(); // the stop, without the wait that would hang
  std::cout << tether::leak::verify_none(baseline) << std::flush;
  // CHECK: 1 leaked thread(s)
  // CHECK: thread {{[0-9]+}} "ticker" [in {{recv|recvfrom|read}}(), at least {{.*}}]
  // CHECK-NEXT: spawned at {{.*}}thread_class_unobserved_stop.cpp:34 in TickingThread::start()
  // CHECK: at {{.*}}thread_class_unobserved_stop.cpp:65 in Prober::read_reply()
  std::_Exit(0);
}
