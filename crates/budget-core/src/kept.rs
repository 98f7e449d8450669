//! The conventions a browser keeps (the widget's « Mes conventions »): the format of their list (the index)
//! and its rules — reading it defensively, rebuilding it from the kept
//! conventions, bringing in an old browser's single save, naming a scenario,
//! making new ids.
//!
//! Pure code with no browser dependency: the widget's `store::library` does
//! the storage.
//!
//! # Storage layout
//!
//! - `budget-widget:convention` (the widget's `store::storage::CURRENT_KEY`): the working
//!   copy of the current convention, autosaved exactly as before;
//! - [`INDEX_KEY`] `budget-widget:liste`: the index, JSON
//!   `{"version": 1, "current": "<id>" | null, "conventions": [{"id", "name", "updated"}]}`
//!   (`updated`: milliseconds since 1970, UTC);
//! - [`CONVENTION_PREFIX`]`<id>` (`budget-widget:c:<id>`): each kept convention
//!   in the core's saved JSON. The current one's copy is brought up to date from
//!   the working copy whenever another convention is opened, created or added;
//!   an entry without its key is an empty convention.

use crate::messages::{french_display, Msg};
use crate::saved::json_reason;
use crate::text::lowercase;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Key of the index of the kept conventions.
pub const INDEX_KEY: &str = "budget-widget:liste";
/// Prefix of the key of each kept convention (followed by its id).
pub const CONVENTION_PREFIX: &str = "budget-widget:c:";
/// Version of the index format written.
pub const INDEX_VERSION: u32 = 1;

/// One kept convention, as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Made by [`new_id`]; the convention is kept under [`data_key`]`(id)`.
    pub id: String,
    /// Its title when last seen (empty: untitled).
    #[serde(default)]
    pub name: String,
    /// When it was last kept, in milliseconds since 1970 (UTC).
    #[serde(default)]
    pub updated: u64,
}

/// The list of kept conventions and which one is being worked on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    /// The entry whose working copy is `budget-widget:convention`.
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub conventions: Vec<Entry>,
}

impl Default for Index {
    fn default() -> Self {
        Self {
            version: INDEX_VERSION,
            current: None,
            conventions: Vec::new(),
        }
    }
}

/// Why an index cannot be read. Messages are in French, like the core's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// Not JSON, or cut short.
    Syntax(String),
    /// Written by a newer calculator.
    TooNew(u64),
    /// No `version` field.
    MissingVersion,
    /// A `version` that is not a whole number, as written.
    BadVersion(String),
    /// An entry without an id, by its name.
    MissingId(String),
    /// JSON, but not an index (what the JSON reader said).
    Invalid(String),
    /// The JSON reader, fetched apart from the first load, is not there
    /// (the widget's `chunks::json::parse_index`).
    ReaderUnavailable,
}

impl IndexError {
    /// The message in `lang` (the `Display` text is the French one). What the
    /// JSON reader said is told by [`json_reason`].
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Syntax(e) => Msg::IndexSyntax.fill(lang, &[("reason", &json_reason(e, lang))]),
            Self::TooNew(v) => {
                Msg::IndexTooNew.fill(lang, &[("found", v), ("supported", &INDEX_VERSION)])
            }
            Self::MissingVersion => Msg::IndexMissingVersion.text(lang).into(),
            Self::BadVersion(v) => Msg::IndexBadVersion.fill(lang, &[("found", v)]),
            Self::MissingId(name) => Msg::IndexMissingId.fill(lang, &[("name", name)]),
            Self::Invalid(e) => Msg::IndexInvalid.fill(lang, &[("reason", &json_reason(e, lang))]),
            Self::ReaderUnavailable => Msg::IndexReaderUnavailable.text(lang).into(),
        }
    }
}

french_display!(IndexError);

/// The key a convention is kept under.
pub fn data_key(id: &str) -> String {
    format!("{CONVENTION_PREFIX}{id}")
}

/// The id of a kept convention's key, if `key` is one.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(CONVENTION_PREFIX)
        .filter(|id| !id.is_empty())
}

/// Reads an index. Repairs what loses nothing — an entry listed twice is listed
/// once, a `current` naming no entry is dropped — and refuses the rest.
pub fn parse_index(text: &str) -> Result<Index, IndexError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| IndexError::Syntax(e.to_string()))?;
    let version = value.get("version").ok_or(IndexError::MissingVersion)?;
    let version = version
        .as_u64()
        .ok_or_else(|| IndexError::BadVersion(version.to_string()))?;
    if version > u64::from(INDEX_VERSION) {
        return Err(IndexError::TooNew(version));
    }
    // From the text again, not from `value`: reading from a `Value` would put
    // serde_json's second reader in the bundle (see `saved::from_json`).
    let mut index: Index =
        serde_json::from_str(text).map_err(|e| IndexError::Invalid(e.to_string()))?;
    if let Some(bad) = index.conventions.iter().find(|e| e.id.is_empty()) {
        return Err(IndexError::MissingId(bad.name.clone()));
    }
    let mut seen = std::collections::HashSet::new();
    index.conventions.retain(|e| seen.insert(e.id.clone()));
    if index
        .current
        .as_ref()
        .is_some_and(|c| index.entry(c).is_none())
    {
        index.current = None;
    }
    index.version = INDEX_VERSION;
    Ok(index)
}

