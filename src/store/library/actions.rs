//! What the user does with « Mes conventions »: open, create, add,
//! duplicate as a scenario, rename, delete and restore.

use super::*;

impl Library {
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
    pub(super) fn convention_of(&self, id: &str) -> Result<Option<Convention>, ()> {
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
}
