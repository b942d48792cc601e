// RUN: %check_tether %s tether-uninterruptible-wait %t -- -- -std=c++20 -isystem %S/Inputs

// The same shapes inside a system header are not reported.
#include <system_worker.h>

void use(SystemServer &S) { S.halt(); }
