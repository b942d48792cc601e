#!/usr/bin/env bash
# `make deb`: tether's Debian packages (cmake/TetherDebian.cmake), packed by
# CPack from a built tree: tether_<version>_<arch>.deb (the tools and the
# module) and libtether-dev_<version>_<arch>.deb (the runtime).
#
#   scripts/package-deb.sh [BUILD_DIR [OUT_DIR]]   (default: build, BUILD_DIR/packages)
set -euo pipefail
build=${1:-build}
out=${2:-$build/packages}
mkdir -p "$out"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" ||
  { cat "$out/cpack.log" >&2; exit 1; }
ls "$out"/*.deb
