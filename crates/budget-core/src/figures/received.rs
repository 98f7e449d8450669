//! Money received from a funder (recette État): an execution figure of its
//! own, compared with that funder's planned part when the table splits its
//! amounts by funder. Never a planned amount.

use crate::messages::FigureName;
use rust_decimal::Decimal;
use serde::Serialize;

use super::totals::{in_scope, sums_by_funder, FunderAmounts};
use crate::error::CalcResult;
use crate::model::{Convention, FunderKind, Scope};
use crate::money::sub;

/// What one payer paid in over a scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Received {
    /// Who paid (the State for « Recette État »).
    pub from: FunderKind,
    pub name: String,
    /// Σ of the amounts received from them.
    pub amount: Decimal,
    /// Their planned part over the same scope, when the convention splits its
    /// amounts by funder and has this funder; `None` otherwise (a table that
    /// names no funder declares no part of the State to compare with).
    pub planned: Option<Decimal>,
    /// `amount − planned`: negative while the payer has still to pay.
    pub difference: Option<Decimal>,
}

/// The payers of a convention's received amounts, in order of first
/// appearance.
pub fn payers(conv: &Convention) -> Vec<(FunderKind, String)> {
    let mut out: Vec<(FunderKind, String)> = Vec::new();
    for a in &conv.actions {
        for r in &a.execution.received {
            if !out.iter().any(|(k, n)| *k == r.from && *n == r.name) {
                out.push((r.from, r.name.clone()));
            }
        }
    }
    out
}

/// What each payer paid in over `scope` (empty when the table gives no
/// received amount), with the payer's planned part of `planned` (the scope's
/// planned amounts) to compare with.
pub fn received(
    conv: &Convention,
    scope: Scope,
    planned: Option<&FunderAmounts>,
) -> CalcResult<Vec<Received>> {
    let payers = payers(conv);
    if payers.is_empty() {
        return Ok(Vec::new());
    }
    let values = in_scope(conv, scope).flat_map(|(_, a)| {
        a.execution.received.iter().filter_map(|r| {
            let p = payers
                .iter()
                .position(|(k, n)| *k == r.from && *n == r.name)?;
            Some((p, r.value))
        })
    });
    let sums = sums_by_funder(payers.len(), values, FigureName::Received)?;
    let mut out = Vec::with_capacity(payers.len());
    for ((from, name), amount) in payers.into_iter().zip(sums) {
        let funder = match from {
            FunderKind::Other => conv
                .funders
                .iter()
                .position(|f| f.kind == FunderKind::Other && f.name == name),
            kind => conv.funder_of_kind(kind),
        };
        let planned = match (planned, funder) {
            (Some(p), Some(f)) if conv.is_split() => Some(p.funder(f)),
            _ => None,
        };
        let difference = match planned {
            Some(p) => Some(sub(amount, p, FigureName::ReceivedGap)?),
            None => None,
        };
        out.push(Received {
            from,
            name,
            amount,
            planned,
            difference,
        });
    }
    Ok(out)
}
