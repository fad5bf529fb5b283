#!/usr/bin/env bash
# Runs every test: formatting and lints; the native unit, integration and
# property tests; the WebAssembly boundary tests in headless Chromium; and
# the end-to-end tests of the page. Installs what it needs on a fresh
# machine (wasm target, the pinned wasm-bindgen-cli, Debian's chromium and
# chromedriver, Firefox ESR, WebKitWebDriver with MiniBrowser and xvfb,
# LibreOffice Calc and python3-uno; playwright-core, puppeteer-core,
# selenium-webdriver, axe-core, typescript, terser and esbuild from npm). The
# end-to-end stage includes the accessibility (axe, keyboard), security
# (CSP, messages) and transfer-size budget tests.
#
#   bash scripts/test.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_rust_tools
ensure_wasm_toolchain
ensure_browser
ensure_other_browsers
ensure_spreadsheet
ensure_node_modules

log "format and lints (native and wasm32)"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# One pass over the WebAssembly modules together (the tests use them all);
# each module alone is compiled by the site build below, which fails on a
# warning (SFPC_DENY_WARNINGS), so a feature's own dead code is caught there.
cargo clippy --lib --tests --target wasm32-unknown-unknown --features web-page,web-analysis,web-workbook -- -D warnings

log "native tests (model, validation, charts, command line, properties, the workbook in LibreOffice; fuzzing for 35 s on every core)"
SFPC_FUZZ_SECONDS=35 run_tests cargo test --workspace

log "WebAssembly boundary tests in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
run_tests cargo test --target wasm32-unknown-unknown --features web-page,web-analysis,web-workbook --test web

log "end-to-end tests of the page (playwright-core + chromium; node unit tests of its pure modules)"
SFPC_DENY_WARNINGS=1 bash scripts/build-web.sh
log "type-checking the page's modules (tsc --noEmit, JSDoc types, the engine's .d.ts)"
(cd tests/e2e && npx tsc -p . --noEmit)
# The command the native tests built and ran (building it alone would
# compile it again, without the tests' dependency features).
export SFPC_BIN="$ROOT/target/debug/sfpc"
[ -x "$SFPC_BIN" ] || cargo build --bin sfpc
(cd tests/e2e && run_tests node --test)

log "done"
print_summary
