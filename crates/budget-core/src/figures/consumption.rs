//! Consumption of the credits: rates, remaining and unspent credit.

use crate::messages::FigureName;
use rust_decimal::Decimal;
use serde::Serialize;

use super::totals::{
    action_executed, action_planned, executed, planned, ExecutedAmounts, FunderAmounts,
};
use crate::error::CalcResult;
use crate::model::{ActionId, Convention, GroupId, Scope};
use crate::money::{div, sub};

/// Consumption rate (taux de consommation): `executed ÷ planned`, as a ratio
/// (2.1611… for 216 %). Above 1 is normal (more was spent than planned).
/// `None` when nothing was planned: there is no rate, it is not an error.
pub fn rate(executed: Decimal, planned: Decimal) -> CalcResult<Option<Decimal>> {
    if planned.is_zero() {
        return Ok(None);
    }
    div(executed, planned, FigureName::ConsumptionRate).map(Some)
}

/// How much of the planned credit was consumed, per funder and overall.
/// Every figure is `None` when the executed amount it needs is not known
/// (see [`ExecutedAmounts`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Consumption {
    /// [`rate`] of each funder.
    pub rate_by_funder: Vec<Option<Decimal>>,
    /// [`rate`] of the total.
    pub rate: Option<Decimal>,
    /// Remaining credit of each funder: `planned − executed` (negative when
    /// more was spent than planned).
    pub remaining_by_funder: Vec<Option<Decimal>>,
    /// Remaining credit overall: `planned total − executed total`.
    pub remaining: Option<Decimal>,
    /// Unspent credit of each funder: `max(0, planned − executed)`, what can
    /// be carried over (report) or may be taken back next year.
    pub unspent_by_funder: Vec<Option<Decimal>>,
    /// Unspent State credit: `max(0, State planned − State executed)`.
    pub unspent_state: Option<Decimal>,
}

/// Consumption figures from planned and executed amounts of the same scope.
///
/// For a group or the whole convention, actions without execution figures
/// count as nothing executed (their planned amounts stay in the planned
/// side); `executed.reported` says how many actions reported.
pub fn consumption(
    conv: &Convention,
    planned: &FunderAmounts,
    executed: &ExecutedAmounts,
) -> CalcResult<Consumption> {
    let n = conv.funders.len();
    let mut out = Consumption {
        rate_by_funder: Vec::with_capacity(n),
        rate: None,
        remaining_by_funder: Vec::with_capacity(n),
        remaining: None,
        unspent_by_funder: Vec::with_capacity(n),
        unspent_state: None,
    };
    for f in 0..n {
        let p = planned.funder(f);
        match executed.funder(f) {
            Some(e) => {
                let remaining = sub(p, e, FigureName::Remaining)?;
                out.rate_by_funder.push(rate(e, p)?);
                out.remaining_by_funder.push(Some(remaining));
                out.unspent_by_funder
                    .push(Some(remaining.max(Decimal::ZERO)));
            }
            None => {
                out.rate_by_funder.push(None);
                out.remaining_by_funder.push(None);
                out.unspent_by_funder.push(None);
            }
        }
    }
    if let Some(e) = executed.total {
        out.rate = rate(e, planned.total)?;
        out.remaining = Some(sub(planned.total, e, FigureName::Remaining)?);
    }
    out.unspent_state = conv
        .state()
        .and_then(|s| out.unspent_by_funder.get(s).copied().flatten());
    Ok(out)
}

/// Consumption of an action.
pub fn action_consumption(conv: &Convention, action: ActionId) -> CalcResult<Consumption> {
    consumption(
        conv,
        &action_planned(conv, action)?,
        &action_executed(conv, action)?,
    )
}

/// Consumption of a group.
pub fn group_consumption(conv: &Convention, group: GroupId) -> CalcResult<Consumption> {
    let scope = Scope::Group(group);
    consumption(conv, &planned(conv, scope)?, &executed(conv, scope)?)
}

/// Consumption of the whole convention.
pub fn grand_consumption(conv: &Convention) -> CalcResult<Consumption> {
    consumption(
        conv,
        &planned(conv, Scope::Grand)?,
        &executed(conv, Scope::Grand)?,
    )
}
