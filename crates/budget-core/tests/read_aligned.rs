//! Tables copied from a PDF, whose cells became runs of spaces
//! (`pdftotext -layout`): the Vienne 2024 annex and the Creuse 2023 report as
//! such a tool prints them (`tests/fixtures/*-aligned.txt`, amounts
//! right-aligned, titles left-aligned and ragged, headings on one line), read
//! by `read_table`; every expected figure is worked by hand from the tables
//! (`tests/fixtures/*.tsv`, the same tables as pasted from the spreadsheet).

mod support;
use support::{actions, d, fixture};

use budget_core::read::{read_grid, read_table, text_grid, ReadOptions, Reading, RowKind};
use budget_core::report::{self, Report};

fn read(name: &str) -> (Reading, Report) {
    let r = read_table(&fixture(name));
    assert_eq!(r.refused, None, "{name} is read as a table");
    assert_eq!(r.errors, vec![], "every cell of {name} is readable");
    let report = report::compute(&r.convention);
    (r, report)
}

#[test]
fn vienne_aligned_reads_as_the_spreadsheet_paste() {
    let (r, report) = read("vienne-2024-solidarites-aligned.txt");
    // Line 1 the title, line 2 blank, line 3 the headings.
    assert_eq!(r.header_row, Some(3));
    assert_eq!(
        r.convention.title,
        "Annexe financière 2024 — Contrat départemental des solidarités de la Vienne"
    );
    assert_eq!(
        r.columns
            .iter()
            .map(|c| c.header.as_str())
            .collect::<Vec<_>>(),
        [
            "Axes de la stratégie départementale",
            "Ligne budgétaire",
            "Fiche action n°",
            "Intitulé de l'action",
            "A - Participations directes mobilisées pour la convention 2024",
            "B - Crédits CD affectés pour la convention 2024",
            "C - Participations d'autres financeurs",
            "F - Budget global de l'action prévu en 2024 (A+B+C)",
        ]
    );
    assert_eq!(r.convention.actions.len(), 14);
    assert_eq!(r.convention.groups.len(), 3);
    let tsv = read_table(&fixture("vienne-2024-solidarites.tsv"));
    assert_eq!(actions(&r), actions(&tsv));
    // The first action on line 4 (row 2 of the spreadsheet + 2 lines above).
    assert_eq!(r.convention.actions[0].source_row, Some(4));
    assert_eq!(r.convention.actions[0].title, "Crèche familiale préventive");
    assert_eq!(
        r.convention.actions[4].title, "\"Aller vers\" en ruralité",
        "a title with quotes and single spaces is one cell"
    );

    // Computed: A 93 507 + 50 000 + 69 698 + 25 000 (axis 1: 238 205)
    // + 110 000 + 50 000 + 10 000 + 35 000 + 25 000 (axis 2: 230 000)
    // + 20 000 + 25 428 + 30 000 + 15 000 + 0 (axis 3: 90 428) = 558 633;
    // B 146 000 + 50 000 + 135 096 + 25 000 (356 096) + 110 000 + 50 000
    // + 15 000 + 35 000 + 25 000 (235 000) + 20 000 + 25 428 + 30 000
    // + 15 000 + 0 (90 428) = 681 524; C 535 493 (action 1 only);
    // F 558 633 + 681 524 + 535 493 = 1 775 650.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(
        planned.by_funder,
        vec![d("558633"), d("681524"), d("535493")]
    );
    assert_eq!(planned.total, d("1775650"));
    // The TOTAL FINANCIER line declares A 578 633,00 € and B 701 524,00 €
    // (F 1 815 650,00 €): 20 000 € more each than the actions, as the axis 3
    // subtotal (110 428 declared, 90 428 computed). Both kept and flagged.
    let grand_total = r
        .rows
        .iter()
        .find(|row| matches!(&row.kind, RowKind::GrandTotal { .. }))
        .unwrap();
    // Row 19 of the spreadsheet (headings, 4 + 1 + 5 + 1 + 5 + 1 rows of
    // actions and subtotals), two lines down.
    assert_eq!(grand_total.row, 21);
    let declared: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == budget_core::checks::WarningKind::DeclaredMismatch)
        .filter(|w| w.scope == Some(budget_core::Scope::Grand))
        .map(|w| (w.declared.unwrap(), w.computed.unwrap()))
        .collect();
    assert_eq!(
        declared,
        [
            (d("1815650"), d("1775650")),
            (d("578633"), d("558633")),
            (d("701524"), d("681524")),
        ]
    );
    // Axis 1: 238 205 / 356 096 / 535 493, F 1 129 794.
    let axis1 = report.groups[0].figures.planned.as_ref().unwrap();
    assert_eq!(axis1.by_funder, vec![d("238205"), d("356096"), d("535493")]);
    assert_eq!(axis1.total, d("1129794"));
}

