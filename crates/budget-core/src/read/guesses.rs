//! What the reader guessed ([`Assumption`], with the other reading) and why
//! it read nothing ([`Refusal`]).

use super::*;

/// Why a text was not read as a table (see [`Reading::refused`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// A line « libellé : montant » of the text (row, text), when it looks
    /// like the text of a report rather than a table.
    pub report_line: Option<(usize, String)>,
    /// The row of headings found, when the table has headings but no column
    /// of amounts (an indicators table: counts and targets, not euros).
    pub headings: Option<usize>,
}

impl Refusal {
    /// Why, and what to do, in one or two sentences.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = match (self.headings, lang) {
            (Some(row), Lang::Fr) => format!(
                "Le tableau a des en-têtes (ligne {row}) mais aucune colonne de montants en \
                 euros (« Montant », « État », « Crédits », « CP 2024 », « 12 000 € »…) : il n'a \
                 pas été lu. Si une colonne contient des montants, choisissez son sens dans la \
                 lecture du tableau."
            ),
            (Some(row), Lang::En) => format!(
                "The table has headings (row {row}) but no column of amounts in euros \
                 (“Montant”, “État”, “Crédits”, “CP 2024”, “12 000 €”…): it was not read. If a \
                 column holds amounts, choose its meaning in how the table was read."
            ),
            (None, Lang::Fr) => {
                "Rien dans ce texte ne ressemble à un tableau d'actions : ni ligne \
                         d'en-têtes (« Intitulé », « État », « Département », « Montant »…), ni \
                         colonne de montants. Il n'a pas été lu."
                    .to_string()
            }
            (None, Lang::En) => {
                "Nothing in this text looks like a table of actions: no row of headings \
                         (“Intitulé”, “État”, “Département”, “Montant”…), no column of amounts. \
                         It was not read."
                    .to_string()
            }
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
pub(super) fn report_line(grid: &[Row<'_>]) -> Option<(usize, String)> {
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
    pub(super) fn headings(&self, lang: Lang) -> String {
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
    pub(super) fn row_labels(&self, lang: Lang) -> String {
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
