//! Planned and executed amounts of an action, of a group and of the whole
//! convention, per funder and overall.
//!
//! The planned amount of a funder for a scope (an action, a group, the whole)
//! is the sum of the planned amounts of that funder of the actions in the
//! scope ([`planned`]); figures already computed for several actions are
//! combined with [`aggregate`] and [`aggregate_executed`]. Every one of these
//! sums goes through [`sums_by_funder`], so a subtotal can never disagree with
//! its actions.
//!
//! # Exact sums
//!
//! A sum is exact. [`sums_by_funder`] adds the decimals' integer mantissas in a
//! 128-bit integer at their largest scale (cents stay cents), which is exact
//! and about ten times faster than adding decimals one by one; should the
//! result not fit (beyond 7.9 × 10²⁸), it adds them again with
//! [`money::add`](crate::money::add), which reports the overflow.

use crate::messages::FigureName;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::CalcResult;
use crate::model::{Action, ActionId, Convention, FunderId, FunderValue, GroupId, Part, Scope};
use crate::money::{add, sum};

/// 10⁰ … 10²⁸.
const POW10: [i128; 29] = {
    let mut p = [1i128; 29];
    let mut i = 1;
    while i < 29 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// A running exact sum: an integer mantissa at the largest scale seen so far.
/// `spilled` when it no longer fits in 128 bits.
#[derive(Clone, Copy, Debug, Default)]
struct ExactSum {
    mantissa: i128,
    scale: u32,
    spilled: bool,
}

impl ExactSum {
    fn add(&mut self, v: Decimal) {
        if self.spilled {
            return;
        }
        let (m, s) = (v.mantissa(), v.scale());
        let next = if s == self.scale {
            self.mantissa.checked_add(m)
        } else if s > self.scale {
            let up = s
                .checked_sub(self.scale)
                .and_then(|k| POW10.get(k as usize));
            match up.and_then(|p| self.mantissa.checked_mul(*p)) {
                Some(acc) => {
                    self.scale = s;
                    acc.checked_add(m)
                }
                None => None,
            }
        } else {
            let up = self
                .scale
                .checked_sub(s)
                .and_then(|k| POW10.get(k as usize));
            up.and_then(|p| m.checked_mul(*p))
                .and_then(|x| self.mantissa.checked_add(x))
        };
        match next {
            Some(x) => self.mantissa = x,
            None => self.spilled = true,
        }
    }

    /// The sum, when it fits in a decimal.
    fn value(&self) -> Option<Decimal> {
        if self.spilled {
            return None;
        }
        Decimal::try_from_i128_with_scale(self.mantissa, self.scale).ok()
    }
}

/// For each of `funders` funders, the exact sum of the `values` (funder,
/// amount) of that funder; values of unknown funders are left out. The one
/// place where amounts are added up (see the module docs).
pub fn sums_by_funder<I>(funders: usize, values: I, what: FigureName) -> CalcResult<Vec<Decimal>>
where
    I: Iterator<Item = (FunderId, Decimal)> + Clone,
{
    funder_sums(funders, values, what).map(|a| a.by_funder)
}

/// [`sums_by_funder`] and their total, in one pass: the total is the exact sum
/// of the same values, so it is exactly the sum of the funders' sums.
fn funder_sums<I>(funders: usize, values: I, what: FigureName) -> CalcResult<FunderAmounts>
where
    I: Iterator<Item = (FunderId, Decimal)> + Clone,
{
    let mut stack = [ExactSum::default(); 8];
    let mut heap;
    let sums: &mut [ExactSum] = match stack.get_mut(..funders) {
        Some(s) => s,
        None => {
            heap = vec![ExactSum::default(); funders];
            &mut heap
        }
    };
    let mut total = ExactSum::default();
    for (f, v) in values.clone() {
        if let Some(acc) = sums.get_mut(f) {
            acc.add(v);
            total.add(v);
        }
    }
    let fast: Option<Vec<Decimal>> = sums.iter().map(ExactSum::value).collect();
    match (fast, total.value()) {
        (Some(by_funder), Some(total)) => Ok(FunderAmounts { by_funder, total }),
        // Too large for the fast path: add again decimal by decimal.
        _ => {
            let by_funder = (0..funders)
                .map(|f| {
                    sum(
                        values.clone().filter(|(g, _)| *g == f).map(|(_, v)| v),
                        what,
                    )
                })
                .collect::<CalcResult<Vec<_>>>()?;
            FunderAmounts::from_parts(by_funder)
        }
    }
}

/// Exact sum of `values` (see [`sums_by_funder`]).
fn exact_sum<I>(values: I, what: FigureName) -> CalcResult<Decimal>
where
    I: Iterator<Item = Decimal> + Clone,
{
    let mut acc = ExactSum::default();
    for v in values.clone() {
        acc.add(v);
    }
    match acc.value() {
        Some(v) => Ok(v),
        None => sum(values, what),
    }
}

/// Amounts per funder and their total.
///
/// `by_funder` is indexed by [`FunderId`] and has one entry per funder of the
/// convention; `total` is always the exact sum of `by_funder`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FunderAmounts {
    pub by_funder: Vec<Decimal>,
    pub total: Decimal,
}

