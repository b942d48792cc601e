// RUN: %check_tether %s tether-unreleased-wait %t -- -- -isystem %S/Inputs

// The same shape inside a system header is not reported.
#include <system_gate.h>

void use(SystemGate &G) { G.pass(); }
