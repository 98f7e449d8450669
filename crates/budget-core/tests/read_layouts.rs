//! Tables in other layouts than the two fixtures, written by hand.

mod support;
use support::d;

use budget_core::number::NumberError;
use budget_core::read::{
    other_reading, read_table, read_table_with, CellError, ColumnRole, FunderRef, ReadOptions,
    Reading, RowKind,
};
use budget_core::{Decimal, GroupKind, Measure, Part, Scope};

fn roles(r: &Reading) -> Vec<ColumnRole> {
    r.columns.iter().map(|c| c.role.clone()).collect()
}

fn kinds(r: &Reading) -> Vec<(usize, RowKind)> {
    r.rows
        .iter()
        .map(|row| (row.row, row.kind.clone()))
        .collect()
}

/// (funder, value) of each planned amount of action `a`.
fn planned(r: &Reading, a: usize) -> Vec<(usize, Decimal)> {
    r.convention.actions[a]
        .planned
        .iter()
        .map(|p| (p.funder, p.value))
        .collect()
}

fn declared(r: &Reading, scope: Scope, measure: Measure) -> Option<Decimal> {
    r.convention
        .declared
        .iter()
        .find(|x| x.scope == scope && x.measure == measure)
        .map(|x| x.value)
}

#[test]
fn semicolon_csv_with_decimal_commas_and_a_quoted_cell() {
    // The second row's title holds a `;` and a line break: one cell, one row.
    let text = "N°;Intitulé;Part Etat;Part CD\r\n\
                1;\"Accueil; orientation\r\net suivi\";1 234,50;2 000,00\r\n\
                2;Mobilité;500;\"1 500,25\"\r\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    assert_eq!(
        roles(&r),
        [
            ColumnRole::Number,
            ColumnRole::Title,
            ColumnRole::Planned {
                funder: FunderRef::State,
                part: Part::Base,
                year: None
            },
            ColumnRole::Planned {
                funder: FunderRef::Departement,
                part: Part::Base,
                year: None
            },
        ]
    );
    assert_eq!(r.convention.actions.len(), 2);
    assert_eq!(
        r.convention.actions[0].title,
        "Accueil; orientation\r\net suivi"
    );
    assert_eq!(planned(&r, 0), [(0, d("1234.50")), (1, d("2000"))]);
    assert_eq!(planned(&r, 1), [(0, d("500")), (1, d("1500.25"))]);
    // Spreadsheet rows, not text lines: the quoted line break stays in row 2.
    assert_eq!(
        kinds(&r),
        [
            (1, RowKind::Header),
            (2, RowKind::Action(0)),
            (3, RowKind::Action(1))
        ]
    );
}

#[test]
fn comma_csv_in_english() {
    let text = "Action,Title,State,Departement\n7,Mobility,\"1,000.50\",250.75\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    assert_eq!(roles(&r)[0], ColumnRole::Number);
    // "State" is not a French heading: without it, only the Département column is known.
    assert_eq!(
        roles(&r)[3],
        ColumnRole::Planned {
            funder: FunderRef::Departement,
            part: Part::Base,
            year: None
        }
    );
    assert_eq!(r.convention.actions.len(), 1);
    assert_eq!(planned(&r, 0), [(1, d("250.75"))]);
}

#[test]
fn header_on_row_3_under_titles() {
    let text = "Contrat départemental des solidarités 2024\n\
                (montants en euros)\n\
                Action\tIntitulé\tEtat\tDépartement\tObservations\n\
                1\tCrèche familiale\t93 507\t146 000\tà revoir\n\
                2\tThérapie familiale\t50 000\t50 000\t\n";
    let r = read_table(text);
    assert_eq!(r.header_row, Some(3));
    assert_eq!(
        r.convention.title,
        "Contrat départemental des solidarités 2024"
    );
    assert_eq!(
        kinds(&r),
        [
            (1, RowKind::Ignored),
            (2, RowKind::Ignored),
            (3, RowKind::Header),
            (4, RowKind::Action(0)),
            (5, RowKind::Action(1)),
        ]
    );
    assert_eq!(roles(&r)[4], ColumnRole::Comments);
    assert_eq!(r.convention.actions[0].comments, "à revoir");
    assert_eq!(planned(&r, 0), [(0, d("93507")), (1, d("146000"))]);
    assert_eq!(r.convention.actions[1].source_row, Some(5));
}

