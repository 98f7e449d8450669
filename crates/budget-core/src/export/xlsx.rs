//! The XLSX annex ([`xlsx_annex`]), written part by part into a zip.

use std::fmt::Write as _;

use super::*;

/// An XLSX laid out like a financial annex: the convention's title (when it
/// has one), the headings (group, number, title, one column per funder,
/// total), then each group as a heading row (its name in the first column),
/// its actions and a bold `Sous-total …` row, and a bold `Total général` row.
/// Amounts are numbers (not text) with the format `#,##0.00 "€"`
/// (`93 507,00 €` in French Excel or LibreOffice), exact in the file
/// (spreadsheets keep 15 significant digits of them).
///
/// The file is written here, part by part (content types, relationships,
/// workbook, styles, one worksheet with inline strings), into a zip: six small
/// XML parts are all an annex needs. A writer crate such as `rust_xlsxwriter`
/// would bring its own formatting, shared-string and chart code (and the
/// `SystemTime::now()` of its document properties, which panics on
/// `wasm32-unknown-unknown` without its `wasm` feature), whereas the `zip`
/// crate is already in the widget for calamine: this costs the widget only
/// the code below and zip's writer. The file is deterministic (dates of the
/// zip entries are 1980-01-01).
pub fn xlsx_annex(conv: &Convention) -> Result<Vec<u8>, ExportError> {
    let sheet = sheet_xml(conv)?;
    zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

pub(super) const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"</Types>"#,
);

pub(super) const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    r#"</Relationships>"#,
);

pub(super) const WORKBOOK: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<sheets><sheet name="Annexe financière" sheetId="1" r:id="rId1"/></sheets>"#,
    r#"</workbook>"#,
);

pub(super) const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"</Relationships>"#,
);

/// Cell styles: 0 text, 1 amount, 2 bold text, 3 bold amount, 4 bold
/// wrapped text (headings). Number format 164 is `#,##0.00 "€"`.
pub(super) const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r##"<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00 &quot;€&quot;"/></numFmts>"##,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
    r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="5">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#,
    r#"<alignment wrapText="1" vertical="top"/></xf>"#,
    r#"</cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#,
);

const TEXT: u8 = 0;
const AMOUNT: u8 = 1;
const BOLD: u8 = 2;
const BOLD_AMOUNT: u8 = 3;
const HEADING: u8 = 4;

/// The column letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`
/// ([`crate::text::column_letter`] of its 1-based index).
pub(super) fn column_letters(column: usize) -> String {
    crate::text::column_letter(column.saturating_add(1))
}

/// Text escaped for XML, and for the `_xHHHH_` escapes of OOXML: characters
/// XML 1.0 cannot hold (controls, U+FFFE, U+FFFF) and the carriage return
/// (which XML would turn into a line feed) are written `_x000D_`; an
/// underscore that would start such an escape is written `_x005F_`.
pub(super) fn escape(text: &str, out: &mut String) {
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
            '_' if looks_like_escape(text.get(i..).unwrap_or_default()) => {
                out.push_str("_x005F_");
            }
            _ => out.push(c),
        }
    }
}

/// Whether `text` starts with `_xHHHH_`.
fn looks_like_escape(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 7
        && b.first() == Some(&b'_')
        && matches!(b.get(1), Some(b'x' | b'X'))
        && b.get(2..6)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        && b.get(6) == Some(&b'_')
}

/// The rows of the worksheet, written one after the other.
struct Sheet {
    xml: String,
    /// Number of the row being written (1-based), or of the last one.
    row: usize,
}

