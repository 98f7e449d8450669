//! Every figure and every warning of a convention at once, for display and
//! JSON.
//!
//! [`compute`] never panics and never stops at the first error: a figure that
//! cannot be computed (overflow) is `None` and its error is listed in
//! [`Report::errors`]; everything else is still computed.
//!
//! Amounts and ratios are exact [`Decimal`]s; serialised to JSON they are
//! decimal strings (`"1775650.00"`, `"0.1206541935483870967741935484"`), never
//! binary floats. Ratios (shares, rates) are fractions: 0.5 is 50 %. Amounts
//! per funder are arrays indexed like [`Report::funders`].

use crate::messages::FigureName;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::checks::{self, Warning};
use crate::error::{CalcError, CalcResult};
use crate::figures::{
    self, aggregate, aggregate_executed, aggregate_optional, CoFinancing, Consumption,
    ExecutedAmounts, FunderAmounts, PartAmounts, Years,
};
use crate::model::{ActionId, Convention, FunderId, FunderKind, GroupId, Scope, Settings};
use crate::tranches::{self, InstalmentAmount, Settlement};

/// A funder, as the amounts arrays are indexed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FunderInfo {
    pub id: FunderId,
    pub name: String,
    pub kind: FunderKind,
}

/// The figures of an action, a group, or the whole convention. A figure is
/// `None` when it could not be computed (see [`Report::errors`]) or, for
/// `carry_over_requested` and `committed`, when the table gives none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Planned amounts per funder and total ([`figures::action_planned`],
    /// [`figures::aggregate`]).
    pub planned: Option<FunderAmounts>,
    /// The same split into base, carry-over (report N-1) and amendment.
    pub planned_by_part: Option<PartAmounts>,
    /// Funding split ([`figures::shares`]): ratios adding up to exactly 1;
    /// `None` also when the total is zero.
    pub shares: Option<Vec<Decimal>>,
    /// Executed spending ([`figures::ExecutedAmounts`]).
    pub executed: Option<ExecutedAmounts>,
    /// Rates, remaining and unspent credit ([`figures::consumption`]).
    pub consumption: Option<Consumption>,
    /// Carry-over requested for next year (montant à reporter).
    pub carry_over_requested: Option<FunderAmounts>,
    /// Committed credits (crédits engagés).
    pub committed: Option<FunderAmounts>,
    /// Carry-over requested, all funders, the amounts given once per action
    /// (not per funder) included ([`figures::action_carry_over_total`]).
    pub carry_over_total: Option<Decimal>,
    /// Committed credits, all funders, those given once per action included.
    pub committed_total: Option<Decimal>,
    /// Money received (recette État…), all payers; per payer, with the
    /// payer's planned part, in [`Report::received`] for the whole.
    pub received_total: Option<Decimal>,
}

/// The figures of one action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionFigures {
    pub id: ActionId,
    pub number: String,
    pub title: String,
    /// Its group, when the group exists.
    pub group: Option<GroupId>,
    pub source_row: Option<usize>,
    #[serde(flatten)]
    pub figures: Totals,
    /// The co-financing rule ([`figures::co_financing`]); `None` without a
    /// State funder or when it could not be computed.
    pub co_financing: Option<CoFinancing>,
    /// Whether an amount of the action could not be read
    /// ([`Action::unread`](crate::model::Action::unread)): its share and
    /// co-financing rule are then not known.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
    /// Its amounts per year and their change from year to year, when it has
    /// amounts of some year ([`figures::year_totals`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<Years>,
}

/// The figures of a group (or of the actions without a group).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupFigures {
    /// `None` for the actions without a group.
    pub id: Option<GroupId>,
    pub name: String,
    /// Its actions, in table order.
    pub actions: Vec<ActionId>,
    #[serde(flatten)]
    pub figures: Totals,
    /// How many of its actions break the co-financing rule.
    pub co_financing_breaches: usize,
    /// Its amounts per year and their change from year to year, when its
    /// actions have amounts of some year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<Years>,
    /// Whether every amount of its actions is [`tame`]: then its subtotals
    /// are the exact sums, and so is any sum of them.
    #[serde(skip)]
    tame: bool,
}

