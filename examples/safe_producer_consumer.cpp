// Safe channels 3: a queue that owns its context, so closing it stops both
// producer and consumer.
#include "example.hpp"

#include <functional>
#include <string>

using namespace example;

class safe_queue {
public:
  explicit safe_queue(std::size_t capacity)
      : items_(tether::make_chan<std::string>(capacity)) {
    std::tie(ctx_, cancel_) = tether::with_cancel(tether::background());
  }

  /// Produces until `next` returns nothing or the queue closes.
  void start_producer(std::function<std::optional<std::string>()> next) {
    wg_.go([this, next] {
      while (auto item = next())
        if (items_.send(ctx_, *item) == tether::chan_status::cancelled)
          return;
    });
  }

  void start_consumer(std::function<void(const std::string &)> consume) {
    wg_.go([this, consume] {
      while (auto item = items_.recv(ctx_))
        consume(*item);
    });
  }

  /// Stops both sides and waits for them.
  void close() {
    cancel_();
    wg_.wait();
  }

private:
  tether::chan<std::string> items_;
  tether::context ctx_;
  tether::cancel_func cancel_;
  tether::wait_group wg_;
};

// Leaky: a bare channel and no way to stop: the producer blocks on the full
// buffer after the consumer has quit.
void leaky() {
  auto items = tether::make_chan<std::string>(2);
  tether::go("producer", [items] {
    for (int i = 1;; ++i)
      items.send("item-" + std::to_string(i));
  });
  for (int i = 0; i < 3; ++i)
    std::cout << "consumed " << items.recv().value_or("closed") << '\n';
}

// Fixed: the safe queue.
void fixed() {
  safe_queue queue(2);
  int counter = 0;
  queue.start_producer([&]() -> std::optional<std::string> {
    if (counter >= 5)
      return std::nullopt;
    tether::sleep(20ms);
    return "item-" + std::to_string(++counter);
  });
  queue.start_consumer([](const std::string &item) {
    std::cout << "consumed " << item << '\n';
  });
  tether::sleep(200ms);
  queue.close();
}

int main(int argc, char **argv) { return run(argc, argv, leaky, fixed); }
