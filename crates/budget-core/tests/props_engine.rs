//! Properties of the engine on random conventions: totals are the sums of their
//! parts, shares add up to exactly 100 %, instalments add up exactly to their
//! total, and nothing panics on malformed data. Sums are checked against an
//! independent oracle in integer cents (i128).

use budget_core::figures;
use budget_core::tranches;
use budget_core::{
    Action, Amount, Convention, Decimal, Declared, Execution, Funder, FunderValue, Group,
    Instalment, Measure, Part, Schedule, Scope, Share,
};
use proptest::prelude::*;

/// An action: its group (maybe out of range) and its (funder, cents) amounts.
type ActionSpec = (Option<usize>, Vec<(usize, i64)>);

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

/// (funder, cents) pairs; funder ids may be out of range.
fn arb_action(
    funders: usize,
    groups: usize,
) -> impl Strategy<Value = (Option<usize>, Vec<(usize, i64)>)> {
    (
        proptest::option::of(0..groups + 2),
        proptest::collection::vec(
            (0..funders + 1, -100_000_000_000_000i64..100_000_000_000_000),
            0..6,
        ),
    )
}

fn build(funders: usize, groups: usize, actions: &[ActionSpec]) -> Convention {
    Convention {
        funders: (0..funders)
            .map(|i| match i {
                0 => Funder::state(),
                1 => Funder::departement(),
                _ => Funder::other(format!("F{i}")),
            })
            .collect(),
        groups: (0..groups)
            .map(|g| Group {
                name: format!("Axe {g}"),
                ..Group::default()
            })
            .collect(),
        actions: actions
            .iter()
            .map(|(group, amounts)| Action {
                group: *group,
                planned: amounts
                    .iter()
                    .map(|(f, c)| Amount {
                        funder: *f,
                        year: None,
                        part: Part::Base,
                        value: cents(*c),
                        formula: None,
                    })
                    .collect(),
                ..Action::default()
            })
            .collect(),
        ..Convention::default()
    }
}

fn arb_convention() -> impl Strategy<Value = (usize, usize, Vec<ActionSpec>)> {
    (1usize..5, 0usize..4).prop_flat_map(|(funders, groups)| {
        (
            Just(funders),
            Just(groups),
            proptest::collection::vec(arb_action(funders, groups), 0..25),
        )
    })
}

