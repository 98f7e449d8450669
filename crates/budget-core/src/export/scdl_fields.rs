//! The fields of the SCDL file that the user gives ([`ScdlField`]): for each,
//! its column, the form it must have ([`ScdlField::format`]), how it is read
//! from what was typed ([`ScdlField::set`]) and what is wrong with it
//! ([`ScdlField::problem`]). The export form of the widget checks each field
//! as it is typed with these, the command line reads its flags and metadata
//! file with them, and [`csv_scdl_subventions`] refuses a file with the same
//! checks: one place for each rule.

use super::*;
use crate::messages::{french_display, Msg};
use crate::number::{parse_cell, CellValue};
use crate::Lang;

/// One problem found in the SCDL data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScdlIssue {
    /// The SCDL column (`idAttribuant`, `objet`…).
    pub field: &'static str,
    /// The action's number, for a problem in one row (`objet`, `montant`).
    pub action: Option<String>,
    /// What is wrong.
    pub problem: ScdlProblem,
}

/// What is wrong with an SCDL field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScdlProblem {
    /// Required and empty.
    Missing,
    /// Present but not in the form the schema requires.
    Invalid {
        /// The value given.
        value: String,
        /// What the schema expects.
        expected: ScdlExpected,
    },
}

/// The form the schema expects of a field, when the value given is not in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScdlExpected {
    /// 14 digits.
    SiretDigits,
    /// 14 digits whose checksum is wrong: no such establishment.
    SiretKey,
    /// `AAAA-MM-JJ`, a date that exists.
    Date,
    /// `W` and 9 digits.
    Rna,
    /// « aide en numéraire » and/or « aide en nature ».
    Nature,
    /// « unique », « échelonné » or a description of 256 characters at most.
    Conditions,
    /// A date or a period running forwards.
    Period,
    /// 5 characters at most (`idRAE`).
    Rae,
    /// « oui » or « non ».
    YesNo,
    /// A number between 0.01 and 1.
    Share,
    /// Not a number at all (`pourcentageSubvention` typed as words).
    ShareNumber,
    /// 256 characters at most (`objet`).
    Text256,
    /// A positive amount (`montant`).
    PositiveAmount,
}

impl ScdlExpected {
    /// What is expected, in `lang`: « SIRET de 14 chiffres attendu ».
    #[inline(always)]
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            Self::SiretDigits => Msg::ScdlExpectedSiretDigits.text(lang),
            Self::SiretKey => Msg::ScdlExpectedSiretKey.text(lang),
            Self::Date => Msg::ScdlExpectedDate.text(lang),
            Self::Rna => Msg::ScdlExpectedRna.text(lang),
            Self::Nature => Msg::ScdlExpectedNature.text(lang),
            Self::Conditions => Msg::ScdlExpectedConditions.text(lang),
            Self::Period => Msg::ScdlExpectedPeriod.text(lang),
            Self::Rae => Msg::ScdlExpectedRae.text(lang),
            Self::YesNo => Msg::ScdlExpectedYesNo.text(lang),
            Self::Share => Msg::ScdlExpectedShare.text(lang),
            Self::ShareNumber => Msg::ScdlExpectedShareNumber.text(lang),
            Self::Text256 => Msg::ScdlExpectedText256.text(lang),
            Self::PositiveAmount => Msg::ScdlExpectedPositive.text(lang),
        }
    }
}

impl ScdlProblem {
    /// The problem alone, in `lang`: « absent », « « 1234 » invalide (SIRET
    /// de 14 chiffres attendu) ».
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Missing => Msg::ScdlMissing.text(lang).to_string(),
            Self::Invalid { value, expected } => Msg::ScdlInvalid.fill(
                lang,
                &[("value", value), ("expected", &expected.message(lang))],
            ),
        }
    }
}

