//! How fast the engine recomputes a large convention (run with
//! `cargo bench -p budget-core --bench engine`; `cargo test` only compiles it).
//!
//! - a generated convention of 10 000 actions × 3 funders in 100 axes, each
//!   action with a declared total and execution figures, every axis with a
//!   declared subtotal: the totals (actions, subtotals, grand total) as the
//!   widget asks for them, the whole report (every figure and warning), and
//!   the comparison with a copy of it (Scénarios);
//! - 10 000 calculations typed in cells (`=534,82*12`…) through `expr::eval`.
//!
//! Goal: the totals in ≤ 1 ms natively.

use std::hint::black_box;
use std::time::Duration;

use budget_core::figures;
use budget_core::{
    compare, expr, report, Action, Amount, Convention, Decimal, Declared, Execution, Funder,
    FunderValue, Group, Measure, Part, Scope,
};
use criterion::{criterion_group, criterion_main, Criterion};

const ACTIONS: usize = 10_000;
const GROUPS: usize = 100;

/// A deterministic amount in cents, between 1 000,00 € and about 100 000,00 €.
fn cents(i: usize, k: usize) -> Decimal {
    let n = (i.wrapping_mul(7919).wrapping_add(k.wrapping_mul(104_729))) % 9_900_000;
    Decimal::new(100_000 + n as i64, 2)
}

fn convention() -> Convention {
    let mut conv = Convention {
        funders: vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs"),
        ],
        groups: (0..GROUPS)
            .map(|g| Group {
                name: format!("Axe {g}"),
                ..Group::default()
            })
            .collect(),
        ..Convention::default()
    };
    for i in 0..ACTIONS {
        let planned: Vec<Amount> = (0..3)
            .map(|f| Amount {
                funder: f,
                year: None,
                part: Part::Base,
                value: cents(i, f),
                formula: None,
            })
            .collect();
        let total: Decimal = planned.iter().map(|a| a.value).sum();
        conv.declared.push(Declared {
            scope: Scope::Action(i),
            measure: Measure::PlannedTotal,
            value: total,
            label: "F".into(),
            source_row: Some(i + 2),
        });
        conv.actions.push(Action {
            number: format!("{}.{}", i / GROUPS, i % GROUPS),
            title: format!("Action {i}"),
            group: Some(i % GROUPS),
            planned,
            execution: Execution {
                executed: (0..3)
                    .map(|f| FunderValue {
                        funder: f,
                        value: cents(i, f + 3),
                        formula: None,
                    })
                    .collect(),
                ..Execution::default()
            },
            source_row: Some(i + 2),
            ..Action::default()
        });
    }
    for g in 0..GROUPS {
        let subtotal = figures::group_planned(&conv, g).unwrap().total;
        conv.declared.push(Declared {
            scope: Scope::Group(g),
            measure: Measure::PlannedTotal,
            value: subtotal,
            label: "Sous total".into(),
            source_row: None,
        });
    }
    conv
}

/// The totals the widget shows: each action, each group's subtotal, the grand total.
fn totals(
    conv: &Convention,
) -> (
    Vec<figures::FunderAmounts>,
    Vec<figures::FunderAmounts>,
    figures::FunderAmounts,
) {
    let n = conv.funders.len();
    let actions: Vec<_> = (0..conv.actions.len())
        .map(|a| figures::action_planned(conv, a).unwrap())
        .collect();
    let mut members: Vec<Vec<&figures::FunderAmounts>> = vec![Vec::new(); conv.groups.len()];
    for (a, amounts) in conv.actions.iter().zip(&actions) {
        if let Some(m) = a.group.and_then(|g| members.get_mut(g)) {
            m.push(amounts);
        }
    }
    let groups = members
        .into_iter()
        .map(|m| figures::aggregate(n, m).unwrap())
        .collect();
    let grand = figures::aggregate(n, &actions).unwrap();
    (actions, groups, grand)
}

fn bench(c: &mut Criterion) {
    let conv = convention();
    let mut g = c.benchmark_group("10 000 actions × 3 funders");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("totals: actions, subtotals, grand total", |b| {
        b.iter(|| totals(black_box(&conv)))
    });
    g.bench_function("grand_planned", |b| {
        b.iter(|| figures::grand_planned(black_box(&conv)).unwrap())
    });
    g.bench_function("group_planned × 100 (widget path)", |b| {
        b.iter(|| {
            (0..GROUPS)
                .map(|g| figures::group_planned(black_box(&conv), g).unwrap().total)
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("report::compute (every figure and warning)", |b| {
        b.iter(|| report::compute(black_box(&conv)))
    });
    g.bench_function("report::compute_figures (every figure, no warning)", |b| {
        b.iter(|| report::compute_figures(black_box(&conv)))
    });
    // One State amount edited: what the widget works out after an edit.
    let known = report::compute_figures(&conv);
    let mut edited = conv.clone();
    if let Some(a) = edited
        .actions
        .get_mut(5_000)
        .and_then(|a| a.planned.first_mut())
    {
        a.value = Decimal::new(123_456, 2);
    }
    g.bench_function("report::recompute_figures after one amount edited", |b| {
        b.iter(|| report::recompute_figures(black_box(&conv), &known, black_box(&edited)))
    });
    // The Scénarios tab: the convention against a copy with that amount
    // edited (every action matched by its number).
    g.bench_function("compare::compare with a copy (one amount edited)", |b| {
        b.iter(|| compare::compare(black_box(&conv), black_box(&edited)).unwrap())
    });
    g.finish();

    let expressions: Vec<String> = (0..10_000)
        .map(|i| match i % 4 {
            0 => format!("=534,82*{}", i % 12 + 1),
            1 => format!("={} 500/2", i % 90 + 10),
            2 => format!("=10 %*{} 000", i % 500 + 1),
            _ => format!("=(1 234,56 + {i}) × 12 − 3,5"),
        })
        .collect();
    let mut g = c.benchmark_group("expressions");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("expr::eval × 10 000", |b| {
        b.iter(|| {
            expressions
                .iter()
                .filter(|e| expr::eval(black_box(e)).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
