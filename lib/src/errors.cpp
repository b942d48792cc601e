#include <tether/errors.hpp>

#include <string>

namespace tether {
namespace {

class category final : public std::error_category {
public:
  const char *name() const noexcept override { return "tether"; }
  std::string message(int value) const override {
    switch (static_cast<errc>(value)) {
    case errc::canceled:
      return "context canceled";
    case errc::deadline_exceeded:
      return "context deadline exceeded";
    }
    return "unknown tether error";
  }
};

} // namespace

const std::error_category &tether_category() noexcept {
  static const category instance;
  return instance;
}

} // namespace tether
