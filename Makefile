# The two commands: `make run` and `make test` (after `sh tools/setup.sh`, which
# installs make itself on a fresh machine). Both install missing Debian
# packages first (see packaging/debian-packages.txt), then use CMake presets.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

.PHONY: run test setup build build-asan bench bench-learn package fuzz clean setup-windows windows-deps windows test-windows

setup:
	@sh tools/setup.sh

build: setup
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

build-asan: setup
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)

run: build
	./build/release/cloudprep $(ARGS)

test: build build-asan
	ctest --preset release -j $(JOBS)
	ctest --preset asan -j $(JOBS)

bench: build
	cmake --build --preset release --target benchmarks -j $(JOBS)
	sh tests/bench/run.sh build/release

# The learning benchmark: simulated learners through the real scheduler;
# prints a table and writes build/release/bench-learn.csv and
# build/release/bench-calibration.csv (BENCH_LEARNERS=N to change the 300).
bench-learn: build
	cmake --build --preset release --target bench_learn -j $(JOBS)
	./build/release/bench/bench_learn banks/clf-c02 build/release

package: build
	cd build/release && cpack -G DEB

fuzz: setup
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

# Windows x64: cross-built with mingw-w64, tested under Wine (see README, "Windows").
setup-windows:
	@sh tools/setup.sh packaging/debian-packages.txt packaging/windows-packages.txt

windows-deps: setup-windows
	JOBS=$(JOBS) sh tools/windows-deps.sh build/windows-deps

windows: windows-deps
	cmake --preset windows >/dev/null
	cmake --build --preset windows -j $(JOBS)
	cmake --build --preset windows --target dist

test-windows: windows
	sh tools/wine-prefix.sh build/windows/wine
	ctest --preset windows -j $(JOBS)

clean:
	rm -rf build
