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

use std::sync::Arc;

use budget_core::edit::{self, Column};
use budget_core::money::{format_eur, format_percent};
use budget_core::{ActionId, GroupId, Lang};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{colon, quoted, semicolon, t, Key};
use crate::results::co_financing_cells;
use crate::state::Workspace;
use crate::summary::{ActionLine, GroupBlock, Summary};

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

/// Gives the focus to an element by id once the view is rebuilt.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

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
                crate::storage::load_page_size()
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
        crate::storage::save_page_size(size);
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

/// One cell of an action row.
#[allow(clippy::too_many_arguments)]
fn cell(
    grid: Grid,
    lang: Lang,
    action: ActionId,
    col: usize,
    shown: String,
    class: &'static str,
    hint: Option<String>,
    header: bool,
) -> impl IntoView {
    let tabindex = move || {
        if grid.is_active(action, col) {
            "0"
        } else {
            "-1"
        }
    };
    let editor = move || {
        if !grid.is_edited(action, col) {
            return None;
        }
        // Only the cell edited follows the editor's text.
        grid.editing.with(|e| match e {
            Some((a, c, text)) if *a == action && *c == col => {
                let label = t(lang, Key::EditCell);
                Some(view! {
                    <input
                        id=grid.editor_id()
                        class="bw-editor"
                        type="text"
                        aria-label=label
                        value=text.clone()
                        on:keydown=move |ev| grid.editor_key(ev, action, col)
                        on:blur=move |_| {
                            // Leaving the editor with the mouse keeps what was typed
                            // only when it can be read.
                            if grid.editing.with_untracked(|e| matches!(e, Some((a, c, _)) if *a == action && *c == col)) {
                                let value = document()
                                    .get_element_by_id(&grid.editor_id())
                                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                                    .map(|i| i.value());
                                if let Some(v) = value {
                                    if grid.write(action, col, &v) {
                                        grid.editing.set(None);
                                    }
                                }
                            }
                        }
                    />
                })
            }
            _ => None,
        })
    };
    // In the event handlers: the state as it is now.
    let editing_here = move || {
        grid.editing
            .with_untracked(|e| matches!(e, Some((a, c, _)) if *a == action && *c == col))
    };
    // The cell keeps its text while edited (hidden under the editor, which
    // is laid over it): opening and closing the editor changes no width, so
    // the browser does not lay out and paint the whole table again.
    let edited = move || grid.is_edited(action, col);
    let id = grid.cell_id(action, col);
    let on_key = move |ev: ev::KeyboardEvent| {
        // Keys typed in the editor bubble up to the cell: the editor has
        // handled them.
        if ev
            .target()
            .is_some_and(|t| t.dyn_ref::<web_sys::HtmlInputElement>().is_some())
        {
            return;
        }
        if !editing_here() {
            grid.key(ev, action, col);
        } else if ev
            .target()
            .is_some_and(|t| t.dyn_ref::<web_sys::HtmlInputElement>().is_none())
        {
            // Typed before the editor took the focus: keep it.
            grid.early_key(&ev, action, col);
        }
    };
    let on_paste = move |ev: ev::ClipboardEvent| {
        if editing_here() {
            return;
        }
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok());
        if let Some(text) = text {
            ev.prevent_default();
            ev.stop_propagation();
            grid.paste(action, col, &text);
        }
    };
    let on_focus = move |_: ev::FocusEvent| {
        if grid.active.get_untracked() != Some((action, col)) {
            grid.active.set(Some((action, col)));
        }
    };
    if header {
        view! {
            <th scope="row" id=id class=class class:bw-editing=edited tabindex=tabindex title=hint data-cell=""
                on:keydown=on_key on:paste=on_paste on:focus=on_focus
                on:dblclick=move |_| grid.start(action, col, None)>
                {shown}{editor}
            </th>
        }
        .into_any()
    } else {
        view! {
            <td id=id class=class class:bw-editing=edited tabindex=tabindex title=hint data-cell=""
                on:keydown=on_key on:paste=on_paste on:focus=on_focus
                on:dblclick=move |_| grid.start(action, col, None)>
                {shown}{editor}
            </td>
        }
        .into_any()
    }
}

