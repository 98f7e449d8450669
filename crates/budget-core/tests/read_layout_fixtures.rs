//! One fixture per layout users paste (`tests/fixtures/layout-*.tsv`, written
//! in the shapes of real département tables), read by the core; every expected
//! figure is worked by hand in the test.

mod support;
use support::{d, fixture};

use budget_core::read::{read_table, AssumptionKind, Reading};
use budget_core::report::{self, Report};

fn read(name: &str) -> (Reading, Report) {
    let r = read_table(&fixture(name));
    let report = report::compute(&r.convention);
    (r, report)
}

fn kinds(r: &Reading) -> Vec<AssumptionKind> {
    r.assumptions.iter().map(|a| a.kind).collect()
}

#[test]
fn years_without_funders() {
    let (r, report) = read("layout-annees-sans-financeur.tsv");
    assert_eq!(
        kinds(&r),
        [AssumptionKind::Unsplit, AssumptionKind::TitleColumn]
    );
    assert!(!report.split);
    let years = report.years.as_ref().unwrap();
    // 412 300 + 150 000 + 1 020 000; 398 750,50 + 162 400 + 1 045 500;
    // 405 000 + 170 000 + 1 060 000.
    assert_eq!(years.total_of(2022), d("1582300"));
    assert_eq!(years.total_of(2023), d("1606650.50"));
    assert_eq!(years.total_of(2024), d("1635000"));
    assert_eq!(report.warnings, vec![]);
    // The « Programme » column groups them: Insertion 412 300 + 150 000 =
    // 562 300 in 2022, 398 750,50 + 162 400 = 561 150,50 in 2023 (−1 149,50),
    // 405 000 + 170 000 = 575 000 in 2024 (+13 849,50).
    let insertion = report.groups[0].years.as_ref().unwrap();
    assert_eq!(report.groups[0].name, "Insertion");
    assert_eq!(insertion.total_of(2022), d("562300"));
    assert_eq!(
        insertion.by_year[1].change.as_ref().unwrap().absolute,
        d("-1149.50")
    );
    assert_eq!(
        insertion.by_year[2].change.as_ref().unwrap().absolute,
        d("13849.50")
    );
    // Each row too: the first action 412 300 → 398 750,50 (−13 549,50).
    let first = report.actions[0].years.as_ref().unwrap();
    assert_eq!(
        first.by_year[1].change.as_ref().unwrap().absolute,
        d("-13549.50")
    );
}

