//! The room every other one uses: the texts of the interface in both
//! languages ([`i18n`]), the small kit of view pieces and number formatting
//! ([`view_util`]), the keyboard focus ([`focus`]) and what the browser gives
//! and takes as files ([`browser_files`]). Nothing here knows a convention's
//! state.

pub mod browser_files;
pub mod focus;
pub mod i18n;
pub mod view_util;
