//! Tables that lost their columns: the text of a PDF table, whose cells the
//! PDF-to-text step turned into runs of spaces.

/// The cells of `text` when its lines are a table whose columns are aligned
/// with runs of spaces; `None` when they are not.
pub(super) fn aligned_grid(_text: &str) -> Option<Vec<Vec<String>>> {
    None
}