/// A payment schedule with its instalments and, once known, the settlement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScheduleFigures {
    pub id: usize,
    pub name: String,
    pub payer: Option<FunderId>,
    pub action: Option<ActionId>,
    pub total: Decimal,
    /// [`tranches::instalments`]: rounded to the cent, adding up to `total`.
    pub instalments: Option<Vec<InstalmentAmount>>,
    /// [`tranches::settle`], when something was paid or achieved.
    pub settlement: Option<Settlement>,
}

/// A figure that could not be computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportError {
    /// Where: an action, a group, the whole convention; `None` for a schedule.
    pub scope: Option<Scope>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<usize>,
    /// The error, in French.
    pub message: String,
    #[serde(skip)]
    pub error: Option<CalcError>,
}

/// Everything the calculator shows for a convention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub title: String,
    pub departement: String,
    pub funders: Vec<FunderInfo>,
    /// Whether the amounts are split by funder ([`Convention::is_split`]):
    /// when not, `shares` and `co_financing` are `None` everywhere ("not
    /// applicable"), never 100 % of anyone.
    pub split: bool,
    pub settings: Settings,
    /// One entry per action, in table order. Shared: the figures of an
    /// action an edit left as it was are the same allocation in the figures
    /// before and after the edit ([`recompute_figures`]), so that keeping
    /// them, and telling them apart, costs nothing.
    pub actions: Vec<Arc<ActionFigures>>,
    /// One entry per group, in order (subtotals). Shared like the actions:
    /// the subtotals of a group an edit left as it was are the same
    /// allocation before and after it.
    pub groups: Vec<Arc<GroupFigures>>,
    /// The actions that belong to no (existing) group, when the convention
    /// has groups and such actions.
    pub ungrouped: Option<Arc<GroupFigures>>,
    /// The whole convention (grand totals).
    pub grand: Totals,
    /// Totals per year and change from year to year, when amounts have years.
    pub years: Option<Years>,
    /// Money received from each payer over the whole convention (recette
    /// État), with the payer's planned part to compare with; empty when the
    /// table gives none ([`figures::received`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub received: Vec<figures::Received>,
    pub schedules: Vec<ScheduleFigures>,
    /// Every inconsistency ([`checks::check`]).
    pub warnings: Vec<Warning>,
    /// Figures that could not be computed.
    pub errors: Vec<ReportError>,
}

impl Report {
    /// Whether a warning or an error was found.
    pub fn is_clean(&self) -> bool {
        self.warnings.is_empty() && self.errors.is_empty()
    }
}

struct Errors(Vec<ReportError>);

impl Errors {
    fn keep<T>(&mut self, scope: Option<Scope>, result: CalcResult<T>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(error) => {
                self.push(scope, None, error);
                None
            }
        }
    }

    fn push(&mut self, scope: Option<Scope>, schedule: Option<usize>, error: CalcError) {
        let message = error.to_string();
        let seen = self
            .0
            .iter()
            .any(|e| e.scope == scope && e.schedule == schedule && e.message == message);
        if !seen {
            self.0.push(ReportError {
                scope,
                schedule,
                message,
                error: Some(error),
            });
        }
    }
}

