//! Errors of the calculations. Reading errors (a cell that cannot be read) live in
//! [`crate::read`] and carry their row and column.

use thiserror::Error;

/// A calculation that cannot be carried out exactly.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CalcError {
    /// The result does not fit in a decimal (about 7.9 × 10²⁸).
    #[error("dépassement de capacité : {what}")]
    Overflow { what: &'static str },
    /// A division whose divisor is zero (a rate of an action with nothing planned).
    #[error("division par zéro : {what}")]
    DivisionByZero { what: &'static str },
}

impl CalcError {
    /// The error in `lang` (the French one is `Display`). `what` names the
    /// figure, in French: it is quoted as is.
    pub fn message(&self, lang: crate::money::Lang) -> String {
        match (self, lang) {
            (_, crate::money::Lang::Fr) => self.to_string(),
            (Self::Overflow { what }, _) => format!("overflow: {what}"),
            (Self::DivisionByZero { what }, _) => format!("division by zero: {what}"),
        }
    }
}

/// Result of a calculation.
pub type CalcResult<T> = Result<T, CalcError>;
