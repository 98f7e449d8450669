//! Keeping the work in the browser (localStorage).
//!
//! gloo's `LocalStorage` throws when the browser has no storage (sandboxed
//! iframe, blocked cookies), so the `web_sys::Storage` is asked for directly and
//! every failure is a [`StoreError`] the user is told about.
//!
//! The convention is saved in the core's versioned JSON ([`budget_core::saved`]),
//! so an older save is migrated forward when it is read. Nothing is ever thrown
//! away: a save that cannot be read is copied aside under its own key before
//! anything else is written, and the user is told.

use budget_core::saved::{self, LoadError};
use budget_core::Convention;
use wasm_bindgen::JsCast;

/// Key of the convention being worked on.
pub const CURRENT_KEY: &str = "budget-widget:convention";
/// Key of the language chosen.
pub const LANGUAGE_KEY: &str = "budget-widget:langue";
/// Where the number of actions a page of the table shows is remembered.
pub const PAGE_SIZE_KEY: &str = "budget-widget:actions-par-page";
/// Prefix of the keys where unreadable saves are kept.
pub const UNREADABLE_PREFIX: &str = "budget-widget:illisible:";

/// Why the browser's storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage (private browsing, blocked by the host page, sandbox…).
    Unavailable,
    /// The storage quota is reached (`QuotaExceededError`).
    Full,
    /// Anything else the browser said.
    Other(String),
}

/// What was found in the storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Nothing,
    Convention(Convention),
    /// A save that could not be read: its text was kept under `kept_as`.
    Unreadable {
        reason: LoadError,
        kept_as: Option<String>,
        raw: String,
    },
}

pub(crate) fn storage() -> Result<web_sys::Storage, StoreError> {
    // `raw()` panics without storage in gloo: ask the window directly.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

pub(crate) fn classify(error: wasm_bindgen::JsValue) -> StoreError {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.name()))
        })
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::Full
    } else {
        StoreError::Other(name)
    }
}

/// Saves the convention; gives back the text written (to recognise it later in
/// a `storage` event).
pub fn save(conv: &Convention) -> Result<String, StoreError> {
    let text = saved::to_json_compact(conv);
    write(&text)?;
    Ok(text)
}

/// Writes a saved convention's text.
fn write(text: &str) -> Result<(), StoreError> {
    storage()?.set_item(CURRENT_KEY, text).map_err(classify)
}

/// Removes the saved convention (after the user cleared the calculator).
pub fn forget() -> Result<(), StoreError> {
    storage()?.remove_item(CURRENT_KEY).map_err(classify)
}

/// Reads the saved convention, keeping an unreadable one aside.
pub fn load() -> Result<Loaded, StoreError> {
    let store = storage()?;
    let Some(raw) = store.get_item(CURRENT_KEY).map_err(classify)? else {
        return Ok(Loaded::Nothing);
    };
    match crate::chunks::json::from_json(&raw) {
        Ok(conv) => Ok(Loaded::Convention(conv)),
        Err(reason) => {
            let key = format!("{UNREADABLE_PREFIX}{}", js_sys::Date::now() as u64);
            let kept_as = store.set_item(&key, &raw).ok().map(|()| key);
            Ok(Loaded::Unreadable {
                reason,
                kept_as,
                raw,
            })
        }
    }
}

