//! What a first visit does not need to paint the page, compiled into
//! WebAssembly chunks of their own by the Trunk builds (feature `split`,
//! asked for by index.html; scripts/split.mjs cuts the module). The first load
//! is the shell (`app::App`: heading, paste area, file picker). The
//! `workbench` chunk carries everything that works on a convention — the
//! table reader, the figures, the table and its editor, the status line, the
//! tabs, and the views that compute from the same figures (execution, checks,
//! charts, settings, the reading preview) — and is fetched at the first paste
//! or file, or in the background a moment after start, or before mounting
//! when the browser keeps something to read. The other views (tranches, years,
//! scenarios), the exports and the JSON reader have chunks of their own,
//! fetched when first needed or in the background. The service worker keeps
//! them all for offline use. Without the feature (component tests, native
//! builds), the same functions are plain `async fn`s in one module, and
//! everything is drawn at once.
#![allow(unsafe_code)] // the extern blocks generated for each split point

use std::future::Future;

use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use budget_core::Lang;

/// A view's chunk could not be fetched (first visit cut off, say).
#[derive(Debug)]
pub struct Unloaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for Unloaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// `split_fn!(name / preload, chunk, |args| -> T { body })`: `async fn
/// name(args) -> Result<T, Unloaded>`, its body in chunk `chunk` when split,
/// and `async fn preload() -> Result<(), SplitLoaderError>`, which fetches
/// the chunk without calling into it.
macro_rules! split_fn {
    ($name:ident / $preload:ident, $chunk:ident, |$($arg:ident : $ty:ty),*| -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
        pub fn $name($($arg: $ty),*) -> Result<$ret, Unloaded> {
            let value: $ret = $body;
            Ok(value)
        }
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, Unloaded> {
            let value: $ret = $body;
            Ok(value)
        }
        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), wasm_split_stub::SplitLoaderError> {
            Ok(())
        }
    };
}

#[cfg(not(feature = "split"))]
mod wasm_split_stub {
    /// Never made: without the `split` feature nothing is fetched.
    #[derive(Debug)]
    pub struct SplitLoaderError;
}

split_fn!(
    tranches / preload_tranches,
    tranches,
    |ws: Workspace| -> AnyView {
        view! { <crate::tranches_view::TranchesView ws=ws /> }.into_any()
    }
);
split_fn!(years / preload_years, years, |ws: Workspace| -> AnyView {
    view! { <crate::years_view::YearsView ws=ws /> }.into_any()
});
split_fn!(
    settings / preload_settings,
    workbench,
    |ws: Workspace, title_taken: Signal<bool>| -> AnyView {
        view! { <crate::settings::SettingsView ws=ws title_taken=title_taken /> }.into_any()
    }
);
split_fn!(
    scenarios / preload_scenarios,
    scenarios,
    |ws: Workspace, library: crate::library::Library| -> AnyView {
        view! {
            <crate::library::LibraryPanel library=library />
            <crate::compare::CompareView ws=ws scenarios=library.scenarios />
            <crate::share::ShareLink ws=ws />
        }
        .into_any()
    }
);
split_fn!(
    funding_chart / preload_funding_chart,
    workbench,
    |ws: Workspace| -> AnyView { view! { <crate::charts::FundingChart ws=ws /> }.into_any() }
);
split_fn!(
    consumption_chart / preload_consumption_chart,
    workbench,
    |ws: Workspace| -> AnyView { view! { <crate::charts::ConsumptionChart ws=ws /> }.into_any() }
);
split_fn!(
    scdl_export / preload_scdl_export,
    exports,
    |ws: Workspace| -> AnyView { view! { <crate::scdl::ScdlExport ws=ws /> }.into_any() }
);
split_fn!(
    export / preload_export,
    exports,
    |ws: Workspace, what: crate::app::Export| -> () { crate::app::export_now(ws, what) }
);

split_fn!(checks / preload_checks, workbench, |ws: Workspace,
                                               go: Callback<
    budget_core::Scope,
>|
 -> AnyView {
    view! { <crate::results::ChecksView ws=ws go=go /> }.into_any()
});
split_fn!(
    execution / preload_execution,
    workbench,
    |ws: Workspace,
     grid: crate::grid::Grid,
     summary: Memo<Option<crate::summary::Summary>>|
     -> AnyView {
        view! { <crate::results::ExecutionView ws=ws grid=grid summary=summary /> }.into_any()
    }
);
// The JSON reader of saved conventions and of the list of kept ones (≈ 34 KiB
// of the first load, brotli): a first visit has nothing saved to read.
// `embed::mount` fetches it before mounting when the browser keeps
// something of the widget's or the address holds a share link; every other
// reading waits for it first (`json_reader`).
split_fn!(read_saved / preload_json, json, |text: String| -> Result<
    budget_core::Convention,
    budget_core::saved::LoadError,
> {
    budget_core::saved::from_json(&text)
});
split_fn!(
    read_index / preload_index_reader,
    json,
    |text: String| -> Result<crate::catalog::Index, crate::catalog::IndexError> {
        crate::catalog::parse_index(&text)
    }
);

/// Fetches the JSON reader if it is not there yet; whether it is now.
pub async fn json_reader() -> bool {
    // Each split function has its own loader (the chunk itself is fetched
    // once): both are made ready.
    preload_json().await.is_ok() && preload_index_reader().await.is_ok()
}

