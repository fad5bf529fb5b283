#!/usr/bin/env bash
# Benchmark: transfer size, first chart and redraw times in headless Chromium.
# Prints the figures against their budgets; writes target/bench/web.json.
#
#   bash scripts/bench.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_browser
ensure_node_modules
bash scripts/build-web.sh
node tests/e2e/bench.mjs