/// A preference kept under `key` (language, page size), if any.
fn recall(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Keeps a preference under `key`; failing to is harmless (it is asked again
/// next time).
fn remember(key: &str, value: &str) {
    if let Ok(store) = storage() {
        let _ = store.set_item(key, value);
    }
}

/// The language chosen last time, if any.
pub fn remembered_lang() -> Option<budget_core::Lang> {
    match recall(LANGUAGE_KEY)?.as_str() {
        "en" => Some(budget_core::Lang::En),
        "fr" => Some(budget_core::Lang::Fr),
        _ => None,
    }
}

/// Remembers the language choice.
pub fn save_language(lang: &str) {
    remember(LANGUAGE_KEY, lang);
}

/// The number of actions a page showed last time, if it was remembered and
/// reads as a number.
pub fn load_page_size() -> Option<usize> {
    recall(PAGE_SIZE_KEY)?.trim().parse().ok()
}

/// Remembers the number of actions a page shows.
pub fn save_page_size(size: usize) {
    remember(PAGE_SIZE_KEY, &size.to_string());
}

use crate::state::Workspace;
use crate::ui::browser_files::download;
use crate::ui::i18n::{quoted, t, Key};
use leptos::prelude::*;

/// How long after the last change the convention is saved. Saving writes the
/// whole convention (about 2 MB of text for 10 000 actions, tens of
/// milliseconds): done on each keystroke it would slow every edit down, so it
/// waits until the user pauses.
pub const SAVE_DELAY_MS: u64 = 400;

/// Work put off until the user pauses: [`Later::soon`] (re)starts the wait,
/// and the work runs [`SAVE_DELAY_MS`] after the last call. Leaving or hiding
/// the page (`pagehide`, `visibilitychange`) runs it at once, so closing the
/// tab right after an edit loses nothing; so does removing the component
/// that made it (a host page taking the mounted widget away).
#[derive(Clone, Copy)]
pub struct Later {
    timer: StoredValue<Option<leptos::leptos_dom::helpers::TimeoutHandle>>,
    work: StoredValue<std::sync::Arc<dyn Fn() + Send + Sync>>,
}

impl Later {
    /// `work` to run later; the page's listeners are removed with the
    /// component that makes it.
    pub fn new(work: impl Fn() + Send + Sync + 'static) -> Self {
        let later = Self {
            timer: StoredValue::new(None),
            work: StoredValue::new(std::sync::Arc::new(work)),
        };
        let left = window_event_listener(leptos::ev::pagehide, move |_| later.now());
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                later.now();
            }
        });
        on_cleanup(move || {
            left.remove();
            hidden.remove();
            later.now();
        });
        later
    }

    /// Runs the work once the user pauses (at once if no timer can be set).
    pub fn soon(self) {
        let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || self.now(),
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        let waiting = timer.is_some();
        if let Some(Some(old)) = self.timer.try_update_value(|t| std::mem::replace(t, timer)) {
            old.clear();
        }
        if !waiting {
            self.run();
        }
    }

    /// Runs the work now if it is waiting.
    pub fn now(self) {
        if let Some(Some(timer)) = self.timer.try_update_value(Option::take) {
            timer.clear();
            self.run();
        }
    }

    fn run(self) {
        if let Some(work) = self.work.try_get_value() {
            work();
        }
    }
}

/// A problem with the storage, as shown to the user.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Unavailable,
    Full,
    Failed(String),
    /// A save that could not be read, kept aside (or not) under a key.
    Unreadable {
        reason: LoadError,
        kept_as: Option<String>,
        raw: String,
    },
}