#[test]
fn bare_year_columns_without_a_funder_are_the_actions_own_amounts() {
    // No heading names a funder: each year's amount is the action's cost that
    // year, not the State's (which would make every row a 100 % State breach).
    let text = "N°\tIntitulé\t2024\t2025\t2026\n\
                1\tAccompagnement\t100 000\t110 000\t120 000\n";
    let r = read_table(text);
    let year = |funder, y| ColumnRole::Planned {
        funder,
        part: Part::Base,
        year: Some(y),
    };
    let own = |y| year(FunderRef::Unsplit, y);
    assert_eq!(&roles(&r)[2..], [own(2024), own(2025), own(2026)]);
    assert_eq!(r.convention.years, [2024, 2025, 2026]);
    assert!(!r.convention.is_split());
    let amounts: Vec<_> = r.convention.actions[0]
        .planned
        .iter()
        .map(|p| (p.funder, p.year, p.value))
        .collect();
    assert_eq!(
        amounts,
        [
            (0, Some(2024), d("100000")),
            (0, Some(2025), d("110000")),
            (0, Some(2026), d("120000"))
        ]
    );
    // Said, with the State's reading one step away.
    let guess = &r.assumptions[0];
    let state = |y| year(FunderRef::State, y);
    assert_eq!(
        guess.alternative,
        [(3, state(2024)), (4, state(2025)), (5, state(2026))]
    );
    let again = read_table_with(text, &other_reading(&r, [guess]));
    assert_eq!(&roles(&again)[2..], [state(2024), state(2025), state(2026)]);
    assert!(again.assumptions.is_empty());
}

#[test]
fn year_columns_per_funder_with_year_totals() {
    // Etat 2024 + CD 2024 = 40 000 + 60 000 = 100 000 = Total 2024;
    // the bare "2025" next to "Etat 2025" is that year's total.
    let text = "N°\tIntitulé\tEtat 2024\tCD 2024\tTotal 2024\tEtat 2025\t2025\n\
                1\tMobilité\t40 000\t60 000\t100 000\t45 000\t45 000\n";
    let r = read_table(text);
    let planned_in = |funder, y| ColumnRole::Planned {
        funder,
        part: Part::Base,
        year: Some(y),
    };
    assert_eq!(
        &roles(&r)[2..],
        [
            planned_in(FunderRef::State, 2024),
            planned_in(FunderRef::Departement, 2024),
            ColumnRole::YearTotal(2024),
            planned_in(FunderRef::State, 2025),
            ColumnRole::YearTotal(2025),
        ]
    );
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::Year(2024)),
        Some(d("100000"))
    );
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::Year(2025)),
        Some(d("45000"))
    );
    assert_eq!(r.convention.actions[0].planned.len(), 3);
}

#[test]
fn a_calculation_in_a_cell() {
    // Vienne's CDDI aid: 534,82 € a month × 12 months = 6 417,84 €.
    let text = "N°\tIntitulé\tEtat\tCD\n1\tCDDI\t=534,82*12\t6 417,84\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    let amount = &r.convention.actions[0].planned[0];
    assert_eq!(amount.value, d("6417.84"));
    assert_eq!(amount.formula.as_deref(), Some("=534,82*12"));
    assert_eq!(r.convention.actions[0].planned[1].formula, None);
}

#[test]
fn an_unreadable_cell_is_reported_and_the_rest_kept() {
    let text = "N°\tIntitulé\tEtat\tCD\tBudget total\n\
                1\tCrèche\t10 000\t20 000\t30 000\n\
                2\tMobilité\t12,5O\t7 500\t=1/0\n\
                3\tLogement\t1 000\t1 000\t2 000\n";
    let r = read_table(text);
    assert_eq!(r.convention.actions.len(), 3);
    // Row 3: State unreadable, CD kept, the total's calculation fails.
    assert_eq!(planned(&r, 1), [(1, d("7500"))]);
    assert_eq!(declared(&r, Scope::Action(1), Measure::PlannedTotal), None);
    assert_eq!(planned(&r, 2), [(0, d("1000")), (1, d("1000"))]);
    assert_eq!(r.errors.len(), 2);
    assert_eq!(
        r.errors[0],
        CellError {
            row: 3,
            column: 3,
            header: "Etat".into(),
            text: "12,5O".into(),
            reason: NumberError::Unreadable {
                text: "12,5O".into()
            },
        }
    );
    assert_eq!(
        r.errors[0].to_string(),
        "ligne 3, colonne « Etat » : « 12,5O » — montant illisible"
    );
    assert_eq!((r.errors[1].row, r.errors[1].column), (3, 5));
    assert!(matches!(r.errors[1].reason, NumberError::Expression(_)));
    assert_eq!(
        r.errors[1].to_string(),
        "ligne 3, colonne « Budget total » : « =1/0 » — calcul impossible : division par zéro (caractère 3)"
    );
}

