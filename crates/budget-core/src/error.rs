//! Errors of the calculations. Reading errors (a cell that cannot be read) live in
//! [`crate::read`] and carry their row and column.

use crate::messages::FigureName;
use crate::messages::{french_display, Msg};
use crate::Lang;

/// A calculation that cannot be carried out exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalcError {
    /// The result does not fit in a decimal (about 7.9 × 10²⁸).
    Overflow { what: FigureName },
    /// A division whose divisor is zero (a rate of an action with nothing planned).
    DivisionByZero { what: FigureName },
}

impl CalcError {
    /// The error in `lang` (the French one is `Display`). `what` names the
    /// figure, in the same language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Overflow { what } => Msg::CalcOverflow.fill(lang, &[("what", &what.text(lang))]),
            Self::DivisionByZero { what } => {
                Msg::CalcDivisionByZero.fill(lang, &[("what", &what.text(lang))])
            }
        }
    }
}

french_display!(CalcError);

/// Result of a calculation.
pub type CalcResult<T> = Result<T, CalcError>;
