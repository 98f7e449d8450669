//! Reading the two real annexes of `tests/fixtures/`. Every expected figure below
//! was read off the fixture by hand; sums are written out in comments.

mod support;
use support::d;

use budget_core::read::{read_table, ColumnRole, FunderRef, RowKind};
use budget_core::{Decimal, GroupKind, Measure, Part, Scope};

const VIENNE: &str = include_str!("../../../tests/fixtures/vienne-2024-solidarites.tsv");
const CREUSE: &str = include_str!("../../../tests/fixtures/creuse-2023-execution.tsv");

/// The declared value of `measure` for `scope`, if the table declares one.
fn declared(
    reading: &budget_core::read::Reading,
    scope: Scope,
    measure: Measure,
) -> Option<Decimal> {
    let found: Vec<_> = reading
        .convention
        .declared
        .iter()
        .filter(|x| x.scope == scope && x.measure == measure)
        .collect();
    assert!(
        found.len() <= 1,
        "{scope:?} {measure:?} declared {} times",
        found.len()
    );
    found.first().map(|x| x.value)
}

/// Sum of the planned amounts of `funder` over `actions`.
fn planned_sum(reading: &budget_core::read::Reading, actions: &[usize], funder: usize) -> Decimal {
    actions
        .iter()
        .flat_map(|&a| &reading.convention.actions[a].planned)
        .filter(|p| p.funder == funder)
        .map(|p| p.value)
        .sum()
}

fn planned(funder: FunderRef, part: Part) -> ColumnRole {
    ColumnRole::Planned {
        funder,
        part,
        year: None,
    }
}

#[test]
fn vienne_columns() {
    let r = read_table(VIENNE);
    assert_eq!(r.header_row, Some(1));
    let roles: Vec<_> = r.columns.iter().map(|c| c.role.clone()).collect();
    assert_eq!(
        roles,
        vec![
            ColumnRole::Group,
            ColumnRole::BudgetLine,
            ColumnRole::Number,
            ColumnRole::Title,
            // "A - Participations directes mobilisées pour la convention 2024": the
            // year only dates a long heading, it is not a year column.
            planned(FunderRef::State, Part::Base),
            planned(FunderRef::Departement, Part::Base),
            planned(FunderRef::Other("Autres financeurs".into()), Part::Base),
            // "F - Budget global de l'action prévu en 2024 (A+B+C)"
            ColumnRole::PlannedTotal,
        ]
    );
    assert_eq!(
        r.columns[4].header,
        "A - Participations directes mobilisées pour la convention 2024"
    );
    let names: Vec<_> = r
        .convention
        .funders
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["État", "Département", "Autres financeurs"]);
    assert!(r.convention.years.is_empty());
}

#[test]
fn vienne_actions_and_groups() {
    let r = read_table(VIENNE);
    assert_eq!(r.errors, vec![]);
    let conv = &r.convention;
    // Axe 1: actions 1 to 4; axe 2: 5 to 9; axe 3: 10, 9, 11, 12, 13.
    // 4 + 5 + 5 = 14 actions (19 rows − 1 header − 3 "Sous total" − 1 TOTAL).
    let numbers: Vec<_> = conv.actions.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "9", "11", "12", "13"]
    );
    // Action 9 appears in axes 2 and 3: both kept.
    let groups: Vec<_> = conv.actions.iter().map(|a| a.group).collect();
    let g = |i| Some(i);
    assert_eq!(
        groups,
        [
            g(0),
            g(0),
            g(0),
            g(0),
            g(1),
            g(1),
            g(1),
            g(1),
            g(1),
            g(2),
            g(2),
            g(2),
            g(2),
            g(2)
        ]
    );
    assert_eq!(conv.groups.len(), 3);
    assert!(conv.groups.iter().all(|g| g.kind == GroupKind::Axe));
    assert_eq!(
        conv.groups[2].name,
        "Axe Construire une transition écologique solidaire"
    );

    let first = &conv.actions[0];
    assert_eq!(first.title, "Crèche familiale préventive");
    assert_eq!(first.budget_line.as_deref(), Some("304-50-23-23-01"));
    assert_eq!(first.source_row, Some(2));
    let amounts: Vec<_> = first
        .planned
        .iter()
        .map(|p| (p.funder, p.value, p.part, p.year))
        .collect();
    assert_eq!(
        amounts,
        [
            (0, d("93507"), Part::Base, None),
            (1, d("146000"), Part::Base, None),
            (2, d("535493"), Part::Base, None),
        ]
    );
    // F = 775 000 = 93 507 + 146 000 + 535 493, declared on the action.
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::PlannedTotal),
        Some(d("775000"))
    );

    // A quoted cell with doubled quotes.
    assert_eq!(conv.actions[4].title, "\"Aller vers\" en ruralité");
    // Row 14 is the second action 9, in axe 3.
    assert_eq!(conv.actions[10].source_row, Some(14));
    assert_eq!(conv.actions[10].planned[0].value, d("25428"));
    // Rows 3-5 leave the group cell blank: same axe as above, no budget line.
    assert_eq!(conv.actions[1].budget_line, None);
}