impl ScdlIssue {
    /// `idAttribuant : « 2335 » invalide (SIRET de 14 chiffres attendu)`,
    /// `action 3, objet : absent`.
    pub fn message(&self, lang: Lang) -> String {
        let issue = Msg::ScdlIssue.fill(
            lang,
            &[
                ("field", &self.field),
                ("problem", &self.problem.message(lang)),
            ],
        );
        match &self.action {
            Some(action) => {
                Msg::ScdlIssueInAction.fill(lang, &[("action", action), ("issue", &issue)])
            }
            None => issue,
        }
    }
}

french_display!(ScdlIssue);

/// A field of the SCDL file that the convention does not hold and the user
/// gives, in the order of [`SCDL_COLUMNS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum ScdlField {
    /// `nomAttribuant`.
    NomAttribuant,
    /// `idAttribuant`.
    IdAttribuant,
    /// `dateConvention`.
    DateConvention,
    /// `referenceDecision`.
    ReferenceDecision,
    /// `nomBeneficiaire`.
    NomBeneficiaire,
    /// `idBeneficiaire`.
    IdBeneficiaire,
    /// `rnaBeneficiaire`.
    RnaBeneficiaire,
    /// `nature`.
    Nature,
    /// `conditionsVersement`.
    ConditionsVersement,
    /// `datesPeriodeVersement`.
    DatesPeriodeVersement,
    /// `idRAE`.
    IdRae,
    /// `notificationUE`.
    NotificationUe,
    /// `pourcentageSubvention`.
    PourcentageSubvention,
    /// `dispositifAide`.
    DispositifAide,
}

impl ScdlField {
    /// Every field, in the order of the columns.
    pub const ALL: [Self; 14] = [
        Self::NomAttribuant,
        Self::IdAttribuant,
        Self::DateConvention,
        Self::ReferenceDecision,
        Self::NomBeneficiaire,
        Self::IdBeneficiaire,
        Self::RnaBeneficiaire,
        Self::Nature,
        Self::ConditionsVersement,
        Self::DatesPeriodeVersement,
        Self::IdRae,
        Self::NotificationUe,
        Self::PourcentageSubvention,
        Self::DispositifAide,
    ];

