//! Subtotal rows in every layout users paste: below their actions with no
//! group heading nor group column (the Vienne council report, `TOTAL AXE 1`),
//! after a group column, after a group heading row. Figures from the source
//! document or worked by hand; a property: inserting the subtotal rows, in any
//! layout, changes no figure.

mod support;
use support::{d, fixture};

use budget_core::read::{other_reading, read_table, read_table_with, AssumptionKind};
use budget_core::report::{self, Report};
use budget_core::{Decimal, GroupKind};
use proptest::prelude::*;

/// The Vienne 2024 council report's table (`DEPARTEMENT | ETAT`, `Action 1.1
/// …` titles, `TOTAL AXE n …` rows under their actions, a final `TOTAL`),
/// copied from the report without its markup.
#[test]
fn the_vienne_council_table_forms_its_axes_from_their_total_rows() {
    let r = read_table(&fixture("vienne-2024-conseil-axes.tsv"));
    assert_eq!(r.errors, vec![]);
    let conv = &r.convention;
    assert_eq!(conv.actions.len(), 15);
    assert_eq!(conv.actions[0].number, "1.1");
    assert_eq!(conv.actions[0].title, "Crèche familiale préventive");
    assert_eq!(conv.actions[14].number, "4.6");
    let names: Vec<&str> = conv.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "AXE 1 Prévenir la pauvreté et lutter contre les inégalités dès l'enfance",
            "AXE 3 Lutter contre la grande exclusion grâce à l'accès aux droits",
            "AXE 4 Construire une transition écologique solidaire",
        ]
    );
    assert!(conv.groups.iter().all(|g| g.kind == GroupKind::Axe));
    let report = report::compute(conv);
    let (state, dept) = (conv.state().unwrap(), conv.departement_funder().unwrap());
    let planned = |g: usize| report.groups[g].figures.planned.clone().unwrap();
    // The report's own subtotals: Axe 1 D 290 698 / É 238 205; Axe 3 D 235 000
    // / É 230 000; Axe 4 D 110 428 / É 110 428.
    assert_eq!(
        (planned(0).by_funder[dept], planned(0).by_funder[state]),
        (d("290698"), d("238205"))
    );
    assert_eq!(
        (planned(1).by_funder[dept], planned(1).by_funder[state]),
        (d("235000"), d("230000"))
    );
    assert_eq!(
        (planned(2).by_funder[dept], planned(2).by_funder[state]),
        (d("110428"), d("110428"))
    );
    // TOTAL: D 636 126, É 578 633 (the envelope notified in 2024).
    let grand = report.grand.planned.as_ref().unwrap();
    assert_eq!(grand.by_funder[dept], d("636126"));
    assert_eq!(grand.by_funder[state], d("578633"));
    // The document is right: no slip, no breach (3.3: 10 000 of 25 000).
    assert_eq!(report.warnings, vec![], "{:#?}", report.warnings);
    // Said as a guess, with the rows named.
    let guess = r
        .assumptions
        .iter()
        .find(|a| a.kind == AssumptionKind::GroupsFromSubtotals)
        .unwrap();
    assert_eq!(
        guess.rows.iter().map(|(row, _)| *row).collect::<Vec<_>>(),
        [6, 12, 19]
    );
    assert!(guess
        .message(budget_core::Lang::Fr)
        .contains("« TOTAL AXE 3"));
}

#[test]
fn the_other_reading_ignores_the_total_rows_instead() {
    let text = fixture("vienne-2024-conseil-axes.tsv");
    let r = read_table(&text);
    let guess = r
        .assumptions
        .iter()
        .find(|a| a.kind == AssumptionKind::GroupsFromSubtotals)
        .unwrap();
    let again = read_table_with(&text, &other_reading(&r, [guess]));
    assert!(again.convention.groups.is_empty());
    let report = report::compute(&again.convention);
    // Still the final TOTAL against every action: right.
    assert_eq!(report.warnings, vec![]);
}

#[test]
fn a_wrong_axe_total_is_a_slip_of_that_axe_only() {
    // The Creuse report's kind of slip: Axe 4's State total says 110 428 but
    // make one action 20 000 short (action 4.3: 30 000 → 10 000).
    let text = fixture("vienne-2024-conseil-axes.tsv").replacen(
        "garage solidaire, lever le frein de la mobilité\t30 000 €\t30 000 €",
        "garage solidaire, lever le frein de la mobilité\t30 000 €\t10 000 €",
        1,
    );
    let report = report::compute(&read_table(&text).convention);
    let slips: Vec<String> = report
        .warnings
        .iter()
        .map(|w| w.message(budget_core::Lang::Fr))
        .collect();
    // Axe 4: declared 110 428, computed 90 428; TOTAL: 578 633 against 558 633.
    assert_eq!(slips.len(), 2, "{slips:#?}");
    assert!(
        slips[0].contains("TOTAL AXE 4") && slips[0].contains("20\u{202f}000,00"),
        "{slips:#?}"
    );
}