#[test]
fn vienne_declared_subtotals_and_total() {
    let r = read_table(VIENNE);
    let kinds: Vec<_> = r
        .rows
        .iter()
        .map(|row| (row.row, row.kind.clone()))
        .collect();
    assert_eq!(kinds.len(), 19);
    assert_eq!(kinds[0], (1, RowKind::Header));
    assert_eq!(kinds[1], (2, RowKind::Action(0)));
    let sub = || RowKind::Subtotal {
        label: "Sous total".into(),
    };
    assert_eq!(kinds[5], (6, sub()));
    assert_eq!(kinds[11], (12, sub()));
    assert_eq!(kinds[17], (18, sub()));
    assert_eq!(
        kinds[18],
        (
            19,
            RowKind::GrandTotal {
                label: "TOTAL FINANCIER".into()
            }
        )
    );

    // Axe 1: A 93 507 + 50 000 + 69 698 + 25 000 = 238 205, as declared.
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(0)),
        Some(d("238205"))
    );
    assert_eq!(planned_sum(&r, &[0, 1, 2, 3], 0), d("238205"));
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(1)),
        Some(d("356096"))
    );
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(2)),
        Some(d("535493"))
    );
    // Its F cell is empty: nothing declared.
    assert_eq!(declared(&r, Scope::Group(0), Measure::PlannedTotal), None);

    assert_eq!(
        declared(&r, Scope::Group(1), Measure::Planned(0)),
        Some(d("230000"))
    );
    assert_eq!(
        declared(&r, Scope::Group(1), Measure::PlannedTotal),
        Some(d("465000"))
    );

    // Axe 3 declares A 110 428, B 110 428, C 0, F 220 856, but its rows add up to
    // A 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428 and
    // F 40 000 + 50 856 + 60 000 + 30 000 + 0 = 180 856.
    assert_eq!(
        declared(&r, Scope::Group(2), Measure::Planned(0)),
        Some(d("110428"))
    );
    assert_eq!(
        declared(&r, Scope::Group(2), Measure::Planned(1)),
        Some(d("110428"))
    );
    assert_eq!(
        declared(&r, Scope::Group(2), Measure::Planned(2)),
        Some(d("0"))
    );
    assert_eq!(
        declared(&r, Scope::Group(2), Measure::PlannedTotal),
        Some(d("220856"))
    );
    assert_eq!(planned_sum(&r, &[9, 10, 11, 12, 13], 0), d("90428"));
    let f_rows: Decimal = (9..14)
        .map(|a| declared(&r, Scope::Action(a), Measure::PlannedTotal).unwrap())
        .sum();
    assert_eq!(f_rows, d("180856"));

    // TOTAL FINANCIER: A 578 633, B 701 524, C 535 493, F 1 815 650.
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(0)),
        Some(d("578633"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(1)),
        Some(d("701524"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(2)),
        Some(d("535493"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::PlannedTotal),
        Some(d("1815650"))
    );
    // 14 action totals + 3 (axe 1, no F) + 4 + 4 + 4 (TOTAL) = 29 declared figures.
    assert_eq!(r.convention.declared.len(), 29);
    let total = r
        .convention
        .declared
        .iter()
        .find(|x| x.scope == Scope::Grand)
        .unwrap();
    assert_eq!(total.label, "TOTAL FINANCIER");
    assert_eq!(total.source_row, Some(19));
}

#[test]
fn creuse_columns() {
    let r = read_table(CREUSE);
    assert_eq!(r.header_row, Some(1));
    let roles: Vec<_> = r.columns.iter().map(|c| c.role.clone()).collect();
    assert_eq!(
        roles,
        vec![
            ColumnRole::Number,
            ColumnRole::Title,
            planned(FunderRef::State, Part::CarryOver), // Report Etat 2021
            planned(FunderRef::State, Part::Amendment), // Avenant Etat 2022
            planned(FunderRef::Departement, Part::CarryOver), // Report CD 2021
            planned(FunderRef::Departement, Part::Amendment), // Avenant CD 2022
            ColumnRole::PlannedTotal,                   // Budget total
            ColumnRole::Executed(FunderRef::State),     // Dépenses exécutées part Etat
            ColumnRole::Executed(FunderRef::Departement),
            ColumnRole::ExecutedTotal, // Consommation totale
            ColumnRole::Rate,          // Taux de consommation
        ]
    );
    assert_eq!(r.convention.funders.len(), 2);
}

#[test]
fn creuse_actions() {
    let r = read_table(CREUSE);
    assert_eq!(r.errors, vec![]);
    let conv = &r.convention;
    assert_eq!(conv.actions.len(), 11);
    assert!(conv.groups.is_empty());
    assert!(conv.actions.iter().all(|a| a.group.is_none()));

    // Action 5, first row: State 24 600 + 85 639, CD 55 400 + 85 639.
    let a5 = &conv.actions[0];
    assert_eq!(a5.number, "5");
    let amounts: Vec<_> = a5
        .planned
        .iter()
        .map(|p| (p.funder, p.part, p.value))
        .collect();
    assert_eq!(
        amounts,
        [
            (0, Part::CarryOver, d("24600")),
            (0, Part::Amendment, d("85639")),
            (1, Part::CarryOver, d("55400")),
            (1, Part::Amendment, d("85639")),
        ]
    );
    // 24 600 + 85 639 + 55 400 + 85 639 = 251 278, the declared budget.
    assert_eq!(
        a5.planned.iter().map(|p| p.value).sum::<Decimal>(),
        d("251278")
    );
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::PlannedTotal),
        Some(d("251278"))
    );
    let executed: Vec<_> = a5
        .execution
        .executed
        .iter()
        .map(|v| (v.funder, v.value))
        .collect();
    assert_eq!(executed, [(0, d("110239")), (1, d("432803.59"))]);
    // 110 239 + 432 803,59 = 543 042,59
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::ExecutedTotal),
        Some(d("543042.59"))
    );
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::ConsumptionRate),
        Some(d("2.16"))
    );
    // Executed amounts are split by funder: no separate executed total.
    assert_eq!(a5.execution.executed_total, None);

    // Action 3 (row 6): its carry-over cells are empty: no amount, no error, no rate.
    let a3 = &conv.actions[4];
    assert_eq!(a3.number, "3");
    assert_eq!(a3.source_row, Some(6));
    let amounts: Vec<_> = a3
        .planned
        .iter()
        .map(|p| (p.funder, p.part, p.value))
        .collect();
    assert_eq!(
        amounts,
        [
            (0, Part::Amendment, d("12000")),
            (1, Part::Amendment, d("12000"))
        ]
    );
    assert_eq!(
        declared(&r, Scope::Action(4), Measure::ConsumptionRate),
        None
    );

    // Action 4: 102 439,89 declared executed, rate 158 %.
    assert_eq!(
        declared(&r, Scope::Action(1), Measure::ConsumptionRate),
        Some(d("1.58"))
    );

    // Action 8 (row 9): State planned 38 648, executed written 38 468; declared
    // executed total 51 000 while 38 468 + 12 352 = 50 820.
    let a8 = &conv.actions[7];
    assert_eq!(a8.number, "8");
    assert_eq!(a8.planned[0].value, d("38648"));
    assert_eq!(a8.execution.executed[0].value, d("38468"));
    assert_eq!(
        declared(&r, Scope::Action(7), Measure::ExecutedTotal),
        Some(d("51000"))
    );

    // Action 11: State carry-over 10 715,50 and amendment 7 115,50, CD amendment
    // 13 327: 10 715,50 + 7 115,50 + 13 327 = 31 158, the declared budget.
    let a11 = &conv.actions[10];
    assert_eq!(a11.number, "11");
    assert_eq!(a11.planned[0].part, Part::CarryOver);
    assert_eq!(a11.planned[0].value, d("10715.50"));
    assert_eq!(
        a11.planned.iter().map(|p| p.value).sum::<Decimal>(),
        d("31158")
    );
    assert_eq!(
        declared(&r, Scope::Action(10), Measure::PlannedTotal),
        Some(d("31158"))
    );

    // 11 budgets + 11 executed totals + 5 rates (actions 5, 4, 1, 2, 6) = 27.
    assert_eq!(conv.declared.len(), 27);
    assert_eq!(conv.title, "");
}
