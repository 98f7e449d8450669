//! The convention as plain data: no signals, no browser, only serde.
//!
//! A [`Convention`] holds what the user's table says. Nothing in it is computed:
//! figures (totals, shares, rates…) are derived from it by the modules of this crate
//! and are never stored, so they can never disagree with the data. What the source
//! table *declared* (its own totals, subtotals, rates) is kept apart, in
//! [`Convention::declared`], so that it can be checked against the computed figures.
//!
//! Funders and groups are referred to by their index in [`Convention::funders`] and
//! [`Convention::groups`]; actions by their index in [`Convention::actions`].

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Version of the saved-convention format. Bump it and add a migration in
/// [`crate::saved`] whenever a saved convention would no longer load.
pub const FORMAT_VERSION: u32 = 1;

/// Index of a funder in [`Convention::funders`].
pub type FunderId = usize;
/// Index of a group in [`Convention::groups`].
pub type GroupId = usize;
/// Index of an action in [`Convention::actions`].
pub type ActionId = usize;

/// Who puts money in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunderKind {
    /// L'État (part État, participations directes (A)).
    State,
    /// Le Département (crédits CD (B)).
    Departement,
    /// Any other funder (CAF, MSA, FSE, communes…: autres financeurs (C)).
    Other,
    /// Nobody in particular: the table gives each action's amounts (per year,
    /// planned, executed) without saying who pays them. A convention with
    /// such a "funder" is *not split*: funding shares and the co-financing
    /// rule do not apply to it (see [`Convention::is_split`]).
    Unsplit,
}

/// A funder: a column family of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funder {
    pub kind: FunderKind,
    /// Name as shown to the user ("État", "Département", "CAF"…).
    pub name: String,
}

impl Funder {
    pub fn state() -> Self {
        Self {
            kind: FunderKind::State,
            name: "État".into(),
        }
    }
    pub fn departement() -> Self {
        Self {
            kind: FunderKind::Departement,
            name: "Département".into(),
        }
    }
    pub fn other(name: impl Into<String>) -> Self {
        Self {
            kind: FunderKind::Other,
            name: name.into(),
        }
    }
    /// The amounts of a table that does not split them by funder.
    pub fn unsplit() -> Self {
        Self {
            kind: FunderKind::Unsplit,
            name: "Montant".into(),
        }
    }
}

/// What a group of actions is called in the source document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    #[default]
    Axe,
    Mesure,
    Volet,
    Other,
}

/// A group of actions (axe, mesure, volet). Subtotals are per group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub kind: GroupKind,
    /// Name as written in the source ("Axe Prévenir la pauvreté…", "Volet 1").
    pub name: String,
}

/// Which part of a planned amount a figure is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The amount of the year itself (or the only amount given).
    #[default]
    Base,
    /// Report N-1: unspent credit of the previous year added to this one.
    CarryOver,
    /// Avenant: amount added by an amendment.
    Amendment,
}

/// One planned amount of one funder for one action.
///
/// An action may have several amounts for the same funder: one per year, or a
/// carry-over plus an amendment. The funder's planned amount for the action is
/// their sum (see [`crate::figures`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub funder: FunderId,
    /// Budget year this amount belongs to, when the table has year columns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default)]
    pub part: Part,
    /// The exact amount in euros (never rounded).
    pub value: Decimal,
    /// The calculation the user typed (`=534,82*12`), kept to be shown again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// An amount attached to a funder (execution figures).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunderValue {
    pub funder: FunderId,
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// Money a funder actually paid in (recette État, versement reçu): a fact of
/// the execution, never a planned amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// Who paid it (the State for « Recette État »).
    pub from: FunderKind,
    /// Their name as the table gives it ("État", "CAF").
    pub name: String,
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

