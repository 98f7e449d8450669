//! Payment tranches: how a commitment is paid in instalments, what is due once
//! the action is done, and the balance or the over-payment to refund.
//!
//! # Rounding
//!
//! Instalments are payments, so each is a whole number of cents: every
//! instalment but one is its exact amount (`total × percent ÷ 100`, or the
//! fixed amount) rounded to the cent **half away from zero**
//! ([`round_cents`], EU regulation 1103/97: 60 000,006 → 60 000,01;
//! 700,105 → 700,11). One instalment takes the remainder,
//! `total − Σ of the others`, so that they add up **exactly** to the total:
//! the instalment marked [`Share::Remainder`] (the first one, if several), or
//! else the last one. The amount due after execution is rounded the same way.

use crate::messages::FigureName;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::CalcResult;
use crate::messages::Msg;
use crate::model::{Achievement, Instalment, Share};
use crate::money::{div, format_eur, format_percent, mul, round_cents, sub, sum, Lang};

/// One instalment with its amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InstalmentAmount {
    /// Label or triggering event.
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Adjusted to the actual achievement ("tout ou partie des 30 %").
    pub adjusted: bool,
    /// The share as written in the schedule.
    pub share: Share,
    /// The exact amount the share names before rounding (`None` for a
    /// remainder).
    pub exact: Option<Decimal>,
    /// The amount to pay, in cents.
    pub amount: Decimal,
    /// Whether this instalment took the remainder (see the module docs).
    pub takes_remainder: bool,
}

/// The exact amount an instalment's share names, before rounding.
fn exact_amount(total: Decimal, share: &Share) -> CalcResult<Option<Decimal>> {
    Ok(match share {
        Share::Percent(p) => Some(div(
            mul(total, *p, FigureName::Instalment)?,
            Decimal::ONE_HUNDRED,
            FigureName::Instalment,
        )?),
        Share::Fixed(x) => Some(*x),
        Share::Remainder => None,
    })
}

/// The instalment that takes the remainder: the first [`Share::Remainder`],
/// else the last.
fn absorber(plan: &[Instalment]) -> Option<usize> {
    plan.iter()
        .position(|i| i.share == Share::Remainder)
        .or_else(|| plan.len().checked_sub(1))
}

/// Splits `total` into the instalments of `plan`.
///
/// Each instalment is rounded to the cent half away from zero, except the one
/// that takes the remainder (see the module docs); the amounts add up exactly
/// to `total`. A second [`Share::Remainder`] gets nothing. An empty plan gives
/// no instalment. Inconsistent plans (percentages above 100, more than the
/// total allocated…) are still split the same way; [`validate`] says what is
/// wrong with them.
///
/// Example: 60 % / 40 % of 100 000,01 € → 60 000,006 rounds to 60 000,01, and
/// the balance is 100 000,01 − 60 000,01 = 40 000,00.
pub fn instalments(total: Decimal, plan: &[Instalment]) -> CalcResult<Vec<InstalmentAmount>> {
    let last = absorber(plan);
    let mut out = Vec::with_capacity(plan.len());
    for (i, inst) in plan.iter().enumerate() {
        let exact = exact_amount(total, &inst.share)?;
        let amount = if Some(i) == last {
            Decimal::ZERO
        } else {
            round_cents(exact.unwrap_or_default())
        };
        out.push(InstalmentAmount {
            label: inst.label.clone(),
            date: inst.date.clone(),
            adjusted: inst.adjusted,
            share: inst.share.clone(),
            exact,
            amount,
            takes_remainder: Some(i) == last,
        });
    }
    if let Some(l) = last {
        let others = sum(
            out.iter()
                .enumerate()
                .filter(|(i, _)| *i != l)
                .map(|(_, x)| x.amount),
            FigureName::InstalmentsSum,
        )?;
        let remainder = sub(total, others, FigureName::Balance)?;
        if let Some(slot) = out.get_mut(l) {
            slot.amount = remainder;
        }
    }
    Ok(out)
}

