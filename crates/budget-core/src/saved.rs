//! Saving and loading a convention: versioned JSON.
//!
//! A saved convention is the pretty-printed JSON of [`Convention`], amounts as
//! decimal strings (`"93507.00"`, never binary floats), with a `version` field.
//! [`to_json`] always writes [`FORMAT_VERSION`]. [`from_json`] reads the version
//! first, brings an older document forward one version at a time through
//! [`MIGRATIONS`], refuses a document written by a newer calculator, and checks
//! that every index it holds (funder, group, action) points at something, so that
//! nothing computed from a loaded convention can go out of bounds.
//!
//! # Versions
//!
//! - **1** (current): [`Convention`] as it is.
//! - **0** (the predecessor, kept to exercise the migration chain): the same,
//!   except that `settings.state_max_share` was a percentage (`50` for 50 %, as a
//!   JSON number or string) where version 1 stores the fraction (`"0.5"`).
//!
//! To add version 2: bump [`FORMAT_VERSION`], write `fn v1_to_v2(Value) ->
//! Result<Value, String>` and append it to [`MIGRATIONS`].

use std::str::FromStr;

use crate::messages::{french_display, Msg};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::model::{Convention, Measure, Scope, FORMAT_VERSION};
use crate::number::percent_to_ratio;

/// Why a saved convention cannot be loaded. Messages are in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all, or cut short.
    Syntax {
        /// 1-based line of the file.
        line: usize,
        /// 1-based column of the line.
        column: usize,
        /// The JSON reader's message.
        message: String,
    },
    /// JSON, but not an object.
    NotAnObject,
    /// No `version` field.
    MissingVersion,
    /// A `version` that is not a whole number.
    BadVersion {
        /// The `version` field as written.
        found: String,
    },
    /// Written by a newer calculator.
    TooNew {
        /// The document's version.
        found: u64,
        /// The newest version this calculator reads ([`FORMAT_VERSION`]).
        supported: u32,
    },
    /// An older document that cannot be brought forward.
    Migration {
        /// The document's version.
        from: u32,
        /// What the migration could not convert.
        fault: MigrationFault,
    },
    /// Well-formed JSON that is not a valid convention (a field missing or of the
    /// wrong type), located in the file.
    Invalid {
        /// 1-based line of the file.
        line: usize,
        /// 1-based column of the line.
        column: usize,
        /// The JSON reader's message.
        message: String,
    },
    /// An older document, once brought forward, is not a valid convention (the
    /// position in the file is lost by the conversion).
    InvalidMigrated {
        /// The document's version.
        from: u32,
        /// The JSON reader's message.
        message: String,
    },
    /// The reader of saved conventions is not there: the widget fetches it
    /// apart from its first load, and that fetch failed (network cut).
    ReaderUnavailable,
    /// An index pointing at nothing (an amount of funder 7 when there are 3).
    BadReference {
        /// What the index points at.
        what: Referenced,
        /// The index found.
        index: usize,
        /// How many there are.
        count: usize,
    },
}

/// What an index of a saved convention points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referenced {
    Funder,
    Group,
    Action,
}

impl Referenced {
    /// Its name in `lang`, as messages put it.
    pub fn name(self, lang: crate::money::Lang) -> &'static str {
        match self {
            Self::Funder => Msg::ReferencedFunder.text(lang),
            Self::Group => Msg::ReferencedGroup.text(lang),
            Self::Action => Msg::ReferencedAction.text(lang),
        }
    }
}

