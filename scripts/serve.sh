#!/usr/bin/env bash
# The main job: set up if needed, build the widget for release and serve it on
# 127.0.0.1 (port $PORT, 8080 by default). Prints the address; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo "Calculateur disponible sur / calculator served at:"
exec node e2e/serve.mjs dist "${PORT:-8080}"
