//! Multi-year view: totals per year and change from year to year.

use crate::messages::FigureName;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::totals::{in_scope, FunderAmounts};
use crate::error::CalcResult;
use crate::model::{Convention, Scope};
use crate::money::{add, div, sub};

/// Change of a total from the previous year of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The year compared with (the previous year present in the table).
    pub from_year: i32,
    /// `this year's total − previous year's total`.
    pub absolute: Decimal,
    /// `absolute ÷ previous year's total`; `None` when that total is zero.
    pub relative: Option<Decimal>,
}

/// Planned amounts of one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearTotal {
    pub year: i32,
    /// Σ of the planned amounts of that year, per funder and overall.
    pub planned: FunderAmounts,
    /// Change from the previous year present (none for the first).
    pub change: Option<Change>,
}

/// The multi-year view of a scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Years {
    /// One entry per year that has planned amounts, in order.
    pub by_year: Vec<YearTotal>,
    /// Planned amounts that belong to no year, when some do and others don't.
    pub without_year: Option<FunderAmounts>,
}

impl Years {
    /// The total of `year`, zero when the table has nothing for it.
    pub fn total_of(&self, year: i32) -> Decimal {
        self.by_year
            .iter()
            .find(|y| y.year == year)
            .map_or(Decimal::ZERO, |y| y.planned.total)
    }
}

/// Totals per year of the actions of `scope`, and the change from each year to
/// the next: absolute (`total(y) − total(y₀)`) and relative
/// (`(total(y) − total(y₀)) ÷ total(y₀)`), where y₀ is the previous year that
/// has amounts. Amounts of unknown funders are left out.
pub fn year_totals(conv: &Convention, scope: Scope) -> CalcResult<Years> {
    let n = conv.funders.len();
    // Most tables have no year column: nothing to add up then.
    let dated = |action: &crate::model::Action| action.planned.iter().any(|a| a.year.is_some());
    if !in_scope(conv, scope).any(|(_, action)| dated(action)) {
        return Ok(Years::default());
    }
    let mut years: BTreeMap<i32, Vec<Decimal>> = BTreeMap::new();
    let mut without: Vec<Decimal> = vec![Decimal::ZERO; n];
    let mut any_without = false;
    for (_, action) in in_scope(conv, scope) {
        for amount in &action.planned {
            if amount.funder >= n {
                continue;
            }
            let bucket = match amount.year {
                Some(y) => years.entry(y).or_insert_with(|| vec![Decimal::ZERO; n]),
                None => {
                    any_without = true;
                    &mut without
                }
            };
            if let Some(slot) = bucket.get_mut(amount.funder) {
                *slot = add(*slot, amount.value, FigureName::YearTotal)?;
            }
        }
    }
    let mut out = Years::default();
    if years.is_empty() {
        return Ok(out);
    }
    if any_without {
        out.without_year = Some(FunderAmounts::from_parts(without)?);
    }
    let mut previous: Option<(i32, Decimal)> = None;
    for (year, by_funder) in years {
        let planned = FunderAmounts::from_parts(by_funder)?;
        let change = match previous {
            Some((from_year, before)) => {
                let absolute = sub(planned.total, before, FigureName::YearlyChange)?;
                let relative = if before.is_zero() {
                    None
                } else {
                    Some(div(absolute, before, FigureName::YearlyChange)?)
                };
                Some(Change {
                    from_year,
                    absolute,
                    relative,
                })
            }
            None => None,
        };
        previous = Some((year, planned.total));
        out.by_year.push(YearTotal {
            year,
            planned,
            change,
        });
    }
    Ok(out)
}
