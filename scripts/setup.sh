# Installs, when missing, what building and testing need. Sourced by
# scripts/serve.sh and scripts/test.sh; each function is quick when its tool
# is already there.
#
# Only package registries are reachable here (crates.io, npm, Debian), so
# nothing is fetched as a prebuilt binary: wasm-bindgen-cli is built with
# cargo, the browser comes from Debian.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Each stage's line says how long the run has taken so far (scripts called
# from scripts/test.sh count from its start), so a slow stage shows in CI's log.
export SFPC_STARTED_S="${SFPC_STARTED_S:-$(date +%s)}"
log() {
    local taken=$(($(date +%s) - SFPC_STARTED_S))
    printf '\n==> [%dm %02ds] %s\n' $((taken / 60)) $((taken % 60)) "$*" >&2
}

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

ensure_rust_tools() {
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
}

ensure_wasm_toolchain() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        log "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    local want have
    want="$(wasm_bindgen_version)"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ]; then
        log "installing wasm-bindgen-cli $want (was: ${have:-none}); this takes a few minutes once"
        # Not --locked: its lock file pins a crate this registry does not have.
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

apt_install() {
    if [ "$(id -u)" != 0 ]; then
        echo "need root to apt-get install $*" >&2
        return 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_browser() {
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        log "installing Debian's chromium and chromium-driver"
        apt_install chromium chromium-driver
    fi
}

# Firefox ESR, and WebKit's WebDriver with MiniBrowser under a virtual X
# display: tests/e2e/engines.test.mjs runs the core flows in both.
ensure_other_browsers() {
    if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v xvfb-run >/dev/null; then
        log "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
        apt_install firefox-esr webkit2gtk-driver xvfb xauth
    fi
}

# LibreOffice Calc without a GUI, and Debian's python3 with its UNO bridge:
# tests/workbook.rs recalculates the Excel workbook in them.
ensure_spreadsheet() {
    if ! command -v soffice >/dev/null || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
        log "installing LibreOffice Calc (no GUI) and python3-uno, to recalculate the workbook in tests"
        apt_install libreoffice-calc-nogui python3-uno
    fi
}

# Installs the npm packages of a folder (its package-lock.json, by npm ci).
# A copy of the lock file is kept beside the installed packages; when the
# lock file has changed since (a package added or bumped), install again.
ensure_npm_packages() {
    command -v node >/dev/null || { log "installing node"; apt_install nodejs npm; }
    local dir="$1"
    if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.sfpc-installed-lock"; then
        log "installing the npm packages of ${dir#"$ROOT"/} (npm ci)"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$dir/package-lock.json" "$dir/node_modules/.sfpc-installed-lock"
    fi
}

# playwright-core, Squiggle and axe-core: the end-to-end tests and benchmark.
ensure_node_modules() {
    ensure_npm_packages "$ROOT/tests/e2e"
}

# terser: the site build (scripts/build-site.mjs).
ensure_site_tools() {
    ensure_npm_packages "$ROOT/scripts"
}

# Every stage's test counts go here; `print_summary` adds them up.
TEST_LOG="$(mktemp)"
trap 'rm -f "$TEST_LOG"' EXIT

# Runs a test command, keeping its output for the summary.
run_tests() {
    "$@" 2>&1 | tee -a "$TEST_LOG"
}

# One closing line over all stages: 'summary: N passed, N failed'.
print_summary() {
    awk '
        /^test result: / { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
        /^# pass / { p += $3 } /^# fail / { f += $3 }
        END { printf "summary: %d passed, %d failed\n", p, f }
    ' "$TEST_LOG"
}
