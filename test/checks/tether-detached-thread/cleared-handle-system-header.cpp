// RUN: %check_tether %s tether-detached-thread %t -- \
// RUN:   -config="{CheckOptions: {tether-detached-thread.ThreadJoinFunctions: 'uthread::spawn=uthread::join'}}" \
// RUN:   -- -I %S/Inputs -isystem %S/Inputs/system

// A thread that clears its own handle inside a system header: not reported.
#include <system_timer.h>

SystemTimer timer;
