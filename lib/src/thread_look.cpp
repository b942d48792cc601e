// The look at threads: for each registered thread, its kernel state from
// /proc/self/task/<tid>/{stat,syscall,wchan,comm}, its own stack captured by
// the thread itself in a signal handler (async-signal-safe unwind into a
// preallocated buffer, bounded wait), and what it is stuck in, named from
// that stack ("condition_variable::wait") or from the system call ("poll()").
// Symbols come from libbacktrace (GCC's DWARF reader, the backend of
// Boost.Stacktrace; used directly because Boost's frame API drops inlined
// frames): function, file, line, every inlined call at a pc. Looked up only
// here, and cached per address.
#include "thread_registry.hpp"

#include <csignal>
#include <dlfcn.h>
#include <execinfo.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include <cxxabi.h>

#include TETHER_LIBBACKTRACE_HEADER

namespace tether::detail {
namespace {

using std::chrono::steady_clock;

// ---------------------------------------------------------------- /proc

struct kernel_view {
  bool alive = false;
  char state = '?';
  long syscall = -2; ///< -2 unknown, -1 running in user space
  unsigned long long cpu_ticks = 0;
  std::string wchan;
  std::string comm;
  bool blocks_signal = false;
};

std::string read_small(const std::string &path) {
  std::ifstream in(path);
  std::string text;
  std::getline(in, text, '\0');
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

kernel_view read_kernel(pid_t tid, int sig) {
  kernel_view k;
  const std::string dir = "/proc/self/task/" + std::to_string(tid) + "/";
  const std::string stat = read_small(dir + "stat");
  const auto paren = stat.rfind(')');
  if (stat.empty() || paren == std::string::npos)
    return k;
  k.alive = true;
  std::istringstream fields(stat.substr(paren + 2));
  std::string field;
  std::vector<std::string> f;
  while (fields >> field && f.size() < 14)
    f.push_back(field);
  if (!f.empty())
    k.state = f[0][0];
  if (f.size() >= 13) // utime and stime are fields 14 and 15 of stat
    k.cpu_ticks = std::strtoull(f[11].c_str(), nullptr, 10) +
                  std::strtoull(f[12].c_str(), nullptr, 10);
  const std::string sys = read_small(dir + "syscall");
  if (sys.rfind("running", 0) == 0)
    k.syscall = -1;
  else if (!sys.empty())
    k.syscall = std::strtol(sys.c_str(), nullptr, 10);
  k.wchan = read_small(dir + "wchan");
  if (k.wchan == "0")
    k.wchan.clear();
  k.comm = read_small(dir + "comm");
  std::istringstream status(read_small(dir + "status"));
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigBlk:", 0) == 0) {
      const unsigned long long mask =
          std::strtoull(line.c_str() + 7, nullptr, 16);
      k.blocks_signal = (mask >> (sig - 1)) & 1ULL;
    }
  return k;
}

/// The system call a blocked thread sits in, by number (x86-64, aarch64).
const char *syscall_name(long nr) {
  switch (nr) {
#ifdef SYS_futex
  case SYS_futex:
    return "futex wait";
#endif
#ifdef SYS_nanosleep
  case SYS_nanosleep:
    return "nanosleep";
#endif
#ifdef SYS_clock_nanosleep
  case SYS_clock_nanosleep:
    return "clock_nanosleep";
#endif
#ifdef SYS_poll
  case SYS_poll:
    return "poll()";
#endif
#ifdef SYS_ppoll
  case SYS_ppoll:
    return "ppoll()";
#endif
#ifdef SYS_select
  case SYS_select:
    return "select()";
#endif
#ifdef SYS_pselect6
  case SYS_pselect6:
    return "pselect()";
#endif
#ifdef SYS_epoll_wait
  case SYS_epoll_wait:
    return "epoll_wait()";
#endif
#ifdef SYS_epoll_pwait
  case SYS_epoll_pwait:
    return "epoll_pwait()";
#endif
#ifdef SYS_read
  case SYS_read:
    return "read()";
#endif
#ifdef SYS_accept
  case SYS_accept:
    return "accept()";
#endif
#ifdef SYS_accept4
  case SYS_accept4:
    return "accept4()";
#endif
#ifdef SYS_recvfrom
  case SYS_recvfrom:
    return "recvfrom()";
#endif
#ifdef SYS_wait4
  case SYS_wait4:
    return "wait4()";
#endif
  default:
    return nullptr;
  }
}

// ----------------------------------------------------- the signal capture

constexpr int max_stack = 64;
constexpr auto answer_timeout = std::chrono::milliseconds(50);

/// One capture at a time (the look mutex serialises them). `target` is the
/// tid asked to answer; the handler claims it by swapping in -1, so a late
/// answer to a request that timed out (target reset to 0) writes nothing.
struct capture_slot {
  std::atomic<pid_t> target{0};
  void *pcs[max_stack];
  int depth = 0;
  void *interrupted_pc = nullptr;
  sem_t answered;
};

capture_slot &slot() {
  static auto *s = [] {
    auto *made = new capture_slot;
    sem_init(&made->answered, 0, 0);
    return made;
  }();
  return *s;
}

void on_capture_signal(int, siginfo_t *, void *context) {
  const int saved_errno = errno;
  capture_slot &s = slot();
  pid_t me = static_cast<pid_t>(::syscall(SYS_gettid));
  if (s.target.compare_exchange_strong(me, -1)) {
    s.interrupted_pc = nullptr;
    // The interrupted PC is an integer register of the signal context.
    // NOLINTBEGIN(performance-no-int-to-ptr)
#if defined(__x86_64__)
    s.interrupted_pc = reinterpret_cast<void *>(
        static_cast<ucontext_t *>(context)->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
    s.interrupted_pc = reinterpret_cast<void *>(
        static_cast<ucontext_t *>(context)->uc_mcontext.pc);
#endif
    // NOLINTEND(performance-no-int-to-ptr)
    // Warmed up before the first signal (libgcc loaded), backtrace() only
    // walks unwind tables: no allocation, no lock.
    s.depth = ::backtrace(s.pcs, max_stack);
    s.target.store(0, std::memory_order_release);
    sem_post(&s.answered);
  }
  errno = saved_errno;
}

/// The signal, installed once; 0 if it is taken by the program.
int capture_signal() {
  static const int sig = [] {
    int chosen = SIGRTMIN + 6;
    if (const char *env = std::getenv("TETHER_THREAD_SIGNAL"))
      chosen = std::atoi(env);
    if (chosen < SIGRTMIN || chosen > SIGRTMAX)
      return 0;
    struct sigaction old{};
    if (sigaction(chosen, nullptr, &old) != 0 ||
        (!(old.sa_flags & SA_SIGINFO) && old.sa_handler != SIG_DFL))
      return 0;
    void *warm[4];
    (void)::backtrace(warm, 4);
    (void)slot();
    struct sigaction act{};
    act.sa_sigaction = on_capture_signal;
    act.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&act.sa_mask);
    if (sigaction(chosen, &act, nullptr) != 0)
      return 0;
    return chosen;
  }();
  return sig;
}

/// The thread's own stack, innermost first, or an empty vector and why.
std::vector<void *> capture(pid_t tid, int sig, std::string &note) {
  capture_slot &s = slot();
  while (sem_trywait(&s.answered) == 0) {
  }
  s.target.store(tid, std::memory_order_release);
  if (::syscall(SYS_tgkill, getpid(), tid, sig) != 0) {
    s.target.store(0);
    note = "/proc only: the signal could not be sent";
    return {};
  }
  timespec until{};
  clock_gettime(CLOCK_MONOTONIC, &until);
  const long ns = std::chrono::nanoseconds(answer_timeout).count();
  until.tv_nsec += ns;
  until.tv_sec += until.tv_nsec / 1'000'000'000;
  until.tv_nsec %= 1'000'000'000;
  while (sem_clockwait(&s.answered, CLOCK_MONOTONIC, &until) != 0) {
    if (errno == EINTR)
      continue;
    pid_t asked = tid;
    if (s.target.compare_exchange_strong(asked, 0)) {
      note = "/proc only: the thread did not answer the signal within " +
             std::to_string(std::chrono::milliseconds(answer_timeout).count()) +
             "ms";
      return {};
    }
    // The handler is writing right now: its answer comes at once.
    while (sem_wait(&s.answered) != 0 && errno == EINTR) {
    }
    break;
  }
  // The handler's release store of target orders its writes before this
  // (the semaphore does too, but not every sanitizer can see sem_clockwait).
  while (s.target.load(std::memory_order_acquire) == -1) {
  }
  std::vector<void *> pcs(s.pcs, s.pcs + std::max(s.depth, 0));
  // Drop the handler's own frames: the stack starts at the interrupted pc.
  auto at = std::find(pcs.begin(), pcs.end(), s.interrupted_pc);
  if (at != pcs.end())
    pcs.erase(pcs.begin(), at);
  else if (pcs.size() > 2)
    pcs.erase(pcs.begin(), pcs.begin() + 2);
  return pcs;
}

// ------------------------------------------------------------ symbols

/// Frames in these objects are the C/C++ runtime, not the program.
bool in_runtime_library(const void *pc) {
  Dl_info info{};
  if (!dladdr(pc, &info) || !info.dli_fname)
    return false;
  const std::string_view file = info.dli_fname;
  for (std::string_view lib : {"libc.so", "libstdc++", "libgcc_s", "ld-linux",
                               "libc++", "libpthread", "libunwind"})
    if (file.find(lib) != std::string_view::npos)
      return true;
  return false;
}

struct symbol {
  leak::frame_info frame;
  bool runtime = false; ///< libc/libstdc++/unwinder
};

std::string demangle(const char *name) {
  if (!name)
    return {};
  int status = 0;
  char *plain = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string out = status == 0 && plain ? plain : name;
  std::free(plain);
  return out;
}

backtrace_state *debug_info() {
  static backtrace_state *state = backtrace_create_state(
      nullptr, /*threaded=*/1, [](void *, const char *, int) {}, nullptr);
  return state;
}

/// The frames at `pc`, the innermost inlined call first, the function that
/// holds the code last; from DWARF, else the symbol table, else dladdr.
std::vector<symbol> lookup(const void *pc) {
  std::vector<symbol> out;
  const auto addr = reinterpret_cast<std::uintptr_t>(pc);
  auto on_line = [](void *data, std::uintptr_t, const char *file, int line,
                    const char *function) {
    auto &frames = *static_cast<std::vector<symbol> *>(data);
    symbol s;
    s.frame.function = demangle(function);
    if (file)
      s.frame.file = file;
    s.frame.line = line > 0 ? static_cast<std::size_t>(line) : 0;
    frames.push_back(std::move(s));
    return 0;
  };
  auto on_error = [](void *, const char *, int) {};
  if (backtrace_state *state = debug_info())
    backtrace_pcinfo(state, addr, on_line, on_error, &out);
  std::erase_if(out, [](const symbol &s) {
    return s.frame.function.empty() && s.frame.file.empty();
  });
  if (out.empty()) {
    symbol s;
    Dl_info info{};
    if (dladdr(pc, &info)) {
      s.frame.function = demangle(info.dli_sname);
      if (info.dli_fname)
        s.frame.file = info.dli_fname;
    }
    out.push_back(std::move(s));
  }
  const bool runtime = in_runtime_library(pc);
  for (auto &s : out)
    s.runtime = runtime;
  return out;
}

std::unordered_map<const void *, std::vector<symbol>> &symbol_cache() {
  static auto *cache =
      new std::unordered_map<const void *, std::vector<symbol>>;
  return *cache;
}

/// `exact`: the pc itself (the interrupted instruction), not a return
/// address, which points after its call.
const std::vector<symbol> &symbolize(void *pc, bool exact) {
  const void *key = static_cast<char *>(pc) - (exact ? 0 : 1);
  auto &cache = symbol_cache();
  if (auto hit = cache.find(key); hit != cache.end())
    return hit->second;
  return cache.emplace(key, lookup(key)).first->second;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// Library plumbing between a program's call and the blocking system call
/// (or between its std::thread and pthread_create).
bool plumbing(const symbol &s) {
  const std::string &f = s.frame.function;
  return s.runtime || f.empty() || starts_with(f, "std::") ||
         starts_with(f, "__gnu_cxx::") || starts_with(f, "tether::detail::") ||
         starts_with(f, "pthread_") || starts_with(f, "__") ||
         starts_with(f, "void std::") || f.find(" std::") == 0 ||
         f == "backtrace";
}

/// What a stack is stuck in, from the innermost frame naming a standard
/// blocking call; empty if none does.
std::string stuck_in(const std::vector<const symbol *> &stack) {
  struct pattern {
    std::string_view needle;
    std::string_view says;
  };
  static constexpr pattern patterns[] = {
      {"_State_baseV2::wait", "future::get"},
      {"__basic_future", "future::get"},
      {"::get()", "future::get"},
      {"condition_variable_any::wait", "condition_variable_any::wait"},
      {"condition_variable::wait", "condition_variable::wait"},
      {"pthread_cond_", "condition_variable::wait"},
      {"this_thread::sleep", "sleep_for"},
      {"nanosleep", "sleep_for"},
      {"thread::join", "thread::join"},
      {"pthread_join", "thread::join"},
      {"counting_semaphore", "semaphore::acquire"},
      {"latch::wait", "latch::wait"},
      {"barrier", "barrier::arrive_and_wait"},
      {"mutex::lock", "mutex::lock"},
      {"pthread_mutex_lock", "mutex::lock"},
  };
  for (const symbol *s : stack)
    for (const auto &p : patterns)
      if (s->frame.function.find(p.needle) != std::string::npos)
        return std::string(p.says);
  return {};
}

bool system_thread(const std::string &name) {
  for (std::string_view known :
       {"gmain", "gdbus", "dconf worker", "pool-spawner", "gvfsd",
        "threaded-ml", "JS Helper", "llvm-worker"})
    if (starts_with(name, known))
      return true;
  return false;
}

void symbolize_spawn(thread_record &r) {
  if (r.symbolized)
    return;
  r.symbolized = true;
  bool site_found = false;
  for (int i = 0; i < r.spawn_depth; ++i)
    for (const symbol &s : symbolize(r.spawn_pcs[i], false)) {
      if (!site_found && !plumbing(s) &&
          s.frame.function.find("pthread_create") == std::string::npos) {
        site_found = true;
        r.spawn_site = s.frame;
      }
      if (site_found)
        r.spawn_stack.push_back(s.frame);
    }
}

/// Updates the record's "in this state since" and returns it; the kernel
/// keeps no start time, so it is when a look first saw the state.
steady_clock::time_point state_since(thread_record &r, const kernel_view &k,
                                     steady_clock::time_point now) {
  const bool running = k.state == 'R';
  const bool same =
      r.state_seen && (r.last_state == 'R') == running &&
      (running || (r.last_syscall == k.syscall &&
                   k.cpu_ticks - r.last_cpu <= 1)); // 1: our own signal
  if (!same)
    r.state_since = now;
  r.state_seen = true;
  r.last_state = k.state;
  r.last_syscall = k.syscall;
  r.last_cpu = k.cpu_ticks;
  return r.state_since;
}

std::string describe_state(const kernel_view &k, const std::string &stuck,
                           bool &blocked) {
  blocked = k.state != 'R';
  if (!blocked)
    return "running";
  const char *sys = syscall_name(k.syscall);
  const bool sleeping = sys && (std::strcmp(sys, "nanosleep") == 0 ||
                                std::strcmp(sys, "clock_nanosleep") == 0);
  if (!stuck.empty())
    return (sleeping ? "sleeping in " : "blocked in ") + stuck;
  if (sleeping)
    return "sleeping";
  if (sys && std::strcmp(sys, "futex wait") == 0)
    return "blocked in futex wait";
  if (sys)
    return std::string("in ") + sys;
  if (!k.wchan.empty())
    return "blocked in the kernel (" + k.wchan + ")";
  return std::string("blocked (state ") + k.state + ")";
}

} // namespace

std::vector<leak::thread_info> look_at_threads(bool stacks) {
  auto &registry = thread_registry::instance();
  std::lock_guard lock(registry.look_mutex());
  const pid_t me = gettid();
  const int sig = stacks ? capture_signal() : 0;
  const auto now = steady_clock::now();
  std::vector<leak::thread_info> out;
  for (const auto &r : registry.live()) {
    if (r->runtime_owned)
      continue;
    const pid_t tid = r->tid.load(std::memory_order_acquire);
    if (tid == me)
      continue;
    leak::thread_info t;
    t.id = r->serial;
    t.tid = tid;
    t.detached = r->detached.load(std::memory_order_relaxed);
    t.alive = now - r->created;
    symbolize_spawn(*r);
    t.spawn_site = r->spawn_site;
    t.spawn_stack = r->spawn_stack;
    if (tid == 0) { // created, not yet started
      t.state = "starting";
      out.push_back(std::move(t));
      continue;
    }
    const kernel_view k = read_kernel(tid, sig ? sig : SIGRTMIN);
    if (!k.alive)
      continue; // it ended while we looked
    t.name = k.comm;
    if (system_thread(t.name))
      continue;
    std::vector<const symbol *> stack;
    if (stacks) {
      std::vector<void *> pcs;
      if (!sig)
        t.stack_note = "/proc only: the capture signal is taken";
      else if (k.blocks_signal)
        t.stack_note = "/proc only: the thread blocks the capture signal";
      else
        pcs = capture(tid, sig, t.stack_note);
      for (std::size_t i = 0; i < pcs.size(); ++i)
        for (const symbol &s : symbolize(pcs[i], i == 0))
          stack.push_back(&s);
      for (const symbol *s : stack) {
        t.stack.push_back(s->frame);
        if (t.top_function.empty() && !plumbing(*s))
          t.top_function = s->frame.function;
      }
    }
    t.state = describe_state(k, stuck_in(stack), t.blocked);
    t.duration = now - state_since(*r, k, now);
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(),
            [](const auto &a, const auto &b) { return a.id < b.id; });
  return out;
}

void print_duration(std::ostream &out, std::chrono::nanoseconds d) {
  using namespace std::chrono;
  const auto us = duration_cast<microseconds>(d).count();
  char text[32];
  if (us >= 1'000'000)
    std::snprintf(text, sizeof text, "%.1fs", static_cast<double>(us) / 1e6);
  else if (us >= 1000)
    std::snprintf(text, sizeof text, "%lldms",
                  static_cast<long long>(us / 1000));
  else
    std::snprintf(text, sizeof text, "%lldus", static_cast<long long>(us));
  out << text;
}

namespace {

void print_frame(std::ostream &out, const char *what,
                 const leak::frame_info &f) {
  out << "  " << what << ' ';
  if (!f.file.empty()) {
    out << f.file;
    if (f.line)
      out << ':' << f.line;
    out << ' ';
  }
  out << "in " << (f.function.empty() ? "??" : f.function) << '\n';
}

} // namespace

void print_thread(std::ostream &out, const leak::thread_info &t) {
  constexpr std::size_t shown_frames = 8;
  out << "thread " << t.tid;
  if (!t.name.empty())
    out << " \"" << t.name << '"';
  out << " [" << t.state << ", ";
  if (t.since_first_look && t.state != "starting")
    out << "at least ";
  print_duration(out, t.duration);
  out << ']';
  if (t.detached)
    out << " [detached]";
  out << '\n';
  print_frame(out, "spawned at", t.spawn_site);
  if (!t.stack_note.empty())
    out << "  " << t.stack_note << '\n';
  std::size_t shown = 0;
  for (const auto &f : t.stack) {
    if (shown++ == shown_frames) {
      out << "  ... " << t.stack.size() - shown_frames << " more frames\n";
      break;
    }
    print_frame(out, "at", f);
  }
}

std::vector<leak::thread_info> threads_left_at_exit() {
  std::vector<leak::thread_info> threads = look_at_threads(true);
  std::erase_if(threads, [](const leak::thread_info &t) {
    return t.detached && !t.blocked;
  });
  return threads;
}

void at_exit_if_report_requested(void (*report)()) {
  static const bool installed = [report] {
    const char *env = std::getenv("TETHER_LEAK_REPORT");
    if (!env || std::strcmp(env, "1") != 0)
      return false;
    std::atexit(report);
    return true;
  }();
  (void)installed;
}

} // namespace tether::detail
