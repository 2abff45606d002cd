#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the .deb that build-package.sh made, without installing it:
#   installer/tests/check-package.sh BUILD VERSION
# Debian's own tools judge it (lintian: no errors; desktop-file-validate; appstreamcli), then
# what they cannot know: the version is the same everywhere, the binaries are stripped and
# carry no RPATH, and the man pages name every option that --help names.
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
deb="$build/ha-ingestor_${version}_$(dpkg --print-architecture).deb"
app_id=io.github.haingestor.HaIngestor

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
for tool in lintian desktop-file-validate appstreamcli readelf; do
    command -v "$tool" >/dev/null || fail "$tool is missing; scripts/deps.sh --test installs it"
done
[[ -f "$deb" ]] || fail "$deb not found; installer_package builds it"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -f "$deb" >"$tmp/control"
cat "$tmp/control"

echo "== lintian"
# Errors and warnings fail the test (there are none; info tags are explained in
# installer/README.md).
lintian --fail-on error,warning --display-info "$deb"

echo "== desktop-file-validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop"

echo "== appstreamcli"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"

# The screenshots are URLs into the repository (checked without the network): each must name
# a file in docs/screenshots.
sources=$(cd "$(dirname "$0")/../.." && pwd)
for url in $(grep -o '<image>[^<]*</image>' "$root/usr/share/metainfo/$app_id.metainfo.xml" |
    sed 's/<[^>]*>//g'); do
    [[ -f "$sources/docs/screenshots/${url##*/}" ]] || fail "metainfo screenshot $url is not in docs/screenshots"
done

echo "== contents"
for path in usr/bin/ha-ingestor usr/bin/ha-demo-home \
    "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml" \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    usr/lib/systemd/user/ha-ingestor.service \
    usr/share/man/man1/ha-ingestor.1.gz usr/share/man/man1/ha-demo-home.1.gz \
    usr/share/doc/ha-ingestor/README.md usr/share/doc/ha-ingestor/copyright \
    usr/share/doc/ha-ingestor/changelog.gz; do
    [[ -f "$root/$path" ]] || fail "/$path is not in the package"
done

echo "== control fields"
grep -qx "Version: $version" "$tmp/control" || fail "Version is not $version"
grep -q '^Depends:.*libqt6core6' "$tmp/control" || fail "Depends lacks the Qt libraries (shlibdeps)"
grep -q '^Depends:.*libqt6sql6-sqlite' "$tmp/control" || fail "Depends lacks the SQLite driver"
grep -q '^Recommends:.*influxdb' "$tmp/control" || fail "Recommends lacks influxdb"

echo "== one version"
changelog_version=$(zcat "$root/usr/share/doc/ha-ingestor/changelog.gz" | head -1 | sed -n 's/^ha-ingestor (\([^)]*\)).*/\1/p')
[[ "$changelog_version" == "$version" ]] ||
    fail "installer/debian/changelog's newest entry is '$changelog_version', not $version"
release=$(grep -o '<release version="[^"]*"' "$root/usr/share/metainfo/$app_id.metainfo.xml" | head -1)
[[ "$release" == "<release version=\"$version\"" ]] ||
    fail "the metainfo's newest release is $release, not $version"
"$root/usr/bin/ha-ingestor" --version | grep -qx "ha-ingestor $version" ||
    fail "ha-ingestor --version does not print $version"

echo "== binaries"
for binary in "$root"/usr/bin/*; do
    if readelf -d "$binary" | grep -Eq '\((RPATH|RUNPATH)\)'; then
        fail "$binary has an RPATH"
    fi
    if readelf -S "$binary" | grep -Eq '\.(debug_info|symtab)'; then
        fail "$binary is not stripped"
    fi
done

echo "== man pages cover --help"
for program in ha-ingestor ha-demo-home; do
    page=$(zcat "$root/usr/share/man/man1/$program.1.gz")
    # Long options at the start of a --help line, e.g. "  --data-dir DIR" or "  -v, --version".
    options=$("$root/usr/bin/$program" --help | grep -oE '^  (-[a-zA-Z], )?--[a-z][a-z-]*' |
        grep -oE -- '--[a-z][a-z-]*')
    for option in $options; do
        grep -qF -- "\\fB${option//-/\\-}\\fR" <<<"$page" ||
            fail "$program.1 does not describe $option (installer/man/$program.1)"
    done
done
echo "package OK: $deb"
