// A bootstrap attempt whose waits are in another file (attempt.cpp, not
// shown): `run()` waits on `condition` under `mutex` until `pulling` drops.
// The tests here only notify it, as nano-node's bulk-pull clients do.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

struct attempt {
  void run();
  std::atomic<unsigned> pulling{0};
  std::atomic<bool> stopped{false};
  unsigned requeued = 0;
  std::mutex mutex;
  std::condition_variable condition;
};
