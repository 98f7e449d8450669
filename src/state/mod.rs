//! The widget's state: the convention being worked on, the import in progress
//! (its source, the reader's choices and what they gave), and the undo / redo
//! history of every change: edits, pastes, imports.
//!
//! Everything here is signals of plain core data; the figures are computed from
//! the convention by the core when the view asks for them.

use std::sync::Arc;

use budget_core::files::{self, FileKind, TableGrid};
use budget_core::read::{self, CellError, ColumnRole, ReadOptions, Reading};
use budget_core::{Convention, Lang};
use leptos::prelude::*;

pub mod summary;

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
            Source::File { grid, .. } => files::read_table_grid(grid, &options),
        };
        Self {
            source,
            options,
            reading,
        }
    }
}

/// How many changes can be undone.
const HISTORY: usize = 50;

/// The state of the calculator before (or after) a change, to undo (redo) it.
#[derive(Clone, Debug, PartialEq)]
struct Before {
    convention: Option<Convention>,
    errors: Vec<CellError>,
    /// Shared, not copied: a pasted table can be megabytes, and each change
    /// keeps the text of the paste area for undo.
    draft: Arc<str>,
}

/// Something brought in to be read: the paste area's text, the example, a
/// file picked or dropped, a spreadsheet cut into cells by the worker. The
/// shell hands it to the `workbench` chunk, which carries the table reader
/// (`chunks::take`).
#[derive(Debug)]
pub enum Incoming {
    Text(String),
    Example,
    File { name: String, bytes: Vec<u8> },
    Grid { name: String, grid: TableGrid },
}

