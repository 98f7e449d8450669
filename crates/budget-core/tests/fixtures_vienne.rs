//! Vienne 2024, contrat départemental des solidarités: the annex as pasted from
//! the spreadsheet (`tests/fixtures/vienne-2024-solidarites.tsv`), read by the
//! table reader, with every expected figure worked out by hand from the annex.

mod support;
use support::d;

use budget_core::checks::{Figure, WarningKind};
use budget_core::money::round_dp;
use budget_core::read::{read_table, Reading};
use budget_core::report::{self, Report};
use budget_core::{figures, Decimal, Scope};

fn reading() -> Reading {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/vienne-2024-solidarites.tsv"
    );
    read_table(&std::fs::read_to_string(path).unwrap())
}

fn vienne() -> Report {
    let r = reading();
    assert_eq!(r.errors, vec![], "every cell of the annex is readable");
    report::compute(&r.convention)
}

#[test]
fn the_annex_has_14_actions_in_3_axes_and_3_funders() {
    let r = vienne();
    assert_eq!(r.actions.len(), 14);
    assert_eq!(r.groups.len(), 3);
    assert_eq!(
        r.funders
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["État", "Département", "Autres financeurs"]
    );
}

#[test]
fn computed_grand_totals() {
    // A: 238 205 + 230 000 + 90 428 = 558 633
    // B: 356 096 + 235 000 + 90 428 = 681 524
    // C: 535 493 (action 1 only)
    // F: 1 129 794 + 465 000 + 180 856 = 1 775 650 (= 558 633 + 681 524 + 535 493)
    let r = vienne();
    let grand = r.grand.planned.unwrap();
    assert_eq!(grand.by_funder, vec![d("558633"), d("681524"), d("535493")]);
    assert_eq!(grand.total, d("1775650"));
}

#[test]
fn subtotals_per_axis() {
    let r = vienne();
    let planned = |g: usize| r.groups[g].figures.planned.clone().unwrap();
    // Axis 1: 93 507 + 50 000 + 69 698 + 25 000 = 238 205;
    // 146 000 + 50 000 + 135 096 + 25 000 = 356 096; 535 493; F 1 129 794.
    assert_eq!(
        planned(0).by_funder,
        vec![d("238205"), d("356096"), d("535493")]
    );
    assert_eq!(planned(0).total, d("1129794"));
    // Axis 2: 110 000 + 50 000 + 10 000 + 35 000 + 25 000 = 230 000;
    // 110 000 + 50 000 + 15 000 + 35 000 + 25 000 = 235 000; F 465 000.
    assert_eq!(planned(1).by_funder, vec![d("230000"), d("235000"), d("0")]);
    assert_eq!(planned(1).total, d("465000"));
    // Axis 3: 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428 each side; F 180 856.
    assert_eq!(planned(2).by_funder, vec![d("90428"), d("90428"), d("0")]);
    assert_eq!(planned(2).total, d("180856"));
}

#[test]
fn state_share_of_action_1() {
    // 93 507 / 775 000 = 0,120654… → 12,07 %.
    let r = vienne();
    let share = r.actions[0].figures.shares.as_ref().unwrap()[0];
    assert_eq!(round_dp(share, 4), d("0.1207"));
    assert_eq!(
        budget_core::money::format_percent(share, 2, budget_core::Lang::Fr),
        "12,07\u{A0}%"
    );
}

#[test]
fn no_action_breaks_the_co_financing_rule() {
    // Every action is at most 50 % State (action 7: 10 000 / 25 000 = 40 %;
    // action 1: 12,07 %); action 13 costs nothing.
    let r = vienne();
    assert!(r
        .actions
        .iter()
        .all(|a| a.co_financing.as_ref().unwrap().breach.is_none()));
    let cf = r.actions[6].co_financing.as_ref().unwrap();
    assert_eq!(cf.state_share, Some(d("0.4")));
}

#[test]
fn the_declared_axis_3_subtotal_and_grand_total_are_wrong() {
    let r = vienne();
    let mismatches: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    let found = |scope: Scope, figure: Figure| {
        mismatches
            .iter()
            .find(|w| w.scope == Some(scope) && w.figure == Some(figure))
            .map(|w| {
                (
                    w.declared.unwrap(),
                    w.computed.unwrap(),
                    w.difference.unwrap(),
                )
            })
    };
    // Axis 3 "Sous total": A 110 428 declared, 90 428 computed; F 220 856 vs 180 856.
    assert_eq!(
        found(Scope::Group(2), Figure::Planned { funder: 0 }),
        Some((d("110428"), d("90428"), d("20000")))
    );
    assert_eq!(
        found(Scope::Group(2), Figure::Planned { funder: 1 }),
        Some((d("110428"), d("90428"), d("20000")))
    );
    assert_eq!(
        found(Scope::Group(2), Figure::PlannedTotal),
        Some((d("220856"), d("180856"), d("40000")))
    );
    // "TOTAL FINANCIER": A 578 633 vs 558 633, B 701 524 vs 681 524, F 1 815 650 vs 1 775 650.
    assert_eq!(
        found(Scope::Grand, Figure::Planned { funder: 0 }),
        Some((d("578633"), d("558633"), d("20000")))
    );
    assert_eq!(
        found(Scope::Grand, Figure::Planned { funder: 1 }),
        Some((d("701524"), d("681524"), d("20000")))
    );
    assert_eq!(
        found(Scope::Grand, Figure::PlannedTotal),
        Some((d("1815650"), d("1775650"), d("40000")))
    );
    // C (535 493) and everything else the annex declares (columns F, axes 1 and 2) is right.
    assert_eq!(mismatches.len(), 6);
}

#[test]
fn action_9_appears_in_two_axes() {
    let r = vienne();
    let dup: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DuplicateActionNumber)
        .collect();
    assert_eq!(dup.len(), 1);
    // Row 11 (axis 2, 25 000 €) and row 14 (axis 3, 25 428 €).
    assert_eq!((dup[0].source_row, dup[0].other_row), (Some(14), Some(11)));
    // Exactly these seven warnings, nothing else.
    assert_eq!(r.warnings.len(), 7, "{:#?}", r.warnings);
    assert!(r.errors.is_empty());
}

#[test]
fn a_plan_has_no_execution() {
    let r = vienne();
    assert_eq!(r.grand.executed.as_ref().unwrap().reported, 0);
    assert_eq!(r.grand.consumption.as_ref().unwrap().rate, None);
}

#[test]
fn the_figures_agree_with_the_per_item_functions() {
    // The report and the functions the widget calls give the same figures.
    let conv = reading().convention;
    let r = report::compute(&conv);
    assert_eq!(
        r.grand.planned,
        Some(figures::grand_planned(&conv).unwrap())
    );
    for g in 0..3 {
        assert_eq!(
            r.groups[g].figures.planned,
            Some(figures::group_planned(&conv, g).unwrap())
        );
    }
}

#[test]
fn with_the_missing_row_the_declared_totals_are_right() {
    // Adding the missing 20 000 € / 20 000 € action to axis 3 (DOMAIN.md) makes every
    // declared subtotal and the grand total agree.
    let mut conv = reading().convention;
    let mut missing = conv.actions[9].clone();
    missing.number = "14".into();
    for a in &mut missing.planned {
        a.value = if a.funder == 2 {
            Decimal::ZERO
        } else {
            d("20000")
        };
    }
    missing.source_row = None;
    conv.actions.push(missing);
    let r = report::compute(&conv);
    assert!(
        !r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::DeclaredMismatch),
        "{:#?}",
        r.warnings
    );
}
