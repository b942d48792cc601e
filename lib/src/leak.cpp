// tether::leak: reports, verify_none, ignore rules, the tracking switch and
// the TETHER_LEAK_REPORT exit dump. The scan itself is in leak_scan.cpp, the
// monitor and the deadlock watchdog in leak_monitor.cpp.
#include <tether/leak.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <sstream>
#include <utility>

#include <boost/fiber/context.hpp>

#include "leak_events.hpp"
#include "leak_internal.hpp"
#include "scheduler.hpp"
#include "task_registry.hpp"
#include "thread_registry.hpp"

namespace tether::leak {
namespace {

using detail::print_duration;

void print_site(std::ostream &out, const char *what,
                const std::source_location &site) {
  out << "  " << what << " at " << site.file_name() << ':' << site.line()
      << " in " << site.function_name() << '\n';
}

void print_task(std::ostream &out, const task_info &t) {
  out << (t.is_task ? "task " : "thread ") << t.id;
  if (!t.name.empty())
    out << " \"" << t.name << '"';
  out << " [";
  switch (t.state) {
  case task_state::running:
    out << "running, ";
    print_duration(out, t.duration);
    if (t.possible_loop) {
      out << ", ";
      print_duration(out, t.without_progress);
      out << " without blocking or checking its context";
    }
    break;
  case task_state::sleeping:
    out << "sleeping, ";
    print_duration(out, t.duration);
    break;
  case task_state::blocked:
    out << "blocked on " << t.blocked_on << ", ";
    print_duration(out, t.duration);
    break;
  }
  out << ']';
  if (t.definite)
    out << " [definite]";
  if (t.possible_loop)
    out << " [possible loop]";
  out << '\n';
  if (t.is_task)
    print_site(out, "spawned", t.spawn_site);
  if (t.state != task_state::running)
    print_site(out, "blocked", t.block_site);
}

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

bool ignores(const options &rules, const task_info &t) {
  if (rules.ignored_tasks.contains(t.id))
    return true;
  if (std::find(rules.ignored_names.begin(), rules.ignored_names.end(),
                t.name) != rules.ignored_names.end())
    return true;
  const std::string function = t.spawn_site.function_name();
  return std::any_of(
      rules.ignored_functions.begin(), rules.ignored_functions.end(),
      [&](const std::string &f) { return contains(function, f); });
}

bool ignores(const options &rules, const thread_info &t) {
  if (rules.ignored_threads.contains(t.id))
    return true;
  if (std::find(rules.ignored_names.begin(), rules.ignored_names.end(),
                t.name) != rules.ignored_names.end())
    return true;
  auto any_in = [](const std::vector<std::string> &needles,
                   const std::string &text) {
    return !text.empty() &&
           std::any_of(needles.begin(), needles.end(),
                       [&](const std::string &n) { return contains(text, n); });
  };
  return any_in(rules.ignored_functions, t.spawn_site.function) ||
         any_in(rules.ignored_top_functions, t.top_function);
}

struct global_rules {
  std::mutex mutex;
  std::vector<std::pair<std::uint64_t, options>> rules;
  std::uint64_t next = 1;
};

global_rules &globals() {
  static auto *rules = new global_rules;
  return *rules;
}

/// Drops what `opts` or a process-wide rule ignores.
report filtered(report r, const options &opts) {
  std::vector<options> all{opts};
  {
    auto &g = globals();
    std::lock_guard lock(g.mutex);
    for (const auto &[id, rule] : g.rules)
      all.push_back(rule);
  }
  // The task calling verify_none is not its own leak.
  std::uint64_t self = 0;
  if (auto *props = static_cast<detail::task_properties *>(
          boost::fibers::context::active()->get_properties()))
    if (props->record)
      self = props->record->id;
  std::erase_if(r.tasks, [&](const task_info &t) {
    return t.id == self ||
           std::any_of(all.begin(), all.end(),
                       [&](const options &o) { return ignores(o, t); });
  });
  std::erase_if(r.threads, [&](const thread_info &t) {
    return std::any_of(all.begin(), all.end(),
                       [&](const options &o) { return ignores(o, t); });
  });
  std::erase_if(r.tickers, [&](const ticker_info &t) {
    return std::any_of(all.begin(), all.end(), [&](const options &o) {
      return o.ignored_tickers.contains(t.id);
    });
  });
  std::erase_if(r.dropped_cancels, [&](const dropped_cancel_info &c) {
    return std::any_of(all.begin(), all.end(), [&](const options &o) {
      return c.sequence <= o.cancels_after;
    });
  });
  return r;
}

bool in_task() {
  auto *props = static_cast<detail::task_properties *>(
      boost::fibers::context::active()->get_properties());
  return props && props->record;
}

void print_blocks(std::ostream &out, const report &r) {
  for (const auto &t : r.tasks) {
    out << '\n';
    print_task(out, t);
  }
  for (const auto &t : r.blocked_threads) {
    out << '\n';
    print_task(out, t);
  }
  for (const auto &t : r.threads) {
    out << '\n';
    detail::print_thread(out, t);
  }
  for (const auto &t : r.tickers) {
    out << "\nticker " << t.id << " [every ";
    print_duration(out, t.period);
    out << ", unread for ";
    print_duration(out, t.unread_for);
    out << ", " << t.dropped_ticks << " ticks dropped]\n";
    print_site(out, "created", t.site);
  }
  for (const auto &c : r.dropped_cancels) {
    out << "\ndropped cancel " << c.sequence
        << " [cancel_func destroyed uncalled while its context was live]\n";
    print_site(out, "created", c.site);
  }
}

} // namespace

std::ostream &operator<<(std::ostream &out, const report &r) {
  if (r.global_deadlock)
    out << "all tasks and threads are asleep: global deadlock\n";
  if (r.empty() && !r.global_deadlock) {
    out << "no leaks\n";
    return out;
  }
  if (!r.empty()) {
    out << "found " << r.tasks.size() << " leaked task(s), " << r.tickers.size()
        << " unread ticker(s), " << r.dropped_cancels.size()
        << " dropped cancel(s)";
    // Appended, and only when there are some: the line before threads were
    // seen stays as it was (tests match it).
    if (!r.threads.empty())
      out << ", " << r.threads.size() << " leaked thread(s)";
    out << ":\n";
  }
  print_blocks(out, r);
  return out;
}

std::string report::to_string() const {
  std::ostringstream out;
  out << *this;
  return out.str();
}

options &options::ignore_name(std::string name) {
  ignored_names.push_back(std::move(name));
  return *this;
}

options &options::ignore_function(std::string function) {
  ignored_functions.push_back(std::move(function));
  return *this;
}

options &options::ignore_top_function(std::string function) {
  ignored_top_functions.push_back(std::move(function));
  return *this;
}

options &options::ignore_current() {
  for (const auto &t : detail::thread_registry::instance().live())
    ignored_threads.insert(t->serial);
  detail::task_registry::instance().for_each([&](const detail::task_record &r) {
    if (r.is_task)
      ignored_tasks.insert(r.id);
  });
  detail::for_each_ticker([&](std::uint64_t id, detail::timer_state &) {
    ignored_tickers.insert(id);
  });
  cancels_after = detail::last_dropped_cancel();
  return *this;
}

std::vector<task_info> live_tasks() { return detail::scan(options()).tasks; }

report snapshot(const options &opts) {
  report r = detail::scan(opts);
  r.threads = detail::look_at_threads(true);
  return r;
}

void dump(std::ostream &out, const options &opts) {
  const report r = snapshot(opts);
  // A dump shows every live task and thread, leaked or not, as Go's stack
  // dump does.
  out << "tether: " << r.tasks.size() << " live task(s)";
  if (!r.threads.empty())
    out << ", " << r.threads.size() << " thread(s)";
  out << '\n';
  if (r.global_deadlock)
    out << "all tasks and threads are asleep: global deadlock\n";
  print_blocks(out, r);
}

report verify_none(const options &opts) {
  const auto deadline = clock::now() + opts.max_wait;
  auto backoff = std::chrono::milliseconds(1);
  // Stacks (a signal to each thread) are taken for the final answer only,
  // unless a rule needs them to tell what is ignored.
  const bool rules_need_stacks = !opts.ignored_top_functions.empty();
  for (;;) {
    report r = detail::scan(opts);
    r.threads = detail::look_at_threads(rules_need_stacks);
    r = filtered(std::move(r), opts);
    // Only tasks and threads can still go away by themselves; the other
    // families are facts about the past (cancels) or need a stop (tickers).
    const bool done = r.tasks.empty() && r.threads.empty();
    if (done || clock::now() >= deadline) {
      if (!r.threads.empty() && !rules_need_stacks) {
        r.threads = detail::look_at_threads(true);
        r = filtered(std::move(r), opts);
      }
      return r;
    }
    const auto until = std::min(deadline, clock::now() + backoff);
    if (in_task())
      detail::sleep_until(until); // never block a worker thread
    else if (!r.tasks.empty())
      detail::task_registry::instance().wait_for_exit(until);
    else
      detail::thread_registry::instance().wait_for_exit(until);
    backoff = std::min(backoff * 2, std::chrono::milliseconds(50));
  }
}

std::vector<task_info> definitely_leaked() {
  std::vector<task_info> out;
  for (auto &t : detail::scan(options()).tasks)
    if (t.definite)
      out.push_back(std::move(t));
  return out;
}

bool global_deadlock() { return detail::scan(options()).global_deadlock; }

scoped_ignore::scoped_ignore(options rules) {
  auto &g = globals();
  std::lock_guard lock(g.mutex);
  id_ = g.next++;
  g.rules.emplace_back(id_, std::move(rules));
}

scoped_ignore::~scoped_ignore() {
  auto &g = globals();
  std::lock_guard lock(g.mutex);
  std::erase_if(g.rules, [&](const auto &rule) { return rule.first == id_; });
}

void set_tracking(bool enabled) noexcept {
  detail::tracking_enabled.store(enabled, std::memory_order_relaxed);
}

bool tracking() noexcept {
  return detail::tracking_enabled.load(std::memory_order_relaxed);
}

} // namespace tether::leak

namespace tether::detail {

void install_exit_report_if_requested() {
  at_exit_if_report_requested([] {
    leak::report r = scan(leak::options());
    r.threads = threads_left_at_exit();
    if (!r.empty()) {
      std::cerr << "tether: leak report at exit (TETHER_LEAK_REPORT=1)\n" << r;
      std::cerr.flush();
    }
  });
}

} // namespace tether::detail
