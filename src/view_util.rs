//! Small formatting helpers shared by the schedule, year, chart and scenario
//! views. They only format numbers the core computed or the user typed; no
//! figure is computed here.

use budget_core::money::{format_eur, format_number, NBSP};
use budget_core::number::{parse_cell, CellValue};
use budget_core::{Decimal, Lang};

use crate::i18n::{t, Key};

/// A number as it is put back into a text field, so that reading it again
/// ([`budget_core::number::parse_amount`]) gives the same value: French
/// `553 608,00` (grouped, decimal comma), English `553608.00` (not grouped: a
/// lone comma would read as a decimal comma). At least `min_dp` decimals, never
/// fewer than the value has, so nothing is rounded.
pub fn input_text(value: Decimal, min_dp: u32, lang: Lang) -> String {
    let value = value.normalize();
    let mut dp = value.scale().max(min_dp);
    match lang {
        Lang::Fr => format_number(value, dp, lang),
        Lang::En => {
            // `1.500` would read as one thousand five hundred (thousands dot).
            if dp == 3 {
                dp = 4;
            }
            let text = format!("{:.*}", dp as usize, value.abs());
            if value.is_sign_negative() && !value.is_zero() {
                format!("-{text}")
            } else {
                text
            }
        }
    }
}

/// A percentage as written in a schedule (60 is 60 %): `60 %`, `33,33 %`.
pub fn percent_as_written(percent: Decimal, lang: Lang) -> String {
    let p = percent.normalize();
    let n = format_number(p, p.scale(), lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A difference with its sign and an arrow, so that a change is never shown by
/// colour alone: `▲ +1 000,00 €`, `▼ −999,50 €`, `= 0,00 €`.
pub fn signed_eur(difference: Decimal, lang: Lang) -> String {
    if difference.is_zero() {
        format!("= {}", format_eur(Decimal::ZERO, lang))
    } else if difference > Decimal::ZERO {
        format!("▲ +{}", format_eur(difference, lang))
    } else {
        // format_eur writes the minus sign itself.
        format!("▼ {}", format_eur(difference, lang))
    }
}

/// Reads an amount typed in a field: French amounts and `=…` calculations.
/// `Ok(None)` for an empty field; `Err` with a message in `lang` saying which
/// text could not be read.
pub fn read_amount(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    match budget_core::number::parse_amount(text) {
        Ok(v) => Ok(v),
        Err(e) => Err(unreadable(text, &e.to_string(), lang)),
    }
}

/// Reads a percentage typed in a field: `60`, `60 %`, `33,33`.
pub fn read_percent(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    match parse_cell(text) {
        Ok(CellValue::Empty | CellValue::NotAvailable) => Ok(None),
        Ok(CellValue::Amount { value, .. }) => Ok(Some(value)),
        // `60 %` is read as the ratio 0.6: back to 60.
        Ok(CellValue::Percent(ratio)) => ratio
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(|p| Some(p.normalize()))
            .ok_or_else(|| unreadable(text, "", lang)),
        Err(e) => Err(unreadable(text, &e.to_string(), lang)),
    }
}

/// "Montant illisible : « 12,5O » (…). La valeur précédente est conservée."
/// The core's reason is in French: it is added only to the French message.
fn unreadable(text: &str, reason: &str, lang: Lang) -> String {
    let text = text.trim();
    match lang {
        Lang::Fr if !reason.is_empty() => format!(
            "{} : « {text} » ({reason}). {}",
            t(lang, Key::TrBadAmount),
            t(lang, Key::TrKeptPrevious)
        ),
        Lang::Fr => format!(
            "{} : « {text} ». {}",
            t(lang, Key::TrBadAmount),
            t(lang, Key::TrKeptPrevious)
        ),
        Lang::En => format!(
            "{}: \u{201C}{text}\u{201D}. {}",
            t(lang, Key::TrBadAmount),
            t(lang, Key::TrKeptPrevious)
        ),
    }
}

/// A ratio (0.52) as a number between 0 and 1 for drawing (pixel geometry
/// only, never shown).
pub fn ratio_f64(ratio: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    ratio.to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
}

/// `part ÷ whole` for drawing only (pixel geometry, never shown): 0 when the
/// whole is zero.
pub fn scale_f64(part: Decimal, whole: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    let (p, w) = (part.to_f64().unwrap_or(0.0), whole.to_f64().unwrap_or(0.0));
    if w <= 0.0 {
        0.0
    } else {
        (p / w).clamp(0.0, 1.0)
    }
}
