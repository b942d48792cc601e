#!/usr/bin/env bash
# Installs the npm tools tether's integration tests use into a project-local
# prefix (default build/npm); does nothing when they are already there.
#   scripts/setup-npm-tools.sh [PREFIX]
# Tools: @microsoft/sarif-multitool (SARIF 2.1.0 validation).
set -euo pipefail
prefix=${1:-"$(dirname "$0")/../build/npm"}
packages=("@microsoft/sarif-multitool@5.7.0")
bin="$prefix/node_modules/.bin/sarif-multitool"
native="$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [[ -x "$bin" && -f "$native" ]]; then
  [[ -x "$native" ]] || chmod u+x "$native"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "tether: npm is missing (install nodejs/npm)" >&2
  exit 1
fi
mkdir -p "$prefix"
# Serialise concurrent first runs (parallel test runners).
exec 9>"$prefix/.install.lock"
flock 9
if [[ ! -x "$bin" ]]; then
  npm install --prefix "$prefix" --no-audit --no-fund --no-save "${packages[@]}" >&2
fi
# npm may skip install scripts: the native tool's postinstall only sets +x.
[[ -f "$native" ]] && chmod u+x "$native"
