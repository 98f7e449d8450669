//! DOM helpers shared by the component tests (`mod support;` in each test
//! file): the document, letting Leptos settle, reading text, tables and
//! amounts, clicking a button by its text.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

pub const NNBSP: char = '\u{202F}';
pub const NBSP: char = '\u{A0}';

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Lets Leptos run its effects and update the page, then writes what waits
/// to be saved as leaving the page does (the widget saves once the user
/// pauses: `storage::Later`), so that a test reads the storage as it would
/// be after the user left.
///
/// It waits for the next animation frame too: the widget moves the focus in
/// one (`grid::focus_later`), and on a busy machine three zero timeouts can
/// all run before the browser draws a frame.
pub async fn settle() {
    gloo_timers::future::TimeoutFuture::new(0).await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    next_frame().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    leave_page();
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits until the browser has run the animation-frame callbacks asked for
/// so far (those run in the order asked), or one second at most, so that a
/// page that draws no frame fails on the test's assertion, not by hanging.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Fires `pagehide`, as when the user closes the tab or goes elsewhere.
pub fn leave_page() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("pagehide")) {
        let _ = window.dispatch_event(&event);
    }
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The table whose caption is `caption`.
pub fn table(container: &HtmlElement, caption: &str) -> Element {
    let tables = container.query_selector_all("table").expect("query");
    (0..tables.length())
        .filter_map(|i| tables.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .find(|t| {
            t.query_selector("caption")
                .ok()
                .flatten()
                .is_some_and(|c| text(&c) == caption)
        })
        .unwrap_or_else(|| panic!("no table captioned {caption:?}"))
}

pub fn eur(s: &str) -> String {
    // "1 775 650,00" written with plain spaces in the tests, shown with U+202F.
    format!("{}{NBSP}€", s.replace(' ', &NNBSP.to_string()))
}

pub fn click_button(container: &HtmlElement, label: &str) {
    let buttons = container.query_selector_all("button").expect("query");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label:?}"));
    button.click();
}

/// Types `value` into the paste area as a user would (an `input` event).
pub fn type_into_paste_area(container: &HtmlElement, value: &str) {
    let area: web_sys::HtmlTextAreaElement = container
        .query_selector("#bw-paste-area")
        .expect("query")
        .expect("paste area")
        .unchecked_into();
    area.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    area.dispatch_event(&event).expect("dispatch");
}

/// The texts of the options of `select`, in order.
pub fn option_texts(select: &web_sys::HtmlSelectElement) -> Vec<String> {
    let options = select.options();
    (0..options.length())
        .filter_map(|k| options.item(k))
        .map(|o| text(&o))
        .collect()
}

/// Picks the option whose text is `label` in `select` and tells the page (a
/// bubbling `change` event), as a user would.
pub fn select_option(select: &web_sys::HtmlSelectElement, label: &str) {
    let index = option_texts(select)
        .iter()
        .position(|t| t == label)
        .unwrap_or_else(|| panic!("no option {label:?}"));
    select.set_selected_index(index as i32);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    select.dispatch_event(&event).expect("dispatch");
}
