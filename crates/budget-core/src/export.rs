//! Exporting a convention: a CSV for French Excel ([`csv_excel_fr`]), the
//! SCDL "Subventions" open-data file ([`csv_scdl_subventions`]) and an XLSX laid
//! out like a financial annex ([`xlsx_annex`]).
//!
//! Every figure comes from [`crate::figures`] ([`action_planned`],
//! [`group_planned`], [`grand_planned`]): nothing is added up here. Amounts are
//! written exactly, never rounded (a cent amount has two decimals; an amount
//! with more decimals keeps them all).
//!
//! # Order of the rows
//!
//! Actions without a group first, then each group that has actions, in the
//! order of [`Convention::groups`], its actions in the order of
//! [`Convention::actions`], then its subtotal; the grand total last. Read back
//! by [`crate::read`], the file gives the same actions, groups and amounts (an
//! action without a group must come before the groups, or the reader would
//! put it in the group above, "same as above").
//!
//! # Formula injection
//!
//! A CSV text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
//! would be run as a formula by a spreadsheet (OWASP "CSV injection"): such
//! cells are written with a leading apostrophe (`'=Total`), which spreadsheets
//! show as text and [`crate::read`] drops when reading text cells. Amounts are
//! numbers and are never prefixed (`-12,50` is a negative number). The XLSX
//! needs no such care: its text cells are typed as text.
//!
//! # Funders' columns
//!
//! Each funder's column is headed by its name when the reader recognises that
//! name as the funder (`État`, `Département`, `CAF`, `Autres financeurs`…).
//! An other funder with a name the reader does not know (`Fondation X`) is
//! headed `Fondation X (autres financeurs)` so that its amounts are read back,
//! as "Autres financeurs" (two such funders are then read as one, with the sum
//! of their amounts: no euro is lost, the split is).

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::CalcError;
use crate::figures::{action_planned, grand_planned, group_planned, FunderAmounts};
use crate::model::{ActionId, Convention, FunderId, FunderKind, GroupId, GroupKind};
use crate::read::{planned_funder_of_heading, FunderRef};

/// Why a convention cannot be exported. Messages are in French.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ExportError {
    /// Information the SCDL file requires is missing or malformed.
    #[error("fichier SCDL impossible à produire : {}", list(.0))]
    Scdl(Vec<ScdlIssue>),
    /// The attributing funder is not a funder of the convention.
    #[error("financeur attribuant n° {index} inconnu (la convention en a {count})")]
    UnknownFunder {
        /// The index given in [`ScdlMeta::attribuant`].
        index: FunderId,
        /// How many funders the convention has.
        count: usize,
    },
    /// The amounts are not split by funder: what the attributing funder
    /// gives is not known, and an SCDL file would state it.
    #[error(
        "fichier SCDL impossible à produire : les montants du tableau ne sont pas répartis \
         par financeur, on ne sait pas ce que verse l'attribuant (dites, dans la lecture du \
         tableau, quelle colonne est la part de quel financeur)"
    )]
    NotSplit,
    /// A figure cannot be computed (an overflow).
    #[error(transparent)]
    Calc(#[from] CalcError),
    /// The workbook cannot be written (should not happen: it is written in memory).
    #[error("écriture du classeur impossible : {0}")]
    Xlsx(String),
}

fn list(issues: &[ScdlIssue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ; ")
}

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
        /// What the schema expects, in French.
        expected: &'static str,
    },
}

