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

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{
    Action, ActionId, Amount, Convention, Declared, Funder, FunderId, FunderKind, FunderValue,
    Group, GroupId, GroupKind, Measure, Part, Receipt, Scope,
};
use crate::money::Lang;
use crate::number::{parse_cell, percent_to_ratio, CellValue, NumberError};
use crate::text::fold;

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
}

/// Why a text was not read as a table (see [`Reading::refused`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// A line « libellé : montant » of the text (row, text), when it looks
    /// like the text of a report rather than a table.
    pub report_line: Option<(usize, String)>,
}

impl Refusal {
    /// Why, and what to do, in one or two sentences.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::Fr => "Rien dans ce texte ne ressemble à un tableau d'actions : ni ligne \
                         d'en-têtes (« Intitulé », « État », « Département », « Montant »…), ni \
                         colonne de montants. Il n'a pas été lu."
                .to_string(),
            Lang::En => "Nothing in this text looks like a table of actions: no row of headings \
                         (“Intitulé”, “État”, “Département”, “Montant”…), no column of amounts. \
                         It was not read."
                .to_string(),
        };
        if let Some((row, line)) = &self.report_line {
            out.push(' ');
            out.push_str(&match lang {
                Lang::Fr => format!(
                    "La ligne {row} (« {line} ») ressemble au texte d'un rapport : collez le \
                     tableau financier, ou recopiez ces montants dans un tableau."
                ),
                Lang::En => format!(
                    "Row {row} (“{line}”) looks like the text of a report: paste the financial \
                     table, or copy these amounts into a table."
                ),
            });
        }
        out
    }
}

/// The first line `label : amount` of the text (`Report Etat 2021 : 24 600 €`),
/// if any: the text of a report, not a table.
fn report_line(grid: &[Row<'_>]) -> Option<(usize, String)> {
    grid.iter().find_map(|r| {
        let text = collapse_blanks(
            r.cells
                .iter()
                .map(|c| unprotect(c))
                .find(|c| !c.is_empty())?,
        );
        let (label, amount) = text.rsplit_once([':', '='])?;
        let label_is_words = label.chars().any(char::is_alphabetic);
        let amount = amount.trim();
        let is_amount = !amount.is_empty()
            && amount.chars().any(|c| c.is_ascii_digit())
            && matches!(parse_cell(amount), Ok(CellValue::Amount { .. }));
        (label_is_words && is_amount).then(|| (r.number, text.trim().to_string()))
    })
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

/// Something the reader guessed rather than read, told to the user in words
/// with the other reading ([`Assumption::alternative`]) one click (or one
/// flag, `budget check --other-reading`) away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assumption {
    pub kind: AssumptionKind,
    /// The columns concerned, 1-based, with their headings.
    pub columns: Vec<(usize, String)>,
    /// The other reading: the role each of those columns (1-based) would have.
    pub alternative: Vec<(usize, ColumnRole)>,
    /// The rows concerned, 1-based, with their labels (groups formed from
    /// total rows).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<(usize, String)>,
    /// The other reading's choice of [`ReadOptions::groups_from_subtotals`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups_from_subtotals: Option<bool>,
    /// The other reading's choice of [`ReadOptions::group_rows`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_rows: Option<bool>,
}

/// What kind of guess an [`Assumption`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumptionKind {
    /// No heading names a funder (État, Département, CAF…): the amounts are
    /// the actions' own (cost, per year, planned, executed), not split; shares
    /// and the co-financing rule do not apply. Other reading: the State's.
    Unsplit,
    /// No heading names the titles: a column of text whose heading is empty
    /// or unknown is taken for them. Other reading: ignore the column.
    TitleColumn,
    /// The table has no header row: its amount columns are taken, in order,
    /// for the State, the Département, then other funders. Other reading: one
    /// amount per action, not split.
    FundersByPosition,
    /// Total rows below actions of no group (`TOTAL AXE 1`, with no group
    /// heading nor group column) are taken for the subtotals of the actions
    /// above them, since the previous total: each forms a group named after
    /// it. Other reading: ignore those rows.
    GroupsFromSubtotals,
    /// A row inside the table holds headings, not amounts (a second table
    /// pasted below the first): read as the start of a group named by its
    /// first cell. No other reading: its cells hold no amount.
    HeaderRowInside,
    /// A row without number whose amounts are exactly the sum of the rows
    /// below it (a bold « Insertion » row over its actions, with no word
    /// total) is taken for their group and its declared subtotal, not
    /// counted again. Other reading: an action like the others.
    GroupRowsWithSubtotal,
    /// In a table that names its funders, planned columns that name none
    /// (« Report 2021 », « Avenant », « Subvention ») are taken for the
    /// State's, as in these reports. Other reading: the Département's.
    StateByDefault,
}

impl Assumption {
    fn headings(&self, lang: Lang) -> String {
        let quoted: Vec<String> = self
            .columns
            .iter()
            .map(|(i, h)| {
                if h.is_empty() {
                    match lang {
                        Lang::Fr => format!("n° {i} (sans en-tête)"),
                        Lang::En => format!("no. {i} (no heading)"),
                    }
                } else {
                    match lang {
                        Lang::Fr => format!("« {h} »"),
                        Lang::En => format!("“{h}”"),
                    }
                }
            })
            .collect();
        quoted.join(", ")
    }

    /// What was assumed, in one sentence a finance officer reads.
    pub fn message(&self, lang: Lang) -> String {
        let cols = self.headings(lang);
        match (self.kind, lang) {
            (AssumptionKind::Unsplit, Lang::Fr) => format!(
                "Aucun en-tête ne nomme un financeur (État, Département…) : les montants \
                 ({cols}) sont lus comme ceux de chaque action, sans répartition entre \
                 financeurs ; les parts et la règle de cofinancement ne s'appliquent pas."
            ),
            (AssumptionKind::Unsplit, Lang::En) => format!(
                "No heading names a funder (State, Département…): the amounts ({cols}) are \
                 read as each action's own, not split between funders; shares and the \
                 co-financing rule do not apply."
            ),
            (AssumptionKind::TitleColumn, Lang::Fr) => format!(
                "Aucun en-tête ne désigne l'intitulé : la colonne {cols}, qui contient du \
                 texte, est lue comme l'intitulé des actions."
            ),
            (AssumptionKind::TitleColumn, Lang::En) => format!(
                "No heading names the titles: the column {cols}, which holds text, is read \
                 as the actions' titles."
            ),
            (AssumptionKind::FundersByPosition, Lang::Fr) => format!(
                "Le tableau n'a pas d'en-têtes : les colonnes de montants ({cols}) sont \
                 lues dans l'ordre comme l'État, le Département, puis les autres financeurs."
            ),
            (AssumptionKind::FundersByPosition, Lang::En) => format!(
                "The table has no headings: its amount columns ({cols}) are read in order \
                 as the State, the Département, then other funders."
            ),
            (AssumptionKind::GroupsFromSubtotals, Lang::Fr) => format!(
                "Les lignes de total {} sont lues comme les sous-totaux des actions qui les \
                 précèdent : chacune forme un groupe, vérifié contre ses actions.",
                self.row_labels(lang)
            ),
            (AssumptionKind::GroupRowsWithSubtotal, Lang::Fr) => format!(
                "Lignes sans numéro dont les montants sont exactement la somme des lignes \
                 qui les suivent, lues comme le groupe de ces lignes avec son sous-total \
                 déclaré (et non comptées une seconde fois) : {}.",
                self.row_labels(lang)
            ),
            (AssumptionKind::GroupRowsWithSubtotal, Lang::En) => format!(
                "Rows without a number whose amounts are exactly the sum of the rows below \
                 them, read as those rows' group with its declared subtotal (and not counted \
                 twice): {}.",
                self.row_labels(lang)
            ),
            (AssumptionKind::StateByDefault, Lang::Fr) => format!(
                "Les colonnes {cols} ne nomment pas de financeur : elles sont lues comme la \
                 part de l'État, comme dans les rapports de ces conventions."
            ),
            (AssumptionKind::StateByDefault, Lang::En) => format!(
                "The columns {cols} name no funder: they are read as the State's, as in the \
                 reports of these conventions."
            ),
            (AssumptionKind::HeaderRowInside, Lang::Fr) => format!(
                "Des lignes du tableau contiennent des en-têtes et non des montants ; \
                 chacune ouvre un groupe : {}.",
                self.row_labels(lang)
            ),
            (AssumptionKind::HeaderRowInside, Lang::En) => format!(
                "Some rows hold headings, not amounts; each starts a group: {}.",
                self.row_labels(lang)
            ),
            (AssumptionKind::GroupsFromSubtotals, Lang::En) => format!(
                "The total rows {} are read as the subtotals of the actions above them: each \
                 forms a group, checked against its actions.",
                self.row_labels(lang)
            ),
        }
    }

    /// The other reading, as a button or a flag says it.
    pub fn alternative_label(&self, lang: Lang) -> String {
        match (self.kind, lang) {
            (AssumptionKind::Unsplit, Lang::Fr) => {
                "Lire ces montants comme la part de l'État".into()
            }
            (AssumptionKind::Unsplit, Lang::En) => "Read these amounts as the State's".into(),
            (AssumptionKind::TitleColumn, lang) => {
                let as_number = self
                    .alternative
                    .iter()
                    .any(|(_, r)| *r == ColumnRole::Number);
                match (as_number, lang) {
                    (true, Lang::Fr) => "Lire cette colonne comme le n° des actions".into(),
                    (true, Lang::En) => "Read this column as the action numbers".into(),
                    (false, Lang::Fr) => "Ne pas lire cette colonne".into(),
                    (false, Lang::En) => "Do not read this column".into(),
                }
            }
            (AssumptionKind::FundersByPosition, Lang::Fr) => {
                "Lire un seul montant par action, sans répartition".into()
            }
            (AssumptionKind::FundersByPosition, Lang::En) => {
                "Read one amount per action, not split".into()
            }
            (AssumptionKind::HeaderRowInside, _) => String::new(),
            (AssumptionKind::StateByDefault, Lang::Fr) => {
                "Lire ces colonnes comme la part du Département".into()
            }
            (AssumptionKind::StateByDefault, Lang::En) => {
                "Read these columns as the Département's".into()
            }
            (AssumptionKind::GroupRowsWithSubtotal, Lang::Fr) => {
                "Lire ces lignes comme des actions".into()
            }
            (AssumptionKind::GroupRowsWithSubtotal, Lang::En) => {
                "Read these rows as actions".into()
            }
            (AssumptionKind::GroupsFromSubtotals, Lang::Fr) => "Ignorer ces lignes de total".into(),
            (AssumptionKind::GroupsFromSubtotals, Lang::En) => "Ignore these total rows".into(),
        }
    }

