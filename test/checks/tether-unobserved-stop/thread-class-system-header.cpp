// RUN: %check_tether %s tether-unobserved-stop %t -- \
// RUN:   -config="{CheckOptions: {tether-unobserved-stop.ThreadEntryFunctions: 'fw::Worker::run', tether-unobserved-stop.StopCheckFunctions: 'fw::Worker::should_quit'}}" \
// RUN:   -- -I %S/Inputs -isystem %S/Inputs/system

// A worker of a thread class in a system header is not reported.
#include <system_thread_class.h>
