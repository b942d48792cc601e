// RUN: %check_tether %s tether-detached-thread %t --allow-errors -- \
// RUN:   -config="{CheckOptions: {tether-detached-thread.ThreadJoinFunctions: 'uthread::spawn=uthread::join'}}" \
// RUN:   -- -I %S/Inputs

// Code that does not compile: no crash, no diagnostic from half-understood
// code.
#include <uthread.h>

class Broken {
public:
  Broken() { h_ = uthread::spawn(&entry, this); }
  ~Broken() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    undeclared_call(p);
    static_cast<Broken *>(p)->h_ = nullptr;
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};
