// RUN: %check_tether %s tether-skipped-release %t -- -- -isystem %S/Inputs

// The same shape inside a system header is not reported.
#include <system_worker.h>

void use(SystemWorker &W) { W.run(true); }
