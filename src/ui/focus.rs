//! Where the keyboard focus is, and moving it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

/// Whether the user is typing in a field, where Ctrl+V must paste into that
/// field, or on a cell of the table, which pastes a block itself.
pub fn editing_a_field() -> bool {
    in_text_field(true)
}

/// Whether the focus is in a text field (which has its own undo), or, when
/// `cells`, on a cell of the table.
pub fn in_text_field(cells: bool) -> bool {
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    tag == "input"
        || tag == "textarea"
        || tag == "select"
        || (cells && active.has_attribute("data-cell"))
        || active
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}
