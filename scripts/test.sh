#!/usr/bin/env bash
# Passes every test: sets up if needed, then runs each layer in turn and stops at
# the first failure.
#   1. formatting and lints (cargo fmt, clippy -D warnings);
#   2. core and command line: cargo test (plain, native), and the SCDL export
#      validated against the official schema (scripts/test-scdl.sh);
#   3. components: wasm-bindgen-test in headless Chromium through chromedriver;
#   4. release build (offline, wasm-opt) and its brotli size;
#   5. end to end: Playwright (playwright-core + Debian's Chromium) against the
#      release build served on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p budget-widget --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy -p budget-widget --target wasm32-unknown-unknown --features split --locked -- -D warnings

step "core and command line (cargo test)"
cargo test -p budget-core -p budget-cli --features budget-core/pdf --locked
bash scripts/test-scdl.sh
cargo test -p budget-widget --lib --locked

step "components in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p budget-widget --target wasm32-unknown-unknown --locked

step "release build"
rm -rf dist
trunk build --release
node scripts/size.mjs dist

step "end to end (Playwright, Chromium)"
(cd e2e && node --test --test-concurrency=1 tests/)
