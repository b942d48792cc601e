// RUN: %check_tether %s tether-stranded-producer %t -- -config="{CheckOptions: {tether-stranded-producer.BlockingQueueTypes: 'acme::bounded_queue'}}" -- -I %S/Inputs

// Library queues that do not strand their producers.
#include "acme_queue.h"
#include <atomic>
#include <thread>

// The stop path closes the queue: a blocked push wakes up.
class Closes {
public:
  Closes() : queue(64), consumer([this] {
    int item;
    while (!stopping)
      if (queue.try_pop(item))
        handle(item);
  }) {}
  void submit(int item) { queue.push(item); }
  void stop() {
    stopping = true;
    queue.close();
    consumer.join();
  }

private:
  void handle(int);
  acme::bounded_queue<int> queue;
  std::atomic<bool> stopping{false};
  std::thread consumer;
};

// An unbounded queue (not a BlockingQueueTypes type): push never blocks.
class Unbounded {
public:
  Unbounded() : consumer([this] {
    int item;
    while (!stopping)
      if (queue.try_pop(item))
        handle(item);
  }) {}
  void submit(int item) { queue.push(item); }
  void stop() {
    stopping = true;
    consumer.join();
  }

private:
  void handle(int);
  acme::unbounded_queue<int> queue;
  std::atomic<bool> stopping{false};
  std::thread consumer;
};

// No stop path: nothing sets the flag the consumers check.
class NeverStops {
public:
  NeverStops() : queue(64), consumer([this] {
    int item;
    while (!stopping)
      if (queue.try_pop(item))
        handle(item);
  }) {}
  void submit(int item) { queue.push(item); }

private:
  void handle(int);
  acme::bounded_queue<int> queue;
  std::atomic<bool> stopping{false};
  std::thread consumer;
};

// The stop path drains what is left (a call on the queue) before leaving.
class Drains {
public:
  Drains() : queue(64), consumer([this] {
    int item;
    while (!stopping)
      if (queue.try_pop(item))
        handle(item);
  }) {}
  void submit(int item) { queue.push(item); }
  void stop() {
    stopping = true;
    consumer.join();
    int item;
    while (queue.try_pop(item))
      handle(item);
  }

private:
  void handle(int);
  acme::bounded_queue<int> queue;
  std::atomic<bool> stopping{false};
  std::thread consumer;
};
