// Stub for the realbugs harness: only what datalog's FileLogger.{hpp,cpp}
// use at allwpilib 9f7a1286fd41 / c7fac9049105. Not allwpilib code.
#pragma once

#include <cstdint>
#include <string_view>

namespace wpi::log {
class DataLog {
public:
  int Start(std::string_view name, std::string_view type);
  void AppendString(int entry, std::string_view value, int64_t timestamp);
};
} // namespace wpi::log
