//! Any file loaded as a saved convention: `saved::from_json` must not panic,
//! and a convention it accepts can be saved and loaded again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(conv) = budget_core::saved::from_json(&text) {
        let again = budget_core::saved::from_json(&budget_core::saved::to_json(&conv));
        assert_eq!(again.as_ref(), Ok(&conv));
    }
});