#[test]
fn a_percentage_in_an_amount_column_is_an_error() {
    let text = "N°\tEtat\tCD\n1\t50 %\t100\n";
    let r = read_table(text);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        r.errors[0].reason,
        NumberError::UnexpectedPercent {
            text: "50 %".into()
        }
    );
    assert_eq!(planned(&r, 0), [(1, d("100"))]);
}

#[test]
fn not_available_and_zero_marks() {
    let text = "N°\tEtat\tCD\tAutres financeurs\n1\tn/a\t-  €\tND\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    // n/a and ND: no amount; "-  €": zero, written.
    assert_eq!(planned(&r, 0), [(1, d("0"))]);
}

#[test]
fn blank_lines_keep_spreadsheet_row_numbers() {
    let text = "N°\tEtat\tCD\n\n1\t10\t20\n\r\n\r\n2\t\"3\n0\"\t40\n3\tx\t50\n";
    // Row 6 holds a quoted line break ("3\n0": not a number), row 7 is action 3.
    let r = read_table(text);
    assert_eq!(
        kinds(&r),
        [
            (1, RowKind::Header),
            (2, RowKind::Empty),
            (3, RowKind::Action(0)),
            (4, RowKind::Empty),
            (5, RowKind::Empty),
            (6, RowKind::Action(1)),
            (7, RowKind::Action(2)),
        ]
    );
    let rows: Vec<_> = r.errors.iter().map(|e| (e.row, e.column)).collect();
    assert_eq!(rows, [(6, 2), (7, 2)]);
}

#[test]
fn utf8_bom_and_cr_only_lines() {
    let text = "\u{FEFF}N°\tEtat\r1\t5\r2\t6";
    let r = read_table(text);
    assert_eq!(r.header_row, Some(1));
    assert_eq!(r.columns[0].header, "N°");
    assert_eq!(planned(&r, 1), [(0, d("6"))]);
    assert_eq!(r.convention.actions[1].source_row, Some(3));
}

#[test]
fn group_heading_rows_and_labelled_subtotals() {
    // Sous-total Mesure 1 = 1 000 + 2 000 = 3 000 (State), 500 + 500 = 1 000 (CD).
    let text = "N°\tIntitulé\tEtat\tCD\n\
                Mesure 1 – Accès aux droits\n\
                1.1\tMaraudes\t1 000\t500\n\
                1.2\tDomiciliation\t2 000\t500\n\
                \tSous-total - Mesure 1\t3 000\t1 000\n\
                Mesure 2 – Emploi\t\t\t\n\
                2.1\tMobilité\t4 000\t4 000\n\
                \tSous-total - Mesure 2\t4 000\t4 000\n\
                \tTotal général\t7 000\t5 000\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    let conv = &r.convention;
    assert_eq!(conv.groups.len(), 2);
    assert_eq!(conv.groups[0].kind, GroupKind::Mesure);
    assert_eq!(conv.groups[0].name, "Mesure 1 – Accès aux droits");
    assert_eq!(
        kinds(&r),
        [
            (1, RowKind::Header),
            (2, RowKind::GroupHeading(0)),
            (3, RowKind::Action(0)),
            (4, RowKind::Action(1)),
            (
                5,
                RowKind::Subtotal {
                    label: "Sous-total - Mesure 1".into()
                }
            ),
            (6, RowKind::GroupHeading(1)),
            (7, RowKind::Action(2)),
            (
                8,
                RowKind::Subtotal {
                    label: "Sous-total - Mesure 2".into()
                }
            ),
            (
                9,
                RowKind::GrandTotal {
                    label: "Total général".into()
                }
            ),
        ]
    );
    let groups: Vec<_> = conv.actions.iter().map(|a| a.group).collect();
    assert_eq!(groups, [Some(0), Some(0), Some(1)]);
    assert_eq!(conv.actions[0].number, "1.1");
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(0)),
        Some(d("3000"))
    );
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(1)),
        Some(d("1000"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(0)),
        Some(d("7000"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(1)),
        Some(d("5000"))
    );
}

