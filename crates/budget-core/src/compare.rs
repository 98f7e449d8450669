//! Two conventions side by side (scenarios): grand totals per funder, each
//! group's subtotal and each action's total, with the difference `B − A`.
//!
//! # Matching
//!
//! The two conventions may not list the same funders, groups or actions:
//!
//! - **funders**: the State of A with the State of B, the Département with the
//!   Département (first funder of that kind), any other funder by name (case,
//!   accents and punctuation ignored). The columns are A's funders in order,
//!   then those of B that A does not have;
//! - **groups**: by name (case, accents and punctuation ignored);
//! - **actions**: by number when both have one, else by title (same
//!   normalisation), each action of B matched at most once.
//!
//! A row or a funder missing on one side counts as zero there, and the row says
//! on which side it is missing ([`ComparedRow::in_a`], [`ComparedRow::in_b`]).
//!
//! # Figures
//!
//! The amounts are [`figures::grand_planned`], [`figures::group_planned`] and
//! [`figures::action_planned`] of each convention; each difference is
//! `b − a` with checked arithmetic ([`crate::money::sub`]), exact.

use crate::messages::FigureName;
use std::collections::{HashMap, VecDeque};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::CalcResult;
use crate::figures::{self, FunderAmounts};
use crate::model::{Convention, FunderKind};
use crate::money::sub;

/// What a compared row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// The whole convention (grand totals).
    Grand,
    /// A group's subtotal.
    Group,
    /// An action's total.
    Action,
}

/// One amount in A and in B, and `b − a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ComparedCell {
    /// The amount in A (zero when the row or the funder is not in A).
    pub a: Decimal,
    /// The amount in B (zero when the row or the funder is not in B).
    pub b: Decimal,
    /// `b − a`.
    pub difference: Decimal,
}

impl ComparedCell {
    fn new(a: Decimal, b: Decimal) -> CalcResult<Self> {
        Ok(Self {
            a,
            b,
            difference: sub(b, a, FigureName::ScenarioGap)?,
        })
    }

    /// Whether the amount differs from A to B.
    pub fn changed(&self) -> bool {
        !self.difference.is_zero()
    }
}

/// One row of the comparison: the grand total, a group or an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparedRow {
    pub kind: RowKind,
    /// The action's number (empty for a group or the grand total).
    pub number: String,
    /// The action's title or the group's name, as in A (as in B when the row
    /// is only in B); empty for the grand total.
    pub label: String,
    /// Whether the row exists in A.
    pub in_a: bool,
    /// Whether the row exists in B.
    pub in_b: bool,
    /// One cell per funder, indexed like [`Comparison::funders`].
    pub by_funder: Vec<ComparedCell>,
    /// The totals of the row (all funders).
    pub total: ComparedCell,
}

impl ComparedRow {
    /// Whether any amount of the row differs, or the row is on one side only.
    pub fn changed(&self) -> bool {
        !self.in_a
            || !self.in_b
            || self.total.changed()
            || self.by_funder.iter().any(|c| c.changed())
    }
}

/// A funder column of the comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparedFunder {
    /// The name in A (in B when A does not have it).
    pub name: String,
    /// Its index in A's funders, if A has it.
    pub in_a: Option<usize>,
    /// Its index in B's funders, if B has it.
    pub in_b: Option<usize>,
}

/// Conventions A and B side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The funder columns.
    pub funders: Vec<ComparedFunder>,
    /// The grand totals.
    pub grand: ComparedRow,
    /// The groups of A in order, then those only in B.
    pub groups: Vec<ComparedRow>,
    /// The actions of A in order, then those only in B.
    pub actions: Vec<ComparedRow>,
}

/// The funder columns: A's funders, then B's that A does not have.
fn match_funders(a: &Convention, b: &Convention) -> Vec<ComparedFunder> {
    let key = |conv: &Convention, i: usize| -> String {
        match conv.funders.get(i) {
            Some(f) if f.kind != FunderKind::Other && conv.funder_of_kind(f.kind) == Some(i) => {
                format!("{:?}", f.kind)
            }
            Some(f) => format!("other:{}", crate::text::fold_words(&f.name)),
            None => String::new(),
        }
    };
    let b_keys: Vec<String> = (0..b.funders.len()).map(|i| key(b, i)).collect();
    let mut taken = vec![false; b.funders.len()];
    let mut out = Vec::with_capacity(a.funders.len().saturating_add(b.funders.len()));
    for (i, f) in a.funders.iter().enumerate() {
        let k = key(a, i);
        let j = b_keys
            .iter()
            .enumerate()
            .position(|(j, bk)| *bk == k && !taken.get(j).copied().unwrap_or(true));
        if let Some(slot) = j.and_then(|j| taken.get_mut(j)) {
            *slot = true;
        }
        out.push(ComparedFunder {
            name: f.name.clone(),
            in_a: Some(i),
            in_b: j,
        });
    }
    for (j, f) in b.funders.iter().enumerate() {
        if !taken.get(j).copied().unwrap_or(true) {
            out.push(ComparedFunder {
                name: f.name.clone(),
                in_a: None,
                in_b: Some(j),
            });
        }
    }
    out
}

