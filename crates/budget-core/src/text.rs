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

/// Lower case without accents: `Dépenses exécutées` → `depenses executees`;
/// the ordinal signs of `N°`, `Nº` read as `o`, curly apostrophes as `'`;
/// everything else kept (the heading reader and the widget's searches).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
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
    for c in text.chars().flat_map(char::to_lowercase) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