fn action_figures(conv: &Convention, id: ActionId, errors: &mut Errors) -> ActionFigures {
    let scope = Some(Scope::Action(id));
    let action = conv.actions.get(id);
    let planned = errors.keep(scope, figures::action_planned(conv, id));
    let executed = errors.keep(scope, figures::action_executed(conv, id));
    let incomplete = action.is_some_and(|a| !a.unread.is_empty());
    let totals = Totals {
        planned_by_part: errors.keep(scope, figures::action_planned_by_part(conv, id)),
        shares: planned.as_ref().and_then(|p| {
            errors
                .keep(scope, figures::action_shares_of(conv, id, p))
                .flatten()
        }),
        consumption: match (&planned, &executed) {
            (Some(p), Some(e)) => errors.keep(scope, figures::consumption(conv, p, e)),
            _ => None,
        },
        carry_over_requested: errors
            .keep(scope, figures::action_carry_over_requested(conv, id))
            .flatten(),
        committed: errors
            .keep(scope, figures::action_committed(conv, id))
            .flatten(),
        carry_over_total: errors
            .keep(scope, figures::action_carry_over_total(conv, id))
            .flatten(),
        committed_total: errors
            .keep(scope, figures::action_committed_total(conv, id))
            .flatten(),
        received_total: errors
            .keep(scope, figures::action_received_total(conv, id))
            .flatten(),
        planned,
        executed,
    };
    let co_financing = totals.planned.as_ref().and_then(|p| {
        errors
            .keep(scope, figures::co_financing_of(conv, id, p))
            .flatten()
    });
    let dated = action.is_some_and(|a| a.planned.iter().any(|p| p.year.is_some()));
    let years = if dated {
        errors.keep(scope, figures::year_totals(conv, Scope::Action(id)))
    } else {
        None
    };
    ActionFigures {
        incomplete,
        years,
        id,
        number: action.map(|a| a.number.clone()).unwrap_or_default(),
        title: action.map(|a| a.title.clone()).unwrap_or_default(),
        group: action
            .and_then(|a| a.group)
            .filter(|g| *g < conv.groups.len()),
        source_row: action.and_then(|a| a.source_row),
        figures: totals,
        co_financing,
    }
}

/// Amounts below 10¹⁵ in absolute value with at most 6 decimals: fewer than
/// [`TAME_COUNT`] of them, or of sums of them, add up exactly in every way
/// (integer mantissas below 10²¹, sums below 10²⁸ < 2⁹⁶: no rounding, no
/// overflow), to the same decimal whatever the grouping.
fn tame(v: Decimal) -> bool {
    v.scale() <= 6 && v.abs() < Decimal::from(1_000_000_000_000_000u64)
}

/// See [`tame`].
const TAME_COUNT: usize = 10_000_000;

/// Whether every amount that the sums of several actions add up is [`tame`].
fn tame_totals(t: &Totals) -> bool {
    let amounts = |a: &FunderAmounts| a.by_funder.iter().all(|v| tame(*v)) && tame(a.total);
    t.planned.as_ref().is_none_or(amounts)
        && t.planned_by_part
            .as_ref()
            .is_none_or(|p| amounts(&p.base) && amounts(&p.carry_over) && amounts(&p.amendment))
        && t.executed.as_ref().is_none_or(|e| {
            e.by_funder.iter().flatten().all(|v| tame(*v)) && e.total.is_none_or(tame)
        })
        && t.carry_over_requested.as_ref().is_none_or(amounts)
        && t.committed.as_ref().is_none_or(amounts)
        && t.carry_over_total.is_none_or(tame)
        && t.committed_total.is_none_or(tame)
        && t.received_total.is_none_or(tame)
}

/// The figures of several actions from theirs: sums by [`aggregate`] and
/// [`aggregate_executed`], shares and consumption from the sums.
fn aggregate_totals(
    conv: &Convention,
    actions: &[Arc<ActionFigures>],
    ids: &[ActionId],
    scope: Scope,
    errors: &mut Errors,
) -> Totals {
    let members: Vec<&Totals> = ids
        .iter()
        .filter_map(|id| actions.get(*id))
        .map(|a| &a.figures)
        .collect();
    sum_totals(conv, &members, scope, errors)
}

