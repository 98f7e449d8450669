//! Changes a user makes to a convention by hand: a cell typed in, a block
//! pasted over a range of cells, actions and groups added, removed and moved.
//!
//! Every change keeps the convention consistent: actions and groups are
//! referred to by index elsewhere (declared figures, payment schedules), so
//! removing or moving one renumbers those references, and a declared figure of
//! a removed action or group goes with it.
//!
//! Cells are read like pasted ones ([`crate::number::parse_cell`]): French or
//! English amounts, `n/a`, and calculations (`=534,82*12`) whose text is kept.
//! A cell that cannot be read changes nothing and says why.

use crate::messages::FigureName;
use rust_decimal::Decimal;

use crate::messages::{french_display, Msg};
use crate::model::{
    Action, ActionId, Amount, Convention, FunderId, FunderValue, Group, GroupId, GroupKind, Part,
    Scope,
};
use crate::money::{format_number, Lang};
use crate::number::{parse_cell, CellValue, NumberError};
use crate::read::text_grid;

/// An editable column of the table of actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The action's number ("2.9").
    Number,
    /// The action's title.
    Title,
    /// The planned amount of one funder.
    Planned(FunderId),
    /// The executed amount of one funder.
    Executed(FunderId),
    /// Free comments.
    Comments,
}

/// Why a cell could not be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No such action.
    NoAction(usize),
    /// No such funder.
    NoFunder(usize),
    /// The text is not an amount.
    Number(NumberError),
    /// A percentage where an amount is expected.
    Percent(String),
    /// The funder's planned amount is split (years, carry-over, amendment):
    /// one figure typed in the total would lose the split.
    Split(usize),
}

impl EditError {
    /// The reason in `lang` (the French one is `Display`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EditError::NoAction(n) => Msg::EditNoAction.fill(lang, &[("n", n)]),
            EditError::NoFunder(n) => Msg::EditNoFunder.fill(lang, &[("n", n)]),
            EditError::Number(e) => e.message(lang),
            EditError::Percent(t) => Msg::EditPercent.fill(lang, &[("text", t)]),
            EditError::Split(n) => Msg::EditSplit.fill(lang, &[("n", n)]),
        }
    }
}

french_display!(EditError);

/// An amount as it is typed back into a cell: the calculation when there is
/// one, else the exact value in `lang` without thousands separators
/// (`93507,5`), so that editing a cell and validating it changes nothing.
fn typed(value: Decimal, formula: Option<&str>, lang: Lang) -> String {
    if let Some(f) = formula {
        return f.to_string();
    }
    let v = value.normalize();
    let dp = v.scale();
    let text = format_number(v, dp, lang);
    let thousands = match lang {
        Lang::Fr => crate::money::NNBSP,
        Lang::En => ',',
    };
    text.chars()
        .filter(|c| *c != thousands)
        .map(|c| if c == '−' { '-' } else { c })
        .collect()
}

/// What the editor shows when the user starts editing a cell.
pub fn cell_text(conv: &Convention, action: ActionId, column: Column, lang: Lang) -> String {
    let Some(a) = conv.actions.get(action) else {
        return String::new();
    };
    match column {
        Column::Number => a.number.clone(),
        Column::Title => a.title.clone(),
        Column::Comments => a.comments.clone(),
        Column::Planned(f) => {
            let amounts: Vec<&Amount> = a.planned.iter().filter(|x| x.funder == f).collect();
            match amounts.as_slice() {
                [] => String::new(),
                [one] => typed(one.value, one.formula.as_deref(), lang),
                _ => crate::money::sum(amounts.iter().map(|x| x.value), FigureName::Cell)
                    .map(|v| typed(v, None, lang))
                    .unwrap_or_default(),
            }
        }
        Column::Executed(f) => a
            .execution
            .executed
            .iter()
            .find(|x| x.funder == f)
            .map(|x| typed(x.value, x.formula.as_deref(), lang))
            .unwrap_or_default(),
    }
}

