//! Opening a file the user gives the calculator: a spreadsheet (`.xlsx`, `.xls`,
//! `.ods`), a text table (`.csv`, `.tsv`, `.txt`), a PDF report (`.pdf`) or a
//! saved convention (`.json`).
//!
//! [`kind_of`] tells what a file is, [`open`] reads it:
//!
//! - a **spreadsheet** becomes a grid of text cells, each written as the user
//!   would have pasted it, and is read by [`crate::read::read_grid`] exactly like
//!   a paste (same header detection, same cell errors with row and column);
//! - a **text table** is decoded (see [`decode_text`]), cut into cells by
//!   [`crate::read::text_grid`] and read like a paste;
//! - a **PDF** gives its text (see [`pdf_text`]), read like a text file: a
//!   report's « Fiche action » blocks, or a table whose columns became runs of
//!   spaces. A PDF without text (a scan) is [`FileError::ScannedPdf`];
//! - a **saved convention** is loaded by [`crate::saved::from_json`].
//!
//! # Spreadsheet cells as text
//!
//! | cell | text |
//! |---|---|
//! | a number (`93507`, `0.1`, `-12.5`) | the shortest decimal that reads back as the same binary number, with a decimal comma: `93507`, `0,1`, `-12,5` (see below) |
//! | text | as is (`93 507,00 €` is then read like a pasted cell) |
//! | a date | ISO: `2024-03-15`, or `2024-03-15T14:30:00` with a time |
//! | a duration | `[h]:mm:ss` as the spreadsheet shows it: `36:30:00` |
//! | a boolean | `VRAI` / `FAUX`, as French Excel shows them |
//! | a formula | its value as last computed by the spreadsheet (the cached value) |
//! | an error | its text, `#DIV/0!`, `#REF!`…, which the reader reports as a cell error |
//!
//! A spreadsheet stores numbers as binary floats (`f64`): 0.1 is stored as
//! 0.1000000000000000055511151231257827…. Its exact value is *not* what the
//! user typed; the shortest decimal text that reads back as the same `f64` is
//! (Rust's `Display` for `f64`, which never uses an exponent). That text is what
//! Excel shows and what the calculator reads, exactly, as a decimal;
//! `Decimal::from_f64` is never used, as it would expose the binary noise. The
//! decimal separator is written as a comma because a dot followed by exactly
//! three digits (`1.234`) is read as a thousands separator by
//! [`crate::number`]; a single comma is always a decimal comma.
//!
//! Rows and columns keep the spreadsheet's numbering: a table whose headings
//! are on row 3, column B gives cell errors on "ligne 3, colonne 2" as Excel
//! shows them.
//!
//! # Which sheet
//!
//! The first visible worksheet where the reader finds a header row (see
//! [`crate::read`]); when none has one, the first visible worksheet that is not
//! empty. Hidden sheets are looked at only when no sheet is visible.
//!
//! # Size
//!
//! A sheet whose grid (rows × used columns of each row) exceeds
//! [`MAX_GRID_CELLS`] is refused with [`FileError::TooLarge`] rather than
//! filling the browser's memory.
//!
//! Spreadsheets need the `spreadsheets` feature (on by default); without it they
//! give [`FileError::SpreadsheetsDisabled`]. PDF files need the `pdf` feature
//! (off by default); without it they give [`FileError::PdfDisabled`].

use std::borrow::Cow;
use std::fmt;

use crate::messages::{french_display, Msg};
use serde::{Deserialize, Serialize};

use crate::model::Convention;
use crate::read::{read_grid, read_table_with, text_file_grid, ReadOptions, Reading};
use crate::saved::{self, LoadError};

#[cfg(feature = "pdf")]
mod pdf_layout;
#[cfg(feature = "spreadsheets")]
mod xls_guard;

