// Real-code corpus TU (issue 19): Debian's libreaderwriterqueue-dev 1.0.6
// (moodycamel's single-producer single-consumer ReaderWriterQueue, its
// blocking variant, the BlockingReaderWriterCircularBuffer and atomicops.h's
// own semaphore). The library's headers are analysed as user code
// (compile_commands.py copies them out of the package). Its own code: atomics
// with explicit fences, a weak-atomic wrapper, a semaphore that spins a
// bounded number of times before sem_wait, timed waits on both ends of a
// bounded buffer. This driver uses it the way its users do: one producer and
// one consumer std::thread per queue, a sentinel to stop, a bounded pipeline
// whose stages poll an atomic stop flag between timed waits.
#include <readerwriterqueue/atomicops.h>
#include <readerwriterqueue/readerwritercircularbuffer.h>
#include <readerwriterqueue/readerwriterqueue.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace corpus {

// One producer, one consumer, a sentinel (-1) ends the consumer.
long long spsc_sum(int n) {
  moodycamel::BlockingReaderWriterQueue<int> queue(64);
  long long sum = 0;
  std::thread consumer([&] {
    for (;;) {
      int v;
      queue.wait_dequeue(v);
      if (v < 0)
        return;
      sum += v;
    }
  });
  for (int i = 0; i < n; ++i)
    queue.enqueue(i);
  queue.enqueue(-1);
  consumer.join();
  return sum;
}

// A two-stage pipeline over bounded buffers. Each stage waits with a timeout
// and checks the shared stop flag, so stop() reaches a stage blocked on a
// full or an empty buffer.
class pipeline {
public:
  pipeline()
      : parsed_(16), parser_([this] { parse(); }),
        printer_([this] { print(); }) {}

  ~pipeline() { stop(); }

  bool feed(std::string line) {
    while (!stop_.load()) {
      if (raw_.try_enqueue(line))
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  }

  void stop() {
    stop_.store(true);
    if (parser_.joinable())
      parser_.join();
    if (printer_.joinable())
      printer_.join();
  }

  std::size_t printed() const { return count_.load(); }

private:
  void parse() {
    while (!stop_.load()) {
      std::string line;
      if (!raw_.try_dequeue(line)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      std::size_t len = line.size();
      while (!stop_.load() &&
             !parsed_.wait_enqueue_timed(len, std::chrono::milliseconds(20))) {
      }
    }
  }

  void print() {
    std::size_t len;
    while (!stop_.load()) {
      if (parsed_.wait_dequeue_timed(len, std::chrono::milliseconds(20)))
        count_.fetch_add(1);
    }
  }

  moodycamel::ReaderWriterQueue<std::string> raw_{16};
  moodycamel::BlockingReaderWriterCircularBuffer<std::size_t> parsed_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> count_{0};
  std::thread parser_;
  std::thread printer_;
};

// The library's own semaphore as a handshake between two threads.
int handshake() {
  moodycamel::spsc_sema::LightweightSemaphore ready;
  moodycamel::spsc_sema::LightweightSemaphore done;
  int value = 0;
  std::thread worker([&] {
    ready.wait();
    value = 42;
    done.signal();
  });
  ready.signal();
  bool ok = done.wait(1000000); // 1 s
  worker.join();
  return ok ? value : -1;
}

// The non-blocking queue with peek and pop.
std::optional<int> peek_then_pop(moodycamel::ReaderWriterQueue<int> &q) {
  if (int *front = q.peek()) {
    int v = *front;
    q.pop();
    return v;
  }
  return std::nullopt;
}

int run_all() {
  long long sum = spsc_sum(1000);
  std::size_t printed;
  {
    pipeline p;
    for (int i = 0; i < 5; ++i)
      p.feed("line " + std::to_string(i));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    p.stop();
    printed = p.printed();
  }
  moodycamel::ReaderWriterQueue<int> q;
  q.enqueue(7);
  return static_cast<int>(sum % 11) + static_cast<int>(printed) + handshake() +
         peek_then_pop(q).value_or(0);
}

} // namespace corpus

int main() { return corpus::run_all() > 0 ? 0 : 1; }
