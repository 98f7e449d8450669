//! `report::compute`: every figure and warning at once, and its JSON.

mod support;
use support::d;

use budget_core::checks::WarningKind;
use budget_core::report;
use budget_core::{
    Achievement, Action, Amount, Convention, Decimal, Declared, Execution, Funder, FunderValue,
    Group, Measure, Part, Schedule, Scope,
};

fn amount(funder: usize, value: &str) -> Amount {
    Amount {
        funder,
        year: None,
        part: Part::Base,
        value: d(value),
        formula: None,
    }
}

/// Two axes of Vienne 2024 (the second one short of a row, as in the document),
/// the declared subtotal of axis 3, and the ACI payment of the insertion convention.
fn convention() -> Convention {
    let action = |group, number: &str, a: &str, b: &str, c: &str, row| Action {
        number: number.into(),
        title: format!("Action {number}"),
        group: Some(group),
        planned: vec![amount(0, a), amount(1, b), amount(2, c)],
        source_row: Some(row),
        ..Action::default()
    };
    Convention {
        title: "Contrat départemental des solidarités 2024".into(),
        departement: "Vienne".into(),
        funders: vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs"),
        ],
        groups: vec![
            Group {
                name: "Axe Prévenir la pauvreté".into(),
                ..Group::default()
            },
            Group {
                name: "Axe Construire une transition écologique solidaire".into(),
                ..Group::default()
            },
        ],
        actions: vec![
            action(0, "1", "93507", "146000", "535493", 2),
            action(0, "2", "50000", "50000", "0", 3),
            action(1, "10", "20000", "20000", "0", 13),
            action(1, "9", "25428", "25428", "0", 14),
        ]
        .into(),
        declared: vec![Declared {
            scope: Scope::Group(1),
            measure: Measure::PlannedTotal,
            value: d("110856"),
            label: "Sous total".into(),
            source_row: Some(18),
        }],
        schedules: vec![Schedule {
            name: "ACI".into(),
            payer: Some(1),
            action: None,
            total: d("1300000"),
            instalments: budget_core::tranches::seventy_thirty_adjusted(),
            paid: Some(d("910000")),
            achieved: Some(Achievement::Units {
                units: d("202.5"),
                unit_cost: d("6417.84"),
            }),
        }],
        ..Convention::default()
    }
}

/// `compute_figures` is `compute` without the checks: the same figures (axis 3
/// still 90 856, grand total 965 856), no warning — the declared subtotal of
/// 110 856 is only compared by the checks.
#[test]
fn figures_without_the_checks() {
    let conv = convention();
    let figures = report::compute_figures(&conv);
    assert!(figures.warnings.is_empty());
    assert_eq!(
        figures.groups[1].figures.planned.as_ref().unwrap().total,
        d("90856")
    );
    assert_eq!(figures.grand.planned.as_ref().unwrap().total, d("965856"));
    let full = report::compute(&conv);
    assert_eq!(full.warnings.len(), 1);
    assert_eq!(
        (
            figures.actions,
            figures.groups,
            figures.grand,
            figures.schedules
        ),
        (full.actions, full.groups, full.grand, full.schedules)
    );
}

/// After one amount is edited, `recompute_figures` works out the new figures
/// from the old ones: action 9's State amount 25 428 → 30 000 (+4 572) makes
/// axis 3 90 856 + 4 572 = 95 428 and the grand total 965 856 + 4 572 =
/// 970 428; axis 1 (875 000) is taken as it was, shared.
#[test]
fn figures_worked_out_again_after_one_amount_is_edited() {
    let before = convention();
    let known = report::compute_figures(&before);
    let mut after = before.clone();
    after.actions[3].planned[0].value = d("30000");
    let again = report::recompute_figures(&before, &known, &after);
    let planned = |t: &report::Totals| t.planned.as_ref().unwrap().total;
    assert_eq!(planned(&again.groups[0].figures), d("875000"));
    assert_eq!(planned(&again.groups[1].figures), d("95428"));
    assert_eq!(planned(&again.actions[3].figures), d("55428"));
    assert_eq!(planned(&again.grand), d("970428"));
    assert_eq!(again, report::compute_figures(&after));
    // The figures of the three actions left as they were are shared with
    // the figures before, not copied; the edited action's are new.
    for (id, shared) in [(0, true), (1, true), (2, true), (3, false)] {
        assert_eq!(
            std::sync::Arc::ptr_eq(&known.actions[id], &again.actions[id]),
            shared,
            "action {id}"
        );
    }
    assert!(std::sync::Arc::ptr_eq(&known.groups[0], &again.groups[0]));
    assert!(!std::sync::Arc::ptr_eq(&known.groups[1], &again.groups[1]));
}