/// A row from the amounts of each side (`None`: the row is not on that side).
fn row(
    funders: &[ComparedFunder],
    kind: RowKind,
    number: String,
    label: String,
    a: Option<&FunderAmounts>,
    b: Option<&FunderAmounts>,
) -> CalcResult<ComparedRow> {
    let pick = |amounts: Option<&FunderAmounts>, id: Option<usize>| match (amounts, id) {
        (Some(x), Some(f)) => x.funder(f),
        _ => Decimal::ZERO,
    };
    let by_funder = funders
        .iter()
        .map(|f| ComparedCell::new(pick(a, f.in_a), pick(b, f.in_b)))
        .collect::<CalcResult<Vec<_>>>()?;
    let total = ComparedCell::new(
        a.map_or(Decimal::ZERO, |x| x.total),
        b.map_or(Decimal::ZERO, |x| x.total),
    )?;
    Ok(ComparedRow {
        kind,
        number,
        label,
        in_a: a.is_some(),
        in_b: b.is_some(),
        by_funder,
        total,
    })
}

/// For each item of A, the index of its match in B: the first unmatched item
/// of B with the same key (by `primary`, else by `secondary`), and which items
/// of B are matched.
///
/// B's items are listed by key once per pass, each list in B's order and
/// consumed from the front: a match costs a look-up, not a walk through B (a
/// walk made 10 000 actions against 10 000 some 50 million comparisons).
fn match_items(a: &[(String, String)], b: &[(String, String)]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut taken = vec![false; b.len()];
    // First pass: primary keys (action numbers); second pass: secondary keys.
    // An empty key matches nothing: numbers are compared only when both sides
    // have one.
    let mut matched: Vec<Option<usize>> = vec![None; a.len()];
    for pass in 0..2 {
        let mut free: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (j, (pb, sb)) in b.iter().enumerate() {
            let key_b = if pass == 0 { pb } else { sb };
            if !key_b.is_empty() && !taken.get(j).copied().unwrap_or(true) {
                free.entry(key_b.as_str()).or_default().push_back(j);
            }
        }
        for (i, (pa, sa)) in a.iter().enumerate() {
            let key_a = if pass == 0 { pa } else { sa };
            let Some(slot) = matched.get_mut(i) else {
                continue;
            };
            if slot.is_some() || key_a.is_empty() {
                continue;
            }
            if let Some(j) = free.get_mut(key_a.as_str()).and_then(VecDeque::pop_front) {
                if let Some(t) = taken.get_mut(j) {
                    *t = true;
                }
                *slot = Some(j);
            }
        }
    }
    (matched, taken)
}

/// Compares conventions A and B (see the module docs).
///
/// Example: A gives action 1 État 1 000 €, Département 1 000 €; B gives it
/// État 1 500 €, Département 1 000 € → État difference 500 €, total 2 000 € →
/// 2 500 €, difference 500 €.
pub fn compare(a: &Convention, b: &Convention) -> CalcResult<Comparison> {
    let funders = match_funders(a, b);
    let grand = row(
        &funders,
        RowKind::Grand,
        String::new(),
        String::new(),
        Some(&figures::grand_planned(a)?),
        Some(&figures::grand_planned(b)?),
    )?;

    let group_keys = |c: &Convention| -> Vec<(String, String)> {
        c.groups
            .iter()
            .map(|g| (String::new(), crate::text::fold_words(&g.name)))
            .collect()
    };
    let (matched, taken) = match_items(&group_keys(a), &group_keys(b));
    let mut groups = Vec::with_capacity(a.groups.len().saturating_add(b.groups.len()));
    for (g, group) in a.groups.iter().enumerate() {
        let other = matched.get(g).copied().flatten();
        let pa = figures::group_planned(a, g)?;
        let pb = other.map(|h| figures::group_planned(b, h)).transpose()?;
        groups.push(row(
            &funders,
            RowKind::Group,
            String::new(),
            group.name.clone(),
            Some(&pa),
            pb.as_ref(),
        )?);
    }
    for (h, group) in b.groups.iter().enumerate() {
        if !taken.get(h).copied().unwrap_or(true) {
            let pb = figures::group_planned(b, h)?;
            groups.push(row(
                &funders,
                RowKind::Group,
                String::new(),
                group.name.clone(),
                None,
                Some(&pb),
            )?);
        }
    }

    let action_keys = |c: &Convention| -> Vec<(String, String)> {
        c.actions
            .iter()
            .map(|x| {
                (
                    crate::text::fold_words(&x.number),
                    crate::text::fold_words(&x.title),
                )
            })
            .collect()
    };
    let (matched, taken) = match_items(&action_keys(a), &action_keys(b));
    let mut actions = Vec::with_capacity(a.actions.len().saturating_add(b.actions.len()));
    for (i, action) in a.actions.iter().enumerate() {
        let other = matched.get(i).copied().flatten();
        let pa = figures::action_planned(a, i)?;
        let pb = other.map(|j| figures::action_planned(b, j)).transpose()?;
        actions.push(row(
            &funders,
            RowKind::Action,
            action.number.clone(),
            action.title.clone(),
            Some(&pa),
            pb.as_ref(),
        )?);
    }
    for (j, action) in b.actions.iter().enumerate() {
        if !taken.get(j).copied().unwrap_or(true) {
            let pb = figures::action_planned(b, j)?;
            actions.push(row(
                &funders,
                RowKind::Action,
                action.number.clone(),
                action.title.clone(),
                None,
                Some(&pb),
            )?);
        }
    }
    Ok(Comparison {
        funders,
        grand,
        groups,
        actions,
    })
}
