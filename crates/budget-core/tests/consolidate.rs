//! Conventions taken together: the Vienne and Creuse annexes, and two small
//! tables with years. Expected figures are the fixtures' computed totals
//! (worked by hand in export_files.rs and fixtures_creuse.rs) added by hand.

mod support;
use support::{d, fixture};

use budget_core::consolidate::{consolidate, UNSPLIT};
use budget_core::read::read_table;
use budget_core::report::{compute, Report};
use budget_core::{Decimal, FunderKind};

fn report_of(text: &str) -> Report {
    compute(&read_table(text).convention)
}

#[test]
fn vienne_and_creuse_together() {
    let vienne = report_of(&fixture("vienne-2024-solidarites.tsv"));
    let creuse = report_of(&fixture("creuse-2023-execution.tsv"));
    let c = consolidate(&[("vienne".into(), &vienne), ("creuse".into(), &creuse)]).unwrap();
    let names: Vec<(&str, FunderKind)> = c
        .funders
        .iter()
        .map(|f| (f.name.as_str(), f.kind))
        .collect();
    // Creuse's « Etat » and « CD » columns are the same funders as Vienne's.
    assert_eq!(
        names,
        [
            ("État", FunderKind::State),
            ("Département", FunderKind::Departement),
            ("Autres financeurs", FunderKind::Other),
        ]
    );
    // État 558 633 + 330 873 = 889 506; Département 681 524 + 330 873 =
    // 1 012 397; others 535 493 + 0; total 1 775 650 + 661 746 = 2 437 396.
    assert_eq!(
        c.planned.by_funder,
        [d("889506"), d("1012397"), d("535493")]
    );
    assert_eq!(c.planned.total, d("2437396"));
    // Creuse's amounts moved to the three funders: no other funder.
    assert_eq!(
        c.conventions[1].planned.as_ref().unwrap().by_funder,
        [d("330873"), d("330873"), Decimal::ZERO]
    );
    // Parts: 1 775 650 / 2 437 396 = 0,72850… and 661 746 / 2 437 396 =
    // 0,27149…: 72,85 % and 27,15 %.
    let part = |i: usize| c.conventions[i].part.unwrap().round_dp(4);
    assert_eq!(part(0), d("0.7285"));
    assert_eq!(part(1), d("0.2715"));
    // The State's share: 558 633 / 1 775 650 = 0,3146…; Creuse 50 %.
    assert_eq!(
        c.conventions[0].state_share.unwrap().round_dp(4),
        d("0.3146")
    );
    assert_eq!(c.conventions[1].state_share, Some(d("0.5")));
    // Creuse's actions 8 and 11 are outside the 50 % rule; none of Vienne's.
    assert_eq!(c.conventions[0].co_financing_breaches, Some(0));
    assert_eq!(c.conventions[1].co_financing_breaches, Some(2));
    assert_eq!(c.conventions[1].state_max_share, d("0.5"));
    // Neither table has years: everything is « sans année ».
    assert!(c.years.is_empty());
    assert_eq!(c.without_year.as_ref().unwrap().total, d("2437396"));
    // State 889 506 / 2 437 396 = 0,36494…
    assert_eq!(c.shares.as_ref().unwrap()[0].round_dp(4), d("0.3649"));
    assert!(c.incomplete.is_empty());
}

#[test]
fn years_across_conventions() {
    // A: 2024 État 40 000 + CD 60 000 = 100 000; 2025 État 45 000.
    let a = report_of(
        "N°\tIntitulé\tEtat 2024\tCD 2024\tEtat 2025\n\
         1\tMobilité\t40 000\t60 000\t45 000\n",
    );
    // B: 2025 État 10 000 + CD 10 000 = 20 000; 2026 CD 5 000,50.
    let b = report_of(
        "N°\tIntitulé\tEtat 2025\tCD 2025\tCD 2026\n\
         1\tLogement\t10 000\t10 000\t5 000,50\n",
    );
    let c = consolidate(&[("a".into(), &a), ("b".into(), &b)]).unwrap();
    let years: Vec<(i32, Vec<Decimal>, Decimal)> = c
        .years
        .iter()
        .map(|y| (y.year, y.planned.by_funder.clone(), y.planned.total))
        .collect();
    assert_eq!(
        years,
        [
            (2024, vec![d("40000"), d("60000")], d("100000")),
            // 45 000 + 10 000 = 55 000 for the State; 55 000 + 10 000 = 65 000.
            (2025, vec![d("55000"), d("10000")], d("65000")),
            (2026, vec![Decimal::ZERO, d("5000.50")], d("5000.50")),
        ]
    );
    // 100 000 + 65 000 + 5 000,50 = 170 000,50 = 145 000 + 25 000,50.
    assert_eq!(c.planned.total, d("170000.50"));
    assert_eq!(c.without_year, None);
}

#[test]
fn a_table_naming_no_funder_is_nobodys_money() {
    let split = report_of("N°\tIntitulé\tEtat\tCD\n1\tAccueil\t1 000\t3 000\n");
    let unsplit = report_of("Intitulé\tMontant\nAccueil\t10 000\n");
    let c = consolidate(&[("a".into(), &split), ("b".into(), &unsplit)]).unwrap();
    assert_eq!(c.funders[2].name, UNSPLIT);
    assert_eq!(c.funders[2].kind, FunderKind::Unsplit);
    assert_eq!(UNSPLIT, "Montants non répartis");
    assert_eq!(
        c.funders[2].label(budget_core::Lang::En),
        "Amounts not split by funder"
    );
    assert_eq!(c.funders[0].name, "État");
    assert_eq!(c.funders[0].label(budget_core::Lang::En), "State");
    // 1 000 + 3 000 + 10 000 = 14 000; the State's money is 1 000 only.
    assert_eq!(c.planned.by_funder, [d("1000"), d("3000"), d("10000")]);
    assert_eq!(c.planned.total, d("14000"));
    assert_eq!(c.conventions[1].state_share, None);
    assert_eq!(c.conventions[1].co_financing_breaches, None);
    // 1 000 / 4 000 = 25 %.
    assert_eq!(c.conventions[0].state_share, Some(d("0.25")));
}
