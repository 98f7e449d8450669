//! Any file dropped on the calculator, under each name it could have:
//! `files::open` must not panic. The first byte picks the name (and so the
//! kind when the content does not say it), the rest is the file.
#![no_main]

use budget_core::files;
use budget_core::read::ReadOptions;
use libfuzzer_sys::fuzz_target;

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
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(first) % NAMES.len()];
    let _ = files::kind_of(name, bytes);
    let _ = files::open(name, bytes, &ReadOptions::default());
});
