//! Export then import gives back the same convention: `csv_excel_fr` read by
//! `read_table` has the same actions (numbers, titles, groups) and the same
//! planned amount of each funder, whatever the titles hold (quotes, `;`, line
//! breaks, tabs, a leading `=`) and the amounts (cents, more decimals,
//! negatives).

use budget_core::export::csv_excel_fr;
use budget_core::figures::{action_planned, grand_planned, group_planned};
use budget_core::read::read_table;
use budget_core::{
    Action, Amount, Convention, Decimal, Funder, Group, GroupKind, Measure, Part, Scope,
};
use proptest::prelude::*;

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An amount: up to a billion euros, 0 to 3 decimals, either sign.
fn amount() -> impl Strategy<Value = Decimal> {
    (-100_000_000_000i64..100_000_000_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s))
}

/// A title: awkward characters, ends trimmed (the reader trims cells). An
/// apostrophe followed by a formula character is excluded: the reader takes it
/// for the protection written by the export and drops it.
fn title() -> impl Strategy<Value = String> {
    "[a-zA-Zé0-9 ;,\"'=+@\t\n\r()€-]{0,24}"
        .prop_map(|t| t.trim().to_string())
        .prop_filter("apostrophe before a formula character", |t| {
            !(t.starts_with('\'') && t[1..].starts_with(['=', '+', '-', '@', '\t', '\r']))
        })
}

/// An action number: what annexes use (`2.9`, `12`), and signs that a
/// spreadsheet would take for a formula (`=1`, `-3`).
fn number() -> impl Strategy<Value = String> {
    "[=+@-]?[0-9]{1,3}(\\.[0-9]{1,2})?"
}

/// A group name, blanks collapsed as the reader collapses them.
fn group_name() -> impl Strategy<Value = String> {
    "[a-zA-Zé0-9 ;,\"=+-]{1,20}"
        .prop_map(|n| collapse(&n))
        .prop_filter("empty", |n| !n.is_empty() && !n.starts_with('\''))
}

fn convention() -> impl Strategy<Value = Convention> {
    let funders = prop_oneof![
        Just(vec![Funder::state(), Funder::departement()]),
        Just(vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs")
        ]),
        Just(vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("CAF"),
            Funder::other("Autres financeurs")
        ]),
    ];
    let groups = proptest::collection::btree_set(group_name(), 0..4);
    (funders, groups, proptest::option::of(title())).prop_flat_map(
        |(funders, groups, conv_title)| {
            let funder_count = funders.len();
            let group_count = groups.len();
            let action = (
                number(),
                title(),
                proptest::option::of(0..group_count.max(1)),
                proptest::collection::vec((0..funder_count, amount()), 0..5),
            );
            let groups: Vec<Group> = groups
                .into_iter()
                .map(|name| Group {
                    kind: GroupKind::Axe,
                    name,
                })
                .collect();
            proptest::collection::vec(action, 0..12).prop_map(move |actions| {
                let mut actions: Vec<Action> = actions
                    .into_iter()
                    .map(|(number, title, group, amounts)| Action {
                        number,
                        title,
                        group: group.filter(|_| group_count > 0),
                        planned: amounts
                            .into_iter()
                            .map(|(funder, value)| Amount {
                                funder,
                                year: None,
                                part: Part::Base,
                                value,
                                formula: None,
                            })
                            .collect(),
                        ..Action::default()
                    })
                    .collect();
                // The order of an annex: actions without a group first, then
                // group by group (the export writes them in this order).
                actions.sort_by_key(|a| a.group.map_or(0, |g| g + 1));
                Convention {
                    title: conv_title.clone().unwrap_or_default(),
                    funders: funders.clone(),
                    groups: groups.clone(),
                    actions: actions.into(),
                    ..Convention::default()
                }
            })
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csv_for_excel_reads_back_the_same_convention(conv in convention()) {
        let csv = csv_excel_fr(&conv);
        let reading = read_table(&csv);
        prop_assert!(reading.errors.is_empty(), "{:?}\n{csv}", reading.errors);
        let back = &reading.convention;
        prop_assert_eq!(back.title.clone(), collapse(&conv.title));

        // Funders are matched by name.
        let funder_back: Vec<usize> = conv
            .funders
            .iter()
            .map(|f| back.funders.iter().position(|g| g.name == f.name).unwrap())
            .collect();

        prop_assert_eq!(back.actions.len(), conv.actions.len(), "{}", csv);
        for (i, (a, b)) in conv.actions.iter().zip(&back.actions).enumerate() {
            prop_assert_eq!(a.number.trim(), b.number.as_str(), "action {}", i);
            prop_assert_eq!(a.title.trim(), b.title.as_str(), "action {}", i);
            let group_a = a.group.map(|g| conv.groups[g].name.as_str());
            let group_b = b.group.map(|g| back.groups[g].name.as_str());
            prop_assert_eq!(group_a, group_b, "action {}", i);
            let fa = action_planned(&conv, i).unwrap();
            let fb = action_planned(back, i).unwrap();
            for (f, &g) in funder_back.iter().enumerate() {
                prop_assert_eq!(fa.funder(f), fb.funder(g), "action {} funder {}", i, f);
            }
            prop_assert_eq!(fa.total, fb.total);
        }

        // Only groups with actions are written, in their order.
        let used: Vec<&str> = conv
            .groups
            .iter()
            .enumerate()
            .filter(|(g, _)| conv.actions.iter().any(|a| a.group == Some(*g)))
            .map(|(_, g)| g.name.as_str())
            .collect();
        let names_back: Vec<&str> = back.groups.iter().map(|g| g.name.as_str()).collect();
        prop_assert_eq!(&used, &names_back);

        // The subtotal and total rows are read as declared figures, equal to
        // the computed ones.
        for g in 0..back.groups.len() {
            let computed = group_planned(back, g).unwrap();
            for d in back.declared.iter().filter(|d| d.scope == Scope::Group(g)) {
                match d.measure {
                    Measure::Planned(f) => prop_assert_eq!(d.value, computed.funder(f)),
                    Measure::PlannedTotal => prop_assert_eq!(d.value, computed.total),
                    _ => {}
                }
            }
        }
        let grand = grand_planned(back).unwrap();
        prop_assert_eq!(grand.total, grand_planned(&conv).unwrap().total);
        let declared_total = back
            .declared
            .iter()
            .find(|d| d.scope == Scope::Grand && d.measure == Measure::PlannedTotal)
            .map(|d| d.value);
        prop_assert_eq!(declared_total, Some(grand.total));
    }
}
