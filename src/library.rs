//! « Mes conventions »: several conventions kept in this browser.
//!
//! The working copy `budget-widget:convention` stays exactly what it was: the
//! autosave of [`crate::storage::Autosave`], with its conflict handling. Beside
//! it this module keeps the list of conventions and a copy of each (layout and
//! pure rules in [`crate::catalog`]). The copy of the convention being worked on
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

use std::collections::HashMap;

use budget_core::saved::{self, LoadError};
use budget_core::{Convention, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser_files::download;
use crate::catalog::{self, data_key, Entry, Index, INDEX_KEY};
use crate::i18n::{colon, question_mark, quoted, t, Key};
use crate::state::Workspace;
use crate::storage::{classify, storage, StoreError, CURRENT_KEY, UNREADABLE_PREFIX};

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
            Some(raw) => match crate::chunks::from_json(&raw) {
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
                .and_then(|raw| crate::chunks::from_json(&raw).ok())
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
        let later = crate::storage::Later::new(move || {
            library.follow(ws.convention.get_untracked());
        });
        Effect::new(move |_| {
            ws.convention.track();
            later.soon();
        });

        // Only the comparison reads them: kept up to date while it is shown.
        Effect::new(move |_| {
            if !crate::app::is_shown(crate::app::View::Scenarios) {
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
                    crate::chunks::json_reader().await;
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
            Ok(Some(text)) => match crate::chunks::parse_index(&text) {
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
            .map(|raw| crate::chunks::from_json(raw).ok());
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

    /// The ids of the list, in order.
    pub fn ids(&self) -> Vec<String> {
        self.index
            .with_untracked(|i| i.conventions.iter().map(|e| e.id.clone()).collect())
    }

    /// Opens a kept convention; the one shown is kept first.
    pub fn open(&self, id: &str) {
        if !self.detached.get_untracked() && self.current.get_untracked().as_deref() == Some(id) {
            return;
        }
        let target = self.kept.with_untracked(|k| k.get(id).cloned());
        let conv = match target {
            Some(Kept::Empty) => None,
            Some(Kept::Ready(c)) => Some(*c),
            Some(Kept::Unreadable { .. }) => {
                self.tell_unreadable(id);
                return;
            }
            None => return,
        };
        if self.keep_shown().is_none() {
            return;
        }
        self.show(id.to_string(), conv);
    }

    /// Starts a new, empty convention; the one shown is kept first.
    pub fn new_convention(&self) {
        if self.keep_shown().is_none() {
            return;
        }
        let Some(id) = self.index.try_update(|i| i.add("", now_ms())) else {
            return;
        };
        self.show(id, None);
    }

    /// Adds `conv` (a shared one) as a new convention and opens it.
    pub fn add(&self, conv: Convention) {
        if self.keep_shown().is_none() {
            return;
        }
        let Some(id) = self.index.try_update(|i| i.add(&conv.title, now_ms())) else {
            return;
        };
        if !self.check(Self::write(
            &data_key(&id),
            Some(&saved::to_json_compact(&conv)),
        )) {
            self.index.update(|i| {
                i.remove(&id);
            });
            return;
        }
        self.show(id, Some(conv));
    }

    /// The convention of an entry: the one shown for the current one.
    fn convention_of(&self, id: &str) -> Result<Option<Convention>, ()> {
        if !self.detached.get_untracked() && self.current.get_untracked().as_deref() == Some(id) {
            return Ok(self.ws.convention.get_untracked());
        }
        match self.kept.with_untracked(|k| k.get(id).cloned()) {
            Some(Kept::Empty) => Ok(None),
            Some(Kept::Ready(c)) => Ok(Some(*c)),
            _ => Err(()),
        }
    }

    /// Copies a kept convention as a scenario ("<title> — scénario N") and
    /// opens the copy.
    pub fn duplicate(&self, id: &str) {
        let lang = self.ws.lang.get_untracked();
        let Ok(source) = self.convention_of(id) else {
            self.tell_unreadable(id);
            return;
        };
        let mut copy = source.unwrap_or_default();
        // A convention without a title is named after its entry, if it has a name.
        let listed = self
            .index
            .with_untracked(|i| i.entry(id).map(|e| e.name.clone()))
            .unwrap_or_default();
        let base = if copy.title.trim().is_empty() {
            listed
        } else {
            copy.title.clone()
        };
        let name = self.index.with_untracked(|i| {
            catalog::scenario_name(
                &base,
                i.conventions.iter().map(|e| e.name.as_str()),
                t(lang, Key::LibScenarioWord),
                t(lang, Key::Untitled),
            )
        });
        copy.title = name;
        self.add(copy);
    }

    /// Whether another kept convention is already called `name`.
    pub fn name_taken(&self, id: &str, name: &str) -> bool {
        self.index.with_untracked(|i| i.name_taken(id, name))
    }

    /// Whether another kept convention is already called by the title of the
    /// open one (tracked: for the settings form, which says so).
    pub fn title_taken(&self) -> bool {
        if self.detached.get() {
            return false;
        }
        let Some(id) = self.current.get() else {
            return false;
        };
        self.ws.convention.with(|c| {
            let title = c.as_ref().map_or("", |c| c.title.as_str());
            self.index.with(|i| i.name_taken(&id, title))
        })
    }

    /// Renames a kept convention (its title).
    pub fn rename(&self, id: &str, name: &str) {
        let name = name.trim().to_string();
        if !self.detached.get_untracked() && self.current.get_untracked().as_deref() == Some(id) {
            self.ws.edit(|c| c.title = name.clone());
            // An empty title does not rename the entry by itself.
            self.index.update(|i| {
                i.rename(id, &name);
            });
            self.write_index();
            return;
        }
        // An unreadable one: only its name in the list changes.
        if let Ok(conv) = self.convention_of(id) {
            let mut conv = conv.unwrap_or_default();
            conv.title = name.clone();
            if !self.check(Self::write(
                &data_key(id),
                Some(&saved::to_json_compact(&conv)),
            )) {
                return;
            }
            self.kept.update(|k| {
                k.insert(id.to_string(), Kept::of(Some(conv)));
            });
        }
        self.index.update(|i| {
            i.rename(id, &name);
        });
        self.write_index();
    }

    /// Deletes a kept convention (the user confirmed). An unreadable copy is
    /// kept aside first; deleting the one shown empties the calculator.
    pub fn delete(&self, id: &str) {
        let unreadable = self.kept.with_untracked(|k| match k.get(id) {
            Some(Kept::Unreadable { raw, .. }) => Some(raw.clone()),
            _ => None,
        });
        if let Some(raw) = unreadable {
            let kept_as = storage().ok().and_then(|s| keep_aside(&s, &raw));
            if kept_as.is_none() {
                self.tell(Notice::Full);
                return;
            }
        }
        if !self.check(Self::write(&data_key(id), None)) {
            return;
        }
        let was_current =
            !self.detached.get_untracked() && self.current.get_untracked().as_deref() == Some(id);
        let at = self
            .index
            .with_untracked(|i| i.conventions.iter().position(|e| e.id == id));
        let removed = self.index.try_update(|i| i.remove(id)).flatten();
        let kept = self.kept.try_update(|k| k.remove(id)).flatten();
        let kept = if was_current {
            Kept::of(self.ws.convention.get_untracked())
        } else {
            kept.unwrap_or(Kept::Empty)
        };
        self.deleted.set(removed.map(|entry| Deleted {
            entry,
            at: at.unwrap_or(usize::MAX),
            kept,
            was_current,
        }));
        self.write_index();
        if was_current {
            self.current.set(None);
            self.last_kept.set_value(None);
            self.ws.open_other(None);
        }
    }

    /// Puts the convention last deleted back in the list, at its place, and
    /// opens it again if it was open and the calculator is still empty.
    pub fn restore(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        let id = deleted.entry.id.clone();
        if self.index.with_untracked(|i| i.entry(&id).is_some()) {
            // Back already (another tab): nothing to do.
            self.deleted.set(None);
            return;
        }
        let text = match &deleted.kept {
            Kept::Empty => None,
            Kept::Ready(conv) => Some(saved::to_json_compact(conv)),
            Kept::Unreadable { raw, .. } => Some(raw.clone()),
        };
        if let Some(text) = &text {
            if !self.check(Self::write(&data_key(&id), Some(text))) {
                return;
            }
        }
        self.deleted.set(None);
        self.index
            .update(|i| i.put_back(deleted.at, deleted.entry.clone()));
        let reopen = deleted.was_current
            && !self.detached.get_untracked()
            && self.current.get_untracked().is_none()
            && self.ws.convention.with_untracked(Option::is_none);
        if reopen {
            self.show(id, deleted.kept.convention());
        } else {
            self.kept.update(|k| {
                k.insert(id, deleted.kept);
            });
            self.write_index();
        }
    }

    /// Keeps what is shown as a new convention after another tab opened
    /// another one.
    pub fn keep_as_new(&self) {
        if let Some(Some(id)) = self.keep_shown() {
            self.attach(id);
        }
    }

    /// Another tab wrote `key`.
    fn changed_elsewhere(&self, key: &str, value: Option<String>) {
        if key == INDEX_KEY {
            let Some(Ok(theirs)) = value.as_deref().map(crate::chunks::parse_index) else {
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

/// Puts the focus on the element `id` once the page is drawn.
fn focus_soon(id: String) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// What the library has to tell: unreadable list or kept convention, full
/// storage, another tab. Put it near the autosave's messages.
#[component]
pub fn LibraryNotices(library: Library) -> impl IntoView {
    let lang = library.ws.lang;
    move || {
        let l = lang.get();
        library
            .notices
            .get()
            .into_iter()
            .map(|notice| {
                let dismissed = notice.clone();
                let dismiss = move |_| {
                    library.notices.update(|n| n.retain(|x| *x != dismissed));
                };
                let (message, raw) = match &notice {
                    Notice::ListUnreadable {
                        reason,
                        kept_as,
                        raw,
                    } => {
                        let kept = kept_as
                            .as_ref()
                            .map(|k| format!(" {} {}.", t(l, Key::StorageKeptAs), quoted(l, k)))
                            .unwrap_or_else(|| format!(" {}", t(l, Key::LibListNotKept)));
                        (
                            format!("{} {}.{kept} {}", t(l, Key::LibListUnreadable), reason.message(l), t(l, Key::LibListRebuilt)),
                            Some(raw.clone()),
                        )
                    }
                    Notice::ConventionUnreadable { name, reason, raw } => (
                        format!("{} {}{}{}. {}", t(l, Key::LibConventionUnreadable), quoted(l, name), colon(l), reason.message(l), t(l, Key::LibConventionStays)),
                        Some(raw.clone()),
                    ),
                    Notice::Full => (t(l, Key::StorageFull).to_string(), None),
                    Notice::Failed(e) => (format!("{} ({e})", t(l, Key::StorageFailed)), None),
                    Notice::OtherTab => (t(l, Key::LibOtherTab).to_string(), None),
                };
                let raw_button = raw.map(|raw| {
                    view! {
                        <button type="button" on:click=move |_| {
                            let _ = download("conventions-illisible.json", "application/json", raw.as_bytes());
                        }>{t(l, Key::DownloadUnreadable)}</button>
                    }
                });
                let keep_button = (notice == Notice::OtherTab).then(|| {
                    view! {
                        <button type="button" on:click=move |_| library.keep_as_new()>
                            {t(l, Key::LibKeepAsNew)}
                        </button>
                    }
                });
                view! {
                    <div class="bw-notice" role="alert">
                        <p>{message}</p>
                        <div class="bw-actions">
                            {raw_button}
                            {keep_button}
                            <button type="button" on:click=dismiss>{t(l, Key::Dismiss)}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}

/// What one line of the list is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Idle,
    Renaming,
    /// Asked to delete: waiting for the explicit confirmation.
    Deleting,
}

/// The value of the text field `id`.
fn field_value(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|i| i.value())
}

/// One kept convention in the list.
#[component]
fn LibraryLine(
    library: Library,
    id: String,
    mode: RwSignal<Option<(String, Mode)>>,
) -> impl IntoView {
    let lang = library.ws.lang;
    let dom = format!("bw-lib-{id}");
    let entry = {
        let id = id.clone();
        Memo::new(move |_| library.index.with(|i| i.entry(&id).cloned()))
    };
    let is_current = {
        let id = id.clone();
        Memo::new(move |_| {
            !library.detached.get() && library.current.with(|c| c.as_deref() == Some(id.as_str()))
        })
    };
    let my_mode = {
        let id = id.clone();
        Memo::new(move |_| {
            mode.with(|m| match m {
                Some((i, m)) if *i == id => *m,
                _ => Mode::Idle,
            })
        })
    };
    let state = {
        let id = id.clone();
        Memo::new(move |_| {
            library.kept.with(|k| match k.get(&id) {
                Some(Kept::Empty) => Some(Key::LibEmpty),
                Some(Kept::Unreadable { .. }) => Some(Key::LibUnreadable),
                _ => None,
            })
        })
    };
    let name = Memo::new(move |_| {
        let l = lang.get();
        entry.with(|e| e.as_ref().map(|e| entry_name(l, e)).unwrap_or_default())
    });
    let details = move || {
        let l = lang.get();
        let updated = entry.with(|e| e.as_ref().map_or(0, |e| e.updated));
        let state = state
            .get()
            .map(|k| format!(" — {}", t(l, k)))
            .unwrap_or_default();
        format!(
            "{} {}{state}",
            t(l, Key::LibChanged),
            entry_date(l, updated)
        )
    };

    // The name typed is another convention's: said under the field.
    let taken = RwSignal::new(false);
    let buttons = {
        let (id, dom) = (id.clone(), dom.clone());
        move || {
            let l = lang.get();
            let name = name.get();
            let current = is_current.get();
            let id = id.clone();
            let dom = dom.clone();
            match my_mode.get() {
                Mode::Renaming => {
                    let input_id = format!("{dom}-nom");
                    let taken_id = format!("{dom}-nom-pris");
                    let taken_id2 = taken_id.clone();
                    let initial = entry.with_untracked(|e| {
                        e.as_ref()
                            .map(|e| e.name.trim().to_string())
                            .unwrap_or_default()
                    });
                    let save = {
                        let (id, input_id, dom) = (id.clone(), input_id.clone(), dom.clone());
                        move || {
                            let text = field_value(&input_id).unwrap_or_default();
                            if library.name_taken(&id, &text) {
                                taken.set(true);
                                focus_soon(input_id.clone());
                                return;
                            }
                            taken.set(false);
                            library.rename(&id, &text);
                            mode.set(None);
                            focus_soon(format!("{dom}-renommer"));
                        }
                    };
                    let cancel = {
                        let dom = dom.clone();
                        move || {
                            taken.set(false);
                            mode.set(None);
                            focus_soon(format!("{dom}-renommer"));
                        }
                    };
                    let (save2, cancel2) = (save.clone(), cancel.clone());
                    view! {
                        <div class="bw-lib-rename">
                            <label for=input_id.clone()>{format!("{} {}", t(l, Key::LibNewName), quoted(l, &name))}</label>
                            <input
                                id=input_id
                                type="text"
                                value=initial
                                aria-invalid=move || taken.get().then_some("true")
                                aria-describedby=move || taken.get().then(|| taken_id.clone())
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                                    "Enter" => { ev.prevent_default(); save2(); }
                                    "Escape" => { ev.prevent_default(); cancel2(); }
                                    _ => {}
                                }
                            />
                            {move || taken.get().then(|| view! {
                                <p id=taken_id2.clone() class="bw-error" role="alert">{t(l, Key::LibNameTaken)}</p>
                            })}
                            <div class="bw-actions">
                                <button type="button" on:click=move |_| save()>{t(l, Key::LibSaveName)}</button>
                                <button type="button" on:click=move |_| cancel()>{t(l, Key::Cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Mode::Deleting => {
                    let question = if current {
                        format!(
                            "{} {}{} {}",
                            t(l, Key::LibDeleteQuestion),
                            quoted(l, &name),
                            question_mark(l),
                            t(l, Key::LibDeleteCurrent)
                        )
                    } else {
                        format!(
                            "{} {}{}",
                            t(l, Key::LibDeleteQuestion),
                            quoted(l, &name),
                            question_mark(l)
                        )
                    };
                    let label = question.clone();
                    let keep_focus = format!("{dom}-supprimer");
                    view! {
                        <div class="bw-lib-confirm" role="group" aria-label=label>
                            <p>{question}</p>
                            <div class="bw-actions">
                                <button type="button" class="bw-danger" on:click=move |_| {
                                    mode.set(None);
                                    library.delete(&id);
                                    focus_soon("bw-lib-heading".to_string());
                                }>{t(l, Key::LibDeleteConfirm)}</button>
                                <button type="button" id=format!("{dom}-garder") on:click=move |_| {
                                    mode.set(None);
                                    focus_soon(keep_focus.clone());
                                }>{t(l, Key::Cancel)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                Mode::Idle => {
                    let named = |key: Key| format!("{} {}", t(l, key), quoted(l, &name));
                    let (open_id, rename_id, dup_id, del_id) =
                        (id.clone(), id.clone(), id.clone(), id);
                    let (rename_focus, del_focus) = (format!("{dom}-nom"), format!("{dom}-garder"));
                    view! {
                        <div class="bw-actions">
                            {(!current).then(|| view! {
                                <button type="button" aria-label=named(Key::LibOpen) on:click=move |_| library.open(&open_id)>
                                    {t(l, Key::LibOpen)}
                                </button>
                            })}
                            <button type="button" id=format!("{dom}-renommer") aria-label=named(Key::LibRename) on:click=move |_| {
                                mode.set(Some((rename_id.clone(), Mode::Renaming)));
                                focus_soon(rename_focus.clone());
                            }>{t(l, Key::LibRename)}</button>
                            <button type="button" aria-label=named(Key::LibDuplicate) on:click=move |_| library.duplicate(&dup_id)>
                                {t(l, Key::LibDuplicate)}
                            </button>
                            <button type="button" id=format!("{dom}-supprimer") aria-label=named(Key::LibDelete) on:click=move |_| {
                                mode.set(Some((del_id.clone(), Mode::Deleting)));
                                focus_soon(del_focus.clone());
                            }>{t(l, Key::LibDelete)}</button>
                        </div>
                    }
                    .into_any()
                }
            }
        }
    };

    view! {
        <li
            class="bw-lib-item"
            class:bw-lib-current=move || is_current.get()
            aria-current=move || is_current.get().then_some("true")
        >
            <p class="bw-lib-name">
                <strong>{move || name.get()}</strong>
                {move || is_current.get().then(|| view! { " " <span class="bw-lib-badge">{t(lang.get(), Key::LibOpened)}</span> })}
            </p>
            <p class="bw-hint">{details}</p>
            {buttons}
        </li>
    }
}

/// « Mes conventions »: the conventions kept in this browser, to open, create,
/// rename, delete (confirmed) and duplicate as scenarios.
#[component]
pub fn LibraryPanel(library: Library) -> impl IntoView {
    let lang = library.ws.lang;
    // The line being renamed or deleted.
    let mode = RwSignal::new(None::<(String, Mode)>);
    let ids = Memo::new(move |_| {
        library.index.with(|i| {
            i.conventions
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="bw-library" aria-labelledby="bw-lib-heading">
            <h2 id="bw-lib-heading" tabindex="-1">{move || t(lang.get(), Key::LibHeading)}</h2>
            <p class="bw-hint">{move || t(lang.get(), Key::LibIntro)}</p>
            <div class="bw-actions">
                <button type="button" on:click=move |_| library.new_convention()>
                    {move || t(lang.get(), Key::LibNew)}
                </button>
            </div>
            <div class="bw-lib-deleted" role="status">
                {move || library.deleted.with(|d| d.as_ref().map(|d| {
                    let l = lang.get();
                    let message = format!("{}{}{}.", t(l, Key::LibDeleted), colon(l), quoted(l, entry_name(l, &d.entry)));
                    view! {
                        <div class="bw-notice">
                            <p>{message}</p>
                            <div class="bw-actions">
                                <button type="button" on:click=move |_| library.restore()>{t(l, Key::LibRestore)}</button>
                                <button type="button" on:click=move |_| library.deleted.set(None)>{t(l, Key::Dismiss)}</button>
                            </div>
                        </div>
                    }
                }))}
            </div>
            <Show
                when=move || ids.with(|i| !i.is_empty())
                fallback=move || view! { <p class="bw-empty">{move || t(lang.get(), Key::LibNone)}</p> }
            >
                <ul class="bw-lib-list" aria-labelledby="bw-lib-heading">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <LibraryLine library=library id=id mode=mode />
                    </For>
                </ul>
            </Show>
        </section>
    }
}
