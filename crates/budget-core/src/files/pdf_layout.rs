//! The text of a PDF laid out as its pages show it (feature `pdf`).
//!
//! pdf-extract gives each glyph with its place on the page; its own plain-text
//! output puts one space between words however far apart they are, so the
//! cells of a table run into each other (`2 Thérapie familiale 50 000,00 €
//! 50 000,00 €`) and the table reader cannot tell its columns. This output
//! does what `pdftotext -layout` does, which is what the aligned-table reader
//! ([`crate::read`]) was made for:
//!
//! - the glyphs of a page are grouped into lines by their baseline, top to
//!   bottom, and each line is written left to right, whatever order the PDF
//!   drew them in (a table is often drawn cell by cell, column by column);
//! - a gap narrower than [`WIDE_GAP`] (a space between words, or between the
//!   groups of digits of `93 507,00 €`) is one space; a wider gap (between
//!   the cells of a table) is a run of two spaces or more, up to the place
//!   of the next glyph on a grid of [`COLUMN`] font sizes from the page's left
//!   margin. The grid is narrower than any common glyph, so that the text of
//!   a cell never reaches past the place of the next cell: the blank between
//!   two columns of the page stays blank in the text;
//! - a baseline further below the previous one than [`PARAGRAPH`] line
//!   heights gives a blank line, and each page ends with one.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A gap wider than this many font sizes separates two cells: a space is
/// about 0.28 (0.2 a narrow one between the digits of an amount), while the
/// text of a cell filled to its edge is a padding away from the next cell,
/// about half a font size. (Justified prose may have wider spaces: the
/// table reader does not take prose for a table.)
const WIDE_GAP: f64 = 0.45;

/// A gap wider than this many font sizes is a space (pdf-extract's own
/// threshold).
const SPACE_GAP: f64 = 0.1;

/// The width of one position of the text, in font sizes: below the width of
/// digits (0.56) and of most letters, above that of `i`, `l` and `.`.
const COLUMN: f64 = 0.4;

/// Glyphs whose baselines are closer than this many font sizes are on one
/// line.
const SAME_LINE: f64 = 0.5;

/// Baselines further apart than this many font sizes leave a blank line.
const PARAGRAPH: f64 = 2.0;

