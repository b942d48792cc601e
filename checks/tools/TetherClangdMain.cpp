//===--- TetherClangdMain.cpp - tether-clangd -----------------------------===//
//
// tether-clangd: Debian's clangd 19 (clangdMain from libclangdMain.a) with
// the tether clang-tidy module linked in. clangd cannot load plugins, so the
// module's registration object is linked into this binary instead; clangd
// then offers tether-* like any built-in check.
//
//===----------------------------------------------------------------------===//

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

int main(int argc, char *argv[]) {
  return clang::clangd::clangdMain(argc, argv);
}
