// Prevention 3: with_deadline. Several tasks share one absolute deadline.
#include "example.hpp"

#include <string>

using namespace example;

// Each task waits for its work timer or the shared deadline, whichever first.
void task_with_deadline(const tether::context &ctx, int id) {
  tether::timer work(std::chrono::milliseconds(id * 200 + 100));
  tether::select(
      tether::on_recv(work.chan(),
                      [&] { std::cout << "task-" << id << " done\n"; }),
      tether::on_done(ctx,
                      [&] { std::cout << "task-" << id << " cut off\n"; }));
}

// Leaky: the tasks wait for a reply channel with no deadline at all.
void leaky() {
  auto replies = tether::make_chan<int>();
  for (int id = 0; id < 3; ++id)
    tether::go("waits-forever", [replies] { (void)replies.recv(); });
  tether::sleep(100ms);
}

// Fixed: everyone stops at the deadline.
void fixed() {
  auto [ctx, cancel] =
      tether::with_deadline(tether::background(), tether::clock::now() + 400ms);
  tether::wait_group wg;
  for (int id = 0; id < 3; ++id)
    wg.go([ctx, id] { task_with_deadline(ctx, id); });
  wg.wait();
  cancel();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
