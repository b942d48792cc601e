// The readable name of a type at compile time, for reports such as
// "blocked on chan<int> send".
#pragma once

#include <string_view>

namespace tether::detail {

template <class T> constexpr std::string_view type_name() noexcept {
  std::string_view pretty = __PRETTY_FUNCTION__;
  constexpr std::string_view marker = "T = ";
  const auto start = pretty.find(marker) + marker.size();
  const auto end = pretty.find_first_of(";]", start);
  return pretty.substr(start, end - start);
}

} // namespace tether::detail

#include <array>
#include <cstddef>

namespace tether::detail {

/// "chan<int>" for T = int, as a null-terminated string with static storage.
template <class T> const char *chan_type_name() noexcept {
  static constexpr auto name = [] {
    constexpr std::string_view prefix = "chan<";
    constexpr std::string_view inner = type_name<T>();
    std::array<char, prefix.size() + inner.size() + 2> text{};
    std::size_t at = 0;
    for (char c : prefix)
      text[at++] = c;
    for (char c : inner)
      text[at++] = c;
    text[at++] = '>';
    text[at] = '\0';
    return text;
  }();
  return name.data();
}

} // namespace tether::detail
