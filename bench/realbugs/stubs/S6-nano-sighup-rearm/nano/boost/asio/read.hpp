// Stub for the realbugs harness (not nano-node code).
#pragma once

#include <realbugs_nano.hpp>