/// The largest grid read from a spreadsheet sheet, in cells (empty cells
/// inside each row's used part included). 2 000 000 cells is 40 000 rows of 50
/// columns; an annex has a few hundred.
pub const MAX_GRID_CELLS: usize = 2_000_000;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Excel 2007+ workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 workbook (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`, LibreOffice).
    Ods,
    /// Comma- or semicolon-separated text (`.csv`).
    Csv,
    /// Tab-separated text (`.tsv`, `.tab`, `.txt`).
    Tsv,
    /// A PDF document (`.pdf`): its text is read (feature `pdf`).
    Pdf,
    /// A convention saved by the calculator (`.json`).
    Saved,
}

impl FileKind {
    /// Whether the file is a spreadsheet workbook (read with calamine).
    pub fn is_spreadsheet(self) -> bool {
        matches!(self, Self::Xlsx | Self::Xls | Self::Ods)
    }

    /// Short name for messages: `XLSX`, `CSV`, `JSON`…
    pub fn label(self) -> &'static str {
        match self {
            Self::Xlsx => "XLSX",
            Self::Xls => "XLS",
            Self::Ods => "ODS",
            Self::Csv => "CSV",
            Self::Tsv => "TSV",
            Self::Pdf => "PDF",
            Self::Saved => "JSON",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What [`open`] found in a file. (One per file opened: the size of a
/// [`Reading`] beside a [`Convention`] costs nothing worth a box.)
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Opened {
    /// A table, read like a paste: check [`Reading::errors`] and the roles of
    /// the columns before using [`Reading::convention`].
    Table {
        /// What the file was.
        kind: FileKind,
        /// The sheet that was read, for a spreadsheet.
        sheet: Option<String>,
        /// The table as read.
        reading: Reading,
    },
    /// A convention saved by the calculator.
    Saved(Convention),
}

/// Why a file cannot be opened. Messages are in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Neither the name nor the content says what the file is.
    Unknown {
        /// The file's name.
        name: String,
    },
    /// The workbook cannot be read (damaged, not really a workbook): what
    /// to do, then what the spreadsheet reader said (in English), for whoever
    /// helps the user.
    Spreadsheet {
        /// What the file was taken for.
        kind: FileKind,
        /// What the spreadsheet reader said.
        message: String,
    },
    /// The workbook is protected by a password (encrypted): it cannot be read
    /// without it, and the calculator never asks for one.
    Protected {
        /// What the file is.
        kind: FileKind,
    },
    /// The workbook is damaged: the spreadsheet reader gave up on it (a panic,
    /// see [`guarded`]) or it announces what no workbook holds.
    Damaged {
        /// What the file was taken for.
        kind: FileKind,
        /// What is wrong with it.
        damage: Damage,
    },
    /// The workbook has no worksheet.
    NoSheet,
    /// The sheet is larger than [`MAX_GRID_CELLS`].
    TooLarge {
        /// The sheet's name.
        sheet: String,
        /// [`MAX_GRID_CELLS`].
        limit: usize,
    },
    /// This build of the calculator does not read workbooks (feature
    /// `spreadsheets` off).
    SpreadsheetsDisabled {
        /// What the file was.
        kind: FileKind,
    },
    /// The PDF cannot be read (damaged, not really a PDF): what the PDF
    /// reader said (in English), or that it gave up on the file (a panic).
    Pdf {
        /// What the PDF reader said.
        message: String,
    },
    /// The PDF is encrypted with a password to open it.
    PdfProtected,
    /// The PDF has no text, only pictures of pages: a scanned document.
    ScannedPdf,
    /// This build of the calculator does not read PDF files (feature `pdf`
    /// off).
    PdfDisabled,
    /// A saved convention where a table was expected ([`table_grid`]).
    NotATable,
    /// A saved convention that cannot be loaded.
    Saved(LoadError),
}

/// What is wrong with a damaged workbook ([`FileError::Damaged`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The spreadsheet reader stopped on it, while reading `sheet` if any.
    Unreadable { sheet: Option<String> },
    /// A sheet announces more cells than [`MAX_GRID_CELLS`].
    TooManyCells { announced: u64 },
    /// Its chain of sectors loops back on itself (XLS).
    LoopingChain,
}

impl Damage {
    /// What follows « fichier endommagé ou incomplet » in `lang`.
    pub fn detail(&self, lang: crate::money::Lang) -> String {
        match self {
            Self::Unreadable { sheet: None } => String::new(),
            Self::Unreadable { sheet: Some(s) } => {
                Msg::FileDamagedSheet.fill(lang, &[("sheet", s)])
            }
            Self::TooManyCells { announced } => Msg::FileDamagedTooManyCells.fill(
                lang,
                &[("announced", announced), ("limit", &MAX_GRID_CELLS)],
            ),
            Self::LoopingChain => Msg::FileDamagedLoopingChain.text(lang).into(),
        }
    }
}

impl FileError {
    /// The message in `lang` (the `Display` text is the French one). What the
    /// spreadsheet reader said is given as it is, after what to do (calamine's
    /// messages are in English).
    pub fn message(&self, lang: crate::money::Lang) -> String {
        match self {
            Self::Unknown { name } => Msg::FileUnknown.fill(lang, &[("name", name)]),
            Self::Spreadsheet { kind, message } => {
                Msg::FileSpreadsheet.fill(lang, &[("kind", kind), ("message", message)])
            }
            Self::Protected { kind } => Msg::FileProtected.fill(lang, &[("kind", kind)]),
            Self::Damaged { kind, damage } => {
                Msg::FileDamaged.fill(lang, &[("kind", kind), ("detail", &damage.detail(lang))])
            }
            Self::NoSheet => Msg::FileNoSheet.text(lang).into(),
            Self::TooLarge { sheet, limit } => {
                Msg::FileTooLarge.fill(lang, &[("sheet", sheet), ("limit", limit)])
            }
            Self::SpreadsheetsDisabled { kind } => {
                Msg::FileSpreadsheetsDisabled.fill(lang, &[("kind", kind)])
            }
            Self::Pdf { message } => Msg::FilePdf.fill(lang, &[("message", message)]),
            Self::PdfProtected => Msg::FilePdfProtected.text(lang).into(),
            Self::ScannedPdf => Msg::FileScannedPdf.text(lang).into(),
            Self::PdfDisabled => Msg::FilePdfDisabled.text(lang).into(),
            Self::NotATable => Msg::FileNotATable.text(lang).into(),
            Self::Saved(e) => e.message(lang),
        }
    }
}

french_display!(FileError);

impl From<LoadError> for FileError {
    fn from(e: LoadError) -> Self {
        Self::Saved(e)
    }
}

/// Signature of a zip archive (xlsx and ods are zip archives).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Signature of an OLE2 compound file (xls).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// The mimetype an ODS stores first in its zip, uncompressed.
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
/// The part every xlsx has (zip entry names are stored uncompressed).
const XLSX_WORKBOOK: &[u8] = b"xl/workbook.xml";
/// Signature of a PDF file, in its first 1024 bytes (the PDF standard lets
/// some bytes come before it).
const PDF_MAGIC: &[u8] = b"%PDF-";

/// What a file is, from its name and content; `None` when neither says.
///
/// 1. A workbook's signature wins over the name, as files are often misnamed
///    (an `.xls` that is really an xlsx): a zip holding `xl/workbook.xml` is
///    [`FileKind::Xlsx`], a zip whose mimetype is the ODS one is
///    [`FileKind::Ods`], an OLE2 compound file (`D0 CF 11 E0…`) is
///    [`FileKind::Xls`], `%PDF-` in the first 1024 bytes is [`FileKind::Pdf`].
/// 2. Else the extension: `.xlsx`/`.xlsm`, `.xls`, `.ods`, `.csv`,
///    `.tsv`/`.tab`/`.txt`, `.pdf`, `.json` (case ignored).
/// 3. Else the content: `{` first (blanks and a BOM aside) is a saved
///    convention; text is a table, [`FileKind::Tsv`] if it has a tab, else
///    [`FileKind::Csv`]; anything else (binary) is unknown.
pub fn kind_of(name: &str, bytes: &[u8]) -> Option<FileKind> {
    if let Some(kind) = container_kind(bytes) {
        return Some(kind);
    }
    if let Some(kind) = extension_kind(name) {
        return Some(kind);
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) {
        return None;
    }
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let has_bom = head.starts_with(&[0xEF, 0xBB, 0xBF])
        || head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF]);
    if !has_bom && head.contains(&0) {
        return None;
    }
    let text = decode_text(head);
    if saved::looks_like_saved(&text) {
        Some(FileKind::Saved)
    } else if text.contains('\t') {
        Some(FileKind::Tsv)
    } else {
        Some(FileKind::Csv)
    }
}

/// The kind a workbook's signature says, if it is a workbook.
fn container_kind(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(ZIP_MAGIC) {
        let head = bytes.get(..bytes.len().min(256)).unwrap_or(bytes);
        if contains(head, ODS_MIMETYPE) {
            Some(FileKind::Ods)
        } else if contains(bytes, XLSX_WORKBOOK) {
            Some(FileKind::Xlsx)
        } else {
            None
        }
    } else if bytes.starts_with(OLE_MAGIC) {
        // An encrypted xlsx is an OLE2 file too, holding the workbook as an
        // "EncryptedPackage" stream.
        if contains(bytes, ENCRYPTED_PACKAGE) {
            Some(FileKind::Xlsx)
        } else {
            Some(FileKind::Xls)
        }
    } else if contains(
        bytes.get(..bytes.len().min(1024)).unwrap_or(bytes),
        PDF_MAGIC,
    ) {
        Some(FileKind::Pdf)
    } else {
        None
    }
}

/// The name of the stream holding an encrypted xlsx in its OLE2 file, as the
/// file's directory writes it (UTF-16LE).
const ENCRYPTED_PACKAGE: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

fn extension_kind(name: &str) -> Option<FileKind> {
    let (_, extension) = name.trim().rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "xlsx" | "xlsm" => FileKind::Xlsx,
        "xls" => FileKind::Xls,
        "ods" => FileKind::Ods,
        "csv" => FileKind::Csv,
        "tsv" | "tab" | "txt" => FileKind::Tsv,
        "pdf" => FileKind::Pdf,
        "json" => FileKind::Saved,
        _ => return None,
    })
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    haystack
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == first)
        .any(|(i, _)| haystack.get(i..i.saturating_add(needle.len())) == Some(needle))
}

/// Opens a file: a table (spreadsheet or text) read with `options`, or a saved
/// convention. Nothing a file contains makes this panic: what cannot be read
/// is an error, or a [`crate::read::CellError`] in the reading; a damaged
/// workbook on which the spreadsheet reader panics is a
/// [`FileError::Damaged`] saying so (where panics unwind, see [`guarded`]).
pub fn open(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Opened, FileError> {
    if kind_of(name, bytes) == Some(FileKind::Saved) {
        return Ok(Opened::Saved(saved::from_json(&decode_text(bytes))?));
    }
    let grid = table_grid(name, bytes)?;
    let reading = read_table_grid(&grid, options);
    Ok(Opened::Table {
        kind: grid.kind,
        sheet: grid.sheet,
        reading,
    })
}

/// Reads a table file cut by [`table_grid`]: a text file as its text is read
/// when pasted ([`crate::read::read_table_with`]: a report's blocks, a PDF
/// table's aligned columns, with what was guessed), a spreadsheet by
/// [`crate::read::read_grid`].
pub fn read_table_grid(grid: &TableGrid, options: &ReadOptions) -> Reading {
    match &grid.text {
        Some(text) => read_table_with(text, options),
        None => read_grid(&grid.rows, options),
    }
}

/// A table file cut into text cells, before reading: what [`open`] gives
/// [`crate::read::read_grid`]. Keep it to read the table again with other
/// [`ReadOptions`] (another header row, other column roles) without decoding
/// the file again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableGrid {
    /// What the file was.
    pub kind: FileKind,
    /// The sheet that was read, for a spreadsheet.
    pub sheet: Option<String>,
    /// `rows[i][j]` is the cell of row `i + 1`, column `j + 1`.
    pub rows: Vec<Vec<String>>,
    /// The text of a text file, read as a paste is ([`read_table_grid`]);
    /// `None` for a spreadsheet.
    pub text: Option<String>,
}

/// The cells of a table file (spreadsheet or text), as [`open`] reads them. A
/// saved convention is not a table: [`FileError::NotATable`].
pub fn table_grid(name: &str, bytes: &[u8]) -> Result<TableGrid, FileError> {
    let kind = kind_of(name, bytes).ok_or_else(|| FileError::Unknown {
        name: name.to_string(),
    })?;
    let (sheet, rows, text) = match kind {
        FileKind::Saved => return Err(FileError::NotATable),
        FileKind::Csv | FileKind::Tsv => {
            let text = decode_text(bytes).into_owned();
            (None, text_file_grid(&text), Some(text))
        }
        FileKind::Pdf => {
            let text = pdf_text(bytes)?;
            (None, text_file_grid(&text), Some(text))
        }
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => {
            let (sheet, rows) = spreadsheet_grid(kind, bytes)?;
            (sheet, rows, None)
        }
    };
    Ok(TableGrid {
        kind,
        sheet,
        rows,
        text,
    })
}

// ---------------------------------------------------------------------------
// Text

/// The text of a text file, whatever its encoding:
///
/// - UTF-8, with or without a BOM (the BOM is dropped);
/// - UTF-16 with a BOM (Excel's "Texte Unicode" export), little- or big-endian;
/// - otherwise Windows-1252, French Excel's default encoding for
///   "CSV (séparateur : point-virgule)" (`é` is the single byte `E9`).
///
/// Windows-1252 is Latin-1 (each byte is the code point of the same value)
/// except for 32 bytes, `80`–`9F`, where it has `€`, `’`, `œ`, `…` and others:
/// the table is written here ([`WINDOWS_1252_80_9F`]) rather than pulling in an
/// encoding crate for it. A file that is not UTF-8 is always *some* text in
/// Windows-1252, so this never fails.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Cow::Owned(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Cow::Owned(decode_utf16(rest, u16::from_be_bytes));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(decode_windows_1252(bytes)),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => unit([*a, *b]),
            // An odd last byte: not a character.
            _ => 0xFFFD,
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Windows-1252 bytes `80`–`9F`. The five bytes Windows-1252 leaves undefined
/// (`81`, `8D`, `8F`, `90`, `9D`) map to the control character of the same
/// value, as the WHATWG encoding standard does.
pub const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Decodes Windows-1252: Latin-1 except for `80`–`9F`.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_80_9F
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            _ => char::from(b),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// PDF

/// The text of a PDF, as [`table_grid`] reads it: its pages as they show,
/// the cells of a table cut by runs of spaces (see [`pdf_layout`]), from the
/// glyphs pdf-extract finds, lightly normalised by [`normalise_pdf_text`].
///
/// - A damaged file, or one that is not a PDF, is [`FileError::Pdf`] with what
///   the reader said; a panic of the reader (it has some on malformed files)
///   is the same error, where panics unwind (see [`guarded`]).
/// - A PDF that needs a password to be opened is [`FileError::PdfProtected`]
///   (one protected only against editing or copying opens with the empty
///   password, as every PDF viewer does).
/// - A PDF whose text is blank has only pictures of its pages: a scanned
///   document, [`FileError::ScannedPdf`].
#[cfg(feature = "pdf")]
pub fn pdf_text(bytes: &[u8]) -> Result<String, FileError> {
    use pdf_extract::encryption::DecryptionError;
    use pdf_extract::{Error, OutputError};
    let text = unwinding_guard(
        || {
            pdf_layout::layout_text(bytes).map_err(|e| match e {
                OutputError::PdfError(
                    Error::InvalidPassword | Error::Decryption(DecryptionError::IncorrectPassword),
                ) => FileError::PdfProtected,
                other => FileError::Pdf {
                    message: other.to_string(),
                },
            })
        },
        pdf_reader_stopped,
    )?;
    let text = normalise_pdf_text(&text);
    if text.chars().all(|c| c.is_whitespace() || c.is_control()) {
        return Err(FileError::ScannedPdf);
    }
    Ok(text)
}

/// What a panic of the PDF reader gives.
#[cfg(feature = "pdf")]
fn pdf_reader_stopped() -> FileError {
    FileError::Pdf {
        message: "the PDF reader stopped on this file".into(),
    }
}

/// Without the `pdf` feature: [`FileError::PdfDisabled`].
#[cfg(not(feature = "pdf"))]
pub fn pdf_text(_bytes: &[u8]) -> Result<String, FileError> {
    Err(FileError::PdfDisabled)
}

/// The text of a PDF with its line ends and page breaks as a text file has
/// them: `\r\n` and `\r` become `\n`, a form feed (a page break) becomes a line
/// end. Nothing else is changed: no character of a word or an amount.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
fn normalise_pdf_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace(['\r', '\u{C}'], "\n")
}

// ---------------------------------------------------------------------------
// Spreadsheets

/// A grid of text cells, `grid[row][column]`, 0-based (row 0 is row 1).
type Grid = Vec<Vec<String>>;

/// The text of a number cell: the shortest decimal that reads back as the same
/// `f64`, decimal comma (see the module documentation). Not a number or an
/// infinity (which no spreadsheet stores in a cell) gives `#NUM!`, which the
/// reader reports as a spreadsheet error.
pub fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return "#NUM!".into();
    }
    if value == 0.0 {
        // −0 is 0.
        return "0".into();
    }
    // `Display` for f64: shortest round-trip digits, no exponent, no ".0".
    format!("{value}").replace('.', ",")
}

