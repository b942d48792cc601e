// RUN: %check_tether %s tether-loop-without-exit %t

// The flag member is written inside the loop, directly or by a member
// function the loop calls: the loop stops itself.
#include <thread>

bool read_packet();

class Reader {
public:
  void start() { thread_ = std::thread(&Reader::run, this); }
  void start_direct() { thread_ = std::thread(&Reader::run_direct, this); }

private:
  void run() {
    while (running_)
      poll();
  }
  void run_direct() {
    while (running_)
      if (!read_packet())
        running_ = false;
  }
  void poll() {
    if (!read_packet())
      running_ = false;
  }
  bool running_ = true;
  std::thread thread_;
};
