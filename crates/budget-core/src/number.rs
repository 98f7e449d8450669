//! Reading one cell of a pasted table: `93 507,00 €`, `216%`, `n/a`, `=534,82*12`.
//!
//! [`parse_cell`] tells an empty cell, a "not available" mark, an amount and a
//! percentage apart, and refuses anything it cannot read exactly with a
//! [`NumberError`] that says why, in French. It never rounds and never panics.
//!
//! # Accepted forms
//!
//! | written | read as |
//! |---|---|
//! | `93 507,00 €`, `93507`, `93 507 €`, `93 507 EUR`, `€1,234.50` | an amount |
//! | thousands separated by a space, U+00A0 or U+202F | `93 507` = 93507 |
//! | `1.000,50` (dot thousands, comma decimals), `1,000.50` (the reverse) | 1000.50 |
//! | `0,5`, `1.5` | 0.5, 1.5 (a single comma is always a decimal comma) |
//! | `1.000`, `12.345`, `1.000.000` | thousands: see the rule below |
//! | `-12`, `−12` (U+2212), `+12`, `(1 234,00 €)` | negative (parentheses too) or positive |
//! | `-`, `-  €` | zero (the spreadsheet's way of writing 0) |
//! | `216%`, `12,07 %` | a percentage, kept as a ratio: 2.16, 0.1207 |
//! | `n/a`, `N/A`, `ND`, `nd`, `n.d.`, `NC` | not available |
//! | empty or blanks only | empty |
//! | `=534,82*12` | the calculation's result, with the calculation kept ([`crate::expr`]) |
//!
//! ## The single-dot rule
//!
//! `1.000` is ambiguous: one thousand in French data, one in English. The tables
//! this crate reads are French, where a dot is never a decimal separator *and*
//! thousands separator at once, so: **a single dot followed by exactly three digits,
//! with one to three digits before it (not starting with 0) and no other separator,
//! is a thousands separator** (`1.000` = 1000, `12.345` = 12345). Every other single
//! dot is a decimal point (`1.5`, `0.125`, `1234.567`, `93 507.5`). A single comma is
//! always a decimal comma (`1,000` = 1). When both a dot and a comma appear, the
//! last one is the decimal separator and the other separates thousands.

use crate::messages::{french_display, Msg};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::expr::{self, ExprError};

/// What a cell holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellValue {
    /// Nothing, or only blanks.
    Empty,
    /// A "not available" mark (`n/a`, `ND`…): no figure, on purpose.
    NotAvailable,
    /// An amount in euros, exact as written.
    Amount {
        /// The amount.
        value: Decimal,
        /// The calculation typed in the cell (`=534,82*12`), trimmed, when the
        /// amount is its result.
        formula: Option<String>,
    },
    /// A percentage, as a ratio: `216%` is 2.16.
    Percent(Decimal),
}

