//! One cell of a table: shown, focused, edited in place.

use super::*;

/// One cell of an action row.
#[allow(clippy::too_many_arguments)]
pub(super) fn cell(
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