fn action_row(grid: Grid, lang: Lang, line: Arc<ActionLine>, funders: usize) -> impl IntoView {
    let a = line.id;
    let mut cells = Vec::with_capacity(funders + 2);
    let empty = t(lang, Key::EmptyCell);
    cells.push(
        cell(
            grid,
            lang,
            a,
            0,
            if line.number.is_empty() {
                empty.to_string()
            } else {
                line.number.clone()
            },
            "bw-number",
            None,
            true,
        )
        .into_any(),
    );
    cells.push(
        cell(
            grid,
            lang,
            a,
            1,
            if line.title.is_empty() {
                empty.to_string()
            } else {
                line.title.clone()
            },
            "bw-title",
            None,
            false,
        )
        .into_any(),
    );
    let total = match &line.amounts {
        Ok(amounts) => {
            for (f, v) in amounts.by_funder.iter().enumerate() {
                let formula = line.formulas.get(f).cloned().flatten();
                let class = if formula.is_some() {
                    "bw-num bw-formula"
                } else {
                    "bw-num"
                };
                cells.push(
                    cell(
                        grid,
                        lang,
                        a,
                        f + 2,
                        format_eur(*v, lang),
                        class,
                        formula,
                        false,
                    )
                    .into_any(),
                );
            }
            view! { <td class="bw-num bw-total">{format_eur(amounts.total, lang)}</td> }.into_any()
        }
        Err(e) => {
            view! { <td class="bw-error" colspan=(funders + 1).to_string()>{e.message(lang)}</td> }
                .into_any()
        }
    };
    let selected = move || grid.is_active_row(a);
    view! {
        <tr id=format!("bw-row-{a}") class:bw-selected=selected>
            {cells}
            {total}
            {if line.incomplete {
                view! {
                    <td class="bw-num"></td>
                    <td class="bw-breach">{t(lang, Key::CoFinUnread)}</td>
                }
                .into_any()
            } else {
                co_financing_cells(lang, line.co_financing.as_ref()).into_any()
            }}
        </tr>
    }
}

/// The buttons of a group's heading row: move, rename, remove.
fn group_tools(grid: Grid, lang: Lang, id: GroupId, name: String) -> impl IntoView {
    let ws = grid.ws;
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let input_id = format!("bw-group-name-{id}");
    let label = format!("{} {}", t(lang, Key::GroupNewName), quoted(lang, &name));
    let input_id2 = input_id.clone();
    let rename = move || {
        let value = document()
            .get_element_by_id(&input_id2)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value());
        if let Some(v) = value {
            ws.edit(|c| edit::rename_group(c, id, &v));
        }
        renaming.set(false);
    };
    let rename2 = rename.clone();
    let n1 = name.clone();
    let n2 = name.clone();
    let n3 = name.clone();
    let n4 = name.clone();
    view! {
        <span class="bw-row-tools">
            <Show when=move || renaming.get()>
                <label class="bw-visually-hidden" for=input_id.clone()>{label.clone()}</label>
                <input id=input_id.clone() type="text" value=n1.clone()
                    on:keydown={
                        let rename = rename.clone();
                        move |ev: ev::KeyboardEvent| match ev.key().as_str() {
                            "Enter" => rename(),
                            "Escape" => renaming.set(false),
                            _ => {}
                        }
                    } />
                <button type="button" on:click={ let rename = rename2.clone(); move |_| rename() }>{t(lang, Key::Ok)}</button>
                <button type="button" on:click=move |_| renaming.set(false)>{t(lang, Key::Cancel)}</button>
            </Show>
            <Show when=move || !renaming.get() && !confirming.get()>
                <button type="button" aria-label=format!("{} {}", t(lang, Key::GroupUp), quoted(lang, &n2))
                    on:click=move |_| ws.edit(|c| { edit::move_group(c, id, true); })>"↑"</button>
                <button type="button" aria-label=format!("{} {}", t(lang, Key::GroupDown), quoted(lang, &n3))
                    on:click=move |_| ws.edit(|c| { edit::move_group(c, id, false); })>"↓"</button>
                <button type="button" on:click=move |_| { renaming.set(true); focus_later(format!("bw-group-name-{id}")); }>
                    {t(lang, Key::Rename)}
                </button>
                <button type="button" on:click=move |_| confirming.set(true)>{t(lang, Key::Remove)}</button>
            </Show>
            <Show when=move || confirming.get()>
                <button type="button" class="bw-danger"
                    on:click=move |_| { confirming.set(false); ws.edit(|c| { edit::remove_group_and_actions(c, id); }); }>
                    {format!("{} {}", t(lang, Key::ConfirmRemoveGroup), quoted(lang, &n4))}
                </button>
                <button type="button" on:click=move |_| confirming.set(false)>{t(lang, Key::Cancel)}</button>
            </Show>
        </span>
    }
}

