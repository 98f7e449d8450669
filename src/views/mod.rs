//! The views that compute from the convention apart from the budget table:
//! payment tranches ([`tranches`]), multi-year figures ([`years`]), the
//! funding and consumption charts ([`charts`]), the comparison of scenarios
//! ([`compare`]), several kept conventions taken together ([`consolidate`])
//! and the SCDL export form ([`scdl`]).

pub mod charts;
pub mod compare;
pub mod consolidate;
pub mod scdl;
pub mod tranches;
pub mod years;
