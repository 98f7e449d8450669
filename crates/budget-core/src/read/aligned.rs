//! Tables that lost their columns: the text of a PDF table, whose cells the
//! PDF-to-text step turned into runs of spaces.
//!
//! `pdftotext -layout` (or a copy from a PDF viewer) prints each row of a
//! table on one line, its cells at the place they had on the page, with runs
//! of spaces between them. The cells are found from that alignment:
//!
//! 1. each line is cut into *segments* at runs of two spaces or more (a single
//!    space never separates cells: `93 507,00 €`, `Crèche familiale`), tabs
//!    expanded, positions counted in characters (accents are one each);
//! 2. the columns are the spans of positions that some cell covers on the
//!    lines holding amounts (the data lines): the gaps between them are blank
//!    on (nearly) every such line. A text column may be ragged and an amount
//!    column right-aligned: what counts is the blank between them;
//! 3. every segment goes to the column it overlaps most; a heading wider
//!    than its column overlaps it still; a heading beside its column (left
//!    aligned over right-aligned amounts) goes to the neighbouring column
//!    that has no cell yet on its line.
//!
//! Lines above and below the table stay one cell each, blank lines empty
//! rows, so that `grid[i]` is the text's line `i + 1`. Anything that does not
//! look like such a table (prose, lines « libellé : montant ») gives `None`.

use crate::number::{parse_cell, CellValue};

/// Tab stops of an expanded tab.
const TAB: usize = 8;

/// The widest line read, in positions: a page printed as text is a few
/// hundred wide; anything wider is no table of a page (and would cost much).
const MAX_WIDTH: usize = 1000;

/// The cells of `text` when its lines are a table whose columns are aligned
/// with runs of spaces; `None` when they are not.
pub(super) fn aligned_grid(text: &str) -> Option<Vec<Vec<String>>> {
    // No run of blanks anywhere (a CSV file, prose): quickly no.
    if !text.contains("  ") && !text.contains('\t') {
        return None;
    }
    let lines: Vec<Vec<Segment>> = lines_of(text)
        .iter()
        .map(|l| segments(l))
        .collect::<Option<_>>()?;
    let is_data = |segs: &Vec<Segment>| segs.len() >= 2 && segs.iter().any(|s| is_amount(&s.text));
    let data: Vec<bool> = lines.iter().map(is_data).collect();
    let first = lines.iter().position(|s| s.len() >= 2)?;
    let last = lines.iter().rposition(|s| s.len() >= 2)?;
    let columns = columns_of(&lines, &data, first, last);
    if columns.len() < 2 {
        return None;
    }
    let mut grid: Vec<Vec<String>> = Vec::with_capacity(lines.len());
    for (i, segs) in lines.iter().enumerate() {
        let row = if segs.is_empty() {
            Vec::new()
        } else if i < first || i > last {
            vec![segs
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("  ")]
        } else {
            place(segs, &columns)
        };
        grid.push(row);
    }
    join_wrapped(&mut grid, &data, first, last);
    let table = grid.get(first..=last).unwrap_or_default();
    let table_data = data.get(first..=last).unwrap_or_default();
    if !looks_like_a_table(table, table_data) {
        return None;
    }
    Some(grid)
}