/// A group's block of the page shown: its heading row, the rows of its actions
/// on the page and its subtotal. Each row follows its own action's line: an
/// edit draws again the row that changed and the subtotal, not the block.
fn group_rows(
    grid: Grid,
    lang: Lang,
    page: Memo<Page>,
    key: BlockKey,
    funders: usize,
) -> impl IntoView {
    let (id, name) = key.clone();
    let name = name.unwrap_or_else(|| t(lang, Key::NoGroup).to_string());
    let span = (funders + 5).to_string();
    let key = StoredValue::new(key);
    // Runs `f` on this block of the page shown (tracked).
    let with_block = move |f: &dyn Fn(&GroupBlock) -> Option<Arc<ActionLine>>| {
        key.with_value(|key| page.with(|p| p.blocks.iter().find(|b| b.key() == *key).and_then(f)))
    };
    let ids = move || {
        key.with_value(|key| {
            page.with(|p| {
                p.blocks
                    .iter()
                    .find(|b| b.key() == *key)
                    .map(|b| b.actions.iter().map(|a| a.id).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let subtotal = Memo::new(move |_| {
        key.with_value(|key| {
            page.with(|p| {
                p.blocks
                    .iter()
                    .find(|b| b.key() == *key)
                    .and_then(|b| b.subtotal.clone())
            })
        })
    });
    let has_subtotal = Memo::new(move |_| subtotal.with(Option::is_some));
    let subtotal_name = name.clone();
    let row = move |a: ActionId| {
        let line =
            Memo::new(move |_| with_block(&|b| b.actions.iter().find(|l| l.id == a).cloned()));
        move || line.get().map(|l| action_row(grid, lang, l, funders))
    };
    let tools = id.map(|id| group_tools(grid, lang, id, name.clone()));
    view! {
        <tbody>
            <tr class="bw-group">
                <th scope="colgroup" colspan=span>
                    <span class="bw-group-name">{name.clone()}</span>
                    {tools}
                </th>
            </tr>
            <For each=ids key=|a| *a children=row />
            {move || has_subtotal.get().then(|| {
                view! {
                    <tr class="bw-subtotal">
                        <th scope="row" colspan="2">{format!("{} — {}", t(lang, Key::GroupSubtotal), subtotal_name)}</th>
                        {crate::results::live_amount_cells(lang, subtotal, funders)}
                        <td></td>
                        <td></td>
                    </tr>
                }
            })}
        </tbody>
    }
}

/// The buttons acting on the active row and the groups.
fn toolbar(grid: Grid, lang: Lang) -> impl IntoView {
    let ws = grid.ws;
    let active_action = move || grid.active.get().map(|(a, _)| a);
    let add_action = move |_| {
        let active = grid.active.get_untracked();
        let group = ws.convention.with_untracked(|c| {
            c.as_ref().and_then(|c| match active {
                Some((a, _)) => c.actions.get(a).and_then(|a| a.group),
                None => c.actions.last().and_then(|a| a.group),
            })
        });
        let after = active.map(|(a, _)| a).or_else(|| {
            ws.convention
                .with_untracked(|c| c.as_ref().and_then(|c| c.actions.len().checked_sub(1)))
        });
        if let Ok(a) = ws.try_edit::<_, ()>(|c| Ok(edit::insert_action(c, after, group))) {
            grid.start(a, 1, Some(String::new()));
        }
    };
    let remove_action = move |_| {
        if let Some((a, col)) = grid.active.get_untracked() {
            ws.edit(|c| {
                edit::remove_action(c, a);
            });
            let len = ws
                .convention
                .with_untracked(|c| c.as_ref().map_or(0, |c| c.actions.len()));
            if len == 0 {
                grid.active.set(None);
            } else {
                grid.go(a.min(len - 1), col);
            }
        }
    };
    let move_action = move |up: bool| {
        if let Some((a, col)) = grid.active.get_untracked() {
            let moved = ws.try_edit(|c| edit::move_action(c, a, up).ok_or(()));
            if let Ok(to) = moved {
                grid.go(to, col);
            }
        }
    };
    let new_group = RwSignal::new(String::new());
    let add_group = move || {
        let name = new_group.get_untracked();
        let name = if name.trim().is_empty() {
            t(ws.lang.get_untracked(), Key::NewGroupDefault).to_string()
        } else {
            name
        };
        if let Ok((_, a)) = ws.try_edit::<_, ()>(|c| Ok(edit::add_group(c, &name))) {
            new_group.set(String::new());
            grid.start(a, 1, Some(String::new()));
        }
    };
    view! {
        <div class="bw-toolbar" role="toolbar" aria-label=t(lang, Key::TableTools)>
            <button type="button" on:click=add_action>{t(lang, Key::AddAction)}</button>
            <button type="button" disabled=move || active_action().is_none() on:click=remove_action>
                {t(lang, Key::RemoveAction)}
            </button>
            <button type="button" disabled=move || active_action().is_none() on:click=move |_| move_action(true)>
                {t(lang, Key::MoveUp)}
            </button>
            <button type="button" disabled=move || active_action().is_none() on:click=move |_| move_action(false)>
                {t(lang, Key::MoveDown)}
            </button>
            <span class="bw-inline-field">
                <label for="bw-new-group">{t(lang, Key::NewGroupLabel)}</label>
                <input id="bw-new-group" type="text" prop:value=move || new_group.get()
                    on:input=move |ev| new_group.set(event_target_value(&ev))
                    on:keydown=move |ev: ev::KeyboardEvent| if ev.key() == "Enter" { add_group() } />
                <button type="button" on:click=move |_| add_group()>{t(lang, Key::AddGroup)}</button>
            </span>
        </div>
    }
}

/// What a block of the table is known by from one edit to the next: its group
/// and the group's name (`None`, `None` for the actions without a group).
type BlockKey = (Option<GroupId>, Option<String>);

impl GroupBlock {
    fn key(&self) -> BlockKey {
        (self.id, self.name.clone())
    }
}

/// Where the page shown is among the pages of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Pager {
    page: usize,
    pages: usize,
    /// The positions of the first action shown and of the one after the last.
    from: usize,
    to: usize,
    count: usize,
    /// Actions per page.
    size: usize,
}

/// The part of the table shown: the actions of the page shown, the groups they
/// belong to (a group without actions shows on the last page), whether there
/// are other pages, and which cell takes the focus when none of the page has it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Page {
    blocks: Vec<GroupBlock>,
    /// `None` on paper (the whole table) or when everything fits on a page of
    /// the smallest size.
    pager: Option<Pager>,
    /// The first cell of the page, when the active cell is not on it.
    refocus: Option<Option<(ActionId, usize)>>,
}

/// The page shown (tracks the page chosen and printing), once the grid knows
/// its columns and the order of the actions.
fn page_data(grid: Grid, s: &Summary, columns: Vec<Column>) -> Page {
    grid.columns.set_value(columns);
    grid.order.set_value(Arc::clone(&s.order));
    let count = s.order.len();
    let size = grid.page_size.get().max(1);
    let pages = count.div_ceil(size).max(1);
    let page = grid.page.get().min(pages - 1);
    // On paper, the whole table (its headings repeat on each sheet).
    let printing = crate::app::is_printing();
    let (from, to) = if printing {
        (0, count)
    } else {
        (page * size, ((page + 1) * size).min(count))
    };
    let mut position = 0;
    let blocks: Vec<GroupBlock> = s
        .blocks
        .iter()
        .filter_map(|b| {
            let first = position;
            position += b.actions.len();
            let (lo, hi) = (from.max(first), to.min(position));
            let actions: Arc<[Arc<ActionLine>]> = if (lo, hi) == (first, position) {
                Arc::clone(&b.actions)
            } else {
                b.actions
                    .get(lo.saturating_sub(first)..hi.saturating_sub(first))
                    .map_or_else(|| Arc::from([]), Arc::from)
            };
            let keep =
                !actions.is_empty() || (b.actions.is_empty() && (printing || page == pages - 1));
            keep.then(|| GroupBlock {
                id: b.id,
                name: b.name.clone(),
                actions,
                subtotal: b.subtotal.clone(),
                executed: b.executed.clone(),
                consumption: b.consumption.clone(),
                carry_over: b.carry_over,
                received: b.received,
                figures: b.figures.clone(),
            })
        })
        .collect();
    // The first cell is in the tab order when no cell of the page is active.
    let on_page = grid.active.get_untracked().is_some_and(|(a, _)| {
        grid.order
            .with_value(|o| o.iter().position(|x| *x == a))
            .is_some_and(|p| (from..to).contains(&p))
    });
    let refocus = (!on_page).then(|| {
        blocks
            .iter()
            .flat_map(|b| b.actions.first())
            .next()
            .map(|a| (a.id, 0))
    });
    Page {
        blocks,
        pager: (count > PAGE_SIZES[0] && !printing).then_some(Pager {
            page,
            pages,
            from,
            to,
            count,
            size,
        }),
        refocus,
    }
}

/// The buttons going from one page of the table to the next.
fn pager_view(grid: Grid, lang: Lang, p: Pager) -> impl IntoView {
    let Pager {
        page,
        pages,
        from,
        to,
        count,
        size,
    } = p;
    let size_id = format!("bw-page-size-{}", grid.prefix);
    let sizes = PAGE_SIZES
        .iter()
        .map(|&n| view! { <option value=n.to_string() selected={n == size}>{n.to_string()}</option> })
        .collect_view();
    view! {
        <nav class="bw-pager" aria-label=t(lang, Key::PagerLabel)>
            <button type="button" disabled={page == 0} on:click=move |_| grid.page.set(page.saturating_sub(1))>
                {t(lang, Key::PagerPrevious)}
            </button>
            <span>{format!("{} {} – {} {} {}", t(lang, Key::PagerActions), from + 1, to, t(lang, Key::PagerOf), count)}</span>
            <button type="button" disabled={page + 1 >= pages} on:click=move |_| grid.page.set(page + 1)>
                {t(lang, Key::PagerNext)}
            </button>
            <span class="bw-inline-field">
                <label for=size_id.clone()>{t(lang, Key::PagerSize)}</label>
                <select id=size_id on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                        grid.set_page_size(n);
                    }
                }>{sizes}</select>
            </span>
        </nav>
    }
}

/// The page shown and its pager, drawn at once (the execution table).
fn page_of(
    grid: Grid,
    lang: Lang,
    s: &Summary,
    columns: Vec<Column>,
) -> (Vec<GroupBlock>, Option<AnyView>) {
    let page = page_data(grid, s, columns);
    if let Some(first) = page.refocus {
        grid.active.set(first);
    }
    let pager = page.pager.map(|p| pager_view(grid, lang, p).into_any());
    (page.blocks, pager)
}

/// The editable table of actions with computed subtotals and grand total.
/// Drawn once (per language and funders); after an edit, only the rows,
/// subtotals and totals that changed are drawn again.
pub fn budget_table(grid: Grid, lang: Lang, summary: Memo<Option<Summary>>) -> impl IntoView {
    let head = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref()
                .map(|s| (s.funders.clone(), s.max_state_share, s.split))
                .unwrap_or_default()
        })
    });
    let grand = Memo::new(move |_| summary.with(|s| s.as_ref().map(|s| s.grand.clone())));
    let page = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref()
                .map(|s| {
                    let mut columns = vec![Column::Number, Column::Title];
                    columns.extend((0..s.funders.len()).map(Column::Planned));
                    page_data(grid, s, columns)
                })
                .unwrap_or_default()
        })
    });
    Effect::new(move |_| {
        if let Some(first) = page.with(|p| p.refocus) {
            grid.active.set(first);
        }
    });
    let pager = Memo::new(move |_| page.with(|p| p.pager));
    let table = move || {
        let (names, max_share, split) = head.get();
        let funders = names.len();
        let funder_headers = names
            .into_iter()
            .map(|f| view! { <th scope="col" class="bw-num">{f}</th> })
            .collect_view();
        let max_share = format_percent(max_share, 0, lang);
        let blocks =
            move || page.with(|p| p.blocks.iter().map(GroupBlock::key).collect::<Vec<_>>());
        view! {
            <table class="bw-actions-table bw-grid" aria-describedby="bw-grid-hint">
                <caption>{t(lang, Key::ActionsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        {funder_headers}
                        <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColStateShare)}</th>
                        <th scope="col">{if split {
                            format!("{} (≤ {max_share})", t(lang, Key::ColCoFin))
                        } else {
                            format!("{} ({})", t(lang, Key::ColCoFin), t(lang, Key::NotApplicable))
                        }}</th>
                    </tr>
                </thead>
                <For each=blocks key=|k| k.clone() children=move |k| group_rows(grid, lang, page, k, funders) />
                <tfoot>
                    <tr class="bw-grand">
                        <th scope="row" colspan="2">{t(lang, Key::GrandTotal)}</th>
                        {crate::results::live_amount_cells(lang, grand, funders)}
                        <td></td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        }
    };
    view! {
        {toolbar(grid, lang)}
        <p id="bw-grid-hint" class="bw-hint">{t(lang, Key::GridHint)}</p>
        {move || grid.message.get().map(|m| view! { <p class="bw-error" role="alert">{m}</p> })}
        {move || pager.get().map(|p| pager_view(grid, lang, p))}
        <div class="bw-scroll">{table}</div>
    }
}

