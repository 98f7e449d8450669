//! The text of a report: action blocks (« Fiche action n°5 »), each with
//! lines « libellé : montant » and sentences holding amounts.

use super::*;

/// Reads the text of a report; `None` when it holds no figure of a report.
pub fn read_report(_text: &str, _options: &ReadOptions) -> Option<Reading> {
    None
}