    /// Whether there is another reading to offer.
    pub fn has_alternative(&self) -> bool {
        !self.alternative.is_empty()
            || self.groups_from_subtotals.is_some()
            || self.group_rows.is_some()
    }

    /// `« TOTAL AXE 1 » (ligne 6), « TOTAL AXE 3 » (ligne 12)`.
    fn row_labels(&self, lang: Lang) -> String {
        let labels: Vec<String> = self
            .rows
            .iter()
            .map(|(row, label)| match lang {
                Lang::Fr => format!("« {label} » (ligne {row})"),
                Lang::En => format!("“{label}” (row {row})"),
            })
            .collect();
        labels.join(", ")
    }
}

/// The choices that read `reading`'s table the other way `assumptions` offer:
/// every column keeps the role it was given, but for those an assumption
/// names, which take its alternative. Reading the same table with them makes
/// no more guesses of those kinds.
pub fn other_reading<'a>(
    reading: &Reading,
    assumptions: impl IntoIterator<Item = &'a Assumption>,
) -> ReadOptions {
    let mut columns: Vec<ColumnRole> = reading.columns.iter().map(|c| c.role.clone()).collect();
    let mut groups_from_subtotals = None;
    let mut group_rows = None;
    for a in assumptions {
        for (index, role) in &a.alternative {
            if let Some(slot) = index.checked_sub(1).and_then(|i| columns.get_mut(i)) {
                *slot = role.clone();
            }
        }
        groups_from_subtotals = a.groups_from_subtotals.or(groups_from_subtotals);
        group_rows = a.group_rows.or(group_rows);
    }
    ReadOptions {
        header_row: Some(reading.header_row.unwrap_or(0)),
        columns: Some(columns),
        groups_from_subtotals,
        group_rows,
    }
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

impl fmt::Display for CellError {
    /// `ligne 4, colonne « Etat » : « 12,5O » — montant illisible`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.header.is_empty() {
            write!(f, "ligne {}, colonne {}", self.row, self.column)?;
        } else {
            write!(f, "ligne {}, colonne « {} »", self.row, self.header)?;
        }
        write!(f, " : « {} » — {}", self.text, self.reason.reason())
    }
}

impl std::error::Error for CellError {}

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
    read_rows(&cut.rows(), options)
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
pub fn read_grid(rows: &[Vec<String>], options: &ReadOptions) -> Reading {
    read_rows(&Cells::of_grid(rows).rows(), options)
}

/// [`read_grid`] of rows already cut.
fn read_rows(grid: &[Row<'_>], options: &ReadOptions) -> Reading {
    let header_row = match options.header_row {
        Some(0) => None,
        Some(n) => Some(n),
        None => detect_header_row(grid),
    };
    let width = grid.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_cells: Vec<String> = header_row
        .and_then(|n| grid.get(n.checked_sub(1)?))
        .map(|r| r.cells.iter().map(|c| collapse_blanks(c)).collect())
        .unwrap_or_default();
    let data_start = header_row.map_or(1, |n| n.saturating_add(1));
    let (roles, assumptions) = column_roles(
        grid,
        &header_cells,
        width,
        header_row.is_some(),
        data_start,
        options,
    );
    let columns: Vec<Column> = roles
        .into_iter()
        .enumerate()
        .map(|(i, role)| {
            let index = i + 1;
            let chosen = options.columns.as_ref().is_some_and(|c| i < c.len());
            let guessed = assumptions.iter().any(|a| {
                a.columns.iter().any(|(c, _)| *c == index)
                    || a.alternative.iter().any(|(c, _)| *c == index)
            });
            Column {
                index,
                header: header_cells.get(i).cloned().unwrap_or_default(),
                role,
                confidence: if chosen {
                    Confidence::Chosen
                } else if guessed {
                    Confidence::Guessed
                } else {
                    Confidence::Read
                },
            }
        })
        .collect();

    // No headings and no column of amounts: nothing here is a table of
    // actions. Refused, rather than read as actions of 0 € each.
    let nothing = header_row.is_none()
        && options.header_row.is_none()
        && options.columns.is_none()
        && !columns.iter().any(|c| c.role.is_figure())
        && grid.iter().any(|r| !r.is_blank());
    if nothing {
        return Reading {
            convention: Convention::default(),
            errors: Vec::new(),
            header_row: None,
            columns,
            rows: grid
                .iter()
                .map(|r| RowReading {
                    row: r.number,
                    kind: if r.is_blank() {
                        RowKind::Empty
                    } else {
                        RowKind::Ignored
                    },
                })
                .collect(),
            assumptions: Vec::new(),
            refused: Some(Refusal {
                report_line: report_line(grid),
            }),
        };
    }

    let mut reader = TableReader::new(&columns, options);
    // Every row has its reading; at most every row below the headings is an
    // action. Sized at once rather than grown (and copied) step by step.
    reader.rows.reserve(grid.len());
    let data_rows = grid.len().saturating_sub(data_start.saturating_sub(1));
    reader.conv.actions.reserve(data_rows);
    reader.last_total_row = reader.last_total_row(grid);
    for row in grid {
        let kind = if Some(row.number) == header_row {
            RowKind::Header
        } else if row.number < data_start {
            if reader.conv.title.is_empty() {
                if let Some(first) = row
                    .cells
                    .iter()
                    .map(|c| unprotect(c))
                    .find(|c| !c.is_empty())
                {
                    reader.conv.title = collapse_blanks(first);
                }
            }
            if row.is_blank() {
                RowKind::Empty
            } else {
                RowKind::Ignored
            }
        } else {
            reader.read_row(row)
        };
        reader.rows.push(RowReading {
            row: row.number,
            kind,
        });
    }
    let mut assumptions = assumptions;
    if !reader.inferred_groups.is_empty() {
        assumptions.push(Assumption {
            kind: AssumptionKind::GroupsFromSubtotals,
            columns: Vec::new(),
            alternative: Vec::new(),
            rows: std::mem::take(&mut reader.inferred_groups),
            groups_from_subtotals: Some(false),
            group_rows: None,
        });
    }
    let group_rows = if reader.group_rows {
        reader.group_rows_with_their_subtotal()
    } else {
        Vec::new()
    };
    if !group_rows.is_empty() {
        assumptions.push(Assumption {
            kind: AssumptionKind::GroupRowsWithSubtotal,
            columns: Vec::new(),
            alternative: Vec::new(),
            rows: group_rows,
            groups_from_subtotals: None,
            group_rows: Some(false),
        });
    }
    if !reader.headers_inside.is_empty() {
        assumptions.push(Assumption {
            kind: AssumptionKind::HeaderRowInside,
            columns: Vec::new(),
            alternative: Vec::new(),
            rows: std::mem::take(&mut reader.headers_inside),
            groups_from_subtotals: None,
            group_rows: None,
        });
    }
    let TableReader {
        conv, errors, rows, ..
    } = reader;
    Reading {
        convention: conv,
        errors,
        header_row,
        columns,
        rows,
        assumptions,
        refused: None,
    }
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

// ---------------------------------------------------------------------------
// Rows and cells

/// One row of the source table.
#[derive(Debug)]
struct Row<'a> {
    /// 1-based spreadsheet row.
    number: usize,
    cells: &'a [&'a str],
}

/// Every cell of a table in one list, row after row, and the number of cells
/// of each row: one allocation for the whole table rather than one per cell
/// and per row.
struct Cells<'t> {
    /// Every cell, first row first.
    cells: Vec<&'t str>,
    /// How many cells each row has (0 for a blank line).
    widths: Vec<usize>,
}

impl<'t> Cells<'t> {
    fn of_grid(rows: &'t [Vec<String>]) -> Self {
        Self {
            cells: rows.iter().flatten().map(String::as_str).collect(),
            widths: rows.iter().map(Vec::len).collect(),
        }
    }

    /// The rows, numbered from 1.
    fn rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(self.widths.len());
        let mut at = 0usize;
        for (i, &width) in self.widths.iter().enumerate() {
            let end = at.saturating_add(width);
            rows.push(Row {
                number: i.saturating_add(1),
                cells: self.cells.get(at..end).unwrap_or_default(),
            });
            at = end;
        }
        rows
    }

    /// The rows as owned text, `grid[i]` being row `i + 1`.
    fn to_grid(&self) -> Vec<Vec<String>> {
        self.rows()
            .iter()
            .map(|r| r.cells.iter().map(|c| (*c).to_string()).collect())
            .collect()
    }
}

impl Row<'_> {
    #[inline]
    fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| trim(c))
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| trim(c).is_empty())
    }

    /// A cell holding text (a number label, a title, a group…): trimmed, without
    /// the apostrophe that protects it from being taken for a formula.
    #[inline]
    fn text(&self, column: usize) -> &str {
        unprotect(self.cell(column))
    }
}

/// `text` (trimmed) without the apostrophe put before a text cell so that a
/// spreadsheet does not take it for a formula (`'=Total`, `'-5 ans`, written by
/// [`crate::export`] and by careful users): the apostrophe is dropped when the
/// next character is one that starts a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return). Only text cells are unprotected; a figure cell `'-5` stays
/// unreadable, as a spreadsheet would hold it as text.
fn unprotect(text: &str) -> &str {
    let text = trim(text);
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.trim(),
        _ => text,
    }
}

/// [`str::trim`], looking at the characters only when an end is not a visible
/// ASCII character (most cells: this runs several times for every cell).
#[inline]
fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        return text;
    }
    // `93 507,00 €` ends with a character that is not ASCII but not a blank
    // either: nothing to trim at that end.
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if solid(text.chars().next()) && solid(text.chars().next_back()) {
        text
    } else {
        text.trim()
    }
}

/// The delimiter: a tab if there is one outside quoted cells, else `;` or `,`,
/// whichever cuts the first rows into a consistent number of cells (`;` when
/// both do, as French CSV uses `;` with decimal commas).
fn detect_delimiter(text: &str) -> u8 {
    if has_tab_outside_quotes(text) {
        return b'\t';
    }
    // (cuts into several cells, how many of the first rows share the usual count)
    let score = |delimiter: u8| -> (bool, usize) {
        let mut counts: Vec<usize> = csv_reader(text, delimiter)
            .byte_records()
            .take(HEADER_SEARCH_ROWS)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        counts.sort_unstable();
        let mut best = (0usize, 0usize); // (count, frequency)
        for chunk in counts.chunk_by(|a, b| a == b) {
            let (Some(&n), len) = (chunk.first(), chunk.len()) else {
                continue;
            };
            if len > best.1 || (len == best.1 && n > best.0) {
                best = (n, len);
            }
        }
        (best.0 >= 2, best.1)
    };
    let semicolon = score(b';');
    let comma = score(b',');
    if semicolon.0 && (!comma.0 || semicolon.1 >= comma.1) {
        b';'
    } else if comma.0 {
        b','
    } else {
        b'\t'
    }
}