/// All the state of one calculator. `Copy`: every field is a signal.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub lang: RwSignal<Lang>,
    /// The text of the paste area.
    pub draft: RwSignal<Arc<str>>,
    /// The convention shown; `None` before anything was imported.
    pub convention: RwSignal<Option<Convention>>,
    /// Cells of the last import that could not be read.
    pub errors: RwSignal<Vec<CellError>>,
    /// The import being checked, if any.
    pub import: RwSignal<Option<Import>>,
    /// Why the last file could not be opened, or an export failed.
    pub file_error: RwSignal<Option<String>>,
    undo: RwSignal<Vec<Before>>,
    redo: RwSignal<Vec<Before>>,
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
            draft: RwSignal::new(Arc::from("")),
            convention: RwSignal::new(None),
            errors: RwSignal::new(Vec::new()),
            import: RwSignal::new(None),
            file_error: RwSignal::new(None),
            undo: RwSignal::new(Vec::new()),
            redo: RwSignal::new(Vec::new()),
        }
    }

    /// Reads what was brought in (see [`Incoming`]).
    pub fn take(&self, what: Incoming) {
        match what {
            Incoming::Text(text) => self.import_text(text),
            Incoming::Example => self.import_text(crate::words::EXAMPLE_TABLE.to_string()),
            Incoming::File { name, bytes } => self.import_file(&name, &bytes),
            Incoming::Grid { name, grid } => self.import_grid(&name, grid),
        }
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
        self.draft.set(Arc::from(text.as_str()));
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
        let lang = self.lang.get_untracked();
        if files::kind_of(name, bytes) == Some(FileKind::Saved) {
            match crate::chunks::json::from_json(&files::decode_text(bytes)) {
                Ok(conv) => self.replace(conv),
                Err(e) => self
                    .file_error
                    .set(Some(file_message(lang, name, &e.message(lang)))),
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
            Err(e) => self
                .file_error
                .set(Some(file_message(lang, name, &e.message(lang)))),
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

    /// Gives an amount of a report's text (line, rank in the line, 1-based)
    /// a meaning, or leaves it out (`ColumnRole::Ignored`), and reads the
    /// text again.
    pub fn set_amount_meaning(&self, line: usize, nth: usize, role: ColumnRole) {
        let Some(mut options) = self
            .import
            .with_untracked(|i| i.as_ref().map(|i| i.options.clone()))
        else {
            return;
        };
        options.amounts.retain(|c| (c.line, c.nth) != (line, nth));
        options.amounts.push(read::AmountChoice { line, nth, role });
        self.reread(options);
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
            groups_from_subtotals: None,
            group_rows: None,
            amounts: Vec::new(),
        });
    }

    /// The user agrees with how the table was read.
    pub fn confirm(&self) {
        self.import.set(None);
    }

    /// Puts back what was there before the last import (or the last change).
    pub fn undo_import(&self) {
        self.undo();
    }

    /// Changes the convention, as one step that can be undone. Starts an empty
    /// convention when there is none; a pending import is taken as confirmed.
    /// Nothing is recorded when the change changes nothing or fails.
    pub fn try_edit<T, E>(
        &self,
        change: impl FnOnce(&mut Convention) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conv = self.convention.get_untracked().unwrap_or_default();
        let out = change(&mut conv)?;
        if self
            .convention
            .with_untracked(|c| c.as_ref() != Some(&conv))
        {
            // The convention before the change goes to the history as it is
            // (moved, not copied again: one copy per edit of a big table).
            let before = Before {
                convention: self
                    .convention
                    .try_update_untracked(|c| c.replace(conv))
                    .flatten(),
                errors: self.errors.get_untracked(),
                draft: self.draft.get_untracked(),
            };
            self.push_history(before);
            self.import.set(None);
            self.convention.notify();
        }
        Ok(out)
    }

    /// Changes the convention (see [`Workspace::try_edit`]).
    pub fn edit(&self, change: impl FnOnce(&mut Convention)) {
        let _ = self.try_edit::<(), ()>(|c| {
            change(c);
            Ok(())
        });
    }

    /// Replaces the whole convention (a saved one opened, a shared link), as
    /// one step that can be undone.
    pub fn replace(&self, conv: Convention) {
        self.remember();
        self.import.set(None);
        self.errors.set(Vec::new());
        self.convention.set(Some(conv));
    }

    // store: opening another kept convention (src/library.rs)
    /// Puts another convention in the calculator (one of « Mes conventions »
    /// opened, a new one, a scenario, a shared link added). The history belongs
    /// to the convention left: it is emptied, so that undo never brings one
    /// convention's figures into another.
    pub fn open_other(&self, conv: Option<Convention>) {
        self.undo.update(Vec::clear);
        self.redo.update(Vec::clear);
        self.import.set(None);
        self.errors.set(Vec::new());
        self.draft.set(Arc::from(""));
        self.file_error.set(None);
        self.convention.set(conv);
    }
    // end store

    fn now(&self) -> Before {
        Before {
            convention: self.convention.get_untracked(),
            errors: self.errors.get_untracked(),
            draft: self.draft.get_untracked(),
        }
    }

    fn restore(&self, state: Before) {
        self.convention.set(state.convention);
        self.errors.set(state.errors);
        self.draft.set(state.draft);
        self.import.set(None);
    }

    /// Undoes the last change (edit, paste, import, clear).
    pub fn undo(&self) {
        let Some(before) = self.undo.try_update(Vec::pop).flatten() else {
            return;
        };
        let now = self.now();
        self.redo.update(|r| r.push(now));
        self.restore(before);
    }

    /// Does again the last change undone.
    pub fn redo(&self) {
        let Some(after) = self.redo.try_update(Vec::pop).flatten() else {
            return;
        };
        let now = self.now();
        self.undo.update(|u| u.push(now));
        self.restore(after);
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        self.undo.with(|u| !u.is_empty())
    }

    /// Whether there is a change to redo.
    pub fn can_redo(&self) -> bool {
        self.redo.with(|r| !r.is_empty())
    }

    /// Whether there is an import to undo (kept for the import buttons).
    pub fn can_undo_import(&self) -> bool {
        self.can_undo()
    }

    /// Empties the calculator (can be undone like an import).
    pub fn clear(&self) {
        if self.convention.with_untracked(Option::is_some) {
            self.remember();
        }
        self.convention.set(None);
        self.errors.set(Vec::new());
        self.import.set(None);
        self.draft.set(Arc::from(""));
    }

    fn remember(&self) {
        self.push_history(self.now());
    }

    fn push_history(&self, now: Before) {
        self.undo.update(|u| {
            u.push(now);
            if u.len() > HISTORY {
                u.remove(0);
            }
        });
        self.redo.update(Vec::clear);
    }

    fn apply(&self, import: Import) {
        // A text with nothing to read (no headings, no amounts) changes no
        // figure: the preview says why, the table before stays.
        if import.reading.refused.is_none() {
            self.convention.set(Some(import.reading.convention.clone()));
        }
        self.errors.set(import.reading.errors.clone());
        self.import.set(Some(import));
    }
}

