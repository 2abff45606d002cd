#!/usr/bin/env bash
# Sets up and runs every test: formatting, the full suite (unit + integration against real
# servers), then the unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test

echo "== clang-format"
git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run --Werror

echo "== build"
scripts/build.sh build -DBUILD_TESTING=ON
echo "== tests"
(cd build && ctest --output-on-failure --timeout 900 -j2)

echo "== sanitizer build (ASan + UBSan)"
scripts/build.sh build-asan -DBUILD_TESTING=ON -DHAI_SANITIZE=ON -DHAI_UNIT_TESTS_ONLY=ON \
    -DCMAKE_BUILD_TYPE=Debug
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
echo "== unit tests under sanitizers"
(cd build-asan && HAI_FUZZ_SECONDS=60 ctest --output-on-failure --timeout 900 -j2 -L unit)
