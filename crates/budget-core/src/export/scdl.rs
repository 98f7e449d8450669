//! The SCDL "Subventions" open-data file ([`csv_scdl_subventions`]) and the
//! checks of what it must hold (SIRET keys, dates, periods, lengths).

use super::*;

/// The 16 columns of the SCDL "Subventions" schema, version 2.1.1, in order.
pub const SCDL_COLUMNS: [&str; 16] = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
];

/// What the SCDL file needs and the convention does not hold.
///
/// Defaults: `nature` "aide en numéraire", `conditions_versement` "échelonné",
/// `notification_ue` "non", `pourcentage_subvention` 1 (a single beneficiary),
/// `attribuant` 0 (the first funder, the State in a new convention).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScdlMeta {
    /// Which funder attributes the subsidies (its amounts are the `montant`s):
    /// e.g. [`Convention::departement_funder`] or [`Convention::state`].
    pub attribuant: FunderId,
    /// `nomAttribuant` (required): "Département de la Vienne".
    pub nom_attribuant: String,
    /// `idAttribuant` (required): SIRET, 14 digits (blanks are removed).
    pub id_attribuant: String,
    /// `dateConvention` (required): `AAAA-MM-JJ`.
    pub date_convention: String,
    /// `referenceDecision`: the deliberation's reference.
    pub reference_decision: String,
    /// `nomBeneficiaire` (required).
    pub nom_beneficiaire: String,
    /// `idBeneficiaire`: SIRET, 14 digits (blanks are removed); required unless
    /// `rna_beneficiaire` is given.
    pub id_beneficiaire: String,
    /// `rnaBeneficiaire`: `W` and 9 digits, for an association.
    pub rna_beneficiaire: String,
    /// `nature` (required): "aide en numéraire", "aide en nature" or both
    /// separated by `;`.
    pub nature: String,
    /// `conditionsVersement` (required): "unique", "échelonné" or a free
    /// description (256 characters at most).
    pub conditions_versement: String,
    /// `datesPeriodeVersement` (required): `AAAA-MM-JJ` or
    /// `AAAA-MM-JJ/AAAA-MM-JJ`.
    pub dates_periode_versement: String,
    /// `idRAE`: for aid to businesses.
    pub id_rae: String,
    /// `notificationUE` (required): "oui" or "non".
    pub notification_ue: String,
    /// `pourcentageSubvention` (required): the share of the subsidy that goes to
    /// this beneficiary, between 0.01 and 1 (see [`csv_scdl_subventions`]).
    pub pourcentage_subvention: Decimal,
    /// `dispositifAide`: identifier from the "dispositifs d'aide" schema.
    pub dispositif_aide: String,
}

impl Default for ScdlMeta {
    fn default() -> Self {
        Self {
            attribuant: 0,
            nom_attribuant: String::new(),
            id_attribuant: String::new(),
            date_convention: String::new(),
            reference_decision: String::new(),
            nom_beneficiaire: String::new(),
            id_beneficiaire: String::new(),
            rna_beneficiaire: String::new(),
            nature: "aide en numéraire".into(),
            conditions_versement: "échelonné".into(),
            dates_periode_versement: String::new(),
            id_rae: String::new(),
            notification_ue: "non".into(),
            pourcentage_subvention: Decimal::ONE,
            dispositif_aide: String::new(),
        }
    }
}

