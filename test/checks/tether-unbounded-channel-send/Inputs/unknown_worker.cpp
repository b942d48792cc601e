// The body of unknown-task-body.cpp's task, in a translation unit of its own
// so that the check cannot see it.
#include <tether/chan.hpp>

void worker(tether::chan<int> out) { out.send(42); }
