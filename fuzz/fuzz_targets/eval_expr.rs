//! Any text typed as a calculation: `expr::eval` must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = budget_core::expr::eval(&text);
});
