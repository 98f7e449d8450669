//! What the views show, taken from the core's [`report::compute_figures`]: no
//! figure is computed here, the view only picks and formats.

use budget_core::messages::FigureName;
use std::sync::Arc;

use leptos::prelude::*;

use crate::state::Workspace;
use budget_core::figures::{CoFinancing, Consumption, ExecutedAmounts, FunderAmounts};
use budget_core::read::CellError;
use budget_core::report::{self, ActionFigures, GroupFigures, Report, Totals};
use budget_core::{CalcError, Convention, Decimal};

/// A figure the core could not compute (overflow…), with its message.
fn planned(t: &Totals) -> Result<FunderAmounts, CalcError> {
    t.planned.clone().ok_or(CalcError::Overflow {
        what: FigureName::PlannedAmounts,
    })
}

/// One action line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: budget_core::ActionId,
    pub number: String,
    pub title: String,
    pub amounts: Result<FunderAmounts, CalcError>,
    pub co_financing: Option<CoFinancing>,
    /// An amount of the action could not be read: no share nor verdict.
    pub incomplete: bool,
    pub executed: Option<ExecutedAmounts>,
    pub consumption: Option<Consumption>,
    /// Carry-over requested (montant à reporter), all funders.
    pub carry_over: Option<Decimal>,
    /// Money received for the action (recette État…), all payers.
    pub received: Option<Decimal>,
    /// What the table says of the action besides figures: its service
    /// (direction) and comments, joined; empty when none.
    pub info: String,
    /// Per funder, the calculation typed in the cell (`=534,82*12`), if any.
    pub formulas: Vec<Option<String>>,
    /// The figures the line was taken from: the same after an edit that left
    /// the action as it was ([`report::recompute_figures`]), and then so is
    /// the line ([`Summary::after`]).
    figures: Arc<ActionFigures>,
}

/// A group with its actions and its computed subtotal.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBlock {
    /// `None` for the actions that belong to no group.
    pub id: Option<budget_core::GroupId>,
    /// `None` for the actions that belong to no group.
    pub name: Option<String>,
    /// Shared with the summary before an edit when the edit left them as
    /// they were: an edit builds, compares and draws again only what changed.
    pub actions: Arc<[Arc<ActionLine>]>,
    /// Computed subtotal; `None` for the block of actions without a group.
    pub subtotal: Option<Result<FunderAmounts, CalcError>>,
    pub executed: Option<ExecutedAmounts>,
    pub consumption: Option<Consumption>,
    /// Carry-over requested of the group, all funders.
    pub carry_over: Option<Decimal>,
    /// Money received for the group's actions, all payers.
    pub received: Option<Decimal>,
    /// The subtotals the block was taken from (`None`: every action of a
    /// convention without groups): the same after an edit that left the
    /// group as it was, and then the block is the same too.
    pub(crate) figures: Option<Arc<GroupFigures>>,
}

/// Everything the views need.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub funders: Vec<String>,
    /// Whether the amounts are split by funder: when not, there are no
    /// shares and no co-financing rule to show ([`Report::split`]).
    pub split: bool,
    /// Money received from each payer (recette État), with its planned part.
    pub received: Vec<budget_core::figures::Received>,
    /// Index of the State among the funders, if any.
    pub state: Option<usize>,
    pub blocks: Vec<GroupBlock>,
    /// The actions in the order the blocks show them (the same allocation
    /// as before an edit that moved none).
    pub order: Arc<[budget_core::ActionId]>,
    pub grand: Result<FunderAmounts, CalcError>,
    /// Each funder's share of the grand total (exact ratios; `None` when the
    /// total is zero or could not be computed).
    pub grand_shares: Vec<Option<Decimal>>,
    pub grand_executed: Option<ExecutedAmounts>,
    pub grand_consumption: Option<Consumption>,
    /// Carry-over requested over the whole convention, all funders; `None`
    /// when the table asks for none.
    pub grand_carry_over: Option<Decimal>,
    /// Money received over the whole convention, all payers; `None` when the
    /// table gives none.
    pub grand_received: Option<Decimal>,
    /// Whether any action has a service or comments to show.
    pub has_info: bool,
    /// Whether any action has execution figures (shows the execution view).
    pub has_execution: bool,
    pub action_count: usize,
    pub max_state_share: Decimal,
    pub errors: Vec<CellError>,
}