/// Whether a cell holds an amount (aligned right, read as a number).
pub fn is_amount(column: Column) -> bool {
    matches!(column, Column::Planned(_) | Column::Executed(_))
}

/// Reads an amount cell: `None` for an empty or `n/a` cell.
fn read_amount(text: &str) -> Result<Option<(Decimal, Option<String>)>, EditError> {
    match parse_cell(text).map_err(EditError::Number)? {
        CellValue::Empty | CellValue::NotAvailable => Ok(None),
        CellValue::Amount { value, formula } => Ok(Some((value, formula))),
        CellValue::Percent(_) => Err(EditError::Percent(text.trim().to_string())),
    }
}

/// Sets one cell of an action from what the user typed.
pub fn set_cell(
    conv: &mut Convention,
    action: ActionId,
    column: Column,
    text: &str,
) -> Result<(), EditError> {
    if let Column::Planned(f) | Column::Executed(f) = column {
        if f >= conv.funders.len() {
            return Err(EditError::NoFunder(f + 1));
        }
    }
    let a = conv
        .actions
        .get_mut(action)
        .ok_or(EditError::NoAction(action + 1))?;
    match column {
        Column::Number => a.number = text.trim().to_string(),
        Column::Title => a.title = text.trim().to_string(),
        Column::Comments => a.comments = text.trim().to_string(),
        Column::Planned(f) => {
            let count = a.planned.iter().filter(|x| x.funder == f).count();
            if count > 1 {
                return Err(EditError::Split(count));
            }
            let read = read_amount(text)?;
            // Typed: no longer an amount that could not be read.
            a.unread.retain(|x| *x != f);
            let slot = a.planned.iter().position(|x| x.funder == f);
            match (read, slot) {
                (None, Some(i)) => {
                    a.planned.remove(i);
                }
                (None, None) => {}
                (Some((value, formula)), Some(i)) => {
                    if let Some(x) = a.planned.get_mut(i) {
                        x.value = value;
                        x.formula = formula;
                    }
                }
                (Some((value, formula)), None) => a.planned.push(Amount {
                    funder: f,
                    year: None,
                    part: Part::Base,
                    value,
                    formula,
                }),
            }
        }
        Column::Executed(f) => {
            let read = read_amount(text)?;
            let executed = &mut a.execution.executed;
            let slot = executed.iter().position(|x| x.funder == f);
            match (read, slot) {
                (None, Some(i)) => {
                    executed.remove(i);
                }
                (None, None) => {}
                (Some((value, formula)), Some(i)) => {
                    if let Some(x) = executed.get_mut(i) {
                        x.value = value;
                        x.formula = formula;
                    }
                }
                (Some((value, formula)), None) => executed.push(FunderValue {
                    funder: f,
                    value,
                    formula,
                }),
            }
        }
    }
    Ok(())
}

/// A cell of a pasted block that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteError {
    /// 1-based row of the block.
    pub row: usize,
    /// 1-based column of the block.
    pub column: usize,
    /// The cell as pasted.
    pub text: String,
    pub error: EditError,
}

/// What a block paste did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// Cells written.
    pub cells: usize,
    /// Actions added below the last one to hold the block's extra rows.
    pub added: usize,
    /// Cells left as they were, with why.
    pub errors: Vec<PasteError>,
}

/// Cuts a pasted block into rows of cells: tab-separated when it holds a tab
/// (as spreadsheets copy a range, quoted cells included), else one cell per
/// line (a single column copied, where `1,5` must stay one French amount).
pub fn block_cells(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    if text.contains('\t') {
        text_grid(text)
    } else {
        text.split('\n')
            .map(|l| vec![l.strip_suffix('\r').unwrap_or(l).to_string()])
            .collect()
    }
}

