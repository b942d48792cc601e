// A system header's macro that detaches a thread: its expansion is the
// library's code, not the user's.
#pragma once
#include <thread>
#define SYSTEM_RUN_DETACHED(body) std::thread(body).detach()
