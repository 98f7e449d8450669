#!/usr/bin/env bash
# Times `budget check DIR --summary-csv` on a folder of 1 000 annexes of 100
# actions (made by scripts/gen-annexes.py in /tmp, once), release build.
# The goal: under 10 seconds. COUNT and ACTIONS change the folder's size.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000}
ACTIONS=${ACTIONS:-100}
DIR=/tmp/budget-bench-$COUNT-$ACTIONS
say() { printf '[bench-cli] %s\n' "$*"; }

cargo build -q -p budget-cli --release --locked
BIN="${CARGO_TARGET_DIR:-target}/release/budget"
if [ ! -f "$DIR/.complete" ]; then
  say "writing $COUNT annexes of $ACTIONS actions into $DIR"
  rm -rf "$DIR"
  python3 scripts/gen-annexes.py "$DIR" "$COUNT" "$ACTIONS"
  touch "$DIR/.complete"
fi
say "$(find "$DIR" -name '*.tsv' | wc -l) files, $(du -sh "$DIR" | cut -f1)"
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$BIN" check "$DIR" --summary-csv /tmp/budget-bench-summary.csv > /tmp/budget-bench-out.txt || true
  end=$(date +%s.%N)
  say "run $run: $(echo "$end - $start" | bc) s"
done
say "summary: $(($(wc -l < /tmp/budget-bench-summary.csv) - 1)) rows in /tmp/budget-bench-summary.csv; output $(du -h /tmp/budget-bench-out.txt | cut -f1)"