/// Loads the saved convention into `ws`, then saves every change, and watches
/// the other tabs. Renders what the user must know about it.
#[component]
pub fn Autosave(ws: Workspace) -> impl IntoView {
    let notice = RwSignal::new(None::<Notice>);
    // The other tab's version, while the user has not chosen.
    let conflict = RwSignal::new(None::<String>);
    let last_written = StoredValue::new(None::<String>);

    match load() {
        Ok(Loaded::Convention(conv)) => {
            last_written.set_value(Some(saved::to_json_compact(&conv)));
            ws.convention.set(Some(conv));
        }
        Ok(Loaded::Nothing) => {}
        Ok(Loaded::Unreadable {
            reason,
            kept_as,
            raw,
        }) => notice.set(Some(Notice::Unreadable {
            reason,
            kept_as,
            raw,
        })),
        Err(StoreError::Full) => notice.set(Some(Notice::Full)),
        Err(StoreError::Unavailable) => notice.set(Some(Notice::Unavailable)),
        Err(StoreError::Other(e)) => notice.set(Some(Notice::Failed(e))),
    }

    // Saves whenever the convention differs from what was last written (or
    // loaded), once the user pauses; never while the user has not settled a
    // conflict with another tab.
    let save_now = move || {
        let text = ws
            .convention
            .with_untracked(|c| c.as_ref().map(saved::to_json_compact));
        if conflict.with_untracked(Option::is_some) || text == last_written.get_value() {
            return;
        }
        let result = match text {
            Some(text) => write(&text).map(|()| last_written.set_value(Some(text))),
            None => forget().map(|()| last_written.set_value(None)),
        };
        match result {
            Ok(()) => notice.update(|n| {
                if matches!(n, Some(Notice::Full | Notice::Failed(_))) {
                    *n = None;
                }
            }),
            Err(StoreError::Full) => notice.set(Some(Notice::Full)),
            Err(StoreError::Unavailable) => notice.set(Some(Notice::Unavailable)),
            Err(StoreError::Other(e)) => notice.set(Some(Notice::Failed(e))),
        }
    };
    let later = Later::new(save_now);
    Effect::new(move |_| {
        ws.convention.track();
        later.soon();
    });

    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(CURRENT_KEY) {
            return;
        }
        let theirs = event.new_value();
        if theirs.is_some() && theirs != last_written.get_value() {
            conflict.set(theirs);
        }
    });
    on_cleanup(move || handle.remove());

    let take_theirs_now = move || {
        if let Some(text) = conflict.get_untracked() {
            match crate::chunks::json::from_json(&text) {
                Ok(conv) => {
                    last_written.set_value(Some(text));
                    conflict.set(None);
                    ws.convention.set(Some(conv));
                }
                Err(reason) => {
                    conflict.set(None);
                    notice.set(Some(Notice::Unreadable {
                        reason,
                        kept_as: None,
                        raw: text,
                    }));
                }
            }
        }
    };
    let take_theirs = move |_| {
        leptos::task::spawn_local(async move {
            crate::chunks::json::json_reader().await;
            take_theirs_now();
        });
    };
    let keep_mine = move |_| {
        conflict.set(None);
        // Write ours again: the other tab will be told in its turn.
        if let Some(conv) = ws.convention.get_untracked() {
            match save(&conv) {
                Ok(text) => last_written.set_value(Some(text)),
                Err(StoreError::Full) => notice.set(Some(Notice::Full)),
                Err(StoreError::Unavailable) => notice.set(Some(Notice::Unavailable)),
                Err(StoreError::Other(e)) => notice.set(Some(Notice::Failed(e))),
            }
        }
    };

    view! {
        {move || {
            let lang = ws.lang.get();
            notice.get().map(|n| {
                let (message, raw) = match n {
                    Notice::Unavailable => (t(lang, Key::StorageUnavailable).to_string(), None),
                    Notice::Full => (t(lang, Key::StorageFull).to_string(), None),
                    Notice::Failed(e) => (format!("{} ({e})", t(lang, Key::StorageFailed)), None),
                    Notice::Unreadable { reason, kept_as, raw } => {
                        let kept = kept_as
                            .map(|k| format!(" {} {}.", t(lang, Key::StorageKeptAs), quoted(lang, k)))
                            .unwrap_or_default();
                        let reason = reason.message(lang);
                        (format!("{} {reason}.{kept}", t(lang, Key::StorageUnreadable)), Some(raw))
                    }
                };
                let raw_button = raw.map(|raw| {
                    view! {
                        <button type="button" on:click=move |_| {
                            let _ = download("sauvegarde-illisible.json", "application/json", raw.as_bytes());
                        }>{t(lang, Key::DownloadUnreadable)}</button>
                    }
                });
                view! {
                    <div class="bw-notice" role="alert">
                        <p>{message}</p>
                        <div class="bw-actions">
                            {raw_button}
                            <button type="button" on:click=move |_| notice.set(None)>{t(lang, Key::Dismiss)}</button>
                        </div>
                    </div>
                }
            })
        }}
        {move || {
            let lang = ws.lang.get();
            conflict.get().map(|_| {
                view! {
                    <div class="bw-notice" role="alert">
                        <p>{t(lang, Key::OtherTabChanged)}</p>
                        <div class="bw-actions">
                            <button type="button" on:click=take_theirs>{t(lang, Key::TakeTheirs)}</button>
                            <button type="button" on:click=keep_mine>{t(lang, Key::KeepMine)}</button>
                        </div>
                    </div>
                }
            })
        }}
    }
}
