//! Reading a pasted table into a [`Convention`].
//!
//! The text is what the clipboard gives when cells are copied from Excel or
//! LibreOffice (tab-separated), or a CSV file (`;` or `,`). [`read_table`]:
//!
//! 1. cuts it into rows and cells with the `csv` crate (quoted cells may hold tabs,
//!    separators, line breaks and doubled quotes; CRLF or LF; a UTF-8 BOM is
//!    dropped). Rows are numbered as in the spreadsheet, blank lines included;
//! 2. finds the header row: the first of the first [`HEADER_SEARCH_ROWS`] rows where
//!    at least two cells are known headings. Rows above it are titles;
//! 3. gives each column a [`ColumnRole`] from its heading (see [`classify_header`]);
//! 4. reads every row below: an action, a group heading, a subtotal or total row
//!    (whose figures are kept as [`Declared`], to be checked, never added), an
//!    empty row, or an ignored one.
//!
//! A cell that cannot be read gives a [`CellError`] with its row, column, heading,
//! text and reason; the rest of the row and of the table is still read, and the
//! unreadable amount is simply absent (never a silent zero).
//!
//! Both choices can be overridden with [`ReadOptions`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::messages::Msg;
use crate::model::{
    Action, ActionId, Amount, Convention, Declared, Funder, FunderId, FunderKind, FunderValue,
    Group, GroupId, GroupKind, Measure, Part, Receipt, Scope,
};
use crate::money::Lang;
use crate::number::{parse_cell, percent_to_ratio, CellValue, NumberError};
use crate::text::fold;

mod aligned;
mod cells;
mod guesses;
mod headings;
mod labels;
pub mod report;
mod rows;

use cells::*;
use guesses::*;
pub use guesses::{other_reading, Assumption, AssumptionKind, Refusal};
use headings::*;
pub use labels::role_label;
pub use report::{AmountChoice, ReportFigure, ReportReading, UncertainAmount};
use rows::*;

/// How many rows from the top may hold the header row.
pub const HEADER_SEARCH_ROWS: usize = 10;

/// Choices the reader would otherwise make itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// 1-based row of the headings; `None` to detect it, `Some(0)` for a table
    /// without headings. Rows above it are ignored; a row past the end of the
    /// table means "no data".
    pub header_row: Option<usize>,
    /// Role of each column, first column first; `None` to detect them from the
    /// headings. Columns beyond the end of the list are detected.
    pub columns: Option<Vec<ColumnRole>>,
    /// Whether total rows below actions that belong to no group (`TOTAL AXE
    /// 1`, `Sous total`, with no group heading nor group column) close a group
    /// of the actions above them; `None` (yes) to detect, `Some(false)` to
    /// ignore such rows instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups_from_subtotals: Option<bool>,
    /// Whether a row without number whose amounts are exactly those of the
    /// rows below it (a bold « Insertion » row over its actions) is their
    /// group, with its declared subtotal; `None` (yes) to detect,
    /// `Some(false)` to read it as an action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_rows: Option<bool>,
    /// In the text of a report, the meaning the user gave amounts (an
    /// uncertain one assigned, or one taken left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<AmountChoice>,
}

/// The result of reading a table: the convention, what could not be read, and how
/// each row and column was understood (for the user to check and correct).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    /// What the table says: funders, groups, actions, declared figures.
    pub convention: Convention,
    /// Cells that could not be read, in reading order.
    pub errors: Vec<CellError>,
    /// 1-based row of the headings, if any.
    pub header_row: Option<usize>,
    /// Every column, first to last, with the role it was given.
    pub columns: Vec<Column>,
    /// Every row of the table, blank ones included, in order.
    pub rows: Vec<RowReading>,
    /// What the reader guessed rather than read (no funder named, a title
    /// column with an unknown heading…), each with the other reading.
    pub assumptions: Vec<Assumption>,
    /// Why nothing was read, when the text holds nothing recognisable as a
    /// table of actions (no headings, no column of amounts): then the
    /// convention has no action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
    /// When the text was read as the text of a report (action blocks, lines
    /// « libellé : montant »): every amount taken, with its line and the
    /// words that gave its meaning, and the amounts left for the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportReading>,
}

