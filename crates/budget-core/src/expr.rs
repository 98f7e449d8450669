//! Calculations typed in a cell: `=534,82*12`, `=45 500/2`, `=10 %*250 000`.
//!
//! [`eval`] evaluates `+ - * /`, unary minus, parentheses and percentages (`10 %` is
//! 0.10) on exact decimals. Numbers are written as in a cell (see
//! [`crate::number`]): French or English, with thousands blanks; a `,` is a
//! decimal comma, since there are no function calls whose arguments it could
//! separate. `×` and `÷` are accepted for `*` and `/`, `−` (U+2212) for `-`, and a
//! `€` is ignored.
//!
//! Results are exact: no rounding beyond the 28 significant digits of a decimal
//! (`=1/3` is 0.3333333333333333333333333333). Division by zero, overflow and
//! nesting deeper than [`MAX_DEPTH`] are errors, never panics.
//!
//! Grammar:
//!
//! ```text
//! expression = term { ("+" | "-") term }
//! term       = unary { ("*" | "/") unary }
//! unary      = ("+" | "-") unary | postfix
//! postfix    = primary { "%" }
//! primary    = number | "(" expression ")"
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::messages::{french_display, Msg};
use crate::Lang;

use crate::number::{is_group_space, negate, parse_digits, percent_to_ratio};

/// How deeply parentheses and unary signs may nest.
pub const MAX_DEPTH: usize = 64;

/// A calculation that cannot be read or carried out, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExprError {
    /// 1-based position, in characters, in the text given to [`eval`] (the `=`
    /// included). An error at the end points just past the last character.
    pub position: usize,
    /// What is wrong.
    pub kind: ExprErrorKind,
}

/// Why a calculation fails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "detail")]
pub enum ExprErrorKind {
    /// Nothing to compute (`=` alone).
    Empty,
    /// A character that has no place here (`=12a`, `=*2`).
    UnexpectedChar(char),
    /// The calculation stops where a number or `(` is expected (`=2+`).
    UnexpectedEnd,
    /// An opening parenthesis never closed; the position is the `(`'s.
    MissingClosingParen,
    /// A closing parenthesis with no opening one.
    UnmatchedClosingParen,
    /// A number that cannot be read (`12 34`, `1,5,3`).
    BadNumber(String),
    /// A division whose divisor is zero; the position is the `/`'s.
    DivisionByZero,
    /// A result beyond the range of a decimal; the position is the operator's.
    Overflow,
    /// More than [`MAX_DEPTH`] nested parentheses or signs.
    TooDeep,
}

impl ExprError {
    /// The error in `lang`, with its position (the French one is `Display`).
    pub fn message(&self, lang: Lang) -> String {
        Msg::ExprAt.fill(
            lang,
            &[
                ("kind", &self.kind.message(lang)),
                ("position", &self.position),
            ],
        )
    }
}

impl ExprErrorKind {
    /// What is wrong, in `lang` (the French text is `Display`).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => Msg::ExprEmpty.text(lang).into(),
            Self::UnexpectedChar(c) => Msg::ExprUnexpectedChar.fill(lang, &[("char", c)]),
            Self::UnexpectedEnd => Msg::ExprUnexpectedEnd.text(lang).into(),
            Self::MissingClosingParen => Msg::ExprMissingClosingParen.text(lang).into(),
            Self::UnmatchedClosingParen => Msg::ExprUnmatchedClosingParen.text(lang).into(),
            Self::BadNumber(t) => Msg::ExprBadNumber.fill(lang, &[("text", t)]),
            Self::DivisionByZero => Msg::ExprDivisionByZero.text(lang).into(),
            Self::Overflow => Msg::ExprOverflow.text(lang).into(),
            Self::TooDeep => Msg::ExprTooDeep.fill(lang, &[("max", &MAX_DEPTH)]),
        }
    }
}

french_display!(ExprError, ExprErrorKind);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Num(Decimal),
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Open,
    Close,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    tok: Tok,
    /// 1-based character position.
    pos: usize,
    /// First character, to quote in errors.
    ch: char,
}

fn error(position: usize, kind: ExprErrorKind) -> ExprError {
    ExprError { position, kind }
}

