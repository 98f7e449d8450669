//! Totals, subtotals, shares and the multi-year view, on conventions typed by hand
//! from the source documents (no table reader involved).

mod support;
use support::d;

use budget_core::figures::{self, FunderAmounts};
use budget_core::{Action, Amount, Convention, Decimal, Funder, Group, Part, Scope};

fn amount(funder: usize, value: &str) -> Amount {
    Amount {
        funder,
        year: None,
        part: Part::Base,
        value: d(value),
        formula: None,
    }
}

/// Vienne 2024, annex of the contrat départemental des solidarités, typed from
/// the annex: (axis, action number, A State, B Département, C others).
fn vienne() -> Convention {
    let rows: [(usize, &str, &str, &str, &str); 14] = [
        (0, "1", "93507", "146000", "535493"),
        (0, "2", "50000", "50000", "0"),
        (0, "3", "69698", "135096", "0"),
        (0, "4", "25000", "25000", "0"),
        (1, "5", "110000", "110000", "0"),
        (1, "6", "50000", "50000", "0"),
        (1, "7", "10000", "15000", "0"),
        (1, "8", "35000", "35000", "0"),
        (1, "9", "25000", "25000", "0"),
        (2, "10", "20000", "20000", "0"),
        (2, "9", "25428", "25428", "0"),
        (2, "11", "30000", "30000", "0"),
        (2, "12", "15000", "15000", "0"),
        (2, "13", "0", "0", "0"),
    ];
    Convention {
        funders: vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs"),
        ],
        groups: [
            "Axe Prévenir la pauvreté et lutter contre les inégalités dès l'enfance",
            "Axe Lutter contre la grande exclusion grâce à l'accès aux droits",
            "Axe Construire une transition écologique solidaire",
        ]
        .iter()
        .map(|n| Group {
            name: n.to_string(),
            ..Group::default()
        })
        .collect(),
        actions: rows
            .iter()
            .map(|(g, n, a, b, c)| Action {
                number: n.to_string(),
                group: Some(*g),
                planned: vec![amount(0, a), amount(1, b), amount(2, c)],
                ..Action::default()
            })
            .collect(),
        ..Convention::default()
    }
}

fn amounts(by_funder: &[&str], total: &str) -> FunderAmounts {
    FunderAmounts {
        by_funder: by_funder.iter().map(|v| d(v)).collect(),
        total: d(total),
    }
}

#[test]
fn an_action_total_is_the_sum_of_its_funders() {
    // Action 1: 93 507 + 146 000 + 535 493 = 775 000 (the annex's column F).
    let conv = vienne();
    assert_eq!(
        figures::action_planned(&conv, 0).unwrap(),
        amounts(&["93507", "146000", "535493"], "775000")
    );
}

#[test]
fn group_subtotals_add_the_actions_of_the_group() {
    let conv = vienne();
    // Axis 1: A 93 507 + 50 000 + 69 698 + 25 000 = 238 205;
    // B 146 000 + 50 000 + 135 096 + 25 000 = 356 096; C 535 493;
    // F 775 000 + 100 000 + 204 794 + 50 000 = 1 129 794 (as in DOMAIN.md).
    assert_eq!(
        figures::group_planned(&conv, 0).unwrap(),
        amounts(&["238205", "356096", "535493"], "1129794")
    );
    // Axis 2: A 110 000 + 50 000 + 10 000 + 35 000 + 25 000 = 230 000;
    // B 110 000 + 50 000 + 15 000 + 35 000 + 25 000 = 235 000; F 465 000.
    assert_eq!(
        figures::group_planned(&conv, 1).unwrap(),
        amounts(&["230000", "235000", "0"], "465000")
    );
    // Axis 3: 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428 each side, F 180 856
    // (the document's subtotal says 110 428 and 220 856: a row is missing).
    assert_eq!(
        figures::group_planned(&conv, 2).unwrap(),
        amounts(&["90428", "90428", "0"], "180856")
    );
}

#[test]
fn grand_totals_add_every_action() {
    // A 238 205 + 230 000 + 90 428 = 558 633; B 356 096 + 235 000 + 90 428 = 681 524;
    // C 535 493; F 1 129 794 + 465 000 + 180 856 = 1 775 650.
    let conv = vienne();
    assert_eq!(
        figures::grand_planned(&conv).unwrap(),
        amounts(&["558633", "681524", "535493"], "1775650")
    );
}

#[test]
fn a_subtotal_row_of_the_document_is_never_added_again() {
    // Declared figures are kept apart: adding one changes no computed total.
    let mut conv = vienne();
    conv.declared.push(budget_core::Declared {
        scope: Scope::Grand,
        measure: budget_core::Measure::PlannedTotal,
        value: d("1815650"),
        label: "TOTAL FINANCIER".into(),
        source_row: Some(19),
    });
    assert_eq!(figures::grand_planned(&conv).unwrap().total, d("1775650"));
}