#[test]
fn creuse_aligned_reads_as_the_spreadsheet_paste() {
    let (r, report) = read("creuse-2023-execution-aligned.txt");
    assert_eq!(r.header_row, Some(1));
    assert_eq!(r.columns.len(), 11);
    assert_eq!(r.convention.actions.len(), 11);
    let tsv = read_table(&fixture("creuse-2023-execution.tsv"));
    assert_eq!(actions(&r), actions(&tsv));
    // Action 3 has no « Report Etat 2021 » (the blank under it): its
    // 12 000 € goes to « Avenant Etat 2022 » by its right edge, not to the
    // first empty column. State 12 000, CD 12 000, total 24 000.
    let a3 = report.actions.iter().find(|a| a.number == "3").unwrap();
    let planned = a3.figures.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("12000"), d("12000")]);
    // Planned: « Budget total » 251 278 + 64 932 + 120 000 + 36 000 + 24 000
    // + 22 000 + 3 578 + 51 000 + 43 000 + 14 800 + 31 158 = 661 746, State
    // and CD 330 873 each (every action is split as reports + amendments).
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("330873"), d("330873")]);
    assert_eq!(planned.total, d("661746"));
    // Executed CD: 432 803,59 + 69 973,89 + 82 166,32 + 46 166,29 + 12 000
    // + 19 749,25 + 1 789 + 12 352 + 21 500 + 7 400 + 13 327 = 719 227,34;
    // State 110 239 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000 + 1 789
    // + 38 468 + 21 500 + 7 400 + 17 831 = 330 693.
    let ex = report.grand.executed.as_ref().unwrap();
    assert_eq!(ex.by_funder, vec![Some(d("330693")), Some(d("719227.34"))]);
    assert_eq!(ex.total, Some(d("1049920.34")));
}

/// Whether `text` reads as it would without the reader of aligned columns:
/// as its cut at tabs or separators is read.
fn reads_as_cut(text: &str) -> bool {
    read_table(text) == read_grid(&text_grid(text), &ReadOptions::default())
}

#[test]
fn prose_is_no_aligned_table() {
    // Single spaces only: refused as a table (no headings, no amounts).
    let text = "Le Département mobilise 93 507 € pour la crèche familiale\n\
                préventive et l'État 146 000 € : soit 239 507 € au total\n\
                pour l'année 2024 selon la convention signée en mars.\n";
    assert!(read_table(text).refused.is_some());
    // Justified text: runs of spaces between words, not aligned.
    let text = "Le  Département  mobilise  93 507 €  pour la crèche familiale\n\
                préventive  et  l'État   146 000 €  soit  239 507 €  au total\n\
                pour  l'année  2024  selon  la  convention  signée  en  mars.\n";
    assert!(read_table(text).refused.is_some());
    // With commas, read as the comma-separated text it seems (as before).
    let text = "Le Département mobilise 93 507,00 € pour la crèche familiale\n\
                préventive, et l'État 146 000,00 € : soit 239 507,00 € au total,\n\
                pour l'année 2024, selon  la convention signée en mars.\n";
    assert!(reads_as_cut(text));
}

/// Read as the lines of a report (see read_report.rs), not as a table.
fn read_as_report(text: &str) -> bool {
    let r = read_table(text);
    r.report.is_some() && r.columns.is_empty()
}

#[test]
fn report_lines_are_no_aligned_table() {
    let text = "Budget total : 251 278 €\nDépenses exécutées : 543 042 €\n";
    assert!(read_as_report(text), "{text}");
    assert!(reads_as_cut(
        "Budget total : 251 278 €\nDépenses exécutées : 543 042,59 €\n"
    ));
    // The same lines with their amounts aligned by spaces: still a
    // report's lines, read by the report reader, not as a table.
    let text = "Report Etat 2021 :          24 600 €\n\
                Avenant Etat 2022 :         85 639 €\n\
                Budget total :             251 278 €\n";
    assert!(read_as_report(text), "{text}");
}

