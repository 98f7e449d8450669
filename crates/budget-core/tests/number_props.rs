//! Properties of [`parse_cell`]: it never panics, and it reads back what the
//! crate displays.

use budget_core::money::{format_eur, format_number, round_cents};
use budget_core::number::{parse_amount, parse_cell, CellValue};
use budget_core::{Decimal, Lang};
use proptest::prelude::*;

/// Amounts up to ±10¹⁴ € with up to 6 decimals.
fn amount() -> impl Strategy<Value = Decimal> {
    (
        -100_000_000_000_000_000_000i128..100_000_000_000_000_000_000i128,
        0u32..=6,
    )
        .prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,40}") {
        let _ = parse_cell(&text);
        let _ = parse_amount(&text);
    }

    #[test]
    fn never_panics_on_number_like_text(
        text in "[-−+(=)0-9 .,%€€\u{A0}\u{202F}eEuURna/*]{0,30}"
    ) {
        let _ = parse_cell(&text);
    }

    #[test]
    fn reads_back_french_euros(value in amount()) {
        // "1 234,57 €" with U+202F and U+00A0, "−" for negatives.
        let shown = format_eur(value, Lang::Fr);
        prop_assert_eq!(parse_amount(&shown), Ok(Some(round_cents(value))), "{}", shown);
    }

    #[test]
    fn reads_back_french_numbers(value in amount(), dp in 0u32..=4) {
        let shown = format_number(value, dp, Lang::Fr);
        let expected = budget_core::money::round_dp(value, dp);
        prop_assert_eq!(parse_amount(&shown), Ok(Some(expected)), "{}", shown);
    }

    #[test]
    fn reads_back_english_euros(value in amount()) {
        // "€1,234.57", "−€12.50"
        let shown = format_eur(value, Lang::En);
        prop_assert_eq!(parse_amount(&shown), Ok(Some(round_cents(value))), "{}", shown);
    }

    #[test]
    fn reads_back_spreadsheet_amounts(euros in 0u64..10_000_000_000, cents in 0u64..100) {
        // What a spreadsheet shows: "93 507,00 €" with plain spaces, or "93507,00".
        let grouped = group(euros);
        let expected = Decimal::new((euros * 100 + cents) as i64, 2);
        for text in [
            format!("{grouped},{cents:02} €"),
            format!("{euros},{cents:02}"),
            format!("-{grouped},{cents:02} €"),
            format!("({grouped},{cents:02} €)"),
        ] {
            let negative = text.starts_with(['-', '(']);
            let want = if negative { -expected } else { expected };
            prop_assert_eq!(
                parse_cell(&text),
                Ok(CellValue::Amount { value: want, formula: None }),
                "{}", text
            );
        }
    }
}

/// `1234567` → `1 234 567`
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
