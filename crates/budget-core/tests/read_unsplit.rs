//! Tables whose amounts are not split by funder (an execution annex by
//! measure, a budget synthesis by year), and the reader's guesses about them:
//! read as the actions' own amounts, told to the user with the other reading.
//! Expected figures are worked by hand in each test.

mod support;
use support::{d, fixture};

use budget_core::checks::WarningKind;
use budget_core::read::{
    other_reading, read_table, read_table_with, AssumptionKind, ColumnRole, FunderRef,
};
use budget_core::report::{self, Report};
use budget_core::{FunderKind, Lang, Part};

fn unsplit(year: Option<i32>) -> ColumnRole {
    ColumnRole::Planned {
        funder: FunderRef::Unsplit,
        part: Part::Base,
        year,
    }
}

/// `Mesure | Direction | Dépense | Montant inscrit dans la convention pour 2019
/// | Montant réalisé au 31/12/2019 | Montant à reporter en 2020 | Commentaires |
/// Recette Etat`, CRLF, `-  €` for nothing, two « Sous-total - Mesure n » rows
/// and a « Montant total » row.
fn execution_2019() -> (budget_core::read::Reading, Report) {
    let r = read_table(&fixture("execution-2019-mesures.tsv"));
    assert_eq!(r.errors, vec![], "every cell is readable, `-  €` included");
    let report = report::compute(&r.convention);
    (r, report)
}

#[test]
fn an_execution_annex_by_measure_reads_its_planned_executed_and_carry_over_columns() {
    let (r, _) = execution_2019();
    let roles: Vec<&ColumnRole> = r.columns.iter().map(|c| &c.role).collect();
    assert_eq!(
        roles,
        [
            &ColumnRole::Group,
            &ColumnRole::Service,
            &ColumnRole::Title,
            &unsplit(None),
            &ColumnRole::Executed(FunderRef::Unsplit),
            &ColumnRole::ToCarryOver(FunderRef::Unsplit),
            &ColumnRole::Comments,
            &ColumnRole::Received(FunderRef::State),
        ]
    );
    // No funder at all: the amounts are the actions' own.
    let conv = &r.convention;
    assert_eq!(conv.funders.len(), 1);
    assert_eq!(conv.funders[0].kind, FunderKind::Unsplit);
    assert!(!conv.is_split());
    assert_eq!(conv.actions.len(), 5);
    assert_eq!(conv.groups.len(), 2);
    // Text columns are kept as information, never read as amounts.
    let accueil = &conv.actions[0];
    assert_eq!(accueil.title, "Accueil de jour des jeunes majeurs");
    assert_eq!(accueil.service.as_deref(), Some("DEF"));
    assert_eq!(accueil.comments, "Recrutement en mai");
    assert_eq!(conv.actions[4].comments, "Action non démarrée");
}

#[test]
fn an_execution_annex_gives_the_planned_total_the_executed_total_and_the_rate() {
    let (_, report) = execution_2019();
    let planned = report.grand.planned.as_ref().unwrap();
    // 120 000 + 45 000 + 80 000 + 30 500 + 12 250,40 = 287 750,40.
    assert_eq!(planned.total, d("287750.40"));
    let executed = report.grand.executed.as_ref().unwrap();
    // 95 400,50 + 45 000 + 62 350,25 + 33 120 + 0 = 235 870,75.
    assert_eq!(executed.total, Some(d("235870.75")));
    // 235 870,75 ÷ 287 750,40 = 0,81970607… (81,97 %).
    let rate = report.grand.consumption.as_ref().unwrap().rate.unwrap();
    assert_eq!(rate.round_dp(6), d("0.819706"));
    // 24 599,50 + 0 + 17 649,75 + 0 + 12 250,40 = 54 499,65.
    let carry = report.grand.carry_over_requested.as_ref().unwrap();
    assert_eq!(carry.total, d("54499.65"));
    // Subtotals: Mesure 1 165 000 planned, 140 400,50 executed; Mesure 2
    // 122 750,40 and 95 470,25.
    let m1 = &report.groups[0].figures;
    assert_eq!(m1.planned.as_ref().unwrap().total, d("165000"));
    assert_eq!(m1.executed.as_ref().unwrap().total, Some(d("140400.50")));
    let m2 = &report.groups[1].figures;
    assert_eq!(m2.planned.as_ref().unwrap().total, d("122750.40"));
    assert_eq!(m2.executed.as_ref().unwrap().total, Some(d("95470.25")));
}

