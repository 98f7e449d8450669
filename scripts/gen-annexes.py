"""Writes COUNT convention annexes of ACTIONS actions each into FOLDER, as
tab-separated tables like the Vienne annex (three funders, groups of ten
actions, « Sous total » rows and a « TOTAL FINANCIER » row, French amounts),
for scripts/bench-cli.sh. Deterministic: the same folder every time.

    python3 scripts/gen-annexes.py FOLDER [COUNT=1000] [ACTIONS=100]
"""
import os
import sys


def eur(cents):
    """12345678 → '123 456,78 €' with the narrow no-break space of Excel."""
    units, c = divmod(cents, 100)
    text = f"{units:,}".replace(",", "\u202f")
    return f"{text},{c:02d}\u00a0€"


def annex(n, actions):
    head = [
        "Axes de la stratégie départementale", "Ligne budgétaire", "Fiche action n°",
        "Intitulé de l'action", "A - Participations directes mobilisées pour la convention 2024",
        "B - Crédits CD affectés pour la convention 2024", "C - Participations d'autres financeurs",
        "F - Budget global de l'action prévu en 2024 (A+B+C)",
    ]
    rows = ["\t".join(head)]
    total = [0, 0, 0]
    group = [0, 0, 0]
    for k in range(actions):
        a = 1_000_000 + (n * 7919 + k * 104_729) % 9_000_000
        b = a + (k % 3) * 50_000
        c = (n + k) % 5 * 123_456
        for i, v in enumerate((a, b, c)):
            group[i] += v
            total[i] += v
        axe = f"Axe {k // 10 + 1} de la convention {n}" if k % 10 == 0 else ""
        rows.append("\t".join([axe, "304-50-23", str(k + 1), f"Action {k + 1} de l'annexe {n}",
                               eur(a), eur(b), eur(c), eur(a + b + c)]))
        if k % 10 == 9 or k == actions - 1:
            rows.append("\t".join(["", "", "", "Sous total"] + [eur(v) for v in group] + [eur(sum(group))]))
            group = [0, 0, 0]
    rows.append("\t".join(["", "", "", "TOTAL FINANCIER"] + [eur(v) for v in total] + [eur(sum(total))]))
    return "\r\n".join(rows) + "\r\n"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    actions = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    os.makedirs(folder, exist_ok=True)
    for n in range(count):
        sub = os.path.join(folder, f"lot-{n // 100:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"annexe-{n:04d}.tsv"), "w", encoding="utf-8") as f:
            f.write(annex(n, actions))


main()
