// A spawn allocates once (issue 22): the task's record and body share one
// block, the registry links the record itself, and the fiber's stack and
// properties are recycled from finished tasks. This binary replaces the global
// operator new to count, so it is built apart from runtime_tests (and not
// under the sanitizers, which replace operator new themselves).
#include "test_util.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<long> allocations{0};

} // namespace

void *operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void *block = std::malloc(size ? size : 1))
    return block;
  throw std::bad_alloc();
}

void operator delete(void *block) noexcept { std::free(block); }
void operator delete(void *block, std::size_t) noexcept { std::free(block); }

namespace {

// Spawns and joins `count` tasks from a task, as the SpawnJoin benchmark does;
// returns the allocations made meanwhile, in the whole process.
long allocations_of_spawns(int count) {
  auto done = tether::make_chan<long>(1);
  tether::go([count, done] {
    const long before = allocations.load();
    for (int i = 0; i < count; ++i) {
      tether::wait_group child;
      child.go([] {});
      child.wait();
    }
    done.send(allocations.load() - before);
  });
  return *done.recv();
}

} // namespace

TEST(SpawnAllocation, OneAllocationPerSpawnOnceWarm) {
  (void)allocations_of_spawns(1000); // fills the pools, starts the workers
  constexpr int spawns = 10000;
  const long counted = allocations_of_spawns(spawns);
  // A little slack for the workers' own rare allocations meanwhile.
  EXPECT_LE(counted, spawns + spawns / 100)
      << static_cast<double>(counted) / spawns << " allocations per spawn";
  EXPECT_GE(counted, spawns) << "the counter missed the records";
}
