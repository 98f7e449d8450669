//! `budget export`: the widget's exports, written by the same core code
//! ([`budget_core::export`] for CSV, XLSX and SCDL, [`budget_core::saved`]
//! for the saved convention). This module only gathers the SCDL metadata
//! (from `--meta FICHIER.json` and the flags) and writes the bytes.

use budget_core::export::{self, ExportError, ScdlField, ScdlIssue, ScdlMeta};
use budget_core::messages::Msg;
use budget_core::text::fold;
use budget_core::{saved, Convention, FunderId, Lang};

use crate::args::{ExportArgs, ExportFormat};

/// The SCDL field a flag sets: the flag is the column in kebab case
/// (`idAttribuant` → `--id-attribuant`, `idRAE` → `--id-rae`); the key of the
/// metadata file is the column itself (see [`ScdlField::of_name`]).
pub fn field_of_flag(flag: &str) -> Option<ScdlField> {
    let name = flag.strip_prefix("--")?;
    ScdlField::ALL
        .into_iter()
        .find(|f| kebab(f.column()) == name)
}

/// `notificationUE` → `notification-ue`: a dash where a capital follows a
/// small letter, all in small letters.
fn kebab(column: &str) -> String {
    let mut out = String::with_capacity(column.len().saturating_add(4));
    let mut after_small = false;
    for c in column.chars() {
        if c.is_uppercase() && after_small {
            out.push('-');
        }
        after_small = c.is_lowercase();
        out.extend(c.to_lowercase());
    }
    out
}

/// Sets one SCDL field of `meta`; `Err` says what is wrong with the value
/// (only a share that is not a number is refused here; the rest is checked
/// by the export).
fn set(meta: &mut ScdlMeta, field: ScdlField, value: &str, lang: Lang) -> Result<(), String> {
    field.set(meta, value).map_err(|problem| {
        ScdlIssue {
            field: field.column(),
            action: None,
            problem,
        }
        .message(lang)
    })
}

/// The metadata file: one JSON object whose keys are SCDL columns (or
/// `attribuant`), whose values are strings (numbers for
/// `pourcentageSubvention` and `attribuant` too). Returns the metadata and the
/// attributing funder it names, if any.
fn read_meta_file(path: &str, meta: &mut ScdlMeta, lang: Lang) -> Result<Option<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Msg::CliMetaCannotRead.fill(lang, &[("path", &path), ("reason", &e)]))?;
    let doc: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Msg::CliMetaBadJson.fill(lang, &[("path", &path), ("reason", &e)]))?;
    let serde_json::Value::Object(map) = doc else {
        return Err(Msg::CliMetaNotObject.fill(lang, &[("path", &path)]));
    };
    let mut attribuant = None;
    for (key, value) in &map {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => continue,
            _ => {
                return Err(Msg::CliMetaNotText
                    .fill(lang, &[("path", &path), ("key", key), ("value", value)]))
            }
        };
        if key == "attribuant" {
            attribuant = Some(text);
            continue;
        }
        let Some(field) = ScdlField::of_name(key) else {
            let columns = ScdlField::ALL.map(ScdlField::column).join(", ");
            return Err(Msg::CliMetaUnknownKey.fill(
                lang,
                &[("path", &path), ("key", key), ("columns", &columns)],
            ));
        };
        set(meta, field, &text, lang).map_err(|e| crate::at_file(lang, path, &e))?;
    }
    Ok(attribuant)
}

/// The funder named by `--attribuant`: `État`, `Département`, a funder's name
/// (case and accents ignored) or its number in the table (1 for the first).
/// Without it, the Département, as in the widget.
fn attribuant(conv: &Convention, named: Option<&str>, lang: Lang) -> Result<FunderId, String> {
    let names = || {
        conv.funders
            .iter()
            .enumerate()
            .map(|(i, f)| format!("{} {}", i.saturating_add(1), f.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(named) = named else {
        return conv
            .departement_funder()
            .ok_or_else(|| Msg::CliNoDepartement.fill(lang, &[("funders", &names())]));
    };
    let wanted = fold(named.trim());
    let found = match wanted.as_str() {
        "etat" => conv.state(),
        "departement" => conv.departement_funder(),
        _ => None,
    };
    let found = found
        .or_else(|| {
            conv.funders
                .iter()
                .position(|f| fold(f.name.trim()) == wanted)
        })
        .or_else(|| {
            named
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|i| *i < conv.funders.len())
        });
    found.ok_or_else(|| {
        Msg::CliUnknownAttribuant.fill(lang, &[("name", &named), ("funders", &names())])
    })
}

/// Why an export was not written.
pub enum Refused {
    /// Wrong metadata file, unknown funder…: a usage error (exit status 2).
    Usage(String),
    /// The content does not make a valid file (exit status 1): each line says
    /// what is missing or wrong.
    Content(Vec<String>),
}

/// The bytes of the export of `conv`.
pub fn bytes(conv: &Convention, a: &ExportArgs, lang: Lang) -> Result<Vec<u8>, Refused> {
    match a.format {
        ExportFormat::Csv => Ok(export::csv_excel_fr(conv).into_bytes()),
        ExportFormat::Json => Ok(saved::to_json(conv).into_bytes()),
        ExportFormat::Xlsx => {
            export::xlsx_annex(conv).map_err(|e| Refused::Content(vec![e.message(lang)]))
        }
        ExportFormat::Scdl => {
            let mut meta = ScdlMeta::default();
            let mut named = None;
            if let Some(path) = &a.meta_file {
                named = read_meta_file(path, &mut meta, lang).map_err(Refused::Usage)?;
            }
            for (field, value) in &a.scdl {
                set(&mut meta, *field, value, lang).map_err(Refused::Usage)?;
            }
            if a.attribuant.is_some() {
                named.clone_from(&a.attribuant);
            }
            meta.attribuant = attribuant(conv, named.as_deref(), lang).map_err(Refused::Usage)?;
            match export::csv_scdl_subventions(conv, &meta) {
                Ok(csv) => Ok(csv.into_bytes()),
                Err(ExportError::Scdl(issues)) => Err(Refused::Content(
                    issues.iter().map(|i| i.message(lang)).collect(),
                )),
                Err(e) => Err(Refused::Content(vec![e.message(lang)])),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_of_the_scdl_fields() {
        assert_eq!(
            field_of_flag("--id-attribuant"),
            Some(ScdlField::IdAttribuant)
        );
        assert_eq!(field_of_flag("--id-rae"), Some(ScdlField::IdRae));
        assert_eq!(
            field_of_flag("--notification-ue"),
            Some(ScdlField::NotificationUe)
        );
        assert_eq!(
            field_of_flag("--dates-periode-versement"),
            Some(ScdlField::DatesPeriodeVersement)
        );
        assert_eq!(field_of_flag("--montant"), None);
        assert_eq!(field_of_flag("id-attribuant"), None);
    }

    #[test]
    fn share_of_the_subsidy() {
        let mut meta = ScdlMeta::default();
        set(
            &mut meta,
            ScdlField::PourcentageSubvention,
            "0,45",
            Lang::Fr,
        )
        .unwrap();
        assert_eq!(
            meta.pourcentage_subvention,
            budget_core::Decimal::new(45, 2)
        );
        set(
            &mut meta,
            ScdlField::PourcentageSubvention,
            "45 %",
            Lang::Fr,
        )
        .unwrap();
        assert_eq!(
            meta.pourcentage_subvention,
            budget_core::Decimal::new(45, 2)
        );
        assert!(set(
            &mut meta,
            ScdlField::PourcentageSubvention,
            "beaucoup",
            Lang::Fr
        )
        .is_err());
    }
}
