#pragma clang system_header
// A system header's macro that sets a flag and notifies.
#define SYSTEM_SIGNAL(flag, cv) \
  do {                          \
    flag = true;                \
    (cv).notify_all();          \
  } while (0)
