#!/usr/bin/env bash
# Benchmarks: the simulation natively (cargo bench), then in headless Chromium
# and node against Squiggle, with the page's size, first chart and redraw
# times. Prints the figures against their budgets; writes target/bench/web.json.
#
#   bash scripts/bench.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_browser
ensure_node_modules
log "native simulation (cargo bench)"
cargo bench --bench simulate
bash scripts/build-web.sh
log "page and WebAssembly (headless Chromium, node) and Squiggle"
node tests/e2e/bench.mjs
