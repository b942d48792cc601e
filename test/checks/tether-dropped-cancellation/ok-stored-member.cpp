// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// Stored in a member: the object owns the obligation now. Silent.
class server {
public:
  void start(const context &parent) {
    auto [ctx, cancel] = tether::with_cancel(parent);
    ctx_ = ctx;
    cancel_ = cancel;
    if (cond())
      return;
  }
  void stop() { cancel_(); }

private:
  context ctx_;
  tether::cancel_func cancel_;
};