// Stub for the realbugs harness: only what datalog's FileLogger.cpp uses at
// allwpilib 9f7a1286fd41 / c7fac9049105. Not allwpilib code.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

namespace wpi::util {
template <class T, unsigned N> class SmallVector {
public:
  template <class It> void append(It first, It last);
  T *data();
  std::size_t size() const;
  void clear();
};
bool contains(std::string_view str, std::string_view other);
std::pair<std::string_view, std::string_view> rsplit(std::string_view str,
                                                     std::string_view sep);
} // namespace wpi::util
