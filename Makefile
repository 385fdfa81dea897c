# The two commands: `make run` and `make test` (after `sh tools/setup.sh`, which
# installs make itself on a fresh machine). Both install missing Debian
# packages first (see packaging/debian-packages.txt), then use CMake presets.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

.PHONY: run test setup build build-asan bench package fuzz clean

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

package: build
	cd build/release && cpack -G DEB

fuzz: setup
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)

clean:
	rm -rf build