/// The figures of the whole of `members` (figures of actions, or subtotals).
fn sum_totals(conv: &Convention, members: &[&Totals], scope: Scope, errors: &mut Errors) -> Totals {
    let n = conv.funders.len();
    let scope_ = Some(scope);
    // A sum is known only when every member's figure is.
    let planned: Option<Vec<&FunderAmounts>> = members.iter().map(|t| t.planned.as_ref()).collect();
    let planned = planned.and_then(|p| errors.keep(scope_, aggregate(n, p)));
    let parts: Option<Vec<&PartAmounts>> =
        members.iter().map(|t| t.planned_by_part.as_ref()).collect();
    let planned_by_part = parts.and_then(|p| errors.keep(scope_, PartAmounts::aggregate(n, p)));
    let executed: Option<Vec<&ExecutedAmounts>> =
        members.iter().map(|t| t.executed.as_ref()).collect();
    let executed = executed.and_then(|e| errors.keep(scope_, aggregate_executed(n, e)));
    let carry: Vec<&Option<FunderAmounts>> =
        members.iter().map(|t| &t.carry_over_requested).collect();
    let committed: Vec<&Option<FunderAmounts>> = members.iter().map(|t| &t.committed).collect();
    Totals {
        shares: planned.as_ref().and_then(|p| {
            errors
                .keep(scope_, figures::funding_shares(conv, p))
                .flatten()
        }),
        consumption: match (&planned, &executed) {
            (Some(p), Some(e)) => errors.keep(scope_, figures::consumption(conv, p, e)),
            _ => None,
        },
        carry_over_requested: errors.keep(scope_, aggregate_optional(n, carry)).flatten(),
        committed: errors
            .keep(scope_, aggregate_optional(n, committed))
            .flatten(),
        carry_over_total: errors
            .keep(
                scope_,
                figures::sum_known(
                    members.iter().map(|t| t.carry_over_total),
                    FigureName::CarryOver,
                ),
            )
            .flatten(),
        committed_total: errors
            .keep(
                scope_,
                figures::sum_known(
                    members.iter().map(|t| t.committed_total),
                    FigureName::Committed,
                ),
            )
            .flatten(),
        received_total: errors
            .keep(
                scope_,
                figures::sum_known(
                    members.iter().map(|t| t.received_total),
                    FigureName::Received,
                ),
            )
            .flatten(),
        planned,
        planned_by_part,
        executed,
    }
}

fn group_figures(
    conv: &Convention,
    actions: &[Arc<ActionFigures>],
    id: Option<GroupId>,
    name: String,
    ids: Vec<ActionId>,
    errors: &mut Errors,
) -> GroupFigures {
    let scope = id.map_or(Scope::Grand, Scope::Group);
    let figures = aggregate_totals(conv, actions, &ids, scope, errors);
    let members = || ids.iter().filter_map(|i| actions.get(*i));
    let co_financing_breaches = members()
        .filter(|a| a.co_financing.as_ref().is_some_and(|c| c.breach.is_some()))
        .count();
    let tame = members().all(|a| tame_totals(&a.figures));
    // (The actions of no group are no scope of their own: no years.)
    let years = if id.is_some() && members().any(|a| a.years.is_some()) {
        errors.keep(Some(scope), figures::year_totals(conv, scope))
    } else {
        None
    };
    GroupFigures {
        years,
        id,
        name,
        actions: ids,
        figures,
        co_financing_breaches,
        tame,
    }
}

fn schedule_figures(conv: &Convention, errors: &mut Errors) -> Vec<ScheduleFigures> {
    let mut out = Vec::with_capacity(conv.schedules.len());
    for (id, s) in conv.schedules.iter().enumerate() {
        let instalments = match tranches::instalments(s.total, &s.instalments) {
            Ok(v) => Some(v),
            Err(e) => {
                errors.push(None, Some(id), e);
                None
            }
        };
        let settlement = if s.paid.is_some() || s.achieved.is_some() {
            let achieved = match s
                .achieved
                .as_ref()
                .map(tranches::achieved_amount)
                .transpose()
            {
                Ok(a) => Some(a),
                Err(e) => {
                    errors.push(None, Some(id), e);
                    None
                }
            };
            achieved.and_then(|a| {
                match tranches::settle(s.total, a, s.paid.unwrap_or(Decimal::ZERO)) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors.push(None, Some(id), e);
                        None
                    }
                }
            })
        } else {
            None
        };
        out.push(ScheduleFigures {
            id,
            name: s.name.clone(),
            payer: s.payer,
            action: s.action,
            total: s.total,
            instalments,
            settlement,
        });
    }
    out
}

/// Computes every figure and every warning of `conv`.
pub fn compute(conv: &Convention) -> Report {
    let mut report = compute_figures(conv);
    let checked = checks::check(conv);
    let mut errors = Errors(std::mem::take(&mut report.errors));
    for e in checked.errors {
        errors.push(e.scope, None, e.error);
    }
    report.errors = errors.0;
    report.warnings = checked.warnings;
    report
}