/// The line of the action whose figures are `a`: `known` (its line before
/// an edit) when it was taken from the same figures.
fn line(
    conv: &Convention,
    a: &Arc<ActionFigures>,
    known: Option<&Arc<ActionLine>>,
) -> Arc<ActionLine> {
    if let Some(kept) = known {
        if Arc::ptr_eq(&kept.figures, a) {
            return Arc::clone(kept);
        }
    }
    let formulas = (0..conv.funders.len())
        .map(|f| {
            let planned = conv
                .actions
                .get(a.id)
                .map(|x| &x.planned[..])
                .unwrap_or(&[]);
            let mut of_funder = planned.iter().filter(|p| p.funder == f);
            match (of_funder.next(), of_funder.next()) {
                (Some(one), None) => one.formula.clone(),
                _ => None,
            }
        })
        .collect();
    let info = conv
        .actions
        .get(a.id)
        .map(|x| {
            x.service
                .iter()
                .map(String::as_str)
                .chain((!x.comments.is_empty()).then_some(x.comments.as_str()))
                .collect::<Vec<_>>()
                .join(" — ")
        })
        .unwrap_or_default();
    Arc::new(ActionLine {
        id: a.id,
        formulas,
        carry_over: a.figures.carry_over_total,
        received: a.figures.received_total,
        info,
        number: a.number.clone(),
        title: a.title.clone(),
        amounts: planned(&a.figures),
        co_financing: a.co_financing.clone(),
        incomplete: a.incomplete,
        executed: a.figures.executed.clone(),
        consumption: a.figures.consumption.clone(),
        figures: Arc::clone(a),
    })
}

/// The lines of the actions `ids` (in table order), each taken from `before`
/// (the lines of the same block before an edit, in table order too) when
/// made from the same figures.
fn lines(
    conv: &Convention,
    report: &Report,
    ids: impl Iterator<Item = budget_core::ActionId>,
    before: &[Arc<ActionLine>],
) -> Arc<[Arc<ActionLine>]> {
    let mut at = 0;
    ids.filter_map(|id| report.actions.get(id))
        .map(|a| {
            while before.get(at).is_some_and(|l| l.id < a.id) {
                at += 1;
            }
            line(conv, a, before.get(at).filter(|l| l.id == a.id))
        })
        .collect()
}

/// The block of group `g` (`named`: a group of the convention, else the
/// actions without one): `before`'s (the same block before an edit) when
/// taken from the same subtotals, else built again, keeping the lines of
/// the actions the edit left as they were.
fn block(
    conv: &Convention,
    report: &Report,
    g: &Arc<GroupFigures>,
    named: bool,
    before: Option<&GroupBlock>,
) -> GroupBlock {
    if let Some(kept) = before.filter(|b| b.figures.as_ref().is_some_and(|f| Arc::ptr_eq(f, g))) {
        return kept.clone();
    }
    GroupBlock {
        id: if named { g.id } else { None },
        name: named.then(|| g.name.clone()),
        actions: lines(
            conv,
            report,
            g.actions.iter().copied(),
            before.map_or(&[][..], |b| &b.actions[..]),
        ),
        subtotal: named.then(|| planned(&g.figures)),
        executed: g.figures.executed.clone(),
        consumption: g.figures.consumption.clone(),
        carry_over: g.figures.carry_over_total,
        received: g.figures.received_total,
        figures: Some(Arc::clone(g)),
    }
}

/// The figures of the convention being worked on, worked out by the core once
/// per change and shared by every view that shows them (the summary, the
/// charts). The warnings are not in it: the checks are run apart, only while
/// they are shown.
#[derive(Clone, Copy)]
pub struct Figures(pub Memo<Option<Arc<Report>>>);

impl Figures {
    /// The figures of `ws`'s convention. After an edit only what it changed
    /// is worked out again ([`report::recompute_figures`]), from the
    /// convention the figures were last worked out for.
    pub fn new(ws: Workspace) -> Self {
        let last = StoredValue::new(None::<Convention>);
        Self(Memo::new(move |previous: Option<&Option<Arc<Report>>>| {
            ws.convention.with(|c| {
                let Some(c) = c.as_ref() else {
                    last.set_value(None);
                    return None;
                };
                let known = previous.and_then(Option::as_ref);
                let report = last.with_value(|before| match (before, known) {
                    (Some(before), Some(known)) => report::recompute_figures(before, known, c),
                    _ => report::compute_figures(c),
                });
                // The convention and figures this change replaces are freed
                // after the frame that shows the new ones (10 000 actions:
                // about a millisecond of the edit's time otherwise).
                let replaced = last.try_update_value(|l| l.replace(c.clone())).flatten();
                drop_later((replaced, known.cloned()));
                Some(Arc::new(report))
            })
        }))
    }

    /// The calculator's shared figures, or figures of their own for a view
    /// mounted alone.
    pub fn of(ws: Workspace) -> Self {
        use_context::<Self>().unwrap_or_else(|| Self::new(ws))
    }

