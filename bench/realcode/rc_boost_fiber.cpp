// Real-code corpus TU (issue 9): Boost.Fiber 1.81: a fiber pipeline over
// buffered and unbuffered channels that are closed by their producers,
// fiber::future/promise, a barrier and a fiber that runs a work-sharing loop
// until a shared flag says stop.
#include <boost/fiber/all.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

namespace fibers = boost::fibers;

void generate(fibers::buffered_channel<int> &out, int n) {
  for (int i = 0; i < n; ++i)
    if (out.push(i) == fibers::channel_op_status::closed)
      return;
  out.close();
}

void square(fibers::buffered_channel<int> &in,
            fibers::unbuffered_channel<long> &out) {
  for (int v : in)
    out.push(long(v) * v);
  out.close();
}

long sum(fibers::unbuffered_channel<long> &in) {
  long total = 0;
  long v = 0;
  while (in.pop(v) == fibers::channel_op_status::success)
    total += v;
  return total;
}

long pipeline(int n) {
  fibers::buffered_channel<int> numbers(64);
  fibers::unbuffered_channel<long> squares;
  fibers::fiber producer([&numbers, n] { generate(numbers, n); });
  fibers::fiber worker([&numbers, &squares] { square(numbers, squares); });
  long total = sum(squares);
  producer.join();
  worker.join();
  return total;
}

std::string fetch_with_timeout(std::chrono::milliseconds limit) {
  fibers::promise<std::string> promise;
  fibers::future<std::string> future = promise.get_future();
  fibers::fiber([p = std::move(promise)]() mutable {
    boost::this_fiber::sleep_for(std::chrono::milliseconds(5));
    p.set_value("payload");
  }).detach();
  if (future.wait_for(limit) == fibers::future_status::timeout)
    return {};
  return future.get();
}

void worker_pool(int threads) {
  std::atomic<bool> stop{false};
  fibers::barrier ready(threads);
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&] {
      fibers::use_scheduling_algorithm<fibers::algo::shared_work>();
      ready.wait();
      while (!stop.load())
        boost::this_fiber::yield();
    });
  }
  stop = true;
  for (auto &t : pool)
    t.join();
}

long run_all() {
  long total = pipeline(1000);
  auto s = fetch_with_timeout(std::chrono::milliseconds(50));
  worker_pool(2);
  return total + static_cast<long>(s.size());
}

} // namespace corpus