/// Computes every figure of `conv` but not the warnings ([`Report::warnings`]
/// is empty): what a view of the figures needs after each edit. The checks,
/// which cost most of [`compute`], are [`checks::check`], run apart when the
/// warnings are shown.
pub fn compute_figures(conv: &Convention) -> Report {
    figures_with(conv, None)
}

/// The figures of `conv` after a change from `before`, whose figures
/// ([`compute_figures`]) are `known`: the same [`Report`] as
/// `compute_figures(conv)`, worked out faster when few actions changed (an
/// edited cell): the figures of every action left as it was, and the
/// subtotals of the groups none of whose actions changed, are taken from
/// `known`; the grand total is summed again from the actions.
/// Everything is worked out again when anything else changed (funders,
/// settings, groups, years, the number of actions).
pub fn recompute_figures(before: &Convention, known: &Report, conv: &Convention) -> Report {
    let same_frame = before.version == conv.version
        && before.years == conv.years
        && before.settings == conv.settings
        && before.funders == conv.funders
        && before.groups == conv.groups
        && before.actions.len() == conv.actions.len()
        && known.actions.len() == conv.actions.len()
        && known.groups.len() == conv.groups.len();
    if same_frame {
        figures_with(conv, Some((before, known)))
    } else {
        compute_figures(conv)
    }
}

