//! Two scenarios of a small convention compared, figures worked by hand.

mod support;
use support::d;

use budget_core::compare::{compare, RowKind};
use budget_core::{Action, Amount, Convention, Decimal, Funder, Group, Part};

fn amount(funder: usize, value: &str) -> Amount {
    Amount {
        funder,
        year: None,
        part: Part::Base,
        value: d(value),
        formula: None,
    }
}

fn action(number: &str, title: &str, group: usize, amounts: &[(usize, &str)]) -> Action {
    Action {
        number: number.into(),
        title: title.into(),
        group: Some(group),
        planned: amounts.iter().map(|(f, v)| amount(*f, v)).collect(),
        ..Action::default()
    }
}

/// Scenario A: two axes, three actions, État + Département.
///
/// | axe | action | État | Département | total |
/// |---|---|---|---|---|
/// | Axe 1 | 1 Maraudes | 10 000 | 10 000 | 20 000 |
/// | Axe 1 | 2 Formation | 5 000,50 | 4 999,50 | 10 000 |
/// | Axe 2 | 3 Mobilité | 7 000 | 8 000 | 15 000 |
///
/// Grand: État 22 000,50; Département 22 999,50; total 45 000.
fn scenario_a() -> Convention {
    Convention {
        groups: vec![
            Group {
                name: "Axe 1 – Prévenir".into(),
                ..Group::default()
            },
            Group {
                name: "Axe 2".into(),
                ..Group::default()
            },
        ],
        actions: vec![
            action("1", "Maraudes", 0, &[(0, "10000"), (1, "10000")]),
            action("2", "Formation", 0, &[(0, "5000.50"), (1, "4999.50")]),
            action("3", "Mobilité", 1, &[(0, "7000"), (1, "8000")]),
        ]
        .into(),
        ..Convention::default()
    }
}

/// Scenario B: the same, with
/// - action 1's State amount raised to 11 000 (+1 000);
/// - action 2 renumbered "2 bis" but with the same title (matched by title),
///   Département lowered to 4 000 (−999,50);
/// - action 3 dropped;
/// - a new action 4 "Logement" in Axe 2 with a CAF: État 2 000, CAF 3 000;
/// - the group name written "AXE 1 - prévenir" (same name once normalised).
///
/// Grand B: État 11 000 + 5 000,50 + 2 000 = 18 000,50;
/// Département 10 000 + 4 000 = 14 000; CAF 3 000; total 35 000,50.
fn scenario_b() -> Convention {
    Convention {
        funders: vec![Funder::state(), Funder::departement(), Funder::other("CAF")],
        groups: vec![
            Group {
                name: "Axe 2".into(),
                ..Group::default()
            },
            Group {
                name: "AXE 1 - prévenir".into(),
                ..Group::default()
            },
        ],
        actions: vec![
            action("1", "Maraudes", 1, &[(0, "11000"), (1, "10000")]),
            action("2 bis", "Formation", 1, &[(0, "5000.50"), (1, "4000")]),
            action("4", "Logement", 0, &[(0, "2000"), (2, "3000")]),
        ]
        .into(),
        ..Convention::default()
    }
}

#[test]
fn grand_totals_per_funder_and_their_differences() {
    let c = compare(&scenario_a(), &scenario_b()).unwrap();
    let names: Vec<&str> = c.funders.iter().map(|f| f.name.as_str()).collect();
    // A's funders, then the CAF that only B has.
    assert_eq!(names, ["État", "Département", "CAF"]);
    assert_eq!(c.funders[2].in_a, None);
    assert_eq!(c.funders[2].in_b, Some(2));
    let g = &c.grand;
    assert_eq!(g.kind, RowKind::Grand);
    // État: 22 000,50 → 18 000,50: −4 000.
    assert_eq!(
        (
            g.by_funder[0].a,
            g.by_funder[0].b,
            g.by_funder[0].difference
        ),
        (d("22000.50"), d("18000.50"), d("-4000"))
    );
    // Département: 22 999,50 → 14 000: −8 999,50.
    assert_eq!(g.by_funder[1].difference, d("-8999.50"));
    // CAF: 0 → 3 000.
    assert_eq!((g.by_funder[2].a, g.by_funder[2].b), (d("0"), d("3000")));
    // Total: 45 000 → 35 000,50: −9 999,50 (= −4 000 − 8 999,50 + 3 000).
    assert_eq!(
        (g.total.a, g.total.b, g.total.difference),
        (d("45000"), d("35000.50"), d("-9999.50"))
    );
}

