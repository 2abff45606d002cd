#!/usr/bin/env bash
# Installs what HA Ingestor needs from Debian's archive; a no-op when all of it is present.
#   scripts/deps.sh          build + run dependencies
#   scripts/deps.sh --test   also the real servers and tools the tests use
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev libqt6opengl6-dev qt6-websockets-dev qt6-charts-dev qt6-httpserver-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-l10n-tools zlib1g-dev libsimdjson-dev
    libqt6svg6 qtkeychain-qt6-dev influxdb
)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(postgresql victoria-metrics webhook wrk xvfb xauth gnome-keyring dbus clang-format procps curl
        lintian desktop-file-utils appstream)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=()
[[ "$(id -u)" -eq 0 ]] || sudo=(sudo)
echo "deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
