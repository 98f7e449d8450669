//! « Mes conventions »: several conventions kept in this browser.
//!
//! The working copy `budget-widget:convention` stays exactly what it was: the
//! autosave of [`crate::store::storage::Autosave`], with its conflict handling. Beside
//! it this module keeps the list of conventions and a copy of each (layout and
//! pure rules in [`budget_core::kept`]). The copy of the convention being worked on
//! follows each of its changes, so that opening another one loses nothing.
//!
//! Nothing is ever thrown away: a list that cannot be read is kept aside (like an
//! unreadable save) and rebuilt from the kept conventions; a kept convention that
//! cannot be read stays under its key, is marked in the list and can be
//! downloaded; when a copy cannot be written (storage full) the convention shown
//! is not replaced.
//!
//! Several tabs share one working copy. When another tab opens another
//! convention, this one stops following the list (it is "detached") until the
//! user opens a convention, keeps what they see as a new one, or loads the
//! other tab's version (recognised because it equals a kept copy).

mod actions;
mod panel;

pub use panel::{LibraryNotices, LibraryPanel};

use std::collections::HashMap;

use budget_core::saved::{self, LoadError};
use budget_core::{Convention, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Workspace;
use crate::store::storage::{classify, storage, StoreError, CURRENT_KEY, UNREADABLE_PREFIX};
use crate::ui::browser_files::download;
use crate::ui::i18n::{colon, question_mark, quoted, t, Key};
use budget_core::kept::{self as catalog, data_key, Entry, Index, INDEX_KEY};

/// A kept convention other than the one being worked on.
#[derive(Clone, Debug, PartialEq)]
enum Kept {
    /// No copy: an empty convention.
    Empty,
    Ready(Box<Convention>),
    /// A copy that cannot be read; it stays in the storage.
    Unreadable {
        reason: LoadError,
        raw: String,
    },
}

impl Kept {
    fn read(raw: Option<String>) -> Self {
        match raw {
            None => Kept::Empty,
            Some(raw) => match crate::chunks::json::from_json(&raw) {
                Ok(conv) => Kept::Ready(Box::new(conv)),
                Err(reason) => Kept::Unreadable { reason, raw },
            },
        }
    }

    fn convention(&self) -> Option<Convention> {
        match self {
            Kept::Ready(c) => Some((**c).clone()),
            _ => None,
        }
    }

    fn of(conv: Option<Convention>) -> Self {
        conv.map_or(Kept::Empty, |c| Kept::Ready(Box::new(c)))
    }
}

/// What the user must know about the list.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    /// The list could not be read: kept aside (or not) and rebuilt.
    ListUnreadable {
        reason: catalog::IndexError,
        kept_as: Option<String>,
        raw: String,
    },
    /// A kept convention could not be read; it stays under its key.
    ConventionUnreadable {
        name: String,
        reason: LoadError,
        raw: String,
    },
    Full,
    Failed(String),
    /// Another tab opened another convention.
    OtherTab,
}

/// The convention last deleted, until the user puts it back, deletes another
/// one or dismisses the message: everything needed to undo the deletion.
#[derive(Clone, Debug, PartialEq)]
struct Deleted {
    entry: Entry,
    /// Its place in the list.
    at: usize,
    /// Its content as it was (the working copy's for the open one).
    kept: Kept,
    /// It was the open convention (the calculator was emptied).
    was_current: bool,
}

