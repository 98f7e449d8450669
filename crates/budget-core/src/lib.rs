//! # budget-core
//!
//! The model of a State–Département convention and every figure computed from it,
//! exact to the cent. No browser, no I/O: the Leptos widget and the `budget`
//! command are thin shells over this crate.
//!
//! Where each figure is computed:
//!
//! | figure | module |
//! |---|---|
//! | the display language (French, English) | [`lang`] |
//! | rounding, checked arithmetic, French display | [`money`] |
//! | reading amounts (`93 507,00 €`, `216%`, `n/a`) | [`number`] |
//! | calculations typed in cells (`=534,82*12`) | [`expr`] |
//! | reading a pasted table into a convention | [`read`] |
//! | action totals, subtotals, grand totals, shares, co-financing, consumption, years | [`figures`] |
//! | payment tranches, amount due, balance, refund | [`tranches`] |
//! | inconsistencies (declared ≠ computed…) | [`checks`] |
//! | changes typed or pasted in the table, actions and groups moved | [`edit`] |
//! | two conventions side by side (scenarios), differences | [`compare`] |
//! | everything at once, for display and JSON | [`report`] |
//! | saving and loading a convention (versioned JSON) | [`saved`] |
//! | opening a file: xlsx, xls, ods, csv, tsv, saved JSON | [`files`] |
//! | exports: CSV for French Excel, SCDL open data, XLSX annex | [`export`] |
//! | text compared without case or accents (headings, labels, searches) | [`text`] |
#![forbid(unsafe_code)]

pub mod checks;
pub mod compare;
pub mod consolidate;
pub mod edit;
pub mod error;
pub mod export;
pub mod expr;
pub mod figures;
pub mod files;
pub mod kept;
pub mod lang;
pub mod messages;
pub mod model;
pub mod money;
pub mod number;
pub mod read;
pub mod report;
pub mod saved;
pub mod text;
pub mod tranches;

pub use error::{CalcError, CalcResult};
pub use lang::Lang;
pub use model::*;
pub use rust_decimal::Decimal;