proptest! {
    #[test]
    fn totals_are_the_sums_of_their_parts((funders, groups, actions) in arb_convention()) {
        let conv = build(funders, groups, &actions);
        // Oracle: integer cents, amounts of unknown funders left out.
        let mut grand = vec![0i128; funders];
        for (id, (_, amounts)) in actions.iter().enumerate() {
            let mut by = vec![0i128; funders];
            for (f, c) in amounts {
                if *f < funders {
                    by[*f] += i128::from(*c);
                    grand[*f] += i128::from(*c);
                }
            }
            let got = figures::action_planned(&conv, id).unwrap();
            let expected: Vec<Decimal> = by.iter().map(|c| Decimal::from_i128_with_scale(*c, 2)).collect();
            prop_assert_eq!(&got.by_funder, &expected);
            prop_assert_eq!(got.total, Decimal::from_i128_with_scale(by.iter().sum(), 2));
        }
        let got = figures::grand_planned(&conv).unwrap();
        let expected: Vec<Decimal> = grand.iter().map(|c| Decimal::from_i128_with_scale(*c, 2)).collect();
        prop_assert_eq!(&got.by_funder, &expected);
        prop_assert_eq!(got.total, Decimal::from_i128_with_scale(grand.iter().sum(), 2));
        // Subtotals of the groups plus the actions without a (valid) group = grand total.
        let report = budget_core::report::compute(&conv);
        let mut parts: Vec<_> = report.groups.iter().map(|g| g.figures.planned.clone().unwrap()).collect();
        if let Some(u) = &report.ungrouped {
            parts.push(u.figures.planned.clone().unwrap());
        }
        if !conv.groups.is_empty() {
            let sum = figures::aggregate(funders, &parts).unwrap();
            prop_assert_eq!(&sum, &got);
        }
        prop_assert_eq!(report.grand.planned.as_ref(), Some(&got));
    }

    #[test]
    fn sums_with_any_number_of_decimals_are_exact(
        values in proptest::collection::vec((0usize..3, -1_000_000_000_000_000i64..1_000_000_000_000_000, 0u32..8), 0..40)
    ) {
        // Reference: decimal addition one by one (exact at these sizes).
        let mut expected = [Decimal::ZERO; 3];
        for (f, m, scale) in &values {
            expected[*f] = expected[*f].checked_add(Decimal::new(*m, *scale)).unwrap();
        }
        let got = figures::sums_by_funder(
            3,
            values.iter().map(|(f, m, scale)| (*f, Decimal::new(*m, *scale))),
            budget_core::messages::FigureName::Planned,
        )
        .unwrap();
        prop_assert_eq!(got, expected.to_vec());
    }

    #[test]
    fn shares_add_up_to_exactly_one_before_rounding(
        values in proptest::collection::vec(0i64..1_000_000_000_000, 1..6)
    ) {
        prop_assume!(values.iter().any(|v| *v > 0));
        let amounts = figures::FunderAmounts::from_parts(values.iter().map(|c| cents(*c)).collect()).unwrap();
        let shares = figures::shares(&amounts).unwrap().unwrap();
        prop_assert_eq!(shares.iter().copied().sum::<Decimal>(), Decimal::ONE);
        // Each share is amount ÷ total to within 10⁻²⁶ (share × total ≈ amount).
        let tolerance = amounts.total * Decimal::new(1, 26);
        for (share, value) in shares.iter().zip(&amounts.by_funder) {
            prop_assert!((*share * amounts.total - *value).abs() <= tolerance.max(Decimal::new(1, 20)));
            if value.is_zero() {
                prop_assert_eq!(*share, Decimal::ZERO);
            }
        }
    }

    #[test]
    fn instalments_add_up_exactly_to_the_total(
        total in 0i64..100_000_000_000_000,
        percents in proptest::collection::vec(0i64..10_000, 1..6),
        remainder_at in proptest::option::of(0usize..6),
    ) {
        let mut plan: Vec<Instalment> = percents
            .iter()
            .map(|p| Instalment { share: Share::Percent(cents(*p)), label: String::new(), date: None, adjusted: false })
            .collect();
        if let Some(at) = remainder_at {
            let at = at.min(plan.len());
            plan.insert(at, Instalment { share: Share::Remainder, label: String::new(), date: None, adjusted: false });
        }
        let total = cents(total);
        let split = tranches::instalments(total, &plan).unwrap();
        prop_assert_eq!(split.len(), plan.len());
        prop_assert_eq!(split.iter().map(|i| i.amount).sum::<Decimal>(), total);
        prop_assert_eq!(split.iter().filter(|i| i.takes_remainder).count(), 1);
        for i in split.iter().filter(|i| !i.takes_remainder) {
            // In cents, and within half a cent of its exact share.
            prop_assert!(i.amount.scale() <= 2 || i.amount.normalize().scale() <= 2);
            let exact = i.exact.unwrap_or_default();
            prop_assert!((i.amount - exact).abs() <= Decimal::new(5, 3));
        }
    }

    #[test]
    fn the_missing_departement_amount_is_the_least_that_complies(
        state in 1i64..10_000_000_000,
        others in 0i64..10_000_000_000,
        max in prop_oneof![Just("0.5"), Just("0.6"), Just("0.33"), Just("0.7"), Just("0.25")],
    ) {
        let max: Decimal = max.parse().unwrap();
        let mut conv = build(2, 0, &[(None, vec![(0, state), (1, others)])]);
        conv.settings.state_max_share = max;
        let cf = figures::co_financing(&conv, 0).unwrap().unwrap();
        let (state, total) = (cents(state), cents(state + others));
        prop_assert_eq!(cf.breach.is_some(), state > max * total);
        if let Some(b) = cf.breach {
            prop_assert_eq!(b.state_excess, state - max * total);
            let d = b.departement_missing_cents.unwrap();
            // Enough: State ≤ max × (total + d) …
            prop_assert!(state <= max * (total + d));
            // … and one cent less is not.
            prop_assert!(state > max * (total + d - Decimal::new(1, 2)));
        }
    }

    #[test]
    fn the_report_never_panics_on_malformed_conventions(
        (funders, groups, actions) in arb_convention(),
        scopes in proptest::collection::vec((0usize..3, 0usize..30, 0usize..6, -1_000_000i64..1_000_000), 0..8),
        executed in proptest::collection::vec((0usize..30, 0usize..6, -1_000_000i64..1_000_000_000), 0..8),
        schedule in proptest::collection::vec((0usize..3, -20_000i64..20_000), 0..4),
        state_max in prop_oneof![Just(Decimal::ZERO), Just(Decimal::new(5, 1)), Just(Decimal::ONE)],
    ) {
        let mut conv = build(funders, groups, &actions);
        conv.settings.state_max_share = state_max;
        conv.settings.exemptions = vec!["1".into(), String::new(), "Axe 0".into()];
        for (kind, id, m, value) in scopes {
            let scope = match kind { 0 => Scope::Action(id), 1 => Scope::Group(id), _ => Scope::Grand };
            let measure = match m {
                0 => Measure::Planned(id % 7),
                1 => Measure::PlannedTotal,
                2 => Measure::Executed(id % 7),
                3 => Measure::ExecutedTotal,
                4 => Measure::Year(2024),
                _ => Measure::ConsumptionRate,
            };
            conv.declared.push(Declared { scope, measure, value: cents(value), label: String::new(), source_row: Some(id) });
        }
        for (action, funder, value) in executed {
            if let Some(a) = conv.actions.get_mut(action) {
                a.execution = Execution {
                    executed: vec![FunderValue { funder, value: cents(value), formula: None }],
                    executed_total: Some(cents(value)),
                    to_carry_over: vec![FunderValue { funder, value: cents(value), formula: None }],
                    ..Execution::default()
                };
            }
        }
        conv.schedules.push(Schedule {
            name: "s".into(),
            payer: Some(funders + 1),
            action: Some(99),
            total: cents(1_000_000),
            instalments: schedule
                .iter()
                .map(|(k, v)| Instalment {
                    share: match k { 0 => Share::Percent(cents(*v)), 1 => Share::Fixed(cents(*v)), _ => Share::Remainder },
                    label: String::new(),
                    date: None,
                    adjusted: true,
                })
                .collect(),
            paid: Some(cents(500_000)),
            achieved: None,
        });
        let report = budget_core::report::compute(&conv);
        prop_assert_eq!(report.actions.len(), conv.actions.len());
        // Every message is written in both languages.
        for w in &report.warnings {
            prop_assert!(!w.message(budget_core::Lang::Fr).is_empty() && !w.message(budget_core::Lang::En).is_empty());
        }
        prop_assert!(serde_json::to_string(&report).is_ok());
    }
}

