//! The calculator's root component: the paste area, the mapping preview of the
//! import in progress, and the results.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shell::exports::{export, Export};
use crate::state::{file_message, Incoming, Workspace};
use crate::store::storage::Autosave;
use crate::ui::browser_files::{files_of, read_file, spreadsheet_rows};
use crate::ui::focus::editing_a_field;
use crate::ui::i18n::{t, Key};
use crate::words::{Shown, View};
use budget_core::files::{FileKind, TableGrid};
use budget_core::Lang;

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

/// Reads the first of `files` and imports it.
fn open_files(ws: Workspace, files: Vec<web_sys::File>) {
    let Some(file) = files.into_iter().next() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let lang = ws.lang.get_untracked();
        let (name, bytes) = match read_file(&file).await {
            Ok(read) => read,
            Err(e) => {
                ws.file_error
                    .set(Some(file_message(lang, &file.name(), &e)));
                return;
            }
        };
        match budget_core::files::kind_of(&name, &bytes) {
            // A PDF goes to the worker too: its text reader is there.
            Some(kind @ (FileKind::Xlsx | FileKind::Xls | FileKind::Ods | FileKind::Pdf)) => {
                match spreadsheet_rows(&name, &bytes, lang).await {
                    Ok(answer) => crate::shell::chunks::take(
                        ws,
                        Incoming::Grid {
                            name,
                            grid: TableGrid {
                                kind,
                                sheet: answer.sheet,
                                rows: answer.rows,
                                text: answer.text,
                            },
                        },
                    ),
                    Err(e) => ws.file_error.set(Some(file_message(lang, &name, &e))),
                }
            }
            _ => {
                // A saved convention is read by the JSON reader, which may
                // still be on its way on a first visit.
                crate::chunks::json::json_reader().await;
                crate::shell::chunks::take(ws, Incoming::File { name, bytes })
            }
        }
    });
}