/// ISO text of a spreadsheet date (`2024-03-15`, `2024-03-15T14:30:00`).
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
fn date_text(
    (year, month, day, hour, minute, second, milli): (u16, u8, u8, u8, u8, u8, u16),
) -> String {
    if (hour, minute, second, milli) == (0, 0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
    }
}

/// `[h]:mm:ss` text of a spreadsheet duration given in days (`1.5208333` →
/// `36:30:00`).
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
fn duration_text(days: f64) -> String {
    if !days.is_finite() {
        return "#NUM!".into();
    }
    // `as` saturates: an absurd duration gives an absurd but finite text.
    let seconds = (days * 86_400.0).round() as i64;
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// Collects the non-empty cells of a sheet, then lays them out as a grid,
/// refusing sheets larger than [`MAX_GRID_CELLS`].
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
struct SheetCells {
    sheet: String,
    cells: Vec<(u32, u32, String)>,
}

#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
impl SheetCells {
    fn new(sheet: &str) -> Self {
        Self {
            sheet: sheet.to_string(),
            cells: Vec::new(),
        }
    }

    fn too_large(&self) -> FileError {
        FileError::TooLarge {
            sheet: self.sheet.clone(),
            limit: MAX_GRID_CELLS,
        }
    }

    /// Adds a cell at an absolute (row, column), 0-based; empty text is skipped.
    fn push(&mut self, row: u32, column: u32, text: String) -> Result<(), FileError> {
        if text.is_empty() {
            return Ok(());
        }
        if self.cells.len() >= MAX_GRID_CELLS {
            return Err(self.too_large());
        }
        self.cells.push((row, column, text));
        Ok(())
    }

    /// The grid: every row down to the last non-empty one, each as long as its
    /// last non-empty cell, so that rows and columns keep their numbers.
    fn into_grid(mut self) -> Result<Grid, FileError> {
        self.cells.sort_unstable_by_key(|(r, c, _)| (*r, *c));
        let Some(last_row) = self.cells.last().map(|(r, _, _)| *r) else {
            return Ok(Vec::new());
        };
        let rows = usize::try_from(last_row)
            .ok()
            .and_then(|r| r.checked_add(1))
            .ok_or_else(|| self.too_large())?;
        // Size first: one slot per row, plus the used width of each row.
        let mut size = rows;
        let mut previous: Option<u32> = None;
        for (r, c, _) in self.cells.iter().rev() {
            if previous != Some(*r) {
                previous = Some(*r);
                let width = usize::try_from(*c).unwrap_or(usize::MAX).saturating_add(1);
                size = size.saturating_add(width);
            }
        }
        if size > MAX_GRID_CELLS {
            return Err(self.too_large());
        }
        let mut grid: Grid = vec![Vec::new(); rows];
        for (r, c, text) in self.cells {
            let (Ok(r), Ok(c)) = (usize::try_from(r), usize::try_from(c)) else {
                continue;
            };
            let Some(row) = grid.get_mut(r) else {
                continue;
            };
            if row.len() <= c {
                row.resize(c.saturating_add(1), String::new());
            }
            if let Some(cell) = row.get_mut(c) {
                *cell = text;
            }
        }
        Ok(grid)
    }
}

/// Runs a part of the reading of a workbook (calamine's, and the conversion
/// of its cells), turning a panic into [`FileError::Damaged`] with the
/// sheet, if any: calamine panics on some
/// malformed workbooks (found by fuzzing), and a damaged file must give an
/// error, not a crash.
///
/// This works where panics unwind: tests, benchmarks, the fuzz targets, a
/// native build with the default `panic = "unwind"`. A build with `panic =
/// "abort"` (the workspace's release profile, and WebAssembly) still stops on
/// such a panic. The default panic hook still prints its message on the
/// standard error: silencing it means replacing the process's hook
/// ([`std::panic::set_hook`]), which is global, so it is left to the caller
/// (the `budget` command does it while it reads a file). The payload is
/// dropped here, never re-raised.
#[cfg(feature = "spreadsheets")]
fn guarded<T>(
    kind: FileKind,
    sheet: Option<&str>,
    read: impl FnOnce() -> Result<T, FileError>,
) -> Result<T, FileError> {
    unwinding_guard(read, || FileError::Damaged {
        kind,
        damage: Damage::Unreadable {
            sheet: sheet.map(str::to_string),
        },
    })
}

/// `read`, or `panicked()` if it panics (where panics unwind; see
/// [`guarded`]). The payload is dropped, never re-raised.
#[cfg(any(feature = "spreadsheets", feature = "pdf"))]
fn unwinding_guard<T>(
    read: impl FnOnce() -> Result<T, FileError>,
    panicked: impl FnOnce() -> FileError,
) -> Result<T, FileError> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(result) => result,
        Err(_payload) => Err(panicked()),
    }
}