/// [`compute_figures`], taking what did not change from `previous` (a
/// convention and its figures, with the same funders, settings, groups and
/// number of actions as `conv`).
fn figures_with(conv: &Convention, previous: Option<(&Convention, &Report)>) -> Report {
    let mut errors = Errors(Vec::new());
    // The known errors of each action and group, carried with their figures.
    let mut action_errors: Vec<Vec<&ReportError>> = Vec::new();
    let mut group_errors: Vec<Vec<&ReportError>> = Vec::new();
    if let Some((_, known)) = previous {
        action_errors.resize_with(conv.actions.len(), Vec::new);
        group_errors.resize_with(conv.groups.len(), Vec::new);
        for e in known.errors.iter().filter(|e| e.schedule.is_none()) {
            let slot = match e.scope {
                Some(Scope::Action(id)) => action_errors.get_mut(id),
                Some(Scope::Group(g)) => group_errors.get_mut(g),
                _ => None,
            };
            if let Some(slot) = slot {
                slot.push(e);
            }
        }
    }
    let mut changed = vec![previous.is_none(); conv.actions.len()];
    let actions: Vec<Arc<ActionFigures>> = (0..conv.actions.len())
        .map(|id| {
            let kept = previous.and_then(|(before, known)| {
                // Shared (not copied) since the figures were worked out: the
                // same action, no need to compare it.
                (conv.actions.shared(&before.actions, id)
                    || before.actions.get(id) == conv.actions.get(id))
                .then(|| known.actions.get(id))
                .flatten()
            });
            match kept {
                Some(figures) => {
                    if let Some(known) = action_errors.get(id) {
                        errors.0.extend(known.iter().map(|e| (*e).clone()));
                    }
                    Arc::clone(figures)
                }
                None => {
                    if let Some(c) = changed.get_mut(id) {
                        *c = true;
                    }
                    Arc::new(action_figures(conv, id, &mut errors))
                }
            }
        })
        .collect();
    // The groups an edited action left or joined are worked out again.
    let mut dirty = vec![previous.is_none(); conv.groups.len()];
    if let Some((before, _)) = previous {
        for (id, _) in changed.iter().enumerate().filter(|(_, c)| **c) {
            let left = before.actions.get(id).and_then(|a| a.group);
            let joined = conv.actions.get(id).and_then(|a| a.group);
            for g in [left, joined].into_iter().flatten() {
                if let Some(d) = dirty.get_mut(g) {
                    *d = true;
                }
            }
        }
    }

    let mut members: Vec<Vec<ActionId>> = vec![Vec::new(); conv.groups.len()];
    let mut ungrouped: Vec<ActionId> = Vec::new();
    for (id, a) in conv.actions.iter().enumerate() {
        match a.group.and_then(|g| members.get_mut(g)) {
            Some(m) => m.push(id),
            None => ungrouped.push(id),
        }
    }
    let groups: Vec<Arc<GroupFigures>> = members
        .into_iter()
        .enumerate()
        .map(|(g, ids)| {
            let kept = previous
                .and_then(|(_, known)| known.groups.get(g))
                .filter(|k| !dirty.get(g).copied().unwrap_or(true) && k.actions == ids);
            if let Some(known) = kept {
                if let Some(carried) = group_errors.get(g) {
                    errors.0.extend(carried.iter().map(|e| (*e).clone()));
                }
                return Arc::clone(known);
            }
            let name = conv
                .groups
                .get(g)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            Arc::new(group_figures(
                conv,
                &actions,
                Some(g),
                name,
                ids,
                &mut errors,
            ))
        })
        .collect();
    let ungrouped = (!conv.groups.is_empty() && !ungrouped.is_empty())
        .then(|| group_figures(conv, &actions, None, String::new(), ungrouped, &mut errors))
        .map(Arc::new);
    // From the subtotals when they cover every action and every amount is
    // tame (the same sums, exactly); otherwise from the actions: a sum too
    // long for a decimal is rounded, and then only the actions' own figures
    // give the grand total as it is defined.
    let blocks: Vec<&GroupFigures> = groups.iter().chain(&ungrouped).map(|g| &**g).collect();
    let grand =
        if !conv.groups.is_empty() && actions.len() < TAME_COUNT && blocks.iter().all(|g| g.tame) {
            let subtotals: Vec<&Totals> = blocks.iter().map(|g| &g.figures).collect();
            sum_totals(conv, &subtotals, Scope::Grand, &mut errors)
        } else {
            let all: Vec<ActionId> = (0..actions.len()).collect();
            aggregate_totals(conv, &actions, &all, Scope::Grand, &mut errors)
        };
    // No amount had a year before the edit (and no error was found for the
    // whole convention), and none of the actions it changed has one now:
    // still no year, without going through every action again.
    let still_undated = previous.is_some_and(|(_, known)| {
        known.years.is_none() && !known.errors.iter().any(|e| e.scope == Some(Scope::Grand))
    }) && changed
        .iter()
        .enumerate()
        .filter(|(_, c)| **c)
        .all(|(id, _)| {
            conv.actions
                .get(id)
                .is_none_or(|a| a.planned.iter().all(|p| p.year.is_none()))
        });
    let years = if still_undated {
        None
    } else {
        errors
            .keep(Some(Scope::Grand), figures::year_totals(conv, Scope::Grand))
            .filter(|y| !y.by_year.is_empty())
    };
    let schedules = schedule_figures(conv, &mut errors);
    let received = errors
        .keep(
            Some(Scope::Grand),
            figures::received(conv, Scope::Grand, grand.planned.as_ref()),
        )
        .unwrap_or_default();
    Report {
        title: conv.title.clone(),
        departement: conv.departement.clone(),
        funders: conv
            .funders
            .iter()
            .enumerate()
            .map(|(id, f)| FunderInfo {
                id,
                name: f.name.clone(),
                kind: f.kind,
            })
            .collect(),
        split: conv.is_split(),
        settings: conv.settings.clone(),
        actions,
        groups,
        ungrouped,
        grand,
        years,
        received,
        schedules,
        warnings: Vec::new(),
        errors: errors.0,
    }
}

/// Which of a chart's items it draws one by one when it draws at most `max`
/// bars (a chart of a hundred groups or ten thousand actions cannot be read):
/// every item when there are no more than `max`; else the `max − 1` largest
/// by `sizes` (an unknown size counts as the smallest; of equal sizes, the
/// first in the table), the others being drawn together as one bar. The
/// positions of the items drawn, in table order.
pub fn largest_items(sizes: &[Option<Decimal>], max: usize) -> Vec<usize> {
    if sizes.len() <= max {
        return (0..sizes.len()).collect();
    }
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    // `None` sorts before any `Some`: reversed, it comes last.
    order.sort_by(|a, b| sizes.get(*b).cmp(&sizes.get(*a)).then(a.cmp(b)));
    order.truncate(max.saturating_sub(1));
    order.sort_unstable();
    order
}
