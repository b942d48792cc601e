// libtether_threads.so's own exit report: for programs that cannot relink
// with libtether, `LD_PRELOAD=libtether_threads.so TETHER_LEAK_REPORT=1`
// reports, at exit, the threads still joinable and the detached threads
// still blocked. (Linked with libtether, its report at exit does this.)
#include <iostream>

#include "thread_registry.hpp"

namespace tether::detail {

void install_exit_report_if_requested() {
  at_exit_if_report_requested([] {
    std::vector<leak::thread_info> threads = threads_left_at_exit();
    if (threads.empty())
      return;
    std::cerr << "tether: leak report at exit (TETHER_LEAK_REPORT=1)\n"
              << "found " << threads.size() << " leaked thread(s):\n";
    for (const auto &t : threads) {
      std::cerr << '\n';
      print_thread(std::cerr, t);
    }
    std::cerr.flush();
  });
}

} // namespace tether::detail
