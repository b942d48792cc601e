// Detection method 1: count live tasks before and after (the
// GoroutineChecker of Go's leak-detection guides), then ask the detector which
// ones they are.
#include "example.hpp"

using namespace example;

/// Remembers the live-task count at construction; check() reports the growth.
class task_checker {
public:
  explicit task_checker(std::string_view name)
      : name_(name), initial_(tether::leak::live_tasks().size()) {}

  void check() const {
    const auto now = tether::leak::live_tasks().size();
    if (now > initial_)
      std::cout << name_ << ": " << now - initial_
                << " possibly leaked task(s)\n";
    else
      std::cout << name_ << ": no leaked task\n";
  }

private:
  std::string_view name_;
  std::size_t initial_;
};

// Leaky: a receive that nothing will ever satisfy.
void leaky() {
  task_checker checker("leak test");
  {
    auto ch = tether::make_chan<int>();
    tether::go("receiver", [ch] { (void)ch.recv(); });
    tether::sleep(50ms);
  }
  checker.check();
}

// Fixed: the task finishes and the caller waits for it.
void fixed() {
  task_checker checker("normal test");
  tether::wait_group wg;
  wg.go([] { tether::sleep(50ms); });
  wg.wait();
  checker.check();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
