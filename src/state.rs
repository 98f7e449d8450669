//! The widget's state: the convention being worked on, the import in progress
//! (its source, the reader's choices and what they gave), and the one-step undo
//! of the last import.
//!
//! Everything here is signals of plain core data; the figures are computed from
//! the convention by the core when the view asks for them.

use budget_core::files::{self, FileKind, TableGrid};
use budget_core::read::{self, CellError, ColumnRole, ReadOptions, Reading};
use budget_core::{saved, Convention, Lang};
use leptos::prelude::*;

/// Where an import comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Text pasted or typed (TSV from the clipboard, CSV…).
    Text(String),
    /// A table file (spreadsheet, CSV, TSV) already cut into cells.
    File { name: String, grid: TableGrid },
}

/// An import the user has not confirmed yet: they can still change how the
/// table is read, confirm, or undo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub source: Source,
    pub options: ReadOptions,
    pub reading: Reading,
}

impl Import {
    fn read(source: Source, options: ReadOptions) -> Self {
        let reading = match &source {
            Source::Text(text) => read::read_table_with(text, &options),
            Source::File { grid, .. } => read::read_grid(&grid.rows, &options),
        };
        Self {
            source,
            options,
            reading,
        }
    }
}

/// What an import replaced, to undo it in one step.
#[derive(Clone, Debug, PartialEq)]
struct Before {
    convention: Option<Convention>,
    errors: Vec<CellError>,
    draft: String,
}

/// All the state of one calculator. `Copy`: every field is a signal.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub lang: RwSignal<Lang>,
    /// The text of the paste area.
    pub draft: RwSignal<String>,
    /// The convention shown; `None` before anything was imported.
    pub convention: RwSignal<Option<Convention>>,
    /// Cells of the last import that could not be read.
    pub errors: RwSignal<Vec<CellError>>,
    /// The import being checked, if any.
    pub import: RwSignal<Option<Import>>,
    /// Why the last file could not be opened, or an export failed.
    pub file_error: RwSignal<Option<String>>,
    before: RwSignal<Option<Before>>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    pub fn new() -> Self {
        Self {
            lang: RwSignal::new(Lang::Fr),
            draft: RwSignal::new(String::new()),
            convention: RwSignal::new(None),
            errors: RwSignal::new(Vec::new()),
            import: RwSignal::new(None),
            file_error: RwSignal::new(None),
            before: RwSignal::new(None),
        }
    }

    /// Changes the convention (one undo step).
    pub fn edit(&self, change: impl FnOnce(&mut Convention)) {
        self.convention.update(|c| {
            if let Some(c) = c.as_mut() {
                change(c)
            }
        });
    }

    /// Imports pasted or typed text. While an import from text is still being
    /// checked, new text replaces it (typing does not pile up undo steps).
    pub fn import_text(&self, text: String) {
        if text.trim().is_empty() {
            self.clear();
            return;
        }
        let pending_text = self.import.with_untracked(|i| {
            matches!(
                i,
                Some(Import {
                    source: Source::Text(_),
                    ..
                })
            )
        });
        if !pending_text {
            self.remember();
        }
        self.draft.set(text.clone());
        let options = if pending_text {
            self.import
                .with_untracked(|i| i.as_ref().map(|i| i.options.clone()))
                .unwrap_or_default()
        } else {
            ReadOptions::default()
        };
        self.apply(Import::read(Source::Text(text), options));
    }

    /// Opens a file the user picked or dropped: a saved convention is loaded as
    /// it is; a table is read like a paste and shown in the mapping preview.
    pub fn import_file(&self, name: &str, bytes: &[u8]) {
        self.file_error.set(None);
        if files::kind_of(name, bytes) == Some(FileKind::Saved) {
            match saved::from_json(&files::decode_text(bytes)) {
                Ok(conv) => {
                    self.remember();
                    self.convention.set(Some(conv));
                    self.errors.set(Vec::new());
                    self.import.set(None);
                }
                Err(e) => self.file_error.set(Some(format!("{name} : {e}"))),
            }
            return;
        }
        match files::table_grid(name, bytes) {
            Ok(grid) => {
                self.remember();
                let source = Source::File {
                    name: name.to_string(),
                    grid,
                };
                self.apply(Import::read(source, ReadOptions::default()));
            }
            Err(e) => self.file_error.set(Some(format!("{name} : {e}"))),
        }
    }

    /// Imports a spreadsheet already cut into cells (by the spreadsheet worker).
    pub fn import_grid(&self, name: &str, grid: TableGrid) {
        self.file_error.set(None);
        self.remember();
        let source = Source::File {
            name: name.to_string(),
            grid,
        };
        self.apply(Import::read(source, ReadOptions::default()));
    }

    /// Reads the pending import again with other choices (header row, column roles).
    pub fn reread(&self, options: ReadOptions) {
        let Some(source) = self
            .import
            .with_untracked(|i| i.as_ref().map(|i| i.source.clone()))
        else {
            return;
        };
        self.apply(Import::read(source, options));
    }

    /// Changes the role of one column (0-based) of the pending import.
    pub fn set_column_role(&self, column: usize, role: ColumnRole) {
        let Some(mut options) = self.import.with_untracked(|i| {
            i.as_ref().map(|i| {
                let mut options = i.options.clone();
                let mut columns: Vec<ColumnRole> =
                    i.reading.columns.iter().map(|c| c.role.clone()).collect();
                if let Some(slot) = columns.get_mut(column) {
                    *slot = role.clone();
                }
                options.columns = Some(columns);
                options.header_row = i.reading.header_row.or(options.header_row);
                options
            })
        }) else {
            return;
        };
        if options.header_row.is_none() {
            options.header_row = Some(0);
        }
        self.reread(options);
    }

    /// Changes the header row of the pending import (`0`: no header row); the
    /// columns are detected again from the new headings.
    pub fn set_header_row(&self, row: usize) {
        self.reread(ReadOptions {
            header_row: Some(row),
            columns: None,
        });
    }

    /// The user agrees with how the table was read.
    pub fn confirm(&self) {
        self.import.set(None);
    }

    /// Puts back what was there before the last import.
    pub fn undo_import(&self) {
        if let Some(before) = self.before.get_untracked() {
            self.convention.set(before.convention);
            self.errors.set(before.errors);
            self.draft.set(before.draft);
        }
        self.before.set(None);
        self.import.set(None);
    }

    /// Whether there is an import to undo.
    pub fn can_undo_import(&self) -> bool {
        self.before.with(Option::is_some)
    }

    /// Empties the calculator (can be undone like an import).
    pub fn clear(&self) {
        if self.convention.with_untracked(Option::is_some) {
            self.remember();
        }
        self.convention.set(None);
        self.errors.set(Vec::new());
        self.import.set(None);
        self.draft.set(String::new());
    }

    fn remember(&self) {
        self.before.set(Some(Before {
            convention: self.convention.get_untracked(),
            errors: self.errors.get_untracked(),
            draft: self.draft.get_untracked(),
        }));
    }

    fn apply(&self, import: Import) {
        self.convention.set(Some(import.reading.convention.clone()));
        self.errors.set(import.reading.errors.clone());
        self.import.set(Some(import));
    }
}
