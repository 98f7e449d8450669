//! The inconsistencies of the real documents, caught on conventions typed by hand.

mod support;
use support::d;

use budget_core::checks::{self, Figure, Reference, Warning, WarningKind};
use budget_core::tranches::ScheduleIssue;
use budget_core::{
    Action, Amount, Convention, Declared, Execution, Funder, FunderValue, Group, Instalment, Lang,
    Measure, Part, Schedule, Scope, Share,
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

fn fv(funder: usize, value: &str) -> FunderValue {
    FunderValue {
        funder,
        value: d(value),
        formula: None,
    }
}

fn declared(scope: Scope, measure: Measure, value: &str, label: &str, row: usize) -> Declared {
    Declared {
        scope,
        measure,
        value: d(value),
        label: label.into(),
        source_row: Some(row),
    }
}

fn of_kind(warnings: &[Warning], kind: WarningKind) -> Vec<&Warning> {
    warnings.iter().filter(|w| w.kind == kind).collect()
}

/// Vienne 2024, axis "Construire une transition écologique solidaire" (rows 13 to
/// 18 of the annex) and its declared subtotal, then the declared grand total.
fn vienne_axis_3() -> Convention {
    let action = |number: &str, value: &str, row| Action {
        number: number.into(),
        title: format!("action {number}"),
        group: Some(0),
        planned: vec![amount(0, value), amount(1, value), amount(2, "0")],
        source_row: Some(row),
        ..Action::default()
    };
    Convention {
        funders: vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs"),
        ],
        groups: vec![Group {
            name: "Axe Construire une transition écologique solidaire".into(),
            ..Group::default()
        }],
        actions: vec![
            action("10", "20000", 13),
            action("9", "25428", 14),
            action("11", "30000", 15),
            action("12", "15000", 16),
            action("13", "0", 17),
        ]
        .into(),
        declared: vec![
            declared(
                Scope::Group(0),
                Measure::Planned(0),
                "110428",
                "Sous total",
                18,
            ),
            declared(
                Scope::Group(0),
                Measure::Planned(1),
                "110428",
                "Sous total",
                18,
            ),
            declared(Scope::Group(0), Measure::Planned(2), "0", "Sous total", 18),
            declared(
                Scope::Group(0),
                Measure::PlannedTotal,
                "220856",
                "Sous total",
                18,
            ),
        ],
        ..Convention::default()
    }
}

#[test]
fn vienne_axis_3_subtotal_is_20_000_too_high_on_each_side() {
    let warnings = checks::check(&vienne_axis_3()).warnings;
    let found = of_kind(&warnings, WarningKind::DeclaredMismatch);
    // Rows add up to 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428 each side and
    // 180 856 in all; the subtotal says 110 428 and 220 856. C (0 = 0) is right.
    assert_eq!(found.len(), 3, "{warnings:#?}");
    let state = found[0];
    assert_eq!(state.scope, Some(Scope::Group(0)));
    assert_eq!(state.source_row, Some(18));
    assert_eq!(state.label, "Sous total");
    assert_eq!(state.figure, Some(Figure::Planned { funder: 0 }));
    assert_eq!(state.funder_name.as_deref(), Some("État"));
    assert_eq!(
        (state.declared, state.computed, state.difference),
        (Some(d("110428")), Some(d("90428")), Some(d("20000")))
    );
    let total = found[2];
    assert_eq!(total.figure, Some(Figure::PlannedTotal));
    assert_eq!(
        (total.declared, total.computed, total.difference),
        (Some(d("220856")), Some(d("180856")), Some(d("40000")))
    );
    // The message, in French format.
    assert_eq!(
        state.message(Lang::Fr),
        "Axe Construire une transition écologique solidaire — Sous total (ligne 18) : part État \
         déclarée 110\u{202F}428,00\u{A0}€, calculé 90\u{202F}428,00\u{A0}€ (écart 20\u{202F}000,00\u{A0}€)."
    );
    assert_eq!(
        state.message(Lang::En),
        "Axe Construire une transition écologique solidaire — Sous total (row 18): État share \
         declared €110,428.00, computed €90,428.00 (difference €20,000.00)."
    );
}

#[test]
fn a_right_total_raises_nothing() {
    let mut conv = vienne_axis_3();
    conv.declared = vec![
        declared(
            Scope::Group(0),
            Measure::Planned(0),
            "90428",
            "Sous total",
            18,
        ),
        declared(
            Scope::Group(0),
            Measure::PlannedTotal,
            "180856",
            "Sous total",
            18,
        ),
        // Action 9: 25 428 × 2 = 50 856 (column F).
        declared(Scope::Action(1), Measure::PlannedTotal, "50856", "F", 14),
        declared(
            Scope::Grand,
            Measure::PlannedTotal,
            "180856",
            "TOTAL FINANCIER",
            19,
        ),
    ];
    assert_eq!(checks::check(&conv), checks::Checks::default());
}

