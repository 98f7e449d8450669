//! `budget export`: the widget's exports, written by the same core code
//! ([`budget_core::export`] for CSV, XLSX and SCDL, [`budget_core::saved`]
//! for the saved convention). This module only gathers the SCDL metadata
//! (from `--meta FICHIER.json` and the flags) and writes the bytes.

use budget_core::export::{self, ExportError, ScdlMeta};
use budget_core::number::{parse_cell, CellValue};
use budget_core::text::fold;
use budget_core::{saved, Convention, FunderId};

use crate::args::{ExportArgs, ExportFormat};

/// The SCDL fields a flag or a key of the metadata file can set: the flag
/// (`--id-attribuant`), the SCDL column (`idAttribuant`, the key of the JSON
/// file, which also takes the snake_case `id_attribuant`).
pub const SCDL_FIELDS: [(&str, &str); 14] = [
    ("--nom-attribuant", "nomAttribuant"),
    ("--id-attribuant", "idAttribuant"),
    ("--date-convention", "dateConvention"),
    ("--reference-decision", "referenceDecision"),
    ("--nom-beneficiaire", "nomBeneficiaire"),
    ("--id-beneficiaire", "idBeneficiaire"),
    ("--rna-beneficiaire", "rnaBeneficiaire"),
    ("--nature", "nature"),
    ("--conditions-versement", "conditionsVersement"),
    ("--dates-periode-versement", "datesPeriodeVersement"),
    ("--id-rae", "idRAE"),
    ("--notification-ue", "notificationUE"),
    ("--pourcentage-subvention", "pourcentageSubvention"),
    ("--dispositif-aide", "dispositifAide"),
];

/// The SCDL column named by a key of the metadata file: `idAttribuant` or
/// `id_attribuant`.
fn column_of_key(key: &str) -> Option<&'static str> {
    let plain: String = key
        .chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    SCDL_FIELDS
        .iter()
        .map(|(_, column)| *column)
        .find(|column| column.to_lowercase() == plain)
}

/// Sets one SCDL field of `meta`; `Err` says what is wrong with the value.
fn set(meta: &mut ScdlMeta, column: &str, value: &str) -> Result<(), String> {
    let v = value.to_string();
    match column {
        "nomAttribuant" => meta.nom_attribuant = v,
        "idAttribuant" => meta.id_attribuant = v,
        "dateConvention" => meta.date_convention = v,
        "referenceDecision" => meta.reference_decision = v,
        "nomBeneficiaire" => meta.nom_beneficiaire = v,
        "idBeneficiaire" => meta.id_beneficiaire = v,
        "rnaBeneficiaire" => meta.rna_beneficiaire = v,
        "nature" => meta.nature = v,
        "conditionsVersement" => meta.conditions_versement = v,
        "datesPeriodeVersement" => meta.dates_periode_versement = v,
        "idRAE" => meta.id_rae = v,
        "notificationUE" => meta.notification_ue = v,
        "dispositifAide" => meta.dispositif_aide = v,
        "pourcentageSubvention" => {
            // 1, 1.00, 0,45 or 45 %: the schema's fraction of the subsidy.
            meta.pourcentage_subvention = match parse_cell(value) {
                Ok(CellValue::Percent(r)) => r,
                Ok(CellValue::Amount { value, .. }) => value,
                _ => {
                    return Err(format!(
                        "pourcentageSubvention : « {value} » n'est pas un nombre (1, 0,45 ou 45 %)"
                    ))
                }
            }
        }
        other => return Err(format!("champ SCDL inconnu « {other} »")),
    }
    Ok(())
}

