// RUN: %check_tether %s tether-loop-without-exit %t

// Thread pools that can be shut down, started the same way (emplace_back):
// a stop flag read in the wait's predicate, a sentinel task that ends the
// loop, a std::stop_token, a worker moved in (not spawned here), and the
// same pool in a class template.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

class flag_pool {
public:
  explicit flag_pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { run(); });
  }
  ~flag_pool() {
    {
      std::lock_guard<std::mutex> lock(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread &w : workers_)
      w.join();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (stop_ && jobs_.empty())
          return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  bool stop_ = false;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

// An empty job is the sentinel: the destructor queues one per worker.
class sentinel_pool {
public:
  explicit sentinel_pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] {
        for (;;) {
          std::unique_lock<std::mutex> lock(m_);
          cv_.wait(lock, [this] { return !jobs_.empty(); });
          std::function<void()> job = std::move(jobs_.front());
          jobs_.pop_front();
          lock.unlock();
          if (!job)
            break;
          job();
        }
      });
  }
  ~sentinel_pool() {
    {
      std::lock_guard<std::mutex> lock(m_);
      for (std::size_t i = 0; i < workers_.size(); ++i)
        jobs_.emplace_back();
    }
    cv_.notify_all();
    for (std::thread &w : workers_)
      w.join();
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> workers_;
};

// ~jthread requests stop; the wait and the loop both see the token.
class token_pool {
public:
  explicit token_pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this](std::stop_token stop) {
        while (true) {
          std::unique_lock<std::mutex> lock(m_);
          if (!cv_.wait(lock, stop, [this] { return !jobs_.empty(); }))
            return;
          auto job = std::move(jobs_.front());
          jobs_.pop_front();
          lock.unlock();
          job();
        }
      });
  }

private:
  std::mutex m_;
  std::condition_variable_any cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::jthread> workers_;
};

// A thread moved into the container is no new spawn.
void adopt(std::vector<std::thread> &all, std::thread t) {
  all.emplace_back(std::move(t));
}

template <class Job> class typed_pool {
public:
  typed_pool() {
    workers_.emplace_back([this] {
      for (;;) {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [this] { return done_ || !jobs_.empty(); });
        if (done_)
          return;
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
      }
    });
  }

private:
  bool done_ = false;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  std::vector<std::thread> workers_;
};

typed_pool<std::function<void()>> typed;
