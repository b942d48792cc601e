//===--- TetherTidyMain.cpp - tether-tidy ---------------------------------===//
//
// tether-tidy: clang-tidy's own driver (clangTidyMain from Debian's static
// clang-tidy libraries of TETHER_LLVM_VERSION) with the tether module linked
// in. It accepts every clang-tidy flag; the tether-* checks are there without
// --load.
//
//===----------------------------------------------------------------------===//

#include "tool/ClangTidyMain.h"

#include <vector>

int main(int argc, const char **argv) {
  // clang finds its resource directory (builtin headers) next to the running
  // binary; tether-tidy lives elsewhere, so name that of its LLVM. An explicit
  // -resource-dir in a compile command comes later and still wins.
  std::vector<const char *> Args(argv, argv + argc);
  Args.insert(Args.begin() + 1,
              "--extra-arg-before=-resource-dir=" TETHER_CLANG_RESOURCE_DIR);
  Args.push_back(nullptr);
  return clang::tidy::clangTidyMain(argc + 1, Args.data());
}
