//! The calculator's root component: the paste area, the mapping preview of the
//! import in progress, and the results.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser_files::{download, files_of, read_file, spreadsheet_rows, xlsx_annex};
use crate::grid::{budget_table, focus_later, Grid};
use crate::i18n::{t, Key};
use crate::results::{errors_section, live_totals_table, status_text};
use crate::state::{file_message, Incoming, Workspace};
use crate::storage::Autosave;
use crate::summary::{Figures, Summary};
use budget_core::files::{FileKind, TableGrid};
use budget_core::Lang;

/// The example shown by "Essayer avec un exemple": Vienne's 2024 annex.
pub const EXAMPLE_TABLE: &str = include_str!("../tests/fixtures/vienne-2024-solidarites.tsv");

/// Whether the user is typing in a field, where Ctrl+V must paste into that
/// field, or on a cell of the table, which pastes a block itself.
fn editing_a_field() -> bool {
    in_text_field(true)
}

/// Whether the focus is in a text field (which has its own undo), or, when
/// `cells`, on a cell of the table.
fn in_text_field(cells: bool) -> bool {
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
            Some(kind @ (FileKind::Xlsx | FileKind::Xls | FileKind::Ods)) => {
                match spreadsheet_rows(&name, &bytes, lang).await {
                    Ok((rows, sheet)) => crate::chunks::take(
                        ws,
                        Incoming::Grid {
                            name,
                            grid: TableGrid { kind, sheet, rows },
                        },
                    ),
                    Err(e) => ws.file_error.set(Some(file_message(lang, &name, &e))),
                }
            }
            _ => {
                // A saved convention is read by the JSON reader, which may
                // still be on its way on a first visit.
                crate::chunks::json_reader().await;
                crate::chunks::take(ws, Incoming::File { name, bytes })
            }
        }
    });
}

/// Today's date, for the printed page.
fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    match lang {
        Lang::Fr => format!("{day:02}/{m:02}/{y}"),
        Lang::En => format!("{y}-{m:02}-{day:02}"),
    }
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

/// Makes an export (its code is in the `exports` chunk).
fn export(ws: Workspace, what: Export) {
    leptos::task::spawn_local(async move {
        if crate::chunks::export(ws, what).await.is_err() {
            ws.file_error.set(Some(
                t(ws.lang.get_untracked(), Key::ExportUnloaded).to_string(),
            ));
        }
    });
}

/// Which export a button makes.
#[derive(Clone, Copy)]
pub enum Export {
    Saved,
    CsvExcel,
    Xlsx,
}