#[test]
fn a_wide_heading_left_aligned_or_centred_over_its_amounts() {
    // « Etat » left-aligned over right-aligned amounts (beside them, over no
    // amount), « Crédits du Département » wider than its figures.
    let text = "\
N°   Intitulé                      Etat               Crédits du Département
1    Crèche familiale préventive          93 507,00 €          146 000,00 €
2    Thérapie familiale                   50 000,00 €           50 000,00 €
3    Auto-école sociale                       0,00 €           15 000,00 €
";
    let r = read_table(text);
    assert_eq!(r.refused, None);
    assert_eq!(
        r.columns
            .iter()
            .map(|c| c.header.as_str())
            .collect::<Vec<_>>(),
        ["N°", "Intitulé", "Etat", "Crédits du Département"]
    );
    let report = report::compute(&r.convention);
    // État 93 507 + 50 000 + 0 = 143 507; Département 146 000 + 50 000 + 15 000 = 211 000.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("143507"), d("211000")]);
    assert_eq!(r.convention.actions[0].title, "Crèche familiale préventive");
}

#[test]
fn an_empty_cell_in_the_middle_leaves_its_column_empty() {
    // Line 3 has no State amount: its 20 000 is the Département's, by its
    // right edge under « CD ».
    let text = "\
N°  Intitulé                Etat        CD
1   Maraudes sociales     10 000    30 000
2   Paniers solidaires              20 000
3   Formation              1 500     1 500
";
    let r = read_table(text);
    assert_eq!(r.refused, None);
    let report = report::compute(&r.convention);
    // État 10 000 + 1 500 = 11 500; CD 30 000 + 20 000 + 1 500 = 51 500.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("11500"), d("51500")]);
    let a2 = &report.actions[1].figures.planned.as_ref().unwrap();
    assert_eq!(a2.by_funder, vec![d("0"), d("20000")]);
}

#[test]
fn rows_are_the_lines_of_the_text() {
    // A title, a blank line, headings, a blank line between two actions;
    // CRLF; a page's form feed.
    let text = "Annexe 2024\r\n\r\nN°  Intitulé     Etat      CD\r\n\
                1   Maraudes   10 000    30 000\r\n\r\n\
                \u{c}2   Paniers     5 000     5 000\r\n";
    let r = read_table(text);
    assert_eq!(r.refused, None);
    assert_eq!(r.header_row, Some(3));
    assert_eq!(r.rows.len(), 6);
    assert_eq!(r.rows[4].kind, RowKind::Empty);
    let rows: Vec<_> = r
        .convention
        .actions
        .iter()
        .map(|a| (a.title.as_str(), a.source_row))
        .collect();
    assert_eq!(rows, [("Maraudes", Some(4)), ("Paniers", Some(6))]);
    assert_eq!(r.convention.title, "Annexe 2024");
}

#[test]
fn accents_count_as_one_place() {
    // Decomposed accents (e + U+0301) take no place: the amounts stay aligned.
    let text = "N°  Intitule\u{301}           Etat\n\
                1   Cre\u{300}che familiale   93 507\n\
                2   The\u{301}rapie          50 000\n";
    let r = read_table(text);
    assert_eq!(r.refused, None);
    let report = report::compute(&r.convention);
    assert_eq!(report.grand.planned.as_ref().unwrap().total, d("143507"));
}

/// A text file holding the aligned table, opened as the widget and the CLI
/// open files, reads as its pasted text does (commas would cut its amounts).
#[test]
fn an_aligned_text_file_opens_as_its_pasted_text_reads() {
    use budget_core::files::{self, Opened};
    let text = fixture("vienne-2024-solidarites-aligned.txt");
    let opened = files::open("annexe.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
    let Opened::Table { reading, .. } = opened else {
        panic!("a table")
    };
    assert_eq!(reading, read_table(&text));
    assert_eq!(reading.convention.actions.len(), 14);
    // The user is told the columns were found from the alignment.
    let said = &reading.assumptions[0];
    assert_eq!(said.kind, budget_core::read::AssumptionKind::AlignedColumns);
    assert!(said
        .message(budget_core::Lang::Fr)
        .contains("retrouvées d'après l'alignement de ses montants"));
}
