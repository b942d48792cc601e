// RUN: %check_tether %s tether-detached-thread %t

// Detached threads that end by themselves and own what they use: by value,
// through a shared_ptr, or with a spawner that waits for them. Silent.
#include <future>
#include <memory>
#include <string>
#include <thread>

void send(const std::string &);
void log_line(int);

void by_value(int id) {
  std::string message = "job " + std::to_string(id);
  std::thread([message] { send(message); }).detach();
}

void moved_in(std::string message) {
  std::thread([message = std::move(message)] { send(message); }).detach();
}

void shared_state() {
  auto message = std::make_shared<std::string>("hello");
  std::thread([message] { send(*message); }).detach();
}

class session : public std::enable_shared_from_this<session> {
public:
  void start() {
    std::thread([self = shared_from_this()] { self->run(); }).detach();
  }

private:
  void run();
};

void waits_for_it() {
  std::string message = "done";
  std::promise<void> finished;
  std::thread([&] {
    send(message);
    finished.set_value();
  }).detach();
  finished.get_future().wait();
}

// A reference parameter names an object that lives elsewhere: the spawner's
// caller decides how long.
void borrowed(const std::string &message) {
  std::thread([&message] { send(message); }).detach();
}

// main's locals live until the program ends.
int main() {
  int counter = 0;
  std::thread([&counter] { log_line(counter); }).detach();
  return 0;
}

// A singleton made with 'new' and never deleted lives as long as the
// process, as the thread it detaches does: 'this' never dangles.
class timer_service {
public:
  static timer_service &instance() {
    static auto *service = new timer_service;
    return *service;
  }

private:
  timer_service() {
    std::thread([this] { run(); }).detach();
  }
  void run();
};
