//! Exact money arithmetic, rounding and display.
//!
//! Sums, differences and products of amounts are exact (`rust_decimal`, 28
//! significant digits) and go through the `checked_*` helpers below, which turn an
//! overflow into a [`CalcError`] instead of a panic. Rounding happens in two places
//! only: when a figure is displayed, and when an amount is split into instalments
//! (see [`crate::tranches`]). The rule is the euro's (Council Regulation (EC)
//! 1103/97, art. 5): to the nearest cent, half away from zero (0,125 → 0,13;
//! −0,125 → −0,13).

use crate::messages::FigureName;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{CalcError, CalcResult};

/// Rounds to the cent, half away from zero (EU 1103/97).
pub fn round_cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to `dp` decimal places, half away from zero.
pub fn round_dp(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `a + b`, or an overflow error naming `what`.
pub fn add(a: Decimal, b: Decimal, what: FigureName) -> CalcResult<Decimal> {
    a.checked_add(b).ok_or(CalcError::Overflow { what })
}

/// `a − b`, or an overflow error naming `what`.
pub fn sub(a: Decimal, b: Decimal, what: FigureName) -> CalcResult<Decimal> {
    a.checked_sub(b).ok_or(CalcError::Overflow { what })
}

/// `a × b`, or an overflow error naming `what`.
pub fn mul(a: Decimal, b: Decimal, what: FigureName) -> CalcResult<Decimal> {
    a.checked_mul(b).ok_or(CalcError::Overflow { what })
}

/// `a ÷ b`, or a division-by-zero / overflow error naming `what`.
pub fn div(a: Decimal, b: Decimal, what: FigureName) -> CalcResult<Decimal> {
    if b.is_zero() {
        return Err(CalcError::DivisionByZero { what });
    }
    a.checked_div(b).ok_or(CalcError::Overflow { what })
}

/// Exact sum of an iterator of amounts.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I, what: FigureName) -> CalcResult<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, v, what))
}

// The display language, kept here too for the code that names it
// `money::Lang` (it is defined in its own module).
pub use crate::lang::Lang;

/// Narrow no-break space: the French thousands separator.
pub const NNBSP: char = '\u{202F}';
/// No-break space: between a number and its unit in French.
pub const NBSP: char = '\u{A0}';

/// Groups the integer digits of `digits` by three with `sep`.
fn group_thousands(digits: &str, sep: char) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats a number rounded to `dp` places, grouped by thousands, in `lang`.
pub fn format_number(value: Decimal, dp: u32, lang: Lang) -> String {
    let rounded = round_dp(value, dp);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    let text = format!("{:.*}", dp as usize, abs);
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (sep, point, minus) = match lang {
        Lang::Fr => (NNBSP, ',', "−"),
        Lang::En => (',', '.', "−"),
    };
    let mut out = String::new();
    if negative {
        out.push_str(minus);
    }
    out.push_str(&group_thousands(int_part, sep));
    if let Some(f) = frac_part {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// Formats an amount in euros to the cent: `1 775 650,00 €` (fr), `€1,775,650.00` (en).
pub fn format_eur(value: Decimal, lang: Lang) -> String {
    let n = format_number(value, 2, lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}€"),
        Lang::En => match n.strip_prefix('−') {
            Some(rest) => format!("−€{rest}"),
            None => format!("€{n}"),
        },
    }
}

/// Formats a ratio (0.1207) as a percentage with `dp` places: `12,07 %` (fr), `12.07%` (en).
pub fn format_percent(ratio: Decimal, dp: u32, lang: Lang) -> String {
    let pct = ratio.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(ratio);
    let n = format_number(pct, dp, lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_cents(d("0.125")), d("0.13"));
        assert_eq!(round_cents(d("-0.125")), d("-0.13"));
        assert_eq!(round_cents(d("0.124999")), d("0.12"));
        // Banker's rounding would give 2.34 here.
        assert_eq!(round_cents(d("2.345")), d("2.35"));
    }

    #[test]
    fn formats_french_amounts() {
        assert_eq!(
            format_eur(d("1775650"), Lang::Fr),
            "1\u{202F}775\u{202F}650,00\u{A0}€"
        );
        assert_eq!(format_eur(d("93507"), Lang::Fr), "93\u{202F}507,00\u{A0}€");
        assert_eq!(format_eur(d("0"), Lang::Fr), "0,00\u{A0}€");
        assert_eq!(format_eur(d("999.995"), Lang::Fr), "1\u{202F}000,00\u{A0}€");
        assert_eq!(
            format_eur(d("-20000"), Lang::Fr),
            "−20\u{202F}000,00\u{A0}€"
        );
        assert_eq!(format_eur(d("-0.001"), Lang::Fr), "0,00\u{A0}€");
    }

    #[test]
    fn formats_english_amounts() {
        assert_eq!(format_eur(d("1775650"), Lang::En), "€1,775,650.00");
        assert_eq!(format_eur(d("-12.5"), Lang::En), "−€12.50");
    }

    #[test]
    fn formats_percentages() {
        // Vienne 2024, action 1: 93 507 / 775 000 = 0.120654… → 12,07 %.
        let share = d("93507") / d("775000");
        assert_eq!(format_percent(share, 2, Lang::Fr), "12,07\u{A0}%");
        assert_eq!(format_percent(d("2.16"), 0, Lang::En), "216%");
    }

    #[test]
    fn checked_helpers_report_instead_of_panicking() {
        assert_eq!(
            add(Decimal::MAX, Decimal::ONE, FigureName::Planned),
            Err(CalcError::Overflow {
                what: FigureName::Planned
            })
        );
        assert_eq!(
            div(Decimal::ONE, Decimal::ZERO, FigureName::Planned),
            Err(CalcError::DivisionByZero {
                what: FigureName::Planned
            })
        );
        assert_eq!(sum([d("0.1"), d("0.2")], FigureName::Planned), Ok(d("0.3")));
    }
}
