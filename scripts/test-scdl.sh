#!/usr/bin/env bash
# The SCDL export checked against the official schema (tests/fixtures/
# scdl-subventions-2.1.1.json, SCDL "Subventions" 2.1.1) by frictionless, and
# by validata (SIRET keys…) when setup.sh could install it in .venv-scdl:
#   1. `budget export --format scdl` of the Vienne annex with valid metadata
#      must be valid;
#   2. with a wrong SIRET key, `budget export` must refuse (exit 1) and name
#      the field;
#   3. a hand-written invalid file must be found invalid (so that this test
#      can fail: a validator that accepts everything would not pass it).
# BUDGET_BIN names the binary to use; else it is built (debug, as cargo test).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-scdl
SCHEMA=tests/fixtures/scdl-subventions-2.1.1.json
FIXTURE=tests/fixtures/vienne-2024-solidarites.tsv
say() { printf '[test-scdl] %s\n' "$*"; }
fail() { say "ÉCHEC : $*"; exit 1; }

[ -x "$VENV/bin/frictionless" ] || fail "$VENV/bin/frictionless absent : lancez bash scripts/setup.sh"
if [ -z "${BUDGET_BIN:-}" ]; then
  cargo build -q -p budget-cli --locked
  BUDGET_BIN="${CARGO_TARGET_DIR:-target}/debug/budget"
fi
validata=false
if "$VENV/bin/python" -c 'import validata_core' 2>/dev/null; then validata=true; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# frictionless validate: status 0 when valid; --trusted lets it read a file
# outside the current folder.
valid() {
  "$VENV/bin/frictionless" validate --trusted --schema "$SCHEMA" "$1" >"$tmp/report.txt" 2>&1
}
valid_validata() {
  "$VENV/bin/python" scripts/validata-check.py "$SCHEMA" "$1" >"$tmp/validata.txt" 2>&1
}

cat > "$tmp/meta.json" <<'JSON'
{
  "nomAttribuant": "Département de la Vienne",
  "idAttribuant": "228 600 011 00016",
  "dateConvention": "2024-06-27",
  "referenceDecision": "CP-2024-117",
  "nomBeneficiaire": "Association Les Petits Débrouillards",
  "idBeneficiaire": "38047555800058",
  "datesPeriodeVersement": "2024-06-27/2024-12-31",
  "conditionsVersement": "échelonné",
  "pourcentageSubvention": "1"
}
JSON

# 1. A valid export is valid.
"$BUDGET_BIN" export "$FIXTURE" --format scdl --meta "$tmp/meta.json" -o "$tmp/scdl.csv" ||
  fail "budget export --format scdl a refusé des métadonnées valides"
rows=$(($(wc -l < "$tmp/scdl.csv") - 1))
valid "$tmp/scdl.csv" || { cat "$tmp/report.txt"; fail "frictionless refuse l'export SCDL"; }
say "frictionless : export SCDL valide ($rows lignes)"
if $validata; then
  valid_validata "$tmp/scdl.csv" || { cat "$tmp/validata.txt"; fail "validata refuse l'export SCDL"; }
  say "validata : export SCDL valide"
else
  say "validata absent de $VENV : vérification frictionless seule"
fi

# 2. A wrong SIRET key: refused, the field named, nothing written.
set +e
"$BUDGET_BIN" export "$FIXTURE" --format scdl --meta "$tmp/meta.json" \
  --id-attribuant "228 600 011 00017" -o "$tmp/refused.csv" 2>"$tmp/stderr.txt"
status=$?
set -e
[ "$status" = 1 ] || fail "SIRET faux : code de sortie $status au lieu de 1"
grep -q "idAttribuant" "$tmp/stderr.txt" || { cat "$tmp/stderr.txt"; fail "SIRET faux : le champ idAttribuant n'est pas nommé"; }
[ ! -e "$tmp/refused.csv" ] || fail "SIRET faux : un fichier a été écrit"
say "SIRET faux : export refusé (code 1, idAttribuant nommé)"

# 3. Hand-written invalid files are found invalid: a French date, an amount
#    with a decimal comma, « Non » for notificationUE.
{
  head -n 1 "$tmp/scdl.csv"
  printf '%s\r\n' 'Département de la Vienne,22860001100016,27/06/2024,,Association,38047555800058,,Crèche,"93507,00",aide en numéraire,échelonné,2024-06-27/2024-12-31,,Non,1.00,'
} > "$tmp/bad.csv"
if valid "$tmp/bad.csv"; then fail "frictionless accepte un fichier invalide"; fi
for expected in dateConvention montant notificationUE; do
  grep -q "$expected" "$tmp/report.txt" || { cat "$tmp/report.txt"; fail "frictionless ne signale pas $expected"; }
done
say "frictionless : fichier invalide refusé (dateConvention, montant, notificationUE)"
if $validata; then
  # A SIRET of 14 digits whose key is wrong: only validata's check sees it.
  sed 's/,22860001100016,/,22860001100017,/' "$tmp/scdl.csv" > "$tmp/bad-siret.csv"
  if valid_validata "$tmp/bad-siret.csv"; then fail "validata accepte un SIRET faux"; fi
  say "validata : SIRET faux refusé"
fi
say "ok"