impl LoadError {
    /// The message in `lang` (the `Display` text is the French one). What the
    /// JSON reader said is told by [`json_reason`].
    pub fn message(&self, lang: crate::money::Lang) -> String {
        match self {
            Self::Syntax {
                line,
                column,
                message,
            } => Msg::LoadSyntax.fill(
                lang,
                &[
                    ("line", line),
                    ("column", column),
                    ("reason", &json_reason(message, lang)),
                ],
            ),
            Self::NotAnObject => Msg::LoadNotAnObject.text(lang).into(),
            Self::MissingVersion => Msg::LoadMissingVersion.text(lang).into(),
            Self::BadVersion { found } => Msg::LoadBadVersion.fill(lang, &[("found", found)]),
            Self::TooNew { found, supported } => {
                Msg::LoadTooNew.fill(lang, &[("found", found), ("supported", supported)])
            }
            Self::Migration { from, fault } => {
                Msg::LoadMigration.fill(lang, &[("from", from), ("fault", &fault.message(lang))])
            }
            Self::Invalid {
                line,
                column,
                message,
            } => Msg::LoadInvalid.fill(
                lang,
                &[
                    ("line", line),
                    ("column", column),
                    ("reason", &json_reason(message, lang)),
                ],
            ),
            Self::InvalidMigrated { from, message } => Msg::LoadInvalidMigrated.fill(
                lang,
                &[("from", from), ("reason", &json_reason(message, lang))],
            ),
            Self::ReaderUnavailable => Msg::LoadReaderUnavailable.text(lang).into(),
            Self::BadReference { what, index, count } => Msg::LoadBadReference.fill(
                lang,
                &[
                    ("what", &what.name(lang)),
                    ("index", index),
                    ("count", count),
                ],
            ),
        }
    }
}

french_display!(LoadError);

/// What the JSON reader (serde_json) said, in `lang`: without the position it
/// appends (" at line 3 column 5", which the messages give apart), and in
/// French its known messages translated; the names and values it quotes from
/// the file are kept as they are, and so is a message it does not know.
pub fn json_reason(message: &str, lang: crate::money::Lang) -> String {
    let message = without_position(message);
    if lang == crate::money::Lang::En {
        return message.to_string();
    }
    if let Some((_, fr)) = JSON_MESSAGES.iter().find(|(en, _)| *en == message) {
        return (*fr).to_string();
    }
    JSON_PREFIXES
        .iter()
        .find_map(|(en, fr)| {
            message
                .strip_prefix(en)
                .map(|rest| format!("{fr}{}", rest.replacen(", expected ", ", attendu : ", 1)))
        })
        .unwrap_or_else(|| message.to_string())
}

/// `message` without serde_json's " at line L column C" ending.
fn without_position(message: &str) -> &str {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match message.rsplit_once(" at line ") {
        Some((head, tail))
            if tail
                .split_once(" column ")
                .is_some_and(|(l, c)| digits(l) && digits(c)) =>
        {
            head
        }
        _ => message,
    }
}

/// serde_json's syntax messages and their French.
const JSON_MESSAGES: [(&str, &str); 21] = [
    (
        "EOF while parsing a list",
        "fichier coupé au milieu d'une liste",
    ),
    (
        "EOF while parsing an object",
        "fichier coupé au milieu d'un objet",
    ),
    (
        "EOF while parsing a string",
        "fichier coupé au milieu d'un texte",
    ),
    (
        "EOF while parsing a value",
        "fichier coupé avant une valeur",
    ),
    ("expected `:`", "« : » attendu"),
    ("expected `,` or `]`", "« , » ou « ] » attendu"),
    ("expected `,` or `}`", "« , » ou « } » attendu"),
    ("expected ident", "true, false ou null attendu"),
    ("expected value", "valeur attendue"),
    ("expected `\"`", "« \" » attendu"),
    ("invalid escape", "séquence d'échappement invalide"),
    ("invalid number", "nombre invalide"),
    ("number out of range", "nombre hors limites"),
    ("invalid unicode code point", "caractère Unicode invalide"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "caractère de contrôle dans un texte",
    ),
    (
        "key must be a string",
        "une clé doit être un texte entre guillemets",
    ),
    (
        "lone leading surrogate in hex escape",
        "caractère Unicode incomplet",
    ),
    ("trailing comma", "virgule en trop"),
    ("trailing characters", "caractères en trop après la fin"),
    (
        "unexpected end of hex escape",
        "caractère Unicode incomplet",
    ),
    ("recursion limit exceeded", "imbrication trop profonde"),
];

/// serde's messages about the data (a field, a type, a value) and their
/// French beginning; the rest names what is in the file.
const JSON_PREFIXES: [(&str, &str); 7] = [
    ("missing field ", "champ absent : "),
    ("duplicate field ", "champ en double : "),
    ("unknown field ", "champ inconnu : "),
    ("unknown variant ", "valeur inconnue : "),
    ("invalid type: ", "type inattendu : "),
    ("invalid value: ", "valeur invalide : "),
    ("invalid length ", "longueur invalide : "),
];

/// What a migration could not convert: a field of the older document, and
/// its value as written there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationFault {
    /// The field, as named in the document (`state_max_share`).
    pub field: &'static str,
    /// Its value.
    pub text: String,
    /// Whether it was read but is out of bounds (else it could not be read).
    pub out_of_bounds: bool,
}