#[test]
fn state_share_of_vienne_action_1_is_12_07_percent() {
    // 93 507 / 775 000 = 0.120654…, shown 12,07 %.
    let conv = vienne();
    let shares = figures::action_shares(&conv, 0).unwrap().unwrap();
    assert_eq!(budget_core::money::round_dp(shares[0], 4), d("0.1207"));
    // 146 000 / 775 000 = 0.188387… → 18,84 %; 535 493 / 775 000 = 0.690958… → 69,10 %.
    assert_eq!(budget_core::money::round_dp(shares[1], 4), d("0.1884"));
    assert_eq!(budget_core::money::round_dp(shares[2], 4), d("0.6910"));
}

#[test]
fn shares_add_up_to_exactly_one_even_for_thirds() {
    // 100 / 300 = 1/3 is not a finite decimal: the last share is 1 − the others.
    let conv = Convention {
        funders: vec![Funder::state(), Funder::departement(), Funder::other("CAF")],
        actions: vec![Action {
            planned: vec![amount(0, "100"), amount(1, "100"), amount(2, "100")],
            ..Action::default()
        }]
        .into(),
        ..Convention::default()
    };
    let shares = figures::action_shares(&conv, 0).unwrap().unwrap();
    assert_eq!(shares.iter().copied().sum::<Decimal>(), Decimal::ONE);
    assert_eq!(shares[0], d("0.3333333333333333333333333333"));
    assert_eq!(shares[2], d("0.3333333333333333333333333334"));
}

#[test]
fn a_funder_with_nothing_has_a_share_of_exactly_zero_and_an_empty_action_none() {
    let conv = vienne();
    // Action 2: 50 000 / 50 000 / 0 → 50 %, 50 %, 0 %.
    assert_eq!(
        figures::action_shares(&conv, 1).unwrap().unwrap(),
        vec![d("0.5"), d("0.5"), Decimal::ZERO]
    );
    // Action 13 (Élaboration du PAMS, financed in 2025): 0 everywhere, no split.
    assert_eq!(figures::action_shares(&conv, 13).unwrap(), None);
}

#[test]
fn group_and_grand_shares() {
    let conv = vienne();
    // Axis 3: 90 428 / 180 856 = exactly one half each.
    assert_eq!(
        figures::group_shares(&conv, 2).unwrap().unwrap(),
        vec![d("0.5"), d("0.5"), Decimal::ZERO]
    );
    // Whole: State 558 633 / 1 775 650 = 0.314608… → 31,46 %.
    let grand = figures::grand_shares(&conv).unwrap().unwrap();
    assert_eq!(budget_core::money::round_dp(grand[0], 4), d("0.3146"));
}

#[test]
fn carry_over_and_amendment_parts_are_split_but_add_up_to_the_plan() {
    // Creuse 2023, action 5: Report Etat 2021 24 600, Avenant Etat 2022 85 639,
    // Report CD 2021 55 400, Avenant CD 2022 85 639.
    let part = |funder, value: &str, part| Amount {
        part,
        ..amount(funder, value)
    };
    let conv = Convention {
        actions: vec![Action {
            number: "5".into(),
            planned: vec![
                part(0, "24600", Part::CarryOver),
                part(0, "85639", Part::Amendment),
                part(1, "55400", Part::CarryOver),
                part(1, "85639", Part::Amendment),
            ],
            ..Action::default()
        }]
        .into(),
        ..Convention::default()
    };
    let parts = figures::action_planned_by_part(&conv, 0).unwrap();
    assert_eq!(parts.carry_over, amounts(&["24600", "55400"], "80000"));
    assert_eq!(parts.amendment, amounts(&["85639", "85639"], "171278"));
    assert_eq!(parts.base, amounts(&["0", "0"], "0"));
    // State 24 600 + 85 639 = 110 239; CD 55 400 + 85 639 = 141 039; total 251 278.
    assert_eq!(
        figures::action_planned(&conv, 0).unwrap(),
        amounts(&["110239", "141039"], "251278")
    );
}