pub fn export_now(ws: Workspace, what: Export) {
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
                let result = xlsx_annex(&json, ws.lang.get_untracked())
                    .await
                    .and_then(|bytes| {
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

/// Which view is on screen and whether the page is being printed. The views
/// that compute much (execution, tranches, years, comparison) only compute and
/// draw while shown or printed: a 10 000-action convention is not worked out
/// again by five hidden views on each edit. Their state (choices, forms) stays.
#[derive(Clone, Copy)]
pub struct Shown {
    current: RwSignal<View>,
    printing: RwSignal<bool>,
}

/// Whether view `v` is on screen or on paper (tracked). A view mounted on
/// its own, without the calculator around it, is always shown.
pub fn is_shown(v: View) -> bool {
    use_context::<Shown>().is_none_or(|s| s.printing.get() || s.current.get() == v)
}

/// Whether the page is being printed (tracked): tables are then drawn whole.
pub fn is_printing() -> bool {
    use_context::<Shown>().is_some_and(|s| s.printing.get())
}

/// The views of the convention, shown as tabs (all of them on paper).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Budget,
    Execution,
    Tranches,
    Years,
    Checks,
    Scenarios,
    Settings,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Budget,
        View::Execution,
        View::Tranches,
        View::Years,
        View::Checks,
        View::Scenarios,
        View::Settings,
    ];

    fn key(self) -> Key {
        match self {
            View::Budget => Key::TabBudget,
            View::Execution => Key::TabExecution,
            View::Tranches => Key::TabTranches,
            View::Years => Key::TabYears,
            View::Checks => Key::TabChecks,
            View::Scenarios => Key::TabScenarios,
            View::Settings => Key::TabSettings,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            View::Budget => "budget",
            View::Execution => "execution",
            View::Tranches => "tranches",
            View::Years => "annees",
            View::Checks => "verifications",
            View::Scenarios => "scenarios",
            View::Settings => "parametres",
        }
    }
}

/// The tab list: arrows, Home and End move between tabs (WAI-ARIA tabs).
fn tab_list(lang: RwSignal<Lang>, current: RwSignal<View>) -> impl IntoView {
    let tabs = View::ALL
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let on_key = move |ev: ev::KeyboardEvent| {
                let n = View::ALL.len();
                let to = match ev.key().as_str() {
                    "ArrowRight" => (i + 1) % n,
                    "ArrowLeft" => (i + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return,
                };
                ev.prevent_default();
                current.set(View::ALL[to]);
                focus_later(format!("bw-tab-{}", View::ALL[to].slug()));
            };
            view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("bw-tab-{}", v.slug())
                    aria-controls=format!("bw-panel-{}", v.slug())
                    aria-selected=move || (current.get() == v).to_string()
                    tabindex=move || if current.get() == v { "0" } else { "-1" }
                    on:click=move |_| current.set(v)
                    on:keydown=on_key
                >
                    {move || t(lang.get(), v.key())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="bw-tabs" role="tablist" aria-label=move || t(lang.get(), Key::ViewsLabel)>
            {tabs}
        </div>
    }
}

/// A tab panel, hidden when another tab is chosen (but printed).
fn panel(current: RwSignal<View>, v: View, body: AnyView) -> impl IntoView {
    view! {
        <section
            role="tabpanel"
            class="bw-panel"
            id=format!("bw-panel-{}", v.slug())
            aria-labelledby=format!("bw-tab-{}", v.slug())
            hidden=move || current.get() != v
        >
            {body}
        </section>
    }
}

/// The calculator: the part a first visit needs (heading, paste area, file
/// picker) and, from the `workbench` chunk, everything that works on a
/// convention ([`Workbench`]).
#[component]
pub fn App() -> impl IntoView {
    let ws = Workspace::new();
    let lang = ws.lang;
    if let Some(remembered) = crate::storage::remembered_lang() {
        lang.set(remembered);
    }
    // ── embed (src/embed.rs): the host page's options (script mount) ──
    let embed = use_context::<crate::embed::EmbedOptions>().unwrap_or_default();
    if let Some(host_lang) = embed.lang {
        lang.set(host_lang);
    }
    let at_once = embed.convention_url.is_some();
    crate::embed::load_convention(ws, embed.convention_url.clone());
    // ── end embed ──
    // store: conventions kept in the browser (« Mes conventions »)
    let library = crate::library::Library::new(ws);
    // end store

    // Ctrl+V anywhere in the page while no field is being edited.
    let for_us = embed.clone(); // embed: a paste elsewhere in a host page is the host's
    let handle = window_event_listener(ev::paste, move |event| {
        if editing_a_field() || !for_us.paste_is_for(&event) {
            return;
        }
        if let Some(text) = pasted_text(&event) {
            event.prevent_default();
            crate::chunks::take(ws, Incoming::Text(text));
        }
    });
    on_cleanup(move || handle.remove());

    let current = RwSignal::new(View::Budget);
    let printing = RwSignal::new(false);
    provide_context(Shown { current, printing });
    // The views' chunks, fetched in the background once the widget is up.
    crate::chunks::prefetch_after(1500);
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
                        crate::storage::save_language(if next == Lang::En { "en" } else { "fr" });
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
                            crate::chunks::take(ws, Incoming::Text(text));
                        }
                    }
                ></textarea>
                <div class="bw-actions">
                    <button type="button" on:click=move |_| crate::chunks::take(ws, Incoming::Example)>
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
                    {crate::chunks::deferred(lang, || false, move || crate::chunks::scdl_export(ws))}
                </Show>
                {move || ws.file_error.get().map(|e| view! { <p class="bw-error" role="alert">{e}</p> })}
            </section>

            // The saved convention is loaded here, in the first load, before
            // anything can be brought in: a convention another tab saves
            // later is told as such, never put over the user's paste.
            <Autosave ws=ws />

            {crate::chunks::workbench_view(ws, library, at_once)}
        </div>
    }
}