/// The sheet to read and its grid: the first one with a header row, else the
/// first non-empty one (see the module documentation). Never panics where
/// panics unwind (see [`guarded`]): each sheet is read under its own guard,
/// so that a damaged sheet is skipped like an unreadable one when another
/// sheet can be read, and the opening of the workbook under another.
#[cfg(feature = "spreadsheets")]
fn spreadsheet_grid(kind: FileKind, bytes: &[u8]) -> Result<(Option<String>, Grid), FileError> {
    guarded(kind, None, || spreadsheet_grid_unguarded(kind, bytes))
}

#[cfg(feature = "spreadsheets")]
fn spreadsheet_grid_unguarded(
    kind: FileKind,
    bytes: &[u8],
) -> Result<(Option<String>, Grid), FileError> {
    use calamine::{Ods, Reader, Xls, Xlsx};
    use std::io::Cursor;

    use calamine::{OdsError, XlsError, XlsxError};

    let failed = |e: &dyn fmt::Display| FileError::Spreadsheet {
        kind,
        message: e.to_string(),
    };
    // A password is said as such (calamine's errors are in English).
    let protected_or = |password: bool, e: &dyn fmt::Display| {
        if password {
            FileError::Protected { kind }
        } else {
            failed(e)
        }
    };
    match kind {
        FileKind::Xlsx => {
            let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
                .map_err(|e| protected_or(matches!(e, XlsxError::Password), &e))?;
            let names = candidate_sheets(book.sheets_metadata());
            choose_sheet(names, |name| {
                guarded(kind, Some(name), || {
                    let mut sheet = SheetCells::new(name);
                    let mut cells = book.worksheet_cells_reader(name).map_err(|e| failed(&e))?;
                    while let Some(cell) = cells.next_cell().map_err(|e| failed(&e))? {
                        let (row, column) = cell.get_position();
                        if let Some(text) = data_ref_text(cell.get_value()) {
                            sheet.push(row, column, text)?;
                        }
                    }
                    sheet.into_grid()
                })
            })
        }
        FileKind::Xls => {
            // calamine aborts (it does not panic) on a workbook announcing
            // billions of cells: refused before it reads anything.
            let limit = u64::try_from(MAX_GRID_CELLS).unwrap_or(u64::MAX);
            match xls_guard::check(bytes, limit) {
                Ok(()) => {}
                Err(xls_guard::Refusal::TooManyCells(n)) => {
                    return Err(FileError::Damaged {
                        kind,
                        damage: Damage::TooManyCells { announced: n },
                    })
                }
                Err(xls_guard::Refusal::LoopingChain) => {
                    return Err(FileError::Damaged {
                        kind,
                        damage: Damage::LoopingChain,
                    })
                }
            }
            let mut book: Xls<_> = Xls::new(Cursor::new(bytes))
                .map_err(|e| protected_or(matches!(e, XlsError::Password), &e))?;
            let names = candidate_sheets(book.sheets_metadata());
            choose_sheet(names, |name| {
                guarded(kind, Some(name), || {
                    let range = book.worksheet_range(name).map_err(|e| failed(&e))?;
                    range_grid(name, &range)
                })
            })
        }
        FileKind::Ods => {
            let mut book: Ods<_> = Ods::new(Cursor::new(bytes))
                .map_err(|e| protected_or(matches!(e, OdsError::Password), &e))?;
            let names = candidate_sheets(book.sheets_metadata());
            choose_sheet(names, |name| {
                guarded(kind, Some(name), || {
                    let range = book.worksheet_range(name).map_err(|e| failed(&e))?;
                    range_grid(name, &range)
                })
            })
        }
        FileKind::Csv | FileKind::Tsv | FileKind::Pdf | FileKind::Saved => Ok((None, Vec::new())),
    }
}