/// What was done with the money (rapport d'exécution).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Execution {
    /// Crédits engagés, per funder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub committed: Vec<FunderValue>,
    /// Dépenses exécutées / crédits consommés, per funder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub executed: Vec<FunderValue>,
    /// Executed spending when the table gives only a total and no split per
    /// funder. When `executed` is not empty this is ignored by the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed_total: Option<Decimal>,
    /// Montant à reporter / report demandé, per funder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_carry_over: Vec<FunderValue>,
    /// Amount to carry over given once for the action, not per funder (a
    /// « Report demandé » column naming no funder in a table that splits its
    /// planned amounts): the action's own figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_carry_over_total: Option<Decimal>,
    /// Committed credits given once for the action, not per funder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed_total: Option<Decimal>,
    /// Money received from a funder (recette État), per funder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub received: Vec<Receipt>,
}

impl Execution {
    pub fn is_empty(&self) -> bool {
        self.committed.is_empty()
            && self.executed.is_empty()
            && self.executed_total.is_none()
            && self.to_carry_over.is_empty()
            && self.to_carry_over_total.is_none()
            && self.committed_total.is_none()
            && self.received.is_empty()
    }
}

/// One fiche action.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// Number label as written: "2.9", "5", "Volet 1". Not always numeric.
    pub number: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    /// Ligne budgétaire ("304-50-23-23-01").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_line: Option<String>,
    /// Service in charge (direction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comments: String,
    /// Planned amounts (prévisionnel), per funder, year and part.
    #[serde(default)]
    pub planned: Vec<Amount>,
    #[serde(default, skip_serializing_if = "Execution::is_empty")]
    pub execution: Execution,
    /// 1-based row of the source table this action was read from, to take the
    /// user back to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_row: Option<usize>,
    /// The funders whose planned amount for this action could not be read
    /// from the source table (listed with the reader's errors): until it is
    /// typed, the figures that need it (funding split, co-financing rule) are
    /// not known, rather than computed as if it were nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<FunderId>,
}

/// The actions of a convention, in their order. Each action is shared
/// (`Arc`) between the copies of a convention, so that copying a convention
/// (the history of undo, the figures' memo of the widget) copies pointers,
/// and comparing two copies stops at the actions they share: an edit of one
/// cell of a 10 000-action table copies and compares one action, not 10 000.
/// Changing an action ([`Actions::get_mut`], `actions[i]` as a place) copies
/// it first when another copy of the convention shares it. Saved as a plain
/// list of actions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Actions(Vec<Arc<Action>>);

impl Actions {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: ActionId) -> Option<&Action> {
        self.0.get(id).map(|a| &**a)
    }

    /// The action `id` to change (copied first if another convention shares it).
    pub fn get_mut(&mut self, id: ActionId) -> Option<&mut Action> {
        self.0.get_mut(id).map(Arc::make_mut)
    }

    /// The actions `range` (none of them when it is out of bounds).
    pub fn range(&self, range: std::ops::Range<ActionId>) -> impl Iterator<Item = &Action> + Clone {
        self.0.get(range).unwrap_or_default().iter().map(|a| &**a)
    }

    pub fn first(&self) -> Option<&Action> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&Action> {
        self.0.last().map(|a| &**a)
    }

    pub fn first_mut(&mut self) -> Option<&mut Action> {
        self.get_mut(0)
    }

    pub fn iter(&self) -> <&Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// Every action, to change (each copied first if shared).
    pub fn iter_mut(&mut self) -> <&mut Self as IntoIterator>::IntoIter {
        self.into_iter()
    }

    pub fn push(&mut self, action: Action) {
        self.0.push(Arc::new(action));
    }

    pub fn insert(&mut self, at: ActionId, action: Action) {
        self.0.insert(at, Arc::new(action));
    }

    /// Takes out the action `id` (a copy of it if another convention shares it).
    pub fn remove(&mut self, id: ActionId) -> Action {
        Arc::unwrap_or_clone(self.0.remove(id))
    }

    /// Keeps the actions for which `keep` holds, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Action) -> bool) {
        self.0.retain(|a| keep(a));
    }

    pub fn swap(&mut self, a: ActionId, b: ActionId) {
        self.0.swap(a, b);
    }

    pub fn reserve(&mut self, more: usize) {
        self.0.reserve(more);
    }

    /// Whether the action `id` is the very same (not a copy) in `self` and
    /// `other`: then it is certainly unchanged.
    pub fn shared(&self, other: &Self, id: ActionId) -> bool {
        matches!((self.0.get(id), other.0.get(id)), (Some(a), Some(b)) if Arc::ptr_eq(a, b))
    }
}

