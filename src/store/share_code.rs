//! The share link's pure parts: base64url without padding (RFC 4648 §5) and
//! the `#c=` fragment. No browser dependency; `crate::store::share` compresses and
//! talks to the page.
//!
//! The decoder forgives what a mail client or a chat may do to a long link
//! (line breaks, spaces, `=` padding at the end) and refuses anything else,
//! saying where.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What starts the fragment of a share link.
pub const FRAGMENT_PREFIX: &str = "#c=";

/// Why a text is not base64url.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing after `#c=`.
    Empty,
    /// A character outside the alphabet, at this 1-based position.
    BadChar { position: usize, found: char },
    /// A length no encoder gives (one character left over): the link was cut.
    BadLength,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(budget_core::Lang::Fr))
    }
}

impl DecodeError {
    /// The message in `lang` (the `Display` text is the French one), from the
    /// widget's table of texts.
    pub fn message(&self, lang: budget_core::Lang) -> String {
        use crate::ui::i18n::{fill, t, Key};
        match self {
            Self::Empty => t(lang, Key::LinkEmpty).to_string(),
            Self::BadChar { position, found } if found.is_control() => fill(
                lang,
                Key::LinkBadControl,
                &[
                    ("code", &format!("{:04X}", u32::from(*found))),
                    ("position", &position.to_string()),
                ],
            ),
            Self::BadChar { position, found } => fill(
                lang,
                Key::LinkBadChar,
                &[
                    ("found", &found.to_string()),
                    ("position", &position.to_string()),
                ],
            ),
            Self::BadLength => t(lang, Key::LinkCut).to_string(),
        }
    }
}

/// Encodes `bytes` in base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        // 1 byte → 2 characters, 2 → 3, 3 → 4.
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

fn sextet(c: char) -> Option<u32> {
    let v = match c {
        'A'..='Z' => c as u32 - 'A' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 26,
        '0'..='9' => c as u32 - '0' as u32 + 52,
        '-' => 62,
        '_' => 63,
        _ => return None,
    };
    Some(v)
}

/// Decodes base64url; `=` padding at the end and ASCII blanks anywhere are
/// ignored.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let body = text.trim_end_matches(|c: char| c == '=' || c.is_ascii_whitespace());
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut count = 0usize;
    for (i, c) in body.chars().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        let v = sextet(c).ok_or(DecodeError::BadChar {
            position: i + 1,
            found: c,
        })?;
        acc = (acc << 6) | v;
        bits += 6;
        count += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if count == 0 {
        return Err(DecodeError::Empty);
    }
    if count % 4 == 1 {
        return Err(DecodeError::BadLength);
    }
    Ok(out)
}

/// The data of a share link's fragment (`location.hash`, `#` included), if it
/// is one.
pub fn payload_of(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(FRAGMENT_PREFIX)
}

/// The share link: `page` (its own fragment dropped) and the data.
pub fn link(page: &str, data: &str) -> String {
    let page = page.split_once('#').map_or(page, |(before, _)| before);
    format!("{page}{FRAGMENT_PREFIX}{data}")
}
