//! Everything that works on a convention once it is read: the reading
//! preview ([`mapping`]), the figures' status line, totals and checks
//! ([`results`]), the settings ([`settings`]), the tabs ([`tabs`]) and the
//! split points of their views ([`chunks`]). Its code is the `workbench`
//! chunk: a first visit paints the shell without it.

pub mod chunks;
pub mod mapping;
pub mod report_text;
pub mod results;
pub mod settings;
pub mod tabs;

use budget_core::Lang;
use leptos::ev;
use leptos::prelude::*;

use crate::grid::{budget_table, Grid};
use crate::state::summary::{Figures, Summary};
use crate::state::Workspace;
use crate::ui::focus::in_text_field;
use crate::ui::i18n::{t, Key};
use crate::words::{is_shown, Shown, View};
use results::{errors_section, live_totals_table, status_text};
use tabs::{panel, tab_list};

/// Today's date, for the printed page.
fn today(lang: Lang) -> String {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    match lang {
        Lang::Fr => format!("{day:02}/{m:02}/{y}"),
        Lang::En => format!("{y}-{m:02}-{day:02}"),
    }
}

/// Everything that works on a convention: the reading of an import, the
/// figures, the status line, the tabs and their views (the autosave and « Mes
/// conventions » stay in [`App`]). Its code is the `workbench` chunk
/// (`chunks::workbench_view`): a first visit paints without it.
#[component]
pub fn Workbench(ws: Workspace, library: crate::store::library::Library) -> impl IntoView {
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
                format!("{title} — {} — {}", crate::workbench::settings::settings_line(l, c), today(l))
            }))}
        </p>

        // store: kept conventions' notices, shared link offer
        <crate::store::library::LibraryNotices library=library />
        <crate::store::share::SharedOffer library=library ws=ws />
        // end store

        {crate::chunks::deferred(lang, move || ws.import.with(Option::is_some), move || chunks::mapping(ws))}

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
                    {crate::chunks::deferred(lang, || is_shown(View::Budget), move || chunks::funding_chart(ws))}
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
        {panel(current, View::Execution, crate::chunks::deferred(lang, || is_shown(View::Execution), move || chunks::execution(ws, executed_grid, summary)).into_any())}
        {panel(current, View::Tranches, crate::chunks::deferred(lang, || is_shown(View::Tranches), move || chunks::tranches(ws)).into_any())}
        {panel(current, View::Years, crate::chunks::deferred(lang, || is_shown(View::Years), move || chunks::years(ws)).into_any())}
        {panel(current, View::Checks, crate::chunks::deferred(lang, || is_shown(View::Checks), move || chunks::checks(ws, go)).into_any())}
        // store: « Mes conventions », comparison, share link
        {panel(current, View::Scenarios, crate::chunks::deferred(lang, || is_shown(View::Scenarios), move || chunks::scenarios(ws, library)).into_any())}
        // end store
        {panel(current, View::Settings, crate::chunks::deferred(lang, || is_shown(View::Settings), move || chunks::settings(ws, Signal::derive(move || library.title_taken()))).into_any())}
    }
}
