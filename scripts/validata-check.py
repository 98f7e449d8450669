"""Validates a CSV against a table schema with validata (OpenDataFrance's
validator, which adds the schema's custom checks to frictionless: SIRET keys,
one of idBeneficiaire/rnaBeneficiaire). validata-table 0.12.5's own `validata`
command is broken (it imports a missing validata_core.cli), so its Python API
is called. Exit status 0 valid, 1 invalid (errors printed), 2 usage.

    python validata-check.py SCHEMA.json FILE.csv
"""
import sys

from validata_core import validate

if len(sys.argv) != 3:
    print(__doc__, file=sys.stderr)
    sys.exit(2)
report = validate(sys.argv[2], sys.argv[1])
for error in report.errors:
    print(f"validata: {getattr(error, 'type', '')}: {getattr(error, 'message', error)}")
print("validata:", "VALID" if report.valid else "INVALID", sys.argv[2])
sys.exit(0 if report.valid else 1)
