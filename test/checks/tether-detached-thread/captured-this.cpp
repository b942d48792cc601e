// RUN: %check_tether %s tether-detached-thread %t

// A detached thread that reaches its spawner's object through 'this': the
// object's owner destroys it while the thread still runs (cpp-httplib's
// Threads task queue before it was removed).
#include <functional>
#include <mutex>
#include <thread>

class task_queue {
public:
  void enqueue(std::function<void()> fn) {
    std::thread([=] {
      {
        std::lock_guard<std::mutex> guard(mutex_);
        ++running_;
      }
      fn();
      std::lock_guard<std::mutex> guard(mutex_);
      --running_;
    }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: detached thread uses the object 'this' points to, which may be destroyed while the thread still runs [tether-detached-thread]
    // CHECK-MESSAGES: :[[@LINE-8]]:43: note: 'this' is captured here; nothing keeps the object alive after its owner destroys it: capture 'shared_from_this()', or keep the thread and join it in the destructor
  }

private:
  std::mutex mutex_;
  int running_ = 0;
};

class reporter {
public:
  void start() {
    std::thread(&reporter::report, this).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: detached thread uses the object 'this' points to
    // CHECK-MESSAGES: :[[@LINE-2]]:36: note: 'this' is captured here
  }

  void start_explicit() {
    std::thread([this] { report(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: detached thread uses the object 'this' points to
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: 'this' is captured here
  }

private:
  void report();
};

// Made with 'new' but also deleted: its objects can die under the thread.
class mortal_service {
public:
  mortal_service() {
    std::thread([this] { run(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: detached thread uses the object 'this' points to
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: 'this' is captured here
  }
  void run();
};

void cycle() { delete new mortal_service; }

// Made with 'new' only, but deleted through its base (a unique_ptr of the
// interface, as cpp-httplib's task queues are held).
struct task_queue_base {
  virtual ~task_queue_base() = default;
};
class detached_queue : public task_queue_base {
public:
  void enqueue() {
    std::thread([this] { run(); }).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: detached thread uses the object 'this' points to
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: 'this' is captured here
  }
  void run();
};

void use_queue() {
  task_queue_base *queue = new detached_queue;
  delete queue;
}
