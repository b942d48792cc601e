// RUN: %check_tether %s tether-loop-without-exit %t

// A loop inside a try block whose calls may throw: the handlers say how the
// loop ends (a blocking queue whose pop throws once it is closed). A try
// inside the loop catches and loops again, so it does not count, and
// noexcept calls cannot throw out.
#include <thread>

struct closed_queue {};
struct blocking_queue {
  int pull(); // throws closed_queue once closed
  int peek() noexcept;
};

void consume(blocking_queue &queue, long &total) {
  try {
    for (;;)
      total += queue.pull();
  } catch (const closed_queue &) {
  }
}

void catches_inside(blocking_queue &queue, long &total) {
  for (;;) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    try {
      total += queue.pull();
    } catch (const closed_queue &) {
    }
  }
}

void only_noexcept(blocking_queue &queue, long &total) {
  try {
    while (true)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
      total += queue.peek();
  } catch (...) {
  }
}

void start(blocking_queue &queue, long &total) {
  std::thread([&] { consume(queue, total); }).detach();
  std::thread([&] { catches_inside(queue, total); }).detach();
  std::thread([&] { only_noexcept(queue, total); }).detach();
}
