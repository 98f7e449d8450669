//! # budget-widget
//!
//! The calculator as a Leptos client-side-rendered widget. Components live here so
//! that the browser tests (`tests/`, wasm-bindgen-test) can mount them; `main.rs`
//! only installs the panic hook and mounts [`App`]. Every figure comes from
//! [`budget_core`].
#![deny(unsafe_code)] // allowed only in `chunks` (the split points' extern blocks)

pub mod app;
pub mod browser_files;
pub mod charts;
pub mod chunks;
pub mod compare;
pub mod embed;
// store: conventions kept in the browser, share link
pub mod catalog;
pub mod library;
pub mod share;
pub mod share_code;
// end store
pub mod grid;
pub mod i18n;
pub mod mapping;
pub mod results;
pub mod scdl;
pub mod settings;
pub mod state;
pub mod storage;
pub mod summary;
pub mod tranches_view;
pub mod view_util;
pub mod years_view;

pub use app::App;
