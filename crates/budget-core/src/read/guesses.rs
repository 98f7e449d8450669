//! What the reader guessed ([`Assumption`], with the other reading) and why
//! it read nothing ([`Refusal`]).

use super::*;
use crate::messages::Msg;

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
        let mut out = match self.headings {
            Some(row) => Msg::RefusedNoAmountColumn.fill(lang, &[("row", &row)]),
            None => Msg::RefusedNoTable.text(lang).to_string(),
        };
        if let Some((row, line)) = &self.report_line {
            out.push(' ');
            out.push_str(&Msg::RefusedReportLine.fill(lang, &[("row", row), ("line", line)]));
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
    /// The text has no tabs nor separators: its columns were found from the
    /// alignment of its amounts (a table copied from a PDF). No other
    /// reading: each column's meaning can be changed.
    AlignedColumns,
}

impl Assumption {
    pub(super) fn headings(&self, lang: Lang) -> String {
        let quoted: Vec<String> = self
            .columns
            .iter()
            .map(|(i, h)| {
                if h.is_empty() {
                    Msg::GuessColumnWithoutHeading.fill(lang, &[("column", i)])
                } else {
                    Msg::GuessHeading.fill(lang, &[("heading", h)])
                }
            })
            .collect();
        quoted.join(", ")
    }

    /// What was assumed, in one sentence a finance officer reads.
    pub fn message(&self, lang: Lang) -> String {
        match self.kind {
            AssumptionKind::Unsplit => Msg::GuessUnsplit.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::TitleColumn => Msg::GuessTitleColumn.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::FundersByPosition => Msg::GuessFundersByPosition.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::GroupsFromSubtotals => Msg::GuessGroupsFromSubtotals.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::GroupRowsWithSubtotal => Msg::GuessGroupRowsWithSubtotal.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::StateByDefault => Msg::GuessStateByDefault.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::AlignedColumns => Msg::GuessAlignedColumns.fill(
                lang,
                &[
                    ("columns", &self.columns.len()),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
            AssumptionKind::HeaderRowInside => Msg::GuessHeaderRowInside.fill(
                lang,
                &[
                    ("columns", &self.headings(lang)),
                    ("rows", &self.row_labels(lang)),
                ],
            ),
        }
    }

    /// The other reading, as a button or a flag says it (empty when there is
    /// none).
    pub fn alternative_label(&self, lang: Lang) -> String {
        match self.kind {
            AssumptionKind::Unsplit => Msg::OtherReadingUnsplit.text(lang).into(),
            AssumptionKind::TitleColumn
                if self
                    .alternative
                    .iter()
                    .any(|(_, r)| *r == ColumnRole::Number) =>
            {
                Msg::OtherReadingTitleAsNumber.text(lang).into()
            }
            AssumptionKind::TitleColumn => Msg::OtherReadingIgnoreColumn.text(lang).into(),
            AssumptionKind::FundersByPosition => {
                Msg::OtherReadingFundersByPosition.text(lang).into()
            }
            AssumptionKind::HeaderRowInside | AssumptionKind::AlignedColumns => String::new(),
            AssumptionKind::StateByDefault => Msg::OtherReadingStateByDefault.text(lang).into(),
            AssumptionKind::GroupRowsWithSubtotal => Msg::OtherReadingGroupRows.text(lang).into(),
            AssumptionKind::GroupsFromSubtotals => {
                Msg::OtherReadingGroupsFromSubtotals.text(lang).into()
            }
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
            .map(|(row, label)| Msg::GuessRowLabel.fill(lang, &[("label", label), ("row", row)]))
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
        amounts: Vec::new(),
    }
}
