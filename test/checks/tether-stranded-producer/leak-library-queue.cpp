// RUN: %check_tether %s tether-stranded-producer %t -- -config="{CheckOptions: {tether-stranded-producer.BlockingQueueTypes: 'acme::bounded_queue'}}" -- -I %S/Inputs

// A bounded library queue whose push blocks while it is full. The consumers
// poll it in a loop that exits on `stopping`; stop() sets the flag and joins
// them, but leaves the queue open: a producer blocked in push() on the full
// queue is never woken.
#include "acme_queue.h"
#include <atomic>
#include <thread>
#include <vector>

class Ingest {
public:
  Ingest() : queue(64) {
    for (int i = 0; i < 2; ++i)
      consumers.emplace_back([this] {
        while (!stopping) {
          int item;
          if (queue.try_pop(item))
            handle(item);
        }
      });
  }

  void submit(int item) {
    queue.push(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: this push into 'queue' can block forever: 'stop' lets the consumers exit, and nothing takes from or closes the full queue after that [tether-stranded-producer]
    // CHECK-MESSAGES: :17:17: note: the consumers check 'stopping' here and exit
    // CHECK-MESSAGES: :36:14: note: 'stop' sets 'stopping' here without closing 'queue'; close the queue there, or push with a timeout
  }

  // A non-blocking push is not reported.
  bool offer(int item) { return queue.try_push(item); }

  void stop() {
    stopping = true;
    for (std::thread &t : consumers)
      t.join();
  }

private:
  void handle(int);
  acme::bounded_queue<int> queue;
  std::atomic<bool> stopping{false};
  std::vector<std::thread> consumers;
};
