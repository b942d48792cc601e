//===--- TetherTidyMain.cpp - tether-tidy ---------------------------------===//
//
// tether-tidy: clang-tidy 19's own driver (clangTidyMain from Debian's static
// clang-tidy libraries) with the tether module linked in. It accepts every
// clang-tidy flag; the tether-* checks are there without --load.
//
//===----------------------------------------------------------------------===//

#include "tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
