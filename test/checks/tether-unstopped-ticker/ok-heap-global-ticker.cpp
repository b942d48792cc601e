// RUN: %check_tether %s tether-unstopped-ticker %t
// RUN: %tether_cxx -DRUNTIME_TWIN -I%S %s -o %t.bin && %t.bin | %FileCheck %s --check-prefix=RUNTIME

// Tickers owned through the heap or a global that are stopped: deleted in
// the destructor, stopped in the destructor, held by a unique_ptr member, a
// public field (code elsewhere may stop it), a member defined in another
// file; a static pointer reset or stopped by the function that ends the
// work, and a global of external linkage (another file may stop it).
#include <tether/tether.hpp>

#include <memory>

using namespace std::chrono_literals;

class deleting {
public:
  deleting() : pace_(new tether::ticker(10ms)) {}
  ~deleting() { delete pace_; }

private:
  tether::ticker *pace_;
};

class stopping {
public:
  stopping() { pace_ = new tether::ticker(10ms); }
  ~stopping() { pace_->stop(); }

private:
  tether::ticker *pace_;
};

class owning {
public:
  owning() : pace_(new tether::ticker(10ms)) {}

private:
  std::unique_ptr<tether::ticker> pace_;
};

struct exposed {
  exposed() : pace(new tether::ticker(10ms)) {}
  tether::ticker *pace;
};

class split {
public:
  split() : pace_(new tether::ticker(10ms)) {}
  ~split(); // defined in another file

private:
  tether::ticker *pace_;
};

static std::unique_ptr<tether::ticker> g_flush;
void start_flushing() { g_flush = std::make_unique<tether::ticker>(10ms); }
void stop_flushing() { g_flush.reset(); }

static std::shared_ptr<tether::ticker> g_poll;
void start_polling() { g_poll = std::make_shared<tether::ticker>(10ms); }
void stop_polling() { g_poll = nullptr; }

static tether::ticker *g_probe;
void start_probe() { g_probe = new tether::ticker(10ms); }
void stop_probe() { g_probe->stop(); }

std::unique_ptr<tether::ticker> g_shared_pace;
void start_shared() { g_shared_pace = std::make_unique<tether::ticker>(10ms); }

#ifdef RUNTIME_TWIN
#include "../Inputs/leak_report.hpp"
int main() {
  {
    deleting d;
  }
  {
    stopping s;
  }
  {
    owning o;
  }
  start_flushing();
  stop_flushing();
  start_polling();
  stop_polling();
  start_probe();
  stop_probe();
  // RUNTIME: tether: no leaks
  report_ticker_leaks();
}
#endif
