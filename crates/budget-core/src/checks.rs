//! Inconsistencies in a convention: what the document declares against what its
//! rows add up to, rules broken, suspicious data.
//!
//! Each [`Warning`] says where it is (scope, source row, label), what was
//! declared, what was computed and the difference, always
//! **`difference = declared − computed`** (20 000 € when a subtotal says
//! 110 428 € and its rows add up to 90 428 €). "Declared" is what the document
//! or the data says; "computed" is what it should be:
//!
//! | kind | declared | computed |
//! |---|---|---|
//! | [`DeclaredMismatch`](WarningKind::DeclaredMismatch) | the total, subtotal or executed total as written | the sum of its parts |
//! | [`DeclaredRateMismatch`](WarningKind::DeclaredRateMismatch) | the consumption rate as written (2.16 for 216 %) | executed ÷ planned |
//! | [`ExecutedShareAbovePlanned`](WarningKind::ExecutedShareAbovePlanned) | the State's share of the executed spending | its share of the plan |
//! | [`CoFinancingBreach`](WarningKind::CoFinancingBreach) | the State's amount | the most the State may put in |
//! | [`CarryOverAboveUnspent`](WarningKind::CarryOverAboveUnspent) | the carry-over requested | the unspent credit |
//! | [`NegativeAmount`](WarningKind::NegativeAmount) | the amount | — |
//!
//! Amounts are compared exactly. A declared consumption rate is compared at the
//! precision it is written with, and at least to the whole percent: Creuse
//! writes 216 % for 543 042,59 ÷ 251 278 = 2,1611…, which is right.
//!
//! Warnings never stop the calculation: every figure is still computed.

use crate::messages::FigureName;
use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::CalcError;
use crate::figures::{self, ExecutedAmounts, FunderAmounts};
use crate::messages::Msg;
use crate::model::{Convention, Declared, FunderId, Measure, Scope};
use crate::money::{div, format_eur, format_percent, mul, round_dp, Lang};
use crate::tranches::{self, ScheduleIssue};

/// What kind of inconsistency a [`Warning`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A declared total, subtotal, grand total, executed total or year total
    /// differs from the sum of its parts.
    DeclaredMismatch,
    /// A declared consumption rate differs from executed ÷ planned at the
    /// precision it is written with.
    DeclaredRateMismatch,
    /// The State's share of the executed spending is higher than its share
    /// of the plan (it paid a larger part of what was spent than agreed).
    /// Not checked for the Département and the other funders: their spending
    /// above the plan is usual (Creuse 2023: 216 % on action 5) and not an
    /// inconsistency of the table.
    ExecutedShareAbovePlanned,
    /// A negative amount.
    NegativeAmount,
    /// The State funds more than its maximum share of an action.
    CoFinancingBreach,
    /// A group without any action.
    EmptyGroup,
    /// Two actions with the same number.
    DuplicateActionNumber,
    /// A funder, group or action that does not exist (malformed saved file):
    /// what refers to it is left out of the figures.
    UnknownReference,
    /// A payment schedule that does not add up (see [`ScheduleIssue`]).
    Schedule,
    /// More carry-over requested than the credit left unspent.
    CarryOverAboveUnspent,
}

/// The figure a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Figure {
    Planned {
        funder: FunderId,
    },
    PlannedTotal,
    Executed {
        funder: FunderId,
    },
    ExecutedTotal,
    Year {
        year: i32,
    },
    ConsumptionRate,
    Committed {
        funder: FunderId,
    },
    CarryOverRequested {
        funder: FunderId,
    },
    /// The carry-over requested for the whole action (given once, not per
    /// funder).
    CarryOverRequestedTotal,
    StateShare,
    ExecutedShare {
        funder: FunderId,
    },
}

impl Figure {
    fn from_measure(m: Measure) -> Self {
        match m {
            Measure::Planned(f) => Figure::Planned { funder: f },
            Measure::PlannedTotal => Figure::PlannedTotal,
            Measure::Executed(f) => Figure::Executed { funder: f },
            Measure::ExecutedTotal => Figure::ExecutedTotal,
            Measure::Year(y) => Figure::Year { year: y },
            Measure::ConsumptionRate => Figure::ConsumptionRate,
        }
    }

