//! Cutting pasted text into rows and cells (tabs, `;` or `,` CSV, quoted
//! cells, CRLF, blank lines kept so that row numbers are the spreadsheet's).

use super::*;

/// One row of the source table.
#[derive(Debug)]
pub(super) struct Row<'a> {
    /// 1-based spreadsheet row.
    pub(super) number: usize,
    pub(super) cells: &'a [&'a str],
}

/// Every cell of a table in one list, row after row, and the number of cells
/// of each row: one allocation for the whole table rather than one per cell
/// and per row.
pub(super) struct Cells<'t> {
    /// Every cell, first row first.
    pub(super) cells: Vec<&'t str>,
    /// How many cells each row has (0 for a blank line).
    pub(super) widths: Vec<usize>,
}

impl<'t> Cells<'t> {
    pub(super) fn of_grid(rows: &'t [Vec<String>]) -> Self {
        Self {
            cells: rows.iter().flatten().map(String::as_str).collect(),
            widths: rows.iter().map(Vec::len).collect(),
        }
    }

    /// The rows, numbered from 1.
    pub(super) fn rows(&self) -> Vec<Row<'_>> {
        let mut rows = Vec::with_capacity(self.widths.len());
        let mut at = 0usize;
        for (i, &width) in self.widths.iter().enumerate() {
            let end = at.saturating_add(width);
            rows.push(Row {
                number: i.saturating_add(1),
                cells: self.cells.get(at..end).unwrap_or_default(),
            });
            at = end;
        }
        rows
    }

    /// The rows as owned text, `grid[i]` being row `i + 1`.
    pub(super) fn to_grid(&self) -> Vec<Vec<String>> {
        self.rows()
            .iter()
            .map(|r| r.cells.iter().map(|c| (*c).to_string()).collect())
            .collect()
    }
}

impl Row<'_> {
    #[inline]
    pub(super) fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| trim(c))
    }

    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| trim(c).is_empty())
    }

    /// A cell holding text (a number label, a title, a group…): trimmed, without
    /// the apostrophe that protects it from being taken for a formula.
    #[inline]
    pub(super) fn text(&self, column: usize) -> &str {
        unprotect(self.cell(column))
    }
}

/// `text` (trimmed) without the apostrophe put before a text cell so that a
/// spreadsheet does not take it for a formula (`'=Total`, `'-5 ans`, written by
/// [`crate::export`] and by careful users): the apostrophe is dropped when the
/// next character is one that starts a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return). Only text cells are unprotected; a figure cell `'-5` stays
/// unreadable, as a spreadsheet would hold it as text.
pub(super) fn unprotect(text: &str) -> &str {
    let text = trim(text);
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.trim(),
        _ => text,
    }
}

/// [`str::trim`], looking at the characters only when an end is not a visible
/// ASCII character (most cells: this runs several times for every cell).
#[inline]
pub(super) fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        return text;
    }
    // `93 507,00 €` ends with a character that is not ASCII but not a blank
    // either: nothing to trim at that end.
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if solid(text.chars().next()) && solid(text.chars().next_back()) {
        text
    } else {
        text.trim()
    }
}

/// The delimiter: a tab if there is one outside quoted cells, else `;` or `,`,
/// whichever cuts the first rows into a consistent number of cells (`;` when
/// both do, as French CSV uses `;` with decimal commas).
pub(super) fn detect_delimiter(text: &str) -> u8 {
    if has_tab_outside_quotes(text) {
        return b'\t';
    }
    // (cuts into several cells, how many of the first rows share the usual count)
    let score = |delimiter: u8| -> (bool, usize) {
        let mut counts: Vec<usize> = csv_reader(text, delimiter)
            .byte_records()
            .take(HEADER_SEARCH_ROWS)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        counts.sort_unstable();
        let mut best = (0usize, 0usize); // (count, frequency)
        for chunk in counts.chunk_by(|a, b| a == b) {
            let (Some(&n), len) = (chunk.first(), chunk.len()) else {
                continue;
            };
            if len > best.1 || (len == best.1 && n > best.0) {
                best = (n, len);
            }
        }
        (best.0 >= 2, best.1)
    };
    let semicolon = score(b';');
    let comma = score(b',');
    if semicolon.0 && (!comma.0 || semicolon.1 >= comma.1) {
        b';'
    } else if comma.0 {
        b','
    } else {
        b'\t'
    }
}

/// Whether a tab appears outside quoted cells. A tab inside a quoted cell of a
/// `;` CSV (`1;"a<tab>b";3`) does not make the text tab-separated. A quote opens a
/// quoted cell only at the start of a cell (after a line break, a tab, `;` or
/// `,`), as in the CSV format; a stray quote inside a cell (`12" écran`) does not.
pub(super) fn has_tab_outside_quotes(text: &str) -> bool {
    let mut in_quotes = false;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if in_quotes {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match b {
            b'\t' => return true,
            b'"' if at_cell_start => in_quotes = true,
            b';' | b',' | b'\n' | b'\r' => {
                at_cell_start = true;
                continue;
            }
            _ => {}
        }
        at_cell_start = false;
    }
    false
}