/// Planned total, then each funder's executed amount (editable), then the
/// executed total, the rate, what remains and the unspent State credit.
fn execution_figures(
    lang: Lang,
    planned: Option<budget_core::Decimal>,
    executed: Option<&budget_core::figures::ExecutedAmounts>,
    consumption: Option<&budget_core::figures::Consumption>,
    by_funder: AnyView,
    extra: Extra,
) -> impl IntoView {
    use crate::results::{opt_eur, opt_pct};
    view! {
        <td class="bw-num">{opt_eur(lang, planned)}</td>
        {by_funder}
        <td class="bw-num bw-total">{opt_eur(lang, executed.and_then(|e| e.total))}</td>
        <td class="bw-num">{opt_pct(lang, consumption.and_then(|c| c.rate))}</td>
        <td class="bw-num">{opt_eur(lang, consumption.and_then(|c| c.remaining))}</td>
        {extra.state.then(|| view! { <td class="bw-num">{opt_eur(lang, consumption.and_then(|c| c.unspent_state))}</td> })}
        {extra.carry.map(|c| view! { <td class="bw-num">{opt_eur(lang, c)}</td> })}
        {extra.received.map(|r| view! { <td class="bw-num">{opt_eur(lang, r)}</td> })}
        {extra.info.map(|i| view! { <td class="bw-info">{i}</td> })}
    }
}

