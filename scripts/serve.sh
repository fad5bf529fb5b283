#!/usr/bin/env bash
# Builds the calculator and serves it on 127.0.0.1, printing the URL.
# Installs what it needs on a fresh machine.
#
#   bash scripts/serve.sh [PORT]      (default 8000)
source "$(dirname "$0")/setup.sh"
cd "$ROOT"

bash scripts/build-web.sh
exec python3 scripts/serve.py --port "${1:-8000}"