pub(super) fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Number of line breaks in `bytes` (CRLF, LF or CR alone each count once).
pub(super) fn count_line_breaks(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'\n' {
            count += 1;
        } else if b == b'\r' {
            count += 1;
            if iter.peek() == Some(&&b'\n') {
                iter.next();
            }
        }
    }
    count
}

/// Number of blank lines from byte `start` to the next record. The `csv` crate
/// places a record where the previous one stopped: before the blank lines it
/// skipped, and possibly between the CR and LF of the previous line break.
pub(super) fn blank_lines_before(bytes: &[u8], start: usize) -> usize {
    let mut from = start;
    if from > 0 && bytes.get(from - 1) == Some(&b'\r') && bytes.get(from) == Some(&b'\n') {
        from += 1;
    }
    let rest = bytes.get(from..).unwrap_or_default();
    let blank = rest
        .iter()
        .position(|b| *b != b'\r' && *b != b'\n')
        .unwrap_or(rest.len());
    count_line_breaks(rest.get(..blank).unwrap_or_default())
}

/// Cuts the text (without its BOM) into rows of cells, as [`text_grid`]
/// describes. Cells of a text without quotes are slices of `text`; otherwise
/// the `csv` crate unquotes them into `storage`, and cells are slices of it.
pub(super) fn cut_text<'a>(text: &'a str, storage: &'a mut String) -> Cells<'a> {
    let delimiter = detect_delimiter(text);
    if text.contains('"') {
        quoted_cells(text, delimiter, storage)
    } else {
        unquoted_cells(text, char::from(delimiter))
    }
}

/// The cells of a text with quotes, read by the `csv` crate. The crate skips
/// blank lines; they are put back so that row numbers match the
/// spreadsheet's. Every cell is copied once, into `storage`.
pub(super) fn quoted_cells<'s>(text: &str, delimiter: u8, storage: &'s mut String) -> Cells<'s> {
    let bytes = text.as_bytes();
    let mut reader = csv_reader(text, delimiter);
    let mut record = csv::ByteRecord::new();
    storage.clear();
    storage.reserve(text.len());
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut widths: Vec<usize> = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let start = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        widths.extend(std::iter::repeat_n(0, blank_lines_before(bytes, start)));
        widths.push(record.len());
        // Cut at ASCII delimiters of valid UTF-8, every cell is valid UTF-8;
        // if one were not, each cell would be decoded on its own, lossily.
        match std::str::from_utf8(record.as_slice()) {
            Ok(all) => {
                let base = storage.len();
                storage.push_str(all);
                for i in 0..record.len() {
                    if let Some(r) = record.range(i) {
                        ranges.push((base.saturating_add(r.start), base.saturating_add(r.end)));
                    }
                }
            }
            Err(_) => {
                for field in &record {
                    let from = storage.len();
                    storage.push_str(&String::from_utf8_lossy(field));
                    ranges.push((from, storage.len()));
                }
            }
        }
    }
    let storage: &'s String = storage;
    Cells {
        cells: ranges
            .into_iter()
            .map(|(from, to)| storage.get(from..to).unwrap_or_default())
            .collect(),
        widths,
    }
}

/// The cells of a text without any quote, where the CSV rules come down to
/// cutting lines (at CRLF, LF or a lone CR) and cells (at the delimiter): the
/// same rows as [`quoted_cells`] would give, faster, for the common paste of a
/// table without quotes, and without copying any cell. As with the `csv`
/// crate, an empty line is an empty row and empty lines at the end are no rows
/// at all.
pub(super) fn unquoted_cells(text: &str, delimiter: char) -> Cells<'_> {
    // Room for a cell every 16 bytes and a line every 64 (a pasted annex has
    // a few more): most of the growing done at once.
    let mut cells: Vec<&str> = Vec::with_capacity(text.len() / 16);
    let mut widths: Vec<usize> = Vec::with_capacity(text.len() / 64);
    let mut blank_run = 0usize;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let after = if rest.get(i..i.saturating_add(2)) == Some("\r\n") {
                    i.saturating_add(2)
                } else {
                    i.saturating_add(1)
                };
                (
                    rest.get(..i).unwrap_or_default(),
                    rest.get(after..).unwrap_or_default(),
                )
            }
            None => (rest, ""),
        };
        rest = next;
        if line.is_empty() {
            blank_run = blank_run.saturating_add(1);
            continue;
        }
        widths.extend(std::iter::repeat_n(0, blank_run));
        blank_run = 0;
        let before = cells.len();
        cells.extend(line.split(delimiter));
        widths.push(cells.len().saturating_sub(before));
    }
    Cells { cells, widths }
}

/// [`unquoted_cells`] as owned rows (for tests).
#[cfg(test)]
pub(super) fn split_unquoted(text: &str, delimiter: char) -> Vec<Vec<String>> {
    unquoted_cells(text, delimiter).to_grid()
}

/// Blanks (line breaks included) collapsed to single spaces, ends trimmed.
pub(super) fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