    /// « déclaré » agreeing with the figure's French name (« part … déclarée »).
    fn declared(self, lang: Lang) -> &'static str {
        match self {
            Figure::Planned { .. } | Figure::StateShare | Figure::ExecutedShare { .. } => {
                Msg::DeclaredFeminine.text(lang)
            }
            _ => Msg::Declared.text(lang),
        }
    }

    fn describe(self, funder: &str, lang: Lang) -> String {
        match self {
            Figure::Planned { .. } => Msg::FigurePlanned.fill(lang, &[("funder", &funder)]),
            Figure::PlannedTotal => Msg::FigurePlannedTotal.fill(lang, &[("funder", &funder)]),
            Figure::Executed { .. } => Msg::FigureExecuted.fill(lang, &[("funder", &funder)]),
            Figure::ExecutedTotal => Msg::FigureExecutedTotal.fill(lang, &[("funder", &funder)]),
            Figure::Year { year } => Msg::FigureYear.fill(lang, &[("year", &year)]),
            Figure::ConsumptionRate => {
                Msg::FigureConsumptionRate.fill(lang, &[("funder", &funder)])
            }
            Figure::Committed { .. } => Msg::FigureCommitted.fill(lang, &[("funder", &funder)]),
            Figure::CarryOverRequested { .. } => {
                Msg::FigureCarryOverRequested.fill(lang, &[("funder", &funder)])
            }
            Figure::CarryOverRequestedTotal => {
                Msg::FigureCarryOverRequestedTotal.fill(lang, &[("funder", &funder)])
            }
            Figure::StateShare => Msg::FigureStateShare.fill(lang, &[("funder", &funder)]),
            Figure::ExecutedShare { .. } => {
                Msg::FigureExecutedShare.fill(lang, &[("funder", &funder)])
            }
        }
    }
}

/// A reference to something that does not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Reference {
    Funder(usize),
    Group(usize),
    Action(usize),
}

/// One inconsistency. See the module docs for what `declared`, `computed`
/// and `difference` hold for each kind.
///
/// The message is written on demand ([`Warning::message`]), in French or
/// English; serialised, a warning carries both (`message`, `message_en`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// Where: an action, a group or the whole convention (`None` for a
    /// schedule).
    pub scope: Option<Scope>,
    /// Index of the payment schedule concerned.
    pub schedule: Option<usize>,
    /// 1-based row of the source table.
    pub source_row: Option<usize>,
    /// Name of the place: "8 – Mobilité Insertion…" for an action, the group's
    /// name, the schedule's name; empty for the whole convention.
    pub place: String,
    /// Label of the declared row or column ("Sous total", "TOTAL FINANCIER").
    pub label: String,
    pub figure: Option<Figure>,
    /// Funder's name, when the warning is about one funder.
    pub funder_name: Option<String>,
    pub declared: Option<Decimal>,
    pub computed: Option<Decimal>,
    /// `declared − computed`.
    pub difference: Option<Decimal>,
    /// For a co-financing breach: the Département money missing to comply,
    /// rounded up to the cent.
    pub departement_missing: Option<Decimal>,
    /// For a duplicate action number: the row of the first action with it.
    pub other_row: Option<usize>,
    pub reference: Option<Reference>,
    pub issue: Option<ScheduleIssue>,
}

impl Serialize for Warning {
    /// Every field (optional ones only when set), plus `message` (French) and
    /// `message_en`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("scope", &self.scope)?;
        if let Some(v) = &self.schedule {
            m.serialize_entry("schedule", v)?;
        }
        m.serialize_entry("source_row", &self.source_row)?;
        m.serialize_entry("place", &self.place)?;
        if !self.label.is_empty() {
            m.serialize_entry("label", &self.label)?;
        }
        if let Some(v) = &self.figure {
            m.serialize_entry("figure", v)?;
        }
        if let Some(v) = &self.funder_name {
            m.serialize_entry("funder_name", v)?;
        }
        m.serialize_entry("declared", &self.declared)?;
        m.serialize_entry("computed", &self.computed)?;
        m.serialize_entry("difference", &self.difference)?;
        if let Some(v) = &self.departement_missing {
            m.serialize_entry("departement_missing", v)?;
        }
        if let Some(v) = &self.other_row {
            m.serialize_entry("other_row", v)?;
        }
        if let Some(v) = &self.reference {
            m.serialize_entry("reference", v)?;
        }
        if let Some(v) = &self.issue {
            m.serialize_entry("issue", v)?;
        }
        m.serialize_entry("message", &self.message(Lang::Fr))?;
        m.serialize_entry("message_en", &self.message(Lang::En))?;
        m.end()
    }
}

