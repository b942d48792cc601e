// RUN: %check_tether %s tether-loop-without-exit %t

// A condition that only an instantiation can evaluate: the template is
// checked as written, where it is not known to be always true, and the
// instantiations are not checked again.
#include <thread>

struct forever_policy {
  static constexpr bool keep_going = true;
};
struct once_policy {
  static constexpr bool keep_going = false;
};

void step();

template <class Policy> void run() {
  do {
    step();
  } while (Policy::keep_going);
}

void start() {
  std::thread(run<once_policy>).detach();
  std::thread(run<forever_policy>).detach();
}
