//! The text of a report pasted whole (`tests/fixtures/creuse-2023-rapport-execution.txt`,
//! the Creuse 2023 execution report as extracted from its PDF) and reports of
//! other shapes written for these tests: every expected figure is worked by
//! hand from the text.

mod support;
use support::{d, fixture};

use budget_core::checks::{Figure, WarningKind};
use budget_core::read::{
    read_table, read_table_with, AmountChoice, ColumnRole, Confidence, FunderRef, ReadOptions,
    Reading,
};
use budget_core::report::{self, Report};
use budget_core::{Measure, Part, Scope};

fn creuse() -> (Reading, Report) {
    let r = read_table(&fixture("creuse-2023-rapport-execution.txt"));
    let report = report::compute(&r.convention);
    (r, report)
}

#[test]
fn the_creuse_report_gives_the_figures_of_its_action_blocks() {
    let (r, report) = creuse();
    assert!(r.refused.is_none());
    let numbers: Vec<&str> = r
        .convention
        .actions
        .iter()
        .map(|a| a.number.as_str())
        .collect();
    // The blocks as they come in the report.
    assert_eq!(
        numbers,
        ["5", "4", "1", "2", "3", "6", "7", "8", "9", "10", "11"]
    );
    // State: report + avenant of each block.
    // 5: 24 600 + 85 639 = 110 239; 4: 16 233 × 2 = 32 466; 1: 50 000 + 10 000;
    // 2: 3 000 + 15 000; 3: 12 000; 6: 10 000 + 1 000; 7: 1 789; 8: 38 648;
    // 9: 21 500; 10: 7 400; 11: 10 715,50 + 7 115,50 = 17 831.
    // 110 239 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000 + 1 789 + 38 648
    // + 21 500 + 7 400 + 17 831 = 330 873.
    // Département: 5: 85 639 + 55 400 = 141 039; 4: 32 466; 1: 60 000;
    // 2: 18 000; 3: 12 000; 6: 11 000; 7: 1 789; 8: 12 352; 9: 21 500;
    // 10: 7 400; 11: 13 327. 141 039 + 32 466 + 60 000 + 18 000 + 12 000
    // + 11 000 + 1 789 + 12 352 + 21 500 + 7 400 + 13 327 = 330 873.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("330873"), d("330873")]);
    assert_eq!(planned.total, d("661746"));
    let state = &report.actions[0]
        .figures
        .planned
        .as_ref()
        .unwrap()
        .by_funder;
    assert_eq!(*state, vec![d("110239"), d("141039")]);
}

#[test]
fn action_8s_declared_consumption_is_the_one_slip() {
    let (_, report) = creuse();
    let mismatches: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    // « Consommation totale : 51 000€ » (line 959) against 38 468 + 12 352 =
    // 50 820 executed; every other « Budget total » and « Consommation
    // totale » is the sum of its parts.
    assert_eq!(mismatches.len(), 1, "{mismatches:#?}");
    let w = mismatches[0];
    assert_eq!(w.scope, Some(Scope::Action(7)));
    assert_eq!(w.figure, Some(Figure::ExecutedTotal));
    assert_eq!(w.source_row, Some(959));
    assert_eq!(w.declared, Some(d("51000")));
    assert_eq!(w.computed, Some(d("50820")));
}

#[test]
fn every_figure_says_where_it_came_from() {
    let (r, _) = creuse();
    let report = r.report.as_ref().unwrap();
    // 11 blocks: 8 × (total, 4 planned… ) — counted line by line: each block
    // has « Budget total », its planned lines, « Consommation totale » and two
    // executed lines. Planned lines: 4, 4, 4, 3, 2, 4, 2, 2, 2, 2, 3 = 32.
    assert_eq!(report.figures.len(), 11 * 4 + 32);
    let first = &report.figures[1];
    assert_eq!((first.line, first.nth), (80, 1));
    assert_eq!(first.words, "Report Etat 2021");
    assert_eq!(first.text, "24 600 €");
    assert_eq!(first.value, d("24600"));
    assert_eq!(
        first.role,
        ColumnRole::Planned {
            funder: FunderRef::State,
            part: Part::CarryOver,
            year: None
        }
    );
    assert_eq!(first.action, Some(0));
    assert_eq!(first.confidence, Confidence::Read);
    let executed = report.figures.iter().find(|f| f.line == 965).unwrap();
    assert_eq!(
        executed.words,
        "Dépenses exécutées sur la part financée par le département"
    );
    assert_eq!(executed.role, ColumnRole::Executed(FunderRef::Departement));
    assert_eq!(executed.value, d("12352"));
    // The declared totals keep their line too.
    let declared = r
        .convention
        .declared
        .iter()
        .find(|x| x.scope == Scope::Action(7) && x.measure == Measure::PlannedTotal)
        .unwrap();
    assert_eq!(
        (declared.source_row, declared.value),
        (Some(950), d("51000"))
    );
}