/// One column of the table and what it was understood to hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// 1-based.
    pub index: usize,
    /// The heading as written (blanks collapsed), empty without a header row.
    pub header: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// How sure the reader is of `role`.
    #[serde(default)]
    pub confidence: Confidence,
}

/// How a column's role was decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Its heading says it (`Etat`, `Intitulé`, `Sous total`…).
    #[default]
    Read,
    /// Guessed: one of the [`Reading::assumptions`] is about it.
    Guessed,
    /// The user chose it ([`ReadOptions::columns`]).
    Chosen,
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// Nothing the calculator uses.
    Ignored,
    /// Fiche action n°.
    Number,
    /// Intitulé, libellé.
    Title,
    /// Axe, mesure, volet: a blank cell means "same as above".
    Group,
    /// Ligne budgétaire.
    BudgetLine,
    /// Direction, service.
    Service,
    /// Commentaires, observations.
    Comments,
    /// A planned amount of one funder; `part` tells a carry-over (report) or an
    /// amendment (avenant) from the base amount; `year` is set for year columns.
    Planned {
        /// Whose amount.
        funder: FunderRef,
        /// Base amount, carry-over or amendment.
        part: Part,
        /// Budget year, for year columns.
        year: Option<i32>,
    },
    /// The planned total of all funders (budget global, F = A+B+C): declared.
    PlannedTotal,
    /// Committed credits (crédits engagés) of one funder.
    Committed(FunderRef),
    /// Executed spending (dépenses exécutées, crédits consommés) of one funder.
    Executed(FunderRef),
    /// Executed total (consommation totale): declared.
    ExecutedTotal,
    /// Amount to carry over to next year (à reporter, report demandé).
    ToCarryOver(FunderRef),
    /// Consumption rate (taux de consommation): declared.
    Rate,
    /// Planned total of one year, all funders: declared.
    YearTotal(i32),
    /// Money actually received from a funder (recette État, versement reçu):
    /// an execution figure of its own, never a planned amount.
    Received(FunderRef),
}

impl ColumnRole {
    /// Whether the column holds figures (rather than text).
    pub fn is_figure(&self) -> bool {
        !matches!(
            self,
            Self::Ignored
                | Self::Number
                | Self::Title
                | Self::Group
                | Self::BudgetLine
                | Self::Service
                | Self::Comments
        )
    }

    /// The funder whose amounts (planned, committed, executed, to carry over)
    /// the column holds; not the payer of a [`Self::Received`] column, which is
    /// no part of the split.
    fn funder(&self) -> Option<&FunderRef> {
        match self {
            Self::Planned { funder, .. }
            | Self::Committed(funder)
            | Self::Executed(funder)
            | Self::ToCarryOver(funder) => Some(funder),
            _ => None,
        }
    }
}

/// A funder as named by a column heading.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunderRef {
    /// L'État (part État, participations directes (A)).
    State,
    /// Le Département (crédits CD (B)).
    Departement,
    /// Another funder, by name ("Autres financeurs" for column (C), "CAF"…).
    Other(String),
    /// Nobody named: the action's own amount, not split by funder (a table
    /// whose headings name no funder).
    Unsplit,
}

/// How one row was understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowReading {
    /// 1-based, as in the spreadsheet.
    pub row: usize,
    /// What the row was understood to be.
    pub kind: RowKind,
}

/// What a row is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// The headings.
    Header,
    /// A fiche action, now `convention.actions[id]`.
    Action(ActionId),
    /// A row opening a group, `convention.groups[id]`.
    GroupHeading(GroupId),
    /// A group's own subtotal ("Sous total"): its figures are declared.
    Subtotal {
        /// The label as written ("Sous total", "Sous-total - Axe 1").
        label: String,
    },
    /// The table's grand total ("TOTAL FINANCIER"): its figures are declared.
    GrandTotal {
        /// The label as written ("TOTAL FINANCIER", "Total général").
        label: String,
    },
    /// Blank.
    Empty,
    /// A title above the headings, or a row with nothing to read.
    Ignored,
}

