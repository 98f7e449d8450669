#!/usr/bin/env bash
# Opens the calculator's exports in LibreOffice and checks that the totals
# survive: for the Vienne 2024 and Creuse 2023 fixtures (tests/fixtures/),
#
#   1. builds the `budget` command and the `export_annex` example of
#      budget-core (the command has no export: the example writes the same
#      files as the widget, `export::csv_excel_fr` and `export::xlsx_annex`);
#   2. exports each fixture as a CSV for French Excel and as an XLSX annex;
#   3. has LibreOffice (headless) convert the XLSX to CSV, and open the CSV
#      (`;`, UTF-8, French locale, as a French user opens it) and save it as
#      XLSX, then convert that XLSX to CSV;
#   4. checks with Python, in exact decimals, that in every file LibreOffice
#      wrote: each amount is a number (raw values, not text), the action rows
#      add up to the "Total général" row, and that row holds the grand totals
#      worked out from the source fixture (sums of its action rows, which the
#      core tests assert by hand: Vienne 558 633 + 681 524 + 535 493 =
#      1 775 650; Creuse 330 873 + 330 873 = 661 746). Vienne's own
#      "TOTAL FINANCIER" row declares 1 815 650: 40 000 more, the slip of its
#      axis 3 (20 000 État + 20 000 Département) that the core tests assert;
#      the script checks that the difference is exactly that slip;
#   5. reads the files LibreOffice wrote back with `budget check --json` and
#      checks the same grand totals.
#
#   bash scripts/check-exports-libreoffice.sh
#
# Needs LibreOffice Calc (Debian: `apt-get install libreoffice-calc-nogui`),
# installed here when missing and running as root. Not part of
# scripts/test.sh: LibreOffice is too heavy for CI. Writes only in a
# temporary directory (kept when a check fails, removed otherwise).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
say() { printf '\033[1m[libreoffice]\033[0m %s\n' "$*"; }

