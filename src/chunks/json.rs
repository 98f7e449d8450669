//! The JSON reader of saved conventions and of the list of kept ones, a chunk
//! of its own: a first visit has nothing saved to read.
#![allow(unsafe_code)] // the extern blocks generated for each split point

use crate::chunks::at_once;

// The JSON reader of saved conventions and of the list of kept ones (≈ 34 KiB
// of the first load, brotli): a first visit has nothing saved to read.
// `embed::mount` fetches it before mounting when the browser keeps
// something of the widget's or the address holds a share link; every other
// reading waits for it first (`json_reader`).
split_fn!(read_saved / preload_json, json, |text: String| -> Result<
    budget_core::Convention,
    budget_core::saved::LoadError,
> {
    budget_core::saved::from_json(&text)
});
split_fn!(
    read_index / preload_index_reader,
    json,
    |text: String| -> Result<budget_core::kept::Index, budget_core::kept::IndexError> {
        budget_core::kept::parse_index(&text)
    }
);

/// Fetches the JSON reader if it is not there yet; whether it is now.
pub async fn json_reader() -> bool {
    // Each split function has its own loader (the chunk itself is fetched
    // once): both are made ready.
    preload_json().await.is_ok() && preload_index_reader().await.is_ok()
}

/// [`budget_core::saved::from_json`], once the JSON reader is there
/// ([`json_reader`]); [`LoadError::ReaderUnavailable`] before.
///
/// [`LoadError::ReaderUnavailable`]: budget_core::saved::LoadError::ReaderUnavailable
pub fn from_json(text: &str) -> Result<budget_core::Convention, budget_core::saved::LoadError> {
    match at_once(Box::pin(read_saved(text.to_string()))) {
        Ok(Ok(read)) => read,
        _ => Err(budget_core::saved::LoadError::ReaderUnavailable),
    }
}

/// [`budget_core::kept::parse_index`], once the JSON reader is there.
pub fn parse_index(text: &str) -> Result<budget_core::kept::Index, budget_core::kept::IndexError> {
    match at_once(Box::pin(read_index(text.to_string()))) {
        Ok(Ok(read)) => read,
        _ => Err(budget_core::kept::IndexError::ReaderUnavailable),
    }
}
