//! The chunk machinery: what a first visit does not need to paint the page
//! is compiled into WebAssembly chunks of their own by the Trunk builds
//! (feature `split`, asked for by index.html; scripts/split.mjs cuts the
//! module). A split point is declared with [`split_fn!`] in the `chunks.rs` of
//! the room whose code it loads — `workbench/chunks.rs` (the tabs and
//! charts), `shell/chunks.rs` (the workbench itself, the table reader, the
//! exports, the background prefetch) — and [`json`] here (the JSON reader,
//! which the store and the state need). This module has what every split
//! point shares: the error of a chunk that cannot be fetched, the view drawn
//! once a chunk is there ([`once_loaded`], [`deferred`]) and the prefetch
//! signal ([`Prefetch`]).
//!
//! The first load is the shell (`shell::app::App`: heading, paste area, file
//! picker). The `workbench` chunk carries everything that works on a
//! convention — the table reader, the figures, the table and its editor, the
//! status line, the tabs, and the views that compute from the same figures
//! (execution, checks, charts, settings, the reading preview) — and is fetched
//! at the first paste or file, or in the background a moment after start, or
//! before mounting when the browser keeps something to read. The other views
//! (tranches, years, scenarios), the exports and the JSON reader have chunks
//! of their own, fetched when first needed or in the background. The service
//! worker keeps them all for offline use. Without the feature (component
//! tests, native builds), the same functions are plain `async fn`s, and
//! everything is drawn at once.
#![allow(unsafe_code)] // the extern blocks generated for each split point

use std::future::Future;

use leptos::prelude::*;

use crate::ui::i18n::{t, Key};
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
        pub fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::Unloaded> {
            let value: $ret = $body;
            Ok(value)
        }
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::Unloaded> {
            let value: $ret = $body;
            Ok(value)
        }
        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), $crate::chunks::wasm_split_stub::SplitLoaderError> {
            Ok(())
        }
    };
}
pub(crate) use split_fn;

#[cfg(not(feature = "split"))]
pub mod wasm_split_stub {
    /// Never made: without the `split` feature nothing is fetched.
    #[derive(Debug)]
    pub struct SplitLoaderError;
}

pub mod json;

/// `fut`'s output if it is ready at once, as a call into a chunk already
/// fetched is (or any call without chunks); otherwise `fut` itself, to be
/// awaited or dropped.
pub fn at_once<F: Future>(
    mut fut: std::pin::Pin<Box<F>>,
) -> Result<F::Output, std::pin::Pin<Box<F>>> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => Ok(out),
        std::task::Poll::Pending => Err(fut),
    }
}

/// The view `fut` gives once its chunk is there (at once if it already is),
/// `fallback` until then, and a message if the chunk cannot be fetched.
pub fn once_loaded<F, V>(
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

impl Prefetch {
    /// Provides a new one, nothing fetched yet.
    pub fn provide() -> Self {
        let prefetch = Prefetch {
            all: RwSignal::new(false),
            workbench: RwSignal::new(false),
        };
        provide_context(prefetch);
        prefetch
    }

    /// Tells that every chunk is fetched.
    pub fn all_fetched(self) {
        let _ = self.all.try_set(true);
    }

    /// Tells that the workbench is fetched.
    pub fn workbench_fetched(self) {
        let _ = self.workbench.try_set(true);
    }

    /// Whether the workbench is fetched (tracked).
    pub fn has_workbench(self) -> bool {
        self.workbench.get()
    }
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