/// One action: number, title, State and Département amounts in cents.
#[derive(Clone, Debug)]
struct Line {
    state: u32,
    dept: u32,
}

fn cents(v: u32) -> String {
    // 1234567 → "12 345,67"
    let (e, c) = (v / 100, v % 100);
    let mut s = e.to_string();
    let mut i = s.len();
    while i > 3 {
        i -= 3;
        s.insert(i, ' ');
    }
    format!("{s},{c:02}")
}

fn sum(lines: &[Line], f: impl Fn(&Line) -> u32) -> u32 {
    lines.iter().map(f).sum()
}

/// The same groups of actions as a table: plain (no subtotal rows), or with
/// subtotal rows in one of four layouts: 1 a group column and « Sous total »
/// rows, 2 group heading rows and « Sous total » rows, 3 « TOTAL AXE n » rows
/// below their actions, 4 group rows carrying their subtotal above them.
fn table(groups: &[Vec<Line>], layout: u8) -> String {
    let mut out = String::new();
    let mut n = 0;
    match layout {
        1 => out.push_str("N°\tIntitulé\tAxe\tEtat\tDépartement\n"),
        _ => out.push_str("N°\tIntitulé\tEtat\tDépartement\n"),
    }
    for (g, lines) in groups.iter().enumerate() {
        if layout == 2 {
            out.push_str(&format!("Axe {}\n", g + 1));
        }
        if layout == 4 {
            // A group row carrying its subtotal, above its actions.
            let (s, dd) = (sum(lines, |l| l.state), sum(lines, |l| l.dept));
            out.push_str(&format!(
                "\tGroupe {}\t{}\t{}\n",
                g + 1,
                cents(s),
                cents(dd)
            ));
        }
        for (i, l) in lines.iter().enumerate() {
            n += 1;
            let group_cell = if layout == 1 && i == 0 {
                format!("\tAxe {}", g + 1)
            } else if layout == 1 {
                "\t".into()
            } else {
                String::new()
            };
            out.push_str(&format!(
                "{n}\tAction {n}{group_cell}\t{}\t{}\n",
                cents(l.state),
                cents(l.dept)
            ));
        }
        let (s, dd) = (sum(lines, |l| l.state), sum(lines, |l| l.dept));
        match layout {
            1 => out.push_str(&format!("\tSous total\t\t{}\t{}\n", cents(s), cents(dd))),
            2 => out.push_str(&format!("\tSous total\t{}\t{}\n", cents(s), cents(dd))),
            3 => out.push_str(&format!(
                "TOTAL AXE {}\t\t{}\t{}\n",
                g + 1,
                cents(s),
                cents(dd)
            )),
            _ => {}
        }
    }
    let all: Vec<Line> = groups.iter().flatten().cloned().collect();
    let (s, dd) = (sum(&all, |l| l.state), sum(&all, |l| l.dept));
    let pad = if layout == 1 { "\t\t\t" } else { "\t\t" };
    out.push_str(&format!("TOTAL{pad}{}\t{}\n", cents(s), cents(dd)));
    out
}

