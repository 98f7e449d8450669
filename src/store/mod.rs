//! What is kept in this browser: the working copy and its autosave
//! ([`storage`]), the conventions kept under a name, « Mes conventions »
//! ([`library`]; the format of their list is [`budget_core::kept`]), and the
//! share links ([`share`], [`share_code`]).

pub mod library;
pub mod share;
pub mod share_code;
pub mod storage;
