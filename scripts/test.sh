#!/usr/bin/env bash
# Sets up and runs every test: formatting, the full suite (unit + integration against real
# servers), then the unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
#   scripts/test.sh              keeps build/ and build-asan/ for a later run
#   scripts/test.sh --low-disk   removes each build tree once its tests have passed (CI uses this)
set -euo pipefail
cd "$(dirname "$0")/.."
low_disk=false
case "${1:-}" in
    "") ;;
    --low-disk) low_disk=true ;;
    *) echo "usage: scripts/test.sh [--low-disk]" >&2; exit 2 ;;
esac
scripts/deps.sh --test

# Line tables (-g1) are all a failing test's backtrace needs. Full DWARF in the ~120 test
# programs, each linking the static backend and ui libraries, took 8.5 GB of disk.
lines_only_debug_info=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1")
# Measured peaks (BENCHMARKS.md, "Test run"): 2.0 GB with --low-disk, 3 GB keeping both trees.
if $low_disk; then need_mb=2560; else need_mb=3584; fi
free_mb=$(df -Pm . | awk 'NR == 2 { print $4 }')
if ((free_mb < need_mb)); then
    echo "test.sh: warning: ${free_mb} MB free here; a run needs about ${need_mb} MB" \
        "(see README, Troubleshooting)" >&2
fi

echo "== clang-format"
git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run --Werror

echo "== build"
scripts/build.sh build -DBUILD_TESTING=ON "${lines_only_debug_info[@]}"
echo "== tests"
(cd build && ctest --output-on-failure --timeout 900 -j2)
if $low_disk; then rm -rf build; fi

echo "== sanitizer build (ASan + UBSan)"
scripts/build.sh build-asan -DBUILD_TESTING=ON -DHAI_SANITIZE=ON -DHAI_UNIT_TESTS_ONLY=ON \
    -DCMAKE_BUILD_TYPE=Debug "${lines_only_debug_info[@]}"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
echo "== unit tests under sanitizers"
(cd build-asan && HAI_FUZZ_SECONDS=60 ctest --output-on-failure --timeout 900 -j2 -L unit)
if $low_disk; then rm -rf build-asan; fi