#[test]
fn titles_come_from_the_outline_above_each_block() {
    let (r, _) = creuse();
    let title = |i: usize| r.convention.actions[i].title.as_str();
    assert_eq!(
        title(0),
        "Amélioration des délais d’orientation et des suivis"
    );
    // A heading on two lines, the second without number.
    assert_eq!(
        title(4),
        "Renforcement du premier accueil des femmes dans le cadre du service emploi au CIDFF"
    );
    assert_eq!(r.convention.actions[0].source_row, Some(48));
}

#[test]
fn amounts_in_sentences_are_offered_not_counted() {
    let (r, report) = creuse();
    let uncertain = &r.report.as_ref().unwrap().uncertain;
    let lines: Vec<(usize, &str)> = uncertain
        .iter()
        .map(|u| (u.line, u.text.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (1153, "7 000€"),
            (1221, "20€"),
            (1230, "20€"),
            (1325, "34 320€"),
            (1339, "257€"),
            (1341, "3 110€"),
        ]
    );
    assert!(uncertain.iter().all(|u| u.suggestion.is_none()));
    assert_eq!(uncertain[0].action, Some(8), "in the block of action 9");
    // Not counted: the planned total stays the blocks' 661 746.
    assert_eq!(report.grand.planned.as_ref().unwrap().total, d("661746"));
}

#[test]
fn an_amount_the_user_assigns_is_counted_and_one_left_out_is_not() {
    let text = fixture("creuse-2023-rapport-execution.txt");
    let options = ReadOptions {
        amounts: vec![
            // « montant total engagé est de 3 110€ »: committed by the State.
            AmountChoice {
                line: 1341,
                nth: 1,
                role: ColumnRole::Committed(FunderRef::State),
            },
            // « Report Etat 2021 : 24 600 € » left out.
            AmountChoice {
                line: 80,
                nth: 1,
                role: ColumnRole::Ignored,
            },
        ],
        ..ReadOptions::default()
    };
    let r = read_table_with(&text, &options);
    let reading = r.report.as_ref().unwrap();
    assert_eq!(reading.uncertain.len(), 5);
    let chosen = reading.figures.iter().find(|f| f.line == 1341).unwrap();
    assert_eq!(chosen.confidence, Confidence::Chosen);
    // The one left out stays listed, with the user's choice.
    let left_out = reading.figures.iter().find(|f| f.line == 80).unwrap();
    assert_eq!(left_out.role, ColumnRole::Ignored);
    let action_11 = &r.convention.actions[10];
    assert_eq!(action_11.execution.committed[0].value, d("3110"));
    let report = report::compute(&r.convention);
    // 330 873 − 24 600 = 306 273.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder[0], d("306273"));
}

/// Sentences, a heading above the funders' parts, a carry-over request
/// naming no funder: « Budget global : 145 648,26 € » is the State's
/// 72 913,99 and the Département's 72 734,27 (72 913,99 + 72 734,27 =
/// 145 648,26); executed 60 000 + 70 000,50 = 130 000,50.
const SENTENCES: &str = "\
Action n°2 : Référents de parcours

Budget prévisionnel
Budget global : 145 648,26 €
Par Etat = 72 913,99 €
Par CD = 72 734,27€

Budget exécuté au 31/12/2019
Par Etat : 60 000 euros
Par CD : 70 000,50 €
Report demandé sur 2020 : 20 000 €
";

