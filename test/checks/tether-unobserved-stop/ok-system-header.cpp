// RUN: %check_tether %s tether-unobserved-stop %t -- -- -std=c++20 -isystem %S/Inputs

// The shape inside a system header is not reported.
#include <system_pool.h>

void use(SystemPool &Pool) { Pool.stop(); }