/// What is wrong with a schedule. The split ([`instalments`]) still adds up
/// to the total; these say where it departs from what the schedule says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScheduleIssue {
    /// No instalment, so nothing is ever paid.
    Empty,
    /// A percentage below 0 or above 100 (instalments numbered from 1).
    PercentOutOfRange { instalment: usize, percent: Decimal },
    /// A negative fixed amount.
    NegativeFixed { instalment: usize, amount: Decimal },
    /// A fixed amount above the total.
    FixedAboveTotal {
        instalment: usize,
        amount: Decimal,
        total: Decimal,
    },
    /// The instalments before the remainder already exceed the total: the
    /// remainder is negative.
    ExceedsTotal { allocated: Decimal, total: Decimal },
    /// No remainder and the shares do not add up to the total (3 × 33,33 % =
    /// 99,99 %): the last instalment takes the difference.
    /// `difference = total − declared`.
    DoesNotAddUp {
        declared: Decimal,
        total: Decimal,
        difference: Decimal,
    },
    /// More than one remainder: only the first takes it.
    SeveralRemainders { count: usize },
    /// The total has fractions of a cent: the remainder will too.
    TotalNotInCents { total: Decimal },
}

impl ScheduleIssue {
    /// What is wrong, in `lang` (lower-case sentence ending with a full stop).
    pub fn message(&self, lang: Lang) -> String {
        let eur = |v: &Decimal| format_eur(*v, lang);
        let pct = |v: &Decimal| {
            format_percent(
                v.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default(),
                2,
                lang,
            )
        };
        match self {
            ScheduleIssue::Empty => Msg::ScheduleEmpty.text(lang).into(),
            ScheduleIssue::PercentOutOfRange {
                instalment,
                percent,
            } => Msg::SchedulePercentOutOfRange.fill(
                lang,
                &[("instalment", instalment), ("percent", &pct(percent))],
            ),
            ScheduleIssue::NegativeFixed { instalment, amount } => Msg::ScheduleNegativeFixed.fill(
                lang,
                &[("instalment", instalment), ("amount", &eur(amount))],
            ),
            ScheduleIssue::FixedAboveTotal {
                instalment,
                amount,
                total,
            } => Msg::ScheduleFixedAboveTotal.fill(
                lang,
                &[
                    ("instalment", instalment),
                    ("amount", &eur(amount)),
                    ("total", &eur(total)),
                ],
            ),
            ScheduleIssue::ExceedsTotal { allocated, total } => Msg::ScheduleExceedsTotal.fill(
                lang,
                &[("allocated", &eur(allocated)), ("total", &eur(total))],
            ),
            ScheduleIssue::DoesNotAddUp {
                declared,
                total,
                difference,
            } => Msg::ScheduleDoesNotAddUp.fill(
                lang,
                &[
                    ("declared", &eur(declared)),
                    ("total", &eur(total)),
                    ("difference", &eur(difference)),
                ],
            ),
            ScheduleIssue::SeveralRemainders { count } => {
                Msg::ScheduleSeveralRemainders.fill(lang, &[("count", count)])
            }
            ScheduleIssue::TotalNotInCents { total } => {
                Msg::ScheduleTotalNotInCents.fill(lang, &[("total", total)])
            }
        }
    }
}

/// Checks a schedule against its total (see [`ScheduleIssue`]).
pub fn validate(total: Decimal, plan: &[Instalment]) -> CalcResult<Vec<ScheduleIssue>> {
    let mut issues = Vec::new();
    if plan.is_empty() {
        if !total.is_zero() {
            issues.push(ScheduleIssue::Empty);
        }
        return Ok(issues);
    }
    if round_cents(total) != total {
        issues.push(ScheduleIssue::TotalNotInCents { total });
    }
    for (i, inst) in plan.iter().enumerate() {
        let instalment = i.saturating_add(1);
        match inst.share {
            Share::Percent(p) if p < Decimal::ZERO || p > Decimal::ONE_HUNDRED => {
                issues.push(ScheduleIssue::PercentOutOfRange {
                    instalment,
                    percent: p,
                });
            }
            Share::Fixed(x) if x < Decimal::ZERO => {
                issues.push(ScheduleIssue::NegativeFixed {
                    instalment,
                    amount: x,
                });
            }
            Share::Fixed(x) if x > total => {
                issues.push(ScheduleIssue::FixedAboveTotal {
                    instalment,
                    amount: x,
                    total,
                });
            }
            _ => {}
        }
    }
    let remainders = plan.iter().filter(|i| i.share == Share::Remainder).count();
    if remainders > 1 {
        issues.push(ScheduleIssue::SeveralRemainders { count: remainders });
    }
    let last = absorber(plan);
    let mut allocated = Decimal::ZERO;
    let mut declared = Decimal::ZERO;
    for (i, inst) in plan.iter().enumerate() {
        let exact = exact_amount(total, &inst.share)?.unwrap_or_default();
        declared = crate::money::add(declared, exact, FigureName::InstalmentsSum)?;
        if Some(i) != last {
            allocated = crate::money::add(allocated, exact, FigureName::InstalmentsSum)?;
        }
    }
    if allocated > total {
        issues.push(ScheduleIssue::ExceedsTotal { allocated, total });
    }
    if remainders == 0 && declared != total {
        let difference = sub(total, declared, FigureName::InstalmentsGap)?;
        issues.push(ScheduleIssue::DoesNotAddUp {
            declared,
            total,
            difference,
        });
    }
    Ok(issues)
}

