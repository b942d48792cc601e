// RUN: %check_tether %s tether-loop-without-exit %t

// Throws that do leave the loop: caught only outside it, rethrown by a
// catch (...) inside it, of a type the handler inside does not catch, or
// thrown again from the handler. Each ends the task.
#include <tether/tether.hpp>

#include <stdexcept>

struct shutdown_error {};
bool stopping();
void handle();

#define THROW_IF_STOPPING()                                                    \
  if (stopping())                                                              \
  throw shutdown_error()

void start() {
  tether::go([] {
    try {
      for (;;) {
        if (stopping())
          throw shutdown_error();
        handle();
      }
    } catch (const shutdown_error &) {
    }
  });
  tether::go([] {
    for (;;) {
      try {
        if (stopping())
          throw shutdown_error();
        handle();
      } catch (...) {
        throw; // rethrown: leaves the loop
      }
    }
  });
  tether::go([] {
    for (;;) {
      try {
        THROW_IF_STOPPING();
        handle();
      } catch (const std::runtime_error &) { // not a shutdown_error
      }
    }
  });
  tether::go([] {
    while (true) {
      try {
        handle();
      } catch (const std::exception &) {
        throw shutdown_error(); // from the handler
      }
    }
  });
}