impl FunderAmounts {
    /// Zero for each of `funders` funders.
    pub fn zero(funders: usize) -> Self {
        Self {
            by_funder: vec![Decimal::ZERO; funders],
            total: Decimal::ZERO,
        }
    }

    /// Builds the amounts from their parts: `total = Σ by_funder`.
    pub fn from_parts(by_funder: Vec<Decimal>) -> CalcResult<Self> {
        let total = exact_sum(by_funder.iter().copied(), FigureName::FundersTotal)?;
        Ok(Self { by_funder, total })
    }

    /// The amount of funder `f`, zero for a funder the convention does not have.
    pub fn funder(&self, f: FunderId) -> Decimal {
        self.by_funder.get(f).copied().unwrap_or(Decimal::ZERO)
    }
}

/// Planned amounts of the actions of `scope` whose part is kept.
fn planned_where(
    conv: &Convention,
    scope: Scope,
    keep: impl Fn(Part) -> bool + Copy,
) -> CalcResult<FunderAmounts> {
    let values = in_scope(conv, scope).flat_map(move |(_, a)| {
        a.planned
            .iter()
            .filter(move |x| keep(x.part))
            .map(|x| (x.funder, x.value))
    });
    funder_sums(conv.funders.len(), values, FigureName::Planned)
}

/// Planned amounts of an action: for each funder, the sum of the action's
/// planned [`Amount`](crate::model::Amount)s of that funder, all years and all
/// parts (base, report N-1, avenant); the total is the budget global (F).
///
/// An id that names no action has nothing planned.
pub fn action_planned(conv: &Convention, action: ActionId) -> CalcResult<FunderAmounts> {
    planned(conv, Scope::Action(action))
}

/// Sum of the given figures, funder by funder, and their total (a subtotal
/// when `items` are the actions of a group, the grand total when they are all
/// the actions). The one place where figures of several actions are added.
pub fn aggregate<'a, I>(funders: usize, items: I) -> CalcResult<FunderAmounts>
where
    I: IntoIterator<Item = &'a FunderAmounts>,
    I::IntoIter: Clone,
{
    let values = items
        .into_iter()
        .flat_map(|item| item.by_funder.iter().copied().enumerate());
    funder_sums(funders, values, FigureName::Subtotal)
}

/// Sum of the figures that are known; `None` when none is.
pub fn aggregate_optional<'a>(
    funders: usize,
    items: impl IntoIterator<Item = &'a Option<FunderAmounts>>,
) -> CalcResult<Option<FunderAmounts>> {
    let known: Vec<&FunderAmounts> = items.into_iter().flatten().collect();
    if known.is_empty() {
        return Ok(None);
    }
    aggregate(funders, known).map(Some)
}

/// The actions a scope covers: one action, the actions of a group, or all.
pub fn in_scope(
    conv: &Convention,
    scope: Scope,
) -> impl Iterator<Item = (ActionId, &Action)> + Clone {
    let len = conv.actions.len();
    // One action: look only at its slot (empty when the id is out of range).
    let start = match scope {
        Scope::Action(x) => x.min(len),
        _ => 0,
    };
    let end = match scope {
        Scope::Action(x) => x.saturating_add(1).min(len),
        _ => len,
    };
    conv.actions
        .range(start..end)
        .enumerate()
        .map(move |(i, a)| (start.saturating_add(i), a))
        .filter(move |(_, a)| match scope {
            Scope::Group(g) => a.group == Some(g),
            Scope::Action(_) | Scope::Grand => true,
        })
}

/// Planned amounts of a scope: for each funder, the sum of the planned
/// amounts of that funder of every action in the scope (all years and parts);
/// the total is their sum. The same sum, grouped action by action, as the
/// [`aggregate`] of the actions' [`action_planned`].
pub fn planned(conv: &Convention, scope: Scope) -> CalcResult<FunderAmounts> {
    planned_where(conv, scope, |_| true)
}

/// Subtotal of a group, per funder and overall: Σ of [`action_planned`] over
/// the actions of the group.
pub fn group_planned(conv: &Convention, group: GroupId) -> CalcResult<FunderAmounts> {
    planned(conv, Scope::Group(group))
}

