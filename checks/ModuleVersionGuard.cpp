//===--- ModuleVersionGuard.cpp - tether clang-tidy -----------------------===//
//
// What `clang-tidy --load` opens (libTetherTidyModule.so). A module built
// against one LLVM major cannot run in a clang-tidy of another: its clang
// symbols resolve to classes of another layout (a crash later), or do not
// resolve at all (dlopen fails before any of the module's code runs, with a
// message that names a mangled symbol). So this file uses no clang or LLVM
// symbol: it always loads, compares the major of the clang-tidy that loads
// it with the one it was built for, stops the host with a message naming
// both when they differ, and otherwise loads the checks
// (libTetherTidyChecks.so, beside it).
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <string>

namespace {

// clang::getClangFullVersion(), e.g. "Debian clang version 22.1.8 (...)":
// defined in libclang-cpp of every major under this one mangled name, so it
// tells the host's version whichever major the host is.
using FullVersionFunction = std::string (*)();
constexpr const char *FullVersionSymbol =
    "_ZN5clang19getClangFullVersionB5cxx11Ev";

// The major of "... version 22.1.8 ...", or 0 when there is none.
int majorOf(const std::string &FullVersion) {
  const std::string Marker = "version ";
  std::string::size_type At = FullVersion.find(Marker);
  if (At == std::string::npos)
    return 0;
  return std::atoi(FullVersion.c_str() + At + Marker.size());
}

[[noreturn]] void stopHost(const std::string &Message) {
  std::fprintf(stderr, "error: %s\n", Message.c_str());
  std::fflush(stderr);
  // _Exit, not exit: the host is inside dlopen, and its static destructors
  // must not run under the loader's lock.
  std::_Exit(1);
}

// The directory of this shared object, with its trailing slash.
std::string ownDirectory() {
  Dl_info Info{};
  if (dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) == 0 ||
      Info.dli_fname == nullptr)
    return "";
  std::string Path = Info.dli_fname;
  return Path.substr(0, Path.rfind('/') + 1);
}

void checkHostThenLoadChecks() {
  // A host that does not export the symbol (a statically linked clang-tidy
  // without plugin support) cannot load modules at all; nothing to compare.
  if (auto FullVersion = reinterpret_cast<FullVersionFunction>(
          dlsym(RTLD_DEFAULT, FullVersionSymbol))) {
    std::string HostVersion = FullVersion();
    int HostMajor = majorOf(HostVersion);
    if (HostMajor != TETHER_LLVM_MAJOR)
      stopHost("the tether module was built for clang-tidy " +
               std::to_string(TETHER_LLVM_MAJOR) +
               " (LLVM " TETHER_LLVM_PACKAGE_VERSION
               ") but is loaded into clang-tidy " +
               std::to_string(HostMajor) + " (" + HostVersion +
               "); load the module of a tether build for that clang-tidy "
               "(-DTETHER_LLVM_VERSION=19 or 22) or use tether-tidy");
  }
  std::string Checks = ownDirectory() + TETHER_CHECKS_LIBRARY;
  // RTLD_NOW: a symbol the host lacks is reported here, not mid-analysis.
  if (dlopen(Checks.c_str(), RTLD_NOW | RTLD_LOCAL) == nullptr)
    stopHost(std::string("cannot load the tether checks: ") + dlerror());
}

// Runs while clang-tidy's dlopen of this module, before clang-tidy reads its
// module registry; the checks register themselves as their library loads.
struct LoadChecksOnOpen {
  LoadChecksOnOpen() { checkHostThenLoadChecks(); }
} Loader;

} // namespace
