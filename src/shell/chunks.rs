//! The split points the shell calls ([`crate::chunks`]): the workbench and
//! the table reader, the exports, and the background prefetch of every chunk.
#![allow(unsafe_code)] // the extern blocks generated for each split point

use leptos::prelude::*;

use crate::chunks::{at_once, once_loaded, split_fn, Prefetch, Unloaded};
use crate::state::Workspace;
use crate::ui::i18n::{t, Key};

split_fn!(
    scdl_export / preload_scdl_export,
    exports,
    |ws: Workspace| -> AnyView { view! { <crate::views::scdl::ScdlExport ws=ws /> }.into_any() }
);
split_fn!(
    export / preload_export,
    exports,
    |ws: Workspace, what: crate::shell::exports::Export| -> () {
        crate::shell::exports::export_now(ws, what)
    }
);

// Everything that works on a convention (`app::Workbench`) and the table
// reader: fetched at the first paste or file, or in the background, or before
// mounting when the browser keeps something to read (`embed::mount`); a first
// visit paints the shell (`app::App`) without it.
split_fn!(
    workbench / preload_workbench,
    workbench,
    |ws: Workspace, library: crate::store::library::Library| -> AnyView {
        view! { <crate::workbench::Workbench ws=ws library=library /> }.into_any()
    }
);
split_fn!(
    read_in / preload_reader,
    workbench,
    |ws: Workspace, what: crate::state::Incoming| -> () { ws.take(what) }
);

/// Whether the workbench is fetched (or can be fetched).
pub async fn workbench_ready() -> bool {
    preload_workbench().await.is_ok() && preload_reader().await.is_ok()
}

/// Reads what was brought in ([`crate::state::Workspace::take`]): at once
/// when the workbench is there (so that each key typed is read in order),
/// once it is fetched otherwise; says so if it cannot be.
pub fn take(ws: Workspace, what: crate::state::Incoming) {
    let unloaded = move || {
        let lang = ws.lang.get_untracked();
        ws.file_error
            .set(Some(t(lang, Key::WorkbenchUnloaded).to_string()));
    };
    match at_once(Box::pin(read_in(ws, what))) {
        Ok(Ok(())) => {}
        Ok(Err(Unloaded)) => unloaded(),
        Err(read) => leptos::task::spawn_local(async move {
            if read.await.is_err() {
                unloaded();
            }
        }),
    }
}

/// Set by [`crate::shell::embed::mount`] when it fetched the workbench before
/// mounting (the browser keeps something to read): drawn at once then.
static WORKBENCH_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Tells [`workbench_view`] that the workbench is already there.
pub fn workbench_fetched_at_start() {
    WORKBENCH_AT_START.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The workbench ([`crate::workbench::Workbench`]). On a first visit it is not in
/// the first load: it is fetched when the user first brings something in
/// ([`take`]), when the host page names a convention to load, or in the
/// background a moment after start, whichever comes first; until then what a
/// first visit sees below the paste area (nothing yet). Drawn at once when
/// fetched before mounting.
pub fn workbench_view(
    ws: Workspace,
    library: crate::store::library::Library,
    at_once: bool,
) -> impl IntoView {
    let lang = ws.lang;
    let prefetch = use_context::<Prefetch>();
    let at_start = !cfg!(feature = "split")
        || at_once
        || WORKBENCH_AT_START.load(std::sync::atomic::Ordering::Relaxed);
    let go = Memo::new(move |was: Option<&bool>| {
        at_start
            || was.copied().unwrap_or(false)
            || prefetch.is_some_and(|p| p.has_workbench())
            || ws.convention.with(Option::is_some)
            || ws.import.with(Option::is_some)
            || ws.draft.with(|d| !d.is_empty())
    });
    let nothing_yet =
        move || view! { <p class="bw-empty">{move || t(lang.get(), Key::NothingYet)}</p> };
    move || {
        if !go.get() {
            return nothing_yet().into_any();
        }
        once_loaded(lang, workbench(ws, library), nothing_yet).into_any()
    }
}

/// Provides [`Prefetch`]; fetches the workbench right after the first paint
/// (a paste soon after start then finds it fetched and compiled, not
/// fetched then), and `after_ms` milliseconds from now every other chunk (one
/// after the other: the widget stays free between them).
pub fn prefetch_after(after_ms: u32) {
    let prefetch = Prefetch::provide();
    // The task after the first frame: the page a first visit sees is painted
    // from the main module alone before anything else is asked for.
    request_animation_frame(move || {
        set_timeout(
            move || {
                leptos::task::spawn_local(async move {
                    if workbench_ready().await {
                        prefetch.workbench_fetched();
                    }
                });
            },
            std::time::Duration::ZERO,
        );
    });
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                // A chunk that cannot be fetched is fetched again when its
                // view is opened, which then says so. (The workbench is the
                // one fetched after the first paint, or still on its way.)
                if workbench_ready().await {
                    prefetch.workbench_fetched();
                }
                let _ = crate::chunks::json::json_reader().await;
                let _ = crate::workbench::chunks::preload_mapping().await;
                let _ = crate::workbench::chunks::preload_funding_chart().await;
                let _ = crate::workbench::chunks::preload_consumption_chart().await;
                let _ = preload_scdl_export().await;
                let _ = preload_export().await;
                let _ = crate::workbench::chunks::preload_execution().await;
                let _ = crate::workbench::chunks::preload_checks().await;
                let _ = crate::workbench::chunks::preload_tranches().await;
                let _ = crate::workbench::chunks::preload_years().await;
                let _ = crate::workbench::chunks::preload_scenarios().await;
                let _ = crate::workbench::chunks::preload_settings().await;
                prefetch.all_fetched();
            });
        },
        std::time::Duration::from_millis(u64::from(after_ms)),
    );
}
