//! Opening a PDF (feature `pdf`): the Creuse 2023 execution report
//! (`tests/fixtures/creuse-2023-rapport-execution.txt`) made into a PDF by
//! LibreOffice at test time gives the figures its text gives
//! (`tests/read_report.rs`); the Vienne 2024 annex made into a PDF table
//! (titles and headings wrapped in their cells) gives the figures of the
//! spreadsheet's table; a PDF without text, a damaged one and a file that is
//! not a PDF give errors, not panics.
#![cfg(feature = "pdf")]

mod support;
use support::{actions, d, fixture, fixture_as_pdf, pdf_without_text, tsv_as_pdf_table};

use budget_core::checks::{Figure, WarningKind};
use budget_core::files::{self, FileError, FileKind, Opened};
use budget_core::read::{read_table, AssumptionKind, ReadOptions};
use budget_core::{report, Lang, Scope};

#[test]
fn the_creuse_report_as_a_pdf_gives_the_figures_of_its_text() {
    let pdf = fixture_as_pdf("creuse-2023-rapport-execution.txt");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(files::kind_of("rapport.pdf", &pdf), Some(FileKind::Pdf));
    // The name does not matter: the signature says PDF.
    assert_eq!(files::kind_of("rapport", &pdf), Some(FileKind::Pdf));
    let opened = files::open("rapport.pdf", &pdf, &ReadOptions::default()).unwrap();
    let Opened::Table {
        kind,
        sheet,
        reading,
    } = opened
    else {
        panic!("a PDF report is a table");
    };
    assert_eq!(kind, FileKind::Pdf);
    assert_eq!(sheet, None);
    assert!(reading.refused.is_none(), "{:?}", reading.refused);
    let numbers: Vec<&str> = reading
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
    let report = report::compute(&reading.convention);
    // State: 5: 24 600 + 85 639 = 110 239; 4: 16 233 × 2 = 32 466;
    // 1: 50 000 + 10 000 = 60 000; 2: 3 000 + 15 000 = 18 000; 3: 12 000;
    // 6: 10 000 + 1 000 = 11 000; 7: 1 789; 8: 38 648; 9: 21 500; 10: 7 400;
    // 11: 10 715,50 + 7 115,50 = 17 831. 110 239 + 32 466 + 60 000 + 18 000
    // + 12 000 + 11 000 + 1 789 + 38 648 + 21 500 + 7 400 + 17 831 = 330 873.
    // Département: 141 039 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000
    // + 1 789 + 12 352 + 21 500 + 7 400 + 13 327 = 330 873.
    // Total: 330 873 × 2 = 661 746.
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(planned.by_funder, vec![d("330873"), d("330873")]);
    assert_eq!(planned.total, d("661746"));
    // Action 5 (the first block): State 24 600 + 85 639 = 110 239,
    // Département 85 639 + 55 400 = 141 039.
    let first = &report.actions[0]
        .figures
        .planned
        .as_ref()
        .unwrap()
        .by_funder;
    assert_eq!(*first, vec![d("110239"), d("141039")]);
    // Action 8 declares « Consommation totale : 51 000€ » against
    // 38 468 + 12 352 = 50 820 executed: the one slip of the report.
    let mismatches: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DeclaredMismatch)
        .collect();
    assert_eq!(mismatches.len(), 1, "{mismatches:#?}");
    let w = mismatches[0];
    assert_eq!(w.scope, Some(Scope::Action(7)));
    assert_eq!(w.figure, Some(Figure::ExecutedTotal));
    assert_eq!(w.declared, Some(d("51000")));
    assert_eq!(w.computed, Some(d("50820")));
}