/// Cells written over several lines made one: a heading on several lines,
/// an action's title wrapped in its cell. The lines of a row are joined into
/// the row's line holding amounts (the heading's last line); the others are
/// left empty, so that every row keeps the line number it had.
///
/// - **Rows set apart by blank lines** (a PDF's table whose cells have
///   padding, or whose text is centred in its cells: the wrapped text is above
///   and below the line of amounts): every block of lines between blank lines
///   with one line of amounts is one row; the block just above the first of
///   them is the heading. Blocks without amounts (a group's heading) stay.
/// - **Rows one under the other**: the lines without amounts just above the
///   first line of amounts are the heading (above the lines that hold a
///   single cell in the first column, a group's heading); a line without amounts under a
///   line of amounts is the rest of its cells when every cell it has is in a
///   column where that line has text (a title wrapped in its cell), and
///   stays a line of its own otherwise.
fn join_wrapped(grid: &mut [Vec<String>], data: &[bool], first: usize, last: usize) {
    let Some(span) = grid.get(first..=last.min(grid.len().saturating_sub(1))) else {
        return;
    };
    let blank = |r: &Vec<String>| r.iter().all(|c| c.trim().is_empty());
    let is_data = |i: usize| data.get(i).copied().unwrap_or(false);
    // The blocks of lines between blank lines, as (first, last) indices.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (k, row) in span.iter().enumerate() {
        let i = first + k;
        match (blank(row), open) {
            (false, None) => open = Some(i),
            (true, Some(s)) => {
                blocks.push((s, i - 1));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        blocks.push((s, last));
    }
    let amounts_in = |&(s, e): &(usize, usize)| (s..=e).filter(|&i| is_data(i)).count();
    let with_data: Vec<usize> = blocks.iter().map(amounts_in).filter(|&n| n > 0).collect();
    let alone = with_data.iter().filter(|&&n| n == 1).count();
    if with_data.len() >= 2 && alone * 10 >= with_data.len() * 8 {
        // Rows set apart by blank lines.
        let mut first_row = true;
        for (n, &(s, e)) in blocks.iter().enumerate() {
            if amounts_in(&(s, e)) != 1 {
                continue;
            }
            let Some(d) = (s..=e).find(|&i| is_data(i)) else {
                continue;
            };
            // The lines next to the line of amounts with no text over one
            // of its amounts (a heading's line has some).
            let wraps = |i: usize| -> bool {
                match (grid.get(i), grid.get(d)) {
                    (Some(row), Some(line)) => row.iter().enumerate().all(|(c, text)| {
                        text.trim().is_empty() || line.get(c).is_none_or(|t| !is_amount(t))
                    }),
                    _ => false,
                }
            };
            let mut lo = d;
            while lo > s && wraps(lo - 1) {
                lo -= 1;
            }
            let mut hi = d;
            while hi < e && wraps(hi + 1) {
                hi += 1;
            }
            join_lines(grid, lo..=hi, d);
            if std::mem::take(&mut first_row) {
                // The heading: the rest of this block above, or the block
                // just above when it has no amounts.
                if lo > s {
                    join_lines(grid, s..=lo - 1, lo - 1);
                } else if let Some(&(hs, he)) = n.checked_sub(1).and_then(|p| blocks.get(p)) {
                    if amounts_in(&(hs, he)) == 0 {
                        join_lines(grid, hs..=he, he);
                    }
                }
            }
        }
        return;
    }
    // Rows one under the other: the heading…
    let Some(first_data) = (first..=last).find(|&i| is_data(i)) else {
        return;
    };
    let group_heading = |r: &Vec<String>| {
        r.first().is_some_and(|c| !c.trim().is_empty())
            && r.iter().skip(1).all(|c| c.trim().is_empty())
    };
    // (above the groups' headings that open the table, if any).
    let mut end = first_data;
    while end > first && grid.get(end - 1).is_some_and(group_heading) {
        end -= 1;
    }
    let mut top = end;
    while top > first {
        match grid.get(top - 1) {
            Some(r) if !blank(r) && !is_data(top - 1) && !group_heading(r) => top -= 1,
            _ => break,
        }
    }
    if end - top >= 2 {
        join_lines(grid, top..=end - 1, end - 1);
    }
    // …then the titles wrapped under their line.
    let mut owner: Option<usize> = None;
    for i in first_data..=last {
        if is_data(i) {
            owner = Some(i);
            continue;
        }
        let Some(o) = owner else { continue };
        let (Some(row), Some(line)) = (grid.get(i), grid.get(o)) else {
            continue;
        };
        let rest_of_cells = !blank(row)
            && row.iter().enumerate().all(|(c, text)| {
                text.trim().is_empty()
                    || line
                        .get(c)
                        .is_some_and(|t| !t.trim().is_empty() && !is_amount(t))
            });
        if rest_of_cells {
            join_lines(grid, o..=i, o);
        } else {
            owner = None;
        }
    }
}

/// The lines `lines` of `grid` made one row at line `into`: each column's
/// texts in the order of the lines, joined by a space (none after a word cut
/// by a hyphen: `12-` and `25 ans`); the other lines left empty.
fn join_lines(grid: &mut [Vec<String>], lines: std::ops::RangeInclusive<usize>, into: usize) {
    let width = lines
        .clone()
        .filter_map(|i| grid.get(i).map(Vec::len))
        .max()
        .unwrap_or(0);
    let mut row = vec![String::new(); width];
    for i in lines.clone() {
        let Some(line) = grid.get(i) else { continue };
        for (cell, text) in row.iter_mut().zip(line) {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if !cell.is_empty() && !cell.ends_with('-') {
                cell.push(' ');
            }
            cell.push_str(text);
        }
    }
    for i in lines {
        if let Some(line) = grid.get_mut(i) {
            line.clear();
        }
    }
    if let Some(line) = grid.get_mut(into) {
        *line = row;
    }
}

/// Whether the rows of the table span (the first to the last line of two
/// cells or more) are a table: two rows of two cells or more, a column with
/// amounts on two rows, and not lines « libellé : montant » of a report.
fn looks_like_a_table(table: &[Vec<String>], data: &[bool]) -> bool {
    let filled = |r: &Vec<String>| r.iter().filter(|c| !c.is_empty()).count();
    let multi: Vec<&Vec<String>> = table.iter().filter(|r| filled(r) >= 2).collect();
    if multi.len() < 2 {
        return false;
    }
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    let amount_column = (0..width).any(|c| {
        table
            .iter()
            .zip(data)
            .filter(|(r, &d)| d && r.get(c).is_some_and(|t| looks_like_money(t)))
            .count()
            >= 2
    });
    if !amount_column {
        return false;
    }
    // `Report Etat 2021 :      24 600 €`: a report's lines, padded.
    let labelled = multi
        .iter()
        .filter(|r| {
            r.iter()
                .find(|c| !c.is_empty())
                .is_some_and(|c| c.trim_end().ends_with([':', '=']))
        })
        .count();
    labelled.saturating_mul(2) < multi.len()
}

/// An amount as a table prints it: `93 507,00 €`, `24 600`, `1500`, not a
/// bare `5` (an action number, a count).
fn looks_like_money(text: &str) -> bool {
    is_amount(text)
        && (text.chars().filter(char::is_ascii_digit).count() >= 3
            || text.contains(['€', ',', '.', ' ', '\u{A0}', '\u{202F}']))
}

fn is_amount(text: &str) -> bool {
    matches!(parse_cell(text), Ok(CellValue::Amount { .. }))
}

/// A run of text on one line: characters from `start` to `end` (exclusive),
/// no two spaces in a row.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    start: usize,
    end: usize,
    text: String,
}