impl MigrationFault {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: crate::money::Lang) -> String {
        let values: [(&str, &dyn std::fmt::Display); 2] =
            [("field", &self.field), ("text", &self.text)];
        if self.out_of_bounds {
            Msg::MigrationOutOfBounds.fill(lang, &values)
        } else {
            Msg::MigrationUnreadable.fill(lang, &values)
        }
    }
}

/// One migration: a document of version `n` (as JSON) to version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, MigrationFault>;

/// `MIGRATIONS[n]` brings a document from version `n` to version `n + 1`; there
/// is one per version before [`FORMAT_VERSION`].
pub const MIGRATIONS: [Migration; FORMAT_VERSION as usize] = [v0_to_v1];

/// Version 0 stored `settings.state_max_share` as a percentage (50); version 1
/// stores the fraction (0.5).
fn v0_to_v1(mut doc: Value) -> Result<Value, MigrationFault> {
    let fault = |text: String, out_of_bounds: bool| MigrationFault {
        field: "state_max_share",
        text,
        out_of_bounds,
    };
    if let Some(share) = doc.pointer_mut("/settings/state_max_share") {
        let text = match share {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            other => return Err(fault(other.to_string(), false)),
        };
        let percent = Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|_| fault(text.clone(), false))?;
        let fraction = percent_to_ratio(percent).ok_or_else(|| fault(text.clone(), true))?;
        *share = Value::String(fraction.to_string());
    }
    Ok(doc)
}

/// The saved form of a convention: pretty JSON, amounts as decimal strings,
/// `version` set to [`FORMAT_VERSION`].
pub fn to_json(conv: &Convention) -> String {
    write(conv, true)
}

/// The saved form for the browser's storage: [`to_json`] without the
/// indentation, read back the same by [`from_json`]. Half the size: a
/// convention of 10 000 actions is about 2.1 million characters instead of
/// 4.3 million, and a browser keeps about 5 million per site, where the
/// widget keeps two copies (the working copy and « Mes conventions »).
pub fn to_json_compact(conv: &Convention) -> String {
    write(conv, false)
}

fn write(conv: &Convention, pretty: bool) -> String {
    let text = |c: &Convention| {
        // A Convention has only string map keys and plain fields: serialising
        // it cannot fail; should it ever, an empty string is not a loadable
        // document and `from_json` says so.
        let compact = serde_json::to_string(c).unwrap_or_default();
        if pretty {
            indented(&compact)
        } else {
            compact
        }
    };
    if conv.version == FORMAT_VERSION {
        text(conv)
    } else {
        let mut current = conv.clone();
        current.version = FORMAT_VERSION;
        text(&current)
    }
}

