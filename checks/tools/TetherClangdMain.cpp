//===--- TetherClangdMain.cpp - tether-clangd -----------------------------===//
//
// tether-clangd: Debian's clangd 19 (clangdMain from libclangdMain.a) with
// the tether clang-tidy module linked in. clangd cannot load plugins, so the
// module's registration object is linked into this binary instead; clangd
// then offers tether-* like any built-in check.
//
//===----------------------------------------------------------------------===//

#include <cstring>
#include <vector>

namespace clang::clangd {
// Defined in Debian's libclangdMain.a, which declares it in no header.
int clangdMain(int argc, char *argv[]); // NOLINT(misc-use-internal-linkage)
} // namespace clang::clangd

int main(int argc, char *argv[]) {
  // clangd looks for clang's builtin headers next to its own binary: point
  // it at clang 19's unless the user chose a directory.
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    HasResourceDir |= std::strncmp(argv[I], "--resource-dir", 14) == 0 ||
                      std::strncmp(argv[I], "-resource-dir", 13) == 0;
  static char ResourceDir[] = "--resource-dir=" TETHER_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir);
  int Count = static_cast<int>(Args.size());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(Count, Args.data());
}