/// Everything that works on a convention: the reading of an import, the
/// figures, the status line, the tabs and their views (the autosave and « Mes
/// conventions » stay in [`App`]). Its code is the `workbench` chunk
/// (`chunks::workbench_view`): a first visit paints without it.
#[component]
pub fn Workbench(ws: Workspace, library: crate::library::Library) -> impl IntoView {
    let lang = ws.lang;
    let Shown { current, .. } = use_context::<Shown>().unwrap_or_else(|| Shown {
        current: RwSignal::new(View::Budget),
        printing: RwSignal::new(false),
    });

    let grid = Grid::new(ws);
    let executed_grid = Grid::executed(ws);

    // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo, except in a text field,
    // which has its own.
    let keys = window_event_listener(ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) {
            match current.get_untracked() {
                View::Execution => executed_grid.stray_key(event),
                _ => grid.stray_key(event),
            }
            return;
        }
        if in_text_field(false) {
            return;
        }
        match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
            ("z", false) => ws.undo(),
            ("z", true) | ("y", _) => ws.redo(),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let go = Callback::new(move |scope: budget_core::Scope| {
        let action = ws.convention.with_untracked(|c| {
            c.as_ref().and_then(|c| match scope {
                budget_core::Scope::Action(a) => Some(a),
                budget_core::Scope::Group(g) => c.actions.iter().position(|a| a.group == Some(g)),
                budget_core::Scope::Grand => None,
            })
        });
        current.set(View::Budget);
        if let Some(a) = action {
            grid.go(a, 0);
        }
    });

    // The figures, worked out once per change for every view; the summary the
    // views pick from (the checks, run only while their tab is shown, are
    // `results::ChecksView`).
    let figures = Figures::new(ws);
    provide_context(figures);
    let summary = Memo::new(move |before: Option<&Option<Summary>>| {
        figures.0.with(|r| {
            let r = r.as_ref()?;
            let before = before.and_then(Option::as_ref);
            ws.convention.with(|c| {
                c.as_ref()
                    .map(|c| ws.errors.with(|e| Summary::after(before, c, r, e)))
            })
        })
    });
    let has_convention = Memo::new(move |_| summary.with(Option::is_some));

    view! {
        <p class="bw-print-only bw-print-header">
            {move || ws.convention.with(|c| c.as_ref().map(|c| {
                let l = lang.get();
                let title = if c.title.is_empty() { t(l, Key::Untitled).to_string() } else { c.title.clone() };
                format!("{title} — {} — {}", crate::settings::settings_line(l, c), today(l))
            }))}
        </p>

        // store: kept conventions' notices, shared link offer
        <crate::library::LibraryNotices library=library />
        <crate::share::SharedOffer library=library ws=ws />
        // end store

        {crate::chunks::deferred(lang, move || ws.import.with(Option::is_some), move || crate::chunks::mapping(ws))}

        <p class="bw-status" role="status" aria-live="polite">
            {move || summary.with(|s| status_text(lang.get(), s.as_ref()))}
        </p>

        {move || summary.with(|s| s.as_ref().map(|s| errors_section(lang.get(), s)))}
        {move || (!has_convention.get()).then(|| view! { <p class="bw-empty">{t(lang.get(), Key::NothingYet)}</p> })}
        {tab_list(lang, current)}
        {panel(current, View::Budget, view! {
            // Drawn once per convention and language: an edit updates the
            // figures and rows that changed, not the whole view.
            {move || {
                let l = lang.get();
                has_convention.get().then(|| view! {
                    <div class="bw-results">
                        {live_totals_table(l, summary)}
                    </div>
                    {crate::chunks::deferred(lang, || is_shown(View::Budget), move || crate::chunks::funding_chart(ws))}
                    {budget_table(grid, l, summary)}
                })
            }}
            {move || (!has_convention.get()).then(|| {
                let l = lang.get();
                view! {
                    <p>{t(l, Key::StartEmpty)}</p>
                    <button type="button" on:click=move |_| {
                        ws.edit(|c| { budget_core::edit::insert_action(c, None, None); });
                        grid.start(0, 1, Some(String::new()));
                    }>{t(l, Key::AddAction)}</button>
                }
            })}
        }.into_any())}
        {panel(current, View::Execution, crate::chunks::deferred(lang, || is_shown(View::Execution), move || crate::chunks::execution(ws, executed_grid, summary)).into_any())}
        {panel(current, View::Tranches, crate::chunks::deferred(lang, || is_shown(View::Tranches), move || crate::chunks::tranches(ws)).into_any())}
        {panel(current, View::Years, crate::chunks::deferred(lang, || is_shown(View::Years), move || crate::chunks::years(ws)).into_any())}
        {panel(current, View::Checks, crate::chunks::deferred(lang, || is_shown(View::Checks), move || crate::chunks::checks(ws, go)).into_any())}
        // store: « Mes conventions », comparison, share link
        {panel(current, View::Scenarios, crate::chunks::deferred(lang, || is_shown(View::Scenarios), move || crate::chunks::scenarios(ws, library)).into_any())}
        // end store
        {panel(current, View::Settings, crate::chunks::deferred(lang, || is_shown(View::Settings), move || crate::chunks::settings(ws, Signal::derive(move || library.title_taken()))).into_any())}
    }
}
