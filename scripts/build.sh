#!/usr/bin/env bash
# Release build of the widget into dist/, offline, with wasm-opt -Oz; prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
rm -rf dist
trunk build --release
node scripts/size.mjs dist