/// A figure that could not be computed while checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckError {
    pub scope: Option<Scope>,
    pub error: CalcError,
}

/// The result of [`check`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checks {
    pub warnings: Vec<Warning>,
    /// Checks that could not be carried out (overflow…).
    pub errors: Vec<CheckError>,
}

impl Warning {
    fn new(kind: WarningKind, at: &At) -> Self {
        Self {
            kind,
            scope: at.scope,
            schedule: at.schedule,
            source_row: at.row,
            place: at.place.clone(),
            label: at.label.clone(),
            figure: None,
            funder_name: None,
            declared: None,
            computed: None,
            difference: None,
            departement_missing: None,
            other_row: None,
            reference: None,
            issue: None,
        }
    }

    fn about(mut self, conv: &Convention, figure: Figure) -> Self {
        let funder = match figure {
            Figure::Planned { funder }
            | Figure::Executed { funder }
            | Figure::Committed { funder }
            | Figure::CarryOverRequested { funder }
            | Figure::ExecutedShare { funder } => Some(funder),
            _ => None,
        };
        self.funder_name = funder
            .and_then(|f| conv.funders.get(f))
            .map(|f| f.name.clone());
        self.figure = Some(figure);
        self
    }

    fn values(mut self, declared: Decimal, computed: Decimal) -> Self {
        self.declared = Some(declared);
        self.computed = Some(computed);
        self.difference = declared.checked_sub(computed);
        self
    }

    /// The message in `lang`: where, what was declared, what was computed,
    /// the difference, amounts in that language's format.
    pub fn message(&self, lang: Lang) -> String {
        self.text(lang)
    }

    /// Where the warning is, as a reader would say it.
    fn where_(&self, lang: Lang) -> String {
        let place = [("place", &self.place as &dyn std::fmt::Display)];
        let mut out = match (self.scope, self.schedule) {
            (_, Some(_)) => Msg::CheckAtSchedule.fill(lang, &place),
            (Some(Scope::Action(_)), _) => Msg::CheckAtAction.fill(lang, &place),
            (Some(Scope::Group(_)), _) => self.place.clone(),
            (Some(Scope::Grand) | None, _) => Msg::CheckAtGrand.text(lang).into(),
        };
        if !self.label.is_empty() && self.label != self.place {
            out = format!("{out} — {}", self.label);
        }
        if let Some(row) = self.source_row {
            out = Msg::CheckAtRow.fill(lang, &[("at", &out), ("row", &row)]);
        }
        out
    }