/// Whether a tab appears outside quoted cells. A tab inside a quoted cell of a
/// `;` CSV (`1;"a<tab>b";3`) does not make the text tab-separated. A quote opens a
/// quoted cell only at the start of a cell (after a line break, a tab, `;` or
/// `,`), as in the CSV format; a stray quote inside a cell (`12" écran`) does not.
fn has_tab_outside_quotes(text: &str) -> bool {
    let mut in_quotes = false;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if in_quotes {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match b {
            b'\t' => return true,
            b'"' if at_cell_start => in_quotes = true,
            b';' | b',' | b'\n' | b'\r' => {
                at_cell_start = true;
                continue;
            }
            _ => {}
        }
        at_cell_start = false;
    }
    false
}

fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Number of line breaks in `bytes` (CRLF, LF or CR alone each count once).
fn count_line_breaks(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\n' {
            count += 1;
        } else if b == b'\r' {
            count += 1;
            if iter.peek() == Some(&&b'\n') {
                iter.next();
            }
        }
    }
    count
}

/// Number of blank lines from byte `start` to the next record. The `csv` crate
/// places a record where the previous one stopped: before the blank lines it
/// skipped, and possibly between the CR and LF of the previous line break.
fn blank_lines_before(bytes: &[u8], start: usize) -> usize {
    let mut from = start;
    if from > 0 && bytes.get(from - 1) == Some(&b'\r') && bytes.get(from) == Some(&b'\n') {
        from += 1;
    }
    let rest = bytes.get(from..).unwrap_or_default();
    let blank = rest
        .iter()
        .position(|b| *b != b'\r' && *b != b'\n')
        .unwrap_or(rest.len());
    count_line_breaks(rest.get(..blank).unwrap_or_default())
}

/// Cuts the text (without its BOM) into rows of cells, as [`text_grid`]
/// describes. Cells of a text without quotes are slices of `text`; otherwise
/// the `csv` crate unquotes them into `storage`, and cells are slices of it.
fn cut_text<'a>(text: &'a str, storage: &'a mut String) -> Cells<'a> {
    let delimiter = detect_delimiter(text);
    if text.contains('"') {
        quoted_cells(text, delimiter, storage)
    } else {
        unquoted_cells(text, char::from(delimiter))
    }
}

/// The cells of a text with quotes, read by the `csv` crate. The crate skips
/// blank lines; they are put back so that row numbers match the
/// spreadsheet's. Every cell is copied once, into `storage`.
fn quoted_cells<'s>(text: &str, delimiter: u8, storage: &'s mut String) -> Cells<'s> {
    let bytes = text.as_bytes();
    let mut reader = csv_reader(text, delimiter);
    let mut record = csv::ByteRecord::new();
    storage.clear();
    storage.reserve(text.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut widths: Vec<usize> = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        widths.extend(std::iter::repeat_n(0, blank_lines_before(bytes, start)));
        widths.push(record.len());
        // Cut at ASCII delimiters of valid UTF-8, every cell is valid UTF-8;
        // if one were not, each cell would be decoded on its own, lossily.
        match std::str::from_utf8(record.as_slice()) {
            Ok(all) => {
                let base = storage.len();
                storage.push_str(all);
                for i in 0..record.len() {
                    if let Some(r) = record.range(i) {
                        ranges.push((base.saturating_add(r.start), base.saturating_add(r.end)));
                    }
                }
            }
            Err(_) => {
                for field in &record {
                    let from = storage.len();
                    storage.push_str(&String::from_utf8_lossy(field));
                    ranges.push((from, storage.len()));
                }
            }
        }
    }
    let storage: &'s String = storage;
    Cells {
        cells: ranges
            .into_iter()
            .map(|(from, to)| storage.get(from..to).unwrap_or_default())
            .collect(),
        widths,
    }
}

/// The cells of a text without any quote, where the CSV rules come down to
/// cutting lines (at CRLF, LF or a lone CR) and cells (at the delimiter): the
/// same rows as [`quoted_cells`] would give, faster, for the common paste of a
/// table without quotes, and without copying any cell. As with the `csv`
/// crate, an empty line is an empty row and empty lines at the end are no rows
/// at all.
fn unquoted_cells(text: &str, delimiter: char) -> Cells<'_> {
    // Room for a cell every 16 bytes and a line every 64 (a pasted annex has
    // a few more): most of the growing done at once.
    let mut cells: Vec<&str> = Vec::with_capacity(text.len() / 16);
    let mut widths: Vec<usize> = Vec::with_capacity(text.len() / 64);
    let mut blank_run = 0usize;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let after = if rest.get(i..i.saturating_add(2)) == Some("\r\n") {
                    i.saturating_add(2)
                } else {
                    i.saturating_add(1)
                };
                (
                    rest.get(..i).unwrap_or_default(),
                    rest.get(after..).unwrap_or_default(),
                )
            }
            None => (rest, ""),
        };
        rest = next;
        if line.is_empty() {
            blank_run = blank_run.saturating_add(1);
            continue;
        }
        widths.extend(std::iter::repeat_n(0, blank_run));
        blank_run = 0;
        let before = cells.len();
        cells.extend(line.split(delimiter));
        widths.push(cells.len().saturating_sub(before));
    }
    Cells { cells, widths }
}

/// [`unquoted_cells`] as owned rows (for tests).
#[cfg(test)]
fn split_unquoted(text: &str, delimiter: char) -> Vec<Vec<String>> {
    unquoted_cells(text, delimiter).to_grid()
}

/// Blanks (line breaks included) collapsed to single spaces, ends trimmed.
fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Headings

/// Words of no weight when deciding whether a year is what a heading is about.
const STOP_WORDS: [&str; 19] = [
    "de", "du", "des", "d", "l", "la", "le", "les", "en", "pour", "au", "aux", "et", "part",
    "annee", "exercice", "sur", "par", "a",
];

/// Other funders recognised by name in a heading.
const NAMED_FUNDERS: [(&str, &str); 11] = [
    ("caf", "CAF"),
    ("msa", "MSA"),
    ("fse", "FSE"),
    ("feder", "FEDER"),
    ("ars", "ARS"),
    ("cpam", "CPAM"),
    ("cnaf", "CNAF"),
    ("epci", "EPCI"),
    ("region", "Région"),
    ("commune", "Communes"),
    ("communes", "Communes"),
];

/// A heading, folded and cut into words, ready to be matched.
struct Heading {
    /// Folded text, trimmed.
    folded: String,
    /// Folded text without blanks: for `(a)`, `(a+b+c)`.
    compact: String,
    /// Alphanumeric words of the folded text.
    words: Vec<String>,
    /// ` word word … ` with single spaces, for phrase matching on word boundaries.
    spaced: String,
}

impl Heading {
    fn new(text: &str) -> Self {
        let folded = fold(text.trim());
        let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let spaced = format!(" {} ", words.join(" "));
        Self {
            folded,
            compact,
            words,
            spaced,
        }
    }

    fn has_word(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }

    fn any_word(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has_word(w))
    }

    fn any_prefix(&self, prefixes: &[&str]) -> bool {
        self.words
            .iter()
            .any(|w| prefixes.iter().any(|p| w.starts_with(p)))
    }

    /// Whether the words contain `phrase` (words separated by single spaces).
    fn has_phrase(&self, phrase: &str) -> bool {
        self.spaced.contains(&format!(" {phrase} "))
    }

    fn any_phrase(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has_phrase(p))
    }

    /// The column letter of the annex: `A - …`, `(B)`, `F) …`.
    fn code_letter(&self) -> Option<char> {
        let mut chars = self.folded.chars();
        let first = chars.next()?;
        let after = chars.find(|c| !c.is_whitespace());
        if ('a'..='f').contains(&first) && matches!(after, Some('-' | '–' | '—' | ')' | '.' | ':'))
        {
            return Some(first);
        }
        ('a'..='f').find(|l| self.compact.contains(&format!("({l})")))
    }

    /// The funders a heading names, without repeats.
    fn funders(&self) -> Vec<FunderRef> {
        let code = self.code_letter();
        let mut found = Vec::new();
        let mut add = |f: FunderRef| {
            if !found.contains(&f) {
                found.push(f);
            }
        };
        if self.has_word("etat")
            || self.any_phrase(&["participations directes", "participation directe"])
            || code == Some('a')
        {
            add(FunderRef::State);
        }
        if self.any_word(&["cd", "departement", "cg"])
            || self.has_phrase("conseil departemental")
            || code == Some('b')
        {
            add(FunderRef::Departement);
        }
        if self.any_phrase(&[
            "autres financeurs",
            "autre financeur",
            "autres financements",
            "autres partenaires",
        ]) || code == Some('c')
        {
            add(FunderRef::Other("Autres financeurs".into()));
        }
        for (word, name) in NAMED_FUNDERS {
            if self.has_word(word) {
                add(FunderRef::Other(name.into()));
            }
        }
        found
    }

    /// The year a short heading is about (`2024`, `Subvention 2019`, `Etat 2025`);
    /// `None` when a year only dates a longer heading ("… pour la convention 2024").
    fn year(&self) -> Option<i32> {
        let is_year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let mut years = self
            .words
            .iter()
            .filter(|w| is_year(w))
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y));
        let year = years.next()?;
        if years.next().is_some() {
            return None;
        }
        let others = self
            .words
            .iter()
            .filter(|w| !is_year(w) && !STOP_WORDS.contains(&w.as_str()))
            .count();
        (others <= 3).then_some(year)
    }

    /// Words that are nothing but the year (and stop words).
    fn is_bare_year(&self) -> bool {
        self.words.iter().all(|w| {
            (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                || STOP_WORDS.contains(&w.as_str())
                || w == "montant"
                || w == "montants"
        })
    }
}

/// What a heading says, before looking at the other columns.
#[derive(Debug, PartialEq)]
enum Guess {
    Role(ColumnRole),
    /// A heading that is only a year (`2024`): the State's amounts of that year,
    /// or the year's total when other columns give each funder's amount for it.
    BareYear(i32),
}