#[test]
fn group_rows_carrying_their_subtotal() {
    let (r, report) = read("layout-lignes-groupe-sous-total.tsv");
    assert_eq!(kinds(&r), [AssumptionKind::GroupRowsWithSubtotal]);
    assert_eq!(r.convention.actions.len(), 3);
    // 20 000 + 10 000 + 12 000 = 42 000; 20 000 + 25 000 + 12 000 = 57 000.
    assert_eq!(report.grand.planned.as_ref().unwrap().total, d("99000"));
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn departement_before_etat() {
    let (r, report) = read("layout-departement-etat.tsv");
    let conv = &r.convention;
    let planned = report.grand.planned.as_ref().unwrap();
    // État 40 000 + 25 000; Département 60 000 + 25 000.
    assert_eq!(planned.by_funder[conv.state().unwrap()], d("65000"));
    assert_eq!(
        planned.by_funder[conv.departement_funder().unwrap()],
        d("85000")
    );
    // Action 1: 40 000 of 100 000 = 40 %, within the rule.
    let cf = report.actions[0].co_financing.as_ref().unwrap();
    assert_eq!(cf.state_share, Some(d("0.4")));
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn a_title_column_without_heading() {
    let (r, report) = read("layout-intitule-sans-entete.tsv");
    assert_eq!(kinds(&r), [AssumptionKind::TitleColumn]);
    assert_eq!(r.convention.actions[0].title, "Accueil des jeunes majeurs");
    // Mobilité solidaire: 5 000 of 12 500 = 40 %.
    let cf = report.actions[1].co_financing.as_ref().unwrap();
    assert_eq!(cf.state_share, Some(d("0.4")));
}

#[test]
fn a_header_row_inside() {
    let (r, report) = read("layout-entetes-au-milieu.tsv");
    assert!(kinds(&r).contains(&AssumptionKind::HeaderRowInside));
    assert_eq!(r.errors, vec![]);
    assert_eq!(report.groups.len(), 2);
    // 146 000 + 50 000 + 40 000 = 236 000 (Département), as the TOTAL says.
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn cells_with_two_amounts_or_notes_are_unreadable_and_the_rest_is_read() {
    let (r, report) = read("layout-deux-montants.tsv");
    let bad: Vec<(usize, usize, &str)> = r
        .errors
        .iter()
        .map(|e| (e.row, e.column, e.text.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            (2, 3, "647 714 € 432 926 €"),
            (3, 3, "30 000 € (engagé)"),
            (4, 3, "Voir PLI")
        ]
    );
    // Département 50 000 + 30 000 + 12 000 + 20 000 = 112 000, all read.
    let conv = &r.convention;
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(
        planned.by_funder[conv.departement_funder().unwrap()],
        d("112000")
    );
    // No verdict on an action whose State amount could not be read: not
    // « respectée » as if it were 0 €.
    let state = conv.state().unwrap();
    assert_eq!(conv.actions[0].unread, [state]);
    assert!(report.actions[0].incomplete);
    assert_eq!(report.actions[0].co_financing, None);
    assert_eq!(report.actions[0].figures.shares, None);
    // Action 4 was read whole: 20 000 of 40 000 = 50 %, within the rule.
    assert!(!report.actions[3].incomplete);
    assert!(report.actions[3]
        .co_financing
        .as_ref()
        .unwrap()
        .breach
        .is_none());
    // Typed by the user: known again. 30 000 of 80 000 = 37,5 %.
    let mut conv = conv.clone();
    budget_core::edit::set_cell(
        &mut conv,
        0,
        budget_core::edit::Column::Planned(state),
        "30 000",
    )
    .unwrap();
    assert!(conv.actions[0].unread.is_empty());
    let again = report::compute(&conv);
    let cf = again.actions[0].co_financing.as_ref().unwrap();
    assert_eq!(cf.state_share, Some(d("0.375")));
}

#[test]
fn an_ap_cp_schedule() {
    let (r, report) = read("layout-ap-cp.tsv");
    assert!(kinds(&r).contains(&AssumptionKind::Unsplit));
    assert!(!report.split);
    let years = report.years.as_ref().unwrap();
    // CP 2024 600 000 + 350 000; CP 2025 900 000 + 300 000; CP 2026 500 000 +
    // 200 000; reste à financer 400 000 + 0.
    assert_eq!(years.total_of(2024), d("950000"));
    assert_eq!(years.total_of(2025), d("1200000"));
    assert_eq!(years.total_of(2026), d("700000"));
    assert_eq!(years.without_year.as_ref().unwrap().total, d("400000"));
    // The AP of each operation is its CPs and its rest: 2 400 000 and 850 000.
    assert_eq!(report.grand.planned.as_ref().unwrap().total, d("3250000"));
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn report_text_without_amounts_in_euros_is_refused_with_the_reason() {
    // Counts, not euros: nothing for the report reader (its blocks are read,
    // see read_report.rs), and no table either.
    let text = "Bilan de l'action\n\nPersonnes accompagnées : 120\nDélai moyen : 45\n";
    let r = read_table(text);
    assert!(r.convention.actions.is_empty(), "no action of 0 € invented");
    assert!(r.report.is_none());
    let refusal = r.refused.as_ref().unwrap();
    let (row, line) = refusal.report_line.as_ref().unwrap();
    assert_eq!((*row, line.as_str()), (3, "Personnes accompagnées : 120"));
    let message = refusal.message(budget_core::Lang::Fr);
    assert!(
        message.contains("ressemble au texte d'un rapport"),
        "{message}"
    );
}

/// « Crédits engagés », « Consommé », « Report demandé » given once per
/// action in a table split by funder: the action's own figures, not the
/// State's. Accueil: engaged 90 000, executed 80 000 of 100 000 (80 %),
/// carry-over 20 000 = its unspent 20 000; Maraudes asks 8 000 for 25 000 −
/// 20 000 = 5 000 unspent: the one slip of the table.
#[test]
fn amounts_of_the_action_not_of_a_funder() {
    let (r, report) = read("layout-montants-de-l-action.tsv");
    let conv = &r.convention;
    assert_eq!(conv.funders.len(), 2, "no funder added for them");
    let accueil = &conv.actions[0].execution;
    assert_eq!(accueil.committed_total, Some(d("90000")));
    assert_eq!(accueil.to_carry_over_total, Some(d("20000")));
    assert!(accueil.committed.is_empty() && accueil.to_carry_over.is_empty());
    let a = &report.actions[0].figures;
    assert_eq!(a.consumption.as_ref().unwrap().rate, Some(d("0.8")));
    assert_eq!(a.carry_over_total, Some(d("20000")));
    // 90 000 + 25 000; 20 000 + 8 000.
    assert_eq!(report.grand.committed_total, Some(d("115000")));
    assert_eq!(report.grand.carry_over_total, Some(d("28000")));
    let warnings: Vec<_> = report
        .warnings
        .iter()
        .map(|w| (w.kind, w.difference))
        .collect();
    assert_eq!(
        warnings,
        [(
            budget_core::checks::WarningKind::CarryOverAboveUnspent,
            Some(d("3000"))
        )]
    );
}

/// Two more tables of the Vienne council file, copied as a user would: the
/// actions' indicators (`Cible 2024`, `Résultat atteint en 2024`: counts and
/// targets) and the State's budget imputation (`BOP | Centre de coût | Code
/// activité`). Neither holds an amount in euros: refused, saying why, not
/// read as euros.
#[test]
fn tables_without_money_are_refused_not_read_as_euros() {
    for name in ["vienne-2024-indicateurs.tsv", "vienne-2024-imputation.tsv"] {
        let r = read_table(&fixture(name));
        assert!(r.convention.actions.is_empty(), "{name}");
        let refusal = r.refused.as_ref().unwrap();
        assert_eq!(refusal.headings, Some(1), "{name}");
        let message = refusal.message(budget_core::Lang::Fr);
        assert!(
            message.contains("aucune colonne de montants en euros"),
            "{message}"
        );
    }
}