    /// The same figures, one step behind: each change reaches them in a task
    /// of its own after the frame that shows it elsewhere (the totals, the
    /// cell edited). For the charts: drawing them again is about a third of
    /// an edit's work, and the frame that answers the key press does not
    /// wait for it; they follow one frame later. (A page not shown draws no
    /// frame: they follow once it is shown again.)
    pub fn after_frame(self) -> Signal<Option<Arc<Report>>> {
        let late = RwSignal::new(self.0.get_untracked());
        let waiting = StoredValue::new(false);
        Effect::new(move |_| {
            self.0.track();
            // Several changes before the frame: the last one is taken.
            if waiting.get_value() {
                return;
            }
            waiting.set_value(true);
            after_next_frame(move || {
                waiting.set_value(false);
                if let Some(now) = self.0.try_get_untracked() {
                    late.set(now);
                }
            });
        });
        late.into()
    }
}

/// Runs `f` in a task of its own after the next frame, so that the frame
/// showing a change does not wait for it.
fn after_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Frees `value` after the next frame ([`after_next_frame`]). (A page not
/// shown draws no frame: what it replaces is freed once it is shown again.)
fn drop_later<T: 'static>(value: T) {
    after_next_frame(move || drop(value));
}

impl Summary {
    /// Builds the summary of a convention and the cells its import could not read.
    pub fn of(conv: &Convention, errors: &[CellError]) -> Self {
        Self::from_report(conv, &report::compute_figures(conv), errors)
    }

    /// Builds the summary of a convention from its figures (`report`, from
    /// [`report::compute_figures`] or [`report::compute`]).
    pub fn from_report(conv: &Convention, report: &Report, errors: &[CellError]) -> Self {
        Self::after(None, conv, report, errors)
    }

