#!/usr/bin/env bash
# Installs what the project needs on a fresh machine (rustup + stable Rust, node/npm,
# python3 and apt) and skips whatever is already there at the right version.
# Idempotent: a second run does nothing but check. Only package registries are used
# (crates.io, npm, Debian): nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
WASM_SPLIT_VERSION=0.2.4

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Run as root on CI machines; use sudo elsewhere when it exists.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

export PATH="$HOME/.cargo/bin:$PATH"

# 1. The WebAssembly target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, at the version Trunk.toml requires (0.22 needs a newer rustc).
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock.
#    (`--locked` fails on the registry mirror: a pinned dependency is missing.)
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then say "wasm-bindgen not found in Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  say "Trunk.toml names another wasm-bindgen than Cargo.lock ($WBG_VERSION): fix [tools]"; exit 1
fi

# 3b. wasm-split-cli, which cuts the release module into chunks (scripts/split.mjs).
#     (it has no --version: cargo's list of installed packages tells.)
if ! command -v wasm-split-cli >/dev/null ||
   ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# 4. Chromium and its driver, from Debian (browser tests; never a downloaded browser).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4b. LibreOffice Writer without its GUI, from Debian: the PDF tests of the core
#     and of the command (crates/budget-core/tests/open_pdf.rs, budget check on a
#     .pdf) make their PDFs with `soffice --headless --convert-to pdf`.
if ! command -v soffice >/dev/null; then
  say "installing libreoffice-writer-nogui from Debian (soffice, for the PDF tests)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi

# 5. npm packages from the committed lock: playwright-core (no browser download),
#    axe-core, and binaryen's wasm-opt (Debian's binaryen 108 builds a bundle that
#    fails at start-up). Reinstalled only when the lock file changes.
lock_sum=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
if [ ! -f e2e/node_modules/.lock-sum ] || [ "$(cat e2e/node_modules/.lock-sum)" != "$lock_sum" ]; then
  say "installing npm packages (e2e/package-lock.json)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > e2e/node_modules/.lock-sum
fi
if [ "$(e2e/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  say "wasm-opt from npm binaryen is not version $BINARYEN_VERSION"; exit 1
fi

# 5b. A Python virtual environment with frictionless, which validates the SCDL
#     export against its official schema (scripts/test-scdl.sh); validata-table
#     (OpenDataFrance's validator, with the SIRET checks of the schema) is tried
#     too, and its failure to install does not stop the setup.
FRICTIONLESS_VERSION=5.18.1
VALIDATA_VERSION=0.12.5
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
  say "installing python3-venv from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
fi
if [ "$(.venv-scdl/bin/frictionless --version 2>/dev/null || true)" != "$FRICTIONLESS_VERSION" ]; then
  say "installing frictionless $FRICTIONLESS_VERSION in .venv-scdl"
  rm -rf .venv-scdl
  python3 -m venv .venv-scdl
  .venv-scdl/bin/pip install -q --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi
if ! .venv-scdl/bin/python -c 'import validata_core' 2>/dev/null && [ ! -f .venv-scdl/.validata-failed ]; then
  say "trying validata-table $VALIDATA_VERSION in .venv-scdl (optional)"
  if .venv-scdl/bin/pip install -q --disable-pip-version-check \
       "validata-table==$VALIDATA_VERSION" "frictionless==$FRICTIONLESS_VERSION"; then
    :
  else
    say "validata-table did not install: the SCDL test uses frictionless alone"
    touch .venv-scdl/.validata-failed
  fi
fi

# 6. Crates, so that the offline builds (Trunk passes --offline to cargo) find them.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

say "ready"
