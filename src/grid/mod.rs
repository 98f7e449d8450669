//! The table of actions, edited in place like a spreadsheet.
//!
//! Each cell can take the focus (one at a time is in the tab order: the
//! "active" cell). With the keyboard: arrows move, Enter or F2 edits, typing
//! starts editing with what is typed, Delete empties the cell, Ctrl+V pastes a
//! block from a spreadsheet over the cells from the active one. While
//! editing: Enter validates and goes down, Tab validates and goes right,
//! Escape gives up. Every change goes through [`Workspace::try_edit`], so it
//! can be undone; the figures are recomputed by the core.
//!
//! User text is only ever put in text nodes and attribute values.

mod budget_table;
mod cell;
pub mod cells;
mod execution_table;
mod pager;

pub use budget_table::budget_table;
pub use execution_table::execution_table;

use std::sync::Arc;

use budget_core::edit::{self, Column};
use budget_core::money::{format_eur, format_percent};
use budget_core::{ActionId, GroupId, Lang};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::grid::cells::co_financing_cells;
use crate::state::summary::{ActionLine, GroupBlock, Summary};
use crate::state::Workspace;
use crate::ui::focus::focus_later;
use crate::ui::i18n::{colon, quoted, semicolon, t, Key};

/// Where the keyboard is in the table, and what is being edited.
#[derive(Clone, Copy)]
pub struct Grid {
    ws: Workspace,
    /// The active cell: an action and a column index.
    pub active: RwSignal<Option<(ActionId, usize)>>,
    /// The cell being edited and the text the editor starts with.
    editing: RwSignal<Option<(ActionId, usize, String)>>,
    /// What the last edit or paste could not do.
    pub message: RwSignal<Option<String>>,
    /// The actions in the order the table shows them.
    order: StoredValue<Arc<[ActionId]>>,
    /// The editable columns, in the order the table shows them.
    columns: StoredValue<Vec<Column>>,
    /// Whether the focus is on its way back to the active cell.
    moving: StoredValue<bool>,
    /// Which cell is active, which is edited, which row is active, as the
    /// cells and rows follow them: each is told only when it becomes or stops
    /// being the one, not every cell of the page on every move or edit.
    active_cell: StoredValue<Selector<Option<(ActionId, usize)>>>,
    edited_cell: StoredValue<Selector<Option<(ActionId, usize)>>>,
    active_row: StoredValue<Selector<Option<ActionId>>>,
    /// The page of the table shown.
    pub page: RwSignal<usize>,
    /// How many actions a page shows (one of [`PAGE_SIZES`]).
    page_size: RwSignal<usize>,
    /// What tells this table's element ids from another's: `c` for the
    /// planned amounts (Budget), `x` for the executed ones (Execution).
    prefix: &'static str,
}

/// How many actions the table can show at once, for the user to choose: a
/// 10 000-action convention is drawn a page at a time so that the page stays
/// responsive (after an edit, the browser lays out and paints the rows shown
/// again: the fewer, the quicker); totals and checks always cover every
/// action.
pub const PAGE_SIZES: [usize; 3] = [25, 50, 100];

/// How many actions a page shows until the user chooses another size (the
/// choice is remembered in this browser, for both tables): 50,
/// with which an edit of a 10 000-action convention was presented in about
/// two thirds of the time it took with 100 (see the README's benchmark).
pub const PAGE_SIZE: usize = 50;

/// Whether `el` is the element that has the focus.
fn has_focus(el: &web_sys::Element) -> bool {
    document().active_element().is_some_and(|a| &a == el)
}

/// Gives the focus to the cell editor once it is drawn, the caret at the end.
/// An editor that already has the focus (clicked, or focused by a script)
/// is left as it is: its caret or selection may be in use already.
fn focus_editor(id: String) {
    request_animation_frame(move || {
        if let Some(input) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if has_focus(&input) {
                return;
            }
            let _ = input.focus();
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        }
    });
}

impl Grid {
    /// The table of planned amounts (Budget view).
    pub fn new(ws: Workspace) -> Self {
        Self::with_prefix(ws, "c")
    }

    /// The table of executed amounts (Execution view).
    pub fn executed(ws: Workspace) -> Self {
        Self::with_prefix(ws, "x")
    }

    fn with_prefix(ws: Workspace, prefix: &'static str) -> Self {
        let active = RwSignal::new(None::<(ActionId, usize)>);
        let editing = RwSignal::new(None::<(ActionId, usize, String)>);
        Self {
            ws,
            active,
            editing,
            message: RwSignal::new(None),
            order: StoredValue::new(Arc::new([])),
            columns: StoredValue::new(Vec::new()),
            moving: StoredValue::new(false),
            active_cell: StoredValue::new(Selector::new(move || active.get())),
            edited_cell: StoredValue::new(Selector::new(move || {
                editing.with(|e| e.as_ref().map(|(a, c, _)| (*a, *c)))
            })),
            active_row: StoredValue::new(Selector::new(move || active.get().map(|(a, _)| a))),
            page: RwSignal::new(0),
            page_size: RwSignal::new(
                crate::store::storage::load_page_size()
                    .filter(|n| PAGE_SIZES.contains(n))
                    .unwrap_or(PAGE_SIZE),
            ),
            prefix,
        }
    }