/// The SCDL "Subventions" file (schema 2.1.1 of OpenDataFrance, published on
/// schema.data.gouv.fr): the [`SCDL_COLUMNS`] in order, `,` between cells,
/// UTF-8 without BOM, CRLF line ends, one row per action to which the
/// attributing funder ([`ScdlMeta::attribuant`]) gives a non-zero amount, in
/// the order of the actions.
///
/// - `objet` is the action's title (blanks collapsed), 255 characters at most;
/// - `montant` is the funder's planned amount for the action, all parts and
///   years, exact, with a decimal point and at least two decimals
///   (`93507.00`), as the schema requires ("le signe de séparation … est le
///   point");
/// - `pourcentageSubvention` is, per the schema, "le pourcentage du montant
///   total de la subvention attribuée au bénéficiaire": 1.00 for a single
///   beneficiary, 0.45 when 45 % of the subsidy goes to this one among several.
///   It is *not* the funder's share of the action's cost, which the schema
///   has no column for; it is [`ScdlMeta::pourcentage_subvention`] (1 by
///   default), written with two decimals or more (`1.00`).
///
/// Checked before writing, all problems reported at once in
/// [`ExportError::Scdl`]: the required fields (`nomAttribuant`, `idAttribuant`
/// SIRET, `dateConvention` a real date, `nomBeneficiaire`, `idBeneficiaire`
/// SIRET or `rnaBeneficiaire`, `objet`, `montant`, `nature`,
/// `conditionsVersement`, `datesPeriodeVersement`, `notificationUE`,
/// `pourcentageSubvention`) and the patterns of the optional ones; a negative
/// amount is refused. Text cells are protected against formula injection
/// (module documentation). A convention where the funder gives nothing yields
/// the header row alone.
pub fn csv_scdl_subventions(conv: &Convention, meta: &ScdlMeta) -> Result<String, ExportError> {
    if meta.attribuant >= conv.funders.len() {
        return Err(ExportError::UnknownFunder {
            index: meta.attribuant,
            count: conv.funders.len(),
        });
    }
    if conv
        .funders
        .get(meta.attribuant)
        .is_some_and(|f| f.kind == FunderKind::Unsplit)
    {
        return Err(ExportError::NotSplit);
    }
    let mut issues = scdl_meta_issues(meta);
    let written = |field: ScdlField| field.written(meta);
    let nom_attribuant = written(ScdlField::NomAttribuant);
    let id_attribuant = written(ScdlField::IdAttribuant);
    let date_convention = written(ScdlField::DateConvention);
    let nom_beneficiaire = written(ScdlField::NomBeneficiaire);
    let id_beneficiaire = written(ScdlField::IdBeneficiaire);
    let rna = written(ScdlField::RnaBeneficiaire);
    let nature = written(ScdlField::Nature);
    let conditions = written(ScdlField::ConditionsVersement);
    let dates = written(ScdlField::DatesPeriodeVersement);
    let id_rae = written(ScdlField::IdRae);
    let notification = written(ScdlField::NotificationUe);
    let share_text = written(ScdlField::PourcentageSubvention);

    let mut rows = vec![SCDL_COLUMNS.iter().map(|c| c.to_string()).collect()];
    for (id, action) in conv.actions.iter().enumerate() {
        let amount = action_planned(conv, id)?.funder(meta.attribuant);
        if amount.is_zero() {
            continue;
        }
        let number = Some(action.number.trim().to_string());
        let objet = collapse(&action.title);
        let mut row_issue = |field: &'static str, problem: ScdlProblem| {
            issues.push(ScdlIssue {
                field,
                action: number.clone(),
                problem,
            });
        };
        if objet.is_empty() {
            row_issue("objet", ScdlProblem::Missing);
        } else if objet.chars().count() > SCDL_MAX_TEXT {
            row_issue(
                "objet",
                ScdlProblem::Invalid {
                    value: objet.clone(),
                    expected: ScdlExpected::Text256,
                },
            );
        }
        if amount.is_sign_negative() {
            row_issue(
                "montant",
                ScdlProblem::Invalid {
                    value: exact_amount(amount, '.'),
                    expected: ScdlExpected::PositiveAmount,
                },
            );
        }
        rows.push(vec![
            protect(&nom_attribuant),
            id_attribuant.clone(),
            date_convention.clone(),
            protect(&written(ScdlField::ReferenceDecision)),
            protect(&nom_beneficiaire),
            id_beneficiaire.clone(),
            rna.clone(),
            protect(&objet),
            exact_amount(amount, '.'),
            nature.clone(),
            protect(&conditions),
            dates.clone(),
            protect(&id_rae),
            notification.clone(),
            share_text.clone(),
            protect(&written(ScdlField::DispositifAide)),
        ]);
    }
    if !issues.is_empty() {
        return Err(ExportError::Scdl(issues));
    }
    Ok(write_csv(&rows, b','))
}

/// Without any blank (`233 500 016 00040` → `23350001600040`).
pub(super) fn without_blanks(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The longest `objet` and `conditionsVersement` of the schema (`maxLength`).
pub(super) const SCDL_MAX_TEXT: usize = 256;

/// What is wrong with a SIRET (blanks already removed), or `None`: 14 digits
/// whose SIREN (the first 9) and whole number pass the Luhn checksum, as the
/// schema's `french-siret-value` check (python-stdnum) requires. La Poste's
/// establishments (SIREN 356 000 000, other than its head office
/// 356 000 000 00048) use another rule: the sum of the 14 digits is a
/// multiple of 5.
pub(super) fn siret_problem(text: &str) -> Option<ScdlExpected> {
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(ScdlExpected::SiretDigits);
    }
    let checksum = if text.starts_with("356000000") && text != "35600000000048" {
        digits_sum(text).is_multiple_of(5)
    } else {
        luhn(text)
    };
    if checksum && luhn(text.get(..9).unwrap_or_default()) {
        None
    } else {
        Some(ScdlExpected::SiretKey)
    }
}

fn digits_sum(digits: &str) -> u32 {
    digits
        .bytes()
        .map(|b| u32::from(b.wrapping_sub(b'0')))
        .sum()
}

/// The Luhn checksum of ASCII digits: from the right, every second digit is
/// doubled (9 taken off when above 9) and the sum is a multiple of 10.
pub(super) fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.wrapping_sub(b'0'));
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// `unique` and `échelonné` in the schema's spelling (`Échelonné`,
/// `echelonne` and `Unique` are those words); any other text is the free
/// description the schema calls « autre », blanks collapsed.
pub(super) fn conditions_versement(text: &str) -> String {
    let text = collapse(text);
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c == 'é' || c == 'è' { 'e' } else { c })
        .collect();
    match folded.as_str() {
        "unique" => "unique".into(),
        "echelonne" => "échelonné".into(),
        _ => text,
    }
}

pub(super) fn is_rna(text: &str) -> bool {
    text.len() == 10 && text.starts_with('W') && text.bytes().skip(1).all(|b| b.is_ascii_digit())
}

/// `AAAA-MM-JJ`, a date that exists (2024-02-29 yes, 2023-02-29 no).
pub(super) fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `AAAA-MM-JJ` or `AAAA-MM-JJ/AAAA-MM-JJ`, a period that does not end
/// before it starts.
pub(super) fn is_date_or_period(text: &str) -> bool {
    match text.split_once('/') {
        // Both are AAAA-MM-JJ: their text order is their date order.
        Some((from, to)) => is_iso_date(from) && is_iso_date(to) && from <= to,
        None => is_iso_date(text),
    }
}