/// The metadata file: one JSON object whose keys are SCDL columns (or
/// `attribuant`), whose values are strings (numbers for
/// `pourcentageSubvention` and `attribuant` too). Returns the metadata and the
/// attributing funder it names, if any.
fn read_meta_file(path: &str, meta: &mut ScdlMeta) -> Result<Option<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("impossible de lire les métadonnées « {path} » : {e}"))?;
    let doc: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path} : JSON illisible : {e}"))?;
    let serde_json::Value::Object(map) = doc else {
        return Err(format!(
            "{path} : un objet JSON est attendu ({{ \"idAttribuant\": \"…\", … }})"
        ));
    };
    let mut attribuant = None;
    for (key, value) in &map {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Null => continue,
            _ => {
                return Err(format!(
                    "{path}, « {key} » : un texte est attendu, pas {value}"
                ))
            }
        };
        if key == "attribuant" {
            attribuant = Some(text);
            continue;
        }
        let Some(column) = column_of_key(key) else {
            return Err(format!(
                "{path} : clé inconnue « {key} » (les colonnes SCDL : {}, et attribuant)",
                SCDL_FIELDS.map(|(_, c)| c).join(", ")
            ));
        };
        set(meta, column, &text).map_err(|e| format!("{path} : {e}"))?;
    }
    Ok(attribuant)
}

/// The funder named by `--attribuant`: `État`, `Département`, a funder's name
/// (case and accents ignored) or its number in the table (1 for the first).
/// Without it, the Département, as in the widget.
fn attribuant(conv: &Convention, named: Option<&str>) -> Result<FunderId, String> {
    let names = || {
        conv.funders
            .iter()
            .enumerate()
            .map(|(i, f)| format!("{} {}", i.saturating_add(1), f.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(named) = named else {
        return conv.departement_funder().ok_or_else(|| {
            format!(
                "le tableau n'a pas de colonne Département : dites qui attribue avec \
                 --attribuant (financeurs : {})",
                names()
            )
        });
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
        format!(
            "--attribuant « {named} » : aucun financeur de ce nom (financeurs : {})",
            names()
        )
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
pub fn bytes(conv: &Convention, a: &ExportArgs) -> Result<Vec<u8>, Refused> {
    match a.format {
        ExportFormat::Csv => Ok(export::csv_excel_fr(conv).into_bytes()),
        ExportFormat::Json => Ok(saved::to_json(conv).into_bytes()),
        ExportFormat::Xlsx => {
            export::xlsx_annex(conv).map_err(|e| Refused::Content(vec![e.to_string()]))
        }
        ExportFormat::Scdl => {
            let mut meta = ScdlMeta::default();
            let mut named = None;
            if let Some(path) = &a.meta_file {
                named = read_meta_file(path, &mut meta).map_err(Refused::Usage)?;
            }
            for (column, value) in &a.scdl {
                set(&mut meta, column, value).map_err(Refused::Usage)?;
            }
            if a.attribuant.is_some() {
                named.clone_from(&a.attribuant);
            }
            meta.attribuant = attribuant(conv, named.as_deref()).map_err(Refused::Usage)?;
            match export::csv_scdl_subventions(conv, &meta) {
                Ok(csv) => Ok(csv.into_bytes()),
                Err(ExportError::Scdl(issues)) => Err(Refused::Content(
                    issues.iter().map(ToString::to_string).collect(),
                )),
                Err(e) => Err(Refused::Content(vec![e.to_string()])),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_of_the_metadata_file() {
        assert_eq!(column_of_key("idAttribuant"), Some("idAttribuant"));
        assert_eq!(column_of_key("id_attribuant"), Some("idAttribuant"));
        assert_eq!(column_of_key("notification_ue"), Some("notificationUE"));
        assert_eq!(column_of_key("montant"), None);
    }

    #[test]
    fn share_of_the_subsidy() {
        let mut meta = ScdlMeta::default();
        set(&mut meta, "pourcentageSubvention", "0,45").unwrap();
        assert_eq!(
            meta.pourcentage_subvention,
            budget_core::Decimal::new(45, 2)
        );
        set(&mut meta, "pourcentageSubvention", "45 %").unwrap();
        assert_eq!(
            meta.pourcentage_subvention,
            budget_core::Decimal::new(45, 2)
        );
        assert!(set(&mut meta, "pourcentageSubvention", "beaucoup").is_err());
    }
}