/// The calculator: the part a first visit needs (heading, paste area, file
/// picker) and, from the `workbench` chunk, everything that works on a
/// convention ([`Workbench`]).
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::new();
    let lang = ws.lang;
    if let Some(remembered) = crate::store::storage::remembered_lang() {
        lang.set(remembered);
    }
    // ── embed (src/embed.rs): the host page's options (script mount) ──
    let embed = use_context::<crate::shell::embed::EmbedOptions>().unwrap_or_default();
    if let Some(host_lang) = embed.lang {
        lang.set(host_lang);
    }
    let at_once = embed.convention_url.is_some();
    crate::shell::embed::load_convention(ws, embed.convention_url.clone());
    // ── end embed ──
    // store: conventions kept in the browser (« Mes conventions »)
    let library = crate::store::library::Library::new(ws);
    // end store

    // Ctrl+V anywhere in the page while no field is being edited.
    let for_us = embed.clone(); // embed: a paste elsewhere in a host page is the host's
    let handle = window_event_listener(ev::paste, move |event| {
        if editing_a_field() || !for_us.paste_is_for(&event) {
            return;
        }
        if let Some(text) = pasted_text(&event) {
            event.prevent_default();
            crate::shell::chunks::take(ws, Incoming::Text(text));
        }
    });
    on_cleanup(move || handle.remove());

    let current = RwSignal::new(View::Budget);
    let printing = RwSignal::new(false);
    provide_context(Shown { current, printing });
    // The workbench's chunk right after the first paint, the views' chunks
    // in the background once the widget is up.
    crate::shell::chunks::prefetch_after(1500);
    let before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });
    // Print media also comes without the print dialog (a print preview, the
    // print emulation of the end-to-end tests): followed through matchMedia.
    if let Some(query) = window().match_media("print").ok().flatten() {
        printing.set(query.matches());
        let watched = query.clone();
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            printing.set(watched.matches())
        });
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let kept = StoredValue::new_local((query, on_change));
        on_cleanup(move || {
            kept.try_with_value(|(query, on_change)| {
                let _ = query.remove_event_listener_with_callback(
                    "change",
                    on_change.as_ref().unchecked_ref(),
                );
            });
        });
    }

    view! {
        <div
            class="budget-widget"
            lang=move || match lang.get() { Lang::Fr => "fr", Lang::En => "en" }
            on:dragover=move |ev: ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                open_files(ws, files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            <header class="bw-header">
                <h1>{move || embed.heading(lang.get())}</h1>
                <button
                    type="button"
                    class="bw-lang"
                    on:click=move |_| {
                        let next = if lang.get_untracked() == Lang::Fr { Lang::En } else { Lang::Fr };
                        lang.set(next);
                        crate::store::storage::save_language(if next == Lang::En { "en" } else { "fr" });
                    }
                >
                    {move || t(lang.get(), Key::SwitchLanguage)}
                </button>
            </header>
            <p class="bw-tagline">{move || t(lang.get(), Key::Tagline)}</p>
            <div class="bw-history" role="group" aria-label=move || t(lang.get(), Key::HistoryLabel)>
                <button type="button" disabled=move || !ws.can_undo() on:click=move |_| ws.undo()
                    aria-keyshortcuts="Control+Z">
                    {move || t(lang.get(), Key::Undo)}
                </button>
                <button type="button" disabled=move || !ws.can_redo() on:click=move |_| ws.redo()
                    aria-keyshortcuts="Control+Y">
                    {move || t(lang.get(), Key::Redo)}
                </button>
            </div>

            <section class="bw-paste" aria-labelledby="bw-paste-heading">
                <h2 id="bw-paste-heading">{move || t(lang.get(), Key::PasteHeading)}</h2>
                <label for="bw-paste-area">{move || t(lang.get(), Key::PasteLabel)}</label>
                <p id="bw-paste-hint" class="bw-hint">{move || t(lang.get(), Key::PasteHint)}</p>
                <textarea
                    id="bw-paste-area"
                    aria-describedby="bw-paste-hint"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || ws.draft.with(|d| d.to_string())
                    on:input=move |event| {
                        if let Some(text) = textarea_value(&event) {
                            crate::shell::chunks::take(ws, Incoming::Text(text));
                        }
                    }
                ></textarea>
                <div class="bw-actions">
                    <button type="button" on:click=move |_| crate::shell::chunks::take(ws, Incoming::Example)>
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

            <section class="bw-files" aria-labelledby="bw-files-heading">
                <h2 id="bw-files-heading">{move || t(lang.get(), Key::FilesHeading)}</h2>
                <label for="bw-file">{move || t(lang.get(), Key::OpenFile)}</label>
                <p id="bw-file-hint" class="bw-hint">{move || t(lang.get(), Key::OpenFileHint)}</p>
                <input
                    id="bw-file"
                    type="file"
                    aria-describedby="bw-file-hint"
                    accept=".xlsx,.xls,.ods,.csv,.tsv,.txt,.pdf,.json"
                    on:change=move |ev| {
                        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        if let Some(input) = input {
                            open_files(ws, files_of(input.files()));
                            input.set_value("");
                        }
                    }
                />
                <Show when=move || ws.convention.with(Option::is_some)>
                    <div class="bw-actions">
                        <button type="button" on:click=move |_| export(ws, Export::Saved)>
                            {move || t(lang.get(), Key::SaveJson)}
                        </button>
                        <button type="button" on:click=move |_| export(ws, Export::CsvExcel)>
                            {move || t(lang.get(), Key::ExportCsv)}
                        </button>
                        <button type="button" on:click=move |_| export(ws, Export::Xlsx)>
                            {move || t(lang.get(), Key::ExportXlsx)}
                        </button>
                    </div>
                    {crate::chunks::deferred(lang, || false, move || crate::shell::chunks::scdl_export(ws))}
                </Show>
                {move || ws.file_error.get().map(|e| view! { <p class="bw-error" role="alert">{e}</p> })}
            </section>

            // The saved convention is loaded here, in the first load, before
            // anything can be brought in: a convention another tab saves
            // later is told as such, never put over the user's paste.
            <Autosave ws=ws />

            {crate::shell::chunks::workbench_view(ws, library, at_once)}
        </div>
    }
}
