// RUN: %check_tether %s tether-skipped-release %t

// The spawner marks recovery in progress and starts a thread to recover;
// the thread clears the mark on its normal paths, but an early return skips
// it (the waiter, in another file, waits until the mark is clear).
#include <memory>
#include <thread>

class Handler {
public:
  void startRecovery() {
    recovering_ = true;
    thread_.reset(new std::thread(&Handler::recover, this));
  }
  bool isRecovering() const { return recovering_; }

private:
  void recover() {
    if (shutting_down_)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: return skips the release of 'recovering_' that 'recover' makes on its normal path; a thread waiting for it hangs [tether-skipped-release]
    if (!resume()) {
      recovering_ = false;
      return;
    }
    recovering_ = false;
  }
  bool resume();

  bool recovering_ = false;
  bool shutting_down_ = false;
  std::unique_ptr<std::thread> thread_;
};
