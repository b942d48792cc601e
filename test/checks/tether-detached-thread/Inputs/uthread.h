// A made-up user-level thread library with handles, declared as a library
// header declares it: spawn() returns the thread's handle, join() waits for
// it and frees it; a thread that is never joined is never freed.
#ifndef UTHREAD_H
#define UTHREAD_H

namespace uthread {
struct handle;
using entry = void *(*)(void *);
handle *spawn(entry fn, void *arg, unsigned long stack = 0);
int join(handle *h);
handle *self();
} // namespace uthread

namespace other {
uthread::handle *spawn(uthread::entry fn, void *arg);
} // namespace other

#endif