/// Pastes a block of cells over the table, its top-left cell on `action` and
/// `columns[first]`, in the order the table shows `columns`. Rows below the
/// last action become new actions (in the last action's group); cells right
/// of the last column are dropped. Readable cells are written, the others are
/// listed and left as they were.
pub fn paste_block(
    conv: &mut Convention,
    action: ActionId,
    columns: &[Column],
    first: usize,
    text: &str,
) -> Pasted {
    let mut out = Pasted::default();
    for (r, cells) in block_cells(text).iter().enumerate() {
        let Some(target) = action.checked_add(r) else {
            break;
        };
        if target >= conv.actions.len() {
            let group = conv.actions.last().and_then(|a| a.group);
            conv.actions.push(Action {
                group,
                ..Action::default()
            });
            out.added += 1;
        }
        for (c, cell) in cells.iter().enumerate() {
            let Some(&column) = first.checked_add(c).and_then(|i| columns.get(i)) else {
                break;
            };
            match set_cell(conv, target, column, cell) {
                Ok(()) => out.cells += 1,
                Err(error) => out.errors.push(PasteError {
                    row: r + 1,
                    column: c + 1,
                    text: cell.trim().to_string(),
                    error,
                }),
            }
        }
    }
    out
}

/// Where index `i` goes once the item at `removed` is taken out (`None` for
/// that item itself).
fn after_removal(i: usize, removed: usize) -> Option<usize> {
    match i.cmp(&removed) {
        std::cmp::Ordering::Less => Some(i),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some(i - 1),
    }
}

/// Where index `i` goes once the items at `a` and `b` are swapped.
fn after_swap(i: usize, a: usize, b: usize) -> usize {
    if i == a {
        b
    } else if i == b {
        a
    } else {
        i
    }
}

/// Renumbers the references to actions after they were removed or moved:
/// `map(old)` is the new index, `None` for a removed action (its declared
/// figures go; a schedule paying for it keeps its amounts and loses the link).
fn remap_actions(conv: &mut Convention, map: impl Fn(ActionId) -> Option<ActionId>) {
    conv.declared.retain_mut(|d| match d.scope {
        Scope::Action(a) => match map(a) {
            Some(n) => {
                d.scope = Scope::Action(n);
                true
            }
            None => false,
        },
        _ => true,
    });
    for s in &mut conv.schedules {
        s.action = s.action.and_then(&map);
    }
}

/// Adds an empty action after `after` (at the top when `None`) in `group`;
/// gives its index.
pub fn insert_action(
    conv: &mut Convention,
    after: Option<ActionId>,
    group: Option<GroupId>,
) -> ActionId {
    let at = after
        .map_or(0, |a| a.saturating_add(1))
        .min(conv.actions.len());
    remap_actions(conv, |a| Some(if a >= at { a + 1 } else { a }));
    let group = group.filter(|g| *g < conv.groups.len());
    conv.actions.insert(
        at,
        Action {
            group,
            ..Action::default()
        },
    );
    at
}

/// Removes an action; gives it back (to be put back by an undo).
pub fn remove_action(conv: &mut Convention, action: ActionId) -> Option<Action> {
    if action >= conv.actions.len() {
        return None;
    }
    let removed = conv.actions.remove(action);
    remap_actions(conv, |a| after_removal(a, action));
    Some(removed)
}

/// Moves an action one place up (`up`) or down among the actions of its
/// group, as the table shows them. Gives its new index, or `None` when it is
/// already first (last) of its group.
pub fn move_action(conv: &mut Convention, action: ActionId, up: bool) -> Option<ActionId> {
    let group = conv.actions.get(action)?.group;
    let same = |i: &usize| conv.actions.get(*i).is_some_and(|a| a.group == group);
    let other = if up {
        (0..action).rev().find(same)?
    } else {
        (action + 1..conv.actions.len()).find(same)?
    };
    conv.actions.swap(action, other);
    remap_actions(conv, |a| Some(after_swap(a, action, other)));
    Some(other)
}

/// Puts an action in another group (or in none), as the last of that group.
pub fn set_group(conv: &mut Convention, action: ActionId, group: Option<GroupId>) {
    let group = group.filter(|g| *g < conv.groups.len());
    if let Some(a) = conv.actions.get_mut(action) {
        a.group = group;
    }
}