fn figures(r: &Report) -> (Decimal, Vec<Decimal>, usize) {
    let g = r.grand.planned.as_ref().unwrap();
    (g.total, g.by_funder.clone(), r.actions.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn subtotal_rows_in_any_layout_change_no_figure(
        groups in prop::collection::vec(
            prop::collection::vec((1u32..5_000_000, 1u32..5_000_000).prop_map(|(state, dept)| Line { state, dept }), 1..5),
            1..4,
        ),
        layout in 1u8..5,
    ) {
        let plain = report::compute(&read_table(&table(&groups, 0)).convention);
        let with = read_table(&table(&groups, layout));
        prop_assert_eq!(&with.errors, &vec![]);
        let with = report::compute(&with.convention);
        prop_assert_eq!(figures(&plain), figures(&with));
        // Each group's subtotal is the sum of its actions: no slip.
        prop_assert_eq!(&with.warnings.iter().filter(|w| w.kind == budget_core::checks::WarningKind::DeclaredMismatch).count(), &0);
        prop_assert_eq!(with.groups.len(), groups.len());
    }
}

/// A bold « Insertion » row with its own amounts, then its actions: the group
/// and its subtotal, not counted twice. Insertion: État 20 000 + 10 000 =
/// 30 000, Département 20 000 + 25 000 = 45 000; Enfance over one action
/// (12 000 / 12 000), taken because the table's TOTAL then adds up: État
/// 30 000 + 12 000 = 42 000, Département 45 000 + 12 000 = 57 000.
#[test]
fn group_rows_carrying_their_subtotal_are_not_counted_twice() {
    let text = "Intitulé\tEtat\tDépartement\n\
                Insertion\t30 000\t45 000\n\
                Référents de parcours\t20 000\t20 000\n\
                Chantiers d'insertion\t10 000\t25 000\n\
                Enfance\t12 000\t12 000\n\
                Crèche préventive\t12 000\t12 000\n\
                TOTAL\t42 000\t57 000\n";
    let r = read_table(text);
    let conv = &r.convention;
    let titles: Vec<&str> = conv.actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Référents de parcours",
            "Chantiers d'insertion",
            "Crèche préventive"
        ]
    );
    let groups: Vec<&str> = conv.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["Insertion", "Enfance"]);
    let report = report::compute(conv);
    let grand = report.grand.planned.as_ref().unwrap();
    assert_eq!(grand.total, d("99000"));
    assert_eq!(report.warnings, vec![]);
    let guess = r
        .assumptions
        .iter()
        .find(|a| a.kind == AssumptionKind::GroupRowsWithSubtotal)
        .unwrap();
    assert_eq!(
        guess.rows.iter().map(|(row, _)| *row).collect::<Vec<_>>(),
        [2, 5]
    );
    // The other reading: every row an action (and the TOTAL a slip).
    let again = read_table_with(text, &other_reading(&r, [guess]));
    assert_eq!(again.convention.actions.len(), 5);
    assert!(again.convention.groups.is_empty());
}

/// Without a TOTAL to settle it, one unnumbered row over one other is not
/// taken for a group: two actions with the same amounts are common.
#[test]
fn two_rows_with_the_same_amounts_stay_two_actions() {
    let r = read_table(
        "Intitulé\tEtat\tDépartement\nAccueil\t12 000\t12 000\nMobilité\t12 000\t12 000\n",
    );
    assert_eq!(r.convention.actions.len(), 2);
    assert!(r.assumptions.is_empty());
}

/// A row whose amounts are not exactly those of the rows below it is not
/// taken for their group: the reader never invents a subtotal that does not
/// add up (Insertion says 31 000 for the State, its rows 20 000 + 10 000).
#[test]
fn a_group_row_that_does_not_add_up_is_not_guessed() {
    let r = read_table(
        "Intitulé\tEtat\tDépartement\nInsertion\t31 000\t45 000\nRéférents\t20 000\t20 000\nChantiers\t10 000\t25 000\n",
    );
    assert_eq!(r.convention.actions.len(), 3);
    assert!(r.convention.groups.is_empty());
}

/// A second table's headings in the middle (`ACTIONS EMPLOI-INSERTION |
/// DEPARTEMENT | ETAT`) start a group, and the first table's actions are
/// named after its first heading; the same headings repeated after a page
/// break are read as headings, not as an action of unreadable cells.
#[test]
fn a_header_row_inside_the_table_starts_a_group() {
    let text = "ACTIONS SOLIDARITES\tDEPARTEMENT\tETAT\n\
                Action 1.1 Crèche familiale\t146 000 €\t93 507 €\n\
                Action 1.2 Thérapie familiale\t50 000 €\t50 000 €\n\
                ACTIONS EMPLOI-INSERTION\tDEPARTEMENT\tETAT\n\
                Action 1 Référents de parcours\t40 000 €\t40 000 €\n\
                ACTIONS SOLIDARITES\tDEPARTEMENT\tETAT\n\
                TOTAL\t236 000 €\t183 507 €\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![], "no unreadable cell");
    let groups: Vec<&str> = r
        .convention
        .groups
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(groups, ["ACTIONS SOLIDARITES", "ACTIONS EMPLOI-INSERTION"]);
    assert_eq!(r.convention.actions.len(), 3);
    assert_eq!(r.rows[5].kind, budget_core::read::RowKind::Header);
    let report = report::compute(&r.convention);
    // 146 000 + 50 000 + 40 000 = 236 000; 93 507 + 50 000 + 40 000 = 183 507.
    assert_eq!(report.warnings, vec![]);
    assert!(r
        .assumptions
        .iter()
        .any(|a| a.kind == AssumptionKind::HeaderRowInside && a.rows[0].0 == 4));
}