impl std::ops::Index<ActionId> for Actions {
    type Output = Action;
    fn index(&self, id: ActionId) -> &Action {
        &self.0[id]
    }
}

impl std::ops::IndexMut<ActionId> for Actions {
    fn index_mut(&mut self, id: ActionId) -> &mut Action {
        Arc::make_mut(&mut self.0[id])
    }
}

impl From<Vec<Action>> for Actions {
    fn from(actions: Vec<Action>) -> Self {
        actions.into_iter().collect()
    }
}

impl FromIterator<Action> for Actions {
    fn from_iter<I: IntoIterator<Item = Action>>(iter: I) -> Self {
        Self(iter.into_iter().map(Arc::new).collect())
    }
}

impl<'a> IntoIterator for &'a Actions {
    type Item = &'a Action;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Arc<Action>>, fn(&Arc<Action>) -> &Action>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|a| &**a)
    }
}

impl<'a> IntoIterator for &'a mut Actions {
    type Item = &'a mut Action;
    type IntoIter =
        std::iter::Map<std::slice::IterMut<'a, Arc<Action>>, fn(&mut Arc<Action>) -> &mut Action>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut().map(Arc::make_mut)
    }
}

/// Where a declared figure applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Scope {
    Action(ActionId),
    Group(GroupId),
    /// The whole convention (TOTAL, TOTAL FINANCIER, Montant total).
    Grand,
}

/// Which figure a declared value claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Measure {
    /// Planned amount of one funder.
    Planned(FunderId),
    /// Planned total of all funders (budget global, column F).
    PlannedTotal,
    /// Executed amount of one funder.
    Executed(FunderId),
    /// Executed total (consommation totale).
    ExecutedTotal,
    /// Planned total of one year (year columns).
    Year(i32),
    /// Consumption rate as written (216 % is stored as 2.16).
    ConsumptionRate,
}

/// A figure as written in the source document, to be checked, never added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declared {
    pub scope: Scope,
    pub measure: Measure,
    pub value: Decimal,
    /// Label of the source row ("Sous total", "TOTAL FINANCIER") or column.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_row: Option<usize>,
}

/// Settings of the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Maximum share of an action's total the State may fund, as a fraction
    /// (0.5 for 50 %).
    pub state_max_share: Decimal,
    /// Groups or actions exempt from the co-financing rule: a group name, or an
    /// action number or title prefix (matched case- and accent-insensitively).
    #[serde(default)]
    pub exemptions: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            state_max_share: Decimal::new(5, 1),
            exemptions: Vec::new(),
        }
    }
}

/// How an instalment's amount is set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Share {
    /// A percentage of the schedule's total: 60 % is stored as 60.
    Percent(Decimal),
    /// A fixed amount in euros.
    Fixed(Decimal),
    /// Whatever is left of the total (the balance, solde).
    Remainder,
}

/// One instalment (tranche) of a payment schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub share: Share,
    /// Label or triggering event ("à la signature", "après le rapport final").
    #[serde(default)]
    pub label: String,
    /// Date as ISO `YYYY-MM-DD`, when the convention gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whether this instalment is adjusted to the actual achievement
    /// ("tout ou partie des 30 %").
    #[serde(default)]
    pub adjusted: bool,
}

/// What was actually achieved, to compute the amount due after execution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Achievement {
    /// Executed spending in euros.
    Spending { amount: Decimal },
    /// Achieved units (posts, months, people…) times a unit cost.
    Units { units: Decimal, unit_cost: Decimal },
}

/// A payment schedule: how a commitment is paid in instalments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub name: String,
    /// Who pays (usually the State).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<FunderId>,
    /// The action this schedule pays for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionId>,
    /// The commitment to pay (montant de la subvention).
    pub total: Decimal,
    pub instalments: Vec<Instalment>,
    /// What was already paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Decimal>,
    /// The actual achievement, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved: Option<Achievement>,
}