/// `fut`'s output if it is ready at once, as a call into a chunk already
/// fetched is (or any call without chunks); otherwise `fut` itself, to be
/// awaited or dropped.
fn at_once<F: Future>(mut fut: std::pin::Pin<Box<F>>) -> Result<F::Output, std::pin::Pin<Box<F>>> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => Ok(out),
        std::task::Poll::Pending => Err(fut),
    }
}

/// [`budget_core::saved::from_json`], once the JSON reader is there
/// ([`json_reader`]); [`LoadError::ReaderUnavailable`] before.
///
/// [`LoadError::ReaderUnavailable`]: budget_core::saved::LoadError::ReaderUnavailable
pub fn from_json(text: &str) -> Result<budget_core::Convention, budget_core::saved::LoadError> {
    match at_once(Box::pin(read_saved(text.to_string()))) {
        Ok(Ok(read)) => read,
        _ => Err(budget_core::saved::LoadError::ReaderUnavailable),
    }
}

/// [`crate::catalog::parse_index`], once the JSON reader is there.
pub fn parse_index(text: &str) -> Result<crate::catalog::Index, crate::catalog::IndexError> {
    match at_once(Box::pin(read_index(text.to_string()))) {
        Ok(Ok(read)) => read,
        _ => Err(crate::catalog::IndexError::ReaderUnavailable),
    }
}

split_fn!(
    mapping / preload_mapping,
    workbench,
    |ws: Workspace| -> AnyView { view! { <crate::mapping::MappingPanel ws=ws /> }.into_any() }
);

// Everything that works on a convention (`app::Workbench`) and the table
// reader: fetched at the first paste or file, or in the background, or before
// mounting when the browser keeps something to read (`embed::mount`); a first
// visit paints the shell (`app::App`) without it.
split_fn!(
    workbench / preload_workbench,
    workbench,
    |ws: Workspace, library: crate::library::Library| -> AnyView {
        view! { <crate::app::Workbench ws=ws library=library /> }.into_any()
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

/// Set by [`crate::embed::mount`] when it fetched the workbench before
/// mounting (the browser keeps something to read): drawn at once then.
static WORKBENCH_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Tells [`workbench_view`] that the workbench is already there.
pub fn workbench_fetched_at_start() {
    WORKBENCH_AT_START.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The workbench ([`crate::app::Workbench`]). On a first visit it is not in
/// the first load: it is fetched when the user first brings something in
/// ([`take`]), when the host page names a convention to load, or in the
/// background a moment after start, whichever comes first; until then what a
/// first visit sees below the paste area (nothing yet). Drawn at once when
/// fetched before mounting.
pub fn workbench_view(
    ws: Workspace,
    library: crate::library::Library,
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
            || prefetch.is_some_and(|p| p.workbench.get())
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

/// The view `fut` gives once its chunk is there (at once if it already is),
/// `fallback` until then, and a message if the chunk cannot be fetched.
fn once_loaded<F, V>(
    lang: RwSignal<Lang>,
    fut: F,
    fallback: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<AnyView, Unloaded>> + Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=fallback>
            {Suspend::new(async move {
                match fut.await {
                    Ok(v) => v,
                    Err(Unloaded) => view! {
                        <p class="bw-error" role="alert">{move || t(lang.get(), Key::ViewUnloaded)}</p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// Set once every chunk has been fetched in the background, a moment after
/// start: the hidden views are then drawn, so that each tab opens at once.
#[derive(Clone, Copy)]
pub struct Prefetch {
    all: RwSignal<bool>,
    /// Set once the workbench is fetched (the first of them).
    workbench: RwSignal<bool>,
}

/// Provides [`Prefetch`]; `after_ms` milliseconds from now, fetches every
/// chunk (one after the other: the widget stays free between them).
pub fn prefetch_after(after_ms: u32) {
    let signal = RwSignal::new(false);
    let workbench = RwSignal::new(false);
    provide_context(Prefetch {
        all: signal,
        workbench,
    });
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                // A chunk that cannot be fetched is fetched again when its
                // view is opened, which then says so.
                if workbench_ready().await {
                    let _ = workbench.try_set(true);
                }
                let _ = json_reader().await;
                let _ = preload_mapping().await;
                let _ = preload_funding_chart().await;
                let _ = preload_consumption_chart().await;
                let _ = preload_scdl_export().await;
                let _ = preload_export().await;
                let _ = preload_execution().await;
                let _ = preload_checks().await;
                let _ = preload_tranches().await;
                let _ = preload_years().await;
                let _ = preload_scenarios().await;
                let _ = preload_settings().await;
                let _ = signal.try_set(true);
            });
        },
        std::time::Duration::from_millis(u64::from(after_ms)),
    );
}

/// The view `load` gives, fetched when `wanted` first holds (its tab is
/// opened, say) or at the background prefetch, whichever comes first; until
/// then nothing, while fetching a « loading » line, and a message if the
/// chunk cannot be fetched.
pub fn deferred<F>(
    lang: RwSignal<Lang>,
    wanted: impl Fn() -> bool + Send + Sync + 'static,
    load: impl Fn() -> F + Send + Sync + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<AnyView, Unloaded>> + Send + 'static,
{
    let prefetch = use_context::<Prefetch>();
    // Without chunks there is nothing to fetch: drawn at once, as before.
    let split = cfg!(feature = "split");
    let go = Memo::new(move |was: Option<&bool>| {
        !split || was.copied().unwrap_or(false) || wanted() || prefetch.is_some_and(|p| p.all.get())
    });
    move || {
        go.get().then(|| {
            once_loaded(lang, load(), move || {
                view! { <p class="bw-loading">{move || t(lang.get(), Key::ViewLoading)}</p> }
            })
        })
    }
}
