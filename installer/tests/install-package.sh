#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the .deb for real, runs the installed binary, and purges it again:
#   installer/tests/install-package.sh BUILD VERSION
# Checks that --version is right, that the demo home serves /health from /usr/bin, that purging
# leaves none of the package's files behind, and that the user's data dir survives the purge.
# Needs root or passwordless sudo; exits 77 (CTest: skipped) without them.
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
deb="$build/ha-ingestor_${version}_$(dpkg --print-architecture).deb"

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
    if ! sudo -n true 2>/dev/null; then
        echo "skipped: installing a package needs root or passwordless sudo"
        exit 77
    fi
    sudo=(sudo -n)
fi
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
[[ -f "$deb" ]] || fail "$deb not found; installer_package builds it"

tmp=$(mktemp -d)
chmod 0755 "$tmp" # apt's unprivileged _apt user reads the package from here
app_pid=
cleanup() {
    [[ -n "$app_pid" ]] && kill -KILL "$app_pid" 2>/dev/null
    # Never leave /usr/bin/ha-ingestor behind, even when a check failed half-way.
    if dpkg-query -W -f='${Status}' ha-ingestor 2>/dev/null | grep -q installed; then
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -qq ha-ingestor >/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

echo "== install"
cp "$deb" "$tmp/"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "$tmp/${deb##*/}"
dpkg-query -L ha-ingestor | sort >"$tmp/files"
/usr/bin/ha-ingestor --version | grep -qx "ha-ingestor $version" ||
    fail "installed ha-ingestor --version does not print $version"
if command -v systemd-analyze >/dev/null; then
    # Syntax of the unit as installed, and that its ExecStart= exists.
    systemd-analyze verify --man=no /usr/lib/systemd/user/ha-ingestor.service
fi

# A home of its own so nothing of the real user's settings is read or written.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_STATE_HOME="$tmp/home/.local/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
data="$tmp/data"

echo "== first headless start: what the systemd unit does before anything is configured"
# No settings and no Home Assistant: it says what to configure and exits 2, the status the
# unit does not restart on.
status=0
timeout 20 /usr/bin/ha-ingestor --headless >"$tmp/first.out" 2>&1 || status=$? # the unit's ExecStart
[[ "$status" -eq 2 ]] || { cat "$tmp/first.out"; fail "unconfigured headless start exited $status, not 2"; }
grep -q -- --write-config "$tmp/first.out" || fail "the unconfigured start does not mention --write-config"
ini="$XDG_CONFIG_HOME/ha-ingestor/ha-ingestor.ini"
/usr/bin/ha-ingestor --write-config "$ini" >/dev/null
grep -q '^;ha-url=' "$ini" || fail "--write-config wrote no ha-url line to $ini"

echo "== run the installed binary on the demo home"
port=
for _ in $(seq 50); do # a loopback port nothing answers on
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n "$port" ]] || fail "no free loopback port found"
/usr/bin/ha-ingestor --demo --headless --data-dir "$data" --api-listen "127.0.0.1:$port" \
    >"$tmp/app.out" 2>&1 &
app_pid=$!
# /health answers once the API is up; the demo home's 40 devices once discovery ran.
devices=
for _ in $(seq 200); do
    devices=$(curl -fsS --max-time 1 "http://127.0.0.1:$port/api/devices?limit=1" 2>/dev/null |
        grep -o '"total":[0-9]*' || true)
    [[ "$devices" == '"total":40' ]] && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
health=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/health" || true)
if [[ "$devices" != '"total":40' || "$health" != *'"status"'* ]]; then
    cat "$tmp/app.out"
    fail "the installed binary did not serve the demo home on port $port ($devices; $health)"
fi
echo "health: ${health:0:120}..."
kill -TERM "$app_pid"
status=0
wait "$app_pid" || status=$?
app_pid=
[[ "$status" -eq 0 ]] || { cat "$tmp/app.out"; fail "SIGTERM ended it with status $status"; }
[[ -f "$data/metadata.db" ]] || fail "no $data/metadata.db after the run"
before=$(sha256sum "$data/metadata.db")

echo "== purge"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -q ha-ingestor
left=()
while read -r path; do
    if [[ -d "$path" && ! -L "$path" ]]; then
        # A directory may stay when it holds other files or another package owns it.
        if [[ -z "$(ls -A "$path")" ]] && ! dpkg-query -S "$path" >/dev/null 2>&1; then
            left+=("$path/")
        fi
    elif [[ -e "$path" || -L "$path" ]]; then
        left+=("$path")
    fi
done <"$tmp/files"
((${#left[@]} == 0)) || fail "purge left: ${left[*]}"
[[ "$(sha256sum "$data/metadata.db")" == "$before" ]] || fail "the purge changed the user's data"
echo "install, run and purge OK"
