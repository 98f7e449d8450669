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

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::CalcError;
use crate::figures::{action_planned, grand_planned, group_planned, FunderAmounts};
use crate::messages::{french_display, Msg};
use crate::model::{ActionId, Convention, FunderId, FunderKind, GroupId, GroupKind};
use crate::read::{planned_funder_of_heading, FunderRef};
use crate::Lang;

mod excel_csv;
mod scdl;
mod scdl_fields;
#[cfg(feature = "xlsx-export")]
mod xlsx;

pub use excel_csv::*;
pub use scdl::*;
pub use scdl_fields::*;
#[cfg(feature = "xlsx-export")]
pub use xlsx::xlsx_annex;

/// Why a convention cannot be exported; [`ExportError::message`] says it in
/// a language, its `Display` in French.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// Information the SCDL file requires is missing or malformed.
    Scdl(Vec<ScdlIssue>),
    /// The attributing funder is not a funder of the convention.
    UnknownFunder {
        /// The index given in [`ScdlMeta::attribuant`].
        index: FunderId,
        /// How many funders the convention has.
        count: usize,
    },
    /// The amounts are not split by funder: what the attributing funder
    /// gives is not known, and an SCDL file would state it.
    NotSplit,
    /// A figure cannot be computed (an overflow).
    Calc(CalcError),
    /// The workbook cannot be written (should not happen: it is written in
    /// memory); the reason comes from the zip writer, in English.
    Xlsx(String),
}

impl From<CalcError> for ExportError {
    fn from(e: CalcError) -> Self {
        Self::Calc(e)
    }
}

impl ExportError {
    /// The message in `lang`: « fichier SCDL impossible à produire :
    /// nomAttribuant : absent ; … ».
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Scdl(issues) => {
                let list = issues
                    .iter()
                    .map(|i| i.message(lang))
                    .collect::<Vec<_>>()
                    .join(Msg::ListSeparator.text(lang));
                Msg::ExportScdlRefused.fill(lang, &[("issues", &list)])
            }
            Self::UnknownFunder { index, count } => {
                Msg::ExportUnknownFunder.fill(lang, &[("index", index), ("count", count)])
            }
            Self::NotSplit => Msg::ExportNotSplit.text(lang).to_string(),
            Self::Calc(e) => e.message(lang),
            Self::Xlsx(reason) => Msg::ExportXlsx.fill(lang, &[("reason", reason)]),
        }
    }
}

french_display!(ExportError);

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

/// Blanks (line breaks included) collapsed to single spaces, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::scdl::{conditions_versement, is_date_or_period, is_iso_date, luhn, siret_problem};
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
            Some(ScdlExpected::SiretKey)
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
            Some(ScdlExpected::SiretDigits)
        );
        assert_eq!(
            siret_problem("1300079170001A"),
            Some(ScdlExpected::SiretDigits)
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
