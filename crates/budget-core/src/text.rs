//! Text compared without case or accents: column headings, group labels of
//! the co-financing exemptions, the widget's searches. One table of the
//! letters folded, used by both ways of comparing.

/// The plain letters a lower-case accented letter or ligature stands for,
/// `None` for any other character.
fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'ç' => "c",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'ñ' => "n",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'ÿ' | 'ý' => "y",
        'œ' => "oe",
        'æ' => "ae",
        _ => return None,
    })
}

/// The lower case of a letter of the Latin alphabets (ASCII, Latin-1 and
/// Latin Extended-A: `É` → `é`, `Œ` → `œ`, `Ÿ` → `ÿ`, `Ł` → `ł`); any other
/// character as it is. Enough for the tables, names and numbers compared
/// here, and without the Unicode case tables `char::to_lowercase` brings
/// into the widget's bundle (≈ 11 KB).
fn lower(c: char) -> char {
    let n = u32::from(c);
    let to = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        // Latin Extended-A: pairs, the capital first…
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if n % 2 == 0 => n + 1,
        // …except these, the capital odd.
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        // İ: Unicode lowers it to i and a combining dot; i is enough here.
        0x130 => 0x69,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `text` in lower case: the capitals of the Latin alphabets lowered (see
/// `lower`), any other character as it is.
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower).collect()
}

/// Lower case without accents: `Dépenses exécutées` → `depenses executees`;
/// the ordinal signs of `N°`, `Nº` read as `o`, curly apostrophes as `'`;
/// everything else kept (the heading reader and the widget's searches).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
        match (plain_letters(c), c) {
            (Some(plain), _) => out.push_str(plain),
            (None, '°' | 'º') => out.push('o'),
            (None, '\u{2019}' | '\u{2018}') => out.push('\''),
            (None, _) => out.push(c),
        }
    }
    out
}

/// The words of a text: lower case, without accents, every character that
/// is neither a letter nor a digit a space, spaces collapsed and trimmed:
/// `"Volet 1 – Préparer"` → `"volet 1 preparer"`, `"2.9"` → `"2 9"`.
pub fn fold_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true; // drops leading spaces
    for c in text.chars().map(lower) {
        if let Some(plain) = plain_letters(c) {
            out.push_str(plain);
            space = false;
        } else if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The spreadsheet name of a 1-based column: 1 → `A`, 26 → `Z`, 27 → `AA`
/// (empty for 0). The one place for it: the reading preview names columns so,
/// the `.xlsx` export writes its cell references with it.
pub fn column_letter(index: usize) -> String {
    const LETTERS: &[u8; 26] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut letters = Vec::new();
    let mut n = index;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(LETTERS.get(rem).map_or('?', |b| char::from(*b)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_capitals_are_lowered_and_nothing_else_changes() {
        assert_eq!(
            lowercase("ÉTAT – CRÈCHE « ŒUVRE » ÀÇÑÞ Ÿ ĀĄČĘĞİĽŁŇŐŘŞŠŢŰŸŹŽ"),
            "état – crèche « œuvre » àçñþ ÿ āąčęğiľłňőřşšţűÿźž"
        );
        // Every letter of those blocks agrees with Unicode's own lower case
        // (İ aside: its lower case is two characters).
        for c in ('\u{0}'..='\u{17F}').filter(|c| *c != 'İ') {
            let unicode: String = c.to_lowercase().collect();
            assert_eq!(lower(c).to_string(), unicode, "{c:?}");
        }
        // Other scripts are left alone; digits, signs and lower case too.
        assert_eq!(lowercase("Σ 2.9 n° ß"), "Σ 2.9 n° ß");
    }

    #[test]
    fn fold_keeps_punctuation_and_reads_ordinal_signs() {
        assert_eq!(
            fold("Dépenses EXÉCUTÉES l’œuvre"),
            "depenses executees l'oeuvre"
        );
        assert_eq!(fold("N° Action"), "no action");
        assert_eq!(fold("Nº 2.9 – Æ"), "no 2.9 – ae");
        // Letters the two foldings once listed apart: both fold them now.
        assert_eq!(fold("Peñarroya, Ýves"), "penarroya, yves");
    }

    #[test]
    fn fold_words_makes_punctuation_spaces() {
        assert_eq!(fold_words("  Volet 1 – Préparer  "), "volet 1 preparer");
        assert_eq!(fold_words("2.9"), "2 9");
        assert_eq!(
            fold_words("\"Aller vers\" en ruralité"),
            "aller vers en ruralite"
        );
        assert_eq!(fold_words("ŒUVRE"), "oeuvre");
        // The ordinal sign is punctuation here, as before.
        assert_eq!(fold_words("Action n°1"), "action n 1");
        assert_eq!(fold_words("Peñarroya, Ýves"), "penarroya yves");
    }
}