/// The conventions kept in this browser. `Copy`: every field is a signal.
#[derive(Clone, Copy)]
pub struct Library {
    ws: Workspace,
    /// The list, as last read or written.
    pub index: RwSignal<Index>,
    /// The entry this tab works on: `None` before the first convention, or
    /// while detached.
    pub current: RwSignal<Option<String>>,
    /// Another tab opened another convention: what is shown here is not
    /// followed in the list any more.
    pub detached: RwSignal<bool>,
    /// The other kept conventions, by id.
    kept: RwSignal<HashMap<String, Kept>>,
    /// `(name, convention)` of every kept convention that has one, in the order
    /// of the list, the one being worked on included: for the comparison.
    pub scenarios: RwSignal<Vec<(String, Convention)>>,
    notices: RwSignal<Vec<Notice>>,
    /// The convention last deleted, to put back.
    deleted: RwSignal<Option<Deleted>>,
    /// The list cannot be written: it could not be read, nor kept aside.
    frozen: StoredValue<bool>,
    /// What was last written for the current convention: (id, text).
    last_kept: StoredValue<Option<(String, String)>>,
}

fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Copies `raw` under a free `budget-widget:illisible:<ms>` key; the key, if it
/// could.
fn keep_aside(store: &web_sys::Storage, raw: &str) -> Option<String> {
    let base = format!("{UNREADABLE_PREFIX}{}", now_ms());
    let mut key = base.clone();
    let mut n = 2;
    while store.get_item(&key).ok().flatten().is_some() {
        key = format!("{base}-{n}");
        n += 1;
    }
    store.set_item(&key, raw).ok().map(|()| key)
}

/// The kept conventions found in the storage, as `(id, title)`.
fn scan(store: &web_sys::Storage) -> Vec<(String, String)> {
    let count = store.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter_map(|key| {
            let id = catalog::id_of_key(&key)?.to_string();
            let title = store
                .get_item(&key)
                .ok()
                .flatten()
                .and_then(|raw| crate::chunks::json::from_json(&raw).ok())
                .map(|c| c.title)
                .unwrap_or_default();
            Some((id, title))
        })
        .collect()
}

/// The date an entry was last kept, in local time.
pub fn entry_date(lang: Lang, updated: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(updated as f64));
    let part = |v: f64| v.max(0.0) as u32;
    catalog::format_date(
        lang,
        part(d.get_full_year().into()),
        part(d.get_month().into()) + 1,
        part(d.get_date().into()),
        part(d.get_hours().into()),
        part(d.get_minutes().into()),
    )
}

/// The name shown for an entry.
pub fn entry_name(lang: Lang, entry: &Entry) -> String {
    catalog::shown_name(
        &entry.name,
        t(lang, Key::Untitled),
        &entry_date(lang, entry.updated),
    )
}

impl Library {
    /// Reads the list (bringing in an old browser's single save), then follows
    /// the convention being worked on and the other tabs. Call once, in the
    /// component that owns `ws`.
    pub fn new(ws: Workspace) -> Self {
        let library = Self {
            ws,
            index: RwSignal::new(Index::default()),
            current: RwSignal::new(None),
            detached: RwSignal::new(false),
            kept: RwSignal::new(HashMap::new()),
            scenarios: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(None),
            frozen: StoredValue::new(false),
            last_kept: StoredValue::new(None),
        };
        library.start();

        // Its copy is written once the user pauses, as the working copy is
        // (storage::Later); opening another convention writes it first
        // (`keep_shown`).
        let later = crate::store::storage::Later::new(move || {
            library.follow(ws.convention.get_untracked());
        });
        Effect::new(move |_| {
            ws.convention.track();
            later.soon();
        });

        // Only the comparison reads them: kept up to date while it is shown.
        Effect::new(move |_| {
            if !crate::words::is_shown(crate::words::View::Scenarios) {
                return;
            }
            let lang = ws.lang.get();
            let current = library.current.get();
            let list = library.index.with(|i| i.conventions.clone());
            let shown = list
                .iter()
                .filter_map(|e| {
                    let conv = if current.as_deref() == Some(e.id.as_str()) {
                        ws.convention.get()
                    } else {
                        library
                            .kept
                            .with(|k| k.get(&e.id).and_then(Kept::convention))
                    };
                    conv.map(|c| (entry_name(lang, e), c))
                })
                .collect();
            library.scenarios.set(shown);
        });

        let handle = window_event_listener(leptos::ev::storage, move |event| {
            if let Some(key) = event.key() {
                let value = event.new_value();
                // Read once the JSON reader is there (at once but in the
                // first moments of a first visit).
                leptos::task::spawn_local(async move {
                    crate::chunks::json::json_reader().await;
                    library.changed_elsewhere(&key, value);
                });
            }
        });
        on_cleanup(move || handle.remove());
        library
    }