/// Grand total, per funder and overall: Σ of [`action_planned`] over all actions.
pub fn grand_planned(conv: &Convention) -> CalcResult<FunderAmounts> {
    planned(conv, Scope::Grand)
}

/// Planned amounts split by [`Part`]: the amount of the year itself, the
/// carry-over of the previous year (report N-1) and the amendments (avenant).
/// `base + carry_over + amendment` = [`action_planned`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PartAmounts {
    pub base: FunderAmounts,
    pub carry_over: FunderAmounts,
    pub amendment: FunderAmounts,
}

impl PartAmounts {
    /// Part by part [`aggregate`] of several actions.
    pub fn aggregate<'a, I>(funders: usize, items: I) -> CalcResult<Self>
    where
        I: IntoIterator<Item = &'a PartAmounts> + Clone,
        I::IntoIter: Clone,
    {
        Ok(Self {
            base: aggregate(funders, items.clone().into_iter().map(|p| &p.base))?,
            carry_over: aggregate(funders, items.clone().into_iter().map(|p| &p.carry_over))?,
            amendment: aggregate(funders, items.into_iter().map(|p| &p.amendment))?,
        })
    }
}

/// Planned amounts of an action split by part.
pub fn action_planned_by_part(conv: &Convention, action: ActionId) -> CalcResult<PartAmounts> {
    Ok(PartAmounts {
        base: planned_where(conv, Scope::Action(action), |p| p == Part::Base)?,
        carry_over: planned_where(conv, Scope::Action(action), |p| p == Part::CarryOver)?,
        amendment: planned_where(conv, Scope::Action(action), |p| p == Part::Amendment)?,
    })
}

/// Executed spending (dépenses exécutées, crédits consommés).
///
/// A table may give the executed amount of each funder, only the executed
/// total, or nothing. `None` means *not known*:
///
/// - per-funder amounts given: every funder is known (a funder without an
///   amount executed nothing) and `total` is their sum;
/// - only a total given: `total` is known, the split between funders is not;
/// - nothing given: nothing is known and `reported` is 0.
///
/// For a group or the whole convention ([`aggregate_executed`]), only the
/// actions with execution figures count (`reported` says how many); a funder's
/// amount is known when it is known for each of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExecutedAmounts {
    pub by_funder: Vec<Option<Decimal>>,
    pub total: Option<Decimal>,
    /// Number of actions with execution figures.
    pub reported: usize,
}

impl ExecutedAmounts {
    /// Nothing executed is known.
    pub fn unknown(funders: usize) -> Self {
        Self {
            by_funder: vec![None; funders],
            total: None,
            reported: 0,
        }
    }

    /// The executed amount of funder `f`, if known.
    pub fn funder(&self, f: FunderId) -> Option<Decimal> {
        self.by_funder.get(f).copied().flatten()
    }
}

fn funder_values(
    funders: usize,
    values: &[FunderValue],
    what: FigureName,
) -> CalcResult<FunderAmounts> {
    funder_sums(funders, values.iter().map(|v| (v.funder, v.value)), what)
}

/// Executed amounts of an action (see [`ExecutedAmounts`] for what is known).
/// When the action gives per-funder amounts, its `executed_total` is not used
/// here ([`crate::checks`] compares it with the sum).
pub fn action_executed(conv: &Convention, action: ActionId) -> CalcResult<ExecutedAmounts> {
    let n = conv.funders.len();
    let Some(a) = conv.actions.get(action) else {
        return Ok(ExecutedAmounts::unknown(n));
    };
    let ex = &a.execution;
    if !ex.executed.is_empty() {
        let amounts = funder_values(n, &ex.executed, FigureName::ActionExecuted)?;
        Ok(ExecutedAmounts {
            by_funder: amounts.by_funder.into_iter().map(Some).collect(),
            total: Some(amounts.total),
            reported: 1,
        })
    } else if let Some(total) = ex.executed_total {
        Ok(ExecutedAmounts {
            by_funder: vec![None; n],
            total: Some(total),
            reported: 1,
        })
    } else {
        Ok(ExecutedAmounts::unknown(n))
    }
}

