//! Every figure of a convention, each computed in one place.
//!
//! | figure | formula | where |
//! |---|---|---|
//! | planned amount of a funder for an action | Σ of the action's [`Amount`]s of that funder (all years, all parts) | [`action_planned`] |
//! | action total (budget global, F) | Σ of its funders' planned amounts | [`action_planned`] |
//! | group subtotal, grand total (per funder and overall) | Σ of the action figures of the group / of all actions | [`aggregate`] ([`group_planned`], [`grand_planned`]) |
//! | planned by part (base, report N-1, avenant) | the same sums restricted to one [`Part`](crate::model::Part) | [`action_planned_by_part`] |
//! | executed amount (per funder, total) | Σ of the action's executed amounts (or its executed total alone) | [`action_executed`], [`aggregate_executed`] |
//! | funding share of a funder | amount ÷ total, exact, adding up to exactly 1; not applicable when the amounts are not split by funder | [`shares`], [`funding_shares`] |
//! | money received from a funder (recette État) | Σ of the received amounts; − the funder's planned part | [`received`] |
//! | co-financing rule | State ≤ max × total; excess = State − max × total; Département missing d = State ÷ max − total | [`co_financing`] |
//! | consumption rate | executed ÷ planned (no rate when nothing is planned) | [`rate`], [`consumption`] |
//! | remaining credit | planned − executed | [`consumption`] |
//! | unspent credit (can be carried over) | max(0, planned − executed) | [`consumption`] |
//! | carry-over requested (montant à reporter) | Σ of the action's to-carry-over amounts | [`action_carry_over_requested`] |
//! | totals per year, change from year to year | Σ of the amounts of each year; Δ = this − previous, Δ ÷ previous | [`year_totals`] |
//!
//! # Exactness and rounding
//!
//! Every figure here is exact: sums and differences of decimals are exact, and
//! nothing is rounded. The only inexact figures are the ratios (shares, rates,
//! State share), which are quotients: `rust_decimal` gives them to 28 significant
//! digits (1/3 is 0.3333…333). [`shares`] makes the shares of a whole add up to
//! exactly 1 all the same (see there). Rounding to the cent (half away from
//! zero, [`crate::money::round_cents`]) happens only when a figure is displayed,
//! in the instalments of [`crate::tranches`], and in
//! [`Breach::departement_missing_cents`], which is rounded *up* so that the
//! amount shown really is enough to comply.
//!
//! # Malformed conventions
//!
//! A saved convention may name a funder, group or action that does not exist.
//! The figures never panic on it: an amount of an unknown funder is left out of
//! every figure (and reported by [`crate::checks`]); an action of an unknown
//! group belongs to no group; an action id that names no action has nothing
//! planned or executed. Arithmetic that does not fit in a decimal gives
//! [`CalcError::Overflow`].
//!
//! [`Amount`]: crate::model::Amount
//! [`CalcError::Overflow`]: crate::CalcError::Overflow

mod cofinancing;
mod consumption;
mod received;
mod shares;
mod totals;
mod years;

pub use cofinancing::{
    co_financing, co_financing_of, is_exempt, matches_label, Breach, CoFinancing,
};
pub use consumption::{
    action_consumption, consumption, grand_consumption, group_consumption, rate, Consumption,
};
pub use received::{payers, received, Received};
pub use shares::{
    action_shares, action_shares_of, funding_shares, grand_shares, group_shares, shares,
};
pub use totals::{
    action_carry_over_requested, action_carry_over_total, action_committed, action_committed_total,
    action_executed, action_planned, action_planned_by_part, action_received_total, aggregate,
    aggregate_executed, aggregate_optional, executed, grand_executed, grand_planned,
    group_executed, group_planned, in_scope, planned, sum_known, sums_by_funder, ExecutedAmounts,
    FunderAmounts, PartAmounts,
};
pub use years::{year_totals, Change, YearTotal, Years};