#[cfg(not(feature = "spreadsheets"))]
fn spreadsheet_grid(kind: FileKind, _bytes: &[u8]) -> Result<(Option<String>, Grid), FileError> {
    Err(FileError::SpreadsheetsDisabled { kind })
}

/// Names of the worksheets to look at, in order: the visible ones, or all of
/// them when none is visible.
#[cfg(feature = "spreadsheets")]
fn candidate_sheets(sheets: &[calamine::Sheet]) -> Vec<String> {
    use calamine::{SheetType, SheetVisible};
    let worksheets: Vec<&calamine::Sheet> = sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .collect();
    let visible: Vec<String> = worksheets
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    if visible.is_empty() {
        worksheets.iter().map(|s| s.name.clone()).collect()
    } else {
        visible
    }
}

/// The first sheet whose grid has a header row, else the first non-empty one,
/// else the first one. A sheet that cannot be read is skipped when another
/// can; the first error is returned when none can.
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
fn choose_sheet(
    names: Vec<String>,
    mut grid_of: impl FnMut(&str) -> Result<Grid, FileError>,
) -> Result<(Option<String>, Grid), FileError> {
    let mut fallback: Option<(String, Grid)> = None;
    let mut first_error: Option<FileError> = None;
    for name in names {
        match grid_of(&name) {
            Ok(grid) => {
                if crate::read::detect_header(&grid).is_some() {
                    return Ok((Some(name), grid));
                }
                let better = match &fallback {
                    None => true,
                    Some((_, g)) => g.is_empty() && !grid.is_empty(),
                };
                if better {
                    fallback = Some((name, grid));
                }
            }
            Err(e) => {
                if first_error.is_none() {
                    first_error = Some(e);
                }
            }
        }
    }
    match (fallback, first_error) {
        (Some((name, grid)), _) => Ok((Some(name), grid)),
        (None, Some(e)) => Err(e),
        (None, None) => Err(FileError::NoSheet),
    }
}