impl fmt::Display for ScdlIssue {
    /// `idAttribuant : « 2335 » invalide (SIRET de 14 chiffres attendu)`,
    /// `action 3, objet : absent`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(action) = &self.action {
            write!(f, "action {action}, ")?;
        }
        match &self.problem {
            ScdlProblem::Missing => write!(f, "{} : absent", self.field),
            ScdlProblem::Invalid { value, expected } => {
                write!(f, "{} : « {value} » invalide ({expected})", self.field)
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Shared layout

/// The rows of an annex: actions without a group, then each non-empty group.
struct Layout {
    ungrouped: Vec<ActionId>,
    groups: Vec<(GroupId, Vec<ActionId>)>,
}

impl Layout {
    fn new(conv: &Convention) -> Self {
        let group_count = conv.groups.len();
        let mut ungrouped = Vec::new();
        let mut by_group: Vec<Vec<ActionId>> = vec![Vec::new(); group_count];
        for (id, action) in conv.actions.iter().enumerate() {
            match action.group.and_then(|g| by_group.get_mut(g)) {
                Some(actions) => actions.push(id),
                None => ungrouped.push(id),
            }
        }
        let groups = by_group
            .into_iter()
            .enumerate()
            .filter(|(_, actions)| !actions.is_empty())
            .collect();
        Self { ungrouped, groups }
    }
}

/// Heading of the group column: `Axe`, `Mesure` or `Volet` when every group is
/// of that kind, else `Axe / mesure / volet`. The reader takes each for the
/// group column.
fn group_heading(conv: &Convention) -> &'static str {
    let kinds = |k: GroupKind| !conv.groups.is_empty() && conv.groups.iter().all(|g| g.kind == k);
    if kinds(GroupKind::Mesure) {
        "Mesure"
    } else if kinds(GroupKind::Volet) {
        "Volet"
    } else if kinds(GroupKind::Axe) {
        "Axe"
    } else {
        "Axe / mesure / volet"
    }
}

/// Heading of a funder's column, one the reader reads back as that funder (see
/// the module documentation).
fn funder_heading(conv: &Convention, funder: FunderId) -> String {
    let Some(f) = conv.funders.get(funder) else {
        return String::new();
    };
    let name = f.name.split_whitespace().collect::<Vec<_>>().join(" ");
    let read_as = |text: &str| planned_funder_of_heading(text);
    match f.kind {
        FunderKind::State => {
            if read_as(&name) == Some(FunderRef::State) {
                name
            } else {
                "État".into()
            }
        }
        FunderKind::Departement => {
            if read_as(&name) == Some(FunderRef::Departement) {
                name
            } else {
                "Département".into()
            }
        }
        FunderKind::Other => {
            if read_as(&name) == Some(FunderRef::Other(name.clone())) {
                return name;
            }
            let labelled = format!("{name} (autres financeurs)");
            if matches!(read_as(&labelled), Some(FunderRef::Other(_))) {
                labelled
            } else {
                "Autres financeurs".into()
            }
        }
        // Read back as the first planned total of a table naming no funder:
        // the action's own amount.
        FunderKind::Unsplit => "Montant".into(),
    }
}

const NUMBER_HEADING: &str = "Fiche action n°";
const TITLE_HEADING: &str = "Intitulé de l'action";
const TOTAL_HEADING: &str = "Budget total";
const GRAND_TOTAL_LABEL: &str = "Total général";

fn subtotal_label(conv: &Convention, group: GroupId) -> String {
    let name = conv.groups.get(group).map_or("", |g| g.name.as_str());
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("Sous-total {name}").trim_end().to_string()
}

/// `value` written exactly with a `point` decimal separator and at least two
/// decimals: `93507.00`, `-12.50`, `0.125`; never `-0`.
fn exact_amount(value: Decimal, point: char) -> String {
    let value = if value.is_zero() { value.abs() } else { value };
    let text = if value.scale() <= 2 {
        // Padding with zeros is exact.
        format!("{value:.2}")
    } else {
        value.to_string()
    };
    if point == '.' {
        text
    } else {
        text.replace('.', &point.to_string())
    }
}

/// A text cell protected against formula injection (see the module
/// documentation).
fn protect(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Writes CSV records; writing into memory cannot fail.
fn write_csv(records: &[Vec<String>], delimiter: u8) -> String {
    // Written here rather than by the csv crate's writer (whose quoting
    // code parses every cell as a number, bringing float parsing into the
    // widget's bundle); the same text: a cell is quoted when it holds the
    // delimiter, a quotation mark (doubled), a line break or a tab (so that
    // the file is not mistaken for a tab-separated one); a record of one
    // empty cell is `""`; CRLF after each record.
    let delimiter = char::from(delimiter);
    let mut out = String::new();
    for record in records {
        if let [only] = record.as_slice() {
            if only.is_empty() {
                out.push_str("\"\"\r\n");
                continue;
            }
        }
        for (k, cell) in record.iter().enumerate() {
            if k > 0 {
                out.push(delimiter);
            }
            if cell.contains([delimiter, '"', '\r', '\n', '\t']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

// ---------------------------------------------------------------------------
// CSV for French Excel

/// A CSV for French Excel: `;` between cells, UTF-8 with a BOM (so that Excel
/// does not take it for Windows-1252), CRLF line ends, amounts with a decimal
/// comma and no thousands separator (`93507,00`, so that Excel reads them as
/// numbers).
///
/// Rows: the convention's title (when it has one), the headings (number,
/// title, group, one column per funder, total), one row per action (the group
/// named on every row), a `Sous-total …` row after each group and a
/// `Total général` row (see the module documentation for the order and the
/// protection of text cells). A figure that cannot be computed (an overflow)
/// is written as `dépassement de capacité`, which the reader reports as an
/// unreadable amount.
pub fn csv_excel_fr(conv: &Convention) -> String {
    let funders = conv.funders.len();
    let amounts = |figures: Result<FunderAmounts, CalcError>| -> Vec<String> {
        match figures {
            Ok(f) => f
                .by_funder
                .iter()
                .chain(std::iter::once(&f.total))
                .map(|v| exact_amount(*v, ','))
                .collect(),
            Err(_) => vec!["dépassement de capacité".to_string(); funders + 1],
        }
    };
    let mut records: Vec<Vec<String>> = Vec::new();
    if !conv.title.trim().is_empty() {
        records.push(vec![protect(conv.title.trim())]);
    }
    let mut header = vec![
        NUMBER_HEADING.to_string(),
        TITLE_HEADING.to_string(),
        group_heading(conv).to_string(),
    ];
    header.extend((0..funders).map(|f| funder_heading(conv, f)));
    header.push(TOTAL_HEADING.to_string());
    records.push(header);

    let layout = Layout::new(conv);
    let action_row = |id: ActionId, group: &str| -> Vec<String> {
        let action = conv.actions.get(id);
        let mut row = vec![
            protect(action.map_or("", |a| a.number.trim())),
            protect(action.map_or("", |a| a.title.trim())),
            protect(group),
        ];
        row.extend(amounts(action_planned(conv, id)));
        row
    };
    for &id in &layout.ungrouped {
        records.push(action_row(id, ""));
    }
    for (group, actions) in &layout.groups {
        let name = conv.groups.get(*group).map_or("", |g| g.name.trim());
        for &id in actions {
            records.push(action_row(id, name));
        }
        let mut row = vec![
            String::new(),
            protect(&subtotal_label(conv, *group)),
            String::new(),
        ];
        row.extend(amounts(group_planned(conv, *group)));
        records.push(row);
    }
    let mut row = vec![String::new(), GRAND_TOTAL_LABEL.to_string(), String::new()];
    row.extend(amounts(grand_planned(conv)));
    records.push(row);

    let mut out = String::from('\u{FEFF}');
    out.push_str(&write_csv(&records, b';'));
    out
}

// ---------------------------------------------------------------------------
// SCDL Subventions

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
    let mut issues = Vec::new();
    let mut check = |field: &'static str, value: &str, ok: bool, expected: &'static str| {
        if value.is_empty() {
            issues.push(ScdlIssue {
                field,
                action: None,
                problem: ScdlProblem::Missing,
            });
        } else if !ok {
            issues.push(ScdlIssue {
                field,
                action: None,
                problem: ScdlProblem::Invalid {
                    value: value.to_string(),
                    expected,
                },
            });
        }
    };
    let nom_attribuant = collapse(&meta.nom_attribuant);
    check("nomAttribuant", &nom_attribuant, true, "");
    let id_attribuant = without_blanks(&meta.id_attribuant);
    check(
        "idAttribuant",
        &id_attribuant,
        siret_problem(&id_attribuant).is_none(),
        siret_problem(&id_attribuant).unwrap_or_default(),
    );
    let date_convention = meta.date_convention.trim();
    check(
        "dateConvention",
        date_convention,
        is_iso_date(date_convention),
        "date AAAA-MM-JJ attendue",
    );
    let nom_beneficiaire = collapse(&meta.nom_beneficiaire);
    check("nomBeneficiaire", &nom_beneficiaire, true, "");
    let id_beneficiaire = without_blanks(&meta.id_beneficiaire);
    let rna = meta.rna_beneficiaire.trim().to_ascii_uppercase();
    if !rna.is_empty() {
        check(
            "rnaBeneficiaire",
            &rna,
            is_rna(&rna),
            "W suivi de 9 chiffres attendu",
        );
    }
    if !id_beneficiaire.is_empty() || rna.is_empty() {
        check(
            "idBeneficiaire",
            &id_beneficiaire,
            siret_problem(&id_beneficiaire).is_none(),
            siret_problem(&id_beneficiaire).unwrap_or_default(),
        );
    }
    let nature = meta
        .nature
        .split(';')
        .map(collapse)
        .collect::<Vec<_>>()
        .join(";");
    let nature = nature.as_str();
    check(
        "nature",
        nature,
        matches!(
            nature,
            "aide en numéraire"
                | "aide en nature"
                | "aide en numéraire;aide en nature"
                | "aide en nature;aide en numéraire"
        ),
        "« aide en numéraire » et/ou « aide en nature » attendu",
    );
    let conditions = conditions_versement(&meta.conditions_versement);
    check(
        "conditionsVersement",
        &conditions,
        conditions.chars().count() <= SCDL_MAX_TEXT,
        "« unique », « échelonné » ou une description de 256 caractères au plus",
    );
    let dates = meta.dates_periode_versement.trim();
    check(
        "datesPeriodeVersement",
        dates,
        is_date_or_period(dates),
        "date AAAA-MM-JJ ou période AAAA-MM-JJ/AAAA-MM-JJ, du début à la fin, attendue",
    );
    let id_rae = collapse(&meta.id_rae);
    if !id_rae.is_empty() {
        check(
            "idRAE",
            &id_rae,
            id_rae.chars().count() <= 5,
            "5 caractères au plus",
        );
    }
    let notification = meta.notification_ue.trim();
    check(
        "notificationUE",
        notification,
        matches!(notification, "oui" | "non"),
        "« oui » ou « non » attendu",
    );
    let share = meta.pourcentage_subvention;
    let share_text = exact_amount(share, '.');
    check(
        "pourcentageSubvention",
        &share_text,
        share >= Decimal::new(1, 2) && share <= Decimal::ONE,
        "nombre entre 0.01 et 1 attendu",
    );

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
                    expected: "256 caractères au plus",
                },
            );
        }
        if amount.is_sign_negative() {
            row_issue(
                "montant",
                ScdlProblem::Invalid {
                    value: exact_amount(amount, '.'),
                    expected: "montant positif attendu",
                },
            );
        }
        rows.push(vec![
            protect(&nom_attribuant),
            id_attribuant.clone(),
            date_convention.to_string(),
            protect(&collapse(&meta.reference_decision)),
            protect(&nom_beneficiaire),
            id_beneficiaire.clone(),
            rna.clone(),
            protect(&objet),
            exact_amount(amount, '.'),
            nature.to_string(),
            protect(&conditions),
            dates.to_string(),
            protect(&id_rae),
            notification.to_string(),
            share_text.clone(),
            protect(&collapse(&meta.dispositif_aide)),
        ]);
    }
    if !issues.is_empty() {
        return Err(ExportError::Scdl(issues));
    }
    Ok(write_csv(&rows, b','))
}

/// Blanks (line breaks included) collapsed to single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Without any blank (`233 500 016 00040` → `23350001600040`).
fn without_blanks(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The longest `objet` and `conditionsVersement` of the schema (`maxLength`).
const SCDL_MAX_TEXT: usize = 256;

/// What is wrong with a SIRET (blanks already removed), or `None`: 14 digits
/// whose SIREN (the first 9) and whole number pass the Luhn checksum, as the
/// schema's `french-siret-value` check (python-stdnum) requires. La Poste's
/// establishments (SIREN 356 000 000, other than its head office
/// 356 000 000 00048) use another rule: the sum of the 14 digits is a
/// multiple of 5.
fn siret_problem(text: &str) -> Option<&'static str> {
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Some("SIRET de 14 chiffres attendu");
    }
    let checksum = if text.starts_with("356000000") && text != "35600000000048" {
        digits_sum(text).is_multiple_of(5)
    } else {
        luhn(text)
    };
    if checksum && luhn(text.get(..9).unwrap_or_default()) {
        None
    } else {
        Some("SIRET inexistant : sa clé de contrôle (formule de Luhn) est fausse")
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
fn luhn(digits: &str) -> bool {
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
fn conditions_versement(text: &str) -> String {
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

fn is_rna(text: &str) -> bool {
    text.len() == 10 && text.starts_with('W') && text.bytes().skip(1).all(|b| b.is_ascii_digit())
}

/// `AAAA-MM-JJ`, a date that exists (2024-02-29 yes, 2023-02-29 no).
fn is_iso_date(text: &str) -> bool {
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
fn is_date_or_period(text: &str) -> bool {
    match text.split_once('/') {
        // Both are AAAA-MM-JJ: their text order is their date order.
        Some((from, to)) => is_iso_date(from) && is_iso_date(to) && from <= to,
        None => is_iso_date(text),
    }
}

// ---------------------------------------------------------------------------
// XLSX annex

/// An XLSX laid out like a financial annex: the convention's title (when it
/// has one), the headings (group, number, title, one column per funder,
/// total), then each group as a heading row (its name in the first column),
/// its actions and a bold `Sous-total …` row, and a bold `Total général` row.
/// Amounts are numbers (not text) with the format `#,##0.00 "€"`
/// (`93 507,00 €` in French Excel or LibreOffice), exact in the file
/// (spreadsheets keep 15 significant digits of them).
///
/// The file is written here, part by part (content types, relationships,
/// workbook, styles, one worksheet with inline strings), into a zip: six small
/// XML parts are all an annex needs. A writer crate such as `rust_xlsxwriter`
/// would bring its own formatting, shared-string and chart code (and the
/// `SystemTime::now()` of its document properties, which panics on
/// `wasm32-unknown-unknown` without its `wasm` feature), whereas the `zip`
/// crate is already in the widget for calamine: this costs the widget only
/// the code below and zip's writer. The file is deterministic (dates of the
/// zip entries are 1980-01-01).
#[cfg(feature = "xlsx-export")]
pub fn xlsx_annex(conv: &Convention) -> Result<Vec<u8>, ExportError> {
    let sheet = xlsx::sheet_xml(conv)?;
    xlsx::zip_parts(&[
        ("[Content_Types].xml", xlsx::CONTENT_TYPES),
        ("_rels/.rels", xlsx::ROOT_RELS),
        ("xl/workbook.xml", xlsx::WORKBOOK),
        ("xl/_rels/workbook.xml.rels", xlsx::WORKBOOK_RELS),
        ("xl/styles.xml", xlsx::STYLES),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

#[cfg(feature = "xlsx-export")]
mod xlsx {
    use std::fmt::Write as _;

    use super::*;

    pub(super) const CONTENT_TYPES: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"</Types>"#,
    );

    pub(super) const ROOT_RELS: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
        r#"</Relationships>"#,
    );

    pub(super) const WORKBOOK: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        r#"<sheets><sheet name="Annexe financière" sheetId="1" r:id="rId1"/></sheets>"#,
        r#"</workbook>"#,
    );

    pub(super) const WORKBOOK_RELS: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
        r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
        r#"</Relationships>"#,
    );

    /// Cell styles: 0 text, 1 amount, 2 bold text, 3 bold amount, 4 bold
    /// wrapped text (headings). Number format 164 is `#,##0.00 "€"`.
    pub(super) const STYLES: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        r##"<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00 &quot;€&quot;"/></numFmts>"##,
        r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>"#,
        r#"<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#,
        r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
        r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
        r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
        r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
        r#"<cellXfs count="5">"#,
        r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
        r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
        r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
        r#"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
        r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">"#,
        r#"<alignment wrapText="1" vertical="top"/></xf>"#,
        r#"</cellXfs>"#,
        r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
        r#"</styleSheet>"#,
    );

    const TEXT: u8 = 0;
    const AMOUNT: u8 = 1;
    const BOLD: u8 = 2;
    const BOLD_AMOUNT: u8 = 3;
    const HEADING: u8 = 4;

    /// The column letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`
    /// ([`crate::text::column_letter`] of its 1-based index).
    pub(super) fn column_letters(column: usize) -> String {
        crate::text::column_letter(column.saturating_add(1))
    }

    /// Text escaped for XML, and for the `_xHHHH_` escapes of OOXML: characters
    /// XML 1.0 cannot hold (controls, U+FFFE, U+FFFF) and the carriage return
    /// (which XML would turn into a line feed) are written `_x000D_`; an
    /// underscore that would start such an escape is written `_x005F_`.
    pub(super) fn escape(text: &str, out: &mut String) {
        for (i, c) in text.char_indices() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\t' | '\n' => out.push(c),
                '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {
                    let _ = write!(out, "_x{:04X}_", u32::from(c));
                }
                '_' if looks_like_escape(text.get(i..).unwrap_or_default()) => {
                    out.push_str("_x005F_");
                }
                _ => out.push(c),
            }
        }
    }

    /// Whether `text` starts with `_xHHHH_`.
    fn looks_like_escape(text: &str) -> bool {
        let b = text.as_bytes();
        b.len() >= 7
            && b.first() == Some(&b'_')
            && matches!(b.get(1), Some(b'x' | b'X'))
            && b.get(2..6)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
            && b.get(6) == Some(&b'_')
    }

    /// The rows of the worksheet, written one after the other.
    struct Sheet {
        xml: String,
        /// Number of the row being written (1-based), or of the last one.
        row: usize,
    }

    impl Sheet {
        /// Starts a new row and returns its number.
        fn start_row(&mut self) -> usize {
            self.end_row();
            self.row = self.row.saturating_add(1);
            let _ = write!(self.xml, r#"<row r="{}">"#, self.row);
            self.row
        }

        fn end_row(&mut self) {
            if self.row > 0 {
                self.xml.push_str("</row>");
            }
        }

        fn text(&mut self, column: usize, text: &str, style: u8) {
            if text.is_empty() {
                return;
            }
            let _ = write!(
                self.xml,
                r#"<c r="{}{}" t="inlineStr" s="{style}"><is><t xml:space="preserve">"#,
                column_letters(column),
                self.row
            );
            escape(text, &mut self.xml);
            self.xml.push_str("</t></is></c>");
        }

        fn amount(&mut self, column: usize, value: Decimal, style: u8) {
            let _ = write!(
                self.xml,
                r#"<c r="{}{}" s="{style}"><v>{}</v></c>"#,
                column_letters(column),
                self.row,
                exact_amount(value, '.')
            );
        }

        /// Each funder's amount from `first`, then the total.
        fn amounts(&mut self, first: usize, figures: &FunderAmounts, style: u8) {
            let mut column = first;
            for value in &figures.by_funder {
                self.amount(column, *value, style);
                column = column.saturating_add(1);
            }
            self.amount(column, figures.total, style);
        }
    }

    /// The worksheet.
    pub(super) fn sheet_xml(conv: &Convention) -> Result<String, ExportError> {
        let funders = conv.funders.len();
        // Columns: group, number, title, funders…, total.
        let first_amount = 3;
        let total_column = first_amount + funders;
        let mut sheet = Sheet {
            xml: String::new(),
            row: 0,
        };

        let title = super::collapse(&conv.title);
        if !title.is_empty() {
            sheet.start_row();
            sheet.text(0, &title, BOLD);
        }
        let header_row = sheet.start_row();
        sheet.text(0, group_heading(conv), HEADING);
        sheet.text(1, NUMBER_HEADING, HEADING);
        sheet.text(2, TITLE_HEADING, HEADING);
        for f in 0..funders {
            sheet.text(first_amount + f, &funder_heading(conv, f), HEADING);
        }
        sheet.text(total_column, TOTAL_HEADING, HEADING);

        let action_row = |sheet: &mut Sheet, id: ActionId| -> Result<(), ExportError> {
            let figures = action_planned(conv, id)?;
            let action = conv.actions.get(id);
            sheet.start_row();
            sheet.text(1, action.map_or("", |a| a.number.trim()), TEXT);
            sheet.text(2, action.map_or("", |a| a.title.trim()), TEXT);
            sheet.amounts(first_amount, &figures, AMOUNT);
            Ok(())
        };
        let layout = Layout::new(conv);
        for &id in &layout.ungrouped {
            action_row(&mut sheet, id)?;
        }
        for (group, actions) in &layout.groups {
            let name = conv
                .groups
                .get(*group)
                .map_or(String::new(), |g| super::collapse(&g.name));
            sheet.start_row();
            sheet.text(0, &name, BOLD);
            for &id in actions {
                action_row(&mut sheet, id)?;
            }
            let figures = group_planned(conv, *group)?;
            sheet.start_row();
            sheet.text(2, &subtotal_label(conv, *group), BOLD);
            sheet.amounts(first_amount, &figures, BOLD_AMOUNT);
        }
        let figures = grand_planned(conv)?;
        sheet.start_row();
        sheet.text(2, GRAND_TOTAL_LABEL, BOLD);
        sheet.amounts(first_amount, &figures, BOLD_AMOUNT);
        sheet.end_row();

        let mut xml = String::with_capacity(sheet.xml.len() + 1024);
        xml.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        ));
        // Headings frozen at the top.
        let _ = write!(
            xml,
            concat!(
                r#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="{}" topLeftCell="A{}" "#,
                r#"activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
            ),
            header_row,
            header_row.saturating_add(1)
        );
        let _ = write!(
            xml,
            concat!(
                r#"<cols><col min="1" max="1" width="36" customWidth="1"/>"#,
                r#"<col min="2" max="2" width="10" customWidth="1"/>"#,
                r#"<col min="3" max="3" width="50" customWidth="1"/>"#,
                r#"<col min="4" max="{}" width="18" customWidth="1"/></cols>"#
            ),
            total_column.saturating_add(1)
        );
        xml.push_str("<sheetData>");
        xml.push_str(&sheet.xml);
        xml.push_str("</sheetData></worksheet>");
        Ok(xml)
    }

    /// The parts, deflated into a zip (entries dated 1980-01-01).
    pub(super) fn zip_parts(parts: &[(&str, &str)]) -> Result<Vec<u8>, ExportError> {
        use std::io::{Cursor, Write};
        use zip::write::SimpleFileOptions;
        use zip::{CompressionMethod, DateTime, ZipWriter};

        let failed = |e: &dyn std::fmt::Display| ExportError::Xlsx(e.to_string());
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default());
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            zip.start_file(*name, options).map_err(|e| failed(&e))?;
            zip.write_all(content.as_bytes()).map_err(|e| failed(&e))?;
        }
        let cursor = zip.finish().map_err(|e| failed(&e))?;
        Ok(cursor.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the csv crate's writer gave with the settings write_csv had
    /// before it wrote the text itself.
    fn csv_crate(records: &[Vec<String>], delimiter: u8) -> String {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .comment(Some(b'\t'))
            .from_writer(Vec::new());
        for record in records {
            writer.write_record(record).unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn csv_text_is_what_the_csv_crate_wrote() {
        let cells = [
            "",
            " ",
            "93507,00",
            "-12,5",
            "'=1+1",
            "a;b",
            "a,b",
            "dit \"oui\"",
            "\"",
            "ligne\nsuivante",
            "fin\r",
            "tab\there",
            "\t",
            "Crèche « A »",
            "#1",
            "1e5",
            "NaN",
        ];
        let mut records: Vec<Vec<String>> = vec![vec![String::new()], vec!["seul".into()]];
        for a in cells {
            for b in cells {
                records.push(vec![a.to_string(), b.to_string()]);
            }
            records.push(vec![a.to_string()]);
        }
        records.push(vec![String::new(), String::new()]);
        for delimiter in [b';', b','] {
            assert_eq!(
                write_csv(&records, delimiter),
                csv_crate(&records, delimiter)
            );
        }
        // By hand: « a;b » and a doubled quotation mark, CRLF.
        assert_eq!(
            write_csv(
                &[vec!["a;b".into(), "dit \"oui\"".into(), "x".into()]],
                b';'
            ),
            "\"a;b\";\"dit \"\"oui\"\"\";x\r\n"
        );
    }

    #[test]
    fn amounts_are_exact_with_two_decimals_at_least() {
        assert_eq!(exact_amount(Decimal::new(93507, 0), ','), "93507,00");
        assert_eq!(exact_amount(Decimal::new(-125, 1), ','), "-12,50");
        assert_eq!(exact_amount(Decimal::new(125, 3), '.'), "0.125");
        assert_eq!(exact_amount(Decimal::new(-0, 2), '.'), "0.00");
        let mut negative_zero = Decimal::ZERO;
        negative_zero.set_sign_negative(true);
        assert_eq!(exact_amount(negative_zero, '.'), "0.00");
    }

    #[test]
    fn text_cells_that_would_be_formulas_are_protected() {
        assert_eq!(protect("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(protect("+33"), "'+33");
        assert_eq!(protect("-5 ans"), "'-5 ans");
        assert_eq!(protect("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(protect("\tx"), "'\tx");
        assert_eq!(protect("\rx"), "'\rx");
        assert_eq!(protect("Crèche = 2"), "Crèche = 2");
    }

    #[test]
    fn dates_must_exist() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
        assert!(!is_iso_date("24-01-2024"));
        assert!(is_date_or_period("2024-01-01/2024-12-31"));
        assert!(is_date_or_period("2024-01-01/2024-01-01"));
        assert!(!is_date_or_period("2024-01-01/"));
        // A period that ends before it starts.
        assert!(!is_date_or_period("2024-12-31/2024-01-01"));
    }

    #[test]
    fn siret_checksum() {
        // 1 3 0 0 0 7 9 1 7 0 0 0 1 1, from the right: the digits in odd
        // places 1 0 0 1 7 0 3 make 12; the others 1 0 7 9 0 0 1 doubled are
        // 2 0 14→5 18→9 0 0 2 = 18; 12 + 18 = 30, a multiple of 10. The SIREN
        // 1 3 0 0 0 7 9 1 7: 7 + 9 + 0 + 0 + 1 = 17 and 1 3 0 7 doubled
        // 2 6 0 14→5 = 13; 30 again.
        assert_eq!(siret_problem("13000791700011"), None);
        // The schema's example.
        assert_eq!(siret_problem("23350001600040"), None);
        // One digit changed: 12 + 18 − 1 + 3 = 32.
        assert_eq!(
            siret_problem("13000791700013"),
            Some("SIRET inexistant : sa clé de contrôle (formule de Luhn) est fausse")
        );
        // The whole number passes but not its SIREN 123 456 789 (from the
        // right 9+7+5+3+1 = 25, and 8 6 4 2 doubled 7+3+8+4 = 22: 47). The 14
        // digits, from the right: 7 then 0 0 0 0, then the SIREN with its
        // doubling shifted: 9→9, 8, 7→5, 6, 5→1, 4, 3→6, 2, 1→2 = 43; 50.
        assert!(luhn("12345678900007"));
        assert!(!luhn("123456789"));
        assert!(siret_problem("12345678900007").is_some());
        assert_eq!(
            siret_problem("1300079170001"),
            Some("SIRET de 14 chiffres attendu")
        );
        assert_eq!(
            siret_problem("1300079170001A"),
            Some("SIRET de 14 chiffres attendu")
        );
        // La Poste: 3+5+6+1 = 15 is a multiple of 5, 3+5+6+3 = 17 is not (its
        // SIREN 356 000 000 passes Luhn: from the right six 0, then 6, 5
        // doubled 10→1, 3: 10).
        assert_eq!(siret_problem("35600000000048"), None);
        assert_eq!(siret_problem("35600000000001"), None);
        assert!(siret_problem("35600000000030").is_some());
    }

    #[test]
    fn conditions_in_the_schema_spelling() {
        assert_eq!(conditions_versement(" Échelonné "), "échelonné");
        assert_eq!(conditions_versement("echelonne"), "échelonné");
        assert_eq!(conditions_versement("UNIQUE"), "unique");
        assert_eq!(
            conditions_versement("70 %  à la signature"),
            "70 % à la signature"
        );
    }

    #[cfg(feature = "xlsx-export")]
    #[test]
    fn xlsx_text_escapes() {
        let mut out = String::new();
        xlsx::escape("a<b>&\"c\"\r\u{1}_x0041_ _y", &mut out);
        assert_eq!(
            out,
            "a&lt;b&gt;&amp;&quot;c&quot;_x000D__x0001__x005F_x0041_ _y"
        );
        assert_eq!(xlsx::column_letters(0), "A");
        assert_eq!(xlsx::column_letters(25), "Z");
        assert_eq!(xlsx::column_letters(26), "AA");
        // 16 383 = XFD: (24 × 26 + 6) × 26 + 4 = 16 383 with A = 1… → X=24, F=6, D=4.
        assert_eq!(xlsx::column_letters(16_383), "XFD");
    }
}