/// The role a heading names, on its own. Matching ignores case, accents and
/// punctuation; the most specific rule wins:
///
/// 1. descriptive columns: `commentaire`, `observations` → comments; `taux` →
///    rate; `ligne budgétaire` → budget line; `intitulé`, `libellé` → title;
///    `fiche action`, `n°`, `numéro` → number; `axe`, `mesure`, `volet`,
///    `programme` → group;
///    `direction`, `service` → service;
/// 2. execution: `recette(s)`, `encaissé`, `perçu`, `versement` of a funder
///    named → received; `à reporter`, `report demandé` → to carry over;
///    `engagé(s)` → committed; `consommé`, `exécuté`, `réalisé`, `mandaté` →
///    executed for the funder named, or the executed total (`Consommation
///    totale`);
/// 3. planned parts: `report` → carry-over, `avenant` → amendment, of the funder
///    named (the State's when none is);
/// 4. planned total: `budget global`, `budget total`, `coût total`, `(A+B+C)`,
///    column letter F;
/// 5. year columns, when the year is what a short heading is about: `Etat 2024`
///    → the State's 2024 amount, `Total 2024` → the year's total, `2024` alone →
///    see [`Guess::BareYear`];
/// 6. a funder named (`Etat`, `part Etat`, `participations directes`, `(A)`; `CD`,
///    `département`, `(B)`; `autres financeurs`, `(C)`, `CAF`, `MSA`, `FSE`…) →
///    its planned amount; two funders or `prévisionnel`, `prévu`, `montant
///    inscrit`, `conventionné`, `total` without a funder → planned total;
///    `subvention` → the State's amount; `montant` alone → planned total;
/// 7. last, the looser words: `action` → number, `dépense` → title.
///
/// Carry-over, commitment, to-carry-over and received columns naming no funder
/// are read as the State's: in these reports they are the State's credits. When
/// *no* heading of the table names a funder, [`column_roles`] reads them as the
/// action's own amounts instead (not split by funder).
fn classify_header(text: &str) -> Guess {
    use ColumnRole as R;
    let h = Heading::new(text);
    if h.words.is_empty() {
        return Guess::Role(R::Ignored);
    }
    let funders = h.funders();
    let single = match funders.as_slice() {
        [f] => Some(f.clone()),
        _ => None,
    };
    let named_or_state = || single.clone().unwrap_or(FunderRef::State);
    let planned =
        |funder: FunderRef, part: Part, year: Option<i32>| R::Planned { funder, part, year };

    let role = if h.any_prefix(&["commentaire", "observation", "remarque"]) {
        R::Comments
    } else if h.has_word("taux") {
        R::Rate
    } else if h.has_phrase("ligne budgetaire") || h.has_word("imputation") {
        R::BudgetLine
    } else if h.any_prefix(&["intitule", "libelle", "designation"]) {
        R::Title
    } else if h.has_phrase("fiche action")
        || h.any_word(&["numero", "num", "no", "n"])
        || h.compact.starts_with("n°")
    {
        R::Number
    } else if h.any_word(&[
        "axe",
        "axes",
        "mesure",
        "mesures",
        "volet",
        "volets",
        "programme",
        "programmes",
    ]) {
        R::Group
    } else if funders.is_empty() && h.any_word(&["direction", "service", "services", "pilote"]) {
        R::Service
    } else if h.any_prefix(&["recette", "encaiss", "percu"])
        || (!funders.is_empty() && h.any_prefix(&["versement", "verse"]))
    {
        R::Received(named_or_state())
    } else if h.any_phrase(&["a reporter", "report demande", "reports demandes"]) {
        R::ToCarryOver(named_or_state())
    } else if h.any_prefix(&["engag"]) {
        R::Committed(named_or_state())
    } else if h.any_prefix(&["consomm", "execut", "realis", "mandat"]) {
        single.clone().map_or(R::ExecutedTotal, R::Executed)
    } else if h.any_word(&["report", "reports"]) {
        planned(named_or_state(), Part::CarryOver, None)
    } else if h.any_prefix(&["avenant"]) {
        planned(named_or_state(), Part::Amendment, None)
    } else if h.any_phrase(&["budget global", "budget total", "cout total", "cout global"])
        || h.compact.contains("a+b+c")
        || h.code_letter() == Some('f')
    {
        R::PlannedTotal
    } else if let Some(year) = h.year() {
        if let Some(funder) = single.clone() {
            planned(funder, Part::Base, Some(year))
        } else if funders.len() > 1 || h.any_word(&["total", "totaux", "budget", "cout", "global"])
        {
            R::YearTotal(year)
        } else if h.is_bare_year() {
            return Guess::BareYear(year);
        } else {
            planned(FunderRef::State, Part::Base, Some(year))
        }
    } else if let Some(funder) = single.clone() {
        planned(funder, Part::Base, None)
    } else if funders.len() > 1
        || h.has_phrase("montant inscrit")
        || h.any_prefix(&["previsionnel", "prevu", "conventionn", "inscrit"])
        || h.any_word(&["total", "totaux", "budget", "cout"])
    {
        R::PlannedTotal
    } else if h.any_word(&["subvention", "subventions", "dotation"]) {
        planned(FunderRef::State, Part::Base, None)
    } else if h.any_word(&["montant", "montants"]) {
        R::PlannedTotal
    } else if h.any_word(&["action", "actions", "fiche", "ref", "reference"]) {
        R::Number
    } else if h.any_prefix(&["depense"])
        || h.any_word(&[
            "titre",
            "objet",
            "operation",
            "operations",
            "projet",
            "projets",
        ])
    {
        R::Title
    } else {
        R::Ignored
    };
    Guess::Role(role)
}

/// Whether a row looks like the headings: at least two cells are known headings.
fn looks_like_header(row: &Row<'_>) -> bool {
    row.cells
        .iter()
        .filter(|c| !matches!(classify_header(c), Guess::Role(ColumnRole::Ignored)))
        .count()
        >= 2
}

fn detect_header_row(grid: &[Row<'_>]) -> Option<usize> {
    grid.iter()
        .take(HEADER_SEARCH_ROWS)
        .find(|r| looks_like_header(r))
        .map(|r| r.number)
}

/// The role of every column: the caller's, else the heading's, with the choices
/// that depend on the other columns made last.
fn column_roles(
    grid: &[Row<'_>],
    headers: &[String],
    width: usize,
    has_header: bool,
    data_start: usize,
    options: &ReadOptions,
) -> (Vec<ColumnRole>, Vec<Assumption>) {
    let overrides = options.columns.as_deref().unwrap_or_default();
    if !has_header && overrides.is_empty() {
        return guess_roles_from_content(grid, width, data_start);
    }
    let guesses: Vec<Guess> = (0..width)
        .map(|i| match overrides.get(i) {
            Some(role) => Guess::Role(role.clone()),
            None => classify_header(headers.get(i).map_or("", String::as_str)),
        })
        .collect();
    let dated_funder_years: Vec<i32> = guesses
        .iter()
        .filter_map(|g| match g {
            Guess::Role(ColumnRole::Planned { year: Some(y), .. }) => Some(*y),
            _ => None,
        })
        .collect();
    let mut roles: Vec<ColumnRole> = guesses
        .into_iter()
        .map(|g| match g {
            Guess::Role(role) => role,
            Guess::BareYear(y) if dated_funder_years.contains(&y) => ColumnRole::YearTotal(y),
            Guess::BareYear(y) => ColumnRole::Planned {
                funder: FunderRef::State,
                part: Part::Base,
                year: Some(y),
            },
        })
        .collect();
    // "Total Etat" next to "Report Etat" and "Avenant Etat" repeats their sum: it
    // is not another amount of the State (it would be counted twice).
    for i in 0..roles.len() {
        let Some(ColumnRole::Planned {
            funder,
            part: Part::Base,
            year: None,
        }) = roles.get(i)
        else {
            continue;
        };
        let detected = overrides.get(i).is_none();
        let says_total =
            Heading::new(headers.get(i).map_or("", String::as_str)).any_word(&["total", "totaux"]);
        let has_parts = roles.iter().enumerate().any(|(j, r)| {
            j != i && matches!(r, ColumnRole::Planned { funder: g, .. } if g == funder)
        });
        if detected && says_total && has_parts {
            if let Some(role) = roles.get_mut(i) {
                *role = ColumnRole::Ignored;
            }
        }
    }
    let mut assumptions = Vec::new();
    let header = |i: usize| headers.get(i).cloned().unwrap_or_default();
    let detected = |i: usize| overrides.get(i).is_none();
    if let Some(alternative) = unsplit_when_no_funder_is_named(&mut roles, headers, overrides) {
        assumptions.push(Assumption {
            kind: AssumptionKind::Unsplit,
            columns: alternative
                .iter()
                .map(|(i, _)| (*i, header(i - 1)))
                .collect(),
            alternative,
            rows: Vec::new(),
            groups_from_subtotals: None,
            group_rows: None,
        });
    }
    // A table split by funder with a commitment or carry-over column that
    // names none (« Crédits engagés », « Report demandé »): the action's own
    // figure, not the State's.
    let split = !roles
        .iter()
        .any(|r| r.funder() == Some(&FunderRef::Unsplit));
    // Planned amounts of no funder in a table that names others (« Report
    // 2021 », « Subvention », « Avenant »): the State's, as in these reports,
    // but said.
    if split {
        let defaulted: Vec<(usize, ColumnRole)> = roles
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                detected(*i)
                    && matches!(
                        r,
                        ColumnRole::Planned {
                            funder: FunderRef::State,
                            ..
                        }
                    )
                    && Heading::new(headers.get(*i).map_or("", String::as_str))
                        .funders()
                        .is_empty()
            })
            .filter_map(|(i, r)| match r {
                ColumnRole::Planned { part, year, .. } => Some((
                    i + 1,
                    ColumnRole::Planned {
                        funder: FunderRef::Departement,
                        part: *part,
                        year: *year,
                    },
                )),
                _ => None,
            })
            .collect();
        if !defaulted.is_empty() {
            assumptions.push(Assumption {
                kind: AssumptionKind::StateByDefault,
                columns: defaulted.iter().map(|(i, _)| (*i, header(i - 1))).collect(),
                alternative: defaulted,
                rows: Vec::new(),
                groups_from_subtotals: None,
                group_rows: None,
            });
        }
    }
    if split {
        for (i, role) in roles.iter_mut().enumerate() {
            let names = !Heading::new(headers.get(i).map_or("", String::as_str))
                .funders()
                .is_empty();
            if !detected(i) || names {
                continue;
            }
            match role {
                ColumnRole::Committed(f) | ColumnRole::ToCarryOver(f) if *f == FunderRef::State => {
                    *f = FunderRef::Unsplit;
                }
                _ => {}
            }
        }
    }
    if !roles.contains(&ColumnRole::Title) {
        let data: Vec<&Row<'_>> = grid.iter().filter(|r| r.number >= data_start).collect();
        let found = (0..roles.len()).find(|&i| {
            detected(i)
                && matches!(roles.get(i), Some(ColumnRole::Ignored | ColumnRole::Number))
                && holds_titles(&data, i)
        });
        if let Some(i) = found {
            let before = roles.get(i).cloned().unwrap_or(ColumnRole::Ignored);
            if let Some(slot) = roles.get_mut(i) {
                *slot = ColumnRole::Title;
            }
            let alternative = match before {
                ColumnRole::Number => ColumnRole::Number,
                _ => ColumnRole::Ignored,
            };
            assumptions.push(Assumption {
                kind: AssumptionKind::TitleColumn,
                columns: vec![(i + 1, header(i))],
                alternative: vec![(i + 1, alternative)],
                rows: Vec::new(),
                groups_from_subtotals: None,
                group_rows: None,
            });
        }
    }
    (roles, assumptions)
}