#[cfg(feature = "spreadsheets")]
fn range_grid(sheet: &str, range: &calamine::Range<calamine::Data>) -> Result<Grid, FileError> {
    let mut cells = SheetCells::new(sheet);
    let (row0, column0) = range.start().unwrap_or((0, 0));
    for (r, c, value) in range.used_cells() {
        let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c)) else {
            continue;
        };
        if let Some(text) = data_text(value) {
            cells.push(row0.saturating_add(r), column0.saturating_add(c), text)?;
        }
    }
    cells.into_grid()
}

#[cfg(feature = "spreadsheets")]
fn datetime_text(value: &calamine::ExcelDateTime) -> String {
    if value.is_duration() {
        duration_text(value.as_f64())
    } else {
        date_text(value.to_ymd_hms_milli())
    }
}

/// The text of a cell (see the module documentation); `None` when empty.
#[cfg(feature = "spreadsheets")]
fn data_text(value: &calamine::Data) -> Option<String> {
    use calamine::Data;
    Some(match value {
        Data::Empty => return None,
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(d) => datetime_text(d),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    })
}

/// [`data_text`] for the cells of the streaming xlsx reader.
#[cfg(feature = "spreadsheets")]
fn data_ref_text(value: &calamine::DataRef<'_>) -> Option<String> {
    use calamine::DataRef;
    Some(match value {
        DataRef::Empty => return None,
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(d) => datetime_text(d),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    })
}