/// One glyph on the page: where it starts and ends (x, in points from the
/// left), its baseline (y, in points from the bottom), its size and its text.
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Collects the glyphs of each page and writes the page's lines at its end.
#[derive(Default)]
struct Layout {
    page: Vec<Glyph>,
    /// The width of each space glyph of the page, in font sizes.
    spaces: Vec<f64>,
    text: String,
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page.clear();
        self.spaces.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let page = std::mem::take(&mut self.page);
        let mut spaces = std::mem::take(&mut self.spaces);
        spaces.sort_by(f64::total_cmp);
        let space = spaces.get(spaces.len() / 2).copied();
        write_page(page, space, &mut self.text);
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The size on the page: the font size through the text matrix (as
        // pdf-extract's plain-text output measures it).
        let scaled = ((trm.m11 + trm.m21) * (trm.m12 + trm.m22)).abs().sqrt() * font_size;
        let size = if scaled.is_finite() && scaled > 0.0 {
            scaled
        } else {
            font_size.abs().max(1.0)
        };
        let (x, y) = (trm.m31, trm.m32);
        if char.chars().all(char::is_whitespace) {
            // Spaces are found from the gaps between the glyphs; their width
            // tells what a space is in the page's font.
            if width.is_finite() && width > 0.0 {
                self.spaces.push(width);
            }
            return Ok(());
        }
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let advance = if width.is_finite() { width * size } else { 0.0 };
        self.page.push(Glyph {
            x,
            end: x + advance.max(0.0),
            y,
            size,
            text: char.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Writes the lines of one page (see the module documentation), then a blank
/// line. `space` is the width of the page's spaces in font sizes, when it
/// draws them: in a fixed-width font (0.6) one is wider than [`WIDE_GAP`],
/// and only a gap of more than one space separates two cells.
fn write_page(mut page: Vec<Glyph>, space: Option<f64>, out: &mut String) {
    let wide = space.map_or(WIDE_GAP, |s| WIDE_GAP.max(1.3 * s));
    if page.is_empty() {
        return;
    }
    // Top to bottom: PDF baselines grow upwards.
    page.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let left = page.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let mut sizes: Vec<f64> = page.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let column = COLUMN * size;
    let mut lines: Vec<Vec<Glyph>> = Vec::new();
    for glyph in page {
        match lines.last_mut() {
            Some(line)
                if line.first().is_some_and(|first| {
                    first.y - glyph.y <= SAME_LINE * first.size.max(glyph.size)
                }) =>
            {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    let mut previous_y: Option<f64> = None;
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let Some(first) = line.first() else { continue };
        if previous_y.is_some_and(|y| y - first.y > PARAGRAPH * size) {
            out.push('\n');
        }
        previous_y = Some(first.y);
        let mut written = 0usize;
        let mut last_end: Option<f64> = None;
        for glyph in &line {
            let place = ((glyph.x - left) / column).round().max(0.0) as usize;
            let spaces = match last_end {
                // The first glyph of the line: at its place from the margin.
                None => place,
                Some(end) => {
                    let gap = glyph.x - end;
                    if gap > wide * glyph.size {
                        place.saturating_sub(written).max(2)
                    } else if gap > SPACE_GAP * glyph.size {
                        1
                    } else {
                        0
                    }
                }
            };
            out.extend(std::iter::repeat_n(' ', spaces));
            out.push_str(&glyph.text);
            written += spaces + glyph.text.chars().count();
            last_end = Some(last_end.map_or(glyph.end, |e: f64| e.max(glyph.end)));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The text of the PDF `bytes`, laid out as its pages show it. An encrypted
/// PDF is opened with the empty password (one protected only against editing
/// or copying opens so, as in every PDF viewer); one that needs a password is
/// the decryption error.
pub(super) fn layout_text(bytes: &[u8]) -> Result<String, OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        doc.decrypt("")?;
    }
    let mut layout = Layout::default();
    pdf_extract::output_doc(&doc, &mut layout)?;
    Ok(layout.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glyphs of `word`, each `advance` points wide, from `x` on the
    /// baseline `y`, at size 10.
    fn word(x: f64, y: f64, word: &str, advance: f64) -> Vec<Glyph> {
        word.chars()
            .enumerate()
            .map(|(i, c)| {
                let start = x + advance * i as f64;
                Glyph {
                    x: start,
                    end: start + advance,
                    y,
                    size: 10.0,
                    text: c.to_string(),
                }
            })
            .collect()
    }

    fn page(glyphs: Vec<Vec<Glyph>>) -> String {
        let mut out = String::new();
        write_page(glyphs.into_iter().flatten().collect(), None, &mut out);
        out
    }

    #[test]
    fn cells_far_apart_are_cut_by_runs_of_spaces_words_by_one() {
        // Two rows of a table drawn column by column (the amounts first), at
        // 5 points a glyph; a space is 2.8 points; the columns start at 50,
        // 150 and 250 points from the margin (at 4 points a position:
        // positions 0, 25 and 50 of the text).
        let text = page(vec![
            word(250.0, 700.0, "1,00", 5.0),
            word(250.0, 688.0, "20,00", 5.0),
            word(50.0, 700.0, "Crèche", 5.0),
            word(82.8, 700.0, "familiale", 5.0),
            word(50.0, 688.0, "Aide", 5.0),
            word(150.0, 700.0, "93", 5.0),
            word(162.8, 700.0, "507,00", 5.0),
            word(150.0, 688.0, "0,00", 5.0),
        ]);
        // Row 1: « Crèche familiale » is 16 positions, then 9 spaces to 25;
        // « 93 507,00 » 9, then 16 spaces to 50.
        let row1 = format!(
            "Crèche familiale{}93 507,00{}1,00",
            " ".repeat(9),
            " ".repeat(16)
        );
        let row2 = format!("Aide{}0,00{}20,00", " ".repeat(21), " ".repeat(21));
        assert_eq!(text, format!("{row1}\n{row2}\n\n"));
    }

    #[test]
    fn a_cell_wider_than_its_place_is_still_cut_from_the_next() {
        // « Intitulé » in narrow glyphs (2 points) ends at 66 points; the
        // next glyph, 10 points further, has its place at position 7 (26 / 4
        // = 6.5, rounded), before the end of the 8 letters: two spaces still.
        let text = page(vec![
            word(50.0, 700.0, "Intitulé", 2.0),
            word(76.0, 700.0, "5", 5.0),
        ]);
        assert_eq!(text, "Intitulé  5\n\n");
    }

    #[test]
    fn lines_keep_their_indent_and_paragraphs_their_blank_line() {
        // A heading at the margin, a line indented by 20 points (5
        // positions), then one 40 points lower (past 2 line heights of 10).
        let text = page(vec![
            word(50.0, 700.0, "Fiche", 5.0),
            word(70.0, 688.0, "Report", 5.0),
            word(50.0, 648.0, "Fin", 5.0),
        ]);
        assert_eq!(text, "Fiche\n     Report\n\nFin\n\n");
    }

    #[test]
    fn an_empty_page_writes_nothing() {
        assert_eq!(page(Vec::new()), "");
    }

    #[test]
    fn in_a_fixed_width_font_one_space_is_a_space() {
        // Glyphs and spaces of 6 points (0.6 of the size): « Report Etat »
        // with one space, then a gap of three spaces before « 24 600 ».
        let glyphs: Vec<Glyph> = [
            word(50.0, 700.0, "Report", 6.0),
            word(92.0, 700.0, "Etat", 6.0),
            word(134.0, 700.0, "24", 6.0),
            word(152.0, 700.0, "600", 6.0),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut out = String::new();
        write_page(glyphs, Some(0.6), &mut out);
        // « 24 » at 84 points from the margin: position 21 at 4 points a
        // position, after the 11 characters of « Report Etat ».
        assert_eq!(out, format!("Report Etat{}24 600\n\n", " ".repeat(10)));
    }
}
