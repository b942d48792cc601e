// RUN: %check_tether %s tether-stranded-producer %t -- -- -isystem %S/Inputs

// The same shape inside a system header is not reported.
#include <system_queue.h>

void use(SystemQueue &Queue) { Queue.stop(); }