    fn tell(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Tells the user about a failed write; `false` if it failed in a way that
    /// must stop what was being done (the storage works but refused).
    fn check(&self, result: Result<(), StoreError>) -> bool {
        match result {
            Ok(()) => {
                self.notices
                    .update(|n| n.retain(|n| !matches!(n, Notice::Full | Notice::Failed(_))));
                true
            }
            // No storage at all: Autosave says so; the list lives in memory.
            Err(StoreError::Unavailable) => true,
            Err(StoreError::Full) => {
                self.tell(Notice::Full);
                false
            }
            Err(StoreError::Other(e)) => {
                self.tell(Notice::Failed(e));
                false
            }
        }
    }

    fn write(key: &str, text: Option<&str>) -> Result<(), StoreError> {
        let store = storage()?;
        match text {
            Some(text) => store.set_item(key, text),
            None => store.remove_item(key),
        }
        .map_err(classify)
    }

    fn write_index(&self) -> bool {
        if self.frozen.get_value() {
            return true;
        }
        let text = self.index.with_untracked(catalog::index_to_json);
        self.check(Self::write(INDEX_KEY, Some(&text)))
    }

    fn start(&self) {
        let Ok(store) = storage() else {
            return;
        };
        let now = now_ms();
        let (mut index, mut dirty) = match store.get_item(INDEX_KEY) {
            Ok(Some(text)) => match crate::chunks::json::parse_index(&text) {
                Ok(index) => (index, false),
                Err(e) => {
                    let kept_as = keep_aside(&store, &text);
                    self.frozen.set_value(kept_as.is_none());
                    self.tell(Notice::ListUnreadable {
                        reason: e,
                        kept_as,
                        raw: text,
                    });
                    (Index::rebuilt(scan(&store), now), true)
                }
            },
            // First load with a list: the kept copies, if any, and the old
            // single save below.
            Ok(None) => (Index::rebuilt(scan(&store), now), true),
            Err(e) => {
                self.check(Err(classify(e)));
                return;
            }
        };

        let mut kept: HashMap<String, Kept> = index
            .conventions
            .iter()
            .map(|e| {
                let raw = store.get_item(&data_key(&e.id)).ok().flatten();
                (e.id.clone(), Kept::read(raw))
            })
            .collect();

        // Which entry the working copy is.
        let working = store.get_item(CURRENT_KEY).ok().flatten();
        let working_conv = working
            .as_deref()
            .map(|raw| crate::chunks::json::from_json(raw).ok());
        let current = match (&working_conv, index.current.clone()) {
            // Readable: the list's current one, or the kept copy it equals, or
            // a new entry (an old browser's save).
            (Some(Some(conv)), listed) => listed
                .or_else(|| {
                    kept.iter()
                        .find(|(_, k)| matches!(k, Kept::Ready(c) if **c == *conv))
                        .map(|(id, _)| id.clone())
                })
                .or_else(|| {
                    let id = index.add(&conv.title, now);
                    let text = saved::to_json_compact(conv);
                    self.check(Self::write(&data_key(&id), Some(&text)));
                    Some(id)
                }),
            // Nothing: the current entry if it is empty.
            (None, Some(id)) if matches!(kept.get(&id), Some(Kept::Empty)) => Some(id),
            // Unreadable (Autosave keeps it aside and says so), or an entry
            // with a copy: let the user open the kept copy.
            _ => None,
        };
        if current != index.current {
            index.current = current.clone();
            dirty = true;
        }
        if let Some(id) = &current {
            kept.remove(id);
        }
        for entry in &index.conventions {
            if let Some(Kept::Unreadable { reason, raw }) = kept.get(&entry.id) {
                self.tell(Notice::ConventionUnreadable {
                    name: entry_name(self.ws.lang.get_untracked(), entry),
                    reason: reason.clone(),
                    raw: raw.clone(),
                });
            }
        }
        self.index.set(index);
        self.kept.set(kept);
        self.current.set(current);
        if dirty {
            self.write_index();
        }
    }

    /// Keeps a copy of the convention being worked on (called on each change).
    fn follow(&self, conv: Option<Convention>) {
        if self.detached.get_untracked() {
            // Loaded from the other tab? Then it is the kept copy it equals.
            let Some(conv) = conv else {
                return;
            };
            let same = self.kept.with_untracked(|k| {
                let listed = self.index.with_untracked(|i| i.current.clone());
                let equal = |id: &String| matches!(k.get(id), Some(Kept::Ready(c)) if **c == conv);
                listed.filter(equal).or_else(|| {
                    k.iter()
                        .find(|(_, v)| matches!(v, Kept::Ready(c) if **c == conv))
                        .map(|(id, _)| id.clone())
                })
            });
            if let Some(id) = same {
                self.attach(id);
            }
            return;
        }
        let _ = self.keep_working_copy(conv);
    }

    /// Follows `id` again after being detached.
    fn attach(&self, id: String) {
        self.kept.update(|k| {
            k.remove(&id);
        });
        self.index.update(|i| i.current = Some(id.clone()));
        self.current.set(Some(id));
        self.detached.set(false);
        self.notices
            .update(|n| n.retain(|n| !matches!(n, Notice::OtherTab)));
        self.write_index();
    }

    /// Writes the copy of the current convention (making its entry if there is
    /// none yet); `false` if the storage refused.
    fn keep_working_copy(&self, conv: Option<Convention>) -> bool {
        let now = now_ms();
        let id = match self.current.get_untracked() {
            Some(id) => id,
            None => {
                let Some(conv) = &conv else {
                    return true;
                };
                let id = self.index.try_update(|i| {
                    let id = i.add(&conv.title, now);
                    i.current = Some(id.clone());
                    id
                });
                let Some(id) = id else {
                    return true;
                };
                self.current.set(Some(id.clone()));
                id
            }
        };
        let text = conv.as_ref().map(saved::to_json_compact);
        let same = self.last_kept.with_value(|k| {
            k.as_ref().map(|(i, t)| (i.as_str(), Some(t.as_str())))
                == Some((id.as_str(), text.as_deref()))
        });
        // Nothing written yet and nothing to write (an empty convention).
        let empty = text.is_none() && self.last_kept.with_value(Option::is_none);
        if same || empty {
            return true;
        }
        if !self.check(Self::write(&data_key(&id), text.as_deref())) {
            return false;
        }
        self.last_kept
            .set_value(text.map(|text| (id.clone(), text)));
        let title = conv.map(|c| c.title).unwrap_or_default();
        self.index.update(|i| {
            if i.entry(&id).is_some_and(|e| e.name != title) && !title.is_empty() {
                i.rename(&id, &title);
            }
            i.touch(&id, now);
            i.current = Some(id.clone());
        });
        self.write_index()
    }

    /// Makes sure what is shown is kept before something else is opened: the
    /// current copy is written, or, when detached, what is shown is added as a
    /// new entry unless a kept copy already holds it. Gives the id it is kept
    /// under (`Some(None)` when there was nothing to keep), `None` if the
    /// storage refused.
    fn keep_shown(&self) -> Option<Option<String>> {
        let conv = self.ws.convention.get_untracked();
        if !self.detached.get_untracked() {
            let id = self.current.get_untracked();
            if !self.keep_working_copy(conv.clone()) {
                return None;
            }
            let id = self.current.get_untracked().or(id);
            if let Some(id) = &id {
                self.kept.update(|k| {
                    k.insert(id.clone(), Kept::of(conv));
                });
            }
            return Some(id);
        }
        let Some(conv) = conv else {
            return Some(None);
        };
        let same = self.kept.with_untracked(|k| {
            k.iter()
                .find(|(_, v)| matches!(v, Kept::Ready(c) if **c == conv))
                .map(|(id, _)| id.clone())
        });
        if let Some(id) = same {
            return Some(Some(id));
        }
        let id = self.index.try_update(|i| i.add(&conv.title, now_ms()))?;
        if !self.check(Self::write(
            &data_key(&id),
            Some(&saved::to_json_compact(&conv)),
        )) {
            self.index.update(|i| {
                i.remove(&id);
            });
            return None;
        }
        self.kept.update(|k| {
            k.insert(id.clone(), Kept::of(Some(conv)));
        });
        self.write_index();
        Some(Some(id))
    }

    /// Puts `conv` in the calculator as the convention `id`.
    fn show(&self, id: String, conv: Option<Convention>) {
        self.kept.update(|k| {
            k.remove(&id);
        });
        self.index.update(|i| i.current = Some(id.clone()));
        self.current.set(Some(id.clone()));
        self.detached.set(false);
        self.notices
            .update(|n| n.retain(|n| !matches!(n, Notice::OtherTab)));
        // Its copy is already kept as it is.
        self.last_kept.set_value(
            conv.as_ref()
                .map(|c| (id.clone(), saved::to_json_compact(c))),
        );
        self.write_index();
        self.ws.open_other(conv);
    }

    /// Tells the user that the kept convention `id` cannot be read.
    fn tell_unreadable(&self, id: &str) {
        let Some(Kept::Unreadable { reason, raw }) =
            self.kept.with_untracked(|k| k.get(id).cloned())
        else {
            return;
        };
        let name = self
            .index
            .with_untracked(|i| {
                i.entry(id)
                    .map(|e| entry_name(self.ws.lang.get_untracked(), e))
            })
            .unwrap_or_default();
        self.tell(Notice::ConventionUnreadable { name, reason, raw });
    }

    /// Another tab wrote `key`.
    fn changed_elsewhere(&self, key: &str, value: Option<String>) {
        if key == INDEX_KEY {
            let Some(Ok(theirs)) = value.as_deref().map(crate::chunks::json::parse_index) else {
                // Removed or unreadable: ours stays, and is written next time.
                return;
            };
            let ours = self.current.get_untracked();
            if !self.detached.get_untracked() && ours.is_some() && theirs.current != ours {
                self.detached.set(true);
                self.current.set(None);
                self.tell(Notice::OtherTab);
            }
            let store = storage().ok();
            self.kept.update(|k| {
                k.retain(|id, _| theirs.entry(id).is_some());
                for e in &theirs.conventions {
                    let mine = !self.detached.get_untracked()
                        && self.current.get_untracked().as_deref() == Some(e.id.as_str());
                    if !mine && !k.contains_key(&e.id) {
                        let raw = store
                            .as_ref()
                            .and_then(|s| s.get_item(&data_key(&e.id)).ok().flatten());
                        k.insert(e.id.clone(), Kept::read(raw));
                    }
                }
            });
            self.index.set(theirs);
            return;
        }
        let Some(id) = catalog::id_of_key(key) else {
            return;
        };
        let mine =
            !self.detached.get_untracked() && self.current.get_untracked().as_deref() == Some(id);
        if mine || self.index.with_untracked(|i| i.entry(id).is_none()) {
            // The same convention open in both tabs: the working copy's
            // conflict handling covers it.
            return;
        }
        let id = id.to_string();
        self.kept.update(|k| {
            k.insert(id, Kept::read(value));
        });
    }
}