/// The execution table's columns shown only when the table has them: the
/// unspent State credit (a convention split by funder, with a State), the
/// carry-over requested, the service and comments; with their content for
/// one row.
struct Extra {
    state: bool,
    carry: Option<Option<budget_core::Decimal>>,
    received: Option<Option<budget_core::Decimal>>,
    info: Option<String>,
}

impl Extra {
    fn of(
        s: &Summary,
        (carry, received): (Option<budget_core::Decimal>, Option<budget_core::Decimal>),
        info: Option<String>,
    ) -> Self {
        Self {
            state: s.split && s.state.is_some(),
            carry: s.grand_carry_over.is_some().then_some(carry),
            received: s.grand_received.is_some().then_some(received),
            info: s.has_info.then(|| info.unwrap_or_default()),
        }
    }
}

/// Each funder's executed amount of a group or of the whole, not editable.
fn executed_sums(
    lang: Lang,
    executed: Option<&budget_core::figures::ExecutedAmounts>,
    funders: usize,
) -> AnyView {
    (0..funders)
        .map(|f| {
            let v = executed.and_then(|e| e.by_funder.get(f).copied().flatten());
            view! { <td class="bw-num">{crate::results::opt_eur(lang, v)}</td> }
        })
        .collect_view()
        .into_any()
}