/// What went wrong with the file `name`, in `lang`: « budget.pdf : … » in
/// French, "budget.pdf: …" in English.
pub fn file_message(lang: Lang, name: &str, message: &str) -> String {
    format!("{name}{}{message}", crate::ui::i18n::colon(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use budget_core::edit::{self, Column};
    use budget_core::figures::grand_planned;
    use budget_core::Decimal;

    fn total(ws: &Workspace) -> Decimal {
        ws.convention.with_untracked(|c| {
            c.as_ref()
                .and_then(|c| grand_planned(c).ok())
                .map_or(Decimal::ZERO, |t| t.total)
        })
    }

    #[test]
    fn edits_pastes_and_imports_are_undone_and_redone_in_order() {
        let owner = Owner::new();
        owner.set();
        let ws = Workspace::new();
        // Import: 50 000 + 50 000 + 3 000 + 18 000 = 121 000.
        ws.import_text("N°\tIntitulé\tPart Etat\tPart CD\n1\tMaraudes\t50 000\t50 000\n2\tRéfugiés\t3 000\t18 000\n".into());
        assert_eq!(total(&ws), Decimal::new(121_000, 0));
        // Edit: action 1, État 50 000 → 40 000: 111 000.
        ws.try_edit(|c| edit::set_cell(c, 0, Column::Planned(0), "40 000"))
            .unwrap();
        assert!(
            ws.import.with_untracked(Option::is_none),
            "editing confirms the import"
        );
        assert_eq!(total(&ws), Decimal::new(111_000, 0));
        // The pasted text is kept for undo shared with the paste area, not copied.
        let draft = ws.draft.get_untracked();
        assert!(draft.starts_with("N°\tIntitulé"));
        assert!(ws
            .undo
            .with_untracked(|u| u.last().is_some_and(|b| Arc::ptr_eq(&b.draft, &draft))));
        // A refused edit records nothing.
        assert!(ws
            .try_edit(|c| edit::set_cell(c, 0, Column::Planned(0), "quarante"))
            .is_err());
        // Paste a block over action 2's two amounts: 1 000 and 2 000 → 40 000 + 50 000 + 3 000 = 93 000.
        ws.try_edit::<_, ()>(|c| {
            Ok(edit::paste_block(
                c,
                1,
                &[Column::Planned(0), Column::Planned(1)],
                0,
                "1 000\t2 000",
            ))
        })
        .unwrap();
        assert_eq!(total(&ws), Decimal::new(93_000, 0));
        ws.undo();
        assert_eq!(total(&ws), Decimal::new(111_000, 0));
        ws.undo();
        assert_eq!(total(&ws), Decimal::new(121_000, 0));
        ws.undo();
        assert!(ws.convention.with_untracked(Option::is_none));
        assert_eq!(
            &*ws.draft.get_untracked(),
            "",
            "the paste area as before the paste"
        );
        assert!(!ws.can_undo());
        ws.redo();
        ws.redo();
        assert_eq!(total(&ws), Decimal::new(111_000, 0));
        // A new change forgets what could be redone.
        ws.edit(|c| c.title = "Convention".into());
        assert!(!ws.can_redo());
        assert_eq!(total(&ws), Decimal::new(111_000, 0));
    }
}