/// Renumbers the references to groups (see [`remap_actions`]).
fn remap_groups(conv: &mut Convention, map: impl Fn(GroupId) -> Option<GroupId>) {
    conv.declared.retain_mut(|d| match d.scope {
        Scope::Group(g) => match map(g) {
            Some(n) => {
                d.scope = Scope::Group(n);
                true
            }
            None => false,
        },
        _ => true,
    });
    for a in &mut conv.actions {
        a.group = a.group.and_then(&map);
    }
}

/// Adds a group at the end, with one empty action in it so that it shows in
/// the table; gives the group's and the action's indexes.
pub fn add_group(conv: &mut Convention, name: &str) -> (GroupId, ActionId) {
    conv.groups.push(Group {
        kind: GroupKind::Other,
        name: name.trim().to_string(),
    });
    let g = conv.groups.len() - 1;
    conv.actions.push(Action {
        group: Some(g),
        ..Action::default()
    });
    (g, conv.actions.len() - 1)
}

/// Renames a group.
pub fn rename_group(conv: &mut Convention, group: GroupId, name: &str) {
    if let Some(g) = conv.groups.get_mut(group) {
        g.name = name.trim().to_string();
    }
}

/// Removes a group: its actions stay, without a group (remove them first to
/// remove them too). Its declared subtotals go.
pub fn remove_group(conv: &mut Convention, group: GroupId) -> Option<Group> {
    if group >= conv.groups.len() {
        return None;
    }
    let removed = conv.groups.remove(group);
    remap_groups(conv, |g| after_removal(g, group));
    Some(removed)
}

/// Removes a group and every action in it.
pub fn remove_group_and_actions(conv: &mut Convention, group: GroupId) -> Option<Group> {
    if group >= conv.groups.len() {
        return None;
    }
    // The new index of each action (`None`: removed), then one pass over the
    // references: removing them one by one walked the actions and the
    // declared figures once per action removed.
    let mut kept = 0usize;
    let new_ids: Vec<Option<ActionId>> = conv
        .actions
        .iter()
        .map(|a| {
            (a.group != Some(group)).then(|| {
                kept = kept.saturating_add(1);
                kept - 1
            })
        })
        .collect();
    conv.actions.retain(|a| a.group != Some(group));
    remap_actions(conv, |a| new_ids.get(a).copied().flatten());
    remove_group(conv, group)
}

