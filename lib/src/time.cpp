#include <tether/time.hpp>

#include <stdexcept>

#include "scheduler.hpp"
#include "timer_service.hpp"
#include "timer_state.hpp"

namespace tether {
namespace detail {

void timer_state::arm_locked(clock::time_point when) {
  active = true;
  const std::uint64_t armed = ++generation;
  timer_id = timer_service::instance().schedule(
      when,
      [self = shared_from_this(), armed, when] { self->fire(armed, when); });
}

bool timer_state::disarm_locked() {
  ++generation;
  const bool was_active = active;
  active = false;
  if (was_active)
    timer_service::instance().cancel(timer_id);
  return was_active;
}

void timer_state::fire(std::uint64_t armed, clock::time_point due) {
  std::lock_guard lock(mutex);
  if (!active || generation != armed)
    return;
  const auto now = clock::now();
  if (channel.try_send(now))
    last_delivered_ns.store(steady_now_ns(), std::memory_order_relaxed);
  else
    dropped_ticks.fetch_add(1, std::memory_order_relaxed);
  if (period == clock::duration::zero()) {
    active = false;
    return;
  }
  // Like Go's ticker, skip the ticks a slow receiver missed.
  auto next = due + period;
  if (next <= now)
    next = now + period - (now - due) % period;
  arm_locked(next);
}

namespace {

std::shared_ptr<timer_state> start_timer(clock::duration first,
                                         clock::duration period,
                                         std::source_location site) {
  auto state = std::make_shared<timer_state>(period, site);
  state->last_delivered_ns.store(steady_now_ns(), std::memory_order_relaxed);
  std::lock_guard lock(state->mutex);
  state->arm_locked(clock::now() + first);
  return state;
}

clock::duration checked_period(clock::duration period) {
  if (period <= clock::duration::zero())
    throw std::invalid_argument("non-positive interval for ticker");
  return period;
}

} // namespace
} // namespace detail

ticker::ticker(clock::duration period, std::source_location site)
    : state_(
          detail::start_timer(detail::checked_period(period), period, site)) {}

ticker::~ticker() { stop(); }
ticker::ticker(ticker &&) noexcept = default;
ticker &ticker::operator=(ticker &&other) noexcept {
  if (this != &other) {
    stop();
    state_ = std::move(other.state_);
  }
  return *this;
}

recv_chan<clock::time_point> ticker::chan() const { return state_->channel; }

void ticker::stop() noexcept {
  if (!state_)
    return;
  std::lock_guard lock(state_->mutex);
  state_->disarm_locked();
}

void ticker::reset(clock::duration period) {
  std::lock_guard lock(state_->mutex);
  state_->disarm_locked();
  state_->period = detail::checked_period(period);
  state_->arm_locked(clock::now() + period);
}

timer::timer(clock::duration after, std::source_location site)
    : state_(detail::start_timer(after, clock::duration::zero(), site)) {}

timer::~timer() { stop(); }
timer::timer(timer &&) noexcept = default;
timer &timer::operator=(timer &&other) noexcept {
  if (this != &other) {
    stop();
    state_ = std::move(other.state_);
  }
  return *this;
}

recv_chan<clock::time_point> timer::chan() const { return state_->channel; }

bool timer::stop() noexcept {
  if (!state_)
    return false;
  std::lock_guard lock(state_->mutex);
  return state_->disarm_locked();
}

bool timer::reset(clock::duration after) {
  std::lock_guard lock(state_->mutex);
  const bool was_active = state_->disarm_locked();
  state_->arm_locked(clock::now() + after);
  return was_active;
}

recv_chan<clock::time_point> after(clock::duration d,
                                   std::source_location site) {
  // The pending firing owns the state until it fires.
  return detail::start_timer(d, clock::duration::zero(), site)->channel;
}

recv_chan<clock::time_point> tick(clock::duration period,
                                  std::source_location site) {
  // Each pending firing owns the state: nothing can ever stop it.
  return detail::start_timer(detail::checked_period(period), period, site)
      ->channel;
}

void sleep(clock::duration d, std::source_location site) {
  detail::ensure_thread_joined();
  detail::blocked_scope blocked(detail::block_kind::sleep, site);
  detail::sleep_until(std::chrono::steady_clock::now() + d);
}

std::error_code sleep(const context &ctx, clock::duration d,
                      std::source_location site) {
  if (std::error_code error = ctx.err())
    return error;
  timer wake(d, site);
  detail::recv_case<clock::time_point, std::nullptr_t> wake_case(
      wake.chan().state(), nullptr, site);
  auto done = on_done(ctx, nullptr, site);
  detail::select_case *cases[] = {&wake_case, &done};
  const int taken =
      detail::run_select(cases, 2, {detail::block_kind::sleep, site});
  return taken == 1 ? ctx.err() : std::error_code();
}

} // namespace tether
