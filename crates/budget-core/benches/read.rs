//! How fast a large paste is read (run with `cargo bench -p budget-core --bench
//! read`; `cargo test` only compiles it).
//!
//! A generated annex of 10 003 rows (1.2 MB) laid out like the Vienne one:
//! a title, the headings of the annex (group, budget line, number, title,
//! A, B, C, F), 100 axes of 99 actions each, the group named on its first row,
//! amounts written `93 507,00 €` with a narrow no-break space (U+202F) between
//! thousands, a `Sous total` row after each axis and a `TOTAL FINANCIER` row.
//!
//! Goal: `read_table` in ≤ 20 ms natively. Also measured: the same table as
//! an XLSX (written by `export::xlsx_annex`) through `files::open`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use budget_core::read::{read_table, ReadOptions};
use criterion::{criterion_group, criterion_main, Criterion};

const GROUPS: usize = 100;
const ACTIONS_PER_GROUP: usize = 99;

/// `93 507,00 €` with U+202F between thousands, from cents.
fn french(cents: u64) -> String {
    let euros = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('\u{202F}');
        }
        grouped.push(c);
    }
    format!("{grouped},{:02}\u{A0}€", cents % 100)
}

/// A deterministic amount in cents, between 1 000,00 € and about 100 000,00 €.
fn cents(i: usize, k: usize) -> u64 {
    let n = (i.wrapping_mul(7919).wrapping_add(k.wrapping_mul(104_729))) % 9_900_000;
    100_000 + n as u64
}

/// The paste: 1 title + 1 heading + 100 × (99 actions + 1 subtotal) + 1 total
/// = 10 003 rows.
fn paste() -> String {
    let mut text = String::from("Annexe financière — convention 2024\t\t\t\t\t\t\t\n");
    text.push_str(
        "Axes de la stratégie départementale\tLigne budgétaire\tFiche action n°\t\
         Intitulé de l'action\tA - Participations directes mobilisées pour la convention 2024\t\
         B - Crédits CD affectés pour la convention 2024\tC - Participations d'autres financeurs\t\
         F - Budget global de l'action prévu en 2024 (A+B+C)\n",
    );
    let mut grand = [0u64; 4];
    let mut i = 0usize;
    for g in 0..GROUPS {
        let mut sub = [0u64; 4];
        for k in 0..ACTIONS_PER_GROUP {
            let (a, b, c) = (cents(i, 0), cents(i, 1), cents(i, 2));
            let f = a + b + c;
            let group = if k == 0 {
                format!("Axe {g} – Prévenir la pauvreté et lutter contre les inégalités")
            } else {
                String::new()
            };
            // Every tenth title quoted, as a spreadsheet copies a cell with quotes.
            let title = if i.is_multiple_of(10) {
                format!("\"\"\"Aller vers\"\" n° {i}\"")
            } else {
                format!("Action {i} : accès aux droits")
            };
            let _ = writeln!(
                text,
                "{group}\t304-50-23-{g:02}-01\t{g}.{k}\t{title}\t{}\t{}\t{}\t{}",
                french(a),
                french(b),
                french(c),
                french(f)
            );
            for (s, v) in sub.iter_mut().zip([a, b, c, f]) {
                *s += v;
            }
            i += 1;
        }
        let _ = writeln!(
            text,
            "\t\t\tSous total\t{}\t{}\t{}\t{}",
            french(sub[0]),
            french(sub[1]),
            french(sub[2]),
            french(sub[3])
        );
        for (t, v) in grand.iter_mut().zip(sub) {
            *t += v;
        }
    }
    let _ = writeln!(
        text,
        "\t\t\tTOTAL FINANCIER\t{}\t{}\t{}\t{}",
        french(grand[0]),
        french(grand[1]),
        french(grand[2]),
        french(grand[3])
    );
    text
}

fn bench(c: &mut Criterion) {
    let text = paste();
    let check = read_table(&text);
    assert!(check.errors.is_empty(), "{:?}", check.errors.first());
    assert_eq!(check.convention.actions.len(), GROUPS * ACTIONS_PER_GROUP);
    assert_eq!(check.convention.groups.len(), GROUPS);

    let mut g = c.benchmark_group(format!(
        "paste of {} rows, {} kB",
        text.lines().count(),
        text.len() / 1000
    ));
    g.sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("read_table", |b| b.iter(|| read_table(black_box(&text))));
    g.bench_function("text_grid (cutting into cells only)", |b| {
        b.iter(|| budget_core::read::text_grid(black_box(&text)))
    });
    #[cfg(all(feature = "spreadsheets", feature = "xlsx-export"))]
    {
        let xlsx = budget_core::export::xlsx_annex(&check.convention).unwrap_or_default();
        g.bench_function(
            format!(
                "files::open of the same table as XLSX ({} kB)",
                xlsx.len() / 1000
            ),
            |b| {
                b.iter(|| {
                    budget_core::files::open(
                        "annexe.xlsx",
                        black_box(&xlsx),
                        &ReadOptions::default(),
                    )
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