/// A convention and its financial annex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Convention {
    /// Saved-format version ([`FORMAT_VERSION`]).
    pub version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub departement: String,
    /// Years covered (2024, 2025, 2026, 2027).
    #[serde(default)]
    pub years: Vec<i32>,
    #[serde(default)]
    pub settings: Settings,
    pub funders: Vec<Funder>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub actions: Actions,
    #[serde(default)]
    pub declared: Vec<Declared>,
    #[serde(default)]
    pub schedules: Vec<Schedule>,
}

impl Default for Convention {
    /// An empty convention with the two funders every convention has.
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            title: String::new(),
            departement: String::new(),
            years: Vec::new(),
            settings: Settings::default(),
            funders: vec![Funder::state(), Funder::departement()],
            groups: Vec::new(),
            actions: Actions::new(),
            declared: Vec::new(),
            schedules: Vec::new(),
        }
    }
}

impl Convention {
    /// Index of the first funder of this kind.
    pub fn funder_of_kind(&self, kind: FunderKind) -> Option<FunderId> {
        self.funders.iter().position(|f| f.kind == kind)
    }

    /// Index of the State funder, if the convention has one.
    pub fn state(&self) -> Option<FunderId> {
        self.funder_of_kind(FunderKind::State)
    }

    /// Whether the amounts are split by funder. A convention read from a table
    /// that names no funder holds its amounts under one [`FunderKind::Unsplit`]
    /// funder: its totals and rates are computed, but funding shares and the
    /// co-financing rule are "not applicable", never 100 % of anyone.
    pub fn is_split(&self) -> bool {
        !self.funders.iter().any(|f| f.kind == FunderKind::Unsplit)
    }

    /// Index of the Département funder, if the convention has one.
    pub fn departement_funder(&self) -> Option<FunderId> {
        self.funder_of_kind(FunderKind::Departement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(number: &str, title: &str) -> Action {
        Action {
            number: number.into(),
            title: title.into(),
            ..Action::default()
        }
    }

    #[test]
    fn a_copy_shares_its_actions_until_one_is_changed() {
        let before = Convention {
            actions: vec![action("1", "Accueil"), action("2", "Insertion")].into(),
            ..Convention::default()
        };
        let mut after = before.clone();
        assert!(after.actions.shared(&before.actions, 0));
        assert!(after.actions.shared(&before.actions, 1));

        after.actions[1].title = "Insertion professionnelle".into();
        // Only the changed action was copied; the other copy kept its own.
        assert!(after.actions.shared(&before.actions, 0));
        assert!(!after.actions.shared(&before.actions, 1));
        assert_eq!(before.actions[1].title, "Insertion");
        assert_eq!(after.actions[1].title, "Insertion professionnelle");
        assert_ne!(before, after);
        after.actions[1].title = "Insertion".into();
        assert_eq!(before, after, "equal by value, shared or not");
        assert!(!after.actions.shared(&before.actions, 1));
        assert!(!after.actions.shared(&before.actions, 2), "no action 3");

        // Taken out: the one left in `before` is untouched.
        let removed = after.actions.remove(0);
        assert_eq!(removed.number, "1");
        assert_eq!(before.actions.len(), 2);
        assert_eq!(
            after
                .actions
                .iter()
                .map(|a| a.number.as_str())
                .collect::<Vec<_>>(),
            ["2"]
        );
    }

    #[test]
    fn actions_are_saved_as_a_plain_list() {
        let actions: Actions = vec![action("1", "Accueil")].into();
        let json = serde_json::to_value(&actions).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::json!([{ "number": "1", "title": "Accueil", "planned": [] }])
        );
        let back: Actions = serde_json::from_value(json).unwrap_or_default();
        assert_eq!(back, actions);
        assert_eq!(actions.range(0..1).count(), 1);
        assert_eq!(actions.range(1..3).count(), 0, "out of bounds: none");
    }
}
