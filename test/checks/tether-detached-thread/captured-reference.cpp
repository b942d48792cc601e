// RUN: %check_tether %s tether-detached-thread %t

// A detached thread that uses a local of its spawner by reference: the
// spawner returns and destroys it while the thread still runs.
#include <functional>
#include <string>
#include <thread>
#include <vector>

void send(const std::string &);
void sum(const std::vector<int> &, int &);

void notify_async(int id) {
  std::string message = "job " + std::to_string(id);
  std::thread([&message] { send(message); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: detached thread uses 'message', which may be destroyed while the thread still runs [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: 'message' is passed by reference here and destroyed when the spawning function returns; pass it by value or in a 'std::shared_ptr', or join the thread
}

void default_by_reference(std::vector<int> values) {
  int total = 0;
  std::thread worker([&] { sum(values, total); });
  worker.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: detached thread uses 'values', which may be destroyed while the thread still runs [tether-detached-thread]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: 'values' is passed by reference here and destroyed when the spawning function returns
}

void through_std_ref() {
  std::vector<int> values{1, 2, 3};
  int total = 0;
  std::thread(sum, std::cref(values), std::ref(total)).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: detached thread uses 'values'
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: 'values' is passed by reference here
}
