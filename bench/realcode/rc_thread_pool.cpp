// Real-code corpus TU (issue 19): Debian's libthread-pool-dev 4.0 (rvaser's
// thread_pool: progschj's ThreadPool with per-thread queues and task
// stealing). The library's header is analysed as user code
// (compile_commands.py copies it out of the package). Its own code: worker
// std::threads, a condition_variable wait loop on `queue.empty() &&
// !is_done`, try_to_lock pushes, std::packaged_task futures, an atomic task
// counter, a destructor that marks every queue done and joins. This driver
// submits work the way its users do: fan-out/fan-in on futures, nested
// submits, a promise-based start gate, and a pool owned by a service object.
#include <thread_pool/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <future>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

// Fan-out over chunks, fan-in through the futures.
long long parallel_sum(thread_pool::ThreadPool &pool,
                       const std::vector<int> &values) {
  const std::size_t chunk = 1024;
  std::vector<std::future<long long>> parts;
  for (std::size_t begin = 0; begin < values.size(); begin += chunk) {
    std::size_t end = std::min(values.size(), begin + chunk);
    parts.emplace_back(pool.Submit(
        [&values](std::size_t b, std::size_t e) {
          return std::accumulate(values.begin() + b, values.begin() + e, 0LL);
        },
        begin, end));
  }
  long long total = 0;
  for (auto &part : parts)
    total += part.get();
  return total;
}

// Tasks released together by one promise; each counts down an atomic.
int gated_start(thread_pool::ThreadPool &pool, int tasks) {
  std::promise<void> go;
  std::shared_future<void> gate = go.get_future().share();
  std::atomic<int> done{0};
  std::vector<std::future<void>> waits;
  for (int i = 0; i < tasks; ++i)
    waits.emplace_back(pool.Submit([gate, &done] {
      gate.wait();
      done.fetch_add(1, std::memory_order_relaxed);
    }));
  go.set_value();
  for (auto &w : waits)
    w.wait();
  return done.load();
}

// A service that owns a pool and a result board guarded by a mutex; the
// caller waits for a result with a deadline.
class indexer {
public:
  explicit indexer(std::size_t threads) : pool_(threads) {}

  void index(std::string doc) {
    pool_.Submit(
        [this](std::string d) {
          std::size_t words = 1;
          for (char c : d)
            words += c == ' ';
          {
            std::lock_guard lock(mutex_);
            indexed_ += words;
          }
          changed_.notify_all();
        },
        std::move(doc));
  }

  bool wait_for_words(std::size_t at_least, std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return indexed_ >= at_least; });
  }

  std::size_t workers() const { return pool_.num_threads(); }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t indexed_ = 0;
  thread_pool::ThreadPool pool_; // last: joined before the state it uses dies
};

// A task that submits more tasks to the same pool (the pool steals work, so
// the waiting task does not starve the queue it waits on when there is more
// than one thread).
int nested(thread_pool::ThreadPool &pool) {
  auto outer = pool.Submit([&pool] {
    auto inner = pool.Submit([] { return 20; });
    return inner.get() + 1;
  });
  return outer.get();
}

int run_all() {
  thread_pool::ThreadPool pool(4);
  std::vector<int> values(10000);
  std::iota(values.begin(), values.end(), 0);
  long long sum = parallel_sum(pool, values);
  int started = gated_start(pool, 8);
  int n = nested(pool);
  indexer idx(2);
  idx.index("one two three");
  idx.index("four five");
  bool ok = idx.wait_for_words(5, std::chrono::seconds(1));
  return static_cast<int>(sum % 7) + started + n + (ok ? 1 : 0) +
         static_cast<int>(idx.workers() + pool.thread_map().size());
}

} // namespace corpus

int main() { return corpus::run_all() > 0 ? 0 : 1; }
