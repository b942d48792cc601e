// RUN: %check_tether %s tether-unobserved-stop %t -- \
// RUN:   -config="{CheckOptions: {tether-unobserved-stop.ThreadEntryFunctions: 'fw::Worker::run;fw::Ticker::tick;fw::Bare::run', tether-unobserved-stop.StopCheckFunctions: 'fw::Worker::should_quit'}}" \
// RUN:   -- -I %S/Inputs

// Workers of a library's thread class: the class starts the thread and
// stops it in another file; the worker's loops must call its stop check.
#include <poll.h>
#include <sys/socket.h>
#include <thread_framework.h>

// The worker itself loops on a blocking read.
class Reader : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};
// CHECK-MESSAGES: :[[@LINE-5]]:5: warning: loop on a worker of 'Worker' blocks without calling 'should_quit', the stop check of its thread class: stopping the thread waits for the worker and can hang [tether-unobserved-stop]
// CHECK-MESSAGES: :[[@LINE-8]]:8: note: 'run' runs on the thread that 'Worker' starts

// Two calls below the tick of a ticking thread: a reply read until it is
// complete, which never is when the peer stops answering.
class Prober : public fw::Ticker {
  void tick() override { exchange(); }
  void exchange() { read_reply(); }
  void read_reply() {
    char buf[64];
    long got = 0;
    do {
      got = recv(fd_, buf, sizeof buf, 0);
    } while (got == sizeof buf);
  }
  int fd_ = -1;
};
// CHECK-MESSAGES: :[[@LINE-6]]:5: warning: loop on a worker of 'Ticker' blocks without calling 'should_quit', the stop check of its thread class: stopping the thread waits for the worker and can hang [tether-unobserved-stop]
// CHECK-MESSAGES: :[[@LINE-12]]:8: note: 'tick' runs on the thread that 'Ticker' starts
// CHECK-MESSAGES: :[[@LINE-12]]:21: note: 'read_reply' is called from 'exchange' here
// CHECK-MESSAGES: :[[@LINE-14]]:26: note: 'exchange' is called from the worker here

// In a class template: reported once, in the pattern.
template <class Message> class Listener : public fw::Worker {
  void run() override {
    Message m;
    for (;;)
      recv(fd_, &m, sizeof m, 0);
  }
  int fd_ = -1;
};
template class Listener<int>;
template class Listener<long>;
// CHECK-MESSAGES: :[[@LINE-7]]:5: warning: loop on a worker of 'Worker' blocks without calling 'should_quit', the stop check of its thread class: stopping the thread waits for the worker and can hang [tether-unobserved-stop]
// CHECK-MESSAGES: :[[@LINE-10]]:8: note: 'run' runs on the thread that 'Worker' starts

// In a lambda the worker calls.
class Drainer : public fw::Worker {
  void run() override {
    auto drain = [this] {
      char byte;
      while (recv(fd_, &byte, 1, 0) > 0) {
      }
    };
    drain();
  }
  int fd_ = -1;
};
// CHECK-MESSAGES: :[[@LINE-7]]:7: warning: loop on a worker of 'Worker' blocks
// CHECK-MESSAGES: :[[@LINE-11]]:8: note: 'run' runs on the thread that 'Worker' starts
// CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'operator()' is called from the worker here

// Written through the project's macro: reported at its use.
#define READ_UNTIL_CLOSED(fd, buf)                                             \
  while (recv(fd, buf, sizeof buf, 0) > 0) {                                   \
  }
class MacroReader : public fw::Worker {
  void run() override {
    char buf[16];
    READ_UNTIL_CLOSED(fd_, buf);
  }
  int fd_ = -1;
};
// CHECK-MESSAGES: :[[@LINE-4]]:5: warning: loop on a worker of 'Worker' blocks
// CHECK-MESSAGES: :[[@LINE-7]]:8: note: 'run' runs on the thread that 'Worker' starts

// Silenced on its line.
class Suppressed : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) { // NOLINT(tether-unobserved-stop)
    }
  }
  int fd_ = -1;
};

// ---- Look-alikes that must stay silent ----

// The stop check through a helper, at any depth.
class Polite : public fw::Worker {
  bool keep_going() { return !should_quit(); }
  void run() override {
    char byte;
    while (keep_going() && recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};

// A bounded loop: three tries.
class Retrier : public fw::Ticker {
  void tick() override {
    char byte;
    for (int i = 0; i < 3; ++i)
      if (recv(fd_, &byte, 1, 0) > 0)
        return;
  }
  int fd_ = -1;
};

// A wait with a timeout: the ticking loop around it calls the stop check.
class Waiter : public fw::Ticker {
  void tick() override {
    pollfd p{fd_, POLLIN, 0};
    while (poll(&p, 1, 100) == 0) {
    }
  }
  int fd_ = -1;
};

// The class's own stop hook sets a flag the loop reads (off the worker).
class Hooked : public fw::Worker {
  void on_stop() override { closing_ = true; }
  void run() override {
    char byte;
    while (!closing_ && recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  bool closing_ = false;
  int fd_ = -1;
};

// A member of the thread class without a body here may call the check.
class Reporting : public fw::Worker {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0)
      report_progress();
  }
  int fd_ = -1;
};

// Not on the worker: the owner calls connect() on its own thread.
class Connector : public fw::Worker {
public:
  void connect() {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }

private:
  void run() override {}
  int fd_ = -1;
};

// A class that is not a configured thread class, with a run() of its own.
class Job {
public:
  virtual ~Job() = default;
  virtual void run() = 0;
};
class ReadJob : public Job {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};

// A thread class with no stop check: nothing says how its workers stop.
class BareReader : public fw::Bare {
  void run() override {
    char byte;
    while (recv(fd_, &byte, 1, 0) > 0) {
    }
  }
  int fd_ = -1;
};
