//! Any bytes, as text, pasted into the reader: `read_table` must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let reading = budget_core::read::read_table(&text);
    // Every cell error points at a row and a column of the table.
    for e in &reading.errors {
        assert!(e.row >= 1 && e.row <= reading.rows.len());
        assert!(e.column >= 1 && e.column <= reading.columns.len());
    }
});
