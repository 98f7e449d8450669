//! The calculator's root component: the paste area, the mapping preview of the
//! import in progress, and the results.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser_files::{download, files_of, read_file, spreadsheet_rows, xlsx_annex};
use crate::i18n::{t, Key};
use crate::mapping::MappingPanel;
use crate::results::{results, status_text};
use crate::scdl::ScdlExport;
use crate::state::Workspace;
use crate::storage::Autosave;
use crate::summary::Summary;
use budget_core::files::{FileKind, TableGrid};
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

/// Reads the first of `files` and imports it.
fn open_files(ws: Workspace, files: Vec<web_sys::File>) {
    let Some(file) = files.into_iter().next() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let (name, bytes) = match read_file(&file).await {
            Ok(read) => read,
            Err(e) => {
                ws.file_error.set(Some(format!("{} : {e}", file.name())));
                return;
            }
        };
        match budget_core::files::kind_of(&name, &bytes) {
            Some(kind @ (FileKind::Xlsx | FileKind::Xls | FileKind::Ods)) => {
                match spreadsheet_rows(&name, &bytes).await {
                    Ok((rows, sheet)) => ws.import_grid(&name, TableGrid { kind, sheet, rows }),
                    Err(e) => ws.file_error.set(Some(format!("{name} : {e}"))),
                }
            }
            _ => ws.import_file(&name, &bytes),
        }
    });
}

/// A file name for exports: the convention's title, or a default.
fn export_name(ws: Workspace, extension: &str) -> String {
    let title = ws
        .convention
        .with_untracked(|c| c.as_ref().map(|c| c.title.clone()))
        .unwrap_or_default();
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        "convention".to_string()
    } else {
        slug
    };
    format!("{base}.{extension}")
}

/// Which export a button makes.
#[derive(Clone, Copy)]
enum Export {
    Saved,
    CsvExcel,
    Xlsx,
}

fn export(ws: Workspace, what: Export) {
    let Some(conv) = ws.convention.get_untracked() else {
        return;
    };
    let result = match what {
        Export::Saved => download(
            &export_name(ws, "json"),
            "application/json",
            budget_core::saved::to_json(&conv).as_bytes(),
        ),
        Export::CsvExcel => download(
            &export_name(ws, "csv"),
            "text/csv;charset=utf-8",
            budget_core::export::csv_excel_fr(&conv).as_bytes(),
        ),
        Export::Xlsx => {
            // Written by the spreadsheet worker, which carries the zip codec.
            let json = budget_core::saved::to_json(&conv);
            leptos::task::spawn_local(async move {
                let result = xlsx_annex(&json).await.and_then(|bytes| {
                    download(
                        &export_name(ws, "xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    )
                });
                ws.file_error.set(result.err());
            });
            Ok(())
        }
    };
    ws.file_error.set(result.err());
}

/// The calculator.
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::new();
    let lang = ws.lang;
    if crate::storage::load_language().as_deref() == Some("en") {
        lang.set(Lang::En);
    }
    // ── embed (src/embed.rs): the host page's options (script mount) ──
    let embed = use_context::<crate::embed::EmbedOptions>().unwrap_or_default();
    if let Some(host_lang) = embed.lang {
        lang.set(host_lang);
    }
    crate::embed::load_convention(ws, embed.convention_url.clone());
    // ── end embed ──

    // Ctrl+V anywhere in the page while no field is being edited.
    let for_us = embed.clone(); // embed: a paste elsewhere in a host page is the host's
    let handle = window_event_listener(ev::paste, move |event| {
        if editing_a_field() || !for_us.paste_is_for(&event) {
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
                        crate::storage::save_language(if next == Lang::En { "en" } else { "fr" });
                    }
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

            <section class="bw-files" aria-labelledby="bw-files-heading">
                <h2 id="bw-files-heading">{move || t(lang.get(), Key::FilesHeading)}</h2>
                <label for="bw-file">{move || t(lang.get(), Key::OpenFile)}</label>
                <p id="bw-file-hint" class="bw-hint">{move || t(lang.get(), Key::OpenFileHint)}</p>
                <input
                    id="bw-file"
                    type="file"
                    aria-describedby="bw-file-hint"
                    accept=".xlsx,.xls,.ods,.csv,.tsv,.txt,.json"
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
                    <ScdlExport ws=ws />
                </Show>
                {move || ws.file_error.get().map(|e| view! { <p class="bw-error" role="alert">{e}</p> })}
            </section>

            <Autosave ws=ws />

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
