#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a private D-Bus session with a real, unlocked GNOME Keyring (the Secret
# Service QtKeychain talks to on Linux). HOME points into a temp dir, so the keyring file the
# daemon creates is thrown away afterwards and the user's own keyring is never touched.
set -euo pipefail
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# --unlock reads the keyring password from stdin; a fresh HOME gets a new, unlocked login keyring with it.
exec dbus-run-session -- bash -c \
    'printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    keyring "$@"