/// A cell that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// 1-based row.
    pub row: usize,
    /// 1-based column.
    pub column: usize,
    /// Heading of the column, empty without a header row.
    pub header: String,
    /// The cell as written (blanks around it removed).
    pub text: String,
    /// Why it could not be read.
    pub reason: NumberError,
}

impl CellError {
    /// `ligne 4, colonne « Etat » : « 12,5O » — montant illisible` in `lang`
    /// (the French one is `Display`).
    pub fn message(&self, lang: Lang) -> String {
        let at = if self.header.is_empty() {
            Msg::CellAtColumn.fill(lang, &[("row", &self.row), ("column", &self.column)])
        } else {
            Msg::CellAtHeading.fill(lang, &[("row", &self.row), ("heading", &self.header)])
        };
        Msg::CellError.fill(
            lang,
            &[
                ("at", &at),
                ("text", &self.text),
                ("reason", &self.reason.reason_in(lang)),
            ],
        )
    }
}

crate::messages::french_display!(CellError);

/// Reads a pasted table, detecting the header row and the columns.
pub fn read_table(text: &str) -> Reading {
    read_table_with(text, &ReadOptions::default())
}

/// Reads a pasted table with some choices made by the caller: the text is cut
/// into a grid of cells ([`text_grid`]) which is then read by [`read_grid`].
///
/// The cells are not copied into a `String` each: they are slices of the text
/// (or, when some cells are quoted, of one buffer holding every cell), which
/// reads a large paste several times faster and gives the same [`Reading`].
pub fn read_table_with(text: &str, options: &ReadOptions) -> Reading {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut storage = String::new();
    let cut = cut_text(text, &mut storage);
    let reading = read_rows(&cut.rows(), options);
    if reading.refused.is_none() {
        // Cut at commas, the text of a PDF table is cut inside its amounts
        // (`93 507,00 €`), and such a cut may still read as a table: its
        // columns aligned with spaces, when it has some, come first.
        if detect_delimiter(text) == b',' {
            if let Some(aligned) = aligned_reading(text, options) {
                return aligned;
            }
        }
        return reading;
    }
    text_of_a_pdf(text, options).unwrap_or(reading)
}

/// The text read as a table whose columns are aligned with runs of spaces,
/// if it is one.
fn aligned_reading(text: &str, options: &ReadOptions) -> Option<Reading> {
    let grid = aligned::aligned_grid(text)?;
    let mut aligned = read_rows(&Cells::of_grid(&grid).rows(), options);
    if aligned.refused.is_some() {
        return None;
    }
    aligned.assumptions.insert(
        0,
        Assumption {
            kind: AssumptionKind::AlignedColumns,
            columns: aligned
                .columns
                .iter()
                .map(|c| (c.index, c.header.clone()))
                .collect(),
            alternative: Vec::new(),
            rows: Vec::new(),
            groups_from_subtotals: None,
            group_rows: None,
        },
    );
    Some(aligned)
}

/// Text that is no table as cut by tabs or separators, read as the text of a
/// PDF: a table whose columns became runs of spaces, or a report's blocks.
fn text_of_a_pdf(text: &str, options: &ReadOptions) -> Option<Reading> {
    aligned_reading(text, options).or_else(|| report::read_report(text, options))
}

/// The grid of a text file, as [`read_table_with`] reads it with the
/// default choices: [`text_grid`], or the cells of its columns aligned with
/// spaces when it is the text of a PDF table that commas would cut inside
/// its amounts. [`read_grid`] of it reads what the file's text would.
pub fn text_file_grid(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if detect_delimiter(text) == b',' && aligned_reading(text, &ReadOptions::default()).is_some() {
        if let Some(grid) = aligned::aligned_grid(text) {
            return grid;
        }
    }
    text_grid(text)
}

