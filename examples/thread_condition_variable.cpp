// A std::thread left waiting on a condition variable: the producer sets the
// flag but forgets to notify (a lost wakeup), so the consumer never wakes.
// The runtime sees the thread (it is not a tether task) and where it waits.
#include "example.hpp"

#include <pthread.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace example;

namespace {

struct mailbox {
  std::mutex mutex;
  std::condition_variable ready;
  bool has_mail = false;
  std::thread reader;

  void start() {
    reader = std::thread([this] {
      pthread_setname_np(pthread_self(), "mail-reader");
      std::unique_lock lock(mutex);
      ready.wait(lock, [this] { return has_mail; });
    });
  }
};

} // namespace

// Leaky: waits until the reader is waiting, then sets the flag without a
// notify. (The mailbox is never freed: a joinable std::thread would abort.)
void leaky() {
  auto *box = new mailbox;
  box->start();
  std::this_thread::sleep_for(50ms); // the reader is waiting by now
  std::lock_guard lock(box->mutex);
  box->has_mail = true; // no notify_one(): the reader sleeps on
}

// Fixed: notify after the change, and join.
void fixed() {
  mailbox box;
  box.start();
  {
    std::lock_guard lock(box.mutex);
    box.has_mail = true;
  }
  box.ready.notify_one();
  box.reader.join();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