    fn text(&self, lang: Lang) -> String {
        let at = self.where_(lang);
        let funder = self.funder_name.as_deref().unwrap_or("?");
        let what = self
            .figure
            .map(|f| f.describe(funder, lang))
            .unwrap_or_default();
        let eur = |v: Option<Decimal>| v.map(|v| format_eur(v, lang)).unwrap_or_default();
        let pct = |v: Option<Decimal>| v.map(|v| format_percent(v, 2, lang)).unwrap_or_default();
        let (declared, computed, difference) = (self.declared, self.computed, self.difference);
        let declared_word = self
            .figure
            .map_or(Msg::Declared.text(lang), |f| f.declared(lang));
        match self.kind {
            WarningKind::DeclaredMismatch => Msg::CheckDeclaredMismatch.fill(
                lang,
                &[
                    ("at", &at),
                    ("what", &what),
                    ("declared_word", &declared_word),
                    ("declared", &eur(declared)),
                    ("computed", &eur(computed)),
                    ("difference", &eur(difference)),
                ],
            ),
            WarningKind::DeclaredRateMismatch => {
                let dp = declared.map_or(0, rate_places).saturating_sub(2);
                let rate =
                    |v: Option<Decimal>| v.map(|v| format_percent(v, dp, lang)).unwrap_or_default();
                Msg::CheckDeclaredRateMismatch.fill(
                    lang,
                    &[
                        ("at", &at),
                        ("what", &what),
                        ("declared_word", &declared_word),
                        ("declared", &rate(declared)),
                        ("computed", &rate(computed)),
                    ],
                )
            }
            WarningKind::ExecutedShareAbovePlanned => Msg::CheckExecutedShareAbovePlanned.fill(
                lang,
                &[
                    ("at", &at),
                    ("funder", &funder),
                    ("executed", &pct(declared)),
                    ("planned", &pct(computed)),
                ],
            ),
            WarningKind::NegativeAmount => Msg::CheckNegativeAmount.fill(
                lang,
                &[("at", &at), ("what", &what), ("amount", &eur(declared))],
            ),
            WarningKind::CoFinancingBreach => {
                let remedy = self
                    .departement_missing
                    .map(|d| {
                        Msg::CheckCoFinancingRemedy.fill(lang, &[("amount", &format_eur(d, lang))])
                    })
                    .unwrap_or_default();
                Msg::CheckCoFinancingBreach.fill(
                    lang,
                    &[
                        ("at", &at),
                        ("state", &eur(declared)),
                        ("max", &eur(computed)),
                        ("excess", &eur(difference)),
                        ("remedy", &remedy),
                    ],
                )
            }
            WarningKind::EmptyGroup => Msg::CheckEmptyGroup.fill(lang, &[("at", &at)]),
            WarningKind::DuplicateActionNumber => match self.other_row {
                Some(r) => Msg::CheckDuplicateNumberOfRow.fill(lang, &[("at", &at), ("row", &r)]),
                None => Msg::CheckDuplicateNumber.fill(lang, &[("at", &at)]),
            },
            WarningKind::UnknownReference => {
                let (thing, index) = match self.reference {
                    Some(Reference::Funder(i)) => {
                        (Msg::ReferencedFunder.text(lang), i.saturating_add(1))
                    }
                    Some(Reference::Group(i)) => {
                        (Msg::ReferencedGroup.text(lang), i.saturating_add(1))
                    }
                    Some(Reference::Action(i)) => {
                        (Msg::ReferencedAction.text(lang), i.saturating_add(1))
                    }
                    None => (Msg::ReferencedItem.text(lang), 0),
                };
                Msg::CheckUnknownReference
                    .fill(lang, &[("at", &at), ("thing", &thing), ("n", &index)])
            }
            WarningKind::Schedule => {
                let issue = self
                    .issue
                    .as_ref()
                    .map(|i| i.message(lang))
                    .unwrap_or_default();
                Msg::CheckSchedule.fill(lang, &[("at", &at), ("issue", &issue)])
            }
            WarningKind::CarryOverAboveUnspent => Msg::CheckCarryOverAboveUnspent.fill(
                lang,
                &[
                    ("at", &at),
                    ("what", &what),
                    ("requested", &eur(declared)),
                    ("unspent", &eur(computed)),
                    ("difference", &eur(difference)),
                ],
            ),
        }
    }
}

/// Number of decimal places of a ratio a declared rate is compared at: the
/// places it is written with, and at least 2 (the whole percent): 2.16 (216 %)
/// → 2; 2.155 (215,5 %) → 3; 2 (200 %) → 2.
fn rate_places(declared: Decimal) -> u32 {
    declared.normalize().scale().max(2)
}

/// Where a warning is.
struct At {
    scope: Option<Scope>,
    schedule: Option<usize>,
    row: Option<usize>,
    place: String,
    label: String,
}

fn action_place(conv: &Convention, id: usize) -> String {
    match conv.actions.get(id) {
        Some(a) if a.title.is_empty() => a.number.clone(),
        Some(a) if a.number.is_empty() => a.title.clone(),
        Some(a) => format!("{} – {}", a.number, a.title),
        None => String::new(),
    }
}

