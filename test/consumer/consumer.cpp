// A tether user's program: a producer and a consumer over a channel, then a
// sender that nobody receives from. The leak detector reports the second
// (and tether-tidy, run as CMAKE_CXX_CLANG_TIDY, warns about it).
#include <tether/leak.hpp>
#include <tether/tether.hpp>

#include <chrono>
#include <iostream>

using namespace std::chrono_literals;

namespace {

int sum_over_channel() {
  auto ch = tether::make_chan<int>(4);
  tether::go("producer", [ch] {
    for (int i = 1; i <= 3; ++i)
      ch.send(i);
    ch.close();
  });
  int sum = 0;
  while (auto v = ch.recv())
    sum += *v;
  return sum;
}

void abandon_sender() {
  auto ch = tether::make_chan<int>();
  tether::go("stranded sender", [ch] { ch.send(42); });
  tether::sleep(50ms);
}

} // namespace

int main() {
  auto options = tether::leak::options().wait(300ms).ignore_current();
  std::cout << "sum " << sum_over_channel() << '\n';
  std::cout << "clean: " << tether::leak::verify_none(options).empty() << '\n';
  abandon_sender();
  std::cout << tether::leak::verify_none(options) << std::endl;
}