/// Executed amounts of several actions: the sum over the actions that have
/// execution figures (`reported > 0`); a funder's sum is known only if it is
/// known for each of them.
pub fn aggregate_executed<'a>(
    funders: usize,
    items: impl IntoIterator<Item = &'a ExecutedAmounts>,
) -> CalcResult<ExecutedAmounts> {
    let mut out = ExecutedAmounts {
        by_funder: vec![Some(Decimal::ZERO); funders],
        total: Some(Decimal::ZERO),
        reported: 0,
    };
    for item in items.into_iter().filter(|i| i.reported > 0) {
        out.reported = out.reported.saturating_add(item.reported);
        for (f, slot) in out.by_funder.iter_mut().enumerate() {
            *slot = match (*slot, item.funder(f)) {
                (Some(acc), Some(v)) => Some(add(acc, v, FigureName::Executed)?),
                _ => None,
            };
        }
        out.total = match (out.total, item.total) {
            (Some(acc), Some(v)) => Some(add(acc, v, FigureName::ExecutedTotal)?),
            _ => None,
        };
    }
    if out.reported == 0 {
        return Ok(ExecutedAmounts::unknown(funders));
    }
    Ok(out)
}

/// Executed amounts of a scope: the [`aggregate_executed`] of its actions.
pub fn executed(conv: &Convention, scope: Scope) -> CalcResult<ExecutedAmounts> {
    let actions = in_scope(conv, scope)
        .map(|(id, _)| action_executed(conv, id))
        .collect::<CalcResult<Vec<_>>>()?;
    aggregate_executed(conv.funders.len(), &actions)
}

/// Executed amounts of a group.
pub fn group_executed(conv: &Convention, group: GroupId) -> CalcResult<ExecutedAmounts> {
    executed(conv, Scope::Group(group))
}

/// Executed amounts of the whole convention.
pub fn grand_executed(conv: &Convention) -> CalcResult<ExecutedAmounts> {
    executed(conv, Scope::Grand)
}

/// Carry-over requested for next year (montant à reporter), per funder;
/// `None` when the action gives none.
pub fn action_carry_over_requested(
    conv: &Convention,
    action: ActionId,
) -> CalcResult<Option<FunderAmounts>> {
    match conv.actions.get(action) {
        Some(a) if !a.execution.to_carry_over.is_empty() => funder_values(
            conv.funders.len(),
            &a.execution.to_carry_over,
            FigureName::CarryOver,
        )
        .map(Some),
        _ => Ok(None),
    }
}

/// Committed credits (crédits engagés), per funder; `None` when the action
/// gives none.
pub fn action_committed(conv: &Convention, action: ActionId) -> CalcResult<Option<FunderAmounts>> {
    match conv.actions.get(action) {
        Some(a) if !a.execution.committed.is_empty() => funder_values(
            conv.funders.len(),
            &a.execution.committed,
            FigureName::Committed,
        )
        .map(Some),
        _ => Ok(None),
    }
}

/// Carry-over requested for the whole action, all funders: the sum of its
/// per-funder amounts and of the amount it gives once for itself
/// (`to_carry_over_total`); `None` when it gives neither.
pub fn action_carry_over_total(conv: &Convention, action: ActionId) -> CalcResult<Option<Decimal>> {
    let Some(a) = conv.actions.get(action) else {
        return Ok(None);
    };
    own_plus_split(
        a.execution.to_carry_over_total,
        &a.execution.to_carry_over,
        FigureName::CarryOver,
    )
}

/// Committed credits of the whole action, all funders: as
/// [`action_carry_over_total`], of `committed` and `committed_total`.
pub fn action_committed_total(conv: &Convention, action: ActionId) -> CalcResult<Option<Decimal>> {
    let Some(a) = conv.actions.get(action) else {
        return Ok(None);
    };
    own_plus_split(
        a.execution.committed_total,
        &a.execution.committed,
        FigureName::Committed,
    )
}

fn own_plus_split(
    own: Option<Decimal>,
    split: &[FunderValue],
    what: FigureName,
) -> CalcResult<Option<Decimal>> {
    if own.is_none() && split.is_empty() {
        return Ok(None);
    }
    let values = own.into_iter().chain(split.iter().map(|v| v.value));
    exact_sum(values, what).map(Some)
}

/// Money received for the action (recette État…), all payers; `None` when
/// the table gives none for it.
pub fn action_received_total(conv: &Convention, action: ActionId) -> CalcResult<Option<Decimal>> {
    match conv.actions.get(action) {
        Some(a) if !a.execution.received.is_empty() => exact_sum(
            a.execution.received.iter().map(|r| r.value),
            FigureName::Received,
        )
        .map(Some),
        _ => Ok(None),
    }
}

/// Sum of the figures that are known (the totals of several actions or
/// groups); `None` when none is.
pub fn sum_known<I>(items: I, what: FigureName) -> CalcResult<Option<Decimal>>
where
    I: IntoIterator<Item = Option<Decimal>>,
    I::IntoIter: Clone,
{
    let known = items.into_iter().flatten();
    if known.clone().next().is_none() {
        return Ok(None);
    }
    exact_sum(known, what).map(Some)
}
