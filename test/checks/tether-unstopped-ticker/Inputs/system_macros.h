// A system header (included with -isystem) whose macro makes a tick channel.
#pragma once
#define SYSTEM_HEARTBEAT(period) ::tether::tick(period)