/// Why a cell could not be read. Each message quotes the cell and is in French.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NumberError {
    /// Letters or signs where digits are expected (`12,5O`, `12 k€`).
    Unreadable {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// The same decimal separator more than once (`1,5,3`, `1.2.3`).
    SeveralDecimalSeparators {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// Thousands separators that do not cut groups of three digits (`12 34`).
    BadGrouping {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// More digits than an exact decimal holds (28 significant digits).
    OutOfRange {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// A percentage where an amount is expected (see [`parse_amount`]).
    UnexpectedPercent {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// An error value of the spreadsheet the table was copied from (`#DIV/0!`).
    SpreadsheetError {
        /// The cell, blanks around it removed.
        text: String,
    },
    /// A calculation (`=…`) that cannot be carried out.
    Expression(ExprError),
}

impl NumberError {
    /// The whole message in `lang`, quoting the cell (the French one is
    /// `Display`).
    pub fn message(&self, lang: crate::money::Lang) -> String {
        match self {
            Self::Unreadable { text } => Msg::NumberUnreadable.fill(lang, &[("text", text)]),
            Self::SeveralDecimalSeparators { text } => {
                Msg::NumberSeveralDecimalSeparators.fill(lang, &[("text", text)])
            }
            Self::BadGrouping { text } => Msg::NumberBadGrouping.fill(lang, &[("text", text)]),
            Self::OutOfRange { text } => Msg::NumberOutOfRange.fill(lang, &[("text", text)]),
            Self::UnexpectedPercent { text } => {
                Msg::NumberUnexpectedPercent.fill(lang, &[("text", text)])
            }
            Self::SpreadsheetError { text } => {
                Msg::NumberSpreadsheetError.fill(lang, &[("text", text)])
            }
            Self::Expression(e) => {
                Msg::NumberExpression.fill(lang, &[("reason", &e.message(lang))])
            }
        }
    }

    /// The reason alone in `lang`, without quoting the cell (for messages that
    /// already quote it, such as [`crate::read::CellError`]).
    pub fn reason_in(&self, lang: crate::money::Lang) -> String {
        match self {
            Self::Unreadable { .. } => Msg::ReasonUnreadable.text(lang).into(),
            Self::SeveralDecimalSeparators { .. } => {
                Msg::ReasonSeveralDecimalSeparators.text(lang).into()
            }
            Self::BadGrouping { .. } => Msg::ReasonBadGrouping.text(lang).into(),
            Self::OutOfRange { .. } => Msg::ReasonOutOfRange.text(lang).into(),
            Self::UnexpectedPercent { .. } => Msg::ReasonUnexpectedPercent.text(lang).into(),
            Self::SpreadsheetError { .. } => Msg::ReasonSpreadsheetError.text(lang).into(),
            Self::Expression(e) => {
                Msg::NumberExpression.fill(lang, &[("reason", &e.message(lang))])
            }
        }
    }

    /// The reason alone, in French.
    pub fn reason(&self) -> String {
        self.reason_in(crate::money::Lang::Fr)
    }
}

french_display!(NumberError);

impl From<ExprError> for NumberError {
    fn from(e: ExprError) -> Self {
        Self::Expression(e)
    }
}

/// Why a run of digits and separators is not a number (shared with [`crate::expr`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitsError {
    /// A character other than a digit, `.`, `,` or a blank, or no digit at all.
    Unreadable,
    SeveralDecimalSeparators,
    BadGrouping,
    OutOfRange,
}

impl DigitsError {
    fn into_number_error(self, text: &str) -> NumberError {
        let text = text.to_string();
        match self {
            Self::Unreadable => NumberError::Unreadable { text },
            Self::SeveralDecimalSeparators => NumberError::SeveralDecimalSeparators { text },
            Self::BadGrouping => NumberError::BadGrouping { text },
            Self::OutOfRange => NumberError::OutOfRange { text },
        }
    }
}

/// Whether `c` may separate thousands: a space, a no-break space (U+00A0), a
/// narrow no-break space (U+202F) or a thin space (U+2009).
#[inline]
pub(crate) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Reads an unsigned number made of digits, `.`, `,` and thousands blanks
/// (`93 507,00`, `1.000,50`, `1,000.50`, `0,5`), following the rules of the module
/// documentation. The result is exact, with the scale as written.
pub(crate) fn parse_digits(s: &str) -> Result<Decimal, DigitsError> {
    // One pass over the text: characters allowed, digits present, separators.
    let (mut dots, mut commas, mut any_digit, mut last_mark) = (0usize, 0usize, false, None);
    for c in s.chars() {
        match c {
            '0'..='9' => any_digit = true,
            '.' => {
                dots = dots.saturating_add(1);
                last_mark = Some('.');
            }
            ',' => {
                commas = commas.saturating_add(1);
                last_mark = Some(',');
            }
            c if is_group_space(c) => {}
            _ => return Err(DigitsError::Unreadable),
        }
    }
    if !any_digit {
        return Err(DigitsError::Unreadable);
    }
    // Which character is the decimal separator, if any.
    let decimal: Option<char> = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,   // 1.000.000: dots are thousands
        (0, _) if commas > 1 => None, // 1,000,000: commas are thousands
        (1, 0) => {
            if single_dot_is_thousands(s) {
                None
            } else {
                Some('.')
            }
        }
        (0, 1) => Some(','),
        _ => {
            // Both: the last one is the decimal separator and must be unique.
            let last = last_mark.unwrap_or(',');
            let count = if last == '.' { dots } else { commas };
            if count > 1 {
                return Err(DigitsError::SeveralDecimalSeparators);
            }
            Some(last)
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(sep) => match s.split_once(sep) {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        },
        None => (s, None),
    };
    let mut digits = Digits::default();
    group_digits(
        int_part,
        dots.saturating_add(commas) > 1 && decimal.is_none(),
        &mut digits,
    )?;
    let mut scale = 0u32;
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(if frac.contains(['.', ',']) {
                DigitsError::SeveralDecimalSeparators
            } else {
                DigitsError::BadGrouping
            });
        }
        digits.push_all(frac);
        scale = u32::try_from(frac.len()).map_err(|_| DigitsError::OutOfRange)?;
    }
    if !digits.any {
        return Err(DigitsError::Unreadable);
    }
    // 28 digits always fit in the 96-bit mantissa; 29 may or may not.
    if digits.significant > 29 || scale > Decimal::MAX_SCALE {
        return Err(DigitsError::OutOfRange);
    }
    Decimal::try_from_i128_with_scale(digits.mantissa(), scale).map_err(|_| DigitsError::OutOfRange)
}

/// The digits of a number, read one after the other into an integer (no
/// allocation: this runs for every cell of a pasted table).
#[derive(Default)]
struct Digits {
    /// The number the first 18 significant digits make (below 10¹⁸: fits).
    small: u64,
    /// The number all of them make, once there are more than 18, while there
    /// are at most 29 (below 10²⁹, far from the 10³⁸ of an `i128`).
    large: i128,
    /// Digits after the leading zeros.
    significant: usize,
    /// Whether there was any digit at all.
    any: bool,
}

impl Digits {
    #[inline]
    fn push(&mut self, digit: u8) {
        self.any = true;
        if self.significant == 0 && digit == 0 {
            return;
        }
        self.significant = self.significant.saturating_add(1);
        if self.significant <= 18 {
            // 64-bit arithmetic, cheaper, for every amount a budget holds.
            self.small = self.small.wrapping_mul(10).wrapping_add(u64::from(digit));
        } else if self.significant <= 29 {
            if self.significant == 19 {
                self.large = i128::from(self.small);
            }
            self.large = self
                .large
                .saturating_mul(10)
                .saturating_add(i128::from(digit));
        }
    }

    /// The number the digits make (the first 29 significant ones).
    fn mantissa(&self) -> i128 {
        if self.significant <= 18 {
            i128::from(self.small)
        } else {
            self.large
        }
    }

    /// Pushes every ASCII digit of `text`.
    #[inline]
    fn push_all(&mut self, text: &str) {
        for b in text.bytes() {
            if b.is_ascii_digit() {
                self.push(b.wrapping_sub(b'0'));
            }
        }
    }
}

/// The single-dot rule: `1.000` and `12.345` are thousands, `0.125`, `1.5` and
/// `1234.567` are decimals.
fn single_dot_is_thousands(s: &str) -> bool {
    match s.split_once('.') {
        Some((int, frac)) => {
            (1..=3).contains(&int.len())
                && int.chars().all(|c| c.is_ascii_digit())
                && !int.starts_with('0')
                && frac.len() == 3
                && frac.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// Checks the thousands grouping of an integer part and pushes its digits.
///
/// Groups may be cut by blanks (a run of blanks counts as one), or by `.` / `,`
/// when these are the thousands separator; not by both kinds at once. The first
/// group has one to three digits, every other exactly three.
/// `repeated_separator` says the integer part is made only of repeated dots or
/// commas (`1,5,3`), whose bad grouping is reported as several decimal separators.
fn group_digits(
    int_part: &str,
    repeated_separator: bool,
    digits: &mut Digits,
) -> Result<(), DigitsError> {
    let has_space = int_part.chars().any(is_group_space);
    let has_mark = int_part.contains(['.', ',']);
    if has_space && has_mark {
        return Err(DigitsError::BadGrouping);
    }
    let groups = int_part
        .split(|c: char| is_group_space(c) || c == '.' || c == ',')
        .filter(|g| !(has_space && g.is_empty()));
    let mut count = 0usize;
    let mut first_len = 0usize;
    let mut others_bad = false;
    for group in groups {
        if count == 0 {
            first_len = group.len();
        } else if group.len() != 3 {
            others_bad = true;
        }
        count = count.saturating_add(1);
        digits.push_all(group);
    }
    if count > 1 && (others_bad || !(1..=3).contains(&first_len)) {
        return Err(if repeated_separator {
            DigitsError::SeveralDecimalSeparators
        } else {
            DigitsError::BadGrouping
        });
    }
    Ok(())
}

/// `ratio / 100`, exactly when the scale allows it (a percentage to a ratio).
pub(crate) fn percent_to_ratio(value: Decimal) -> Option<Decimal> {
    let scale = value.scale().checked_add(2)?;
    if scale <= Decimal::MAX_SCALE {
        let mut ratio = value;
        ratio.set_scale(scale).ok()?;
        Some(ratio)
    } else {
        value.checked_div(Decimal::ONE_HUNDRED)
    }
}

/// `-value`, without ever producing a negative zero.
pub(crate) fn negate(value: Decimal) -> Option<Decimal> {
    Decimal::ZERO.checked_sub(value)
}

/// Blanks and invisible characters a copy may leave around a cell.
#[inline]
fn is_padding(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
}

/// Marks meaning "not available", compared case-insensitively.
const NOT_AVAILABLE: [&str; 9] = [
    "n/a", "na", "n.a.", "nd", "n.d.", "n/d", "nc", "n.c.", "#n/a",
];

/// Currency written after an amount, compared case-insensitively.
const CURRENCY_SUFFIXES: [&str; 4] = ["€", "euros", "euro", "eur"];

/// `s` without a trailing currency mark, if it has one.
fn strip_currency_suffix(s: &str) -> Option<&str> {
    CURRENCY_SUFFIXES.iter().find_map(|suffix| {
        let cut = s.len().checked_sub(suffix.len())?;
        let tail = s.get(cut..)?;
        if tail.eq_ignore_ascii_case(suffix) {
            s.get(..cut)
        } else {
            None
        }
    })
}

/// `s` without the unit written after the number (`€`, `EUR`, `%`), noting which
/// one it was; only one unit is taken off.
fn strip_unit<'a>(s: &'a str, percent: &mut bool, currency: &mut bool) -> &'a str {
    if *percent || *currency {
        return s;
    }
    if let Some(r) = strip_currency_suffix(s) {
        *currency = true;
        return r.trim_matches(is_padding);
    }
    if let Some(r) = s.strip_suffix('%') {
        *percent = true;
        return r.trim_matches(is_padding);
    }
    s
}

/// Reads one cell.
///
/// Returns [`CellValue::Empty`] for an empty cell, [`CellValue::NotAvailable`] for
/// `n/a`-like marks, [`CellValue::Percent`] for `216%`, and [`CellValue::Amount`]
/// otherwise (with the formula kept for cells starting with `=`). See the module
/// documentation for the accepted forms.
///
/// ```
/// use budget_core::number::{parse_cell, CellValue};
/// use rust_decimal::Decimal;
/// // 93 507,00 € with a narrow no-break space (U+202F) as thousands separator.
/// assert_eq!(
///     parse_cell("93\u{202F}507,00\u{A0}€"),
///     Ok(CellValue::Amount { value: Decimal::new(93_507_00, 2), formula: None })
/// );
/// // 216 % = 2.16
/// assert_eq!(parse_cell("216%"), Ok(CellValue::Percent(Decimal::new(216, 2))));
/// ```
pub fn parse_cell(text: &str) -> Result<CellValue, NumberError> {
    let cell = trim_padding(text);
    if cell.is_empty() {
        return Ok(CellValue::Empty);
    }
    if let Some(value) = plain_amount(cell) {
        return Ok(CellValue::Amount {
            value,
            formula: None,
        });
    }
    parse_trimmed_cell(cell)
}

/// `text` without padding at either end ([`is_padding`]), looking at the
/// characters only when an end is not a visible ASCII character.
#[inline]
fn trim_padding(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = text.as_bytes();
    // An end that is not ASCII may still be no padding (`€`): one character
    // looked at rather than a search.
    let solid = |c: Option<char>| c.is_some_and(|c| !is_padding(c));
    let text = if visible(bytes.first()) || solid(text.chars().next()) {
        text
    } else {
        text.trim_start_matches(is_padding)
    };
    if visible(text.as_bytes().last()) || solid(text.chars().next_back()) {
        text
    } else {
        text.trim_end_matches(is_padding)
    }
}

/// The amount of the most common cells, read in one pass over the bytes, or
/// `None` to let [`parse_trimmed_cell`] read the cell: an optional `-` right
/// before the digits; digits, either all together or in groups of three after
/// a first group of one to three, each group after a single blank (space,
/// U+00A0, U+202F, U+2009); an optional decimal comma followed by digits; an
/// optional `€`, after blanks or not. `93 507,00 €`, `93507`, `-12,5`, `0,00`.
/// Such cells are read by the general rules too, to the same value and scale
/// (a unit test checks that); this only spares the general rules' several
/// passes for the thousands of cells of a large paste.
fn plain_amount(cell: &str) -> Option<Decimal> {
    let bytes = cell.as_bytes();
    let mut i = 0usize;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        i = 1;
    }
    let mut digits = Digits::default();
    // The blank at `i`, if any, and its length in bytes.
    let blank_at = |i: usize| -> Option<usize> {
        match bytes.get(i..)? {
            [b' ', ..] => Some(1),
            [0xC2, 0xA0, ..] => Some(2),
            [0xE2, 0x80, 0xAF | 0x89, ..] => Some(3),
            _ => None,
        }
    };
    let run_of_digits = |from: usize| -> usize {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let first = run_of_digits(i);
    if first == 0 {
        return None;
    }
    digits.push_all(cell.get(i..i + first)?);
    i += first;
    let mut grouped = false;
    // Groups of three digits, each after one blank.
    while let Some(blank) = blank_at(i) {
        let n = run_of_digits(i + blank);
        if n == 0 {
            break; // a blank before the `€`
        }
        if n != 3 {
            return None;
        }
        digits.push_all(cell.get(i + blank..i + blank + 3)?);
        i += blank + 3;
        grouped = true;
    }
    if grouped && first > 3 {
        return None;
    }
    let mut scale = 0u32;
    if bytes.get(i) == Some(&b',') {
        let n = run_of_digits(i + 1);
        if n == 0 {
            return None;
        }
        digits.push_all(cell.get(i + 1..i + 1 + n)?);
        scale = u32::try_from(n).ok()?;
        i += 1 + n;
    }
    // Blanks, then `€` at the very end; or nothing.
    while let Some(blank) = blank_at(i) {
        i += blank;
    }
    match bytes.get(i..)? {
        [] => {}
        [0xE2, 0x82, 0xAC] => {}
        _ => return None,
    }
    if digits.significant > 29 || scale > Decimal::MAX_SCALE {
        return None;
    }
    let magnitude = Decimal::try_from_i128_with_scale(digits.mantissa(), scale).ok()?;
    if negative {
        negate(magnitude)
    } else {
        Some(magnitude)
    }
}

/// [`parse_cell`] of a cell already trimmed and not empty, by the general
/// rules.
fn parse_trimmed_cell(cell: &str) -> Result<CellValue, NumberError> {
    if cell.starts_with('=') {
        let value = expr::eval(cell)?;
        return Ok(CellValue::Amount {
            value,
            formula: Some(cell.to_string()),
        });
    }
    // The marks are 4 bytes long at most.
    if cell.len() <= 4
        && NOT_AVAILABLE
            .iter()
            .any(|mark| cell.eq_ignore_ascii_case(mark))
    {
        return Ok(CellValue::NotAvailable);
    }
    if cell.starts_with('#') {
        return Err(NumberError::SpreadsheetError {
            text: cell.to_string(),
        });
    }
    let unreadable = || NumberError::Unreadable {
        text: cell.to_string(),
    };

    let mut percent = false;
    let mut currency = false;
    let mut negative = false;
    let mut parenthesised = false;

    let mut rest = strip_unit(cell, &mut percent, &mut currency);
    // Accounting negatives: `(1 234,00 €)`.
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        parenthesised = true;
        rest = strip_unit(inner.trim_matches(is_padding), &mut percent, &mut currency);
    }
    // A sign.
    if let Some(r) = rest.strip_prefix(['-', '\u{2212}', '\u{2013}']) {
        if negative {
            return Err(unreadable());
        }
        negative = true;
        rest = r.trim_start_matches(is_padding);
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r.trim_start_matches(is_padding);
    }
    // A currency sign before the number (`€1,234.50`, `−€12.50`).
    if !currency && !percent {
        if let Some(r) = rest.strip_prefix('€') {
            rest = r.trim_start_matches(is_padding);
        }
    }
    if rest.is_empty() {
        // `-` or `-  €`: the spreadsheet's zero.
        return if negative && !parenthesised && !percent {
            Ok(CellValue::Amount {
                value: Decimal::ZERO,
                formula: None,
            })
        } else {
            Err(unreadable())
        };
    }
    let magnitude = parse_digits(rest).map_err(|e| e.into_number_error(cell))?;
    let value = if negative {
        negate(magnitude).ok_or_else(unreadable)?
    } else {
        magnitude
    };
    if percent {
        let ratio = percent_to_ratio(value).ok_or(NumberError::OutOfRange {
            text: cell.to_string(),
        })?;
        Ok(CellValue::Percent(ratio))
    } else {
        Ok(CellValue::Amount {
            value,
            formula: None,
        })
    }
}

/// Reads a cell that should hold an amount: `None` when it is empty or marked
/// not available, an error when it holds a percentage or cannot be read.
pub fn parse_amount(text: &str) -> Result<Option<Decimal>, NumberError> {
    match parse_cell(text)? {
        CellValue::Empty | CellValue::NotAvailable => Ok(None),
        CellValue::Amount { value, .. } => Ok(Some(value)),
        CellValue::Percent(_) => Err(NumberError::UnexpectedPercent {
            text: text.trim_matches(is_padding).to_string(),
        }),
    }
}

/// Reads a maximum share (the State's, for the co-financing rule) as a
/// fraction from 0 to 1, the one reader of this value for the widget and the
/// command line: `50 %`, `50` and `0,5` all mean one half. A number above 1
/// is a percentage (`62,5` → 0,625); a number from 0 to 1 is already a
/// fraction (`0,5`), so `1` is 100 %. `None` when the text is not a share from
/// 0 to 100 %.
pub fn read_share(text: &str) -> Option<Decimal> {
    let ratio = match parse_cell(text).ok()? {
        CellValue::Percent(r) => r,
        CellValue::Amount { value, .. } if value > Decimal::ONE => percent_to_ratio(value)?,
        CellValue::Amount { value, .. } => value,
        CellValue::Empty | CellValue::NotAvailable => return None,
    };
    (Decimal::ZERO..=Decimal::ONE)
        .contains(&ratio)
        .then(|| ratio.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_share_reads_the_same_as_a_percentage_a_number_or_a_fraction() {
        for text in ["50 %", "50%", "50", "50,0", "0,5", "0.5", " 50 % "] {
            assert_eq!(read_share(text), Some(d("0.5")), "{text}");
        }
        assert_eq!(read_share("62,5"), Some(d("0.625")));
        assert_eq!(read_share("62,5 %"), Some(d("0.625")));
        assert_eq!(read_share("100"), Some(Decimal::ONE));
        assert_eq!(
            read_share("1"),
            Some(Decimal::ONE),
            "1 is a fraction: 100 %"
        );
        assert_eq!(read_share("0"), Some(Decimal::ZERO));
        for bad in ["", "n/a", "150", "-10", "abc", "120 %"] {
            assert_eq!(read_share(bad), None, "{bad}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn amount(text: &str) -> Decimal {
        match parse_cell(text) {
            Ok(CellValue::Amount {
                value,
                formula: None,
            }) => value,
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn reads_french_amounts_with_every_thousands_blank() {
        // 93 507,00 € = 93 × 1000 + 507 = 93507
        assert_eq!(amount("93 507,00 €"), d("93507"));
        assert_eq!(amount("93\u{A0}507,00\u{A0}€"), d("93507"));
        assert_eq!(amount("93\u{202F}507,00\u{A0}€"), d("93507"));
        assert_eq!(amount("93507"), d("93507"));
        assert_eq!(amount("93 507 €"), d("93507"));
        assert_eq!(amount("1 815 650,00 €"), d("1815650"));
        assert_eq!(amount("432\u{A0}803,59"), d("432803.59"));
        assert_eq!(amount("0,00"), Decimal::ZERO);
        assert_eq!(amount("  12,50 EUR "), d("12.5"));
        assert_eq!(amount("12,50eur"), d("12.5"));
    }

    #[test]
    fn keeps_the_scale_as_written() {
        assert_eq!(amount("93 507,00 €").to_string(), "93507.00");
    }

    #[test]
    fn tells_decimal_and_thousands_separators_apart() {
        assert_eq!(amount("1.000,50"), d("1000.50"));
        assert_eq!(amount("1,000.50"), d("1000.50"));
        assert_eq!(amount("1.000.000,25"), d("1000000.25"));
        assert_eq!(amount("1,000,000"), d("1000000"));
        assert_eq!(amount("1.5"), d("1.5"));
        assert_eq!(amount("0,5"), d("0.5"));
        assert_eq!(amount(",5"), d("0.5"));
        // The single-dot rule: one to three digits, a dot, exactly three digits.
        assert_eq!(amount("1.000"), d("1000"));
        assert_eq!(amount("12.345"), d("12345"));
        assert_eq!(amount("0.125"), d("0.125"));
        assert_eq!(amount("1234.567"), d("1234.567"));
        assert_eq!(amount("93 507.5"), d("93507.5"));
        // A single comma is always decimal.
        assert_eq!(amount("1,000"), d("1"));
    }

    #[test]
    fn reads_signs_and_zero_marks() {
        assert_eq!(amount("-  €"), Decimal::ZERO);
        assert_eq!(amount("-"), Decimal::ZERO);
        assert_eq!(amount("\u{2212}"), Decimal::ZERO);
        assert_eq!(amount("-20 000,00 €"), d("-20000"));
        assert_eq!(amount("\u{2212}20\u{202F}000,00\u{A0}€"), d("-20000"));
        assert_eq!(amount("(1 234,00 €)"), d("-1234"));
        assert_eq!(amount("(1 234,00) €"), d("-1234"));
        assert_eq!(amount("+12"), d("12"));
        assert_eq!(amount("€1,234.50"), d("1234.50"));
        assert_eq!(amount("\u{2212}€12.50"), d("-12.5"));
        // Negating zero gives a plain zero, not −0.
        assert_eq!(amount("-0,00").to_string(), "0.00");
    }

    #[test]
    fn reads_percentages_as_ratios() {
        assert_eq!(parse_cell("216%"), Ok(CellValue::Percent(d("2.16"))));
        // 12,07 % = 12.07 / 100 = 0.1207
        assert_eq!(
            parse_cell("12,07\u{A0}%"),
            Ok(CellValue::Percent(d("0.1207")))
        );
        assert_eq!(parse_cell("-5 %"), Ok(CellValue::Percent(d("-0.05"))));
        assert_eq!(
            parse_amount("216%"),
            Err(NumberError::UnexpectedPercent {
                text: "216%".into()
            })
        );
    }

    #[test]
    fn reads_empty_and_not_available() {
        assert_eq!(parse_cell(""), Ok(CellValue::Empty));
        assert_eq!(parse_cell(" \t\u{A0}"), Ok(CellValue::Empty));
        for mark in ["n/a", "N/A", "ND", "nd", "n.d.", "NC", "#N/A"] {
            assert_eq!(parse_cell(mark), Ok(CellValue::NotAvailable), "{mark}");
        }
        assert_eq!(parse_amount("n/a"), Ok(None));
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("12"), Ok(Some(d("12"))));
    }

    #[test]
    fn evaluates_formulas_and_keeps_them() {
        // 534,82 × 12 = 6 417,84
        assert_eq!(
            parse_cell(" =534,82*12 "),
            Ok(CellValue::Amount {
                value: d("6417.84"),
                formula: Some("=534,82*12".into())
            })
        );
        assert!(matches!(
            parse_cell("=1/0"),
            Err(NumberError::Expression(_))
        ));
    }

    #[test]
    fn rejects_what_it_cannot_read_exactly() {
        let unreadable = |t: &str| NumberError::Unreadable { text: t.into() };
        assert_eq!(parse_cell("12,5O"), Err(unreadable("12,5O")));
        assert_eq!(
            parse_cell("12,5O").unwrap_err().to_string(),
            "« 12,5O » n'est pas un montant lisible"
        );
        assert_eq!(parse_cell("12 k€"), Err(unreadable("12 k€")));
        assert_eq!(parse_cell("1e5"), Err(unreadable("1e5")));
        assert_eq!(parse_cell("€"), Err(unreadable("€")));
        assert_eq!(parse_cell("--5"), Err(unreadable("--5")));
        assert_eq!(parse_cell("(-5)"), Err(unreadable("(-5)")));
        assert_eq!(parse_cell("()"), Err(unreadable("()")));
        assert_eq!(parse_cell("%"), Err(unreadable("%")));
        assert_eq!(parse_cell("12 € %"), Err(unreadable("12 € %")));
        assert_eq!(
            parse_cell("1,5,3"),
            Err(NumberError::SeveralDecimalSeparators {
                text: "1,5,3".into()
            })
        );
        assert_eq!(
            parse_cell("1.2.3"),
            Err(NumberError::SeveralDecimalSeparators {
                text: "1.2.3".into()
            })
        );
        assert_eq!(
            parse_cell("1,000.5.0"),
            Err(NumberError::SeveralDecimalSeparators {
                text: "1,000.5.0".into()
            })
        );
        assert_eq!(
            parse_cell("12 34"),
            Err(NumberError::BadGrouping {
                text: "12 34".into()
            })
        );
        assert_eq!(
            parse_cell("1 000.000,5"),
            Err(NumberError::BadGrouping {
                text: "1 000.000,5".into()
            })
        );
        assert_eq!(
            parse_cell("12,"),
            Err(NumberError::BadGrouping { text: "12,".into() })
        );
        assert_eq!(
            parse_cell("#DIV/0!"),
            Err(NumberError::SpreadsheetError {
                text: "#DIV/0!".into()
            })
        );
    }

    #[test]
    fn refuses_more_digits_than_a_decimal_holds() {
        // 30 digits: beyond the 96-bit mantissa.
        let big = "123456789012345678901234567890";
        assert_eq!(
            parse_cell(big),
            Err(NumberError::OutOfRange { text: big.into() })
        );
        // 29 decimal places: beyond the maximum scale of 28.
        let fine = "0,00000000000000000000000000001";
        assert_eq!(
            parse_cell(fine),
            Err(NumberError::OutOfRange { text: fine.into() })
        );
        // 28 nines fit exactly.
        let nines = "9999999999999999999999999999";
        assert_eq!(amount(nines), d(nines));
    }

    proptest::proptest! {
        /// The fast path reads what the general rules read, to the same value
        /// and scale, and nothing they refuse.
        #[test]
        fn plain_amounts_read_as_the_general_rules_read_them(
            cell in proptest::prop_oneof![
                "-?[0-9 \u{A0}\u{202F}\u{2009},.€a%()+-]{1,18}",
                "-?[0-9]{1,4}([ \u{A0}\u{202F}\u{2009}]{1,2}[0-9]{2,4}){0,3}(,[0-9]{0,3})?[ \u{A0}]{0,2}€?",
                "-?[0-9]{25,31}(,[0-9]{0,30})?",
            ]
        ) {
            let cell = cell.trim_matches(is_padding);
            if let Some(fast) = plain_amount(cell) {
                match parse_trimmed_cell(cell) {
                    Ok(CellValue::Amount { value, formula: None }) => {
                        proptest::prop_assert_eq!(value, fast);
                        proptest::prop_assert_eq!(value.scale(), fast.scale());
                        proptest::prop_assert_eq!(value.is_sign_negative(), fast.is_sign_negative());
                    }
                    other => proptest::prop_assert!(false, "{cell:?}: fast {fast}, general {other:?}"),
                }
            }
        }
    }

    proptest::proptest! {
        /// The quick trim takes off the padding every trim would.
        #[test]
        fn trim_padding_is_trim_matches(
            text in "[ \t\u{A0}\u{202F}\u{FEFF}\u{200B}a€é1%]{0,6}"
        ) {
            proptest::prop_assert_eq!(trim_padding(&text), text.trim_matches(is_padding));
        }
    }

    #[test]
    fn the_fast_path_takes_the_common_cells() {
        for (cell, expected) in [
            ("93\u{202F}507,00\u{A0}€", "93507.00"),
            ("93 507 €", "93507"),
            ("93507", "93507"),
            ("-12,5", "-12.5"),
            ("0,00", "0.00"),
            ("1\u{A0}815\u{A0}650,00€", "1815650.00"),
        ] {
            let value = plain_amount(cell).unwrap();
            assert_eq!(value.to_string(), expected, "{cell:?}");
        }
        // Left to the general rules: dots, signs after blanks, bad groups, units.
        for cell in [
            "1.000",
            "- 12",
            "12 34",
            "1234 567",
            "12,",
            "216%",
            "(5)",
            "+5",
            "12 EUR",
            "-0,00 €x",
        ] {
            assert_eq!(plain_amount(cell), None, "{cell:?}");
        }
        // Negating zero gives a plain zero here too.
        assert!(!plain_amount("-0,00").unwrap().is_sign_negative());
    }

    #[test]
    fn reason_does_not_repeat_the_cell() {
        let e = parse_cell("12,5O").unwrap_err();
        assert_eq!(e.reason(), "montant illisible");
    }

    #[test]
    fn reasons_are_given_in_english_too() {
        use crate::money::Lang;
        let unreadable = parse_cell("12,5O").unwrap_err();
        assert_eq!(
            unreadable.message(Lang::En),
            "“12,5O” is not a readable amount"
        );
        assert_eq!(unreadable.reason_in(Lang::En), "unreadable amount");
        assert_eq!(unreadable.reason_in(Lang::Fr), "montant illisible");
        // "=2+": the calculation ends where a number is expected, after
        // character 3, so at character 4.
        let cut = parse_cell("=2+").unwrap_err();
        assert_eq!(
            cut.message(Lang::En),
            "calculation impossible: the calculation stops before its end (a number is expected) (character 4)"
        );
        assert_eq!(
            cut.message(Lang::Fr),
            "calcul impossible : le calcul s'arrête avant la fin (nombre attendu) (caractère 4)"
        );
        let zero = crate::CalcError::DivisionByZero {
            what: crate::messages::FigureName::Rate,
        };
        assert_eq!(zero.message(Lang::En), "division by zero: rate");
        assert_eq!(zero.to_string(), "division par zéro : taux");
    }
}