    /// Whether the cell is the active one (tracked for this cell only).
    fn is_active(&self, action: ActionId, col: usize) -> bool {
        self.active_cell
            .try_with_value(|s| s.selected(&Some((action, col))))
            .unwrap_or(false)
    }

    /// Whether the cell is being edited (tracked for this cell only).
    fn is_edited(&self, action: ActionId, col: usize) -> bool {
        self.edited_cell
            .try_with_value(|s| s.selected(&Some((action, col))))
            .unwrap_or(false)
    }

    /// Whether the row holds the active cell (tracked for this row only).
    fn is_active_row(&self, action: ActionId) -> bool {
        self.active_row
            .try_with_value(|s| s.selected(&Some(action)))
            .unwrap_or(false)
    }

    /// The id of a cell's element.
    pub fn cell_id(&self, action: ActionId, col: usize) -> String {
        format!("bw-{}-{action}-{col}", self.prefix)
    }

    /// The id of the cell editor.
    fn editor_id(&self) -> String {
        match self.prefix {
            "c" => "bw-editor".to_string(),
            p => format!("bw-editor-{p}"),
        }
    }

    fn column(&self, col: usize) -> Option<Column> {
        self.columns.with_value(|c| c.get(col).copied())
    }

    fn width(&self) -> usize {
        self.columns.with_value(Vec::len)
    }

    /// Shows `size` actions per page (one of [`PAGE_SIZES`]), on the page
    /// that holds the first action shown until now; remembered for the next
    /// visit.
    pub fn set_page_size(&self, size: usize) {
        if !PAGE_SIZES.contains(&size) {
            return;
        }
        let first = self
            .page
            .get_untracked()
            .saturating_mul(self.page_size.get_untracked());
        self.page_size.set(size);
        self.page.set(first / size);
        crate::store::storage::save_page_size(size);
    }