/// Cuts the text into tokens. `start` is the index of the first character after
/// the leading `=`.
fn tokenize(chars: &[char], start: usize) -> Result<Vec<Token>, ExprError> {
    let mut tokens = Vec::new();
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        let pos = i + 1;
        let simple = match c {
            '+' => Some(Tok::Plus),
            '-' | '\u{2212}' | '\u{2013}' => Some(Tok::Minus),
            '*' | '×' => Some(Tok::Star),
            '/' | '÷' => Some(Tok::Slash),
            '%' => Some(Tok::Percent),
            '(' => Some(Tok::Open),
            ')' => Some(Tok::Close),
            _ => None,
        };
        if let Some(tok) = simple {
            tokens.push(Token { tok, pos, ch: c });
            i += 1;
        } else if c.is_whitespace() || c == '€' {
            i += 1;
        } else if c.is_ascii_digit() || c == '.' || c == ',' {
            // A number: digits and separators, and blanks between two digits.
            let begin = i;
            while let Some(&n) = chars.get(i) {
                let blank_between_digits = is_group_space(n)
                    && i > begin
                    && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if n.is_ascii_digit() || n == '.' || n == ',' || blank_between_digits {
                    i += 1;
                } else {
                    break;
                }
            }
            let text: String = chars.get(begin..i).unwrap_or_default().iter().collect();
            let value =
                parse_digits(&text).map_err(|_| error(pos, ExprErrorKind::BadNumber(text)))?;
            tokens.push(Token {
                tok: Tok::Num(value),
                pos,
                ch: c,
            });
        } else {
            return Err(error(pos, ExprErrorKind::UnexpectedChar(c)));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
    /// Position just past the end of the text.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.next).copied()
    }

    fn bump(&mut self) {
        self.next += 1;
    }

    fn expression(&mut self, depth: usize) -> Result<Decimal, ExprError> {
        let mut value = self.term(depth)?;
        while let Some(t) = self.peek() {
            let op = t.tok;
            if op != Tok::Plus && op != Tok::Minus {
                break;
            }
            self.bump();
            let rhs = self.term(depth)?;
            value = if op == Tok::Plus {
                value.checked_add(rhs)
            } else {
                value.checked_sub(rhs)
            }
            .ok_or(error(t.pos, ExprErrorKind::Overflow))?;
        }
        Ok(value)
    }

    fn term(&mut self, depth: usize) -> Result<Decimal, ExprError> {
        let mut value = self.unary(depth)?;
        while let Some(t) = self.peek() {
            let op = t.tok;
            if op != Tok::Star && op != Tok::Slash {
                break;
            }
            self.bump();
            let rhs = self.unary(depth)?;
            value = if op == Tok::Star {
                value
                    .checked_mul(rhs)
                    .ok_or(error(t.pos, ExprErrorKind::Overflow))?
            } else if rhs.is_zero() {
                return Err(error(t.pos, ExprErrorKind::DivisionByZero));
            } else {
                value
                    .checked_div(rhs)
                    .ok_or(error(t.pos, ExprErrorKind::Overflow))?
            };
        }
        Ok(value)
    }

    fn unary(&mut self, depth: usize) -> Result<Decimal, ExprError> {
        match self.peek() {
            Some(t) if t.tok == Tok::Minus || t.tok == Tok::Plus => {
                let depth = deeper(depth, t.pos)?;
                self.bump();
                let value = self.unary(depth)?;
                if t.tok == Tok::Minus {
                    negate(value).ok_or(error(t.pos, ExprErrorKind::Overflow))
                } else {
                    Ok(value)
                }
            }
            _ => self.postfix(depth),
        }
    }

    fn postfix(&mut self, depth: usize) -> Result<Decimal, ExprError> {
        let mut value = self.primary(depth)?;
        while let Some(t) = self.peek().filter(|t| t.tok == Tok::Percent) {
            self.bump();
            value = percent_to_ratio(value).ok_or(error(t.pos, ExprErrorKind::Overflow))?;
        }
        Ok(value)
    }

    fn primary(&mut self, depth: usize) -> Result<Decimal, ExprError> {
        let Some(t) = self.peek() else {
            return Err(error(self.end, ExprErrorKind::UnexpectedEnd));
        };
        match t.tok {
            Tok::Num(value) => {
                self.bump();
                Ok(value)
            }
            Tok::Open => {
                let depth = deeper(depth, t.pos)?;
                self.bump();
                let value = self.expression(depth)?;
                match self.peek() {
                    Some(close) if close.tok == Tok::Close => {
                        self.bump();
                        Ok(value)
                    }
                    Some(other) => Err(error(other.pos, ExprErrorKind::UnexpectedChar(other.ch))),
                    None => Err(error(t.pos, ExprErrorKind::MissingClosingParen)),
                }
            }
            Tok::Close => Err(error(t.pos, ExprErrorKind::UnmatchedClosingParen)),
            _ => Err(error(t.pos, ExprErrorKind::UnexpectedChar(t.ch))),
        }
    }
}

/// One more level of nesting, or [`ExprErrorKind::TooDeep`].
fn deeper(depth: usize, pos: usize) -> Result<usize, ExprError> {
    if depth >= MAX_DEPTH {
        Err(error(pos, ExprErrorKind::TooDeep))
    } else {
        Ok(depth + 1)
    }
}

