// libtether_threads.so's own exit report: for programs that cannot relink
// with libtether, `LD_PRELOAD=libtether_threads.so TETHER_LEAK_REPORT=1`
// reports, at exit, the threads still joinable and the detached threads
// still blocked. (Linked with libtether, its report at exit does this.)
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "thread_registry.hpp"

namespace tether::detail {

void install_exit_report_if_requested() {
  static const bool installed = [] {
    const char *env = std::getenv("TETHER_LEAK_REPORT");
    if (!env || std::strcmp(env, "1") != 0)
      return false;
    std::atexit([] {
      std::vector<leak::thread_info> threads = look_at_threads(true);
      std::erase_if(threads, [](const leak::thread_info &t) {
        return !reported_at_exit(t);
      });
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
    return true;
  }();
  (void)installed;
}

} // namespace tether::detail
