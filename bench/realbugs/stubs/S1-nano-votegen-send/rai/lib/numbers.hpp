// Stub for the realbugs harness: only what rai/node/voting.{hpp,cpp} use at
// nano-node 9ae22f14f659 / 75871606a488. Not nano-node code.
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>

namespace rai {
struct block_hash {
  std::array<unsigned char, 32> bytes;
};
using public_key = block_hash;
struct raw_key {};
} // namespace rai
