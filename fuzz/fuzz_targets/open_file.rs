//! Any file dropped on the calculator, under each name it could have:
//! `files::open` must not panic. The first byte picks the name (and so the
//! kind when the content does not say it), the rest is the file.
//!
//! `files::open` catches the panics of the workbook readers (calamine panics on
//! some malformed files) and turns them into a located error: that is the
//! behaviour under test. libFuzzer's panic hook aborts before any unwinding, so
//! this target replaces it by a silent one; a panic that `files::open` does not
//! catch still reaches the harness, which aborts and records the crash.
#![no_main]

use budget_core::files;
use budget_core::read::ReadOptions;
use libfuzzer_sys::fuzz_target;
use std::sync::Once;

static QUIET_HOOK: Once = Once::new();

const NAMES: [&str; 7] = [
    "annexe.xlsx",
    "annexe.xls",
    "annexe.ods",
    "annexe.csv",
    "annexe.tsv",
    "convention.json",
    "sans-extension",
];

fuzz_target!(|data: &[u8]| {
    QUIET_HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(first) % NAMES.len()];
    let _ = files::kind_of(name, bytes);
    let _ = files::open(name, bytes, &ReadOptions::default());
});
