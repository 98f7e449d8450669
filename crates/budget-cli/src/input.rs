//! Reading the file given to `budget check`: a pasted table (TSV/CSV) through
//! [`budget_core::read::read_table`], or a saved convention through
//! [`budget_core::saved::from_json`].

use std::io::Read;

use budget_core::read::{self, CellError};
use budget_core::{saved, Convention};

/// What was read.
pub struct Loaded {
    pub convention: Convention,
    /// Cells that could not be read (tables only).
    pub cell_errors: Vec<CellError>,
    /// `table` or `saved`.
    pub source: &'static str,
    /// Something worth telling on stderr (the file was not UTF-8…).
    pub note: Option<String>,
}

pub enum LoadFailure {
    /// The file cannot be opened: a usage error (exit status 2).
    Usage(String),
    /// The file was opened but its content cannot be read (exit status 1).
    Unreadable(String),
}

/// Windows-1252 characters for bytes 0x80 to 0x9F (Excel's French CSV export);
/// the other bytes are Latin-1.
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn decode_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_80_9F
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

/// Reads `path` (`-` for stdin).
pub fn load(path: &str) -> Result<Loaded, LoadFailure> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| LoadFailure::Usage(format!("entrée standard illisible : {e}")))?;
        buf
    } else {
        std::fs::read(path)
            .map_err(|e| LoadFailure::Usage(format!("impossible d'ouvrir « {path} » : {e}")))?
    };
    let (text, note) = match String::from_utf8(bytes) {
        Ok(t) => (t, None),
        Err(e) => (
            decode_cp1252(e.as_bytes()),
            Some(
                "le fichier n'est pas en UTF-8 : lu comme Windows-1252 (export CSV d'Excel)"
                    .to_string(),
            ),
        ),
    };
    if saved::looks_like_saved(&text) {
        let convention =
            saved::from_json(&text).map_err(|e| LoadFailure::Unreadable(e.to_string()))?;
        return Ok(Loaded {
            convention,
            cell_errors: Vec::new(),
            source: "saved",
            note,
        });
    }
    let reading = read::read_table(&text);
    Ok(Loaded {
        convention: reading.convention,
        cell_errors: reading.errors,
        source: "table",
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded() {
        // "Crédits État 93 507 €" as Excel's French CSV export writes it.
        let bytes = b"Cr\xe9dits \xc9tat 93 507 \x80";
        assert_eq!(decode_cp1252(bytes), "Crédits État 93 507 €");
    }
}
