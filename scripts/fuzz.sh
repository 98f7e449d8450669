#!/usr/bin/env bash
# Fuzzes the core crate: every target of fuzz/ for RUNS executions each
# (default 1 000 000), then prints how many ran and whether any crashed.
#
#   scripts/fuzz.sh [RUNS]
#
# Targets (fuzz/fuzz_targets/): read_table (any bytes pasted, as lossy UTF-8),
# eval_expr (any calculation), load_json (any saved convention), open_file (any
# file under each name: .xlsx, .xls, .ods, .csv, .tsv, .json, none).
#
# cargo-fuzz needs `-Z` flags of the nightly compiler; this machine has the
# stable one only, so the script sets RUSTC_BOOTSTRAP=1, which lets the stable
# compiler accept them (AddressSanitizer included: its runtime ships with the
# stable x86_64-unknown-linux-gnu standard library). Set FUZZ_SANITIZER=none to
# fuzz without it (faster), FUZZ_TARGETS="read_table eval_expr" to run some.
#
# The corpus grows in fuzz/corpus/TARGET (not committed) from the seeds of
# fuzz/seeds/TARGET and, for open_file, the workbooks of the test suite. A
# crash leaves its input in fuzz/artifacts/TARGET/ and makes the script fail.
set -euo pipefail

RUNS="${1:-1000000}"
TARGETS="${FUZZ_TARGETS:-read_table eval_expr load_json open_file}"
SANITIZER="${FUZZ_SANITIZER:-address}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FUZZ="$ROOT/fuzz"

if cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz présent : $(cargo fuzz --version)"
else
  echo "installation de cargo-fuzz…"
  cargo install cargo-fuzz --locked --version 0.13.2
fi

export RUSTC_BOOTSTRAP=1
# A target directory of its own, outside the workspace's.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$FUZZ/target}"

# open_file seeds: each test workbook and table, behind the byte that names it
# (see fuzz_targets/open_file.rs: 0 xlsx, 1 xls, 2 ods, 3 csv, 4 tsv, 5 json).
seed() { # seed NAME_BYTE FILE
  local out="$FUZZ/corpus/open_file/seed-$(basename "$2")"
  [ -e "$out" ] || { printf "\\x$(printf %02x "$1")" | cat - "$2" > "$out"; }
}
mkdir -p "$FUZZ/corpus/open_file"
DATA="$ROOT/crates/budget-core/tests/data"
[ -f "$DATA/vienne-libreoffice.xlsx" ] && seed 0 "$DATA/vienne-libreoffice.xlsx"
[ -f "$DATA/vienne-libreoffice.xls" ] && seed 1 "$DATA/vienne-libreoffice.xls"
[ -f "$DATA/vienne-libreoffice.ods" ] && seed 2 "$DATA/vienne-libreoffice.ods"
for f in "$ROOT"/tests/fixtures/*.tsv; do seed 4 "$f"; done
for f in "$FUZZ"/seeds/load_json/*; do seed 5 "$f"; done

cd "$FUZZ"
summary=()
status=0
for target in $TARGETS; do
  mkdir -p "corpus/$target" "artifacts/$target"
  seeds=()
  [ -d "seeds/$target" ] && seeds=("seeds/$target")
  log="$(mktemp)"
  echo "== $target : $RUNS exécutions (sanitizer : $SANITIZER)"
  start=$(date +%s)
  if cargo fuzz run --sanitizer "$SANITIZER" "$target" "corpus/$target" "${seeds[@]}" -- \
      -runs="$RUNS" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
      -print_final_stats=1 2>&1 | tee "$log" | grep -E "^(#[0-9]+\s+(INITED|DONE)|Done|==[0-9]+==|SUMMARY|panicked|thread)" ; then
    :
  fi
  # `Done N runs in S second(s)` is libFuzzer's last line when nothing crashed.
  done_line="$(grep -E '^Done [0-9]+ runs' "$log" || true)"
  elapsed=$(( $(date +%s) - start ))
  if [ -n "$done_line" ]; then
    summary+=("$target : ${done_line#Done } (${elapsed} s avec la compilation)")
  else
    summary+=("$target : ÉCHEC — voir fuzz/artifacts/$target/ (journal : $log)")
    status=1
  fi
done

echo
echo "Résumé :"
printf '  %s\n' "${summary[@]}"
exit "$status"
