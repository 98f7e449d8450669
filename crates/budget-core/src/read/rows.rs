//! Reading the rows: actions, group headings, subtotals and totals (declared,
//! never added), header rows inside the table, and the groups formed from
//! total rows or from rows carrying their group's subtotal.

use super::*;

/// [`read_grid`] of rows already cut.
pub(super) fn read_rows(grid: &[Row<'_>], options: &ReadOptions) -> Reading {
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
    let nothing = options.header_row.is_none()
        && options.columns.is_none()
        && !columns.iter().any(|c| c.role.is_figure())
        && grid.iter().any(|r| !r.is_blank());
    if nothing {
        return Reading {
            convention: Convention::default(),
            errors: Vec::new(),
            header_row,
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
                headings: header_row,
            }),
            report: None,
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
        report: None,
    }
}

/// What a total row's label says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum TotalLabel {
    /// `Sous total`, `Sous-total - Axe 1`.
    Sub,
    /// `Total`, `Montant total`: a group's or the whole table's, from context.
    Plain,
    /// `Total général`, `TOTAL FINANCIER`.
    Grand,
}

/// Group kind from the first word of a name or heading.
pub(super) fn group_kind_of(text: &str) -> Option<GroupKind> {
    let h = Heading::new(text);
    match h.words.first().map(String::as_str) {
        Some("axe" | "axes") => Some(GroupKind::Axe),
        Some("mesure" | "mesures") => Some(GroupKind::Mesure),
        Some("volet" | "volets") => Some(GroupKind::Volet),
        _ => None,
    }
}

pub(super) fn total_label_of(text: &str) -> Option<TotalLabel> {
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
pub(super) struct TableReader<'a> {
    pub(super) columns: &'a [Column],
    /// Funder index of each column, for columns of a funder.
    pub(super) funder_of_column: Vec<Option<FunderId>>,
    pub(super) conv: Convention,
    pub(super) errors: Vec<CellError>,
    pub(super) rows: Vec<RowReading>,
    /// Group of the rows being read ("same as above").
    pub(super) current_group: Option<GroupId>,
    /// Whether the current group already had its subtotal row.
    pub(super) group_closed: bool,
    /// Whether any group had a subtotal row so far.
    pub(super) seen_group_subtotal: bool,
    /// Kind of groups whose name does not say it (from the group column's heading).
    pub(super) default_group_kind: GroupKind,
    /// Whether the table gives executed amounts per funder.
    pub(super) has_executed_split: bool,
    /// Row number of the table's last total row.
    pub(super) last_total_row: Option<usize>,
    /// Whether a grand total row was read.
    pub(super) after_grand_total: bool,
    /// Columns of each text role, first to last (0-based).
    pub(super) text_columns: TextColumns,
    /// The first action not yet covered by a total row.
    pub(super) pending_from: ActionId,
    /// Whether total rows below actions of no group form groups.
    pub(super) groups_from_subtotals: bool,
    /// The total rows that formed groups (row, label).
    pub(super) inferred_groups: Vec<(usize, String)>,
    /// Header rows inside the table read as group headings (row, name).
    pub(super) headers_inside: Vec<(usize, String)>,
    /// Whether rows carrying their group's subtotal above it are looked for.
    pub(super) group_rows: bool,
}

/// The 0-based columns of each text role (looked up for every row).
#[derive(Default)]
pub(super) struct TextColumns {
    pub(super) number: Vec<usize>,
    pub(super) title: Vec<usize>,
    pub(super) group: Vec<usize>,
    pub(super) budget_line: Vec<usize>,
    pub(super) service: Vec<usize>,
}

impl TextColumns {
    pub(super) fn new(columns: &[Column]) -> Self {
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
    pub(super) fn new(columns: &'a [Column], options: &ReadOptions) -> Self {
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
    pub(super) fn text_of(&self, row: &Row<'_>, role: &ColumnRole) -> String {
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

    pub(super) fn read_row(&mut self, row: &Row<'_>) -> RowKind {
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
    pub(super) fn total_label(&self, row: &Row<'_>) -> Option<(String, TotalLabel)> {
        self.total_label_with(row, &self.text_of(row, &ColumnRole::Number))
    }

    /// [`Self::total_label`] of a row whose number cell holds `number`.
    pub(super) fn total_label_with(
        &self,
        row: &Row<'_>,
        number: &str,
    ) -> Option<(String, TotalLabel)> {
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
    pub(super) fn group_heading(&self, row: &Row<'_>) -> Option<String> {
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

    pub(super) fn open_group(&mut self, name: &str) -> GroupId {
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
    pub(super) fn group_rows_with_their_subtotal(&mut self) -> Vec<(usize, String)> {
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
    pub(super) fn scan_group_rows(
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
    pub(super) fn take_group_rows(
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
    pub(super) fn is_header_again(&self, row: &Row<'_>) -> bool {
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
    pub(super) fn inferred_group(&mut self, label: &str) -> GroupId {
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

    pub(super) fn error(&mut self, row: &Row<'_>, column: &Column, reason: NumberError) {
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
    pub(super) fn figure(
        &mut self,
        row: &Row<'_>,
        column: &Column,
    ) -> Option<(Decimal, Option<String>)> {
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

    pub(super) fn declare(
        &mut self,
        scope: Scope,
        measure: Measure,
        value: Decimal,
        label: &str,
        row: usize,
    ) {
        self.conv.declared.push(Declared {
            scope,
            measure,
            value,
            label: label.to_string(),
            source_row: Some(row),
        });
    }

    pub(super) fn read_action(&mut self, row: &Row<'_>, number: String, title: String) -> ActionId {
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
    pub(super) fn last_total_row(&self, grid: &[Row<'_>]) -> Option<usize> {
        grid.iter()
            .rev()
            .find(|r| !r.is_blank() && self.total_label(r).is_some())
            .map(|r| r.number)
    }

    /// Reads a subtotal or total row: its figures become declared figures of the
    /// current group or of the whole table.
    pub(super) fn read_total(&mut self, row: &Row<'_>, label: String, kind: TotalLabel) -> RowKind {
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
pub(super) struct PlannedSum {
    pub(super) funder: FunderId,
    /// `None` once a cell could not be read or the sum overflowed.
    pub(super) sum: Option<Decimal>,
    /// Whether any of its cells held a figure.
    pub(super) any: bool,
}

impl PlannedSum {
    pub(super) fn new(funder: FunderId) -> Self {
        Self {
            funder,
            sum: Some(Decimal::ZERO),
            any: false,
        }
    }

    pub(super) fn add(&mut self, figure: Option<Decimal>, failed: bool) {
        if failed {
            self.sum = None;
        } else if let Some(value) = figure {
            self.any = true;
            self.sum = self.sum.and_then(|s| s.checked_add(value));
        }
    }

    pub(super) fn total(&self) -> Option<Decimal> {
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
pub(super) fn number_in_title(title: &str) -> Option<(String, String)> {
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
pub(super) fn payer(funder: &FunderRef) -> (FunderKind, String) {
    match funder {
        FunderRef::State => (FunderKind::State, Funder::state().name),
        FunderRef::Departement => (FunderKind::Departement, Funder::departement().name),
        FunderRef::Other(name) => (FunderKind::Other, name.clone()),
        FunderRef::Unsplit => (FunderKind::Unsplit, Funder::unsplit().name),
    }
}

/// Index of a funder in the convention, added if new.
pub(super) fn funder_id(conv: &mut Convention, funder: &FunderRef) -> FunderId {
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