#[test]
fn an_execution_annex_invents_no_state_share_and_no_slip() {
    let (_, report) = execution_2019();
    assert!(!report.split);
    assert_eq!(report.grand.shares, None, "no split: not applicable");
    assert!(report.groups.iter().all(|g| g.figures.shares.is_none()));
    assert!(report.actions.iter().all(|a| a.co_financing.is_none()));
    // The subtotal and total rows agree with their rows: no false slip. The
    // only warning is none; 33 120 spent on 30 500 planned is over-spending,
    // not an inconsistency of the table.
    assert_eq!(report.warnings, vec![], "{:#?}", report.warnings);
    // The State's revenue is a figure of its own: 60 000 + 40 000 = 100 000,
    // with no State part to compare it with in a table that declares none.
    assert_eq!(report.received.len(), 1);
    let state = &report.received[0];
    assert_eq!(state.from, FunderKind::State);
    assert_eq!(state.amount, d("100000"));
    assert_eq!(report.grand.received_total, Some(d("100000")));
    // Mesure 1: 60 000 on its first action; Mesure 2: 40 000.
    assert_eq!(report.groups[0].figures.received_total, Some(d("60000")));
    assert_eq!(report.actions[1].figures.received_total, None);
    assert_eq!(state.planned, None);
}

#[test]
fn a_wrong_subtotal_of_an_unsplit_table_is_still_caught() {
    // Mesure 1's subtotal says 165 000 planned; make it 156 000.
    let text = fixture("execution-2019-mesures.tsv").replacen(
        "Sous-total - Mesure 1\t\t\t165 000,00 €",
        "Sous-total - Mesure 1\t\t\t156 000,00 €",
        1,
    );
    let r = read_table(&text);
    let report = report::compute(&r.convention);
    let slips: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    assert_eq!(slips.len(), 1, "{:#?}", report.warnings);
    // declared − computed = 156 000 − 165 000 = −9 000.
    assert_eq!(slips[0].difference, Some(d("-9000")));
}

#[test]
fn the_guess_is_said_with_the_other_reading() {
    let (r, _) = execution_2019();
    let guess = r
        .assumptions
        .iter()
        .find(|a| a.kind == AssumptionKind::Unsplit)
        .unwrap();
    let message = guess.message(Lang::Fr);
    assert!(
        message.contains("Aucun en-tête ne nomme un financeur"),
        "{message}"
    );
    assert!(message.contains("« Montant inscrit dans la convention pour 2019 »"));
    assert!(message.contains("cofinancement ne s'appliquent pas"));
    assert!(guess
        .message(Lang::En)
        .contains("No heading names a funder"));
    // The other reading: the convention column as the State's.
    let options = other_reading(&r, [guess]);
    let again = read_table_with(&fixture("execution-2019-mesures.tsv"), &options);
    assert!(again
        .assumptions
        .iter()
        .all(|a| a.kind != AssumptionKind::Unsplit));
    assert!(again.convention.is_split());
    let state = again.convention.state().unwrap();
    let report = report::compute(&again.convention);
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder[state], d("287750.40"));
}

#[test]
fn a_budget_synthesis_by_year_is_totalled_year_by_year_without_funders() {
    let text = "Programme\tAction\tCA 2022\tCA 2023\tProposition 2024\n\
                Insertion\tAccompagnement socioprofessionnel\t412 300,00\t398 750,50\t405 000,00\n\
                Insertion\tChantiers d'insertion\t150 000,00\t162 400,00\t170 000,00\n\
                Enfance\tPrévention spécialisée\t1 020 000,00\t1 045 500,00\t1 060 000,00\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    assert!(!r.convention.is_split());
    assert_eq!(r.convention.years, vec![2022, 2023, 2024]);
    // « Action » holds the titles, not numbers: said as a guess.
    assert_eq!(r.columns[1].role, ColumnRole::Title);
    assert_eq!(r.convention.actions[2].title, "Prévention spécialisée");
    let kinds: Vec<AssumptionKind> = r.assumptions.iter().map(|a| a.kind).collect();
    assert!(kinds.contains(&AssumptionKind::Unsplit), "{kinds:?}");
    assert!(kinds.contains(&AssumptionKind::TitleColumn), "{kinds:?}");
    let report = report::compute(&r.convention);
    assert_eq!(report.warnings, vec![], "no co-financing breach invented");
    assert!(report.actions.iter().all(|a| a.co_financing.is_none()));
    let years = report.years.as_ref().unwrap();
    // 2022: 412 300 + 150 000 + 1 020 000 = 1 582 300.
    assert_eq!(years.total_of(2022), d("1582300"));
    // 2023: 398 750,50 + 162 400 + 1 045 500 = 1 606 650,50 (+24 350,50).
    assert_eq!(years.total_of(2023), d("1606650.50"));
    assert_eq!(
        years.by_year[1].change.as_ref().unwrap().absolute,
        d("24350.50")
    );
    // 2024: 405 000 + 170 000 + 1 060 000 = 1 635 000 (+28 349,50).
    assert_eq!(years.total_of(2024), d("1635000"));
    assert_eq!(
        years.by_year[2].change.as_ref().unwrap().absolute,
        d("28349.50")
    );
}