    /// Makes a cell the active one and gives it the focus.
    ///
    /// A cell already on the page gets it at once, while the page is still
    /// as the browser last laid it out (an edit confirmed with Enter: the
    /// cell below), so that giving the focus does not make the browser lay
    /// out the changes of the edit a first time before the next frame. Once
    /// the page is drawn again, the cell gets it if it does not have it (a
    /// cell on another page, or drawn again by the change).
    pub fn go(&self, action: ActionId, col: usize) {
        let position = self
            .order
            .with_value(|order| order.iter().position(|a| *a == action));
        let mut same_page = true;
        let size = self.page_size.get_untracked().max(1);
        if let Some(page) = position.map(|p| p / size) {
            if page != self.page.get_untracked() {
                same_page = false;
                self.page.set(page);
            }
        }
        self.active.set(Some((action, col)));
        self.moving.set_value(true);
        let moving = self.moving;
        let id = self.cell_id(action, col);
        let focus = move |id: &str| {
            if let Some(el) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                if !has_focus(&el) {
                    let _ = el.focus();
                }
            }
        };
        if same_page {
            focus(&id);
        }
        request_animation_frame(move || {
            focus(&id);
            moving.set_value(false);
        });
    }

    /// Moves the active cell by rows (in table order) and columns.
    fn step(&self, action: ActionId, col: usize, rows: isize, cols: isize) {
        let next_col = col
            .saturating_add_signed(cols)
            .min(self.width().saturating_sub(1));
        let next_action = self.order.with_value(|order| {
            let at = order.iter().position(|a| *a == action)?;
            let to = at
                .saturating_add_signed(rows)
                .min(order.len().saturating_sub(1));
            order.get(to).copied()
        });
        self.go(next_action.unwrap_or(action), next_col);
    }

    /// Starts editing a cell, with `initial` text or the cell's own.
    pub fn start(&self, action: ActionId, col: usize, initial: Option<String>) {
        let lang = self.ws.lang.get_untracked();
        let text = match initial {
            Some(text) => text,
            None => {
                let Some(column) = self.column(col) else {
                    return;
                };
                self.ws
                    .convention
                    .with_untracked(|c| {
                        c.as_ref().map(|c| edit::cell_text(c, action, column, lang))
                    })
                    .unwrap_or_default()
            }
        };
        self.active.set(Some((action, col)));
        self.editing.set(Some((action, col, text)));
        self.message.set(None);
        focus_editor(self.editor_id());
    }

    /// Writes a cell; says why when it cannot.
    fn write(&self, action: ActionId, col: usize, text: &str) -> bool {
        let Some(column) = self.column(col) else {
            return false;
        };
        let lang = self.ws.lang.get_untracked();
        match self
            .ws
            .try_edit(|c| edit::set_cell(c, action, column, text))
        {
            Ok(()) => {
                self.message.set(None);
                true
            }
            Err(e) => {
                self.message.set(Some(format!(
                    "{}{}{}",
                    quoted(lang, text.trim()),
                    colon(lang),
                    e.message(lang)
                )));
                false
            }
        }
    }

    /// Pastes a block from the active cell.
    fn paste(&self, action: ActionId, col: usize, text: &str) {
        let lang = self.ws.lang.get_untracked();
        let columns = self.columns.get_value();
        let pasted = self
            .ws
            .try_edit::<_, ()>(|c| Ok(edit::paste_block(c, action, &columns, col, text)));
        let Ok(pasted) = pasted else { return };
        if pasted.errors.is_empty() {
            self.message.set(None);
        } else {
            let details = pasted
                .errors
                .iter()
                .map(|e| {
                    format!(
                        "{} {}, {} {} {}{}{}",
                        t(lang, Key::Row),
                        e.row,
                        t(lang, Key::Column),
                        e.column,
                        quoted(lang, &e.text),
                        colon(lang),
                        e.error.message(lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(semicolon(lang));
            self.message
                .set(Some(format!("{} {details}", t(lang, Key::PasteSomeUnread))));
        }
        self.go(action, col);
    }

    /// A key that reached the page while no element had the focus: the
    /// table was being redrawn after a change and the focus was about to go
    /// back to the active cell. The key is taken as typed on that cell, so
    /// that fast typing loses nothing.
    pub fn stray_key(&self, ev: ev::KeyboardEvent) {
        let on_body = document()
            .active_element()
            .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
        let Some((action, col)) = self.active.get_untracked() else {
            return;
        };
        let editing_any = self.editing.with_untracked(Option::is_some);
        if !on_body
            || ev.default_prevented()
            || !(self.moving.get_value() || editing_any)
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        let editing = self
            .editing
            .with_untracked(|e| matches!(e, Some((a, c, _)) if *a == action && *c == col));
        if !editing {
            self.key(ev, action, col);
            return;
        }
        self.early_key(&ev, action, col);
    }

    /// Keys on a cell that is not being edited.
    fn key(&self, ev: ev::KeyboardEvent, action: ActionId, col: usize) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        match key.as_str() {
            "ArrowUp" => self.step(action, col, -1, 0),
            "ArrowDown" => self.step(action, col, 1, 0),
            "ArrowLeft" => self.step(action, col, 0, -1),
            "ArrowRight" => self.step(action, col, 0, 1),
            "Home" => self.go(action, 0),
            "End" => self.go(action, self.width().saturating_sub(1)),
            "Enter" | "F2" => self.start(action, col, None),
            "Delete" | "Backspace" => {
                self.write(action, col, "");
                self.go(action, col);
            }
            k if k.chars().count() == 1 => self.start(action, col, Some(k.to_string())),
            _ => return,
        }
        ev.prevent_default();
    }

    /// Keys in the editor.
    fn editor_key(&self, ev: ev::KeyboardEvent, action: ActionId, col: usize) {
        let value = || {
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default()
        };
        self.finish(&ev, action, col, value);
    }

    /// A key typed on the cell being edited before its editor took the focus
    /// (typing fast, or a busy page): a character goes into the text being
    /// edited; Enter, Tab and Escape do what they do in the editor.
    fn early_key(&self, ev: &ev::KeyboardEvent, action: ActionId, col: usize) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if key.chars().count() == 1 {
            ev.prevent_default();
            self.editing.update(|e| {
                if let Some((_, _, text)) = e {
                    text.push_str(&key);
                }
            });
            focus_editor(self.editor_id());
        } else {
            let text = self.editing.with_untracked(|e| {
                e.as_ref()
                    .map(|(_, _, text)| text.clone())
                    .unwrap_or_default()
            });
            self.finish(ev, action, col, move || text);
        }
    }

    /// Enter or Tab on the cell being edited confirms `value` and moves on;
    /// Escape gives up. Other keys: nothing.
    fn finish(
        &self,
        ev: &ev::KeyboardEvent,
        action: ActionId,
        col: usize,
        value: impl FnOnce() -> String,
    ) {
        let key = ev.key();
        let (rows, cols) = match (key.as_str(), ev.shift_key()) {
            ("Enter", false) => (1, 0),
            ("Enter", true) => (-1, 0),
            ("Tab", false) => (0, 1),
            ("Tab", true) => (0, -1),
            ("Escape", _) => {
                ev.prevent_default();
                self.editing.set(None);
                self.message.set(None);
                self.go(action, col);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if self.write(action, col, &value()) {
            self.editing.set(None);
            self.step(action, col, rows, cols);
        }
    }
}