#[cfg(feature = "spreadsheets")]
fn bool_text(value: bool) -> String {
    if value { "VRAI" } else { "FAUX" }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_told_in_english_too() {
        use crate::money::Lang;
        let damaged = FileError::Damaged {
            kind: FileKind::Xls,
            damage: Damage::Unreadable {
                sheet: Some("Annexe 2".into()),
            },
        };
        assert_eq!(
            damaged.to_string(),
            "classeur XLS illisible : fichier endommagé ou incomplet (feuille « Annexe 2 »)"
        );
        assert_eq!(
            damaged.message(Lang::En),
            "unreadable XLS workbook: damaged or incomplete file (sheet “Annexe 2”)"
        );
        let looping = FileError::Damaged {
            kind: FileKind::Xls,
            damage: Damage::LoopingChain,
        };
        assert_eq!(
            looping.to_string(),
            "classeur XLS illisible : fichier endommagé ou incomplet (chaîne de secteurs en boucle)"
        );
        assert_eq!(
            looping.message(Lang::En),
            "unreadable XLS workbook: damaged or incomplete file (looping chain of sectors)"
        );
        let huge = FileError::Damaged {
            kind: FileKind::Xls,
            damage: Damage::TooManyCells { announced: 30 },
        };
        assert!(
            huge.message(Lang::En).ends_with(&format!(
                "damaged or incomplete file: a sheet announces 30 cells, more than the \
                 {MAX_GRID_CELLS} the calculator reads"
            )),
            "{}",
            huge.message(Lang::En)
        );
        let unknown = FileError::Unknown {
            name: "budget.docx".into(),
        };
        assert_eq!(
            unknown.message(Lang::En),
            "unrecognised file format: “budget.docx” (formats read: .xlsx, .xls, .ods, .csv, \
             .tsv, .txt, .pdf, .json)"
        );
        assert_eq!(unknown.message(Lang::Fr), unknown.to_string());
        assert_eq!(
            FileError::NotATable.message(Lang::En),
            "this file is a saved convention, not a table"
        );
    }

    #[test]
    fn numbers_come_out_as_typed() {
        assert_eq!(number_text(93507.0), "93507");
        assert_eq!(number_text(0.1), "0,1");
        assert_eq!(number_text(-12.5), "-12,5");
        assert_eq!(number_text(-0.0), "0");
        // 0.1 + 0.2 is 0.30000000000000004 in binary: that is what the cell holds.
        assert_eq!(number_text(0.1 + 0.2), "0,30000000000000004");
        assert_eq!(number_text(1e21), "1000000000000000000000");
        assert_eq!(number_text(f64::NAN), "#NUM!");
    }

    #[test]
    fn dates_and_durations_as_text() {
        assert_eq!(date_text((2024, 3, 15, 0, 0, 0, 0)), "2024-03-15");
        assert_eq!(
            date_text((2024, 3, 15, 14, 30, 5, 0)),
            "2024-03-15T14:30:05"
        );
        // 1.5208333… days = 36 h 30 min (1.5 × 24 = 36; 0.0208333 × 24 × 60 = 30).
        assert_eq!(duration_text(36.5 / 24.0), "36:30:00");
        assert_eq!(duration_text(-0.5), "-12:00:00");
    }

    #[test]
    fn windows_1252_table() {
        // "Prévisionnel" with é = E9 (Latin-1 part), "€" = 80, "’" = 92, "œ" = 9C.
        assert_eq!(
            decode_windows_1252(b"Pr\xE9visionnel \x80 l\x92\x9Cuvre"),
            "Prévisionnel € l’œuvre"
        );
        // Undefined bytes are the C1 controls of the same value.
        assert_eq!(decode_windows_1252(b"\x81\x9D"), "\u{81}\u{9D}");
    }

    #[test]
    fn decodes_every_text_encoding() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFN\xC2\xB0"), "N°");
        assert_eq!(decode_text("N°".as_bytes()), "N°");
        assert_eq!(decode_text(b"N\xB0"), "N°");
        assert_eq!(decode_text(b"\xFF\xFEN\x00\xB0\x00"), "N°");
        assert_eq!(decode_text(b"\xFE\xFF\x00N\x00\xB0"), "N°");
        // An odd byte at the end of UTF-16 is not a character.
        assert_eq!(decode_text(b"\xFF\xFEN\x00\xB0"), "N\u{FFFD}");
    }

    #[test]
    fn tells_kinds_by_signature_then_name_then_content() {
        let ods = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK";
        assert_eq!(kind_of("annexe.xls", ods), Some(FileKind::Ods));
        let xlsx = b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml...";
        assert_eq!(kind_of("annexe.xls", xlsx), Some(FileKind::Xlsx));
        assert_eq!(kind_of("", OLE_MAGIC), Some(FileKind::Xls));
        assert_eq!(kind_of("a.CSV", b"x;y"), Some(FileKind::Csv));
        assert_eq!(kind_of("a.txt", b"x;y"), Some(FileKind::Tsv));
        assert_eq!(kind_of("a.json", b"x"), Some(FileKind::Saved));
        assert_eq!(
            kind_of("sans-nom", b" \n{\"version\":1}"),
            Some(FileKind::Saved)
        );
        assert_eq!(kind_of("sans-nom", b"a\tb"), Some(FileKind::Tsv));
        assert_eq!(kind_of("sans-nom", b"a;b"), Some(FileKind::Csv));
        assert_eq!(kind_of("image.png", b"\x89PNG\r\n\x1a\n\0\0"), None);
        assert_eq!(kind_of("archive", b"PK\x03\x04 other"), None);
        assert_eq!(kind_of("rapport.PDF", b"garbage"), Some(FileKind::Pdf));
        assert_eq!(
            kind_of("rapport.txt", b"%PDF-1.7\n%\xE2\xE3"),
            Some(FileKind::Pdf)
        );
        assert_eq!(kind_of("", b"\r\n%PDF-1.4\n"), Some(FileKind::Pdf));
    }

    #[test]
    fn pdf_line_ends_become_those_of_a_text_file() {
        assert_eq!(
            normalise_pdf_text("a\r\nb\rc\u{C}Total : 1 000,50 €\n"),
            "a\nb\nc\nTotal : 1 000,50 €\n"
        );
    }

    #[test]
    fn pdf_errors_are_told_in_french_and_english() {
        use crate::money::Lang;
        let scanned = FileError::ScannedPdf.to_string();
        assert!(scanned.contains("document scanné"), "{scanned}");
        assert!(scanned.contains("(OCR)"), "{scanned}");
        let scanned_en = FileError::ScannedPdf.message(Lang::En);
        assert!(scanned_en.contains("scanned document"), "{scanned_en}");
        assert!(FileError::PdfDisabled.to_string().contains("PDF"));
        assert!(FileError::PdfProtected
            .message(Lang::En)
            .contains("password"));
        let damaged = FileError::Pdf {
            message: "invalid file header".into(),
        };
        assert!(damaged
            .message(Lang::En)
            .ends_with("(the PDF reader says: invalid file header)"));
    }

    #[cfg(feature = "pdf")]
    #[test]
    fn a_panic_of_the_pdf_reader_is_an_error() {
        let e = unwinding_guard(
            || -> Result<(), FileError> { panic!("index out of bounds") },
            pdf_reader_stopped,
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("PDF illisible"), "{e}");
    }

    #[cfg(not(feature = "pdf"))]
    #[test]
    fn without_the_feature_a_pdf_is_refused() {
        assert_eq!(
            table_grid("rapport.pdf", b"%PDF-1.4\n"),
            Err(FileError::PdfDisabled)
        );
    }

    #[test]
    fn a_grid_keeps_row_and_column_numbers() {
        let mut cells = SheetCells::new("F");
        cells.push(2, 1, "N°".into()).unwrap();
        cells.push(2, 3, "Etat".into()).unwrap();
        cells.push(0, 0, "Titre".into()).unwrap();
        cells.push(1, 5, String::new()).unwrap();
        let grid = cells.into_grid().unwrap();
        assert_eq!(
            grid,
            vec![
                vec!["Titre".to_string()],
                vec![],
                vec![String::new(), "N°".into(), String::new(), "Etat".into()],
            ]
        );
    }

    #[cfg(feature = "spreadsheets")]
    #[test]
    fn a_panic_of_the_spreadsheet_reader_is_an_error() {
        let on_sheet = guarded(
            FileKind::Xls,
            Some("Annexe"),
            || -> Result<(), FileError> { panic!("index out of bounds") },
        );
        let e = on_sheet.unwrap_err();
        assert_eq!(
            e.to_string(),
            "classeur XLS illisible : fichier endommagé ou incomplet (feuille « Annexe »)"
        );
        let opening = guarded(FileKind::Ods, None, || -> Result<(), FileError> {
            panic!("assertion failed")
        });
        assert_eq!(
            opening.unwrap_err().to_string(),
            "classeur ODS illisible : fichier endommagé ou incomplet"
        );
        // Without a panic, the result is passed on as it is.
        assert_eq!(guarded(FileKind::Xlsx, None, || Ok(7)), Ok(7));
        assert_eq!(
            guarded(FileKind::Xlsx, None, || -> Result<(), FileError> {
                Err(FileError::NoSheet)
            }),
            Err(FileError::NoSheet)
        );
    }

    #[test]
    fn a_huge_sparse_sheet_is_refused_not_allocated() {
        let mut cells = SheetCells::new("F");
        cells.push(0, 0, "a".into()).unwrap();
        // XFD1048576: the last cell of a sheet.
        cells.push(1_048_575, 16_383, "z".into()).unwrap();
        // 1 048 576 rows + 1 + 16 384 columns > 2 000 000? No: 1 064 961, accepted;
        // one more far cell on another row adds 16 384 and so on. Fill enough
        // far rows to go over: 60 rows × 16 384 = 983 040 more.
        for r in 1..=60 {
            cells.push(r, 16_383, "z".into()).unwrap();
        }
        assert!(matches!(
            cells.into_grid(),
            Err(FileError::TooLarge {
                limit: MAX_GRID_CELLS,
                ..
            })
        ));
    }
}
