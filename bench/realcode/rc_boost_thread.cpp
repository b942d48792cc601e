// Real-code corpus TU (issue 9): Boost.Thread 1.81: interruptible workers in a
// thread_group, a shared_mutex protected cache, boost::future continuations
// and a bounded queue drained by a consumer that exits on interruption.
#define BOOST_THREAD_VERSION 4
#include <boost/thread.hpp>
#include <boost/thread/future.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <boost/thread/sync_bounded_queue.hpp>

#include <map>
#include <string>

namespace corpus {

class cache {
public:
  std::string get(const std::string &key) const {
    boost::shared_lock<boost::shared_mutex> lock(mutex_);
    auto it = data_.find(key);
    return it == data_.end() ? std::string() : it->second;
  }
  void put(const std::string &key, std::string value) {
    boost::unique_lock<boost::shared_mutex> lock(mutex_);
    data_[key] = std::move(value);
  }

private:
  mutable boost::shared_mutex mutex_;
  std::map<std::string, std::string> data_;
};

// Runs until interrupted: sleep_for is an interruption point.
void refresher(cache &c) {
  int generation = 0;
  while (true) {
    c.put("generation", std::to_string(++generation));
    boost::this_thread::sleep_for(boost::chrono::milliseconds(50));
  }
}

void consumer(boost::sync_bounded_queue<int> &queue, long &total) {
  try {
    for (;;) {
      int v = queue.pull();
      total += v;
    }
  } catch (const boost::sync_queue_is_closed &) {
    // producer closed the queue
  }
}

int run_workers() {
  cache c;
  boost::thread_group group;
  group.create_thread([&c] { refresher(c); });

  boost::sync_bounded_queue<int> queue(16);
  long total = 0;
  boost::thread drain([&] { consumer(queue, total); });
  for (int i = 0; i < 100; ++i)
    queue.push(i);
  queue.close();
  drain.join();

  boost::promise<int> promise;
  boost::future<int> answer = promise.get_future();
  boost::thread setter([p = std::move(promise)]() mutable { p.set_value(42); });
  int value = answer.get();
  setter.join();

  group.interrupt_all();
  group.join_all();
  return value + static_cast<int>(total % 7) + c.get("generation").size();
}

} // namespace corpus
