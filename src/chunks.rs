//! The views that are not needed to paste a table and read its totals, and
//! the exports, compiled into WebAssembly chunks of their own by the Trunk
//! builds (feature `split`, asked for by index.html; scripts/split.mjs cuts the
//! module): the first load carries the table and its totals; a
//! chunk is fetched when its view is first needed, or in the background a
//! moment after start, and kept by the service worker for offline use.
//! Without the feature (component tests, native builds), the same functions
//! are plain `async fn`s in one module, and the views are drawn at once.
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
    settings,
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
    charts,
    |ws: Workspace| -> AnyView { view! { <crate::charts::FundingChart ws=ws /> }.into_any() }
);
split_fn!(
    consumption_chart / preload_consumption_chart,
    charts,
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

split_fn!(checks / preload_checks, checks, |ws: Workspace,
                                            go: Callback<
    budget_core::Scope,
>|
 -> AnyView {
    view! { <crate::results::ChecksView ws=ws go=go /> }.into_any()
});
split_fn!(
    execution / preload_execution,
    execution,
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
/// fetched is (or any call without chunks).
fn at_once<F: Future>(fut: F) -> Option<F::Output> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(fut).poll(&mut cx) {
        std::task::Poll::Ready(out) => Some(out),
        std::task::Poll::Pending => None,
    }
}

/// [`budget_core::saved::from_json`], once the JSON reader is there
/// ([`json_reader`]); [`LoadError::ReaderUnavailable`] before.
///
/// [`LoadError::ReaderUnavailable`]: budget_core::saved::LoadError::ReaderUnavailable
pub fn from_json(text: &str) -> Result<budget_core::Convention, budget_core::saved::LoadError> {
    match at_once(read_saved(text.to_string())) {
        Some(Ok(read)) => read,
        _ => Err(budget_core::saved::LoadError::ReaderUnavailable),
    }
}

/// [`crate::catalog::parse_index`], once the JSON reader is there.
pub fn parse_index(text: &str) -> Result<crate::catalog::Index, crate::catalog::IndexError> {
    match at_once(read_index(text.to_string())) {
        Some(Ok(read)) => read,
        _ => Err(crate::catalog::IndexError::ReaderUnavailable),
    }
}

split_fn!(
    mapping / preload_mapping,
    mapping,
    |ws: Workspace| -> AnyView { view! { <crate::mapping::MappingPanel ws=ws /> }.into_any() }
);

/// Set once every chunk has been fetched in the background, a moment after
/// start: the hidden views are then drawn, so that each tab opens at once.
#[derive(Clone, Copy)]
pub struct Prefetch(RwSignal<bool>);

/// Provides [`Prefetch`]; `after_ms` milliseconds from now, fetches every
/// chunk (one after the other: the widget stays free between them).
pub fn prefetch_after(after_ms: u32) {
    let signal = RwSignal::new(false);
    provide_context(Prefetch(signal));
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                // A chunk that cannot be fetched is fetched again when its
                // view is opened, which then says so.
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
        !split || was.copied().unwrap_or(false) || wanted() || prefetch.is_some_and(|p| p.0.get())
    });
    move || {
        go.get().then(|| {
            let fut = load();
            view! {
                <Suspense fallback=move || view! { <p class="bw-loading">{move || t(lang.get(), Key::ViewLoading)}</p> }>
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
        })
    }
}
