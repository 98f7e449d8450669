//! Several conventions taken together (`budget check --consolidate`): totals
//! per funder and per year across them, each convention's part of the whole,
//! and each one's co-financing rule. Everything is read from each
//! convention's [`Report`] (its computed figures, never its declared totals)
//! and added up with checked arithmetic.
//!
//! Funders are matched across conventions by kind: every State column is
//! « État », every Département column « Département », whatever their
//! headings; other funders by name (case and accents ignored), the first
//! spelling met kept. A table that does not split its amounts by funder
//! counts under « Montants non répartis », never as anyone's money.

use crate::messages::FigureName;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::CalcResult;
use crate::figures::{shares, FunderAmounts};
use crate::messages::Msg;
use crate::model::FunderKind;
use crate::money::{add, div};
use crate::report::Report;
use crate::text::fold;
use crate::Lang;

/// A funder of the consolidation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConsolidatedFunder {
    /// The State's, the Département's and the unsplit amounts' in French,
    /// the other funders' as the tables name them.
    pub name: String,
    pub kind: FunderKind,
}

impl ConsolidatedFunder {
    /// The name in `lang`: the State, the Département and the amounts not
    /// split by funder are translated, the other funders named as in the
    /// tables.
    pub fn label(&self, lang: Lang) -> String {
        match self.kind {
            FunderKind::State => Msg::ConsolidatedState.text(lang).to_string(),
            FunderKind::Departement => Msg::ConsolidatedDepartement.text(lang).to_string(),
            FunderKind::Unsplit => Msg::ConsolidatedUnsplit.text(lang).to_string(),
            FunderKind::Other => self.name.clone(),
        }
    }
}

/// One convention in the consolidation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConventionPart {
    /// As given (the file's name).
    pub name: String,
    /// Its grand total planned, per funder of the consolidation; `None` when
    /// it could not be computed (then it is left out of every sum).
    pub planned: Option<FunderAmounts>,
    /// Its total ÷ the consolidated total; `None` when that total is zero or
    /// its own is unknown.
    pub part: Option<Decimal>,
    /// The State's share of its own total (`None`: not split, or nothing
    /// planned).
    pub state_share: Option<Decimal>,
    /// Its maximum State share per action.
    pub state_max_share: Decimal,
    /// Its actions outside the co-financing rule (`None`: not applicable,
    /// the amounts are not split by funder).
    pub co_financing_breaches: Option<usize>,
    pub actions: usize,
}

/// The planned amounts of one year across the conventions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConsolidatedYear {
    pub year: i32,
    pub planned: FunderAmounts,
}

/// The conventions taken together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Consolidation {
    pub funders: Vec<ConsolidatedFunder>,
    /// Σ of the conventions' grand totals, per funder and overall.
    pub planned: FunderAmounts,
    /// Each funder's share of [`Self::planned`] ([`shares`]).
    pub shares: Option<Vec<Decimal>>,
    /// Per year, in order; a convention whose table has no year counts under
    /// [`Self::without_year`].
    pub years: Vec<ConsolidatedYear>,
    pub without_year: Option<FunderAmounts>,
    pub conventions: Vec<ConventionPart>,
    /// The conventions whose grand total could not be computed.
    pub incomplete: Vec<String>,
}

/// The name under which the funders of a table naming none are consolidated.
pub const UNSPLIT: &str = Msg::ConsolidatedUnsplit.text(Lang::Fr);

/// The consolidation's funder for each funder of `report`, adding new ones
/// to `funders`.
fn map_funders(report: &Report, funders: &mut Vec<ConsolidatedFunder>) -> Vec<usize> {
    report
        .funders
        .iter()
        .map(|f| {
            let (name, kind) = match f.kind {
                FunderKind::State => (
                    Msg::ConsolidatedState.text(Lang::Fr).to_string(),
                    FunderKind::State,
                ),
                FunderKind::Departement => (
                    Msg::ConsolidatedDepartement.text(Lang::Fr).to_string(),
                    FunderKind::Departement,
                ),
                FunderKind::Unsplit => (UNSPLIT.to_string(), FunderKind::Unsplit),
                FunderKind::Other => (f.name.trim().to_string(), FunderKind::Other),
            };
            let found = funders.iter().position(|c| {
                c.kind == kind && (kind != FunderKind::Other || fold(&c.name) == fold(&name))
            });
            found.unwrap_or_else(|| {
                funders.push(ConsolidatedFunder { name, kind });
                funders.len() - 1
            })
        })
        .collect()
}