#[test]
fn a_declared_action_amount_that_disagrees() {
    // Vienne: the president's report gives the Département 69 698 € for action 3
    // where the annex has 135 096 €: declared 69 698 − computed 135 096 = −65 398.
    let conv = Convention {
        funders: vec![
            Funder::state(),
            Funder::departement(),
            Funder::other("Autres financeurs"),
        ],
        actions: vec![Action {
            number: "3".into(),
            title: "Prévention spécialisée aux 12-25 ans".into(),
            planned: vec![amount(0, "69698"), amount(1, "135096"), amount(2, "0")],
            source_row: Some(4),
            ..Action::default()
        }]
        .into(),
        declared: vec![declared(
            Scope::Action(0),
            Measure::Planned(1),
            "69698",
            "Rapport du Président",
            4,
        )],
        ..Convention::default()
    };
    let warnings = checks::check(&conv).warnings;
    assert_eq!(warnings.len(), 1);
    let w = &warnings[0];
    assert_eq!(w.kind, WarningKind::DeclaredMismatch);
    assert_eq!(w.scope, Some(Scope::Action(0)));
    assert_eq!(w.difference, Some(d("-65398")));
    assert_eq!(
        w.message(Lang::Fr),
        "Action 3 – Prévention spécialisée aux 12-25 ans — Rapport du Président (ligne 4) : \
         part Département déclarée 69\u{202F}698,00\u{A0}€, calculé 135\u{202F}096,00\u{A0}€ \
         (écart −65\u{202F}398,00\u{A0}€)."
    );
}

/// Creuse 2023: action 8 and action 5 with what the report writes.
fn creuse() -> Convention {
    let action = |number: &str, state: &str, cd: &str, ex_state: &str, ex_cd: &str, row| Action {
        number: number.into(),
        planned: vec![amount(0, state), amount(1, cd)],
        execution: Execution {
            executed: vec![fv(0, ex_state), fv(1, ex_cd)],
            ..Execution::default()
        },
        source_row: Some(row),
        ..Action::default()
    };
    Convention {
        actions: vec![
            action("5", "110239", "141039", "110239", "432803.59", 2),
            action("8", "38648", "12352", "38468", "12352", 9),
        ]
        .into(),
        ..Convention::default()
    }
}

#[test]
fn creuse_action_8_executed_total_declared_51_000_for_50_820() {
    // State executed 38 468 (written for 38 648) + CD 12 352 = 50 820;
    // "Consommation totale" says 51 000: 180 € more than its parts.
    let mut conv = creuse();
    conv.declared.push(declared(
        Scope::Action(1),
        Measure::ExecutedTotal,
        "51000",
        "Consommation totale",
        9,
    ));
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::DeclaredMismatch);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].declared, found[0].computed, found[0].difference),
        (Some(d("51000")), Some(d("50820")), Some(d("180")))
    );
    // The same when the executed total is kept in the execution itself.
    let mut conv = creuse();
    conv.actions[1].execution.executed_total = Some(d("51000"));
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::DeclaredMismatch);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].figure, Some(Figure::ExecutedTotal));
    assert_eq!(found[0].difference, Some(d("180")));
}

#[test]
fn creuse_action_8_breaks_the_co_financing_rule() {
    // State 38 648 of 51 000: at most 25 500; excess 13 148; Département
    // missing 38 648 / 0,5 − 51 000 = 26 296.
    let warnings = checks::check(&creuse()).warnings;
    let found = of_kind(&warnings, WarningKind::CoFinancingBreach);
    assert_eq!(found.len(), 1);
    let w = found[0];
    assert_eq!(w.scope, Some(Scope::Action(1)));
    assert_eq!(
        (w.declared, w.computed, w.difference),
        (Some(d("38648")), Some(d("25500")), Some(d("13148")))
    );
    assert_eq!(w.departement_missing, Some(d("26296")));
    assert!(
        w.message(Lang::Fr)
            .contains("excédent de 13\u{202F}148,00\u{A0}€"),
        "{}",
        w.message(Lang::Fr)
    );
    assert!(w
        .message(Lang::Fr)
        .contains("26\u{202F}296,00\u{A0}€ de crédits du Département en plus"));
}

#[test]
fn exempt_actions_raise_no_breach() {
    let mut conv = creuse();
    conv.settings.exemptions = vec!["8".into()];
    assert!(of_kind(
        &checks::check(&conv).warnings,
        WarningKind::CoFinancingBreach
    )
    .is_empty());
}