/// When no heading of the table names a funder (nor a column the user gave a
/// funder), the amounts the reader would have booked to the State by default
/// (`2024`, `CA 2023`, `Report`, `Montant à reporter`), or the planned total
/// (`Montant inscrit dans la convention`) when there is no other planned
/// column, are the actions' own: read as [`FunderRef::Unsplit`]. Returns the
/// columns changed (1-based) with the role they would otherwise have had.
fn unsplit_when_no_funder_is_named(
    roles: &mut [ColumnRole],
    headers: &[String],
    overrides: &[ColumnRole],
) -> Option<Vec<(usize, ColumnRole)>> {
    use ColumnRole as R;
    let detected = |i: usize| overrides.get(i).is_none();
    let names_funder = roles.iter().enumerate().any(|(i, r)| match r.funder() {
        None | Some(FunderRef::Unsplit) => false,
        Some(_) => {
            !detected(i)
                || !Heading::new(headers.get(i).map_or("", String::as_str))
                    .funders()
                    .is_empty()
        }
    });
    if names_funder {
        return None;
    }
    let unsplit = |part: Part, year: Option<i32>| R::Planned {
        funder: FunderRef::Unsplit,
        part,
        year,
    };
    let state = |part: Part, year: Option<i32>| R::Planned {
        funder: FunderRef::State,
        part,
        year,
    };
    let mut changed: Vec<(usize, ColumnRole)> = Vec::new();
    // The planned amounts: those the State would have had by default…
    for (i, role) in roles.iter_mut().enumerate() {
        if let (true, R::Planned { funder, part, year }) = (detected(i), &*role) {
            if *funder == FunderRef::State {
                let (part, year) = (*part, *year);
                changed.push((i + 1, std::mem::replace(role, unsplit(part, year))));
            }
        }
    }
    // …else the planned total (montant inscrit dans la convention), else the
    // totals of each year.
    if !roles.iter().any(|r| matches!(r, R::Planned { .. })) {
        let total =
            (0..roles.len()).find(|&i| detected(i) && roles.get(i) == Some(&R::PlannedTotal));
        if let Some((i, role)) = total.and_then(|i| Some((i, roles.get_mut(i)?))) {
            *role = unsplit(Part::Base, None);
            changed.push((i + 1, state(Part::Base, None)));
        } else {
            for (i, role) in roles.iter_mut().enumerate() {
                if let (true, R::YearTotal(year)) = (detected(i), &*role) {
                    let year = Some(*year);
                    *role = unsplit(Part::Base, year);
                    changed.push((i + 1, state(Part::Base, year)));
                }
            }
        }
    }
    if changed.is_empty() {
        return None;
    }
    // An AP/CP schedule's « Reste à financer » (what no year's credit covers
    // yet) is the rest of the action's amount, of no year: with the years it
    // makes the declared AP.
    for (i, role) in roles.iter_mut().enumerate() {
        let rest = Heading::new(headers.get(i).map_or("", String::as_str)).any_phrase(&[
            "reste a financer",
            "reste a programmer",
            "reste a realiser",
            "reste a mandater",
        ]);
        if detected(i) && rest && *role == R::Ignored {
            changed.push((i + 1, R::Ignored));
            *role = unsplit(Part::Base, None);
        }
    }
    // The execution figures of the same actions: theirs too.
    for (i, role) in roles.iter_mut().enumerate() {
        if !detected(i) {
            continue;
        }
        let own = match &*role {
            R::Committed(FunderRef::State) => R::Committed(FunderRef::Unsplit),
            R::ToCarryOver(FunderRef::State) => R::ToCarryOver(FunderRef::Unsplit),
            R::ExecutedTotal => R::Executed(FunderRef::Unsplit),
            _ => continue,
        };
        changed.push((i + 1, std::mem::replace(role, own)));
    }
    changed.sort_by_key(|(i, _)| *i);
    Some(changed)
}

/// Whether the data cells of column `i` read as titles: mostly text that is
/// not an amount, with at least one cell of several words (numbers like `2.9`
/// or `A1` are not titles).
fn holds_titles(data: &[&Row<'_>], i: usize) -> bool {
    let cells: Vec<&str> = data
        .iter()
        .map(|r| r.text(i))
        .filter(|c| !c.is_empty())
        .collect();
    let texts = cells
        .iter()
        .filter(|c| {
            !matches!(
                parse_cell(c),
                Ok(CellValue::Amount { .. } | CellValue::Percent(_))
            )
        })
        .count();
    let worded = cells
        .iter()
        .filter(|c| c.chars().count() > 6 && c.contains(char::is_whitespace))
        .count();
    !cells.is_empty() && texts * 2 > cells.len() && worded * 2 >= cells.len()
}

/// Roles for a table without headings, from what its cells hold: the first text
/// column is the title (after a first column of short labels, the number), and
/// the figure columns are, in order, the State's, the Département's, then other
/// funders' planned amounts. A guess for the user to check.
fn guess_roles_from_content(
    grid: &[Row<'_>],
    width: usize,
    data_start: usize,
) -> (Vec<ColumnRole>, Vec<Assumption>) {
    let data: Vec<&Row<'_>> = grid.iter().filter(|r| r.number >= data_start).collect();
    let is_figure_column = |i: usize| {
        let cells: Vec<&str> = data
            .iter()
            .map(|r| r.cell(i))
            .filter(|c| !c.is_empty())
            .collect();
        !cells.is_empty()
            && cells.iter().all(|c| {
                matches!(
                    parse_cell(c),
                    Ok(CellValue::Amount { .. } | CellValue::NotAvailable)
                )
            })
    };
    let is_short_label_column = |i: usize| {
        let cells: Vec<&str> = data
            .iter()
            .map(|r| r.cell(i))
            .filter(|c| !c.is_empty())
            .collect();
        !cells.is_empty()
            && cells
                .iter()
                .all(|c| c.chars().count() <= 6 && !c.contains(char::is_whitespace))
    };
    let mut roles = vec![ColumnRole::Ignored; width];
    let mut figures = 0usize;
    let mut has_title = false;
    for (i, role) in roles.iter_mut().enumerate() {
        let text_column = !data.iter().all(|r| r.cell(i).is_empty()) && !is_figure_column(i);
        if i == 0 && is_short_label_column(0) && width > 1 {
            *role = ColumnRole::Number;
        } else if text_column && !has_title {
            *role = ColumnRole::Title;
            has_title = true;
        } else if is_figure_column(i) {
            let funder = match figures {
                0 => FunderRef::State,
                1 => FunderRef::Departement,
                _ => FunderRef::Other(format!("Colonne {}", i + 1)),
            };
            *role = ColumnRole::Planned {
                funder,
                part: Part::Base,
                year: None,
            };
            figures += 1;
        }
    }
    let amount_columns: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, ColumnRole::Planned { .. }))
        .map(|(i, _)| i + 1)
        .collect();
    let mut assumptions = Vec::new();
    if !amount_columns.is_empty() {
        // One amount per action: not split. Several: the mapping is where the
        // user says whose each one is.
        let alternative = match amount_columns.as_slice() {
            [only] => vec![(
                *only,
                ColumnRole::Planned {
                    funder: FunderRef::Unsplit,
                    part: Part::Base,
                    year: None,
                },
            )],
            _ => Vec::new(),
        };
        assumptions.push(Assumption {
            kind: AssumptionKind::FundersByPosition,
            columns: amount_columns.iter().map(|i| (*i, String::new())).collect(),
            alternative,
            rows: Vec::new(),
            groups_from_subtotals: None,
            group_rows: None,
        });
    }
    (roles, assumptions)
}

// ---------------------------------------------------------------------------
// Reading the rows

/// What a total row's label says.
#[derive(Clone, Copy, Debug, PartialEq)]
enum TotalLabel {
    /// `Sous total`, `Sous-total - Axe 1`.
    Sub,
    /// `Total`, `Montant total`: a group's or the whole table's, from context.
    Plain,
    /// `Total général`, `TOTAL FINANCIER`.
    Grand,
}

/// Group kind from the first word of a name or heading.
fn group_kind_of(text: &str) -> Option<GroupKind> {
    let h = Heading::new(text);
    match h.words.first().map(String::as_str) {
        Some("axe" | "axes") => Some(GroupKind::Axe),
        Some("mesure" | "mesures") => Some(GroupKind::Mesure),
        Some("volet" | "volets") => Some(GroupKind::Volet),
        _ => None,
    }
}

fn total_label_of(text: &str) -> Option<TotalLabel> {
    // Every total label's first word starts with s, t or m (`sous`, `s/`,
    // `total`, `totaux`, `montant`): most cells are not looked at further.
    let first = text
        .chars()
        .find(|c| c.is_alphanumeric() || matches!(c, '°' | 'º'));
    if !matches!(first, Some('s' | 'S' | 't' | 'T' | 'm' | 'M')) {
        return None;
    }
    let h = Heading::new(text);
    let first = h.words.first().map(String::as_str);
    let second = h.words.get(1).map(String::as_str);
    let grand = h.any_word(&["general", "generaux", "financier", "convention", "global"]);
    match (first, second) {
        (Some("sous" | "s"), Some("total" | "totaux")) | (Some("soustotal"), _) => {
            Some(TotalLabel::Sub)
        }
        (Some("total" | "totaux"), _) | (Some("montant"), Some("total")) => Some(if grand {
            TotalLabel::Grand
        } else {
            TotalLabel::Plain
        }),
        _ => None,
    }
}

/// The state of the reading, row after row.
struct TableReader<'a> {
    columns: &'a [Column],
    /// Funder index of each column, for columns of a funder.
    funder_of_column: Vec<Option<FunderId>>,
    conv: Convention,
    errors: Vec<CellError>,
    rows: Vec<RowReading>,
    /// Group of the rows being read ("same as above").
    current_group: Option<GroupId>,
    /// Whether the current group already had its subtotal row.
    group_closed: bool,
    /// Whether any group had a subtotal row so far.
    seen_group_subtotal: bool,
    /// Kind of groups whose name does not say it (from the group column's heading).
    default_group_kind: GroupKind,
    /// Whether the table gives executed amounts per funder.
    has_executed_split: bool,
    /// Row number of the table's last total row.
    last_total_row: Option<usize>,
    /// Whether a grand total row was read.
    after_grand_total: bool,
    /// Columns of each text role, first to last (0-based).
    text_columns: TextColumns,
    /// The first action not yet covered by a total row.
    pending_from: ActionId,
    /// Whether total rows below actions of no group form groups.
    groups_from_subtotals: bool,
    /// The total rows that formed groups (row, label).
    inferred_groups: Vec<(usize, String)>,
    /// Header rows inside the table read as group headings (row, name).
    headers_inside: Vec<(usize, String)>,
    /// Whether rows carrying their group's subtotal above it are looked for.
    group_rows: bool,
}