/// Evaluates a calculation exactly. A leading `=` (after blanks) is optional.
///
/// ```
/// use budget_core::expr::eval;
/// use rust_decimal::Decimal;
/// // 534,82 € a month for 12 months: 6 417,84 €.
/// assert_eq!(eval("=534,82*12"), Ok(Decimal::new(6_417_84, 2)));
/// // 10 % of 250 000 = 25 000.
/// assert_eq!(eval("=10 %*250 000"), Ok(Decimal::new(25_000, 0)));
/// ```
pub fn eval(text: &str) -> Result<Decimal, ExprError> {
    let chars: Vec<char> = text.chars().collect();
    let first = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let start = if chars.get(first) == Some(&'=') {
        first + 1
    } else {
        first
    };
    let tokens = tokenize(&chars, start)?;
    let end = chars.len() + 1;
    if tokens.is_empty() {
        return Err(error(start.min(chars.len()) + 1, ExprErrorKind::Empty));
    }
    let mut parser = Parser {
        tokens,
        next: 0,
        end,
    };
    let value = parser.expression(0)?;
    match parser.peek() {
        None => Ok(value),
        Some(t) if t.tok == Tok::Close => Err(error(t.pos, ExprErrorKind::UnmatchedClosingParen)),
        Some(t) => Err(error(t.pos, ExprErrorKind::UnexpectedChar(t.ch))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn fails(text: &str, position: usize, kind: ExprErrorKind) {
        assert_eq!(eval(text), Err(ExprError { position, kind }), "{text:?}");
    }

    #[test]
    fn computes_the_examples_of_the_domain() {
        // 534,82 × 12 = 6 417,84 (Vienne, CDDI aid for a year)
        assert_eq!(eval("=534,82*12"), Ok(d("6417.84")));
        // 45 500 / 2 = 22 750
        assert_eq!(eval("=45 500/2"), Ok(d("22750")));
        // 10 % × 250 000 = 0.10 × 250 000 = 25 000
        assert_eq!(eval("=10 %*250 000"), Ok(d("25000")));
        // 1,5 × 3 = 4,5
        assert_eq!(eval("=1.5*3"), Ok(d("4.5")));
        assert_eq!(eval("=1,5*3"), Ok(d("4.5")));
        // (2 + 3) × 4 = 20
        assert_eq!(eval("=(2+3)*4"), Ok(d("20")));
    }

    #[test]
    fn follows_precedence_and_signs() {
        // 2 + 3 × 4 = 14, not 20
        assert_eq!(eval("=2+3*4"), Ok(d("14")));
        // 10 − 4 − 3 = 3 (left to right)
        assert_eq!(eval("=10-4-3"), Ok(d("3")));
        // 100 / 4 / 5 = 5
        assert_eq!(eval("=100/4/5"), Ok(d("5")));
        assert_eq!(eval("=-5+2"), Ok(d("-3")));
        assert_eq!(eval("=--5"), Ok(d("5")));
        assert_eq!(eval("=2*-3"), Ok(d("-6")));
        assert_eq!(eval("= 2 \u{2212} 3 × 2 ÷ 4"), Ok(d("0.5")));
        assert_eq!(eval("12 €*2"), Ok(d("24")));
        // 50 % of 50 % = 0.25
        assert_eq!(eval("=50%*50%"), Ok(d("0.25")));
        // 93 507 / 775 000 = 0.120654193548387096774193548387…, rounded to 28 decimals: …5484
        assert_eq!(
            eval("=93507/775000"),
            Ok(d("0.1206541935483870967741935484"))
        );
    }

    #[test]
    fn is_exact() {
        // 0,1 + 0,2 = 0,3 exactly (a binary float gives 0.30000000000000004).
        assert_eq!(eval("=0,1+0,2"), Ok(d("0.3")));
        assert_eq!(eval("=1/3"), Ok(d("0.3333333333333333333333333333")));
    }

    #[test]
    fn locates_errors() {
        fails("=", 2, ExprErrorKind::Empty);
        fails("", 1, ExprErrorKind::Empty);
        fails("=2+", 4, ExprErrorKind::UnexpectedEnd);
        fails("=12a", 4, ExprErrorKind::UnexpectedChar('a'));
        fails("=*2", 2, ExprErrorKind::UnexpectedChar('*'));
        fails("=(2+3", 2, ExprErrorKind::MissingClosingParen);
        fails("=2+3)", 5, ExprErrorKind::UnmatchedClosingParen);
        fails("=()", 3, ExprErrorKind::UnmatchedClosingParen);
        fails("=(2 3)", 3, ExprErrorKind::BadNumber("2 3".into()));
        fails("=(2)(3)", 5, ExprErrorKind::UnexpectedChar('('));
        fails("=1/0", 3, ExprErrorKind::DivisionByZero);
        fails("=1/(2-2)", 3, ExprErrorKind::DivisionByZero);
        fails("==1", 2, ExprErrorKind::UnexpectedChar('='));
        fails("=1,5,3", 2, ExprErrorKind::BadNumber("1,5,3".into()));
        let max = "79228162514264337593543950335";
        fails(&format!("={max}+1"), 31, ExprErrorKind::Overflow);
        fails(&format!("={max}*2"), 31, ExprErrorKind::Overflow);
    }

    #[test]
    fn message_is_french_and_located() {
        assert_eq!(
            eval("=1/0").unwrap_err().to_string(),
            "division par zéro (caractère 3)"
        );
    }

    #[test]
    fn bounds_nesting() {
        let ok = format!("={}1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(eval(&ok), Ok(d("1")));
        let deep = format!(
            "={}1{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        fails(&deep, MAX_DEPTH + 2, ExprErrorKind::TooDeep);
        let signs = format!("={}1", "-".repeat(10_000));
        fails(&signs, MAX_DEPTH + 2, ExprErrorKind::TooDeep);
    }
}
