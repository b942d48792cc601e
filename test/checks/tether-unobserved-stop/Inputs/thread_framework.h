// A thread class of a made-up framework, as a library declares it: the
// class starts a thread that runs run() and stops it in its own .cc file
// (not in this unit); run() is to poll should_quit() and return.
#ifndef THREAD_FRAMEWORK_H
#define THREAD_FRAMEWORK_H

namespace fw {

class Worker {
public:
  virtual ~Worker();
  bool start();
  void stop_and_wait();
  bool should_quit();
  void report_progress();

protected:
  virtual void run() = 0;
  virtual void on_stop() {}
};

// Calls tick() until a stop is requested.
class Ticker : public Worker {
protected:
  virtual void tick() = 0;

private:
  void run() override {
    while (!should_quit())
      tick();
  }
};

// A thread class with no stop check: nothing tells its workers to stop.
class Bare {
public:
  virtual ~Bare();
  bool start();

protected:
  virtual void run() = 0;
};

} // namespace fw

#endif