/// The Vienne annex as a PDF table, its cells' text at the top or in the
/// middle of each cell: the same actions as the spreadsheet's paste, the
/// headings written on several lines made one, and the figures worked by
/// hand in `tests/read_aligned.rs`.
fn vienne_pdf_reads_as_the_spreadsheet_paste(valign: &str) {
    let pdf = tsv_as_pdf_table("vienne-2024-solidarites.tsv", valign);
    let Opened::Table { kind, reading, .. } =
        files::open("annexe.pdf", &pdf, &ReadOptions::default()).unwrap()
    else {
        panic!("a PDF table is a table");
    };
    assert_eq!(kind, FileKind::Pdf);
    assert_eq!(reading.refused, None);
    assert_eq!(reading.errors, vec![]);
    // Said: the columns were found from the alignment.
    assert!(
        reading
            .assumptions
            .iter()
            .any(|a| matches!(a.kind, AssumptionKind::AlignedColumns)),
        "{:#?}",
        reading.assumptions
    );
    let headers: Vec<&str> = reading.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
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
    let tsv = read_table(&fixture("vienne-2024-solidarites.tsv"));
    assert_eq!(actions(&reading), actions(&tsv));
    assert_eq!(
        reading.convention.actions[2].title, "Prévention spécialisée aux 12-25 ans",
        "a title wrapped in its cell is one title"
    );
    assert_eq!(reading.convention.groups.len(), 3);
    let report = report::compute(&reading.convention);
    // A 558 633, B 681 524, C 535 493, F 1 775 650 (tests/read_aligned.rs).
    let planned = report.grand.planned.as_ref().unwrap();
    assert_eq!(
        planned.by_funder,
        vec![d("558633"), d("681524"), d("535493")]
    );
    assert_eq!(planned.total, d("1775650"));
    // The TOTAL FINANCIER line's 1 815 650 € declared, 40 000 € more.
    assert!(report
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DeclaredMismatch
            && w.scope == Some(Scope::Grand)
            && w.declared == Some(d("1815650"))
            && w.computed == Some(d("1775650"))));
}

#[test]
fn a_pdf_table_with_its_text_at_the_top_of_its_cells() {
    vienne_pdf_reads_as_the_spreadsheet_paste("top");
}

#[test]
fn a_pdf_table_with_its_text_in_the_middle_of_its_cells() {
    vienne_pdf_reads_as_the_spreadsheet_paste("middle");
}

#[test]
fn a_pdf_without_text_is_a_scanned_document() {
    let pdf = pdf_without_text();
    assert_eq!(files::kind_of("scan.pdf", &pdf), Some(FileKind::Pdf));
    let e = files::open("scan.pdf", &pdf, &ReadOptions::default()).unwrap_err();
    assert_eq!(e, FileError::ScannedPdf);
    assert_eq!(
        e.to_string(),
        "Ce PDF ne contient pas de texte : c'est sans doute un document scanné. Copiez les \
         montants dans un tableau, ou passez-le d'abord par une reconnaissance de caractères \
         (OCR)."
    );
    assert_eq!(
        e.message(Lang::En),
        "This PDF has no text: it is probably a scanned document. Copy the amounts into a \
         table, or run it through optical character recognition (OCR) first."
    );
}

#[test]
fn a_damaged_pdf_is_an_error_not_a_panic() {
    let open = |bytes: &[u8]| files::open("rapport.pdf", bytes, &ReadOptions::default());
    // Not a PDF at all, behind a PDF's name or a PDF's signature.
    assert!(matches!(
        open(b"ceci n'est pas un PDF"),
        Err(FileError::Pdf { .. })
    ));
    let Err(FileError::Pdf { message }) = open(b"%PDF-1.4\n\x00\x01\x02garbage") else {
        panic!("garbage after a PDF signature is a damaged PDF");
    };
    let told = FileError::Pdf { message }.to_string();
    assert!(
        told.starts_with("PDF illisible : fichier endommagé"),
        "{told}"
    );
    // The real PDF cut short: what is left of its head is no PDF; a longer
    // cut may be read (the PDF reader finds the objects without the table at
    // the end) or not, but never panics.
    let whole = fixture_as_pdf("creuse-2023-rapport-execution.txt");
    for len in [0, 9, 100, 1000] {
        let cut = whole.get(..len).unwrap();
        assert!(
            matches!(open(cut), Err(FileError::Pdf { .. })),
            "cut at {len}"
        );
    }
    for len in [whole.len() / 3, whole.len() / 2, whole.len() - 10] {
        let _ = open(whole.get(..len).unwrap());
    }
    // Its bytes scrambled after the head: an error or a reading, not a panic.
    let mut scrambled = whole.clone();
    for (i, b) in scrambled.iter_mut().enumerate().skip(2000).step_by(97) {
        *b = b.wrapping_add(i as u8);
    }
    let _ = open(&scrambled);
}
