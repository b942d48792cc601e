// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

namespace CryptoPP {
class AutoSeededRandomPool {
public:
  unsigned int GenerateWord32(unsigned int min = 0,
                              unsigned int max = 0xffffffff);
  void GenerateBlock(unsigned char *, unsigned long);
};
} // namespace CryptoPP