#[test]
fn declared_rates_are_compared_at_their_precision() {
    // 543 042,59 / 251 278 = 2,16117…: "216%" (2.16) is right to the whole percent.
    let mut conv = creuse();
    conv.declared.push(declared(
        Scope::Action(0),
        Measure::ConsumptionRate,
        "2.16",
        "Taux",
        2,
    ));
    assert!(of_kind(
        &checks::check(&conv).warnings,
        WarningKind::DeclaredRateMismatch
    )
    .is_empty());
    // "215%" is wrong; "216,1%" (2.161) is right; "216,2%" (2.162) is wrong
    // (2,16117 rounds to 2,161 at that precision); "200%" (2) is wrong: a rate is
    // compared at least to the whole percent, not to the hundred percent.
    for (value, wrong) in [
        ("2.15", true),
        ("2.161", false),
        ("2.162", true),
        ("2.160", false),
        ("2", true),
    ] {
        let mut conv = creuse();
        conv.declared.push(declared(
            Scope::Action(0),
            Measure::ConsumptionRate,
            value,
            "Taux",
            2,
        ));
        let warnings = checks::check(&conv).warnings;
        assert_eq!(
            !of_kind(&warnings, WarningKind::DeclaredRateMismatch).is_empty(),
            wrong,
            "{value}"
        );
    }
    let mut conv = creuse();
    conv.declared.push(declared(
        Scope::Action(0),
        Measure::ConsumptionRate,
        "2.15",
        "Taux",
        2,
    ));
    let w = &of_kind(
        &checks::check(&conv).warnings,
        WarningKind::DeclaredRateMismatch,
    )[0]
    .clone();
    assert_eq!(
        w.message(Lang::Fr),
        "Action 5 — Taux (ligne 2) : taux de consommation déclaré 215\u{A0}%, calculé 216\u{A0}%."
    );
}

#[test]
fn the_state_paid_a_larger_share_of_the_spending_than_planned() {
    // Planned État 50 000 + CD 50 000 (État 50 %); spent État 60 000 + CD
    // 40 000 = 100 000: the State paid 60 000 / 100 000 = 60 % of it.
    let mut conv = creuse();
    conv.actions[0].planned = vec![amount(0, "50000"), amount(1, "50000")];
    conv.actions[0].execution.executed = vec![fv(0, "60000"), fv(1, "40000")];
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::ExecutedShareAbovePlanned);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].scope, Some(Scope::Action(0)));
    assert_eq!(found[0].figure, Some(Figure::ExecutedShare { funder: 0 }));
    assert_eq!(
        (found[0].declared, found[0].computed),
        (Some(d("0.6")), Some(d("0.5")))
    );
    assert_eq!(
        found[0].message(Lang::Fr),
        "Action 5 (ligne 2) : la part État des dépenses exécutées (60,00\u{A0}%) \
         dépasse sa part du budget prévu (50,00\u{A0}%)."
    );
    // Spent in the planned proportions (État 55 000 + CD 55 000): no warning.
    conv.actions[0].execution.executed = vec![fv(0, "55000"), fv(1, "55000")];
    let warnings = checks::check(&conv).warnings;
    assert!(of_kind(&warnings, WarningKind::ExecutedShareAbovePlanned).is_empty());
}

#[test]
fn the_departement_spending_more_than_planned_is_no_inconsistency() {
    // Creuse action 5: the CD planned 141 039 / 251 278 = 56,13 % of the
    // budget but spent 432 803,59 / 543 042,59 = 79,70 % of what was spent;
    // action 8: the State spent 180 € less, so the CD's 12 352 is 24,31 % of
    // the spending for 24,22 % of the plan. The State's share went down in
    // both: nothing to report.
    let warnings = checks::check(&creuse()).warnings;
    assert!(
        of_kind(&warnings, WarningKind::ExecutedShareAbovePlanned).is_empty(),
        "{warnings:#?}"
    );
}

#[test]
fn negative_amounts() {
    let mut conv = creuse();
    conv.actions[0].planned.push(amount(0, "-1500"));
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::NegativeAmount);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].declared, Some(d("-1500")));
    assert!(found[0]
        .message(Lang::Fr)
        .contains("−1\u{202F}500,00\u{A0}€"));
}

#[test]
fn duplicate_action_numbers_like_vienne_action_9() {
    // Vienne lists action 9 in axis 2 (row 11) and again in axis 3 (row 14).
    let mut conv = vienne_axis_3();
    conv.actions.insert(
        0,
        Action {
            number: "9".into(),
            group: Some(0),
            source_row: Some(11),
            ..Action::default()
        },
    );
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::DuplicateActionNumber);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source_row, Some(14));
    assert_eq!(found[0].other_row, Some(11));
    assert!(found[0]
        .message(Lang::Fr)
        .ends_with("même numéro que l'action de la ligne 11."));
}

