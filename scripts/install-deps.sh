#!/usr/bin/env bash
# Installs the Debian packages and npm tools tether builds and tests with;
# does nothing when all are present. `install-deps.sh llvm22` installs only
# what the LLVM 22 build of the checks adds (make test-llvm22).
set -euo pipefail

packages=(
  cmake ninja-build python3 make git
  clang-19 clang-tidy-19 clang-format-19 clang-tools-19 llvm-19-dev llvm-19-tools
  libclang-19-dev libclang-cpp19-dev libclang-rt-19-dev
  libboost-fiber1.81-dev libboost-context1.81-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libgcc-12-dev  # libbacktrace.a: symbols of the thread leak reports
  golang-go
  libasio-dev  # tether-unstopped-ticker's asio tests
  libspdlog-dev libcpp-httplib-dev  # real-code runs (bench/realcode/)
  # front doors (checks/tools/): lld for the links; grpc/protobuf/absl for
  # tether-clangd (clangd's remote index in libclangdMain.a); neovim for the
  # headless editor test; python3-yaml for run-clang-tidy-19 -export-fixes
  lld-19 libgrpc++-dev libprotobuf-dev libabsl-dev neovim python3-yaml
  # the real-code corpus of the checks (bench/realcode/, make bench-checks);
  # /usr/bin/time for peak memory
  libspdlog-dev libcpp-httplib-dev libasio-dev libboost1.81-dev
  libboost-thread1.81-dev libtbb-dev time pkgconf
  # ... and its libraries analysed as user code (issue 19; headers copied
  # from `dpkg -L` by bench/realcode/compile_commands.py)
  libthread-pool-dev libconcurrentqueue-dev libreaderwriterqueue-dev
  libwebsocketpp-dev
  valgrind  # instruction counts of make bench-checks (bench/checks/instructions.py)
  # lit's per-test timeout needs psutil in the Python that runs lit
  python3-psutil
  pre-commit  # runs tether's hook (.pre-commit-hooks.yaml) in its test
  dpkg-dev  # dpkg-shlibdeps: the Depends of the tether .deb (make deb)
  rapidjson-dev  # bench/realbugs: RetroShare's libretroshare includes it
)
# npm installs the SARIF validator (scripts/setup-npm-tools.sh); keep a
# nodejs that already brings its own npm.
command -v npm >/dev/null || packages+=(npm)
if [[ ${1:-} == llvm22 ]]; then
  packages=(clang-22 clang-tidy-22 llvm-22-dev llvm-22-tools libclang-22-dev lld-22)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "tether: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "tether: run as root (or install the packages above yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ ${1:-} == llvm22 ]]; then exit 0; fi

# The npm tools of the integration tests, installed here, with the user's own
# environment (certificates, proxies), so that no test needs the network. A
# failure is not fatal: only the SARIF validation tests need them, and they
# fail by name (and try again) without them.
"$(dirname "$0")/setup-npm-tools.sh" ||
  echo "tether: warning: npm tools not installed; the SARIF validation tests will fail" >&2