#[test]
fn totals_per_year_and_change_from_year_to_year() {
    // A yearly envelope over three years (years as columns):
    // 2024: State 100 000 + CD 100 000 = 200 000;
    // 2025: State 110 000 + CD 120 000 = 230 000 → +30 000, +15 % (30 000 / 200 000);
    // 2026: State 115 000 + CD 115 000 = 230 000 → +0, 0 %.
    let y = |funder, year, value: &str| Amount {
        year: Some(year),
        ..amount(funder, value)
    };
    let conv = Convention {
        years: vec![2024, 2025, 2026],
        actions: vec![
            Action {
                planned: vec![
                    y(0, 2024, "60000"),
                    y(1, 2024, "60000"),
                    y(0, 2025, "70000"),
                ],
                ..Action::default()
            },
            Action {
                planned: vec![
                    y(0, 2024, "40000"),
                    y(1, 2024, "40000"),
                    y(0, 2025, "40000"),
                    y(1, 2025, "120000"),
                    y(0, 2026, "115000"),
                    y(1, 2026, "115000"),
                ],
                ..Action::default()
            },
        ]
        .into(),
        ..Convention::default()
    };
    let years = figures::year_totals(&conv, Scope::Grand).unwrap();
    let by_year = &years.by_year;
    assert_eq!(by_year.len(), 3);
    assert_eq!(by_year[0].year, 2024);
    assert_eq!(by_year[0].planned, amounts(&["100000", "100000"], "200000"));
    assert_eq!(by_year[0].change, None);
    assert_eq!(by_year[1].planned, amounts(&["110000", "120000"], "230000"));
    let change = by_year[1].change.as_ref().unwrap();
    assert_eq!(
        (change.from_year, change.absolute, change.relative),
        (2024, d("30000"), Some(d("0.15")))
    );
    let change = by_year[2].change.as_ref().unwrap();
    assert_eq!(
        (change.absolute, change.relative),
        (Decimal::ZERO, Some(Decimal::ZERO))
    );
    assert_eq!(years.without_year, None);
    // One action alone: 2024 120 000, 2025 70 000 → −50 000, −41,67 %.
    let first = figures::year_totals(&conv, Scope::Action(0)).unwrap();
    let change = first.by_year[1].change.as_ref().unwrap();
    assert_eq!(change.absolute, d("-50000"));
    assert_eq!(
        budget_core::money::round_dp(change.relative.unwrap(), 4),
        d("-0.4167")
    );
}

#[test]
fn a_table_without_years_has_no_yearly_view() {
    assert!(figures::year_totals(&vienne(), Scope::Grand)
        .unwrap()
        .by_year
        .is_empty());
}

#[test]
fn ids_out_of_range_never_panic() {
    // A malformed saved file: an amount of funder 7, an action of group 9.
    let mut conv = vienne();
    conv.actions[0].planned.push(amount(7, "1000000"));
    conv.actions[1].group = Some(9);
    // The unknown funder's amount is left out: action 1 still totals 775 000.
    assert_eq!(
        figures::action_planned(&conv, 0).unwrap().total,
        d("775000")
    );
    // An action id that names no action has nothing planned.
    assert_eq!(
        figures::action_planned(&conv, 99).unwrap(),
        FunderAmounts::zero(3)
    );
    assert_eq!(
        figures::group_planned(&conv, 42).unwrap(),
        FunderAmounts::zero(3)
    );
    // Action 2 (100 000) left axis 1: 1 129 794 − 100 000 = 1 029 794.
    assert_eq!(
        figures::group_planned(&conv, 0).unwrap().total,
        d("1029794")
    );
    assert_eq!(figures::grand_planned(&conv).unwrap().total, d("1775650"));
}

#[test]
fn an_overflow_is_an_error_not_a_panic() {
    let conv = Convention {
        actions: vec![Action {
            planned: vec![
                Amount {
                    value: Decimal::MAX,
                    ..amount(0, "0")
                },
                Amount {
                    value: Decimal::MAX,
                    ..amount(1, "0")
                },
            ],
            ..Action::default()
        }]
        .into(),
        ..Convention::default()
    };
    assert!(matches!(
        figures::action_planned(&conv, 0),
        Err(budget_core::CalcError::Overflow { .. })
    ));
}

#[test]
fn amounts_with_different_decimals_add_up_exactly() {
    // 0,1 + 0,2 = 0,3 (a binary float gives 0,30000000000000004);
    // 1 234,5 + 0,005 + 10 = 1 244,505 (a unit cost with three decimals).
    let values = [
        (0, d("0.1")),
        (0, d("0.2")),
        (1, d("1234.5")),
        (1, d("0.005")),
        (1, d("10")),
    ];
    let sums = figures::sums_by_funder(
        2,
        values.iter().copied(),
        budget_core::messages::FigureName::Planned,
    )
    .unwrap();
    assert_eq!(sums, vec![d("0.3"), d("1244.505")]);
    // Beyond the range of a decimal: an error, not a wrong sum.
    let huge = [(0, Decimal::MAX), (0, Decimal::MAX)];
    assert!(figures::sums_by_funder(
        1,
        huge.iter().copied(),
        budget_core::messages::FigureName::Planned
    )
    .is_err());
}