/// Moves a group one place up or down; gives its new index.
pub fn move_group(conv: &mut Convention, group: GroupId, up: bool) -> Option<GroupId> {
    let other = if up {
        group.checked_sub(1)?
    } else {
        let o = group.checked_add(1)?;
        (o < conv.groups.len()).then_some(o)?
    };
    if group >= conv.groups.len() {
        return None;
    }
    conv.groups.swap(group, other);
    remap_groups(conv, |g| Some(after_swap(g, group, other)));
    Some(other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Declared, Measure, Schedule};

    fn conv() -> Convention {
        let mut c = Convention::default();
        c.groups.push(Group {
            kind: GroupKind::Axe,
            name: "Axe 1".into(),
        });
        c.groups.push(Group {
            kind: GroupKind::Axe,
            name: "Axe 2".into(),
        });
        for (n, g) in [("1", 0), ("2", 0), ("3", 1)] {
            c.actions.push(Action {
                number: n.into(),
                group: Some(g),
                ..Action::default()
            });
        }
        c
    }

    #[test]
    fn typed_back_text_reads_back_the_same() {
        let mut c = conv();
        set_cell(&mut c, 0, Column::Planned(0), "93 507,50 €").unwrap();
        assert_eq!(cell_text(&c, 0, Column::Planned(0), Lang::Fr), "93507,5");
        assert_eq!(cell_text(&c, 0, Column::Planned(0), Lang::En), "93507.5");
        set_cell(&mut c, 0, Column::Planned(0), "-12,5").unwrap();
        assert_eq!(cell_text(&c, 0, Column::Planned(0), Lang::Fr), "-12,5");
    }

    #[test]
    fn a_formula_is_kept_and_its_result_stored() {
        let mut c = conv();
        set_cell(&mut c, 1, Column::Planned(1), "=534,82*12").unwrap();
        // 534,82 × 12 = 6 417,84
        assert_eq!(c.actions[1].planned[0].value, Decimal::new(641_784, 2));
        assert_eq!(cell_text(&c, 1, Column::Planned(1), Lang::Fr), "=534,82*12");
    }

    #[test]
    fn an_unreadable_cell_changes_nothing() {
        let mut c = conv();
        set_cell(&mut c, 0, Column::Planned(0), "100").unwrap();
        let before = c.clone();
        assert!(matches!(
            set_cell(&mut c, 0, Column::Planned(0), "12,5O"),
            Err(EditError::Number(_))
        ));
        assert!(matches!(
            set_cell(&mut c, 0, Column::Planned(0), "50 %"),
            Err(EditError::Percent(_))
        ));
        assert_eq!(c, before);
        // Emptying the cell removes the amount.
        set_cell(&mut c, 0, Column::Planned(0), "").unwrap();
        assert!(c.actions[0].planned.is_empty());
    }

    #[test]
    fn a_split_amount_is_not_overwritten() {
        let mut c = conv();
        for year in [2024, 2025] {
            c.actions[0].planned.push(Amount {
                funder: 0,
                year: Some(year),
                part: Part::Base,
                value: Decimal::ONE_HUNDRED,
                formula: None,
            });
        }
        assert_eq!(
            set_cell(&mut c, 0, Column::Planned(0), "5"),
            Err(EditError::Split(2))
        );
        assert_eq!(cell_text(&c, 0, Column::Planned(0), Lang::Fr), "200");
    }

    #[test]
    fn a_block_paste_fills_cells_adds_rows_and_reports_bad_cells() {
        let mut c = conv();
        let columns = [
            Column::Number,
            Column::Title,
            Column::Planned(0),
            Column::Planned(1),
        ];
        // From the title of action 3 (index 2): two rows, the second one new.
        let pasted = paste_block(
            &mut c,
            2,
            &columns,
            1,
            "Insertion\t1 000,50\t2 000\tdropped\nMobilité\tdix\t300\n",
        );
        assert_eq!(pasted.added, 1);
        assert_eq!(pasted.cells, 5);
        assert_eq!(pasted.errors.len(), 1);
        assert_eq!((pasted.errors[0].row, pasted.errors[0].column), (2, 2));
        assert_eq!(pasted.errors[0].text, "dix");
        assert_eq!(c.actions.len(), 4);
        assert_eq!(c.actions[2].title, "Insertion");
        assert_eq!(c.actions[2].planned[0].value, Decimal::new(100_050, 2));
        assert_eq!(c.actions[3].title, "Mobilité");
        assert_eq!(c.actions[3].group, Some(1));
        assert_eq!(c.actions[3].planned.len(), 1);
        assert_eq!(c.actions[3].planned[0].value, Decimal::new(300, 0));
        // One column pasted: "1,5" is one French amount, not two cells.
        let pasted = paste_block(&mut c, 0, &columns, 2, "1,5\n2,25");
        assert_eq!(pasted.cells, 2);
        assert_eq!(c.actions[1].planned[0].value, Decimal::new(2_25, 2));
    }

    #[test]
    fn removing_and_moving_actions_renumbers_references() {
        let mut c = conv();
        let declared = |scope| Declared {
            scope,
            measure: Measure::PlannedTotal,
            value: Decimal::ONE,
            label: String::new(),
            source_row: None,
        };
        c.declared = vec![declared(Scope::Action(1)), declared(Scope::Action(2))];
        c.schedules.push(Schedule {
            name: "S".into(),
            payer: None,
            action: Some(2),
            total: Decimal::ONE,
            instalments: vec![],
            paid: None,
            achieved: None,
        });
        remove_action(&mut c, 1);
        assert_eq!(c.actions.len(), 2);
        assert_eq!(c.declared, vec![declared(Scope::Action(1))]);
        assert_eq!(c.schedules[0].action, Some(1));
        // "3" is alone in Axe 2: it cannot move within its group.
        assert_eq!(move_action(&mut c, 1, true), None);
        let a = insert_action(&mut c, Some(0), Some(0));
        assert_eq!(a, 1);
        assert_eq!(c.schedules[0].action, Some(2));
        assert_eq!(move_action(&mut c, 1, true), Some(0));
        assert_eq!(c.actions[1].number, "1");
        assert_eq!(c.actions[0].number, "");
    }

    #[test]
    fn groups_are_added_renamed_moved_and_removed() {
        let mut c = conv();
        let (g, a) = add_group(&mut c, "  Axe 3 ");
        assert_eq!((g, a), (2, 3));
        assert_eq!(c.groups[2].name, "Axe 3");
        rename_group(&mut c, 2, "Axe trois");
        assert_eq!(move_group(&mut c, 2, true), Some(1));
        assert_eq!(c.groups[1].name, "Axe trois");
        assert_eq!(c.actions[3].group, Some(1));
        assert_eq!(c.actions[2].group, Some(2));
        remove_group(&mut c, 1);
        assert_eq!(c.actions[3].group, None);
        assert_eq!(c.actions[2].group, Some(1));
        remove_group_and_actions(&mut c, 0);
        assert_eq!(c.actions.len(), 2);
        assert_eq!(c.groups.len(), 1);
        assert_eq!(c.actions[0].group, Some(0));
    }

    /// Axe 1 holds actions 1 and 3 (indexes 0 and 2), Axe 2 holds 2 and 4
    /// (1 and 3), each with a declared total; schedules pay for 4 and 1.
    /// Removing Axe 1 and its actions leaves 2 and 4 at indexes 0 and 1: the
    /// declared totals of 2 and 4 follow them, those of 1 and 3 go, the
    /// schedule of 4 now names index 1, that of 1 keeps its amounts and no
    /// action.
    #[test]
    fn removing_a_group_and_its_actions_renumbers_what_names_the_others() {
        let mut c = conv();
        c.actions = Default::default();
        for (n, g) in [("1", 0), ("2", 1), ("3", 0), ("4", 1)] {
            c.actions.push(Action {
                number: n.into(),
                group: Some(g),
                ..Action::default()
            });
        }
        let declared = |a: usize| Declared {
            scope: Scope::Action(a),
            measure: Measure::PlannedTotal,
            value: Decimal::from(a),
            label: String::new(),
            source_row: None,
        };
        c.declared = (0..4).map(declared).collect();
        for action in [3, 0] {
            c.schedules.push(Schedule {
                name: format!("S{action}"),
                payer: None,
                action: Some(action),
                total: Decimal::ONE,
                instalments: vec![],
                paid: None,
                achieved: None,
            });
        }
        let removed = remove_group_and_actions(&mut c, 0).map(|g| g.name);
        assert_eq!(removed.as_deref(), Some("Axe 1"));
        let numbers: Vec<&str> = c.actions.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers, ["2", "4"]);
        assert!(c.actions.iter().all(|a| a.group == Some(0)));
        let declared: Vec<(Scope, Decimal)> =
            c.declared.iter().map(|d| (d.scope, d.value)).collect();
        assert_eq!(
            declared,
            [
                (Scope::Action(0), Decimal::from(1)),
                (Scope::Action(1), Decimal::from(3))
            ]
        );
        let schedules: Vec<Option<ActionId>> = c.schedules.iter().map(|s| s.action).collect();
        assert_eq!(schedules, [Some(1), None]);
        assert_eq!(c.groups.len(), 1);
    }
}
