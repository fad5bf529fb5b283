#!/usr/bin/env bash
# Builds the engine to WebAssembly into www/pkg/ (generated; not committed),
# then the site a web server hosts into target/site/ (www/ with its
# JavaScript minified).
#
#   bash scripts/build-web.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_wasm_toolchain
ensure_site_tools

log "building the engine for wasm32 (size-tuned "web" profile)"
cargo build --lib --profile web --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --remove-name-section \
    --out-dir www/pkg target/wasm32-unknown-unknown/web/sfpc.wasm
ls -l www/pkg/sfpc_bg.wasm www/pkg/sfpc.js >&2

log "building the site into target/site/"
node scripts/build-site.mjs
