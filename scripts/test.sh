#!/usr/bin/env bash
# Runs every test: formatting and lints, then the native unit, integration and
# property tests. Installs what it needs on a fresh machine.
#
#   bash scripts/test.sh
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

ensure_rust_tools

log "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings

log "native tests (model, validation, command line, properties)"
run_tests cargo test

print_summary
