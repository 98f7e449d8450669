//! Reading the file given to `budget check` through [`budget_core::files::open`],
//! the widget's reader: a spreadsheet (.xlsx, .xls, .ods), a table of text
//! (TSV/CSV, UTF-8 or Windows-1252), the text of a PDF or a saved convention.

use std::io::Read;

use budget_core::files::{self, FileKind, Opened};
use budget_core::messages::Msg;
use budget_core::read::{self, Assumption, CellError, ReadOptions, Refusal, ReportReading};
use budget_core::{Convention, Lang};

/// What was read.
pub struct Loaded {
    pub convention: Convention,
    /// Cells that could not be read (tables only).
    pub cell_errors: Vec<CellError>,
    /// `table` or `saved`.
    pub source: &'static str,
    /// Something worth telling on stderr (the file was not UTF-8…).
    pub note: Option<String>,
    /// What the reader guessed about the table (tables only).
    pub assumptions: Vec<Assumption>,
    /// The guesses whose other reading was taken (`--other-reading`).
    pub overruled: Vec<Assumption>,
    /// Why the text was not read as a table, if it was not.
    pub refused: Option<Refusal>,
    /// When the text was a report's: every amount taken, with its line, and
    /// the amounts of uncertain meaning.
    pub report: Option<ReportReading>,
}

pub enum LoadFailure {
    /// The file cannot be opened: a usage error (exit status 2).
    Usage(String),
    /// The file was opened but its content cannot be read (exit status 1).
    Unreadable(String),
}

/// Reads `path` (`-` for stdin); with `other_reading`, the table is read
/// again the other way each guess of the reader offers. The messages are in
/// `lang`.
pub fn load(path: &str, other_reading: bool, lang: Lang) -> Result<Loaded, LoadFailure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            LoadFailure::Usage(Msg::CliStdinUnreadable.fill(lang, &[("reason", &e)]))
        })?;
        buf
    } else {
        std::fs::read(path).map_err(|e| {
            LoadFailure::Usage(Msg::CliCannotOpen.fill(lang, &[("path", &path), ("reason", &e)]))
        })?
    };
    let note = std::str::from_utf8(&bytes)
        .is_err()
        .then(|| Msg::CliNotUtf8.text(lang).to_string());
    // The same reader as the widget: spreadsheets, CSV/TSV, saved conventions.
    // Standard input and files without a known extension are read as text.
    let name = if files::kind_of(path, &bytes).is_some() {
        path
    } else {
        "entree.tsv"
    };
    // calamine panics on some damaged workbooks (the PDF reader may too):
    // files::open turns the panic into an error the user is given below, but
    // the default panic hook would first print « thread 'main' panicked at … »
    // on stderr. It is silenced while the file is read (the command has a
    // single thread).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut opened = files::open(name, &bytes, &ReadOptions::default());
    let mut overruled = Vec::new();
    if other_reading {
        if let Ok(Opened::Table { reading, .. }) = &opened {
            if !reading.assumptions.is_empty() {
                let options = read::other_reading(reading, &reading.assumptions);
                overruled = reading.assumptions.clone();
                opened = files::open(name, &bytes, &options);
            }
        }
    }
    std::panic::set_hook(hook);
    match opened {
        Ok(Opened::Saved(convention)) => Ok(Loaded {
            convention,
            cell_errors: Vec::new(),
            source: "saved",
            note: None,
            assumptions: Vec::new(),
            overruled,
            refused: None,
            report: None,
        }),
        Ok(Opened::Table { kind, reading, .. }) => Ok(Loaded {
            convention: reading.convention,
            cell_errors: reading.errors,
            source: "table",
            note: if matches!(kind, FileKind::Csv | FileKind::Tsv) {
                note
            } else {
                None
            },
            assumptions: reading.assumptions,
            overruled,
            refused: reading.refused,
            report: reading.report,
        }),
        Err(e) => Err(LoadFailure::Unreadable(e.message(lang))),
    }
}
