// Real-code corpus TU (issue 19): Debian's libconcurrentqueue-dev 1.0.3
// (moodycamel's lock-free MPMC ConcurrentQueue, its BlockingConcurrentQueue
// and the LightweightSemaphore under it). The library's three headers are
// analysed as user code (compile_commands.py copies them out of the package).
// Its own code: atomics everywhere, a semaphore that spins a bounded number
// of times on an atomic count before it blocks in sem_wait, timed waits,
// retry loops around sem_post. This driver uses it the way its users do: a
// worker pool of std::threads stopped by sentinels, a consumer stopped by an
// atomic flag checked between timed waits, producer and consumer tokens,
// bulk operations, and the semaphore on its own as a start gate.
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <concurrentqueue/concurrentqueue.h>
#include <concurrentqueue/lightweightsemaphore.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

// Workers block in wait_dequeue; an empty function is the sentinel that
// makes each of them return, one per worker.
class job_runner {
public:
  explicit job_runner(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i)
      workers_.emplace_back([this] { work(); });
  }

  ~job_runner() {
    for (std::size_t i = 0; i < workers_.size(); ++i)
      jobs_.enqueue(std::function<void()>());
    for (auto &t : workers_)
      t.join();
  }

  void post(std::function<void()> job) { jobs_.enqueue(std::move(job)); }

  std::size_t done() const { return done_.load(); }

private:
  void work() {
    for (;;) {
      std::function<void()> job;
      jobs_.wait_dequeue(job);
      if (!job)
        return;
      job();
      done_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  moodycamel::BlockingConcurrentQueue<std::function<void()>> jobs_;
  std::atomic<std::size_t> done_{0};
  std::vector<std::thread> workers_;
};

// A consumer that checks an atomic stop flag between timed waits: stop()
// needs no wakeup, the wait times out within 50 ms.
class metric_sink {
public:
  metric_sink() : thread_([this] { drain(); }) {}
  ~metric_sink() { stop(); }

  void record(double v) { queue_.enqueue(producer_, v); }

  void stop() {
    stopping_.store(true);
    if (thread_.joinable())
      thread_.join();
  }

  double total() const { return total_; }

private:
  void drain() {
    moodycamel::ConsumerToken consumer(queue_);
    double batch[64];
    while (!stopping_.load()) {
      std::size_t n = queue_.wait_dequeue_bulk_timed(
          consumer, batch, 64, std::chrono::milliseconds(50));
      for (std::size_t i = 0; i < n; ++i)
        total_ += batch[i];
    }
    // Drain what was recorded before the stop.
    std::size_t n;
    while ((n = queue_.try_dequeue_bulk(consumer, batch, 64)) != 0)
      for (std::size_t i = 0; i < n; ++i)
        total_ += batch[i];
  }

  moodycamel::BlockingConcurrentQueue<double> queue_;
  moodycamel::ProducerToken producer_{queue_};
  std::atomic<bool> stopping_{false};
  double total_ = 0;
  std::thread thread_;
};

// The semaphore on its own: N threads wait for one signal(N).
int gated(int n) {
  moodycamel::LightweightSemaphore gate;
  std::atomic<int> passed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i)
    threads.emplace_back([&] {
      gate.wait();
      passed.fetch_add(1);
    });
  gate.signal(n);
  for (auto &t : threads)
    t.join();
  return passed.load();
}

// The non-blocking queue: producers push, the caller polls after the join.
std::size_t lock_free_counts(int producers, int per_producer) {
  moodycamel::ConcurrentQueue<int> queue;
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; ++p)
    threads.emplace_back([&queue, per_producer, p] {
      moodycamel::ProducerToken token(queue);
      for (int i = 0; i < per_producer; ++i)
        queue.enqueue(token, p * per_producer + i);
    });
  for (auto &t : threads)
    t.join();
  std::size_t seen = 0;
  int item;
  while (queue.try_dequeue(item))
    ++seen;
  return seen + queue.size_approx();
}

// Strings through the blocking queue with a timed single dequeue.
std::string
first_line(moodycamel::BlockingConcurrentQueue<std::string> &lines) {
  std::string line;
  if (lines.wait_dequeue_timed(line, std::chrono::milliseconds(100)))
    return line;
  return {};
}

int run_all() {
  std::size_t done;
  {
    job_runner runner(3);
    for (int i = 0; i < 10; ++i)
      runner.post([] {});
    done = runner.done();
  }
  metric_sink sink;
  sink.record(1.5);
  sink.record(2.5);
  sink.stop();
  moodycamel::BlockingConcurrentQueue<std::string> lines;
  lines.enqueue("hello");
  return static_cast<int>(done + lock_free_counts(2, 100)) + gated(4) +
         static_cast<int>(sink.total()) +
         static_cast<int>(first_line(lines).size());
}

} // namespace corpus

int main() { return corpus::run_all() > 0 ? 0 : 1; }
