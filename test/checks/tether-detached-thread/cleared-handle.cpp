// RUN: %check_tether %s tether-detached-thread %t -- \
// RUN:   -config="{CheckOptions: {tether-detached-thread.ThreadJoinFunctions: 'uthread::spawn=uthread::join'}}" \
// RUN:   -- -I %S/Inputs

// A thread that clears the handle its owner joins it through: the owner
// joins only when the handle is set, so it never joins this thread.
#include <uthread.h>

// A one-shot timer: its thread fires once and clears the handle on the way
// out, one call below the thread's entry.
class OneShot {
public:
  OneShot() { h_ = uthread::spawn(&entry, this); }
  ~OneShot() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<OneShot *>(p)->body();
    return nullptr;
  }
  void body() {
    fire();
    h_ = nullptr;
  }
  void fire();
  uthread::handle *h_ = nullptr;
};

// The join under an `if`, the handle from a constructor's initializer, the
// thread clearing it in its entry itself.
class Poller {
public:
  Poller() : h_(uthread::spawn(&entry, this)) {}
  void stop() {
    if (h_)
      uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    auto *self = static_cast<Poller *>(p);
    self->poll();
    self->h_ = nullptr;
    return nullptr;
  }
  void poll();
  uthread::handle *h_;
};

// In a class template, started from a lambda, cleared through the
// project's macro: reported once, at the macro's use.
#define FORGET(h) (h) = nullptr
template <class T> class Job {
public:
  Job() {
    auto start = [this] { h_ = uthread::spawn(&entry, this); };
    start();
  }
  ~Job() {
    if (h_ == nullptr)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<Job *>(p)->finish();
    return nullptr;
  }
  void finish() {
    value = T();
    FORGET(h_);
  }
  T value;
  uthread::handle *h_ = nullptr;
};
Job<int> job_int;
Job<long> job_long;
// CHECK-MESSAGES: :27:5: warning: the thread clears 'h_', the handle its owner joins it through: '~OneShot' then skips the join and the thread is never joined [tether-detached-thread]
// CHECK-MESSAGES: :22:32: note: 'body' is called from the thread here
// CHECK-MESSAGES: :15:5: note: '~OneShot' joins only when 'h_' is set
// CHECK-MESSAGES: :17:5: note: the join
// CHECK-MESSAGES: :13:20: note: thread started here; its handle is kept in 'h_'
// CHECK-MESSAGES: :47:5: warning: the thread clears 'h_', the handle its owner joins it through: 'stop' then skips the join and the thread is never joined [tether-detached-thread]
// CHECK-MESSAGES: :39:5: note: 'stop' joins only when 'h_' is set
// CHECK-MESSAGES: :40:7: note: the join
// CHECK-MESSAGES: :37:17: note: thread started here; its handle is kept in 'h_'
// CHECK-MESSAGES: :76:5: warning: the thread clears 'h_', the handle its owner joins it through: '~Job<T>' then skips the join and the thread is never joined [tether-detached-thread]
// CHECK-MESSAGES: :56:19: note: expanded from macro 'FORGET'
// CHECK-MESSAGES: :71:5: note: 'finish' is called from the thread here
// CHECK-MESSAGES: :64:5: note: '~Job<T>' joins only when 'h_' is set
// CHECK-MESSAGES: :66:5: note: the join
// CHECK-MESSAGES: :60:32: note: thread started here; its handle is kept in 'h_'

// Silenced on its line.
class Quiet {
public:
  Quiet() { h_ = uthread::spawn(&entry, this); }
  ~Quiet() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<Quiet *>(p)->h_ = nullptr; // NOLINT(tether-detached-thread)
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};

// ---- Look-alikes that must stay silent ----

// The owner clears the handle itself, after the join.
class OwnerClears {
public:
  OwnerClears() { h_ = uthread::spawn(&entry, this); }
  ~OwnerClears() {
    if (h_) {
      uthread::join(h_);
      h_ = nullptr;
    }
  }

private:
  static void *entry(void *p) { return p; }
  uthread::handle *h_ = nullptr;
};

// The owner joins whatever the handle holds: no join is skipped.
class Unguarded {
public:
  Unguarded() { h_ = uthread::spawn(&entry, this); }
  ~Unguarded() { uthread::join(h_); }

private:
  static void *entry(void *p) {
    static_cast<Unguarded *>(p)->h_ = nullptr;
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};

// The thread clears another member; the guard is on the handle.
class ClearsOther {
public:
  ClearsOther() { h_ = uthread::spawn(&entry, this); }
  ~ClearsOther() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<ClearsOther *>(p)->buffer_ = nullptr;
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
  char *buffer_ = nullptr;
};

// The thread stores its own handle, not a null one.
class StoresSelf {
public:
  StoresSelf() { h_ = uthread::spawn(&entry, this); }
  ~StoresSelf() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<StoresSelf *>(p)->h_ = uthread::self();
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};

// A create function that is not configured.
class OtherLibrary {
public:
  OtherLibrary() { h_ = other::spawn(&entry, this); }
  ~OtherLibrary() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<OtherLibrary *>(p)->h_ = nullptr;
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};

// The handle in a local: joined before the function returns.
void *clear_global(void *);
void run_once() {
  uthread::handle *h = uthread::spawn(&clear_global, nullptr);
  if (h)
    uthread::join(h);
}
