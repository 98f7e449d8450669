//! The first load: the calculator's frame, paste area and files section
//! ([`app`]), the embedding in a host page ([`embed`]), the exports
//! ([`exports`]) and the split points the shell calls ([`chunks`]).

pub mod app;
pub mod chunks;
pub mod embed;
pub mod exports;
