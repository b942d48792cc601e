# The README's commands. Each installs what is missing, then builds and runs.
.PHONY: deps build test test-llvm22 demo bench bench-tracking bench-checks realcode deb format clean

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default

test: build
	@./scripts/run-tests.sh

# The checks built against LLVM 22 and their lit suite under clang-tidy 22.
test-llvm22: build
	@./scripts/install-deps.sh llvm22
	@./scripts/test-llvm22.sh

demo: build
	@./scripts/demo.sh

bench: build
	@./scripts/bench.sh

bench-tracking: build
	@/usr/bin/python3 bench/tracking_cost.py

bench-checks: build
	@./scripts/bench-checks.sh

realcode: build
	@./scripts/realcode.sh

# Debian packages of the tools and the runtime, in build/packages/.
deb: build
	@./scripts/package-deb.sh build build/packages

format:
	@git ls-files '*.cpp' '*.hpp' '*.h' | xargs /usr/lib/llvm-19/bin/clang-format -i

clean:
	rm -rf build build-asan build-tsan build-llvm22
