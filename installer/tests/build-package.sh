#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb in a build tree, as a maintainer would: installer/tests/build-package.sh BUILD VERSION
# Prints the package's path. CPACK_STRIP_FILES strips it whatever the build type.
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
deb="$build/ha-ingestor_${version}_$(dpkg --print-architecture).deb"

# cpack installs what is built and builds nothing: bring the packaged targets up to date first
# so that `ctest -L installer` also works in a tree that was only configured.
cmake --build "$build" --target ha-ingestor ha-demo-home hai_installer_files
rm -f "$deb"
(cd "$build" && cpack -G DEB)
test -f "$deb"
echo "package: $deb"