#[test]
fn a_table_that_names_its_funders_makes_no_guess_and_keeps_their_order() {
    // DEPARTEMENT before ETAT, as in the Vienne council report.
    let text = "Action\tIntitulé\tDEPARTEMENT\tETAT\tTOTAL\n\
                1\tAccueil\t60 000\t40 000\t100 000\n\
                2\tInsertion\t25 000\t25 000\t50 000\n";
    let r = read_table(text);
    assert_eq!(r.assumptions, vec![]);
    let conv = &r.convention;
    assert!(conv.is_split());
    let (state, dept) = (conv.state().unwrap(), conv.departement_funder().unwrap());
    let report = report::compute(conv);
    let planned = report.grand.planned.as_ref().unwrap();
    // État 40 000 + 25 000 = 65 000; Département 60 000 + 25 000 = 85 000.
    assert_eq!(planned.by_funder[state], d("65000"));
    assert_eq!(planned.by_funder[dept], d("85000"));
    assert_eq!(planned.total, d("150000"));
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn an_unknown_or_empty_heading_over_text_is_the_title() {
    let text = "\tEtat\tDépartement\n\
                Accueil des jeunes\t10 000\t10 000\n\
                Mobilité solidaire\t5 000\t7 500\n";
    let r = read_table(text);
    assert_eq!(r.columns[0].role, ColumnRole::Title);
    assert_eq!(r.convention.actions[1].title, "Mobilité solidaire");
    let guess = &r.assumptions[0];
    assert_eq!(guess.kind, AssumptionKind::TitleColumn);
    assert!(
        guess.message(Lang::Fr).contains("n° 1 (sans en-tête)"),
        "{}",
        guess.message(Lang::Fr)
    );
    assert_eq!(guess.alternative, vec![(1, ColumnRole::Ignored)]);
}

#[test]
fn a_table_without_headings_says_it_guessed_the_funders_from_their_order() {
    let r = read_table("1\tAccueil\t10 000\n2\tInsertion\t5 000\n");
    let guess = &r.assumptions[0];
    assert_eq!(guess.kind, AssumptionKind::FundersByPosition);
    // One amount per action: the other reading is one amount, not split.
    assert_eq!(guess.alternative, vec![(3, unsplit(None))]);
    let again = read_table_with(
        "1\tAccueil\t10 000\n2\tInsertion\t5 000\n",
        &other_reading(&r, [guess]),
    );
    assert!(!again.convention.is_split());
    let report = report::compute(&again.convention);
    assert_eq!(report.grand.planned.as_ref().unwrap().total, d("15000"));
    assert_eq!(report.grand.shares, None);
}

#[test]
fn each_column_says_how_sure_the_reader_is() {
    use budget_core::read::Confidence;
    let (r, _) = execution_2019();
    let sure: Vec<Confidence> = r.columns.iter().map(|c| c.confidence).collect();
    assert_eq!(
        sure,
        [
            Confidence::Read,    // Mesure
            Confidence::Read,    // Direction
            Confidence::Read,    // Dépense
            Confidence::Guessed, // Montant inscrit… : not split, guessed
            Confidence::Guessed, // Montant réalisé…
            Confidence::Guessed, // Montant à reporter…
            Confidence::Read,    // Commentaires
            Confidence::Read,    // Recette Etat
        ]
    );
    let guess = &r.assumptions[0];
    let again = read_table_with(
        &fixture("execution-2019-mesures.tsv"),
        &other_reading(&r, [guess]),
    );
    assert!(again
        .columns
        .iter()
        .all(|c| c.confidence == Confidence::Chosen));
}

#[test]
fn a_planned_column_naming_no_funder_beside_named_ones_is_the_states_and_said() {
    // « Report 2021 » next to « Département »: the State's carry-over, as in
    // the Creuse report, but a guess.
    let text = "N°\tIntitulé\tDépartement\tReport 2021\n1\tAccueil\t10 000\t4 000\n";
    let r = read_table(text);
    let guess = &r.assumptions[0];
    assert_eq!(guess.kind, AssumptionKind::StateByDefault);
    assert_eq!(guess.columns, [(4, "Report 2021".to_string())]);
    let state = r.convention.state().unwrap();
    assert_eq!(r.convention.actions[0].planned[1].funder, state);
    let again = read_table_with(text, &other_reading(&r, [guess]));
    let dept = again.convention.departement_funder().unwrap();
    assert!(again.convention.actions[0]
        .planned
        .iter()
        .all(|p| p.funder == dept));
    assert_eq!(
        report::compute(&again.convention)
            .grand
            .planned
            .unwrap()
            .total,
        d("14000")
    );
}