/// The 0-based columns of each text role (looked up for every row).
#[derive(Default)]
struct TextColumns {
    number: Vec<usize>,
    title: Vec<usize>,
    group: Vec<usize>,
    budget_line: Vec<usize>,
    service: Vec<usize>,
}

impl TextColumns {
    fn new(columns: &[Column]) -> Self {
        let mut found = Self::default();
        for (i, c) in columns.iter().enumerate() {
            let list = match c.role {
                ColumnRole::Number => &mut found.number,
                ColumnRole::Title => &mut found.title,
                ColumnRole::Group => &mut found.group,
                ColumnRole::BudgetLine => &mut found.budget_line,
                ColumnRole::Service => &mut found.service,
                _ => continue,
            };
            list.push(i);
        }
        found
    }
}

impl<'a> TableReader<'a> {
    fn new(columns: &'a [Column], options: &ReadOptions) -> Self {
        let mut conv = Convention::default();
        // A table whose amounts are not split by funder has no State nor
        // Département: only its own amounts.
        let unsplit = columns.iter().any(|c| {
            matches!(
                c.role,
                ColumnRole::Planned {
                    funder: FunderRef::Unsplit,
                    ..
                }
            )
        });
        if unsplit {
            conv.funders.clear();
        }
        // In a table split by funder, an execution column of no funder is
        // the action's own figure: no funder of its own.
        let funder_of_column = columns
            .iter()
            .map(|c| {
                c.role
                    .funder()
                    .filter(|f| unsplit || **f != FunderRef::Unsplit)
                    .map(|f| funder_id(&mut conv, f))
            })
            .collect();
        let mut years: Vec<i32> = columns
            .iter()
            .filter_map(|c| match c.role {
                ColumnRole::Planned { year: Some(y), .. } | ColumnRole::YearTotal(y) => Some(y),
                _ => None,
            })
            .collect();
        years.sort_unstable();
        years.dedup();
        conv.years = years;
        let default_group_kind = columns
            .iter()
            .find(|c| c.role == ColumnRole::Group)
            .and_then(|c| group_kind_of(&c.header))
            .unwrap_or(GroupKind::Other);
        let has_executed_split = columns
            .iter()
            .any(|c| matches!(c.role, ColumnRole::Executed(_)));
        Self {
            columns,
            funder_of_column,
            conv,
            errors: Vec::new(),
            rows: Vec::new(),
            current_group: None,
            group_closed: false,
            seen_group_subtotal: false,
            default_group_kind,
            has_executed_split,
            last_total_row: None,
            after_grand_total: false,
            text_columns: TextColumns::new(columns),
            pending_from: 0,
            groups_from_subtotals: options.groups_from_subtotals.unwrap_or(true),
            inferred_groups: Vec::new(),
            headers_inside: Vec::new(),
            group_rows: options.group_rows.unwrap_or(true),
        }
    }

    /// Text of the first column with this role in `row`.
    fn text_of(&self, row: &Row<'_>, role: &ColumnRole) -> String {
        let columns = match role {
            ColumnRole::Number => &self.text_columns.number,
            ColumnRole::Title => &self.text_columns.title,
            ColumnRole::Group => &self.text_columns.group,
            ColumnRole::BudgetLine => &self.text_columns.budget_line,
            ColumnRole::Service => &self.text_columns.service,
            _ => return String::new(),
        };
        columns
            .iter()
            .map(|&i| row.text(i))
            .find(|t| !t.is_empty())
            .map(str::to_string)
            .unwrap_or_default()
    }

    fn read_row(&mut self, row: &Row<'_>) -> RowKind {
        if row.is_blank() {
            return RowKind::Empty;
        }
        let number = self.text_of(row, &ColumnRole::Number);
        if let Some((label, kind)) = self.total_label_with(row, &number) {
            return self.read_total(row, label, kind);
        }
        let mut title = self.text_of(row, &ColumnRole::Title);
        let mut number = number;
        if number.is_empty() {
            if let Some((n, t)) = number_in_title(&title) {
                (number, title) = (n, t);
            }
        }
        let has_figure = self
            .columns
            .iter()
            .any(|c| c.role.is_figure() && !row.cell(c.index - 1).is_empty());
        // Below the grand total, rows without a number or figures are notes.
        if self.after_grand_total && number.is_empty() && !has_figure {
            return RowKind::Ignored;
        }
        if let Some(name) = self.group_heading(row) {
            let id = self.open_group(&name);
            return RowKind::GroupHeading(id);
        }
        if has_figure && self.is_header_again(row) {
            // The same headings again (a page break): nothing to read. Other
            // headings (a second table): a group named by their first cell.
            let same = self
                .columns
                .iter()
                .all(|c| fold(&collapse_blanks(row.text(c.index - 1))) == fold(&c.header));
            if same {
                return RowKind::Header;
            }
            let name = row
                .cells
                .iter()
                .map(|c| unprotect(c))
                .find(|c| !c.is_empty())
                .map(collapse_blanks)
                .unwrap_or_default();
            // The actions above, of no group, are the first table's: a group
            // named by the first heading (« ACTIONS SOLIDARITES »).
            let first = self.columns.first().map(|c| c.header.clone());
            if self.headers_inside.is_empty() && self.text_columns.group.is_empty() {
                if let Some(first) = first.filter(|h| !h.is_empty()) {
                    let ungrouped: Vec<ActionId> = (0..self.conv.actions.len())
                        .filter(|&i| self.conv.actions.get(i).is_some_and(|a| a.group.is_none()))
                        .collect();
                    if !ungrouped.is_empty() {
                        let g = self.open_group(&first);
                        for i in ungrouped {
                            if let Some(a) = self.conv.actions.get_mut(i) {
                                a.group = Some(g);
                            }
                        }
                    }
                }
            }
            self.headers_inside.push((row.number, name.clone()));
            self.pending_from = self.conv.actions.len();
            let id = self.open_group(&name);
            return RowKind::GroupHeading(id);
        }
        if number.is_empty() && title.is_empty() && !has_figure {
            return RowKind::Ignored;
        }
        let group_cell = self.text_of(row, &ColumnRole::Group);
        if !group_cell.is_empty() {
            self.open_group(&group_cell);
        }
        let id = self.read_action(row, number, title);
        RowKind::Action(id)
    }

    /// The label and kind of a total row, if `row` is one. An action number in
    /// the row makes it an action, whatever its title says.
    fn total_label(&self, row: &Row<'_>) -> Option<(String, TotalLabel)> {
        self.total_label_with(row, &self.text_of(row, &ColumnRole::Number))
    }

    /// [`Self::total_label`] of a row whose number cell holds `number`.
    fn total_label_with(&self, row: &Row<'_>, number: &str) -> Option<(String, TotalLabel)> {
        if !number.is_empty() {
            return total_label_of(number).map(|k| (number.to_string(), k));
        }
        let label_columns = self.columns.iter().filter(|c| {
            matches!(
                c.role,
                ColumnRole::Title | ColumnRole::Group | ColumnRole::Ignored
            )
        });
        let first_non_empty = row
            .cells
            .iter()
            .map(|c| unprotect(c))
            .find(|c| !c.is_empty());
        label_columns
            .map(|c| row.text(c.index - 1))
            .chain(first_non_empty)
            .filter(|t| !t.is_empty())
            .find_map(|t| total_label_of(t).map(|k| (collapse_blanks(t), k)))
    }

