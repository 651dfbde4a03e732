# Pledgewire: `make run` starts the server, `make test` runs every test. Both install what they need first.
.PHONY: run test test-postgres test-python deps build release protos check-protos leak-check bench bench-codec bench-storage \
	bench-report bench-extraction eval-extraction fuzz test-asan test-tsan clean

PORT ?= 7979
# Tests run at most this many at a time: the suite's servers, clients and child processes share the machine's
# cores, and on a 2-core machine an unbounded run starves tests that wait on real time (a shutdown, a process exit).
TEST_WIDTH ?= 4
# Seconds each fuzz target runs in `make fuzz`; FUZZ_TARGET=frames|messages|request-path runs one.
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?=

# A debug build: the quickest from scratch (the PostgreSQL driver brings SwiftNIO and a second BoringSSL, which a
# release build takes over 15 minutes to compile on 2 cores). Load tests use `make release` and .build/release.
run: deps
	swift build --product pledgewire-server
	.build/debug/pledgewire-server --db data/pledgewire.sqlite --sample-data --port $(PORT) --auth off

# The Swift suite, the store contract tests on PostgreSQL too when it is installed (scripts/test-swift starts a
# throwaway cluster), then the Python suite.
test: deps
	swift build --build-tests
	scripts/test-swift --experimental-maximum-parallelization-width $(TEST_WIDTH)
	$(MAKE) --no-print-directory test-python

# Only the tests that use PostgreSQL (the store contract suite on both stores, the PostgreSQL server tests), against
# a throwaway cluster; installs Debian's postgresql first.
test-postgres: deps
	@scripts/install-deps postgresql
	swift build --build-tests
	scripts/test-swift --postgres --experimental-maximum-parallelization-width $(TEST_WIDTH)

# The Python client's type check and tests, against the real pledgewire-server (built here), in the .venv that
# scripts/python-env makes (skipped, and said so, where no Python package index is within reach).
test-python: deps
	scripts/test-python

deps:
	@scripts/install-deps

build: deps
	swift build

release: deps
	swift build -c release

protos: deps
	scripts/generate-protos
	scripts/generate-python

check-protos: deps
	scripts/generate-protos --check
	scripts/generate-python --check

# The libFuzzer targets of Fuzz/PledgewireFuzz (built with -sanitize=fuzzer,address into .build-fuzz), each for
# FUZZ_SECONDS from its seeds in Fuzz/corpus; prints each target's count of executions.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz $(FUZZ_TARGET)

# The Swift test suite under AddressSanitizer / ThreadSanitizer, each in its own build folder. Slow: a full build each.
test-asan: deps
	swift build --build-tests --sanitize address --scratch-path .build-asan
	ASAN_OPTIONS=$${ASAN_OPTIONS:-detect_leaks=0} swift test --skip-build --sanitize address --scratch-path .build-asan \
		--experimental-maximum-parallelization-width 2

# -DPLEDGEWIRE_TSAN swaps `Locked` (Sources/PledgewireWire/Locked.swift) to a pthread mutex ThreadSanitizer sees.
test-tsan: deps
	swift build --build-tests --sanitize thread -Xswiftc -DPLEDGEWIRE_TSAN --scratch-path .build-tsan
	TSAN_OPTIONS="suppressions=$(CURDIR)/scripts/tsan-suppressions.txt $${TSAN_OPTIONS:-}" \
		swift test --skip-build --sanitize thread -Xswiftc -DPLEDGEWIRE_TSAN --scratch-path .build-tsan \
		--experimental-maximum-parallelization-width 2

leak-check: deps
	scripts/leak-check

bench: deps
	scripts/bench

# The storage benchmark at 1,000,000 pledges on SQLite and on a throwaway PostgreSQL cluster (scripts/bench-storage).
bench-storage: deps
	scripts/bench-storage

bench-report: deps
	swift build -c release --product pledgewire-report-bench
	.build/release/pledgewire-report-bench

bench-codec: deps
	swift build -c release --product pledgewire-codec-bench
	.build/release/pledgewire-codec-bench

bench-extraction: deps
	swift build -c release --product pledgewire-extraction-bench
	.build/release/pledgewire-extraction-bench

eval-extraction: deps
	scripts/eval-extraction

clean:
	rm -rf .build .build-leak .build-fuzz .build-asan .build-tsan .venv
