#!/bin/sh
# Runs a command inside a private D-Bus session with gnome-keyring-daemon serving the
# Secret Service, in a throw-away HOME, so tests use a real keychain and never the user's.
set -eu
if [ -z "${SY_IN_KEYRING_SESSION:-}" ]; then
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    mkdir -p "$home/run" && chmod 700 "$home/run"
    HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" SY_IN_KEYRING_SESSION=1 \
        dbus-run-session -- "$0" "$@"
    exit $?
fi
# --login reads a password from stdin and creates (or unlocks) the login keyring without a
# prompt; --start then adds the Secret Service component to that daemon.
printf 'switchyard-test' | gnome-keyring-daemon --daemonize --login >/dev/null
eval "$(gnome-keyring-daemon --start --components=secrets)"
export SY_REAL_KEYRING=1
exec "$@"
