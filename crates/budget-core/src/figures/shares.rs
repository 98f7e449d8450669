//! Funding split: each funder's share of an action, of a group, of the whole.

use crate::messages::FigureName;
use rust_decimal::Decimal;

use super::totals::{action_planned, grand_planned, group_planned, FunderAmounts};
use crate::error::CalcResult;
use crate::model::{ActionId, Convention, GroupId};
use crate::money::{div, sub, sum};

/// Each funder's share of the total, as exact ratios (0.12065… for 12,07 %),
/// indexed by funder; `None` when the total is zero (no split to show).
///
/// A share is `amount ÷ total`, a quotient given to 28 significant digits
/// (`rust_decimal`): 1/3 cannot be written exactly in decimal. So that the
/// shares of a whole **add up to exactly 1 before any rounding**, the share of
/// the last funder with a non-zero amount is `1 − (the others' shares)`: it
/// differs from its quotient by at most a few 10⁻²⁸, invisible at any display
/// precision. A funder who puts nothing in has a share of exactly 0. (Rounded
/// for display, shares may still show 99,99 % or 100,01 % in total: that is
/// the display, not the figure.)
///
/// The total used is the sum of `by_funder`.
pub fn shares(amounts: &FunderAmounts) -> CalcResult<Option<Vec<Decimal>>> {
    let total = sum(amounts.by_funder.iter().copied(), FigureName::SharesTotal)?;
    if total.is_zero() {
        return Ok(None);
    }
    let last = amounts.by_funder.iter().rposition(|v| !v.is_zero());
    let mut out = Vec::with_capacity(amounts.by_funder.len());
    let mut others = Decimal::ZERO;
    for (f, value) in amounts.by_funder.iter().enumerate() {
        if Some(f) == last || value.is_zero() {
            out.push(Decimal::ZERO);
            continue;
        }
        let share = div(*value, total, FigureName::FunderShare)?;
        others = crate::money::add(others, share, FigureName::SharesSum)?;
        out.push(share);
    }
    if let Some(slot) = last.and_then(|l| out.get_mut(l)) {
        *slot = sub(Decimal::ONE, others, FigureName::LastShare)?;
    }
    Ok(Some(out))
}

/// The funding split of `amounts` of `conv`: [`shares`], or `None` when the
/// convention's amounts are not split by funder ([`Convention::is_split`]):
/// then there is no split to show, not 100 % of anyone.
pub fn funding_shares(
    conv: &Convention,
    amounts: &FunderAmounts,
) -> CalcResult<Option<Vec<Decimal>>> {
    if !conv.is_split() {
        return Ok(None);
    }
    shares(amounts)
}

/// Funding split of an action ([`funding_shares`] of [`action_planned`]).
/// `None` too while an amount of the action could not be read
/// ([`Action::unread`](crate::model::Action::unread)).
pub fn action_shares(conv: &Convention, action: ActionId) -> CalcResult<Option<Vec<Decimal>>> {
    action_shares_of(conv, action, &action_planned(conv, action)?)
}

/// [`action_shares`] of an action whose planned amounts (`planned`) are
/// already computed.
pub fn action_shares_of(
    conv: &Convention,
    action: ActionId,
    planned: &FunderAmounts,
) -> CalcResult<Option<Vec<Decimal>>> {
    if conv
        .actions
        .get(action)
        .is_some_and(|a| !a.unread.is_empty())
    {
        return Ok(None);
    }
    funding_shares(conv, planned)
}

/// Funding split of a group ([`funding_shares`] of [`group_planned`]).
pub fn group_shares(conv: &Convention, group: GroupId) -> CalcResult<Option<Vec<Decimal>>> {
    funding_shares(conv, &group_planned(conv, group)?)
}

/// Funding split of the whole convention ([`funding_shares`] of [`grand_planned`]).
pub fn grand_shares(conv: &Convention) -> CalcResult<Option<Vec<Decimal>>> {
    funding_shares(conv, &grand_planned(conv)?)
}