/// Cuts pasted text (tab-separated, or a `;` / `,` CSV) into rows of cells, as
/// [`read_table`] sees them: a UTF-8 BOM is dropped, quoted cells may hold
/// separators, quotes and line breaks, and blank lines are kept as empty rows so
/// that `grid[i]` is the spreadsheet's row `i + 1`.
pub fn text_grid(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut storage = String::new();
    cut_text(text, &mut storage).to_grid()
}

/// Reads a grid of text cells: `rows[i]` is the spreadsheet's row `i + 1` and
/// `rows[i][j]` its column `j + 1` (rows may have different lengths; an empty
/// row is a blank line). This is where every table ends up, whether pasted
/// ([`read_table_with`]) or read from a spreadsheet file
/// ([`crate::files::open`]): cells hold text as a user would see it (`93507`,
/// `93 507,00 €`, `#DIV/0!`) and are read exactly as pasted cells are.
///
/// A grid that is no table (a text file holding a report, a report pasted in
/// a spreadsheet's first column) is read as the text its rows make, one line
/// per row, cells apart by tabs: see [`read_table_with`].
pub fn read_grid(rows: &[Vec<String>], options: &ReadOptions) -> Reading {
    let reading = read_rows(&Cells::of_grid(rows).rows(), options);
    if reading.refused.is_none() {
        return reading;
    }
    let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
    text_of_a_pdf(&text.join("\n"), options).unwrap_or(reading)
}

/// The row [`read_grid`] would take for the headings, if any (1-based).
pub(crate) fn detect_header(rows: &[Vec<String>]) -> Option<usize> {
    let top = rows
        .get(..rows.len().min(HEADER_SEARCH_ROWS))
        .unwrap_or(rows);
    detect_header_row(&Cells::of_grid(top).rows())
}

