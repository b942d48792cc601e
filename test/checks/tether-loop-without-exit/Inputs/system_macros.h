// A system header (included with -isystem) whose macro expands to a loop.
#pragma once
#define SYSTEM_SPIN_FOREVER(step)                                              \
  for (;;) {                                                                   \
    step();                                                                    \
  }
