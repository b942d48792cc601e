// RUN: %check_tether %s tether-lost-wakeup %t -- -- -isystem %S/Inputs

// The same shape inside a system header is not reported.
#include <system_pool.h>

void use(SystemPool &Pool) { Pool.stop(); }