/// `amounts` of a convention, moved to the consolidation's funders.
fn remap(amounts: &FunderAmounts, map: &[usize], count: usize) -> CalcResult<FunderAmounts> {
    let mut out = FunderAmounts::zero(count);
    for (value, &to) in amounts.by_funder.iter().zip(map) {
        if let Some(slot) = out.by_funder.get_mut(to) {
            *slot = add(*slot, *value, FigureName::ConsolidatedFunder)?;
        }
    }
    out.total = amounts.total;
    Ok(out)
}

/// Adds `b` into `a`, funder by funder (`a` has at least `b`'s funders).
fn add_into(a: &mut FunderAmounts, b: &FunderAmounts) -> CalcResult<()> {
    a.by_funder
        .resize(a.by_funder.len().max(b.by_funder.len()), Decimal::ZERO);
    for (slot, value) in a.by_funder.iter_mut().zip(&b.by_funder) {
        *slot = add(*slot, *value, FigureName::ConsolidatedFunder)?;
    }
    a.total = add(a.total, b.total, FigureName::Consolidated)?;
    Ok(())
}

/// The conventions `(name, report)` taken together.
pub fn consolidate(conventions: &[(String, &Report)]) -> CalcResult<Consolidation> {
    let mut funders = Vec::new();
    let maps: Vec<Vec<usize>> = conventions
        .iter()
        .map(|(_, r)| map_funders(r, &mut funders))
        .collect();
    let count = funders.len();
    let mut planned = FunderAmounts::zero(count);
    let mut years: Vec<ConsolidatedYear> = Vec::new();
    let mut without_year: Option<FunderAmounts> = None;
    let mut parts = Vec::with_capacity(conventions.len());
    let mut incomplete = Vec::new();
    for ((name, report), map) in conventions.iter().zip(&maps) {
        let own = match &report.grand.planned {
            Some(p) => Some(remap(p, map, count)?),
            None => None,
        };
        match &own {
            Some(own) => {
                add_into(&mut planned, own)?;
                match &report.years {
                    Some(y) => {
                        for year in &y.by_year {
                            let amounts = remap(&year.planned, map, count)?;
                            let slot = match years.iter().position(|c| c.year == year.year) {
                                Some(i) => i,
                                None => {
                                    years.push(ConsolidatedYear {
                                        year: year.year,
                                        planned: FunderAmounts::zero(count),
                                    });
                                    years.len() - 1
                                }
                            };
                            if let Some(c) = years.get_mut(slot) {
                                add_into(&mut c.planned, &amounts)?;
                            }
                        }
                        if let Some(w) = &y.without_year {
                            let amounts = remap(w, map, count)?;
                            add_into(
                                without_year.get_or_insert_with(|| FunderAmounts::zero(count)),
                                &amounts,
                            )?;
                        }
                    }
                    None => add_into(
                        without_year.get_or_insert_with(|| FunderAmounts::zero(count)),
                        own,
                    )?,
                }
            }
            None => incomplete.push(name.clone()),
        }
        let state = report
            .funders
            .iter()
            .position(|f| f.kind == FunderKind::State);
        let state_share = match (&report.grand.shares, state) {
            (Some(s), Some(i)) if report.split => s.get(i).copied(),
            _ => None,
        };
        let breaches = report
            .actions
            .iter()
            .filter(|a| a.co_financing.as_ref().is_some_and(|c| c.breach.is_some()))
            .count();
        parts.push(ConventionPart {
            name: name.clone(),
            planned: own,
            part: None,
            state_share,
            state_max_share: report.settings.state_max_share,
            co_financing_breaches: report.split.then_some(breaches),
            actions: report.actions.len(),
        });
    }
    for part in &mut parts {
        if let Some(own) = &part.planned {
            if !planned.total.is_zero() {
                part.part = Some(div(own.total, planned.total, FigureName::ConventionShare)?);
            }
        }
    }
    for y in &mut years {
        y.planned.by_funder.resize(count, Decimal::ZERO);
    }
    years.sort_by_key(|y| y.year);
    Ok(Consolidation {
        shares: shares(&planned)?,
        funders,
        planned,
        years,
        without_year,
        conventions: parts,
        incomplete,
    })
}