#[test]
fn groups_are_matched_by_name_whatever_their_order() {
    let c = compare(&scenario_a(), &scenario_b()).unwrap();
    assert_eq!(c.groups.len(), 2);
    // Axe 1: A 20 000 + 10 000 = 30 000; B 21 000 + 9 000,50 = 30 000,50: +0,50.
    let axe1 = &c.groups[0];
    assert_eq!(axe1.label, "Axe 1 – Prévenir");
    assert!(axe1.in_a && axe1.in_b);
    assert_eq!(
        (axe1.total.a, axe1.total.b, axe1.total.difference),
        (d("30000"), d("30000.50"), d("0.50"))
    );
    // Axe 2: A 15 000 (action 3); B 5 000 (action 4): −10 000.
    let axe2 = &c.groups[1];
    assert_eq!(axe2.total.difference, d("-10000"));
}

#[test]
fn actions_are_matched_by_number_else_by_title() {
    let c = compare(&scenario_a(), &scenario_b()).unwrap();
    let rows: Vec<(&str, bool, bool, Decimal)> = c
        .actions
        .iter()
        .map(|r| (r.number.as_str(), r.in_a, r.in_b, r.total.difference))
        .collect();
    assert_eq!(
        rows,
        vec![
            // 1: 20 000 → 21 000.
            ("1", true, true, d("1000")),
            // 2 / "2 bis" matched by title: 10 000 → 9 000,50.
            ("2", true, true, d("-999.50")),
            // 3 only in A: 15 000 → 0.
            ("3", true, false, d("-15000")),
            // 4 only in B: 0 → 5 000.
            ("4", false, true, d("5000")),
        ]
    );
    let first = &c.actions[0];
    assert!(first.by_funder[0].changed());
    assert!(!first.by_funder[1].changed());
    assert!(first.changed());
}

#[test]
fn a_convention_compared_with_itself_has_no_difference() {
    let a = scenario_a();
    let c = compare(&a, &a).unwrap();
    assert!(!c.grand.changed());
    assert!(c.groups.iter().all(|r| !r.changed()));
    assert!(c.actions.iter().all(|r| !r.changed()));
}

/// Numbers used twice and actions without one: each action of B is matched
/// once, the first free one with the same number, then by title.
///
/// | A | B |
/// |---|---|
/// | 1 Maraudes 100 | — Mobilité 350 |
/// | 1 Formation 200 | 1 Formation bis 210 |
/// | — Mobilité 300 | 1 Maraudes bis 110 |
/// | — Formation bis 400 | |
///
/// A's first 1 takes B's first 1 (210 − 100 = 110), A's second 1 the second
/// (110 − 200 = −90), Mobilité its title (350 − 300 = 50); « Formation bis »
/// of A would match B's second row by title, but the numbers took it first:
/// only in A (−400).
#[test]
fn repeated_numbers_are_matched_in_order_each_action_of_b_once() {
    let conv = |actions: Vec<Action>| Convention {
        funders: vec![Funder::state()],
        groups: vec![Group {
            name: "Axe".into(),
            ..Group::default()
        }],
        actions: actions.into(),
        ..Convention::default()
    };
    let a = conv(vec![
        action("1", "Maraudes", 0, &[(0, "100")]),
        action("1", "Formation", 0, &[(0, "200")]),
        action("", "Mobilité", 0, &[(0, "300")]),
        action("", "Formation bis", 0, &[(0, "400")]),
    ]);
    let b = conv(vec![
        action("", "Mobilité", 0, &[(0, "350")]),
        action("1", "Formation bis", 0, &[(0, "210")]),
        action("1", "Maraudes bis", 0, &[(0, "110")]),
    ]);
    let c = compare(&a, &b).unwrap();
    let rows: Vec<(&str, bool, bool, Decimal)> = c
        .actions
        .iter()
        .map(|r| (r.label.as_str(), r.in_a, r.in_b, r.total.difference))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Maraudes", true, true, d("110")),
            ("Formation", true, true, d("-90")),
            ("Mobilité", true, true, d("50")),
            ("Formation bis", true, false, d("-400")),
        ]
    );
}