/// The funder whose planned amount (base part, no year) a column headed `text`
/// holds, if that is what the reader takes it for.
pub(crate) fn planned_funder_of_heading(text: &str) -> Option<FunderRef> {
    match classify_header(text) {
        Guess::Role(ColumnRole::Planned {
            funder,
            part: Part::Base,
            year: None,
        }) => Some(funder),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(header: &str) -> ColumnRole {
        match classify_header(header) {
            Guess::Role(role) => role,
            Guess::BareYear(y) => panic!("{header:?}: bare year {y}"),
        }
    }

    fn planned(funder: FunderRef, part: Part, year: Option<i32>) -> ColumnRole {
        ColumnRole::Planned { funder, part, year }
    }

    #[test]
    fn classifies_the_headings_of_the_brief() {
        use FunderRef::{Departement, State};
        let other = || FunderRef::Other("Autres financeurs".into());
        let cases = [
            ("Report Etat 2021", planned(State, Part::CarryOver, None)),
            (
                "Avenant CD 2022",
                planned(Departement, Part::Amendment, None),
            ),
            ("Dépenses exécutées part Etat", ColumnRole::Executed(State)),
            (
                "A - Participations directes mobilisées pour la convention 2024",
                planned(State, Part::Base, None),
            ),
            (
                "F - Budget global de l'action prévu en 2024 (A+B+C)",
                ColumnRole::PlannedTotal,
            ),
            ("Taux de consommation", ColumnRole::Rate),
            ("Consommation totale", ColumnRole::ExecutedTotal),
            ("État", planned(State, Part::Base, None)),
            ("PART ETAT", planned(State, Part::Base, None)),
            // Money the State paid in: received, never its planned part.
            ("Recette Etat", ColumnRole::Received(State)),
            ("Recettes perçues", ColumnRole::Received(State)),
            ("Versement Etat", ColumnRole::Received(State)),
            ("Montant conventionné", ColumnRole::PlannedTotal),
            ("Prévu", ColumnRole::PlannedTotal),
            ("Montant", ColumnRole::PlannedTotal),
            ("Montant mandaté", ColumnRole::ExecutedTotal),
            ("Dépenses réalisées", ColumnRole::ExecutedTotal),
            ("Montant (A)", planned(State, Part::Base, None)),
            ("Crédits CD", planned(Departement, Part::Base, None)),
            ("(B)", planned(Departement, Part::Base, None)),
            ("Département", planned(Departement, Part::Base, None)),
            ("Autres financeurs", planned(other(), Part::Base, None)),
            ("(C)", planned(other(), Part::Base, None)),
            (
                "CAF",
                planned(FunderRef::Other("CAF".into()), Part::Base, None),
            ),
            ("Budget global", ColumnRole::PlannedTotal),
            (
                "Montant inscrit dans la convention",
                ColumnRole::PlannedTotal,
            ),
            ("Prévisionnel", ColumnRole::PlannedTotal),
            ("(F)", ColumnRole::PlannedTotal),
            ("Crédits engagés CD", ColumnRole::Committed(Departement)),
            ("Crédits consommés Etat", ColumnRole::Executed(State)),
            ("Montant réalisé", ColumnRole::ExecutedTotal),
            ("Report demandé", ColumnRole::ToCarryOver(State)),
            (
                "Montant à reporter CD",
                ColumnRole::ToCarryOver(Departement),
            ),
            ("Fiche action n°", ColumnRole::Number),
            ("N°", ColumnRole::Number),
            ("Numéro", ColumnRole::Number),
            ("Action", ColumnRole::Number),
            ("Intitulé de l'action", ColumnRole::Title),
            ("Libellé", ColumnRole::Title),
            ("Nature de la dépense", ColumnRole::Title),
            ("Axes de la stratégie départementale", ColumnRole::Group),
            ("Mesure", ColumnRole::Group),
            ("Volet", ColumnRole::Group),
            ("Ligne budgétaire", ColumnRole::BudgetLine),
            ("Direction pilote", ColumnRole::Service),
            ("Service", ColumnRole::Service),
            ("Commentaires", ColumnRole::Comments),
            ("Observations", ColumnRole::Comments),
            ("Subvention 2019", planned(State, Part::Base, Some(2019))),
            ("Etat 2024", planned(State, Part::Base, Some(2024))),
            (
                "Crédits CD 2025",
                planned(Departement, Part::Base, Some(2025)),
            ),
            ("Total 2026", ColumnRole::YearTotal(2026)),
            ("Total Etat + CD", ColumnRole::PlannedTotal),
            ("", ColumnRole::Ignored),
            ("Remarque libre", ColumnRole::Comments),
            ("Porteur", ColumnRole::Ignored),
        ];
        for (header, expected) in cases {
            assert_eq!(role(header), expected, "{header:?}");
        }
        assert_eq!(classify_header("2017"), Guess::BareYear(2017));
        assert_eq!(classify_header("Montant 2018"), Guess::BareYear(2018));
    }

    #[test]
    fn headings_are_read_as_folded_words() {
        let h = Heading::new("Sous-total - Axe 1");
        assert_eq!(h.words, ["sous", "total", "axe", "1"]);
        assert!(h.has_phrase("sous total"));
        assert!(!h.has_phrase("total axe 2"));
    }

    #[test]
    fn a_title_may_carry_the_action_number() {
        let split = |t: &str| number_in_title(t);
        let pair = |n: &str, t: &str| Some((n.to_string(), t.to_string()));
        assert_eq!(
            split("Action 1.1 Crèche familiale préventive"),
            pair("1.1", "Crèche familiale préventive")
        );
        assert_eq!(split("Fiche action n°5 : Mobilité"), pair("5", "Mobilité"));
        assert_eq!(split("ACTION 12 - Insertion"), pair("12", "Insertion"));
        assert_eq!(
            split("2.9 - Référents de parcours"),
            pair("2.9", "Référents de parcours")
        );
        assert_eq!(
            split("2024 Budget de l'année"),
            None,
            "a bare year is no number"
        );
        assert_eq!(split("Accueil de jour"), None);
        assert_eq!(split("Action sociale 2024"), None);
        assert_eq!(split("Action 3"), None, "a number and no title");
    }

    #[test]
    fn recognises_total_labels() {
        assert_eq!(total_label_of("Sous total"), Some(TotalLabel::Sub));
        assert_eq!(total_label_of("Sous-total - Axe 2"), Some(TotalLabel::Sub));
        assert_eq!(total_label_of("S/total"), Some(TotalLabel::Sub));
        assert_eq!(total_label_of("TOTAL FINANCIER"), Some(TotalLabel::Grand));
        assert_eq!(total_label_of("Total général"), Some(TotalLabel::Grand));
        assert_eq!(total_label_of("Montant total"), Some(TotalLabel::Plain));
        assert_eq!(total_label_of("Total"), Some(TotalLabel::Plain));
        assert_eq!(total_label_of("Totalement nouveau"), None);
        assert_eq!(total_label_of("Crèche"), None);
    }

    #[test]
    fn group_kind_comes_from_the_first_word() {
        assert_eq!(group_kind_of("Axe 2 – Lutter…"), Some(GroupKind::Axe));
        assert_eq!(group_kind_of("MESURE 1"), Some(GroupKind::Mesure));
        assert_eq!(group_kind_of("Volet 3"), Some(GroupKind::Volet));
        assert_eq!(group_kind_of("Prévenir la pauvreté"), None);
    }

    #[test]
    fn detects_the_delimiter() {
        assert_eq!(detect_delimiter("a\tb\n1\t2"), b'\t');
        // French CSV: `;` between cells, `,` inside numbers.
        assert_eq!(detect_delimiter("N°;Etat;CD\n1;1 234,50;2,5\n2;3;4"), b';');
        assert_eq!(detect_delimiter("N°,Etat,CD\n1,1234.50,2.5\n"), b',');
        assert_eq!(
            detect_delimiter("une seule colonne\nsans séparateur"),
            b'\t'
        );
    }

    #[test]
    fn a_tab_inside_a_quoted_cell_is_not_a_delimiter() {
        assert!(has_tab_outside_quotes("a\tb"));
        assert!(!has_tab_outside_quotes("1;\"a\tb\";3\n2;x;4"));
        assert_eq!(detect_delimiter("N°;Titre;Etat\n1;\"a\tb\";3\n2;x;4"), b';');
        // A doubled quote inside the quoted cell does not close it.
        assert!(!has_tab_outside_quotes("\"a\"\"\tb\";1"));
        // A stray quote inside a cell opens nothing: the tab after it counts.
        assert!(has_tab_outside_quotes("12\" écran\t5"));
        // A quoted cell then a real tab.
        assert!(has_tab_outside_quotes("\"a;b\"\tc"));
    }

    #[test]
    fn text_cells_lose_the_apostrophe_that_protects_them() {
        assert_eq!(unprotect(" '=Total "), "=Total");
        assert_eq!(unprotect("'-5 ans"), "-5 ans");
        assert_eq!(unprotect("'+33"), "+33");
        assert_eq!(unprotect("'@x"), "@x");
        assert_eq!(unprotect("'\tx"), "x");
        // Other apostrophes stay.
        assert_eq!(unprotect("'Aller vers'"), "'Aller vers'");
        assert_eq!(unprotect("l'=x"), "l'=x");
    }

    proptest::proptest! {
        /// Without quotes, cutting lines and cells by hand gives what the
        /// `csv` crate gives.
        #[test]
        fn unquoted_text_is_cut_as_the_csv_crate_cuts_it(
            text in "([a-z0-9 ,;\t]{0,6}(\r\n|\n|\r)?){0,20}"
        ) {
            let delimiter = detect_delimiter(&text);
            let fast = split_unquoted(&text, char::from(delimiter));
            // The `csv` path of `split_rows`, forced.
            let bytes = text.as_bytes();
            let mut reader = csv_reader(&text, delimiter);
            let mut record = csv::ByteRecord::new();
            let mut slow: Vec<Vec<String>> = Vec::new();
            while let Ok(true) = reader.read_byte_record(&mut record) {
                let start = record.position().map_or(0, |p| p.byte() as usize);
                for _ in 0..blank_lines_before(bytes, start) {
                    slow.push(Vec::new());
                }
                slow.push(record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect());
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        /// The quick trim trims what `str::trim` trims.
        #[test]
        fn trim_is_str_trim(text in "[ \t\u{A0}\u{202F}\u{3000}a€é1]{0,6}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
    }

    /// The rows the `csv` crate gives, each cell an owned string, blank lines
    /// put back: what [`quoted_cells`] must give, cell for cell.
    fn csv_rows(text: &str) -> Vec<Vec<String>> {
        let bytes = text.as_bytes();
        let mut reader = csv_reader(text, detect_delimiter(text));
        let mut record = csv::ByteRecord::new();
        let mut rows: Vec<Vec<String>> = Vec::new();
        while let Ok(true) = reader.read_byte_record(&mut record) {
            let start = record.position().map_or(0, |p| p.byte() as usize);
            for _ in 0..blank_lines_before(bytes, start) {
                rows.push(Vec::new());
            }
            rows.push(
                record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
            );
        }
        rows
    }

    proptest::proptest! {
        /// Quoted cells (separators, doubled quotes, line breaks inside them,
        /// stray quotes, accents) are cut as the `csv` crate cuts them.
        #[test]
        fn quoted_text_is_cut_as_the_csv_crate_cuts_it(
            text in "([a-zé€0-9 ,;\t\"]{0,8}(\r\n|\n|\r)?){0,20}"
        ) {
            proptest::prop_assume!(text.contains('"'));
            proptest::prop_assert_eq!(text_grid(&text), csv_rows(&text));
        }

        /// Reading the text in place gives what reading its owned grid gives.
        #[test]
        fn reading_in_place_is_reading_the_grid(
            body in "([0-9A-Za-zé ,;\t\"'=%€-]{0,10}(\n|\r\n)){0,12}",
            header in proptest::sample::select(vec![
                "N°\tIntitulé\tEtat\tCD\tBudget global\n",
                "Axe;Fiche action n°;Etat;Département;Total\n",
                "",
            ]),
        ) {
            let text = format!("{header}{body}");
            let options = ReadOptions::default();
            proptest::prop_assert_eq!(
                read_table_with(&text, &options),
                read_grid(&text_grid(&text), &options)
            );
        }
    }

    #[test]
    fn reads_the_same_in_place_and_from_the_grid() {
        // A quoted title holding the delimiter, a doubled quote and a line
        // break; a blank line; a BOM; amounts with U+202F and `€`.
        let text = "\u{FEFF}N°\tIntitulé\tEtat\tCD\n\
                    1\t\"Aller \"\"vers\"\"\tet\nretour\"\t93\u{202F}507,00 €\t 12 \n\
                    \n\
                    Total\t\t93\u{202F}507,00 €\t12\n";
        let options = ReadOptions::default();
        let in_place = read_table_with(text, &options);
        assert_eq!(in_place, read_grid(&text_grid(text), &options));
        assert_eq!(
            in_place.convention.actions[0].title,
            "Aller \"vers\"\tet\nretour"
        );
        // Rows 1 (headings), 2 (action), 3 (blank), 4 (total).
        assert_eq!(in_place.rows.len(), 4);
        assert_eq!(in_place.rows[2].kind, RowKind::Empty);
    }

    #[test]
    fn counts_blank_lines_between_records() {
        // "a\r" | "\n" (rest of the CRLF) | "\r\n" (one blank line) | "b"
        assert_eq!(blank_lines_before(b"a\r\n\r\nb", 2), 1);
        assert_eq!(blank_lines_before(b"a\n\n\nb", 2), 2);
        assert_eq!(blank_lines_before(b"\n\nb", 0), 2);
        assert_eq!(blank_lines_before(b"a\nb", 2), 0);
        assert_eq!(blank_lines_before(b"a", 7), 0);
    }

    #[test]
    fn cell_error_without_heading_names_the_column_number() {
        let e = CellError {
            row: 4,
            column: 3,
            header: String::new(),
            text: "12,5O".into(),
            reason: NumberError::Unreadable {
                text: "12,5O".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            "ligne 4, colonne 3 : « 12,5O » — montant illisible"
        );
    }
}