    /// The group a row opens, if it only names a group: text in the group column
    /// and nothing else, or one cell starting with `Axe`, `Mesure` or `Volet`.
    fn group_heading(&self, row: &Row<'_>) -> Option<String> {
        let role_of = |i: usize| self.columns.get(i).map(|c| &c.role);
        let mut filled = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| (i, unprotect(c)))
            .filter(|(_, c)| !c.is_empty());
        let (first_column, first_text) = filled.next()?;
        let mut all_in_group_column = matches!(role_of(first_column), Some(ColumnRole::Group));
        let mut single = true;
        for (i, _) in filled {
            single = false;
            if !matches!(role_of(i), Some(ColumnRole::Group)) {
                all_in_group_column = false;
                break;
            }
        }
        if all_in_group_column
            || (single
                && !role_of(first_column).is_some_and(ColumnRole::is_figure)
                && group_kind_of(first_text).is_some())
        {
            Some(collapse_blanks(first_text))
        } else {
            None
        }
    }

    fn open_group(&mut self, name: &str) -> GroupId {
        let name = collapse_blanks(name);
        let id = match self.conv.groups.iter().position(|g| g.name == name) {
            Some(id) => id,
            None => {
                let kind = group_kind_of(&name).unwrap_or(self.default_group_kind);
                self.conv.groups.push(Group { kind, name });
                self.conv.groups.len() - 1
            }
        };
        if self.current_group != Some(id) {
            self.group_closed = false;
        }
        self.current_group = Some(id);
        id
    }

    /// Rows without number whose planned amounts are, funder by funder,
    /// exactly the sum of the actions just below them (at least one numbered
    /// action, or two): their group, with their amounts as its declared
    /// subtotal. Only in tables without groups. Returns those rows (row,
    /// title).
    fn group_rows_with_their_subtotal(&mut self) -> Vec<(usize, String)> {
        let n = self.conv.actions.len();
        let funders = self.conv.funders.len();
        if n < 2 || self.conv.actions.iter().any(|a| a.group.is_some()) {
            return Vec::new();
        }
        let sums = |a: &Action| -> Option<Vec<Decimal>> {
            let mut out = vec![Decimal::ZERO; funders];
            for p in &a.planned {
                let slot = out.get_mut(p.funder)?;
                *slot = slot.checked_add(p.value)?;
            }
            Some(out)
        };
        let amounts: Vec<Option<Vec<Decimal>>> = self.conv.actions.iter().map(sums).collect();
        // Strictly (a group row over one numbered action, or over two or
        // more), else loosely (over any one action) when the table's own
        // grand total then adds up, and not otherwise.
        let strict = self.scan_group_rows(&amounts, true);
        let loose = self.scan_group_rows(&amounts, false);
        let grand: Vec<(FunderId, Decimal)> = self
            .conv
            .declared
            .iter()
            .filter(|d| d.scope == Scope::Grand)
            .filter_map(|d| match d.measure {
                Measure::Planned(f) => Some((f, d.value)),
                _ => None,
            })
            .collect();
        let adds_up = |found: &[(ActionId, ActionId)]| {
            !grand.is_empty()
                && grand.iter().all(|(f, declared)| {
                    let mut sum = Decimal::ZERO;
                    for (k, a) in amounts.iter().enumerate() {
                        if found.iter().any(|(h, _)| *h == k) {
                            continue;
                        }
                        let v = a
                            .as_ref()
                            .and_then(|a| a.get(*f))
                            .copied()
                            .unwrap_or_default();
                        sum = sum.checked_add(v).unwrap_or(Decimal::MAX);
                    }
                    sum == *declared
                })
        };
        let found = if loose.len() > strict.len() && adds_up(&loose) {
            loose
        } else {
            strict
        };
        if found.is_empty() {
            return Vec::new();
        }
        self.take_group_rows(found, &amounts)
    }

    /// The group rows [`Self::group_rows_with_their_subtotal`] finds: (row,
    /// end of its actions), `strict` or not about how many actions it needs.
    fn scan_group_rows(
        &self,
        amounts: &[Option<Vec<Decimal>>],
        strict: bool,
    ) -> Vec<(ActionId, ActionId)> {
        let n = self.conv.actions.len();
        let funders = self.conv.funders.len();
        let mut found: Vec<(ActionId, ActionId)> = Vec::new();
        let mut i = 0;
        while i < n {
            let head = self.conv.actions.get(i);
            let target = amounts.get(i).cloned().flatten();
            let candidate = head.is_some_and(|a| a.number.is_empty() && !a.title.is_empty());
            let (Some(target), true) = (target, candidate) else {
                i += 1;
                continue;
            };
            if target.iter().all(Decimal::is_zero) || target.iter().any(|v| v.is_sign_negative()) {
                i += 1;
                continue;
            }
            let mut acc = vec![Decimal::ZERO; funders];
            let mut end = None;
            for j in (i + 1)..n {
                let Some(Some(row)) = amounts.get(j) else {
                    break;
                };
                if row.iter().any(|v| v.is_sign_negative()) {
                    break;
                }
                for (a, v) in acc.iter_mut().zip(row) {
                    *a = a.checked_add(*v).unwrap_or(Decimal::MAX);
                }
                if acc == target {
                    end = Some(j + 1);
                    break;
                }
                if acc.iter().zip(&target).any(|(a, t)| a > t) {
                    break;
                }
            }
            let numbered = |k: usize| {
                self.conv
                    .actions
                    .get(k)
                    .is_some_and(|a| !a.number.is_empty())
            };
            match end {
                Some(end) if !strict || end - i > 2 || (end - i == 2 && numbered(i + 1)) => {
                    found.push((i, end));
                    i = end;
                }
                _ => i += 1,
            }
        }
        found
    }

    /// Makes the `found` rows (row, end of its actions) groups of the actions
    /// below them, with their amounts as declared subtotals, and takes them
    /// out of the actions. Returns them (row, title).
    fn take_group_rows(
        &mut self,
        found: Vec<(ActionId, ActionId)>,
        amounts: &[Option<Vec<Decimal>>],
    ) -> Vec<(usize, String)> {
        let n = self.conv.actions.len();
        let mut told = Vec::new();
        let mut heads: Vec<(ActionId, GroupId)> = Vec::new();
        for (head, end) in found {
            let Some(a) = self.conv.actions.get(head).cloned() else {
                continue;
            };
            let kind = group_kind_of(&a.title).unwrap_or(GroupKind::Other);
            self.conv.groups.push(Group {
                kind,
                name: a.title.clone(),
            });
            let g = self.conv.groups.len() - 1;
            for k in (head + 1)..end {
                if let Some(x) = self.conv.actions.get_mut(k) {
                    x.group = Some(g);
                }
            }
            let row = a.source_row.unwrap_or(0);
            if let Some(Some(by_funder)) = amounts.get(head) {
                for (f, v) in by_funder.iter().enumerate() {
                    if a.planned.iter().any(|p| p.funder == f) {
                        self.declare(Scope::Group(g), Measure::Planned(f), *v, &a.title, row);
                    }
                }
            }
            for e in &a.execution.executed {
                self.declare(
                    Scope::Group(g),
                    Measure::Executed(e.funder),
                    e.value,
                    &a.title,
                    row,
                );
            }
            if let Some(t) = a.execution.executed_total {
                self.declare(Scope::Group(g), Measure::ExecutedTotal, t, &a.title, row);
            }
            told.push((row, a.title.clone()));
            heads.push((head, g));
        }
        // Take the group rows out of the actions; every id after them moves.
        let mut new_id: Vec<Option<ActionId>> = Vec::with_capacity(n);
        let mut next = 0;
        for id in 0..n {
            if heads.iter().any(|(h, _)| *h == id) {
                new_id.push(None);
            } else {
                new_id.push(Some(next));
                next += 1;
            }
        }
        let mut kept = 0;
        self.conv.actions.retain(|_| {
            let keep = new_id.get(kept).copied().flatten().is_some();
            kept += 1;
            keep
        });
        for d in &mut self.conv.declared {
            if let Scope::Action(a) = d.scope {
                d.scope = match (
                    new_id.get(a).copied().flatten(),
                    heads.iter().find(|(h, _)| *h == a),
                ) {
                    (Some(b), _) => Scope::Action(b),
                    (None, Some((_, g))) => Scope::Group(*g),
                    (None, None) => d.scope,
                };
            }
        }
        for r in &mut self.rows {
            if let RowKind::Action(a) = r.kind {
                r.kind = match (
                    new_id.get(a).copied().flatten(),
                    heads.iter().find(|(h, _)| *h == a),
                ) {
                    (Some(b), _) => RowKind::Action(b),
                    (None, Some((_, g))) => RowKind::GroupHeading(*g),
                    (None, None) => r.kind.clone(),
                };
            }
        }
        told
    }

    /// Whether `row` is a header row inside the table: no amount in its
    /// figure columns, text there instead, and at least two cells that are
    /// known headings. Stops at the first amount (most rows).
    fn is_header_again(&self, row: &Row<'_>) -> bool {
        let mut text = false;
        for c in self.columns.iter().filter(|c| c.role.is_figure()) {
            let cell = row.cell(c.index - 1);
            if cell.is_empty() {
                continue;
            }
            match parse_cell(cell) {
                Ok(CellValue::Empty | CellValue::NotAvailable) => {}
                Ok(_) => return false,
                Err(_) => text = true,
            }
        }
        text && looks_like_header(row)
    }

    /// The group a subtotal row below ungrouped actions closes, named after
    /// its label without the word total (`TOTAL AXE 1 Prévenir…` → `AXE 1
    /// Prévenir…`).
    fn inferred_group(&mut self, label: &str) -> GroupId {
        let words: Vec<&str> = label.split_whitespace().collect();
        let skip = words
            .iter()
            .take_while(|w| {
                let h = Heading::new(w);
                h.words.is_empty()
                    || h.words.iter().all(|x| {
                        matches!(x.as_str(), "sous" | "s" | "total" | "totaux" | "soustotal")
                    })
            })
            .count();
        let rest = words.get(skip..).unwrap_or_default().join(" ");
        let name = rest
            .trim_start_matches(['-', '–', '—', ':', ' '])
            .to_string();
        let name = if name.is_empty() {
            label.to_string()
        } else {
            name
        };
        let kind = group_kind_of(&name).unwrap_or(GroupKind::Other);
        self.conv.groups.push(Group { kind, name });
        self.conv.groups.len() - 1
    }

    fn error(&mut self, row: &Row<'_>, column: &Column, reason: NumberError) {
        self.errors.push(CellError {
            row: row.number,
            column: column.index,
            header: column.header.clone(),
            text: row.cell(column.index - 1).to_string(),
            reason,
        });
    }

    /// The figure in a cell of a figure column: an amount, or a ratio for rate
    /// columns. Empty and "not available" cells give `None`; unreadable ones an
    /// error, recorded, and `None`.
    fn figure(&mut self, row: &Row<'_>, column: &Column) -> Option<(Decimal, Option<String>)> {
        let text = row.cell(column.index - 1);
        match parse_cell(text) {
            Ok(CellValue::Empty | CellValue::NotAvailable) => None,
            Ok(CellValue::Percent(ratio)) if matches!(column.role, ColumnRole::Rate) => {
                Some((ratio, None))
            }
            Ok(CellValue::Percent(_)) => {
                let text = text.to_string();
                self.error(row, column, NumberError::UnexpectedPercent { text });
                None
            }
            Ok(CellValue::Amount { value, formula }) => {
                if matches!(column.role, ColumnRole::Rate) && column.header.contains('%') {
                    // "Taux (%)" holding 216: percentage points.
                    match percent_to_ratio(value) {
                        Some(ratio) => Some((ratio, formula)),
                        None => {
                            let text = text.to_string();
                            self.error(row, column, NumberError::OutOfRange { text });
                            None
                        }
                    }
                } else {
                    Some((value, formula))
                }
            }
            Err(reason) => {
                self.error(row, column, reason);
                None
            }
        }
    }

    fn declare(&mut self, scope: Scope, measure: Measure, value: Decimal, label: &str, row: usize) {
        self.conv.declared.push(Declared {
            scope,
            measure,
            value,
            label: label.to_string(),
            source_row: Some(row),
        });
    }

    fn read_action(&mut self, row: &Row<'_>, number: String, title: String) -> ActionId {
        let id = self.conv.actions.len();
        let optional = |s: String| if s.is_empty() { None } else { Some(s) };
        let comments: Vec<String> = self
            .columns
            .iter()
            .filter(|c| matches!(c.role, ColumnRole::Comments))
            .map(|c| row.text(c.index - 1).to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let mut action = Action {
            number,
            title,
            group: self.current_group,
            budget_line: optional(self.text_of(row, &ColumnRole::BudgetLine)),
            service: optional(self.text_of(row, &ColumnRole::Service)),
            comments: comments.join("\n"),
            source_row: Some(row.number),
            ..Action::default()
        };
        let columns = self.columns;
        for (i, column) in columns.iter().enumerate() {
            if !column.role.is_figure() {
                continue;
            }
            let errors_before = self.errors.len();
            let figure = self.figure(row, column);
            let funder = self.funder_of_column.get(i).copied().flatten();
            if self.errors.len() > errors_before {
                if let (ColumnRole::Planned { .. }, Some(f)) = (&column.role, funder) {
                    if !action.unread.contains(&f) {
                        action.unread.push(f);
                    }
                }
            }
            let Some((value, formula)) = figure else {
                continue;
            };
            let scope = Scope::Action(id);
            let label = column.header.as_str();
            match (&column.role, funder) {
                (ColumnRole::Planned { part, year, .. }, Some(funder)) => {
                    action.planned.push(Amount {
                        funder,
                        year: *year,
                        part: *part,
                        value,
                        formula,
                    });
                }
                (ColumnRole::Committed(_), Some(funder)) => {
                    action.execution.committed.push(FunderValue {
                        funder,
                        value,
                        formula,
                    });
                }
                (ColumnRole::Executed(_), Some(funder)) => {
                    action.execution.executed.push(FunderValue {
                        funder,
                        value,
                        formula,
                    });
                }
                (ColumnRole::ToCarryOver(_), Some(funder)) => {
                    action.execution.to_carry_over.push(FunderValue {
                        funder,
                        value,
                        formula,
                    });
                }
                (ColumnRole::Committed(FunderRef::Unsplit), None) => {
                    action.execution.committed_total = Some(value);
                }
                (ColumnRole::ToCarryOver(FunderRef::Unsplit), None) => {
                    action.execution.to_carry_over_total = Some(value);
                }
                (ColumnRole::PlannedTotal, _) => {
                    self.declare(scope, Measure::PlannedTotal, value, label, row.number);
                }
                (ColumnRole::ExecutedTotal, _) => {
                    if !self.has_executed_split && action.execution.executed_total.is_none() {
                        action.execution.executed_total = Some(value);
                    }
                    self.declare(scope, Measure::ExecutedTotal, value, label, row.number);
                }
                (ColumnRole::Rate, _) => {
                    self.declare(scope, Measure::ConsumptionRate, value, label, row.number);
                }
                (ColumnRole::YearTotal(year), _) => {
                    self.declare(scope, Measure::Year(*year), value, label, row.number);
                }
                (ColumnRole::Received(from), _) => {
                    let (from, name) = payer(from);
                    action.execution.received.push(Receipt {
                        from,
                        name,
                        value,
                        formula,
                    });
                }
                _ => {}
            }
        }
        self.conv.actions.push(action);
        id
    }

    /// Row number of the last total row of the table.
    fn last_total_row(&self, grid: &[Row<'_>]) -> Option<usize> {
        grid.iter()
            .rev()
            .find(|r| !r.is_blank() && self.total_label(r).is_some())
            .map(|r| r.number)
    }

    /// Reads a subtotal or total row: its figures become declared figures of the
    /// current group or of the whole table.
    fn read_total(&mut self, row: &Row<'_>, label: String, kind: TotalLabel) -> RowKind {
        // "Total axe 2", "Total Volet 1": a group's, whatever comes after.
        let names_group =
            Heading::new(&label).any_word(&["axe", "axes", "mesure", "mesures", "volet", "volets"]);
        let mut group = match kind {
            TotalLabel::Sub => self.current_group,
            TotalLabel::Grand => None,
            TotalLabel::Plain => {
                let open = self.current_group.is_some() && !self.group_closed;
                let last_without_subtotals =
                    self.last_total_row == Some(row.number) && !self.seen_group_subtotal;
                if names_group || (open && !last_without_subtotals) {
                    self.current_group
                } else {
                    None
                }
            }
        };
        // A subtotal below actions of no group, with no group heading nor
        // group column (`TOTAL AXE 1` under its actions): theirs, since the
        // previous total row. Not the table's last total row, unless it says
        // it is a subtotal or names a group.
        let below_ungrouped = self.current_group.is_none()
            && self.text_columns.group.is_empty()
            && kind != TotalLabel::Grand
            && (kind == TotalLabel::Sub || names_group || self.last_total_row != Some(row.number))
            && self.pending_from < self.conv.actions.len()
            && self
                .conv
                .actions
                .range(self.pending_from..self.conv.actions.len())
                .all(|a| a.group.is_none());
        if below_ungrouped {
            if !self.groups_from_subtotals {
                self.pending_from = self.conv.actions.len();
                return RowKind::Ignored;
            }
            let g = self.inferred_group(&label);
            for id in self.pending_from..self.conv.actions.len() {
                if let Some(a) = self.conv.actions.get_mut(id) {
                    a.group = Some(g);
                }
            }
            self.inferred_groups.push((row.number, label.clone()));
            self.current_group = None;
            group = Some(g);
        }
        self.pending_from = self.conv.actions.len();
        let scope = match group {
            Some(g) => {
                self.group_closed = true;
                self.seen_group_subtotal = true;
                Scope::Group(g)
            }
            None => {
                self.after_grand_total = true;
                Scope::Grand
            }
        };
        // Each funder's declared amount is the sum of its columns in the row
        // (carry-over + amendment, years…); a funder with an unreadable cell
        // declares nothing, nor one whose cells are all empty.
        let mut planned: Vec<PlannedSum> = Vec::new();
        let columns = self.columns;
        for (i, column) in columns.iter().enumerate() {
            if !column.role.is_figure() {
                continue;
            }
            let errors_before = self.errors.len();
            let figure = self.figure(row, column).map(|(value, _)| value);
            let failed = self.errors.len() > errors_before;
            let funder = self.funder_of_column.get(i).copied().flatten();
            let measure = match (&column.role, funder) {
                (ColumnRole::Planned { .. }, Some(funder)) => {
                    let entry = match planned.iter().position(|p| p.funder == funder) {
                        Some(p) => planned.get_mut(p),
                        None => {
                            planned.push(PlannedSum::new(funder));
                            planned.last_mut()
                        }
                    };
                    if let Some(entry) = entry {
                        entry.add(figure, failed);
                    }
                    None
                }
                (ColumnRole::PlannedTotal, _) => Some(Measure::PlannedTotal),
                (ColumnRole::Executed(_), Some(funder)) => Some(Measure::Executed(funder)),
                (ColumnRole::ExecutedTotal, _) => Some(Measure::ExecutedTotal),
                (ColumnRole::Rate, _) => Some(Measure::ConsumptionRate),
                (ColumnRole::YearTotal(year), _) => Some(Measure::Year(*year)),
                // Commitments and amounts to carry over have no declared measure.
                _ => None,
            };
            if let (Some(measure), Some(value)) = (measure, figure) {
                self.declare(scope, measure, value, &label, row.number);
            }
        }
        for sum in planned {
            if let Some(value) = sum.total() {
                self.declare(
                    scope,
                    Measure::Planned(sum.funder),
                    value,
                    &label,
                    row.number,
                );
            }
        }
        match scope {
            Scope::Group(_) => RowKind::Subtotal { label },
            _ => RowKind::GrandTotal { label },
        }
    }
}

/// A funder's planned amount declared by a total row, summed over its columns.
struct PlannedSum {
    funder: FunderId,
    /// `None` once a cell could not be read or the sum overflowed.
    sum: Option<Decimal>,
    /// Whether any of its cells held a figure.
    any: bool,
}

impl PlannedSum {
    fn new(funder: FunderId) -> Self {
        Self {
            funder,
            sum: Some(Decimal::ZERO),
            any: false,
        }
    }

    fn add(&mut self, figure: Option<Decimal>, failed: bool) {
        if failed {
            self.sum = None;
        } else if let Some(value) = figure {
            self.any = true;
            self.sum = self.sum.and_then(|s| s.checked_add(value));
        }
    }

    fn total(&self) -> Option<Decimal> {
        if self.any {
            self.sum
        } else {
            None
        }
    }
}

/// The action number a title starts with, and the rest of the title:
/// `Action 1.1 Crèche familiale` → (`1.1`, `Crèche familiale`); `Fiche action
/// n°5 : Mobilité` → (`5`, `Mobilité`); `2.9 - Référents` → (`2.9`,
/// `Référents`). A bare number is taken only when it has a dot (`1.1`), not
/// `2024 Budget`. For tables whose titles carry their numbers, with no number
/// column.
fn number_in_title(title: &str) -> Option<(String, String)> {
    let trimmed = title.trim_start();
    let lower = fold(trimmed);
    // Folding keeps the length of these ASCII prefixes.
    let mut rest = trimmed;
    let mut prefixed = false;
    for prefix in ["fiche action", "fiche-action", "action", "fiche"] {
        if lower.starts_with(prefix) && trimmed.is_char_boundary(prefix.len()) {
            rest = trimmed.get(prefix.len()..).unwrap_or_default().trim_start();
            prefixed = true;
            break;
        }
    }
    // `n°`, `nº`, `no`, `n` before the number.
    if prefixed {
        let mut chars = rest.char_indices();
        if let Some((_, 'n' | 'N')) = chars.next() {
            let cut = match chars.next() {
                Some((i, '°' | 'º' | 'o' | 'O')) => {
                    Some(i + rest.get(i..)?.chars().next()?.len_utf8())
                }
                Some((i, ' ')) => Some(i),
                _ => None,
            };
            if let Some(cut) = cut {
                rest = rest.get(cut..).unwrap_or(rest).trim_start();
            }
        }
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let token = rest.get(..end)?.trim_end_matches('.');
    let after = rest.get(end..)?;
    let starts_digit = token.chars().next().is_some_and(|c| c.is_ascii_digit());
    if !starts_digit || (!prefixed && !token.contains('.')) {
        return None;
    }
    // A separator, then words.
    if !after
        .starts_with(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | ')'))
    {
        return None;
    }
    let text = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | ')')
    });
    if !text.starts_with(char::is_alphabetic) {
        return None;
    }
    Some((token.to_string(), text.trim_end().to_string()))
}

