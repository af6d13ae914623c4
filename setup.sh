#!/usr/bin/env bash
# Switchyard setup on Debian 12: installs what is missing, builds, then runs or tests.
#   ./setup.sh run     install dependencies, build, create the default configuration and
#                      database in the standard locations, and start Switchyard (the desktop
#                      app; headless gateway when there is no display)
#   ./setup.sh test    install dependencies, build, run the whole test suite
#   ./setup.sh build   install dependencies and build only
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${SWITCHYARD_BUILD_DIR:-build}
PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6sql6-sqlite libgl-dev libqt6opengl6-dev qtkeychain-qt6-dev
    gnome-keyring dbus libsecret-tools sqlite3 libsqlite3-dev xvfb xauth
)
# Only for the tests: clang and its libFuzzer runtime build the fuzz targets of the network
# parsers (tests/fuzz); openssl makes the certificates of the TLS tests.
TEST_PACKAGES=(clang libclang-rt-dev openssl)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_dependencies() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # Node.js runs the official openai SDK tests; any recent node will do, Debian's included.
    command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_sdk_tests() {
    # The openai npm SDK is a real client in the test suite (tests/sdk).
    if [ ! -d tests/sdk/node_modules/openai ] || [ tests/sdk/package-lock.json -nt tests/sdk/node_modules/.package-lock.json ]; then
        say "Installing the openai SDK for the client tests (npm ci)"
        npm ci --prefix tests/sdk --no-audit --no-fund --loglevel=error
    fi
}

build() {
    local flags=()
    [ "${CI:-}" = "true" ] && flags+=(-DSWITCHYARD_WERROR=ON)
    say "Configuring and building in $BUILD_DIR/"
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${flags[@]}" >/dev/null
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}

run_app() {
    local gateway="$BUILD_DIR/app/switchyard-gateway/switchyard-gateway"
    say "Preparing the default configuration and usage database"
    "$gateway" init
    say "Starting Switchyard: the gateway serves http://127.0.0.1:4000/v1 (try the model \"auto\": no key needed)"
    # The desktop app; without a display it says so and runs the same gateway headless.
    exec "$BUILD_DIR/app/switchyard/switchyard" "$@"
}

run_tests() {
    say "Running the test suite"
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" --timeout 600
}

case "${1:-}" in
    run) shift; install_dependencies; build; run_app "$@" ;;
    test) PACKAGES+=("${TEST_PACKAGES[@]}"); install_dependencies; [ -f tests/sdk/package.json ] && install_sdk_tests; build; run_tests ;;
    build) install_dependencies; build ;;
    *) echo "usage: $0 run|test|build" >&2; exit 2 ;;
esac
