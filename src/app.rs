//! The calculator's root component: the paste area, the mapping preview of the
//! import in progress, and the results.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Key};
use crate::mapping::MappingPanel;
use crate::results::{results, status_text};
use crate::state::Workspace;
use crate::summary::Summary;
use budget_core::Lang;

/// The example shown by "Essayer avec un exemple": Vienne's 2024 annex.
pub const EXAMPLE_TABLE: &str = include_str!("../tests/fixtures/vienne-2024-solidarites.tsv");

/// Whether the user is typing in a field, where Ctrl+V must paste into that field.
fn editing_a_field() -> bool {
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
        || active
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}

/// The plain text of a paste, if any.
fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/plain").ok()
}

/// The value of the `<textarea>` an input event comes from.
fn textarea_value(event: &ev::Event) -> Option<String> {
    let target = event.target()?;
    let area = target.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?;
    Some(area.value())
}

/// The calculator.
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::new();
    let lang = ws.lang;

    // Ctrl+V anywhere in the page while no field is being edited.
    let handle = window_event_listener(ev::paste, move |event| {
        if editing_a_field() {
            return;
        }
        if let Some(text) = pasted_text(&event) {
            event.prevent_default();
            ws.import_text(text);
        }
    });
    on_cleanup(move || handle.remove());

    let summary = Memo::new(move |_| {
        ws.convention
            .with(|c| c.as_ref().map(|c| ws.errors.with(|e| Summary::of(c, e))))
    });

    view! {
        <div class="budget-widget" lang=move || match lang.get() { Lang::Fr => "fr", Lang::En => "en" }>
            <header class="bw-header">
                <h1>{move || t(lang.get(), Key::AppTitle)}</h1>
                <button
                    type="button"
                    class="bw-lang"
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr })
                >
                    {move || t(lang.get(), Key::SwitchLanguage)}
                </button>
            </header>
            <p class="bw-tagline">{move || t(lang.get(), Key::Tagline)}</p>

            <section class="bw-paste" aria-labelledby="bw-paste-heading">
                <h2 id="bw-paste-heading">{move || t(lang.get(), Key::PasteHeading)}</h2>
                <label for="bw-paste-area">{move || t(lang.get(), Key::PasteLabel)}</label>
                <p id="bw-paste-hint" class="bw-hint">{move || t(lang.get(), Key::PasteHint)}</p>
                <textarea
                    id="bw-paste-area"
                    aria-describedby="bw-paste-hint"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || ws.draft.get()
                    on:input=move |event| {
                        if let Some(text) = textarea_value(&event) {
                            ws.import_text(text);
                        }
                    }
                ></textarea>
                <div class="bw-actions">
                    <button type="button" on:click=move |_| ws.import_text(EXAMPLE_TABLE.to_string())>
                        {move || t(lang.get(), Key::LoadExample)}
                    </button>
                    <button type="button" on:click=move |_| ws.clear()>
                        {move || t(lang.get(), Key::Clear)}
                    </button>
                    <Show when=move || ws.can_undo_import() && ws.import.with(Option::is_none)>
                        <button type="button" on:click=move |_| ws.undo_import()>
                            {move || t(lang.get(), Key::UndoImport)}
                        </button>
                    </Show>
                </div>
            </section>

            <MappingPanel ws=ws />

            <p class="bw-status" role="status" aria-live="polite">
                {move || status_text(lang.get(), summary.get().as_ref())}
            </p>

            {move || match summary.get() {
                None => view! { <p class="bw-empty">{t(lang.get(), Key::NothingYet)}</p> }.into_any(),
                Some(s) => results(lang.get(), s).into_any(),
            }}
        </div>
    }
}
