// RUN: %check_tether %s tether-dropped-cancellation %t
#include <tether/tether.hpp>

using namespace std::chrono_literals;
using tether::context;
bool cond();

// The token is passed on, or the operation cannot block. Silent.
void passes(const context &ctx, tether::chan<int> ch, std::stop_token st) {
  if (ch.send(ctx, 1) != tether::chan_status::ok)
    return;
  auto r = ch.recv(st);
  (void)r;
  if (ch.try_send(2))
    return;
  tether::select(tether::on_recv(ch, [](int) {}), tether::on_done(ctx));
  (void)tether::sleep(ctx, 1ms);
}