fn at_scope(conv: &Convention, scope: Scope) -> At {
    let (place, row) = match scope {
        Scope::Action(a) => (
            action_place(conv, a),
            conv.actions.get(a).and_then(|a| a.source_row),
        ),
        Scope::Group(g) => (
            conv.groups
                .get(g)
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            None,
        ),
        Scope::Grand => (String::new(), None),
    };
    At {
        scope: Some(scope),
        schedule: None,
        row,
        place,
        label: String::new(),
    }
}

struct Checker<'a> {
    conv: &'a Convention,
    out: Checks,
}

impl Checker<'_> {
    fn push(&mut self, w: Warning) {
        self.out.warnings.push(w);
    }

    fn error(&mut self, scope: Option<Scope>, error: CalcError) {
        self.out.errors.push(CheckError { scope, error });
    }

    fn unknown(&mut self, at: &At, reference: Reference) {
        let mut w = Warning::new(WarningKind::UnknownReference, at);
        w.reference = Some(reference);
        self.push(w);
    }

    fn scope_exists(&self, scope: Scope) -> Result<(), Reference> {
        match scope {
            Scope::Action(a) if a >= self.conv.actions.len() => Err(Reference::Action(a)),
            Scope::Group(g) if g >= self.conv.groups.len() => Err(Reference::Group(g)),
            _ => Ok(()),
        }
    }

    /// A figure the document declares, against the computed one.
    fn declared(&mut self, d: &Declared) {
        let conv = self.conv;
        let mut at = at_scope(conv, d.scope);
        at.label = d.label.clone();
        if d.source_row.is_some() {
            at.row = d.source_row;
        }
        if let Err(r) = self.scope_exists(d.scope) {
            return self.unknown(&at, r);
        }
        let figure = Figure::from_measure(d.measure);
        let funder = match d.measure {
            Measure::Planned(f) | Measure::Executed(f) => Some(f),
            _ => None,
        };
        if let Some(f) = funder.filter(|f| *f >= conv.funders.len()) {
            return self.unknown(&at, Reference::Funder(f));
        }
        let computed = match self.computed(d) {
            Ok(Some(c)) => c,
            Ok(None) => return,
            Err(e) => return self.error(Some(d.scope), e),
        };
        if d.measure == Measure::ConsumptionRate {
            if round_dp(computed, rate_places(d.value)) != d.value {
                let w = Warning::new(WarningKind::DeclaredRateMismatch, &at).about(conv, figure);
                self.push(w.values(d.value, computed));
            }
        } else if computed != d.value {
            let w = Warning::new(WarningKind::DeclaredMismatch, &at).about(conv, figure);
            self.push(w.values(d.value, computed));
        }
    }

    /// The computed value of a declared figure; `None` when it is not known.
    fn computed(&self, d: &Declared) -> Result<Option<Decimal>, CalcError> {
        let conv = self.conv;
        Ok(match d.measure {
            Measure::Planned(f) => Some(figures::planned(conv, d.scope)?.funder(f)),
            Measure::PlannedTotal => Some(figures::planned(conv, d.scope)?.total),
            Measure::Executed(f) => figures::executed(conv, d.scope)?.funder(f),
            Measure::ExecutedTotal => figures::executed(conv, d.scope)?.total,
            Measure::Year(y) => Some(figures::year_totals(conv, d.scope)?.total_of(y)),
            Measure::ConsumptionRate => {
                let planned = figures::planned(conv, d.scope)?;
                match figures::executed(conv, d.scope)?.total {
                    Some(e) => figures::rate(e, planned.total)?,
                    None => None,
                }
            }
        })
    }

    fn action(&mut self, id: usize) {
        let conv = self.conv;
        let Some(action) = conv.actions.get(id) else {
            return;
        };
        let at = at_scope(conv, Scope::Action(id));
        if let Some(g) = action.group.filter(|g| *g >= conv.groups.len()) {
            self.unknown(&at, Reference::Group(g));
        }
        // Unknown funders and negative amounts, wherever they are.
        let ex = &action.execution;
        let amounts = action
            .planned
            .iter()
            .map(|a| (Figure::Planned { funder: a.funder }, a.funder, a.value))
            .chain(
                ex.executed
                    .iter()
                    .map(|v| (Figure::Executed { funder: v.funder }, v.funder, v.value)),
            )
            .chain(
                ex.committed
                    .iter()
                    .map(|v| (Figure::Committed { funder: v.funder }, v.funder, v.value)),
            )
            .chain(ex.to_carry_over.iter().map(|v| {
                (
                    Figure::CarryOverRequested { funder: v.funder },
                    v.funder,
                    v.value,
                )
            }));
        for (figure, funder, value) in amounts {
            if funder >= conv.funders.len() {
                self.unknown(&at, Reference::Funder(funder));
            } else if value < Decimal::ZERO {
                let mut w = Warning::new(WarningKind::NegativeAmount, &at).about(conv, figure);
                w.declared = Some(value);
                self.push(w);
            }
        }
        if let Some(total) = ex.executed_total {
            if total < Decimal::ZERO {
                let mut w = Warning::new(WarningKind::NegativeAmount, &at)
                    .about(conv, Figure::ExecutedTotal);
                w.declared = Some(total);
                self.push(w);
            }
        }
        let planned = figures::action_planned(conv, id);
        let executed = figures::action_executed(conv, id);
        let (planned, executed) = match (planned, executed) {
            (Ok(p), Ok(e)) => (p, e),
            (Err(e), _) | (_, Err(e)) => return self.error(Some(Scope::Action(id)), e),
        };
        // The executed total written next to per-funder amounts.
        if let (Some(declared), false) = (ex.executed_total, ex.executed.is_empty()) {
            if let Some(computed) = executed.total.filter(|c| *c != declared) {
                let w = Warning::new(WarningKind::DeclaredMismatch, &at)
                    .about(conv, Figure::ExecutedTotal);
                self.push(w.values(declared, computed));
            }
        }
        if let Err(e) = self.co_financing(id, &at) {
            self.error(Some(Scope::Action(id)), e);
        }
        if let Err(e) = self.executed_shares(&at, &planned, &executed) {
            self.error(Some(Scope::Action(id)), e);
        }
        if let Err(e) = self.carry_over(id, &at, &planned, &executed) {
            self.error(Some(Scope::Action(id)), e);
        }
    }

    fn co_financing(&mut self, id: usize, at: &At) -> Result<(), CalcError> {
        let Some(cf) = figures::co_financing(self.conv, id)? else {
            return Ok(());
        };
        if let Some(breach) = cf.breach {
            let mut w = Warning::new(WarningKind::CoFinancingBreach, at)
                .about(self.conv, Figure::StateShare);
            w = w.values(cf.state, cf.state_max);
            w.departement_missing = breach.departement_missing_cents;
            self.push(w);
        }
        Ok(())
    }

    /// The State's share of the executed spending above its share of the
    /// plan: `executed_s ÷ executed_total > planned_s ÷ planned_total`,
    /// compared exactly as `executed_s × planned_total > planned_s ×
    /// executed_total`. Only the State: see
    /// [`WarningKind::ExecutedShareAbovePlanned`].
    fn executed_shares(
        &mut self,
        at: &At,
        planned: &FunderAmounts,
        executed: &ExecutedAmounts,
    ) -> Result<(), CalcError> {
        let Some(e_total) = executed.total.filter(|t| *t > Decimal::ZERO) else {
            return Ok(());
        };
        if planned.total <= Decimal::ZERO {
            return Ok(());
        }
        let Some(f) = self.conv.state() else {
            return Ok(());
        };
        let Some(e) = executed.funder(f) else {
            return Ok(());
        };
        let p = planned.funder(f);
        let lhs = mul(e, planned.total, FigureName::ExecutedShare)?;
        let rhs = mul(p, e_total, FigureName::ExecutedShare)?;
        if lhs > rhs {
            let executed_share = div(e, e_total, FigureName::ExecutedShare)?;
            let planned_share = div(p, planned.total, FigureName::PlannedShare)?;
            let w = Warning::new(WarningKind::ExecutedShareAbovePlanned, at)
                .about(self.conv, Figure::ExecutedShare { funder: f });
            self.push(w.values(executed_share, planned_share));
        }
        Ok(())
    }

    /// Carry-over requested above the unspent credit `max(0, planned − executed)`.
    fn carry_over(
        &mut self,
        id: usize,
        at: &At,
        planned: &FunderAmounts,
        executed: &ExecutedAmounts,
    ) -> Result<(), CalcError> {
        let consumption = figures::consumption(self.conv, planned, executed)?;
        // Given once for the action: against what the action left unspent.
        let own = self
            .conv
            .actions
            .get(id)
            .and_then(|a| a.execution.to_carry_over_total);
        if let (Some(asked), Some(remaining)) = (own, consumption.remaining) {
            let unspent = remaining.max(Decimal::ZERO);
            if asked > unspent {
                let w = Warning::new(WarningKind::CarryOverAboveUnspent, at)
                    .about(self.conv, Figure::CarryOverRequestedTotal);
                self.push(w.values(asked, unspent));
            }
        }
        let Some(requested) = figures::action_carry_over_requested(self.conv, id)? else {
            return Ok(());
        };
        for (f, asked) in requested.by_funder.iter().enumerate() {
            let Some(unspent) = consumption.unspent_by_funder.get(f).copied().flatten() else {
                continue;
            };
            if *asked > unspent {
                let w = Warning::new(WarningKind::CarryOverAboveUnspent, at)
                    .about(self.conv, Figure::CarryOverRequested { funder: f });
                self.push(w.values(*asked, unspent));
            }
        }
        Ok(())
    }

    /// Actions sharing a number (trimmed, case-insensitive).
    fn duplicates(&mut self) {
        let conv = self.conv;
        let mut first: HashMap<String, usize> = HashMap::new();
        for (id, action) in conv.actions.iter().enumerate() {
            let key = crate::text::lowercase(action.number.trim());
            if key.is_empty() {
                continue;
            }
            match first.get(&key) {
                Some(&earlier) => {
                    let mut w = Warning::new(
                        WarningKind::DuplicateActionNumber,
                        &at_scope(conv, Scope::Action(id)),
                    );
                    w.other_row = conv.actions.get(earlier).and_then(|a| a.source_row);
                    self.push(w);
                }
                None => {
                    first.insert(key, id);
                }
            }
        }
    }

    fn empty_groups(&mut self) {
        let conv = self.conv;
        let mut count = vec![0usize; conv.groups.len()];
        for a in &conv.actions {
            if let Some(c) = a.group.and_then(|g| count.get_mut(g)) {
                *c = c.saturating_add(1);
            }
        }
        for (g, n) in count.iter().enumerate() {
            if *n == 0 {
                self.push(Warning::new(
                    WarningKind::EmptyGroup,
                    &at_scope(conv, Scope::Group(g)),
                ));
            }
        }
    }

    fn schedules(&mut self) {
        let conv = self.conv;
        for (i, s) in conv.schedules.iter().enumerate() {
            let at = At {
                scope: None,
                schedule: Some(i),
                row: None,
                place: s.name.clone(),
                label: String::new(),
            };
            if let Some(p) = s.payer.filter(|p| *p >= conv.funders.len()) {
                self.unknown(&at, Reference::Funder(p));
            }
            if let Some(a) = s.action.filter(|a| *a >= conv.actions.len()) {
                self.unknown(&at, Reference::Action(a));
            }
            match tranches::validate(s.total, &s.instalments) {
                Ok(issues) => {
                    for issue in issues {
                        let mut w = Warning::new(WarningKind::Schedule, &at);
                        w.issue = Some(issue);
                        self.push(w);
                    }
                }
                Err(e) => self.error(None, e),
            }
        }
    }
}

/// Every inconsistency of a convention, in the order of the source rows
/// (warnings without a row last, in the order they were found).
pub fn check(conv: &Convention) -> Checks {
    let mut c = Checker {
        conv,
        out: Checks::default(),
    };
    for d in &conv.declared {
        c.declared(d);
    }
    for id in 0..conv.actions.len() {
        c.action(id);
    }
    c.duplicates();
    c.empty_groups();
    c.schedules();
    let mut out = c.out;
    out.warnings
        .sort_by_key(|w| w.source_row.unwrap_or(usize::MAX));
    out
}
