//! # budget-widget
//!
//! The calculator as a Leptos client-side-rendered widget. Components live here so
//! that the browser tests (`tests/`, wasm-bindgen-test) can mount them; `main.rs`
//! only installs the panic hook and mounts [`App`]. Every figure comes from
//! [`budget_core`].
//!
//! The rooms, each using only those listed before it (docs/architecture.md):
//!
//! - [`ui`]: the texts in both languages, the kit of view pieces, focus, files;
//! - [`words`]: what every room shares (the views, whether one is shown, the
//!   example table);
//! - [`chunks`]: the machinery of the chunks fetched apart from the first load,
//!   and the JSON reader's;
//! - [`state`]: the convention being worked on, its history, and its figures;
//! - [`store`]: what is kept in the browser (autosave, « Mes conventions »,
//!   share links);
//! - [`grid`]: the tables edited in place (budget, execution) and their pager;
//! - [`views`]: the tranches, years, charts, comparison and SCDL views;
//! - [`workbench`]: everything that works on a read convention (reading
//!   preview, status, totals, checks, settings, tabs);
//! - [`shell`]: the first load (the calculator's frame, the paste area, the
//!   files section), the embedding, the exports.
#![deny(unsafe_code)] // allowed only where split points are declared (`chunks`)

pub mod chunks;
pub mod grid;
pub mod shell;
pub mod state;
pub mod store;
pub mod ui;
pub mod views;
pub mod words;
pub mod workbench;

pub use shell::app::App;

/// The rooms in the order they may use each other: a room uses only the rooms
/// before it (and the core). Checked by `rooms_use_only_the_rooms_before_them`.
pub const ROOMS: [&str; 9] = [
    "ui",
    "words",
    "chunks",
    "state",
    "store",
    "grid",
    "views",
    "workbench",
    "shell",
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod rooms {
    use super::ROOMS;
    use std::path::{Path, PathBuf};

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The rooms a file's text names as `crate::<room>`.
    fn named_rooms(text: &str) -> Vec<&'static str> {
        ROOMS
            .iter()
            .copied()
            .filter(|room| {
                let needle = format!("crate::{room}");
                text.match_indices(&needle).any(|(at, _)| {
                    let next = text[at + needle.len()..].chars().next();
                    !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            })
            .collect()
    }

    #[test]
    fn rooms_use_only_the_rooms_before_them() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut all = Vec::new();
        files(&src, &mut all);
        assert!(all.len() > 30, "the widget's files are found");
        let mut wrong = Vec::new();
        for path in &all {
            let rel = path.strip_prefix(&src).unwrap_or(path);
            let first = rel
                .components()
                .next()
                .map(|c| {
                    c.as_os_str()
                        .to_string_lossy()
                        .trim_end_matches(".rs")
                        .to_string()
                })
                .unwrap_or_default();
            let Some(at) = ROOMS.iter().position(|r| *r == first) else {
                continue;
            };
            let text = std::fs::read_to_string(path).unwrap_or_default();
            for used in named_rooms(&text) {
                let used_at = ROOMS.iter().position(|r| *r == used).unwrap_or(0);
                if used_at > at {
                    wrong.push(format!("{} uses crate::{used}", rel.display()));
                }
            }
        }
        assert!(wrong.is_empty(), "a room uses a room after it: {wrong:#?}");
    }

    #[test]
    fn the_check_sees_a_room_named_and_not_a_longer_name() {
        assert_eq!(named_rooms("use crate::shell::app;"), ["shell"]);
        assert!(named_rooms("crate::shelling").is_empty());
        assert_eq!(
            named_rooms("crate::ui::i18n, crate::words::View"),
            ["ui", "words"]
        );
    }
}
