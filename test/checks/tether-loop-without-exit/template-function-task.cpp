// RUN: %check_tether %s tether-loop-without-exit %t

// A function template used as the task: checked once, in the template.
#include <thread>

template <class T> void drain(T *source) {
  for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in a task never exits and checks no context or stop token: the task can never stop [tether-loop-without-exit]
    source->pop();
}

struct queue {
  void pop();
};
struct stack {
  void pop();
};

void start(queue *q, stack *s) {
  std::thread(drain<queue>, q).detach();
  std::thread(drain<stack>, s).detach();
}
