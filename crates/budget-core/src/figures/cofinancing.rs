//! The co-financing rule: the State funds at most a share of each action.

use crate::messages::FigureName;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::totals::{action_planned, FunderAmounts};
use crate::error::CalcResult;
use crate::model::{ActionId, Convention};
use crate::money::{div, mul, sub};
use crate::text::fold_words;

/// How an action stands against the co-financing rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoFinancing {
    /// The State's planned amount for the action.
    pub state: Decimal,
    /// The action's planned total (budget global).
    pub total: Decimal,
    /// `state ÷ total`; `None` when the total is zero.
    pub state_share: Option<Decimal>,
    /// The maximum State share ([`Settings::state_max_share`](crate::model::Settings)).
    pub max_share: Decimal,
    /// The most the State may put in: `max_share × total`.
    pub state_max: Decimal,
    /// The action is exempt from the rule (its group, number or title matches
    /// an exemption); it is then never in breach.
    pub exempt: bool,
    /// Set when the State puts in more than `state_max` and the action is not exempt.
    pub breach: Option<Breach>,
}

/// By how much an action breaks the co-financing rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breach {
    /// Excess of State money: `state − max_share × total`, the amount the State
    /// would have to take off (everything else unchanged).
    pub state_excess: Decimal,
    /// Département money missing to comply: the increase `d` of the
    /// Département's amount such that `state ÷ (total + d) ≤ max_share`, i.e.
    /// `d = state ÷ max_share − total` (exact, up to the 28 digits of the
    /// quotient). `None` when the maximum share is zero or less (then no
    /// amount is enough).
    pub departement_missing: Option<Decimal>,
    /// `departement_missing` rounded **up** to the cent: the smallest amount in
    /// cents that is enough (rounding half away from zero could give one that
    /// falls short by a fraction of a cent).
    pub departement_missing_cents: Option<Decimal>,
}

/// Whether `label` starts with `pattern`, ignoring case, accents and
/// punctuation, and ending at a word boundary: `"Volet 1"` matches
/// `"Volet 1 : préparer France Travail"` but not `"Volet 10"`; `"2"` matches
/// action `"2"` and `"2.9"` but not `"21"`. An empty pattern matches nothing.
pub fn matches_label(label: &str, pattern: &str) -> bool {
    let pattern = fold_words(pattern);
    if pattern.is_empty() {
        return false;
    }
    let label = fold_words(label);
    match label.strip_prefix(&pattern) {
        Some(rest) => rest.is_empty() || rest.starts_with(' '),
        None => false,
    }
}

/// Whether an action is exempt from the co-financing rule: one of
/// `settings.exemptions` matches ([`matches_label`]) the name of its group,
/// its number or its title.
pub fn is_exempt(conv: &Convention, action: ActionId) -> bool {
    let Some(a) = conv.actions.get(action) else {
        return false;
    };
    let group = a
        .group
        .and_then(|g| conv.groups.get(g))
        .map(|g| g.name.as_str());
    conv.settings.exemptions.iter().any(|e| {
        group.is_some_and(|g| matches_label(g, e))
            || matches_label(&a.number, e)
            || matches_label(&a.title, e)
    })
}

/// The co-financing rule for one action: the State's planned amount must not
/// exceed `max_share × total` (`settings.state_max_share`, 50 % by default).
///
/// Worked example (Creuse 2023, action 8): State 38 648 €, total 51 000 €,
/// share 75,78 % > 50 %; excess 38 648 − 0,5 × 51 000 = 13 148 €;
/// Département missing 38 648 ÷ 0,5 − 51 000 = 26 296 € (check:
/// 38 648 ÷ 77 296 = 50 %).
///
/// `None` when the convention has no State funder, its amounts are not split
/// by funder, or the action does not exist.
pub fn co_financing(conv: &Convention, action: ActionId) -> CalcResult<Option<CoFinancing>> {
    co_financing_of(conv, action, &action_planned(conv, action)?)
}

/// [`co_financing`] of an action whose planned amounts (`planned`, from
/// [`action_planned`]) are already computed.
pub fn co_financing_of(
    conv: &Convention,
    action: ActionId,
    planned: &FunderAmounts,
) -> CalcResult<Option<CoFinancing>> {
    let (Some(state_id), Some(_)) = (conv.state(), conv.actions.get(action)) else {
        return Ok(None);
    };
    // Amounts not split by funder say nothing of the State's part; an amount
    // that could not be read leaves it unknown.
    if !conv.is_split()
        || conv
            .actions
            .get(action)
            .is_some_and(|a| !a.unread.is_empty())
    {
        return Ok(None);
    }
    let state = planned.funder(state_id);
    let total = planned.total;
    let max_share = conv.settings.state_max_share;
    let state_share = if total.is_zero() {
        None
    } else {
        Some(div(state, total, FigureName::StateShare)?)
    };
    let state_max = mul(max_share, total, FigureName::StateCap)?;
    let exempt = is_exempt(conv, action);
    let breach = if !exempt && state > state_max {
        let state_excess = sub(state, state_max, FigureName::StateExcess)?;
        let departement_missing = if max_share > Decimal::ZERO {
            let needed_total = div(state, max_share, FigureName::NeededTotal)?;
            Some(sub(needed_total, total, FigureName::DepartementMissing)?)
        } else {
            None
        };
        let departement_missing_cents = departement_missing
            .map(|d| d.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity));
        Some(Breach {
            state_excess,
            departement_missing,
            departement_missing_cents,
        })
    } else {
        None
    };
    Ok(Some(CoFinancing {
        state,
        total,
        state_share,
        max_share,
        state_max,
        exempt,
        breach,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_at_a_word_boundary_only() {
        assert!(matches_label(
            "Volet 1 : préparer France Travail",
            "volet 1"
        ));
        assert!(matches_label("VOLET 3", "Volet 3"));
        assert!(!matches_label("Volet 10", "Volet 1"));
        assert!(matches_label("2.9", "2"));
        assert!(!matches_label("21", "2"));
        assert!(!matches_label("Volet 1", ""));
        assert!(!matches_label("Volet 1", " – "));
    }
}