/// `compact` JSON (serde_json's, no blank outside strings) laid out as
/// `serde_json::to_string_pretty` lays it out: two spaces a level, `": "`
/// after a key, empty arrays and objects as `[]` and `{}`. Serialising every
/// type a second time through the pretty writer cost the widget's bundle
/// its own copy of the whole saved form's code.
fn indented(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '[' | '{' => {
                out.push(c);
                let close = if c == '[' { ']' } else { '}' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `text` looks like a saved convention (a JSON object) rather than a
/// pasted table: its first character, blanks and a BOM aside, is `{`.
pub fn looks_like_saved(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .starts_with('{')
}

/// Loads a saved convention, migrating older versions forward.
pub fn from_json(text: &str) -> Result<Convention, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut doc: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if !doc.is_object() {
        return Err(LoadError::NotAnObject);
    }
    let version = match doc.get("version") {
        None => return Err(LoadError::MissingVersion),
        Some(v) => v.as_u64().ok_or_else(|| LoadError::BadVersion {
            found: v.to_string(),
        })?,
    };
    let supported = FORMAT_VERSION;
    let from = u32::try_from(version)
        .ok()
        .filter(|v| *v <= supported)
        .ok_or(LoadError::TooNew {
            found: version,
            supported,
        })?;
    let conv = if from == supported {
        // No migration: read the original text, so errors point into it.
        serde_json::from_str::<Convention>(text).map_err(|e| LoadError::Invalid {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?
    } else {
        for (step, migrate) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            doc = migrate(doc).map_err(|fault| LoadError::Migration { from, fault })?;
            if let Some(v) = doc.get_mut("version") {
                *v = Value::from(step + 1);
            }
        }
        // Read from the migrated document's text, as a current one is: one
        // reader of every saved type in the widget's bundle (reading from the
        // parsed `Value` as well was a second copy of them all: ≈ 13 KiB of
        // the first load, brotli).
        serde_json::from_str::<Convention>(&doc.to_string()).map_err(|e| {
            LoadError::InvalidMigrated {
                from,
                message: e.to_string(),
            }
        })?
    };
    check_references(&conv)?;
    Ok(conv)
}

/// Checks that every index points into its list.
fn check_references(conv: &Convention) -> Result<(), LoadError> {
    let funders = conv.funders.len();
    let groups = conv.groups.len();
    let actions = conv.actions.len();
    let check = |what: Referenced, index: usize, count: usize| {
        if index < count {
            Ok(())
        } else {
            Err(LoadError::BadReference { what, index, count })
        }
    };
    for action in &conv.actions {
        if let Some(g) = action.group {
            check(Referenced::Group, g, groups)?;
        }
        for amount in &action.planned {
            check(Referenced::Funder, amount.funder, funders)?;
        }
        let execution = &action.execution;
        for value in execution
            .committed
            .iter()
            .chain(&execution.executed)
            .chain(&execution.to_carry_over)
        {
            check(Referenced::Funder, value.funder, funders)?;
        }
    }
    for declared in &conv.declared {
        match declared.scope {
            Scope::Action(a) => check(Referenced::Action, a, actions)?,
            Scope::Group(g) => check(Referenced::Group, g, groups)?,
            Scope::Grand => {}
        }
        match declared.measure {
            Measure::Planned(f) | Measure::Executed(f) => check(Referenced::Funder, f, funders)?,
            _ => {}
        }
    }
    for schedule in &conv.schedules {
        if let Some(f) = schedule.payer {
            check(Referenced::Funder, f, funders)?;
        }
        if let Some(a) = schedule.action {
            check(Referenced::Action, a, actions)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Vienne 2024, action 1, with its declared total.
    fn sample() -> Convention {
        let mut conv = Convention {
            title: "Contrat départemental des solidarités 2024".into(),
            ..Convention::default()
        };
        conv.funders.push(Funder::other("Autres financeurs"));
        conv.groups.push(Group {
            kind: GroupKind::Axe,
            name: "Axe Prévenir la pauvreté".into(),
        });
        conv.actions.push(Action {
            number: "1".into(),
            title: "Crèche familiale préventive".into(),
            group: Some(0),
            planned: vec![
                Amount {
                    funder: 0,
                    year: None,
                    part: Part::Base,
                    value: d("93507.00"),
                    formula: None,
                },
                Amount {
                    funder: 1,
                    year: Some(2024),
                    part: Part::Base,
                    value: d("6417.84"),
                    formula: Some("=534,82*12".into()),
                },
            ],
            source_row: Some(2),
            ..Action::default()
        });
        conv.declared.push(Declared {
            scope: Scope::Action(0),
            measure: Measure::PlannedTotal,
            value: d("775000.00"),
            label: "F".into(),
            source_row: Some(2),
        });
        conv
    }

    #[test]
    fn saves_amounts_as_decimal_strings() {
        let json = to_json(&sample());
        assert!(json.contains("\"value\": \"93507.00\""), "{json}");
        assert!(json.contains("\"state_max_share\": \"0.5\""), "{json}");
        assert!(json.contains("\"version\": 1"), "{json}");
    }

    #[test]
    fn round_trips() {
        let conv = sample();
        assert_eq!(from_json(&to_json(&conv)), Ok(conv));
    }

    #[test]
    fn the_compact_form_reads_back_the_same_and_is_shorter() {
        let conv = sample();
        let compact = to_json_compact(&conv);
        assert_eq!(from_json(&compact), Ok(conv.clone()));
        assert!(!compact.contains('\n'), "{compact}");
        assert!(compact.contains("\"value\":\"93507.00\""), "{compact}");
        assert!(compact.len() < to_json(&conv).len());
        let mut old = conv;
        old.version = 0;
        assert!(to_json_compact(&old).starts_with("{\"version\":1,"));
    }

    #[test]
    fn always_writes_the_current_version() {
        let mut conv = sample();
        conv.version = 0;
        let loaded = from_json(&to_json(&conv)).unwrap();
        assert_eq!(loaded.version, FORMAT_VERSION);
        // Not migrated as if it were version 0: 0.5 stays 0.5.
        assert_eq!(loaded.settings.state_max_share, d("0.5"));
    }

    #[test]
    fn migrates_version_0() {
        // Version 0: state_max_share as a percentage, here 50 (a JSON number) → 0.5;
        // and 40 as a string → 0.4.
        let v0 = r#"{"version": 0, "settings": {"state_max_share": 50},
                     "funders": [{"kind": "state", "name": "État"}]}"#;
        let conv = from_json(v0).unwrap();
        assert_eq!(conv.version, 1);
        assert_eq!(conv.settings.state_max_share, d("0.5"));
        let v0 = r#"{"version": 0, "settings": {"state_max_share": "40"}, "funders": []}"#;
        assert_eq!(from_json(v0).unwrap().settings.state_max_share, d("0.4"));
        // No settings at all: the default, 0.5.
        let v0 = r#"{"version": 0, "funders": []}"#;
        assert_eq!(from_json(v0).unwrap().settings.state_max_share, d("0.5"));
    }

    /// A version 0 document that migrates but is not a convention then: the
    /// migrated text is read, and the fault is told with the version it was
    /// saved in, the reader's reason without a position into a text the user
    /// never saw.
    #[test]
    fn an_invalid_migrated_document_says_its_version_and_reason() {
        use crate::money::Lang::{En, Fr};
        let v0 = r#"{"version": 0, "settings": {"state_max_share": 50}}"#;
        let Err(e) = from_json(v0) else {
            panic!("a version 0 convention without funders read");
        };
        assert!(
            matches!(&e, LoadError::InvalidMigrated { from: 0, message } if message.starts_with("missing field `funders`")),
            "{e:?}"
        );
        assert_eq!(
            e.message(En),
            "invalid convention (saved in version 0): missing field `funders`"
        );
        assert_eq!(
            e.message(Fr),
            "convention invalide (enregistrée en version 0) : champ absent : `funders`"
        );
        // A wrong type after migration, the same way.
        let v0 = r#"{"version": 0, "funders": [], "title": 5}"#;
        assert_eq!(
            from_json(v0).map_err(|e| e.message(En)),
            Err("invalid convention (saved in version 0): invalid type: integer `5`, expected a string".to_string())
        );
    }

    /// The reader's messages without their position, in French: a cut file,
    /// a missing field (its name kept), a value of the wrong type.
    #[test]
    fn the_json_reader_s_reasons_are_told_in_french() {
        use crate::money::Lang::{En, Fr};
        let Err(cut) = from_json("{\n  \"version\": 1,\n  \"title\": \"Vienne") else {
            panic!("a cut file read");
        };
        assert_eq!(
            cut.message(Fr),
            "le fichier n'est pas un JSON valide (ligne 3, colonne 18) : fichier coupé au milieu d'un texte"
        );
        assert_eq!(
            cut.message(En),
            "the file is not valid JSON (line 3, column 18): EOF while parsing a string"
        );
        let Err(missing) = from_json(r#"{"version": 1}"#) else {
            panic!("a convention without funders read");
        };
        assert_eq!(
            missing.to_string(),
            "convention invalide (ligne 1, colonne 14) : champ absent : `funders`"
        );
        assert_eq!(
            json_reason(
                "invalid type: integer `5`, expected a string at line 2 column 9",
                Fr
            ),
            "type inattendu : integer `5`, attendu : a string"
        );
        assert_eq!(
            json_reason("trailing characters at line 1 column 3", Fr),
            "caractères en trop après la fin"
        );
        // What it does not know, and an ending that is not a position, stay.
        assert_eq!(
            json_reason("something new at line one", Fr),
            "something new at line one"
        );
    }

    #[test]
    fn reports_what_is_wrong() {
        assert!(matches!(
            from_json("{\n  \"version\": 1,\n  oops"),
            Err(LoadError::Syntax { line: 3, .. })
        ));
        assert_eq!(from_json("[1, 2]"), Err(LoadError::NotAnObject));
        assert_eq!(from_json("{}"), Err(LoadError::MissingVersion));
        assert_eq!(
            from_json(r#"{"version": "un"}"#),
            Err(LoadError::BadVersion {
                found: "\"un\"".into()
            })
        );
        assert_eq!(
            from_json(r#"{"version": 2}"#),
            Err(LoadError::TooNew {
                found: 2,
                supported: 1
            })
        );
        assert_eq!(
            from_json(r#"{"version": 99999999999}"#),
            Err(LoadError::TooNew {
                found: 99_999_999_999,
                supported: 1
            })
        );
        let missing_funders = "{\n\"version\": 1\n}";
        assert!(matches!(
            from_json(missing_funders),
            Err(LoadError::Invalid {
                line: 3,
                column: 1,
                ..
            })
        ));
        let e =
            from_json(r#"{"version": 0, "settings": {"state_max_share": true}, "funders": []}"#)
                .unwrap_err();
        assert!(matches!(e, LoadError::Migration { from: 0, .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "conversion depuis la version 0 impossible : state_max_share illisible : true"
        );
        assert_eq!(
            e.message(crate::money::Lang::En),
            "conversion from version 0 impossible: unreadable state_max_share: true"
        );
        let beyond = MigrationFault {
            field: "state_max_share",
            text: "1e-28".into(),
            out_of_bounds: true,
        };
        assert_eq!(
            beyond.message(crate::money::Lang::Fr),
            "state_max_share hors limites : 1e-28"
        );
        assert_eq!(
            beyond.message(crate::money::Lang::En),
            "state_max_share out of bounds: 1e-28"
        );
        let e = from_json(r#"{"version": 2}"#).unwrap_err().to_string();
        assert!(e.contains("version 2") && e.contains("plus récente"), "{e}");
    }

    #[test]
    fn errors_are_told_in_english_too() {
        use crate::money::Lang;
        let e = from_json("{\"version\": 9}").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            format!(
                "convention saved in version 9 by a newer version of the calculator; this one \
                 reads up to version {FORMAT_VERSION}"
            )
        );
        assert_eq!(e.message(Lang::Fr), e.to_string());
        let e = LoadError::BadReference {
            what: Referenced::Funder,
            index: 7,
            count: 3,
        };
        assert_eq!(
            e.message(Lang::En),
            "invalid reference: funder no. 7 does not exist (3 in all)"
        );
        assert_eq!(
            e.to_string(),
            "référence invalide : financeur n° 7 n'existe pas (3 en tout)"
        );
        let e = LoadError::BadReference {
            what: Referenced::Group,
            index: 4,
            count: 1,
        };
        assert_eq!(
            e.message(Lang::En),
            "invalid reference: group no. 4 does not exist (1 in all)"
        );
        assert_eq!(
            e.message(Lang::Fr),
            "référence invalide : groupe n° 4 n'existe pas (1 en tout)"
        );
        assert_eq!(
            from_json("[1]").unwrap_err().message(Lang::En),
            "the file does not hold a convention (a JSON object is expected)"
        );
    }

    #[test]
    fn refuses_dangling_indices() {
        let mut conv = sample();
        if let Some(amount) = conv.actions.first_mut().and_then(|a| a.planned.first_mut()) {
            amount.funder = 7;
        }
        assert_eq!(
            from_json(&to_json(&conv)),
            Err(LoadError::BadReference {
                what: Referenced::Funder,
                index: 7,
                count: 3
            })
        );
        let mut conv = sample();
        conv.declared.push(Declared {
            scope: Scope::Group(4),
            measure: Measure::PlannedTotal,
            value: d("1"),
            label: String::new(),
            source_row: None,
        });
        assert_eq!(
            from_json(&to_json(&conv)),
            Err(LoadError::BadReference {
                what: Referenced::Group,
                index: 4,
                count: 1
            })
        );
    }

    #[test]
    fn tells_saved_from_pasted() {
        assert!(looks_like_saved("\u{FEFF}  \n{\"version\": 1}"));
        assert!(!looks_like_saved("Fiche action n°\tIntitulé"));
        assert!(!looks_like_saved(""));
    }

    // Small arbitrary conventions whose indices are valid.

    fn decimal() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    fn text() -> impl Strategy<Value = String> {
        "[ -~éèàç€«»\\n\"\\\\]{0,12}"
    }

    fn convention() -> impl Strategy<Value = Convention> {
        let funders = prop::collection::vec(text().prop_map(Funder::other), 0..3);
        let groups = prop::collection::vec(
            (
                text(),
                prop_oneof![
                    Just(GroupKind::Axe),
                    Just(GroupKind::Volet),
                    Just(GroupKind::Other)
                ],
            )
                .prop_map(|(name, kind)| Group { kind, name }),
            0..3,
        );
        (funders, groups, text(), decimal()).prop_flat_map(|(others, groups, title, share)| {
            let funder_count = 2 + others.len();
            let group_count = groups.len();
            let amount = (
                0..funder_count,
                prop::option::of(2017i32..2030),
                prop_oneof![
                    Just(Part::Base),
                    Just(Part::CarryOver),
                    Just(Part::Amendment)
                ],
                decimal(),
                prop::option::of(text()),
            )
                .prop_map(|(funder, year, part, value, formula)| Amount {
                    funder,
                    year,
                    part,
                    value,
                    formula,
                });
            let value = (0..funder_count, decimal()).prop_map(|(funder, value)| FunderValue {
                funder,
                value,
                formula: None,
            });
            let group = if group_count == 0 {
                Just(None).boxed()
            } else {
                prop::option::of(0..group_count).boxed()
            };
            let action = (
                text(),
                text(),
                group,
                prop::collection::vec(amount, 0..4),
                prop::collection::vec(value, 0..3),
                prop::option::of(decimal()),
                prop::option::of(1usize..500),
            )
                .prop_map(
                    |(number, title, group, planned, executed, total, row)| Action {
                        number,
                        title,
                        group,
                        planned,
                        execution: Execution {
                            executed,
                            executed_total: total,
                            ..Execution::default()
                        },
                        source_row: row,
                        ..Action::default()
                    },
                );
            let others = others.clone();
            let groups = groups.clone();
            let title = title.clone();
            (prop::collection::vec(action, 0..4), decimal()).prop_map(move |(actions, declared)| {
                let mut conv = Convention {
                    title: title.clone(),
                    ..Convention::default()
                };
                conv.settings.state_max_share = share;
                conv.funders.extend(others.iter().cloned());
                conv.groups = groups.clone();
                if !actions.is_empty() {
                    conv.declared.push(Declared {
                        scope: Scope::Action(actions.len() - 1),
                        measure: Measure::Planned(1),
                        value: declared,
                        label: "Sous total".into(),
                        source_row: Some(3),
                    });
                }
                conv.declared.push(Declared {
                    scope: Scope::Grand,
                    measure: Measure::ConsumptionRate,
                    value: declared,
                    label: String::new(),
                    source_row: None,
                });
                conv.actions = actions.into();
                conv
            })
        })
    }

    #[test]
    fn the_saved_file_is_indented_as_serde_json_indents_it() {
        // Empty lists ("groups": []), nested objects, a title holding what
        // the layout reacts to outside strings.
        let mut conv = sample();
        conv.title = r#"Axe "1" [a, b] {c: d} \ fin"#.into();
        for c in [Convention::default(), conv] {
            assert_eq!(
                indented(&serde_json::to_string(&c).unwrap()),
                serde_json::to_string_pretty(&c).unwrap()
            );
        }
        assert_eq!(indented(r#"{"a":[],"b":{},"c":[1,{"d":"e,f"}]}"#),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"e,f\"\n    }\n  ]\n}");
    }

    proptest! {
        #[test]
        fn the_layout_is_serde_jsons_for_any_convention(
            conv in convention(),
            title in "[ -~«»\\[\\]{},:\"\\\\]{0,20}",
        ) {
            let conv = Convention { title, ..conv };
            prop_assert_eq!(
                indented(&serde_json::to_string(&conv).unwrap()),
                serde_json::to_string_pretty(&conv).unwrap()
            );
        }

        #[test]
        fn save_then_load_gives_back_the_convention(conv in convention()) {
            prop_assert_eq!(from_json(&to_json(&conv)), Ok(conv));
        }

        #[test]
        fn loading_never_panics(text in "\\PC{0,200}") {
            let _ = from_json(&text);
        }

        #[test]
        fn loading_json_like_text_never_panics(
            text in "[{}\\[\\]\":,0-9a-z_ .\\-eE]{0,120}"
        ) {
            let _ = from_json(&text);
            let _ = from_json(&format!("{{\"version\": 1, {text}"));
            let _ = from_json(&format!("{{\"version\": 0, \"funders\": [], {text}}}"));
        }
    }
}
