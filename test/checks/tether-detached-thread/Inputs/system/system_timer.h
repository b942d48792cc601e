// A thread that clears its own handle, inside a system header: not reported.
#include <uthread.h>

class SystemTimer {
public:
  SystemTimer() { h_ = uthread::spawn(&entry, this); }
  ~SystemTimer() {
    if (!h_)
      return;
    uthread::join(h_);
  }

private:
  static void *entry(void *p) {
    static_cast<SystemTimer *>(p)->h_ = nullptr;
    return nullptr;
  }
  uthread::handle *h_ = nullptr;
};