/// The text the index is kept as.
pub fn index_to_json(index: &Index) -> String {
    // Strings and integers only: serialising cannot fail.
    serde_json::to_string(index).unwrap_or_default()
}

/// A new id, unused in `index`: the time in base 36, then `-2`, `-3`… if it is
/// taken (two conventions made in the same millisecond).
pub fn new_id(index: &Index, now_ms: u64) -> String {
    let base = base36(now_ms);
    let mut id = base.clone();
    let mut n = 2;
    while index.entry(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Index {
    /// The entry of `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.conventions.iter().find(|e| e.id == id)
    }

    fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.conventions.iter_mut().find(|e| e.id == id)
    }

    /// Adds an entry at the end of the list and gives its id.
    pub fn add(&mut self, name: &str, now_ms: u64) -> String {
        let id = new_id(self, now_ms);
        self.conventions.push(Entry {
            id: id.clone(),
            name: name.to_string(),
            updated: now_ms,
        });
        id
    }

    /// Whether an entry other than `id` is already called `name` (blanks
    /// around and case aside). An empty name never is: untitled entries are
    /// told apart by their date.
    pub fn name_taken(&self, id: &str, name: &str) -> bool {
        let name = lowercase(name.trim());
        !name.is_empty()
            && self
                .conventions
                .iter()
                .any(|e| e.id != id && lowercase(e.name.trim()) == name)
    }

    /// Renames an entry; `false` if there is none.
    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        match self.entry_mut(id) {
            Some(e) => {
                e.name = name.to_string();
                true
            }
            None => false,
        }
    }

    /// Marks an entry as kept at `now_ms`.
    pub fn touch(&mut self, id: &str, now_ms: u64) {
        if let Some(e) = self.entry_mut(id) {
            e.updated = now_ms;
        }
    }

    /// Takes an entry out of the list (it is no longer current if it was).
    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        let at = self.conventions.iter().position(|e| e.id == id)?;
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        Some(self.conventions.remove(at))
    }

    /// Puts back an entry taken out with [`Index::remove`] at its place
    /// (`at`, or the end of a list grown shorter since).
    pub fn put_back(&mut self, at: usize, entry: Entry) {
        let at = at.min(self.conventions.len());
        self.conventions.insert(at, entry);
    }

    /// The list of an old browser that only has the working copy: one entry,
    /// current, named after its title.
    pub fn migrated(title: &str, now_ms: u64) -> Self {
        let mut index = Self::default();
        let id = index.add(title, now_ms);
        index.current = Some(id);
        index
    }

    /// The list rebuilt from the kept conventions found in the storage, as
    /// `(id, name)`, in the order of their ids (the time they were made).
    pub fn rebuilt(mut found: Vec<(String, String)>, now_ms: u64) -> Self {
        found.sort();
        found.dedup_by(|a, b| a.0 == b.0);
        Self {
            version: INDEX_VERSION,
            current: None,
            conventions: found
                .into_iter()
                .filter(|(id, _)| !id.is_empty())
                .map(|(id, name)| Entry {
                    id,
                    name,
                    updated: now_ms,
                })
                .collect(),
        }
    }
}

/// The title of a copy made as a scenario: `"<base> — <word> N"`, where `base`
/// is `title` without a scenario suffix of its own (`untitled` if empty) and `N`
/// the first number after those already used with this base in `existing`.
///
/// `scenario_name("Vienne 2024", ["Vienne 2024", "Vienne 2024 — scénario 1"],
/// "scénario", …)` is `"Vienne 2024 — scénario 2"`, and so is the name of a copy
/// of "Vienne 2024 — scénario 1".
pub fn scenario_name<'a>(
    title: &str,
    existing: impl IntoIterator<Item = &'a str>,
    word: &str,
    untitled: &str,
) -> String {
    let title = title.trim();
    let base = match split_scenario(title, word) {
        Some((base, _)) => base,
        None => title,
    };
    let base = if base.is_empty() { untitled } else { base };
    let used = existing
        .into_iter()
        .filter_map(|name| split_scenario(name.trim(), word))
        .filter(|(b, _)| *b == base)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0);
    format!("{base} — {word} {}", used.saturating_add(1))
}

/// `"X — scénario 3"` → `("X", 3)`.
fn split_scenario<'t>(name: &'t str, word: &str) -> Option<(&'t str, u32)> {
    let (base, tail) = name.rsplit_once(" — ")?;
    let number = tail.strip_prefix(word)?.strip_prefix(' ')?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((base.trim_end(), number.parse().ok()?))
}

/// The name shown for an entry: its name, or `untitled` and the date it was
/// last kept.
pub fn shown_name(name: &str, untitled: &str, date: &str) -> String {
    if name.trim().is_empty() {
        format!("{untitled} ({date})")
    } else {
        name.trim().to_string()
    }
}

/// A local date and time as shown in the list: `05/03/2025 14:07` in French,
/// `2025-03-05 14:07` in English. `month` is 1-based.
pub fn format_date(lang: Lang, year: u32, month: u32, day: u32, hour: u32, minute: u32) -> String {
    match lang {
        Lang::Fr => format!("{day:02}/{month:02}/{year} {hour:02}:{minute:02}"),
        Lang::En => format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02}"),
    }
}