fn executed_row(
    grid: Grid,
    lang: Lang,
    line: Arc<ActionLine>,
    funders: usize,
    extra: Extra,
) -> impl IntoView {
    let a = line.id;
    let by_funder = (0..funders)
        .map(|f| {
            let v = line
                .executed
                .as_ref()
                .and_then(|e| e.by_funder.get(f).copied().flatten());
            let shown = match v {
                Some(v) => format_eur(v, lang),
                None => t(lang, Key::EmptyCell).to_string(),
            };
            cell(grid, lang, a, f, shown, "bw-num", None, false).into_any()
        })
        .collect_view()
        .into_any();
    let selected = move || grid.is_active_row(a);
    view! {
        <tr id=format!("bw-xrow-{a}") class:bw-selected=selected>
            <th scope="row" class="bw-number">{line.number.clone()}</th>
            <td class="bw-title">{line.title.clone()}</td>
            {execution_figures(lang, line.amounts.as_ref().ok().map(|p| p.total), line.executed.as_ref(), line.consumption.as_ref(), by_funder, extra)}
        </tr>
    }
}

/// The Execution view's table: each funder's executed amount edited in place
/// like the Budget table, with the rates, remaining and unspent State credit
/// of each action, group and the whole.
pub fn execution_table(grid: Grid, lang: Lang, s: &Summary) -> impl IntoView {
    let funders = s.funders.len();
    let (blocks, pager) = page_of(grid, lang, s, (0..funders).map(Column::Executed).collect());
    let rows = blocks
        .into_iter()
        .map(|b| {
            let subtotal = b.subtotal.as_ref().map(|st| {
                let name = b.name.clone().unwrap_or_default();
                view! {
                    <tr class="bw-subtotal">
                        <th scope="row" colspan="2">{format!("{} — {}", t(lang, Key::GroupSubtotal), name)}</th>
                        {execution_figures(lang, st.as_ref().ok().map(|p| p.total), b.executed.as_ref(), b.consumption.as_ref(), executed_sums(lang, b.executed.as_ref(), funders), Extra::of(s, (b.carry_over, b.received), None))}
                    </tr>
                }
            });
            let actions = b
                .actions
                .iter()
                .map(|l| executed_row(grid, lang, Arc::clone(l), funders, Extra::of(s, (l.carry_over, l.received), Some(l.info.clone()))))
                .collect_view();
            view! { <tbody>{actions}{subtotal}</tbody> }
        })
        .collect_view();
    let funder_headers = s
        .funders
        .iter()
        .map(|f| view! { <th scope="col" class="bw-num">{format!("{} — {f}", t(lang, Key::ColExecuted))}</th> })
        .collect_view();
    view! {
        <p id="bw-executed-hint" class="bw-hint">{t(lang, Key::ExecutedHint)}</p>
        {move || grid.message.get().map(|m| view! { <p class="bw-error" role="alert">{m}</p> })}
        {pager}
        <div class="bw-scroll">
            <table class="bw-execution bw-grid" aria-describedby="bw-executed-hint">
                <caption>{t(lang, Key::ExecutionCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColPlanned)}</th>
                        {funder_headers}
                        <th scope="col" class="bw-num">{t(lang, Key::ColExecuted)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColRate)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColRemaining)}</th>
                        {(s.split && s.state.is_some()).then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColUnspentState)}</th> })}
                        {s.grand_carry_over.is_some().then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColCarryOver)}</th> })}
                        {s.grand_received.is_some().then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::ColReceived)}</th> })}
                        {s.has_info.then(|| view! { <th scope="col">{t(lang, Key::ColInfo)}</th> })}
                    </tr>
                </thead>
                {rows}
                <tfoot>
                    <tr class="bw-grand">
                        <th scope="row" colspan="2">{t(lang, Key::GrandTotal)}</th>
                        {execution_figures(lang, s.grand.as_ref().ok().map(|p| p.total), s.grand_executed.as_ref(), s.grand_consumption.as_ref(), executed_sums(lang, s.grand_executed.as_ref(), funders), Extra::of(s, (s.grand_carry_over, s.grand_received), None))}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