#[test]
fn plain_total_rows_per_group_then_for_the_table() {
    let text = "Volet\tN°\tEtat\n\
                Volet 1\t1\t100\n\
                \t2\t200\n\
                \tTotal\t300\n\
                Volet 2\t3\t50\n\
                \tTotal\t50\n\
                \tTotal\t350\n";
    let r = read_table(text);
    let conv = &r.convention;
    assert_eq!(conv.groups.len(), 2);
    assert_eq!(conv.groups[1].kind, GroupKind::Volet);
    // Each "Total" right after a group's actions is the group's; the last one,
    // after a closed group, the table's: 100 + 200 + 50 = 350.
    assert_eq!(
        declared(&r, Scope::Group(0), Measure::Planned(0)),
        Some(d("300"))
    );
    assert_eq!(
        declared(&r, Scope::Group(1), Measure::Planned(0)),
        Some(d("50"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(0)),
        Some(d("350"))
    );
    assert_eq!(
        r.rows[6].kind,
        RowKind::GrandTotal {
            label: "Total".into()
        }
    );
}

#[test]
fn a_single_total_after_groups_without_subtotals_is_the_tables() {
    let text = "Axe\tN°\tEtat\n\
                Axe 1\t1\t100\n\
                Axe 2\t2\t200\n\
                \tTOTAL\t300\n";
    let r = read_table(text);
    assert_eq!(r.convention.groups.len(), 2);
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(0)),
        Some(d("300"))
    );
    assert_eq!(declared(&r, Scope::Group(1), Measure::Planned(0)), None);
}

#[test]
fn total_rows_sum_a_funders_columns() {
    // Report Etat + Avenant Etat on the TOTAL row: 10 + 5 = 15 declared for the
    // State; "Total Etat" repeats that sum and is not read as another amount.
    let text = "N°\tReport Etat\tAvenant Etat\tTotal Etat\tCD\n\
                1\t10\t5\t15\t7\n\
                TOTAL\t10\t5\t15\t7\n";
    let r = read_table(text);
    assert_eq!(roles(&r)[3], ColumnRole::Ignored);
    assert_eq!(planned(&r, 0), [(0, d("10")), (0, d("5")), (1, d("7"))]);
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(0)),
        Some(d("15"))
    );
    assert_eq!(
        declared(&r, Scope::Grand, Measure::Planned(1)),
        Some(d("7"))
    );
}

#[test]
fn named_funders_and_execution_columns() {
    let text =
        "N°\tEtat\tCAF\tMSA\tCrédits engagés Etat\tRéalisé CD\tMontant à reporter\tTaux (%)\n\
                1\t100\t30\t20\t90\t40\t10\t80\n";
    let r = read_table(text);
    assert_eq!(r.errors, vec![]);
    let names: Vec<_> = r
        .convention
        .funders
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["État", "Département", "CAF", "MSA"]);
    let a = &r.convention.actions[0];
    assert_eq!(planned(&r, 0), [(0, d("100")), (2, d("30")), (3, d("20"))]);
    assert_eq!(a.execution.committed[0].funder, 0);
    assert_eq!(a.execution.committed[0].value, d("90"));
    assert_eq!(a.execution.executed[0].funder, 1);
    // "Montant à reporter" without a funder: the action's own figure, not
    // the State's (the table splits by funder, this column does not).
    assert!(a.execution.to_carry_over.is_empty());
    assert_eq!(a.execution.to_carry_over_total, Some(d("10")));
    // "Taux (%)" holding 80: 80 % = 0.8.
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::ConsumptionRate),
        Some(d("0.8"))
    );
}