    /// The SCDL column: `idAttribuant`.
    pub const fn column(self) -> &'static str {
        match self {
            Self::NomAttribuant => "nomAttribuant",
            Self::IdAttribuant => "idAttribuant",
            Self::DateConvention => "dateConvention",
            Self::ReferenceDecision => "referenceDecision",
            Self::NomBeneficiaire => "nomBeneficiaire",
            Self::IdBeneficiaire => "idBeneficiaire",
            Self::RnaBeneficiaire => "rnaBeneficiaire",
            Self::Nature => "nature",
            Self::ConditionsVersement => "conditionsVersement",
            Self::DatesPeriodeVersement => "datesPeriodeVersement",
            Self::IdRae => "idRAE",
            Self::NotificationUe => "notificationUE",
            Self::PourcentageSubvention => "pourcentageSubvention",
            Self::DispositifAide => "dispositifAide",
        }
    }

    /// The field named `idAttribuant`, `id_attribuant` or `IDATTRIBUANT`
    /// (case and underscores ignored).
    pub fn of_name(name: &str) -> Option<Self> {
        let plain: String = name
            .chars()
            .filter(|c| *c != '_')
            .flat_map(char::to_lowercase)
            .collect();
        Self::ALL
            .into_iter()
            .find(|f| f.column().to_lowercase() == plain)
    }

    /// The form the field must have, and whether it is required, in `lang`
    /// (shown next to the field in the export form).
    #[inline(always)]
    pub fn format(self, lang: Lang) -> &'static str {
        match self {
            Self::NomAttribuant | Self::NomBeneficiaire => Msg::ScdlFormatName.text(lang),
            Self::IdAttribuant => Msg::ScdlFormatSiret.text(lang),
            Self::DateConvention => Msg::ScdlFormatDate.text(lang),
            Self::ReferenceDecision | Self::DispositifAide => {
                Msg::ScdlFormatOptionalText.text(lang)
            }
            Self::IdBeneficiaire => Msg::ScdlFormatSiretOrRna.text(lang),
            Self::RnaBeneficiaire => Msg::ScdlFormatRna.text(lang),
            Self::Nature => Msg::ScdlFormatNature.text(lang),
            Self::ConditionsVersement => Msg::ScdlFormatConditions.text(lang),
            Self::DatesPeriodeVersement => Msg::ScdlFormatPeriod.text(lang),
            Self::IdRae => Msg::ScdlFormatRae.text(lang),
            Self::NotificationUe => Msg::ScdlFormatYesNo.text(lang),
            Self::PourcentageSubvention => Msg::ScdlFormatShare.text(lang),
        }
    }

    /// The field's text in `meta`, as given (the share written `1.00`).
    pub fn get(self, meta: &ScdlMeta) -> String {
        match self {
            Self::NomAttribuant => meta.nom_attribuant.clone(),
            Self::IdAttribuant => meta.id_attribuant.clone(),
            Self::DateConvention => meta.date_convention.clone(),
            Self::ReferenceDecision => meta.reference_decision.clone(),
            Self::NomBeneficiaire => meta.nom_beneficiaire.clone(),
            Self::IdBeneficiaire => meta.id_beneficiaire.clone(),
            Self::RnaBeneficiaire => meta.rna_beneficiaire.clone(),
            Self::Nature => meta.nature.clone(),
            Self::ConditionsVersement => meta.conditions_versement.clone(),
            Self::DatesPeriodeVersement => meta.dates_periode_versement.clone(),
            Self::IdRae => meta.id_rae.clone(),
            Self::NotificationUe => meta.notification_ue.clone(),
            Self::PourcentageSubvention => exact_amount(meta.pourcentage_subvention, '.'),
            Self::DispositifAide => meta.dispositif_aide.clone(),
        }
    }

    /// Puts `text` into `meta`. Only the share is read (`1`, `1.00`, `0,45`
    /// or `45 %`); a share that is not a number is refused and `meta` keeps
    /// the one it had. Every other text is kept as typed, and checked by
    /// [`ScdlField::problem`].
    pub fn set(self, meta: &mut ScdlMeta, text: &str) -> Result<(), ScdlProblem> {
        let v = text.to_string();
        match self {
            Self::NomAttribuant => meta.nom_attribuant = v,
            Self::IdAttribuant => meta.id_attribuant = v,
            Self::DateConvention => meta.date_convention = v,
            Self::ReferenceDecision => meta.reference_decision = v,
            Self::NomBeneficiaire => meta.nom_beneficiaire = v,
            Self::IdBeneficiaire => meta.id_beneficiaire = v,
            Self::RnaBeneficiaire => meta.rna_beneficiaire = v,
            Self::Nature => meta.nature = v,
            Self::ConditionsVersement => meta.conditions_versement = v,
            Self::DatesPeriodeVersement => meta.dates_periode_versement = v,
            Self::IdRae => meta.id_rae = v,
            Self::NotificationUe => meta.notification_ue = v,
            Self::DispositifAide => meta.dispositif_aide = v,
            Self::PourcentageSubvention => {
                meta.pourcentage_subvention = match parse_cell(text) {
                    Ok(CellValue::Percent(r)) => r,
                    Ok(CellValue::Amount { value, .. }) => value,
                    _ if text.trim().is_empty() => return Err(ScdlProblem::Missing),
                    _ => {
                        return Err(ScdlProblem::Invalid {
                            value: text.trim().to_string(),
                            expected: ScdlExpected::ShareNumber,
                        })
                    }
                }
            }
        }
        Ok(())
    }

    /// The field as the file writes it: blanks collapsed (or removed from a
    /// SIRET), `unique` and `échelonné` in the schema's spelling, the RNA
    /// number in capitals, the share with two decimals or more.
    pub fn written(self, meta: &ScdlMeta) -> String {
        match self {
            Self::IdAttribuant => without_blanks(&meta.id_attribuant),
            Self::IdBeneficiaire => without_blanks(&meta.id_beneficiaire),
            Self::DateConvention => meta.date_convention.trim().to_string(),
            Self::RnaBeneficiaire => meta.rna_beneficiaire.trim().to_ascii_uppercase(),
            Self::Nature => meta
                .nature
                .split(';')
                .map(collapse)
                .collect::<Vec<_>>()
                .join(";"),
            Self::ConditionsVersement => conditions_versement(&meta.conditions_versement),
            Self::DatesPeriodeVersement => meta.dates_periode_versement.trim().to_string(),
            Self::NotificationUe => meta.notification_ue.trim().to_string(),
            Self::PourcentageSubvention => exact_amount(meta.pourcentage_subvention, '.'),
            Self::NomAttribuant
            | Self::ReferenceDecision
            | Self::NomBeneficiaire
            | Self::IdRae
            | Self::DispositifAide => collapse(&self.get(meta)),
        }
    }

    /// Whether the file needs the field. `idBeneficiaire` is needed unless
    /// an RNA number is given.
    pub fn required(self, meta: &ScdlMeta) -> bool {
        match self {
            Self::ReferenceDecision
            | Self::RnaBeneficiaire
            | Self::IdRae
            | Self::DispositifAide => false,
            Self::IdBeneficiaire => Self::RnaBeneficiaire.written(meta).is_empty(),
            _ => true,
        }
    }

    /// What is wrong with the field in `meta`, or `None`: missing when
    /// required and empty, else invalid when not in the form of
    /// [`ScdlField::format`].
    pub fn problem(self, meta: &ScdlMeta) -> Option<ScdlProblem> {
        let value = self.written(meta);
        if value.is_empty() {
            return self.required(meta).then_some(ScdlProblem::Missing);
        }
        let expected = match self {
            Self::IdAttribuant | Self::IdBeneficiaire => siret_problem(&value),
            Self::DateConvention => (!is_iso_date(&value)).then_some(ScdlExpected::Date),
            Self::RnaBeneficiaire => (!is_rna(&value)).then_some(ScdlExpected::Rna),
            Self::Nature => (!matches!(
                value.as_str(),
                "aide en numéraire"
                    | "aide en nature"
                    | "aide en numéraire;aide en nature"
                    | "aide en nature;aide en numéraire"
            ))
            .then_some(ScdlExpected::Nature),
            Self::ConditionsVersement => {
                (value.chars().count() > SCDL_MAX_TEXT).then_some(ScdlExpected::Conditions)
            }
            Self::DatesPeriodeVersement => {
                (!is_date_or_period(&value)).then_some(ScdlExpected::Period)
            }
            Self::IdRae => (value.chars().count() > 5).then_some(ScdlExpected::Rae),
            Self::NotificationUe => {
                (!matches!(value.as_str(), "oui" | "non")).then_some(ScdlExpected::YesNo)
            }
            Self::PourcentageSubvention => {
                let share = meta.pourcentage_subvention;
                (share < Decimal::new(1, 2) || share > Decimal::ONE).then_some(ScdlExpected::Share)
            }
            Self::NomAttribuant
            | Self::ReferenceDecision
            | Self::NomBeneficiaire
            | Self::DispositifAide => None,
        }?;
        Some(ScdlProblem::Invalid { value, expected })
    }
}

/// Every problem of the fields of `meta`, in the order of the columns.
pub fn scdl_meta_issues(meta: &ScdlMeta) -> Vec<ScdlIssue> {
    ScdlField::ALL
        .into_iter()
        .filter_map(|field| {
            field.problem(meta).map(|problem| ScdlIssue {
                field: field.column(),
                action: None,
                problem,
            })
        })
        .collect()
}
