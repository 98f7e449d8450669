//! What the first view shows, taken from the core: no figure is computed here.
//!
//! [`Summary::of`] asks [`budget_core::figures`] for each action's, group's and the
//! whole convention's planned amounts, and keeps them as exact decimals; the view
//! formats them in the user's language.

use budget_core::checks::{self, Warning};
use budget_core::figures::{self, FunderAmounts};
use budget_core::read::CellError;
use budget_core::{CalcError, Convention, Decimal};

/// One action line.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionLine {
    pub number: String,
    pub title: String,
    pub amounts: Result<FunderAmounts, CalcError>,
}

/// A group with its actions and its computed subtotal.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBlock {
    /// `None` for the actions that belong to no group.
    pub name: Option<String>,
    pub actions: Vec<ActionLine>,
    /// Computed subtotal; `None` for the block of actions without a group.
    pub subtotal: Option<Result<FunderAmounts, CalcError>>,
}

/// Everything the first view needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub funders: Vec<String>,
    pub blocks: Vec<GroupBlock>,
    pub grand: Result<FunderAmounts, CalcError>,
    /// Each funder's share of the grand total (exact ratios; `None` when the
    /// total is zero or could not be computed).
    pub grand_shares: Vec<Option<Decimal>>,
    pub action_count: usize,
    pub errors: Vec<CellError>,
    /// Every inconsistency the core found (declared ≠ computed, co-financing…).
    pub warnings: Vec<Warning>,
}

impl Summary {
    /// Builds the summary of a convention and the cells its import could not read.
    pub fn of(conv: &Convention, errors: &[CellError]) -> Self {
        let grand_shares = match figures::grand_shares(conv) {
            Ok(Some(shares)) => shares.into_iter().map(Some).collect(),
            _ => vec![None; conv.funders.len()],
        };
        Self {
            funders: conv.funders.iter().map(|f| f.name.clone()).collect(),
            blocks: blocks(conv),
            grand: figures::grand_planned(conv),
            grand_shares,
            action_count: conv.actions.len(),
            errors: errors.to_vec(),
            warnings: checks::check(conv).warnings,
        }
    }
}

fn line(conv: &Convention, id: usize) -> Option<ActionLine> {
    let action = conv.actions.get(id)?;
    Some(ActionLine {
        number: action.number.clone(),
        title: action.title.clone(),
        amounts: figures::action_planned(conv, id),
    })
}

fn blocks(conv: &Convention) -> Vec<GroupBlock> {
    let mut out = Vec::with_capacity(conv.groups.len() + 1);
    let ungrouped: Vec<ActionLine> = (0..conv.actions.len())
        .filter(|&i| conv.actions.get(i).is_some_and(|a| a.group.is_none()))
        .filter_map(|i| line(conv, i))
        .collect();
    if !ungrouped.is_empty() {
        out.push(GroupBlock {
            name: None,
            actions: ungrouped,
            subtotal: None,
        });
    }
    for (gid, group) in conv.groups.iter().enumerate() {
        let actions = (0..conv.actions.len())
            .filter(|&i| conv.actions.get(i).is_some_and(|a| a.group == Some(gid)))
            .filter_map(|i| line(conv, i))
            .collect();
        out.push(GroupBlock {
            name: Some(group.name.clone()),
            actions,
            subtotal: Some(figures::group_planned(conv, gid)),
        });
    }
    out
}