    /// [`Summary::from_report`], taking from `before` (the summary before an
    /// edit) the lines of the actions whose figures the edit left as they
    /// were.
    pub fn after(
        before: Option<&Summary>,
        conv: &Convention,
        report: &Report,
        errors: &[CellError],
    ) -> Self {
        // The block before of the same group: at the same place, unless a
        // block of actions without a group came or went.
        let old = |at: usize, id: Option<budget_core::GroupId>| {
            let blocks = &before?.blocks;
            blocks
                .get(at)
                .filter(|b| b.id == id)
                .or_else(|| blocks.iter().find(|b| b.id == id))
        };
        let mut blocks = Vec::with_capacity(report.groups.len() + 1);
        if let Some(ungrouped) = &report.ungrouped {
            blocks.push(block(conv, report, ungrouped, false, old(0, None)));
        }
        if report.groups.is_empty() && report.ungrouped.is_none() && !report.actions.is_empty() {
            let before = old(0, None).map_or(&[][..], |b| &b.actions[..]);
            blocks.push(GroupBlock {
                id: None,
                name: None,
                actions: lines(conv, report, 0..report.actions.len(), before),
                subtotal: None,
                executed: None,
                consumption: None,
                carry_over: None,
                received: None,
                figures: None,
            });
        }
        for g in &report.groups {
            let at = blocks.len();
            blocks.push(block(conv, report, g, true, old(at, g.id)));
        }
        // The order of the actions: the one before when every block has the
        // same actions as before.
        let same_order = before.is_some_and(|b| {
            b.blocks.len() == blocks.len()
                && b.blocks.iter().zip(&blocks).all(|(x, y)| {
                    Arc::ptr_eq(&x.actions, &y.actions)
                        || x.actions
                            .iter()
                            .map(|l| l.id)
                            .eq(y.actions.iter().map(|l| l.id))
                })
        });
        let order = match before {
            Some(b) if same_order => Arc::clone(&b.order),
            _ => blocks
                .iter()
                .flat_map(|b| b.actions.iter().map(|l| l.id))
                .collect(),
        };
        let grand_shares = match &report.grand.shares {
            Some(shares) => shares.iter().copied().map(Some).collect(),
            None => vec![None; report.funders.len()],
        };
        let has_info = blocks
            .iter()
            .any(|b| b.actions.iter().any(|l| !l.info.is_empty()));
        Self {
            funders: report.funders.iter().map(|f| f.name.clone()).collect(),
            split: report.split,
            received: report.received.clone(),
            state: conv.state(),
            blocks,
            order,
            grand: planned(&report.grand),
            grand_shares,
            grand_executed: report.grand.executed.clone(),
            grand_consumption: report.grand.consumption.clone(),
            grand_carry_over: report.grand.carry_over_total,
            grand_received: report.grand.received_total,
            has_info,
            has_execution: report.actions.iter().any(|a| {
                a.figures
                    .executed
                    .as_ref()
                    .is_some_and(|e| e.total.is_some())
            }),
            action_count: report.actions.len(),
            max_state_share: report.settings.state_max_share,
            errors: errors.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use budget_core::edit::{self, Column};
    use budget_core::read::read_table;

    /// After an edit of action 2's State amount (3 000 → 4 000), the summary
    /// keeps the line of action 1 (same allocation) and has a new line for
    /// action 2 with its new amounts: 4 000 + 18 000 = 22 000; grand total
    /// 50 000 + 50 000 + 22 000 = 122 000.
    #[test]
    fn an_edit_builds_again_only_the_line_it_changed() {
        let before = read_table(
            "N°\tIntitulé\tPart Etat\tPart CD\n1\tMaraudes\t50 000\t50 000\n2\tRéfugiés\t3 000\t18 000\n",
        )
        .convention;
        let known = report::compute_figures(&before);
        let first = Summary::from_report(&before, &known, &[]);
        let mut after = before.clone();
        edit::set_cell(&mut after, 1, Column::Planned(0), "4 000").unwrap();
        let figures = report::recompute_figures(&before, &known, &after);
        let again = Summary::after(Some(&first), &after, &figures, &[]);
        let lines = |s: &Summary| s.blocks[0].actions.clone();
        let (old, new) = (lines(&first), lines(&again));
        assert!(Arc::ptr_eq(&old[0], &new[0]), "action 1 is kept");
        assert!(!Arc::ptr_eq(&old[1], &new[1]), "action 2 is new");
        let total = |l: &ActionLine| l.amounts.as_ref().map(|a| a.total).ok();
        assert_eq!(total(&new[1]), Some(Decimal::new(22_000, 0)));
        assert_eq!(
            again.grand.as_ref().ok().map(|g| g.total),
            Some(Decimal::new(122_000, 0))
        );
        // The same summary as one built from nothing.
        assert_eq!(again, Summary::from_report(&after, &figures, &[]));
    }

    /// An edit of action 4 (Axe 2), État 1 000 → 4 000: Axe 2 is then
    /// 10 000 + 10 000 + 4 000 + 2 000 = 26 000 and the grand total
    /// 50 000 + 50 000 + 3 000 + 18 000 + 26 000 = 147 000. The block of
    /// Axe 1, the line of action 3 and the order of the actions are those of
    /// the summary before, not built again.
    #[test]
    fn an_edit_keeps_the_blocks_of_the_groups_it_left_as_they_were() {
        let before = read_table(
            "N°\tIntitulé\tAxe\tPart Etat\tPart CD\n\
             1\tMaraudes\tAxe 1\t50 000\t50 000\n\
             2\tRéfugiés\t\t3 000\t18 000\n\
             3\tJeunes\tAxe 2\t10 000\t10 000\n\
             4\tSanté\t\t1 000\t2 000\n",
        )
        .convention;
        assert_eq!(before.groups.len(), 2);
        let known = report::compute_figures(&before);
        let first = Summary::from_report(&before, &known, &[]);
        let mut after = before.clone();
        edit::set_cell(&mut after, 3, Column::Planned(0), "4 000").unwrap();
        let figures = report::recompute_figures(&before, &known, &after);
        let again = Summary::after(Some(&first), &after, &figures, &[]);
        let total = |r: &Result<FunderAmounts, CalcError>| r.as_ref().map(|a| a.total).ok();
        assert_eq!(
            again
                .blocks
                .iter()
                .map(|b| b.subtotal.as_ref().and_then(total))
                .collect::<Vec<_>>(),
            vec![
                Some(Decimal::new(121_000, 0)),
                Some(Decimal::new(26_000, 0))
            ]
        );
        assert_eq!(total(&again.grand), Some(Decimal::new(147_000, 0)));
        assert!(Arc::ptr_eq(
            &first.blocks[0].actions,
            &again.blocks[0].actions
        ));
        assert!(!Arc::ptr_eq(
            &first.blocks[1].actions,
            &again.blocks[1].actions
        ));
        assert!(Arc::ptr_eq(
            &first.blocks[1].actions[0],
            &again.blocks[1].actions[0]
        ));
        assert!(!Arc::ptr_eq(
            &first.blocks[1].actions[1],
            &again.blocks[1].actions[1]
        ));
        assert!(Arc::ptr_eq(&first.order, &again.order));
        assert_eq!(&again.order[..], &[0, 1, 2, 3]);
        assert_eq!(again, Summary::from_report(&after, &figures, &[]));
    }
}