#[test]
fn empty_groups() {
    let mut conv = vienne_axis_3();
    conv.groups.push(Group {
        name: "Axe vide".into(),
        ..Group::default()
    });
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::EmptyGroup);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].scope, Some(Scope::Group(1)));
    assert_eq!(
        found[0].message(Lang::Fr),
        "Axe vide : aucune action dans ce groupe."
    );
}

#[test]
fn carry_over_requested_above_the_unspent_credit() {
    // Action 8: State unspent 38 648 − 38 468 = 180; asking to carry over 500 is 320 too much.
    let mut conv = creuse();
    conv.actions[1].execution.to_carry_over = vec![fv(0, "500")];
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::CarryOverAboveUnspent);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].declared, found[0].computed, found[0].difference),
        (Some(d("500")), Some(d("180")), Some(d("320")))
    );
    conv.actions[1].execution.to_carry_over = vec![fv(0, "180")];
    assert!(of_kind(
        &checks::check(&conv).warnings,
        WarningKind::CarryOverAboveUnspent
    )
    .is_empty());
}

#[test]
fn schedules_that_do_not_add_up() {
    let mut conv = creuse();
    let third = Instalment {
        share: Share::Percent(d("33.33")),
        label: String::new(),
        date: None,
        adjusted: false,
    };
    conv.schedules.push(Schedule {
        name: "Trois tiers".into(),
        payer: Some(0),
        action: None,
        total: d("100"),
        instalments: vec![third.clone(), third.clone(), third],
        paid: None,
        achieved: None,
    });
    let warnings = checks::check(&conv).warnings;
    let found = of_kind(&warnings, WarningKind::Schedule);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].schedule, Some(0));
    assert!(matches!(
        found[0].issue,
        Some(ScheduleIssue::DoesNotAddUp { .. })
    ));
    assert!(found[0]
        .message(Lang::Fr)
        .starts_with("Échéancier « Trois tiers » : les tranches font 99,99\u{A0}€"));
}

#[test]
fn a_malformed_saved_file_is_reported_not_a_panic() {
    let mut conv = creuse();
    conv.actions[0].planned.push(amount(5, "1000"));
    conv.actions[0].group = Some(3);
    conv.declared.push(declared(
        Scope::Group(8),
        Measure::PlannedTotal,
        "1",
        "Sous total",
        20,
    ));
    conv.declared.push(declared(
        Scope::Grand,
        Measure::Planned(9),
        "1",
        "TOTAL",
        21,
    ));
    conv.declared.push(declared(
        Scope::Action(99),
        Measure::PlannedTotal,
        "1",
        "F",
        22,
    ));
    conv.schedules.push(Schedule {
        name: "x".into(),
        payer: Some(4),
        action: Some(12),
        total: d("10"),
        instalments: vec![Instalment {
            share: Share::Remainder,
            label: String::new(),
            date: None,
            adjusted: false,
        }],
        paid: None,
        achieved: None,
    });
    let checks = checks::check(&conv);
    assert!(checks.errors.is_empty());
    let refs: Vec<_> = of_kind(&checks.warnings, WarningKind::UnknownReference)
        .iter()
        .map(|w| w.reference.unwrap())
        .collect();
    for r in [
        Reference::Funder(5),
        Reference::Group(3),
        Reference::Group(8),
        Reference::Funder(9),
        Reference::Action(99),
        Reference::Funder(4),
        Reference::Action(12),
    ] {
        assert!(refs.contains(&r), "{r:?} in {refs:?}");
    }
    // And the report is still computed.
    let report = budget_core::report::compute(&conv);
    assert_eq!(report.actions.len(), 2);
}

#[test]
fn warnings_are_in_the_order_of_the_source_rows() {
    let mut conv = creuse();
    conv.declared.push(declared(
        Scope::Action(1),
        Measure::ExecutedTotal,
        "51000",
        "Consommation totale",
        9,
    ));
    let rows: Vec<_> = checks::check(&conv)
        .warnings
        .iter()
        .map(|w| w.source_row)
        .collect();
    let mut sorted = rows.clone();
    sorted.sort_by_key(|r| r.unwrap_or(usize::MAX));
    assert_eq!(rows, sorted);
}

#[test]
fn warnings_serialise_with_decimal_strings() {
    let w = &checks::check(&vienne_axis_3()).warnings[0];
    let json = serde_json::to_value(w).unwrap();
    assert_eq!(json["kind"], "declared_mismatch");
    assert_eq!(json["declared"], "110428");
    assert_eq!(json["computed"], "90428");
    assert_eq!(json["difference"], "20000");
    assert_eq!(json["scope"], serde_json::json!({"kind": "group", "id": 0}));
    assert_eq!(
        json["figure"],
        serde_json::json!({"kind": "planned", "funder": 0})
    );
}