#[test]
fn every_figure_at_once() {
    let r = report::compute(&convention());
    assert!(r.errors.is_empty());
    assert_eq!(r.funders.len(), 3);
    assert_eq!(r.actions.len(), 4);
    // Axis 1: 775 000 + 100 000 = 875 000; axis 3 (two rows here): 40 000 + 50 856 = 90 856.
    assert_eq!(
        r.groups[0].figures.planned.as_ref().unwrap().total,
        d("875000")
    );
    assert_eq!(
        r.groups[1].figures.planned.as_ref().unwrap().total,
        d("90856")
    );
    assert_eq!(r.groups[1].actions, vec![2, 3]);
    // Grand: 875 000 + 90 856 = 965 856; State 93 507 + 50 000 + 20 000 + 25 428 = 188 935.
    let grand = r.grand.planned.as_ref().unwrap();
    assert_eq!(
        (grand.total, grand.by_funder[0]),
        (d("965856"), d("188935"))
    );
    assert_eq!(
        r.grand
            .shares
            .as_ref()
            .unwrap()
            .iter()
            .copied()
            .sum::<Decimal>(),
        Decimal::ONE
    );
    assert_eq!(r.ungrouped, None);
    // No execution in a plan.
    assert_eq!(r.grand.executed.as_ref().unwrap().reported, 0);
    // Co-financing: action 1 is 12,07 % State, within the rule.
    let cf = r.actions[0].co_financing.as_ref().unwrap();
    assert_eq!(
        budget_core::money::round_dp(cf.state_share.unwrap(), 4),
        d("0.1207")
    );
    assert_eq!(cf.breach, None);
    // The declared subtotal 110 856 against 90 856: one warning of 20 000.
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].kind, WarningKind::DeclaredMismatch);
    assert_eq!(r.warnings[0].difference, Some(d("20000")));
    // The ACI schedule: 910 000 + 390 000; settled on 202,5 posts: 389 612,60 still due.
    let s = &r.schedules[0];
    let split: Vec<_> = s
        .instalments
        .as_ref()
        .unwrap()
        .iter()
        .map(|i| i.amount)
        .collect();
    assert_eq!(split, vec![d("910000"), d("390000")]);
    assert_eq!(s.settlement.as_ref().unwrap().balance, d("389612.60"));
}

#[test]
fn the_json_has_amounts_as_decimal_strings() {
    let json = serde_json::to_value(report::compute(&convention())).unwrap();
    assert_eq!(json["grand"]["planned"]["total"], "965856");
    assert_eq!(json["grand"]["planned"]["by_funder"][0], "188935");
    assert_eq!(json["funders"][0]["name"], "État");
    assert_eq!(json["funders"][0]["kind"], "state");
    assert_eq!(json["actions"][0]["number"], "1");
    assert_eq!(json["actions"][0]["planned"]["total"], "775000");
    assert_eq!(json["actions"][0]["co_financing"]["max_share"], "0.5");
    assert_eq!(
        json["groups"][1]["name"],
        "Axe Construire une transition écologique solidaire"
    );
    assert_eq!(json["warnings"][0]["kind"], "declared_mismatch");
    assert_eq!(json["schedules"][0]["instalments"][1]["amount"], "390000");
    assert_eq!(json["schedules"][0]["settlement"]["balance"], "389612.60");
    assert_eq!(json["settings"]["state_max_share"], "0.5");
}