if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing libreoffice-calc-nogui (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libreoffice-calc-nogui >/dev/null
  else
    say "LibreOffice is missing: apt-get install libreoffice-calc-nogui"
    exit 1
  fi
fi
LO_VERSION="$(soffice --version 2>/dev/null | head -n 1)"
say "$LO_VERSION"

# 1. Build.
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build -q -p budget-cli
cargo build -q -p budget-core --example export_annex
BUDGET="$TARGET/debug/budget"
EXPORT="$TARGET/debug/examples/export_annex"

WORK="$(mktemp -d)"
keep=1
cleanup() { if [ "$keep" = 0 ]; then rm -rf "$WORK"; else say "files kept in $WORK"; fi; }
trap cleanup EXIT
mkdir -p "$WORK/export" "$WORK/from-xlsx" "$WORK/from-csv" "$WORK/profile"

# 2. Export.
FIXTURES=(vienne-2024-solidarites creuse-2023-execution)
for f in "${FIXTURES[@]}"; do
  "$EXPORT" "$WORK/export" "tests/fixtures/$f.tsv" >/dev/null
done

# 3. LibreOffice. A profile of its own, so that a running LibreOffice or the
# user's settings play no part. CSV written with `;`, `"`, UTF-8 (76), from
# line 1, and raw values ("save cell contents as shown" false): an amount
# stored as a number comes out as `93507`, one left as text as it was typed.
soffice_run() {
  soffice -env:UserInstallation="file://$WORK/profile" --headless "$@" >/dev/null 2>&1
}
CSV_OUT='csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,false,false'
for f in "${FIXTURES[@]}"; do
  soffice_run --convert-to "$CSV_OUT" --outdir "$WORK/from-xlsx" "$WORK/export/$f.xlsx"
  # Opening the CSV as French LibreOffice does: `;`, UTF-8, French locale (1036).
  soffice_run --infilter="CSV:59,34,76,1,,1036" --convert-to xlsx \
    --outdir "$WORK/from-csv" "$WORK/export/$f.csv"
  soffice_run --convert-to "$CSV_OUT" --outdir "$WORK/from-csv" "$WORK/from-csv/$f.xlsx"
done

# 5 first: the calculator reads back what LibreOffice wrote.
for dir in from-xlsx from-csv; do
  for f in "${FIXTURES[@]}"; do
    "$BUDGET" check --json "$WORK/$dir/$f.csv" >"$WORK/$dir/$f.json" || true
  done
done

# 4. Check.
python3 - "$WORK" "${FIXTURES[@]}" <<'PY'
import csv, json, re, sys
from decimal import Decimal

work, fixtures = sys.argv[1], sys.argv[2:]

def amount(text):
    """A French amount of a source fixture: `93 507,00 €`, `10 715,50`, empty."""
    t = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace("€", "")
    return Decimal(t.replace(",", ".")) if t else Decimal(0)

def raw_number(text, where):
    """A raw value LibreOffice wrote for a numeric cell: `93507`, `432803.59`."""
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        raise SystemExit(f"ÉCHEC {where}: « {text} » n'est pas un nombre (cellule texte ?)")
    return Decimal(text)

# The source fixtures: columns of each funder's planned amount, the total
# column, and (Vienne) the declared grand total row with its known slip.
SOURCES = {
    "vienne-2024-solidarites": {
        "number": 2,
        "funders": {"État": [4], "Département": [5], "Autres financeurs": [6]},
        "total": 7,
        "declared_row": "TOTAL FINANCIER",
        # Axis 3's slip (fixtures_vienne.rs): declared − computed.
        "slip": [Decimal(20000), Decimal(20000), Decimal(0), Decimal(40000)],
        # Worked by hand in the core tests (fixtures_vienne.rs).
        "by_hand": [Decimal(558633), Decimal(681524), Decimal(535493), Decimal(1775650)],
    },
    "creuse-2023-execution": {
        "number": 0,
        # Report 2021 + avenant 2022 of each funder.
        "funders": {"État": [2, 3], "Département": [4, 5]},
        "total": 6,
        "declared_row": None,
        "slip": None,
        # fixtures_creuse.rs: grand_totals_of_the_report.
        "by_hand": [Decimal(330873), Decimal(330873), Decimal(661746)],
    },
}

def expected_of(name):
    spec = SOURCES[name]
    with open(f"tests/fixtures/{name}.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    funders = list(spec["funders"])
    sums = [Decimal(0)] * (len(funders) + 1)
    declared = None
    for row in rows[1:]:
        cell = lambda i: row[i] if i < len(row) else ""
        if cell(spec["number"]).strip():
            for k, name_ in enumerate(funders):
                sums[k] += sum(amount(cell(i)) for i in spec["funders"][name_])
            sums[-1] += amount(cell(spec["total"]))
        elif spec["declared_row"] and spec["declared_row"] in row:
            declared = [amount(cell(spec["funders"][n][0])) for n in funders]
            declared.append(amount(cell(spec["total"])))
    if sum(sums[:-1]) != sums[-1]:
        raise SystemExit(f"ÉCHEC {name}: la source ne s'additionne pas ({sums})")
    if sums != spec["by_hand"]:
        raise SystemExit(f"ÉCHEC {name}: source {sums} ≠ calcul à la main {spec['by_hand']}")
    if declared is not None:
        diff = [d - s for d, s in zip(declared, sums)]
        if diff != spec["slip"]:
            raise SystemExit(f"ÉCHEC {name}: total déclaré {declared}, écart {diff} ≠ {spec['slip']}")
        print(f"  {name}: TOTAL FINANCIER déclaré {declared[-1]} = {sums[-1]} calculé + "
              f"{spec['slip'][-1]} (erreur connue de l'axe 3)")
    return funders, sums

def check_converted(path, funders, expected):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header_at = next(i for i, r in enumerate(rows) if "Budget total" in r)
    header = rows[header_at]
    columns = [header.index(n) for n in funders] + [header.index("Budget total")]
    number = header.index("Fiche action n°")
    actions = [Decimal(0)] * len(columns)
    total = None
    count = 0
    for i, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cell = lambda c: row[c] if c < len(row) else ""
        if "Total général" in row:
            total = [raw_number(cell(c), f"{path}:{i}") for c in columns]
        elif cell(number).strip():
            count += 1
            for k, c in enumerate(columns):
                actions[k] += raw_number(cell(c), f"{path}:{i}")
    if total is None:
        raise SystemExit(f"ÉCHEC {path}: pas de ligne « Total général »")
    if actions != total:
        raise SystemExit(f"ÉCHEC {path}: actions {actions} ≠ Total général {total}")
    if total != expected:
        raise SystemExit(f"ÉCHEC {path}: Total général {total} ≠ attendu {expected}")
    return count, total

def check_read_back(path, expected):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    if report["unreadable_cells"]:
        raise SystemExit(f"ÉCHEC {path}: cellules illisibles {report['unreadable_cells']}")
    planned = report["grand"]["planned"]
    got = [Decimal(v) for v in planned["by_funder"]] + [Decimal(planned["total"])]
    if got != expected:
        raise SystemExit(f"ÉCHEC {path}: budget check lit {got} ≠ {expected}")

for name in fixtures:
    funders, expected = expected_of(name)
    for way, label in (("from-xlsx", "XLSX → CSV"), ("from-csv", "CSV → XLSX → CSV")):
        count, total = check_converted(f"{work}/{way}/{name}.csv", funders, expected)
        check_read_back(f"{work}/{way}/{name}.json", expected)
        figures = " + ".join(str(v) for v in total[:-1])
        print(f"  {name} ({label}) : {count} actions, Total général {figures} = {total[-1]}, "
              f"relu par budget check : identique")
print("OK")
PY
keep=0
say "all totals equal the source figures ($LO_VERSION)"