/// Who paid a received amount, as the model names them.
fn payer(funder: &FunderRef) -> (FunderKind, String) {
    match funder {
        FunderRef::State => (FunderKind::State, Funder::state().name),
        FunderRef::Departement => (FunderKind::Departement, Funder::departement().name),
        FunderRef::Other(name) => (FunderKind::Other, name.clone()),
        FunderRef::Unsplit => (FunderKind::Unsplit, Funder::unsplit().name),
    }
}

/// Index of a funder in the convention, added if new.
fn funder_id(conv: &mut Convention, funder: &FunderRef) -> FunderId {
    let found = match funder {
        FunderRef::State => conv.funder_of_kind(FunderKind::State),
        FunderRef::Departement => conv.funder_of_kind(FunderKind::Departement),
        FunderRef::Other(name) => conv
            .funders
            .iter()
            .position(|f| f.kind == FunderKind::Other && &f.name == name),
        FunderRef::Unsplit => conv.funder_of_kind(FunderKind::Unsplit),
    };
    found.unwrap_or_else(|| {
        conv.funders.push(match funder {
            FunderRef::State => Funder::state(),
            FunderRef::Departement => Funder::departement(),
            FunderRef::Other(name) => Funder::other(name.clone()),
            FunderRef::Unsplit => Funder::unsplit(),
        });
        conv.funders.len() - 1
    })
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