#[test]
fn actions_without_a_group_are_listed_apart() {
    let mut conv = convention();
    conv.actions[1].group = None;
    conv.actions[2].group = Some(7); // malformed: no such group
    let r = report::compute(&conv);
    let ungrouped = r.ungrouped.as_ref().unwrap();
    assert_eq!(ungrouped.actions, vec![1, 2]);
    // Action 2 (100 000) + action 10 (40 000).
    assert_eq!(
        ungrouped.figures.planned.as_ref().unwrap().total,
        d("140000")
    );
    assert_eq!(r.actions[2].group, None);
}

#[test]
fn an_overflow_is_listed_and_everything_else_is_still_computed() {
    let mut conv = convention();
    conv.actions[0].planned = vec![
        Amount {
            value: Decimal::MAX,
            ..amount(0, "0")
        },
        Amount {
            value: Decimal::MAX,
            ..amount(0, "0")
        },
    ];
    let r = report::compute(&conv);
    assert!(!r.errors.is_empty());
    assert_eq!(r.errors[0].scope, Some(Scope::Action(0)));
    assert!(r.errors[0].message.starts_with("dépassement de capacité"));
    assert_eq!(r.actions[0].figures.planned, None);
    // Its group and the grand total cannot be known, the other group can.
    assert_eq!(r.groups[0].figures.planned, None);
    assert_eq!(r.grand.planned, None);
    assert_eq!(
        r.groups[1].figures.planned.as_ref().unwrap().total,
        d("90856")
    );
}

#[test]
fn execution_figures_in_the_report() {
    // Creuse 2023, action 8: planned State 38 648 + CD 12 352 = 51 000;
    // executed 38 468 + 12 352 = 50 820: rate 50 820 / 51 000 = 99,65 %, 180 unspent.
    let conv = Convention {
        actions: vec![Action {
            number: "8".into(),
            planned: vec![amount(0, "38648"), amount(1, "12352")],
            execution: Execution {
                executed: vec![
                    FunderValue {
                        funder: 0,
                        value: d("38468"),
                        formula: None,
                    },
                    FunderValue {
                        funder: 1,
                        value: d("12352"),
                        formula: None,
                    },
                ],
                ..Execution::default()
            },
            ..Action::default()
        }]
        .into(),
        ..Convention::default()
    };
    let r = report::compute(&conv);
    let c = r.actions[0].figures.consumption.as_ref().unwrap();
    assert_eq!(
        budget_core::money::round_dp(c.rate.unwrap(), 4),
        d("0.9965")
    );
    assert_eq!(c.unspent_state, Some(d("180")));
    let grand = r.grand.consumption.as_ref().unwrap();
    assert_eq!(grand.unspent_state, Some(d("180")));
    assert_eq!(
        r.actions[0]
            .co_financing
            .as_ref()
            .unwrap()
            .breach
            .as_ref()
            .unwrap()
            .state_excess,
        d("13148")
    );
}

#[test]
fn a_chart_draws_every_item_or_the_largest_and_the_others_together() {
    let sizes: Vec<Option<Decimal>> = ["5", "40", "7", "40", "1", "12"]
        .iter()
        .map(|s| Some(d(s)))
        .collect();
    // Six items, six bars or more: all of them.
    assert_eq!(report::largest_items(&sizes, 6), [0, 1, 2, 3, 4, 5]);
    assert_eq!(report::largest_items(&sizes, 10), [0, 1, 2, 3, 4, 5]);
    // Four bars: the three largest (40, 40, 12) in table order, and one bar
    // for the others (5, 7, 1).
    assert_eq!(report::largest_items(&sizes, 4), [1, 3, 5]);
    // Two bars: of the two 40, the first in the table.
    assert_eq!(report::largest_items(&sizes, 2), [1]);
    // An unknown size (an overflow) counts as the smallest.
    let mut unknown = sizes.clone();
    unknown[1] = None;
    assert_eq!(report::largest_items(&unknown, 3), [3, 5]);
    assert_eq!(report::largest_items(&[], 3), Vec::<usize>::new());
}
