#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a real gnome-keyring-daemon with a throwaway login
# keyring (password "test") on a private D-Bus session bus, all under
# `timeout`: run-with-gnome-keyring.sh COMMAND [ARG…]
# Temp files go under $SIGNET_TEST_KEYRING_TMPDIR (meson: the build dir).
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi

base=${SIGNET_TEST_KEYRING_TMPDIR:-${TMPDIR:-/tmp}}
mkdir -p "$base"
dir=$(mktemp -d "$base/gnome-keyring-XXXXXX")
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 700 "$dir/runtime"

# The tests' G_DEBUG=fatal-warnings is for the tests, not for the daemons:
# gnome-keyring-daemon warns and would abort. Only the command gets it back.
if [ -n "${G_DEBUG+set}" ]; then
  SIGNET_TEST_G_DEBUG=$G_DEBUG
  export SIGNET_TEST_G_DEBUG
fi

# gnome-keyring keeps its keyrings under $XDG_DATA_HOME/keyrings and its
# control socket under $XDG_RUNTIME_DIR: all of it inside $dir.
status=0
env -u DBUS_SESSION_BUS_ADDRESS -u SECRET_BACKEND -u SECRET_FILE_TEST_PATH \
    -u SECRET_FILE_TEST_PASSWORD -u GNOME_KEYRING_CONTROL -u G_DEBUG \
    HOME="$dir" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" \
    XDG_CACHE_HOME="$dir/cache" XDG_RUNTIME_DIR="$dir/runtime" \
    SIGNET_TEST_KEYRING=gnome-keyring \
  timeout -k 5 "${SIGNET_TEST_KEYRING_TIMEOUT:-100}" \
  dbus-run-session -- sh -c '
    # stdout is the test protocol (TAP): the daemon writes its variables there
    printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    # the daemon forks: wait for its name rather than have D-Bus start another
    if command -v gdbus >/dev/null; then
      gdbus wait --session --timeout 20 org.freedesktop.secrets || exit 1
    fi
    # the tests check that they run on this bus, never on a real session
    SIGNET_TEST_KEYRING_BUS=$DBUS_SESSION_BUS_ADDRESS
    export SIGNET_TEST_KEYRING_BUS
    if [ -n "${SIGNET_TEST_G_DEBUG+set}" ]; then
      G_DEBUG=$SIGNET_TEST_G_DEBUG
      export G_DEBUG
    fi
    exec "$@"
  ' sh "$@" || status=$?

exit "$status"