impl Sheet {
    /// Starts a new row and returns its number.
    fn start_row(&mut self) -> usize {
        self.end_row();
        self.row = self.row.saturating_add(1);
        let _ = write!(self.xml, r#"<row r="{}">"#, self.row);
        self.row
    }

    fn end_row(&mut self) {
        if self.row > 0 {
            self.xml.push_str("</row>");
        }
    }

    fn text(&mut self, column: usize, text: &str, style: u8) {
        if text.is_empty() {
            return;
        }
        let _ = write!(
            self.xml,
            r#"<c r="{}{}" t="inlineStr" s="{style}"><is><t xml:space="preserve">"#,
            column_letters(column),
            self.row
        );
        escape(text, &mut self.xml);
        self.xml.push_str("</t></is></c>");
    }

    fn amount(&mut self, column: usize, value: Decimal, style: u8) {
        let _ = write!(
            self.xml,
            r#"<c r="{}{}" s="{style}"><v>{}</v></c>"#,
            column_letters(column),
            self.row,
            exact_amount(value, '.')
        );
    }

    /// Each funder's amount from `first`, then the total.
    fn amounts(&mut self, first: usize, figures: &FunderAmounts, style: u8) {
        let mut column = first;
        for value in &figures.by_funder {
            self.amount(column, *value, style);
            column = column.saturating_add(1);
        }
        self.amount(column, figures.total, style);
    }
}

/// The worksheet.
pub(super) fn sheet_xml(conv: &Convention) -> Result<String, ExportError> {
    let funders = conv.funders.len();
    // Columns: group, number, title, funders…, total.
    let first_amount = 3;
    let total_column = first_amount + funders;
    let mut sheet = Sheet {
        xml: String::new(),
        row: 0,
    };

    let title = super::collapse(&conv.title);
    if !title.is_empty() {
        sheet.start_row();
        sheet.text(0, &title, BOLD);
    }
    let header_row = sheet.start_row();
    sheet.text(0, group_heading(conv), HEADING);
    sheet.text(1, NUMBER_HEADING, HEADING);
    sheet.text(2, TITLE_HEADING, HEADING);
    for f in 0..funders {
        sheet.text(first_amount + f, &funder_heading(conv, f), HEADING);
    }
    sheet.text(total_column, TOTAL_HEADING, HEADING);

    let action_row = |sheet: &mut Sheet, id: ActionId| -> Result<(), ExportError> {
        let figures = action_planned(conv, id)?;
        let action = conv.actions.get(id);
        sheet.start_row();
        sheet.text(1, action.map_or("", |a| a.number.trim()), TEXT);
        sheet.text(2, action.map_or("", |a| a.title.trim()), TEXT);
        sheet.amounts(first_amount, &figures, AMOUNT);
        Ok(())
    };
    let layout = Layout::new(conv);
    for &id in &layout.ungrouped {
        action_row(&mut sheet, id)?;
    }
    for (group, actions) in &layout.groups {
        let name = conv
            .groups
            .get(*group)
            .map_or(String::new(), |g| super::collapse(&g.name));
        sheet.start_row();
        sheet.text(0, &name, BOLD);
        for &id in actions {
            action_row(&mut sheet, id)?;
        }
        let figures = group_planned(conv, *group)?;
        sheet.start_row();
        sheet.text(2, &subtotal_label(conv, *group), BOLD);
        sheet.amounts(first_amount, &figures, BOLD_AMOUNT);
    }
    let figures = grand_planned(conv)?;
    sheet.start_row();
    sheet.text(2, GRAND_TOTAL_LABEL, BOLD);
    sheet.amounts(first_amount, &figures, BOLD_AMOUNT);
    sheet.end_row();

    let mut xml = String::with_capacity(sheet.xml.len() + 1024);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    ));
    // Headings frozen at the top.
    let _ = write!(
        xml,
        concat!(
            r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="{}" topLeftCell="A{}" "#,
            r#"activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        ),
        header_row,
        header_row.saturating_add(1)
    );
    let _ = write!(
        xml,
        concat!(
            r#"<cols><col min="1" max="1" width="36" customWidth="1"/>"#,
            r#"<col min="2" max="2" width="10" customWidth="1"/>"#,
            r#"<col min="3" max="3" width="50" customWidth="1"/>"#,
            r#"<col min="4" max="{}" width="18" customWidth="1"/></cols>"#
        ),
        total_column.saturating_add(1)
    );
    xml.push_str("<sheetData>");
    xml.push_str(&sheet.xml);
    xml.push_str("</sheetData></worksheet>");
    Ok(xml)
}

/// The parts, deflated into a zip (entries dated 1980-01-01).
pub(super) fn zip_parts(parts: &[(&str, &str)]) -> Result<Vec<u8>, ExportError> {
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, ZipWriter};

    let failed = |e: &dyn std::fmt::Display| ExportError::Xlsx(e.to_string());
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(*name, options).map_err(|e| failed(&e))?;
        zip.write_all(content.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}
