# lit configuration for tether: clang-tidy check tests (test/checks/) and
# runtime twins (test/runtime-lit/). Paths come from lit.site.cfg.py, which
# CMake generates in the build tree.
import os
import shlex

import lit.formats

config.name = "tether"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test"]
# Helper files and directories that hold no tests: Inputs/ for included
# files, utils/ for the runner, runtime/ for the GoogleTest suites,
# consumer/ for the user's project of install/.
config.excludes = ["Inputs", "utils", "runtime", "consumer", "CMakeLists.txt",
                   "lit.cfg.py", "lit.site.cfg.py.in", "README.md"]
config.test_source_root = os.path.dirname(__file__)
# A test that hangs (a runtime twin whose leak blocks the program) fails in
# bounded time instead of stalling the run; the slowest (dogfood/) take
# 60-120 s on two loaded cores.
lit_config.maxIndividualTestTime = 300
config.test_exec_root = os.path.join(config.tether_binary_dir, "test")

q = shlex.quote

check_tether = " ".join([
    q(config.python_executable),
    q(os.path.join(config.tether_source_dir, "test", "utils", "check_tether.py")),
    "--clang-tidy=" + q(config.clang_tidy),
    "--module=" + q(config.tether_module),
    "--filecheck=" + q(config.filecheck),
    "--include=" + q(config.tether_include),
])
clang_tidy = " ".join([
    "env LD_BIND_NOW=1", q(config.clang_tidy),
    "--load=" + q(config.tether_module)])

# Longest names first: lit substitutes in order.
config.substitutions.append(("%check_tether", check_tether))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(("%tether_tidy", q(config.tether_tidy)))
config.substitutions.append(("%tether_module", q(config.tether_module)))
config.substitutions.append(("%tether_include", q(config.tether_include)))
config.substitutions.append(("%FileCheck", q(config.filecheck)))
config.substitutions.append(("%llvm_major", config.llvm_major))

# The clang-tidy of the other supported LLVM major, when it is installed
# (checks/ModuleVersionGuard.cpp; smoke/version-mismatch.test).
if os.path.exists(config.other_clang_tidy):
    config.available_features.add("other-llvm-major")
    config.substitutions.append(("%other_clang_tidy", q(config.other_clang_tidy)))
    config.substitutions.append(("%other_llvm_major", config.other_llvm_major))

if config.tether_library:
    # `%tether_cxx %s -o %t` compiles a test and links it against the
    # runtime. The archive is linked whole so that it may come before the
    # sources on the command line.
    config.substitutions.append(("%tether_cxx", " ".join([
        q(config.cxx_compiler), "-std=c++20", "-g",
        "-I" + q(config.tether_include),
        "-Wl,--no-as-needed",
        "-Wl,--whole-archive", q(config.tether_library), "-Wl,--no-whole-archive",
        q(config.tether_libbacktrace), "-ldl",
        "-lboost_fiber", "-lboost_context", "-pthread"])))
    config.available_features.add("tether-runtime")

config.environment["LD_BIND_NOW"] = "1"
# `not` and `FileCheck` in RUN lines are those of the checks' LLVM major,
# never /usr/bin's LLVM 14.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck),
     config.environment.get("PATH", os.environ.get("PATH", ""))])
