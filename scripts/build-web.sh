#!/usr/bin/env bash
# Builds the engine to WebAssembly into www/pkg/ (generated; not committed),
# then the site a web server hosts into target/site/ (www/ with its
# JavaScript minified).
#
# The engine is built three times from the one crate (src/web/mod.rs):
# feature `web-page` gives pkg/sfpc.js, what the page's first view needs;
# feature `web-analysis` gives pkg/sfpc_analysis.js, which the page loads
# after its first chart (the uncertainty analysis, comparisons, councils and
# evidence sets); feature `web-workbook` gives pkg/sfpc_workbook.js, loaded
# when the workbook or the audit pack is asked for.
#
#   bash scripts/build-web.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_wasm_toolchain
ensure_site_tools

# build_module FEATURE NAME PROFILE: a size-tuned profile (Cargo.toml), then
# wasm-bindgen. The first view's module ("web-page") has no simulation, so
# all of it is built for size.
build_module() {
    log "building the engine for wasm32: $2 (feature $1, profile $3)"
    if [ "${SFPC_DENY_WARNINGS:-}" = 1 ]; then
        # The test command: a warning in one module alone fails the build.
        local out
        out="$(cargo build --lib --profile "$3" --target wasm32-unknown-unknown --features "$1" --message-format short 2>&1)" || { echo "$out" >&2; return 1; }
        echo "$out" >&2
        if grep -q '^warning\|: warning' <<<"$out"; then
            echo "the module built with feature $1 has warnings (above)" >&2
            return 1
        fi
    else
        cargo build --lib --profile "$3" --target wasm32-unknown-unknown --features "$1"
    fi
    local built="target/wasm32-unknown-unknown/$3"
    [ "$2" = sfpc ] || cp "$built/sfpc.wasm" "$built/$2.wasm"
    wasm-bindgen --target web --remove-name-section \
        --out-dir www/pkg "$built/$2.wasm"
}
build_module web-page sfpc web-page
build_module web-analysis sfpc_analysis web
build_module web-workbook sfpc_workbook web
ls -l www/pkg/*.wasm www/pkg/*.js >&2

log "building the site into target/site/"
node scripts/build-site.mjs