impl Segment {
    fn overlap(&self, (start, end): (usize, usize)) -> usize {
        self.end.min(end).saturating_sub(self.start.max(start))
    }
}

/// The lines of `text` as the table reader numbers them: `\n`, `\r\n` or a
/// lone `\r` end a line, and a line break at the very end opens no line.
fn lines_of(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        lines.push(rest.get(..at).unwrap_or_default());
        let after = rest.get(at..).unwrap_or_default();
        let skip = if after.starts_with("\r\n") { 2 } else { 1 };
        rest = after.get(skip..).unwrap_or_default();
    }
    if !rest.is_empty() {
        lines.push(rest);
    }
    lines
}

/// The segments of one line, positions in characters: tabs expanded, control
/// characters (a page's form feed) and combining accents take no place; a
/// lone `€` or `%` set apart belongs to the figure before it. `None` for a
/// line wider than [`MAX_WIDTH`].
fn segments(line: &str) -> Option<Vec<Segment>> {
    // One entry per position: the bytes of its text in `line` (a character
    // and its accents), or `None` for a blank.
    let mut places: Vec<Option<(usize, usize)>> = Vec::new();
    for (at, c) in line.char_indices() {
        let end = at.saturating_add(c.len_utf8());
        match c {
            '\t' => {
                let to = (places.len() / TAB).saturating_add(1).saturating_mul(TAB);
                places.resize(to, None);
            }
            ' ' => places.push(None),
            c if c.is_control() => {}
            c if is_combining(c) => match places.last_mut() {
                Some(Some((_, last))) => *last = end,
                _ => places.push(Some((at, end))),
            },
            _ => places.push(Some((at, end))),
        }
        if places.len() > MAX_WIDTH {
            return None;
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut i = 0;
    while i < places.len() {
        if places.get(i).is_some_and(Option::is_none) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i;
        // Extend over text and single blanks.
        while j < places.len() {
            match places.get(j) {
                Some(Some(_)) => {
                    end = j + 1;
                    j += 1;
                }
                _ if places.get(j + 1).is_some_and(Option::is_some) => j += 1,
                _ => break,
            }
        }
        let text: String = places
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|p| p.and_then(|(a, b)| line.get(a..b)).unwrap_or(" "))
            .collect();
        match out.last_mut() {
            Some(prev) if matches!(text.as_str(), "€" | "%" | "EUR") => {
                prev.text.push(' ');
                prev.text.push_str(&text);
                prev.end = end;
            }
            _ => out.push(Segment { start, end, text }),
        }
        i = end;
    }
    Some(out)
}

/// A combining mark (an accent typed after its letter): no place of its own.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The columns, left to right, as spans of positions: those covered on the
/// data lines (a few lines may cross a gap in a long table), then those of
/// cells beside every column (a column filled on one line only, a heading
/// with no column under it and no free column beside it).
fn columns_of(
    lines: &[Vec<Segment>],
    data: &[bool],
    first: usize,
    last: usize,
) -> Vec<(usize, usize)> {
    let data_lines: Vec<&Vec<Segment>> = lines
        .iter()
        .zip(data)
        .filter(|(_, &d)| d)
        .map(|(l, _)| l)
        .collect();
    let width = data_lines
        .iter()
        .flat_map(|l| l.iter().map(|s| s.end))
        .max()
        .unwrap_or(0);
    let mut covered = vec![0usize; width];
    for seg in data_lines.iter().flat_map(|l| l.iter()) {
        for c in covered.iter_mut().take(seg.end).skip(seg.start) {
            *c = c.saturating_add(1);
        }
    }
    let tolerance = data_lines.len() / 10;
    let mut columns = runs(&covered, tolerance);
    // Cells of the data lines outside every column: columns of their own.
    let mut extra = Vec::new();
    for seg in data_lines.iter().flat_map(|l| l.iter()) {
        if columns.iter().all(|&c| seg.overlap(c) == 0) {
            extra.push((seg.start, seg.end));
        }
    }
    columns = merged(columns, extra);
    // Other lines of the table: a cell beside the columns goes to a free
    // neighbour, or makes a column.
    let mut extra = Vec::new();
    for (i, segs) in lines.iter().enumerate() {
        if i < first || i > last || data.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (_, orphans) = assign(segs, &columns);
        extra.extend(orphans);
    }
    merged(columns, extra)
}

/// Maximal runs of positions covered more than `tolerance` times.
fn runs(covered: &[usize], tolerance: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in covered.iter().enumerate() {
        match (c > tolerance, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, covered.len()));
    }
    out
}