/// The amount an achievement is worth: the spending itself, or
/// `units × unit cost` (202,5 posts × 6 417,84 € = 1 299 612,60 €). Exact.
pub fn achieved_amount(achievement: &Achievement) -> CalcResult<Decimal> {
    match achievement {
        Achievement::Spending { amount } => Ok(*amount),
        Achievement::Units { units, unit_cost } => mul(*units, *unit_cost, FigureName::UnitsCost),
    }
}

/// Where a payment stands after execution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Settlement {
    /// The commitment (the schedule's total).
    pub commitment: Decimal,
    /// What the achievement is worth, when known.
    pub achieved: Option<Decimal>,
    /// Amount due: `min(achieved, commitment)`, never below zero, rounded to
    /// the cent half away from zero; the commitment itself while the
    /// achievement is not known.
    pub due: Decimal,
    /// What was already paid.
    pub paid: Decimal,
    /// `due − paid`: still to pay when positive, an over-payment when negative.
    pub balance: Decimal,
    /// `max(0, balance)`: the balance to pay (solde).
    pub to_pay: Decimal,
    /// `max(0, −balance)`: the over-payment to refund (trop-perçu, reversement).
    pub refund: Decimal,
}

/// The amount due and the balance after execution: what the payer owes on the
/// actual achievement, capped at its commitment, minus what it already paid.
///
/// Example (Vienne 2024, ACI): commitment 1 300 000 €, 202,5 posts ×
/// 6 417,84 € = 1 299 612,60 € achieved → due 1 299 612,60 €; after the 70 %
/// advance of 910 000 €, the balance is 389 612,60 € (instead of 390 000 €).
pub fn settle(
    commitment: Decimal,
    achieved: Option<Decimal>,
    paid: Decimal,
) -> CalcResult<Settlement> {
    let due = match achieved {
        Some(a) => round_cents(a.min(commitment).max(Decimal::ZERO)),
        None => commitment,
    };
    let balance = sub(due, paid, FigureName::Balance)?;
    Ok(Settlement {
        commitment,
        achieved,
        due,
        paid,
        balance,
        to_pay: balance.max(Decimal::ZERO),
        refund: if balance < Decimal::ZERO {
            balance.abs()
        } else {
            Decimal::ZERO
        },
    })
}

fn instalment(percent: i64, label: &str, adjusted: bool) -> Instalment {
    Instalment {
        share: Share::Percent(Decimal::from(percent)),
        label: label.into(),
        date: None,
        adjusted,
    }
}

/// 60 % advance at signature, 40 % balance after the final report (France
/// Travail convention, Vienne 2024: 60 % of 553 608 € = 332 164,80 €, balance
/// 221 443,20 €).
pub fn sixty_forty() -> Vec<Instalment> {
    vec![
        instalment(60, "Avance de 60 % à la signature de la convention", false),
        instalment(
            40,
            "Solde de 40 % après la production du bilan final",
            false,
        ),
    ]
}

/// 70 % at signature, 30 % after the statement of presence, adjusted to what
/// was achieved: "tout ou partie des 30 %", within the total (ACI, Vienne 2024).
pub fn seventy_thirty_adjusted() -> Vec<Instalment> {
    vec![
        instalment(70, "70 % à la signature de la convention", false),
        instalment(
            30,
            "30 % après l'état de présence, ajusté au réalisé (tout ou partie des 30 %)",
            true,
        ),
    ]
}

/// 100 % at signature (solidarity axes, Vienne 2024).
pub fn full_at_signature() -> Vec<Instalment> {
    vec![instalment(
        100,
        "Totalité à la signature de la convention",
        false,
    )]
}