#[test]
fn sentences_take_their_measure_from_the_heading_above() {
    let r = read_table(SENTENCES);
    let conv = &r.convention;
    assert_eq!(conv.actions.len(), 1);
    assert_eq!(conv.actions[0].number, "2");
    assert_eq!(conv.actions[0].title, "Référents de parcours");
    let report = report::compute(conv);
    let a = &report.actions[0].figures;
    assert_eq!(
        a.planned.as_ref().unwrap().by_funder,
        vec![d("72913.99"), d("72734.27")]
    );
    let executed = a.executed.as_ref().unwrap();
    assert_eq!(
        executed.by_funder,
        vec![Some(d("60000")), Some(d("70000.50"))]
    );
    // « Par CD : 70 000,50 € » is executed because of line 8.
    let reading = r.report.as_ref().unwrap();
    let par_cd = reading.figures.iter().find(|f| f.line == 10).unwrap();
    assert_eq!(par_cd.role, ColumnRole::Executed(FunderRef::Departement));
    assert_eq!(
        par_cd.section,
        Some((8, "Budget exécuté au 31/12/2019".to_string()))
    );
    // The declared global budget matches its parts: no mismatch.
    assert!(!report
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DeclaredMismatch));
    // The carry-over request names no funder: offered, the State's suggested.
    let u = &reading.uncertain;
    assert_eq!(u.len(), 1);
    assert_eq!((u[0].line, u[0].value), (11, d("20000")));
    assert_eq!(
        u[0].suggestion,
        Some(ColumnRole::ToCarryOver(FunderRef::State))
    );
    assert!(a.carry_over_requested.is_none(), "not counted until chosen");
    // One click: the suggestion taken.
    let options = ReadOptions {
        amounts: vec![AmountChoice {
            line: 11,
            nth: 1,
            role: ColumnRole::ToCarryOver(FunderRef::State),
        }],
        ..ReadOptions::default()
    };
    let again = report::compute(&read_table_with(SENTENCES, &options).convention);
    let carry = again.actions[0].figures.carry_over_requested.as_ref();
    assert_eq!(carry.unwrap().by_funder[0], d("20000"));
}

/// Several funders, two blocks, a declared global budget that does not
/// match its parts: action 1's parts 10 000 + 15 000 + 5 000 = 30 000
/// against « Budget global : 31 000 € ».
const SEVERAL_FUNDERS: &str = "\
Fiche action n°1 : Mobilité solidaire
Etat : 10 000 €
Département : 15 000 €
CAF : 5 000 €
Budget global : 31 000 €

Fiche action n°2 : Paniers solidaires
Etat : 1,2 M€
Département : 800 000 €
Budget global : 2 000 000 €
";

#[test]
fn several_funders_and_a_global_budget_that_does_not_add_up() {
    let r = read_table(SEVERAL_FUNDERS);
    let conv = &r.convention;
    let names: Vec<&str> = conv.funders.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["État", "Département", "CAF"]);
    let report = report::compute(conv);
    let planned = report.grand.planned.as_ref().unwrap();
    // State 10 000 + 1 200 000; Département 15 000 + 800 000; CAF 5 000.
    assert_eq!(
        planned.by_funder,
        vec![d("1210000"), d("815000"), d("5000")]
    );
    let mismatches: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    assert_eq!(mismatches.len(), 1);
    assert_eq!(mismatches[0].scope, Some(Scope::Action(0)));
    assert_eq!(mismatches[0].source_row, Some(5));
    assert_eq!(mismatches[0].declared, Some(d("31000")));
    assert_eq!(mismatches[0].computed, Some(d("30000")));
}

#[test]
fn one_fiche_pasted_alone_is_read() {
    // The block of action 5 only, as copied from the PDF.
    let r = read_table(&fixture("creuse-2023-fiche-5.txt"));
    let report = report::compute(&r.convention);
    assert_eq!(r.convention.actions.len(), 1);
    let a = &report.actions[0].figures;
    assert_eq!(
        a.planned.as_ref().unwrap().by_funder,
        vec![d("110239"), d("141039")]
    );
    // 110 239 + 432 803,59 = 543 042,59, as declared.
    assert_eq!(a.executed.as_ref().unwrap().total, Some(d("543042.59")));
}

#[test]
fn prose_without_figures_is_still_refused() {
    let r =
        read_table("Le Département a consacré 7 000 € à l'action.\nLes paniers valaient 20 €.\n");
    assert!(r.refused.is_some());
    assert!(r.report.is_none());
    assert!(r.convention.actions.is_empty());
}