proptest! {
    /// Working the figures out again after an edit, from the figures before
    /// it, gives exactly what working them out from scratch gives: every
    /// figure, subtotal, grand total and error, in the same order. Edits: an
    /// amount changed (huge ones too, to reach the overflow errors), an
    /// action moved to another group (or out of range), executed amounts set,
    /// an action added or removed.
    #[test]
    fn figures_worked_out_again_after_an_edit_are_the_figures_from_scratch(
        (funders, groups, actions) in arb_convention(),
        edits in proptest::collection::vec(
            (0usize..6, 0usize..30, 0usize..6, prop_oneof![
                -1_000_000i64..1_000_000,
                Just(i64::MAX),
                Just(i64::MIN + 1),
            ]),
            1..4,
        ),
    ) {
        let before = build(funders, groups, &actions);
        let known = budget_core::report::compute_figures(&before);
        let mut after = before.clone();
        for (kind, at, x, value) in edits {
            let len = after.actions.len();
            match kind {
                0 if len > 0 => {
                    let a = &mut after.actions[at % len];
                    let value = match value {
                        i64::MAX => Decimal::MAX,
                        v if v == i64::MIN + 1 => Decimal::MIN,
                        v => Decimal::new(v, x as u32 % 4),
                    };
                    match a.planned.first_mut() {
                        Some(p) => p.value = value,
                        None => a.planned.push(Amount {
                            funder: x % (funders + 1),
                            year: None,
                            part: Part::Base,
                            value,
                            formula: None,
                        }),
                    }
                }
                1 if len > 0 => after.actions[at % len].group = (x < 5).then_some(x),
                2 if len > 0 => {
                    after.actions[at % len].execution = Execution {
                        executed: vec![FunderValue { funder: x % (funders + 1), value: cents(value), formula: None }],
                        ..Execution::default()
                    };
                }
                3 => after.actions.push(Action { group: Some(x), planned: vec![Amount {
                    funder: 0,
                    year: None,
                    part: Part::Base,
                    value: cents(value),
                    formula: None,
                }], ..Action::default() }),
                // A year given to an amount (or taken from it): the table
                // had none before.
                5 if len > 0 => {
                    if let Some(p) = after.actions[at % len].planned.first_mut() {
                        p.year = (x < 4).then_some(2024 + x as i32);
                    }
                }
                _ if len > 0 => {
                    after.actions.remove(at % len);
                }
                _ => {}
            }
        }
        let again = budget_core::report::recompute_figures(&before, &known, &after);
        let scratch = budget_core::report::compute_figures(&after);
        // The grand total, whichever way it was summed (from the subtotals
        // when every amount is small enough), is the sum of the actions'
        // figures, to the last decimal (Debug shows the scale).
        let planned: Option<Vec<&figures::FunderAmounts>> =
            scratch.actions.iter().map(|a| a.figures.planned.as_ref()).collect();
        let planned = planned.and_then(|p| figures::aggregate(funders, p).ok());
        prop_assert_eq!(format!("{:?}", scratch.grand.planned), format!("{planned:?}"));
        let executed: Option<Vec<&figures::ExecutedAmounts>> =
            scratch.actions.iter().map(|a| a.figures.executed.as_ref()).collect();
        let executed = executed.and_then(|e| figures::aggregate_executed(funders, e).ok());
        prop_assert_eq!(format!("{:?}", scratch.grand.executed), format!("{executed:?}"));
        prop_assert_eq!(again, scratch);
    }
}