#[test]
fn an_executed_total_alone_is_the_actions_executed_spending() {
    let text = "N°\tEtat\tConsommation totale\n1\t100\t80\n";
    let r = read_table(text);
    let a = &r.convention.actions[0];
    assert_eq!(a.execution.executed_total, Some(d("80")));
    assert_eq!(
        declared(&r, Scope::Action(0), Measure::ExecutedTotal),
        Some(d("80"))
    );
}

#[test]
fn options_override_the_header_row_and_roles() {
    // The table has no recognisable headings; the caller says row 2 holds them and
    // what each column is. The third column's role is still detected ("CD").
    let text = "Tableau\nCode\tNom\tCD\nA1\tCrèche\t12\n";
    let options = ReadOptions {
        header_row: Some(2),
        columns: Some(vec![ColumnRole::Number, ColumnRole::Title]),
        groups_from_subtotals: None,
        group_rows: None,
        amounts: Vec::new(),
    };
    let r = read_table_with(text, &options);
    assert_eq!(r.header_row, Some(2));
    assert_eq!(
        roles(&r),
        [
            ColumnRole::Number,
            ColumnRole::Title,
            ColumnRole::Planned {
                funder: FunderRef::Departement,
                part: Part::Base,
                year: None
            }
        ]
    );
    assert_eq!(r.convention.actions[0].number, "A1");
    assert_eq!(r.convention.actions[0].title, "Crèche");
    assert_eq!(planned(&r, 0), [(1, d("12"))]);
    assert_eq!(r.rows[0].kind, RowKind::Ignored);
}

#[test]
fn without_headings_the_columns_are_guessed_from_content() {
    let text = "1\tCrèche\t93 507\t146 000\n2\tThérapie\t50 000\t50 000\n";
    let r = read_table(text);
    assert_eq!(r.header_row, None);
    assert_eq!(
        roles(&r),
        [
            ColumnRole::Number,
            ColumnRole::Title,
            ColumnRole::Planned {
                funder: FunderRef::State,
                part: Part::Base,
                year: None
            },
            ColumnRole::Planned {
                funder: FunderRef::Departement,
                part: Part::Base,
                year: None
            },
        ]
    );
    assert_eq!(r.convention.actions.len(), 2);
    assert_eq!(planned(&r, 1), [(0, d("50000")), (1, d("50000"))]);
}

#[test]
fn empty_text() {
    let r = read_table("");
    assert_eq!(r.convention.actions.len(), 0);
    assert_eq!(r.rows, vec![]);
    assert_eq!(r.header_row, None);
    let r = read_table("\n\n");
    assert!(r.rows.iter().all(|row| row.kind == RowKind::Empty));
}

#[test]
fn reading_serialises_to_json() {
    let r = read_table("N°\tEtat\n1\t12,5O\n");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["errors"][0]["row"], 2);
    assert_eq!(json["errors"][0]["header"], "Etat");
    assert_eq!(json["rows"][1]["kind"]["action"], 0);
}

#[test]
fn notes_below_the_grand_total_are_ignored() {
    let text = "Axe\tN°\tIntitulé\tEtat\n\
                Axe 1\t1\tCrèche\t100\n\
                \t\tTOTAL\t100\n\
                Source : délibération du 12 mars 2024\t\t\t\n\
                \t\t* montants prévisionnels\t\n";
    let r = read_table(text);
    assert_eq!(r.convention.groups.len(), 1);
    assert_eq!(r.convention.actions.len(), 1);
    assert_eq!(r.rows[3].kind, RowKind::Ignored);
    assert_eq!(r.rows[4].kind, RowKind::Ignored);
}

#[test]
fn header_row_zero_means_no_headings() {
    // Without the option, row 1 ("N°", "Etat") would be taken as headings.
    let text = "N°\tEtat\n1\t100\n";
    let options = ReadOptions {
        header_row: Some(0),
        columns: None,
        groups_from_subtotals: None,
        group_rows: None,
        amounts: Vec::new(),
    };
    let r = read_table_with(text, &options);
    assert_eq!(r.header_row, None);
    assert!(r.columns.iter().all(|c| c.header.is_empty()));
    assert_eq!(r.rows[0].kind, RowKind::Action(0));
    assert_eq!(read_table(text).header_row, Some(1));
}