/// `columns` and `extra` as one sorted list, spans that overlap made one.
fn merged(columns: Vec<(usize, usize)>, extra: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if extra.is_empty() {
        return columns;
    }
    let mut all = columns;
    all.extend(extra);
    all.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The column of each segment of a line (`None`: beside every column and no
/// free neighbour), and the spans of those left without one.
fn assign(
    segs: &[Segment],
    columns: &[(usize, usize)],
) -> (Vec<Option<usize>>, Vec<(usize, usize)>) {
    let mut at: Vec<Option<usize>> = vec![None; segs.len()];
    let lone = segs.len() == 1;
    for (k, seg) in segs.iter().enumerate() {
        let overlaps: Vec<(usize, usize)> = columns
            .iter()
            .enumerate()
            .map(|(c, &span)| (c, seg.overlap(span)))
            .filter(|&(_, o)| o > 0)
            .collect();
        let chosen = if lone && overlaps.len() >= 2 {
            // A line of one cell across the table (a group's heading): its
            // first column, as a spreadsheet holds a merged cell.
            overlaps.first().map(|&(c, _)| c)
        } else {
            // The most overlapped, the leftmost of equals.
            overlaps
                .iter()
                .fold(None, |best: Option<(usize, usize)>, &(c, o)| match best {
                    Some((_, b)) if b >= o => best,
                    _ => Some((c, o)),
                })
                .map(|(c, _)| c)
        };
        if let Some(slot) = at.get_mut(k) {
            *slot = chosen;
        }
    }
    let mut taken = vec![false; columns.len()];
    for c in at.iter().flatten() {
        if let Some(t) = taken.get_mut(*c) {
            *t = true;
        }
    }
    let mut orphans = Vec::new();
    for (k, seg) in segs.iter().enumerate() {
        if at.get(k).copied().flatten().is_some() {
            continue;
        }
        // The columns either side of the segment.
        let right = columns.iter().position(|&(s, _)| s >= seg.end);
        let left = match right {
            Some(r) => r.checked_sub(1),
            None => columns.len().checked_sub(1),
        };
        let free = |c: Option<usize>| c.filter(|&c| !taken.get(c).copied().unwrap_or(true));
        let chosen = match (free(left), free(right)) {
            (Some(l), Some(r)) => {
                // Both free: the nearer, the right one if as near (a heading
                // left-aligned over right-aligned amounts).
                let gap_left = columns
                    .get(l)
                    .map_or(usize::MAX, |&(_, e)| seg.start.saturating_sub(e));
                let gap_right = columns
                    .get(r)
                    .map_or(usize::MAX, |&(s, _)| s.saturating_sub(seg.end));
                Some(if gap_left < gap_right { l } else { r })
            }
            (l, r) => l.or(r),
        };
        match chosen {
            Some(c) => {
                if let Some(slot) = at.get_mut(k) {
                    *slot = Some(c);
                }
                if let Some(t) = taken.get_mut(c) {
                    *t = true;
                }
            }
            None => orphans.push((seg.start, seg.end)),
        }
    }
    (at, orphans)
}

/// The cells of one line of the table: one per column, empty where the line
/// has nothing; two segments in one column are joined by a space.
fn place(segs: &[Segment], columns: &[(usize, usize)]) -> Vec<String> {
    let (at, _) = assign(segs, columns);
    let mut row = vec![String::new(); columns.len()];
    for (seg, c) in segs.iter().zip(at) {
        // Every segment has a column once the orphans have theirs; the
        // nearest one otherwise.
        let c = c.unwrap_or_else(|| {
            columns
                .iter()
                .position(|&(s, _)| s >= seg.end)
                .unwrap_or(columns.len().saturating_sub(1))
        });
        if let Some(cell) = row.get_mut(c) {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&seg.text);
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(text: &str) -> Vec<Vec<String>> {
        aligned_grid(text).unwrap_or_else(|| panic!("no table in {text:?}"))
    }

    #[test]
    fn single_spaces_join_two_spaces_separate() {
        let texts: Vec<String> = segments("Crèche familiale  93 507,00 €   12")
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(texts, ["Crèche familiale", "93 507,00 €", "12"]);
        // Positions in characters, a tab to the next multiple of 8, a lone
        // `€` set apart joins its figure.
        let s = segments("é\tx  12  €").unwrap_or_default();
        assert_eq!((s[0].start, s[0].end), (0, 1));
        assert_eq!((s[1].start, s[1].end), (8, 9));
        assert_eq!(s[2].text, "12 €");
        assert_eq!((s[2].start, s[2].end), (11, 16));
    }

    #[test]
    fn cells_go_to_their_column_by_alignment() {
        let g = grid(
            "Titre de l'annexe\n\
             \n\
             N°  Intitulé              Etat              CD\n\
             1   Crèche familiale   93 507,00 €    146 000,00 €\n\
             2   Thérapie                           50 000,00 €\n\
             Axe 2 – Lutter contre la grande exclusion\n",
        );
        assert_eq!(g[0], ["Titre de l'annexe"]);
        assert!(g[1].is_empty());
        assert_eq!(g[2], ["N°", "Intitulé", "Etat", "CD"]);
        assert_eq!(
            g[3],
            ["1", "Crèche familiale", "93 507,00 €", "146 000,00 €"]
        );
        assert_eq!(g[4], ["2", "Thérapie", "", "50 000,00 €"]);
        // Below the last line of two cells: one cell.
        assert_eq!(g[5], ["Axe 2 – Lutter contre la grande exclusion"]);
        assert_eq!(g.len(), 6);
    }

    #[test]
    fn a_line_across_the_table_goes_to_its_first_column() {
        let g = grid(
            "N°  Intitulé            Etat\n\
             Axe 1 – Prévenir la pauvreté dès l'enfance\n\
             1   Crèche familiale   93 507\n\
             2   Thérapie           50 000\n",
        );
        assert_eq!(g[1], ["Axe 1 – Prévenir la pauvreté dès l'enfance", "", ""]);
    }

    #[test]
    fn headings_and_titles_on_several_lines_are_one_cell() {
        // Cells' text at their top: the headings on two lines, action 1's
        // title wrapped under its line, a group's heading on a line of its
        // own (one cell, first column) stays a row.
        let g = grid(
            "N°  Intitulé de           Crédits      Crédits\n\
             \x20   l'action              État         CD\n\
             Axe 1\n\
             1   Prévention aux 12-    69 698,00    135 096,00\n\
             \x20   25 ans\n\
             2   Thérapie              50 000,00    50 000,00\n",
        );
        assert!(g[0].is_empty());
        assert_eq!(
            g[1],
            ["N°", "Intitulé de l'action", "Crédits État", "Crédits CD"]
        );
        assert_eq!(g[2], ["Axe 1", "", "", ""]);
        assert_eq!(
            g[3],
            ["1", "Prévention aux 12-25 ans", "69 698,00", "135 096,00"]
        );
        assert!(g[4].is_empty());
        assert_eq!(g[5], ["2", "Thérapie", "50 000,00", "50 000,00"]);
    }

    #[test]
    fn a_line_under_amounts_that_is_no_rest_of_their_cells_stays() {
        // « Total hors action » is under no text of the line above (its
        // first column is the number's, an amount's place in the second).
        let g = grid(
            "N°  Intitulé      État\n\
             1   Crèche        93 507\n\
             \x20   Note          voir annexe\n\
             2   Thérapie      50 000\n",
        );
        assert_eq!(g[1], ["1", "Crèche", "93 507"]);
        assert_eq!(g[2], ["", "Note", "voir annexe"]);
    }

    #[test]
    fn rows_set_apart_by_blank_lines_are_their_blocks() {
        // Text in the middle of its cells: a two-line title above and below
        // its line of amounts; the headings' block above the first row.
        let g = grid(
            "Intitulé de          Crédits      Crédits\n\
             l'action             État         CD\n\
             \n\
             Prévention\n\
             \x20                    69 698,00    135 096,00\n\
             aux 12-25 ans\n\
             \n\
             Thérapie             50 000,00    50 000,00\n\
             \n\
             Axe 2\n\
             \n\
             Maraudes             10 000,00    5 000,00\n",
        );
        assert!(g[0].is_empty());
        assert_eq!(g[1], ["Intitulé de l'action", "Crédits État", "Crédits CD"]);
        assert!(g[3].is_empty());
        assert_eq!(
            g[4],
            ["Prévention aux 12-25 ans", "69 698,00", "135 096,00"]
        );
        assert!(g[5].is_empty());
        assert_eq!(g[7], ["Thérapie", "50 000,00", "50 000,00"]);
        // A block without amounts: a group's heading, kept.
        assert_eq!(g[9], ["Axe 2", "", ""]);
        assert_eq!(g[11], ["Maraudes", "10 000,00", "5 000,00"]);
    }

    #[test]
    fn declines_what_is_no_table() {
        assert_eq!(aligned_grid(""), None);
        assert_eq!(aligned_grid("\n\n  \n"), None);
        assert_eq!(aligned_grid("Budget total : 251 278 €\n"), None);
        assert_eq!(
            aligned_grid("Report Etat 2021 :    24 600 €\nBudget total :       251 278 €\n"),
            None
        );
        // Two columns of text, or of action numbers only: no amounts.
        assert_eq!(aligned_grid("1  Crèche\n2  Thérapie\n3  Maraudes\n"), None);
        assert_eq!(aligned_grid("Etat  Département\nOui   Non\n"), None);
        // Prose, justified or not, with amounts.
        assert_eq!(
            aligned_grid(
                "Le Département mobilise 93 507,00 € pour la crèche,\n\
                 et l'État 146 000,00 € : soit 239 507,00 € au total.\n"
            ),
            None
        );
        assert_eq!(
            aligned_grid(
                "Le  Département  mobilise  93 507 €  pour la crèche familiale\n\
                 préventive  et  l'État   146 000 €  soit  239 507 €  au total\n\
                 pour  l'année  2024  selon  la  convention  signée  en  mars.\n"
            ),
            None
        );
        // One line of a table is no table.
        assert_eq!(aligned_grid("Crèche familiale   93 507,00 €\n"), None);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "\t\t\t",
            "\r\r\n\u{c}",
            "\u{301}\u{301}  12 345\n\u{301}  1 000",
            "a  1 000\nb  2 000\n€  €  €",
            "  12 000  \n  13 000  \n",
        ] {
            let _ = aligned_grid(text);
        }
        // Too wide for a page: not read.
        let wide = format!("a  1 000{}\nb  2 000\n", " x".repeat(MAX_WIDTH));
        assert_eq!(aligned_grid(&wide), None);
    }

    proptest::proptest! {
        /// Any text: no panic, and a grid has one row per line.
        #[test]
        fn one_row_per_line(text in "([ a-zé0-9,€\u{A0}\u{301}\t:]{0,30}(\n|\r\n|\r)){0,8}") {
            if let Some(grid) = aligned_grid(&text) {
                proptest::prop_assert_eq!(grid.len(), lines_of(&text).len());
            }
        }
    }
}
