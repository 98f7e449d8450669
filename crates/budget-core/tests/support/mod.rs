//! What the core's test files share: exact decimals written as text, and the
//! project's fixtures (`tests/fixtures/` at the root of the repository).
//! Each test file takes it with `mod support;`.
#![allow(dead_code)] // each test file uses some of it

use std::path::PathBuf;
use std::str::FromStr;

use budget_core::Decimal;

/// `d("93507.00")`: an exact decimal (a test's expected figure).
pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The path of the fixture `name`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The text of the fixture `name`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}
