//! The exports of the Vienne annex, line by line. Expected figures are the
//! fixture's rows added up by hand (its own subtotals are wrong, see
//! DOMAIN.md), sums written out in comments.

mod support;
use support::d;

use budget_core::export::{
    csv_excel_fr, csv_scdl_subventions, ExportError, ScdlIssue, ScdlMeta, ScdlProblem, SCDL_COLUMNS,
};
use budget_core::read::read_table;
use budget_core::{Action, Amount, Convention, Decimal, Part};

const VIENNE: &str = include_str!("../../../tests/fixtures/vienne-2024-solidarites.tsv");

fn vienne() -> Convention {
    read_table(VIENNE).convention
}

const AXE_1: &str = "Axe Prévenir la pauvreté et lutter contre les inégalités dès l'enfance";

#[test]
fn csv_for_french_excel_of_the_vienne_annex() {
    let csv = csv_excel_fr(&vienne());
    assert!(csv.starts_with('\u{FEFF}'), "UTF-8 BOM for Excel");
    let body = csv.trim_start_matches('\u{FEFF}');
    assert!(body.ends_with("\r\n"));
    let lines: Vec<&str> = body.split("\r\n").collect();
    // Header + 4 + 1 + 5 + 1 + 5 + 1 action and subtotal rows + total + "" after
    // the last CRLF.
    assert_eq!(lines.len(), 1 + 4 + 1 + 5 + 1 + 5 + 1 + 1 + 1);
    assert_eq!(
        lines[0],
        "Fiche action n°;Intitulé de l'action;Axe;État;Département;Autres financeurs;Budget total"
    );
    // Action 1: 93 507 + 146 000 + 535 493 = 775 000.
    assert_eq!(
        lines[1],
        format!("1;Crèche familiale préventive;{AXE_1};93507,00;146000,00;535493,00;775000,00")
    );
    // Axe 1: A 93 507 + 50 000 + 69 698 + 25 000 = 238 205;
    // B 146 000 + 50 000 + 135 096 + 25 000 = 356 096; C 535 493;
    // F 238 205 + 356 096 + 535 493 = 1 129 794.
    assert_eq!(
        lines[5],
        format!(";Sous-total {AXE_1};;238205,00;356096,00;535493,00;1129794,00")
    );
    // Quotes in a title are doubled inside a quoted cell.
    assert_eq!(
        lines[6],
        "5;\"\"\"Aller vers\"\" en ruralité\";Axe Lutter contre la grande exclusion grâce à \
         l'accès aux droits;110000,00;110000,00;0,00;220000,00"
    );
    // Axe 3, computed: A 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428 (the
    // fixture declares 110 428); F 90 428 × 2 = 180 856.
    assert_eq!(
        lines[17],
        ";Sous-total Axe Construire une transition écologique solidaire;;90428,00;90428,00;0,00;180856,00"
    );
    // A 238 205 + 230 000 + 90 428 = 558 633; B 356 096 + 235 000 + 90 428 =
    // 681 524; C 535 493; F 558 633 + 681 524 + 535 493 = 1 775 650.
    assert_eq!(
        lines[18],
        ";Total général;;558633,00;681524,00;535493,00;1775650,00"
    );
}

/// A one-action convention of the State alone.
fn one_action(title: &str, value: &str) -> Convention {
    Convention {
        actions: vec![Action {
            number: "1".into(),
            title: title.into(),
            planned: vec![Amount {
                funder: 0,
                year: None,
                part: Part::Base,
                value: d(value),
                formula: None,
            }],
            ..Action::default()
        }]
        .into(),
        ..Convention::default()
    }
}

#[test]
fn csv_for_excel_neutralises_formulas_but_not_negative_amounts() {
    let conv = one_action("=HYPERLINK(\"http://x\";\"clic\")", "-1234.5");
    let csv = csv_excel_fr(&conv);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    // The title is text; −1 234,5 is a number, written as such.
    assert_eq!(
        lines[1],
        "1;\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";;-1234,50;0,00;-1234,50"
    );
    // And the reader gives the title back without the apostrophe.
    let back = read_table(&csv).convention;
    assert_eq!(back.actions[0].title, "=HYPERLINK(\"http://x\";\"clic\")");
    assert_eq!(back.actions[0].planned[0].value, d("-1234.5"));
}

#[test]
fn a_tab_in_a_title_does_not_make_the_csv_tab_separated() {
    let conv = one_action("avant\taprès", "10");
    let csv = csv_excel_fr(&conv);
    assert!(csv.contains("\"avant\taprès\""), "{csv}");
    let back = read_table(&csv).convention;
    assert_eq!(back.actions[0].title, "avant\taprès");
    assert_eq!(back.actions[0].planned[0].value, d("10"));
}

fn meta() -> ScdlMeta {
    ScdlMeta {
        attribuant: 0,
        nom_attribuant: "Préfecture de la Vienne".into(),
        // Blanks are removed: 14 digits remain (a SIRET whose Luhn checksum
        // holds, worked out in export.rs's unit tests).
        id_attribuant: "130 007 917 00011".into(),
        date_convention: "2024-06-27".into(),
        reference_decision: "=2024-117".into(),
        nom_beneficiaire: "Département de la Vienne".into(),
        id_beneficiaire: "22860001100016".into(),
        dates_periode_versement: "2024-06-27/2024-12-31".into(),
        ..ScdlMeta::default()
    }
}

#[test]
fn scdl_file_of_the_state_subsidies() {
    let csv = csv_scdl_subventions(&vienne(), &meta()).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], SCDL_COLUMNS.join(","));
    assert_eq!(
        lines[0],
        "nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,\
         idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,\
         datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide"
    );
    assert_eq!(
        lines[1],
        "Préfecture de la Vienne,13000791700011,2024-06-27,'=2024-117,Département de la Vienne,\
         22860001100016,,Crèche familiale préventive,93507.00,aide en numéraire,échelonné,\
         2024-06-27/2024-12-31,,non,1.00,"
    );
    // 14 action rows, of which action 13 has no State money: 13 rows, then the
    // empty string after the last CRLF.
    assert_eq!(lines.len(), 1 + 13 + 1);
    let montants: Vec<Decimal> = lines[1..14]
        .iter()
        .map(|l| {
            let record: Vec<&str> = l.split(',').collect();
            // The `"""Aller vers"" en ruralité"` title has no comma: column 9.
            d(record[8])
        })
        .collect();
    // Σ = 558 633, the State's computed grand total.
    assert_eq!(montants.iter().sum::<Decimal>(), d("558633"));
}

#[test]
fn scdl_file_of_the_departement_subsidies() {
    let conv = vienne();
    let meta = ScdlMeta {
        attribuant: conv.departement_funder().unwrap(),
        conditions_versement: "unique".into(),
        pourcentage_subvention: d("0.45"),
        ..meta()
    };
    let csv = csv_scdl_subventions(&conv, &meta).unwrap();
    let second = csv.split("\r\n").nth(2).unwrap();
    assert!(
        second.ends_with(",Thérapie familiale,50000.00,aide en numéraire,unique,2024-06-27/2024-12-31,,non,0.45,"),
        "{second}"
    );
}

#[test]
fn scdl_lists_everything_missing_or_invalid_at_once() {
    let conv = one_action("   ", "-10");
    let meta = ScdlMeta {
        id_attribuant: "1234".into(),
        date_convention: "2023-02-29".into(),
        nature: "virement".into(),
        notification_ue: "peut-être".into(),
        pourcentage_subvention: d("1.5"),
        rna_beneficiaire: "W12".into(),
        ..ScdlMeta::default()
    };
    let Err(ExportError::Scdl(issues)) = csv_scdl_subventions(&conv, &meta) else {
        panic!("an SCDL error was expected");
    };
    let fields: Vec<(&str, Option<&str>, bool)> = issues
        .iter()
        .map(|i| {
            (
                i.field,
                i.action.as_deref(),
                i.problem == ScdlProblem::Missing,
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("nomAttribuant", None, true),
            ("idAttribuant", None, false),
            ("dateConvention", None, false),
            ("nomBeneficiaire", None, true),
            ("rnaBeneficiaire", None, false),
            ("nature", None, false),
            ("datesPeriodeVersement", None, true),
            ("notificationUE", None, false),
            ("pourcentageSubvention", None, false),
            ("objet", Some("1"), true),
            ("montant", Some("1"), false),
        ]
    );
    assert_eq!(
        issues[1].to_string(),
        "idAttribuant : « 1234 » invalide (SIRET de 14 chiffres attendu)"
    );
    assert_eq!(issues[9].to_string(), "action 1, objet : absent");
    let message = ExportError::Scdl(issues.clone()).to_string();
    assert!(message.starts_with("fichier SCDL impossible à produire : nomAttribuant : absent ; "));
    // With an RNA number, the SIRET of the beneficiary may be left out.
    assert!(!issues.contains(&ScdlIssue {
        field: "idBeneficiaire",
        action: None,
        problem: ScdlProblem::Missing
    }));
}

#[test]
fn scdl_refuses_an_unknown_funder() {
    let meta = ScdlMeta {
        attribuant: 7,
        ..meta()
    };
    assert_eq!(
        csv_scdl_subventions(&vienne(), &meta),
        Err(ExportError::UnknownFunder { index: 7, count: 3 })
    );
}

/// A table that does not split its amounts by funder says nothing of what the
/// attributing funder gives: no SCDL file is written from it.
#[test]
fn no_scdl_file_from_amounts_not_split_by_funder() {
    let conv = budget_core::read::read_table("Intitulé\tMontant\nAccueil\t10 000\n").convention;
    assert!(!conv.is_split());
    assert_eq!(
        csv_scdl_subventions(
            &conv,
            &ScdlMeta {
                attribuant: 0,
                ..meta()
            }
        ),
        Err(ExportError::NotSplit)
    );
}

/// What the official schema checks beyond the form of each field: the SIRET's
/// Luhn key (validata's `french-siret-value`), a period that runs forwards,
/// `idRAE` of 5 characters at most.
#[test]
fn scdl_checks_what_the_official_schema_checks() {
    let meta = ScdlMeta {
        // 13000791700011 with its last digit changed: the key is wrong.
        id_attribuant: "13000791700013".into(),
        id_beneficiaire: "2286 0001 1000 16".into(),
        dates_periode_versement: "2024-12-31/2024-06-27".into(),
        id_rae: "123456".into(),
        ..meta()
    };
    let Err(ExportError::Scdl(issues)) = csv_scdl_subventions(&vienne(), &meta) else {
        panic!("an SCDL error was expected");
    };
    let messages: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "idAttribuant : « 13000791700013 » invalide (SIRET inexistant : sa clé de \
             contrôle (formule de Luhn) est fausse)",
            "datesPeriodeVersement : « 2024-12-31/2024-06-27 » invalide (date AAAA-MM-JJ \
             ou période AAAA-MM-JJ/AAAA-MM-JJ, du début à la fin, attendue)",
            "idRAE : « 123456 » invalide (5 caractères au plus)",
        ]
    );
}

#[test]
fn scdl_writes_nature_and_conditions_in_the_schema_spelling() {
    let meta = ScdlMeta {
        nature: "aide en numéraire ; aide en nature".into(),
        conditions_versement: "Échelonné".into(),
        ..meta()
    };
    let csv = csv_scdl_subventions(&vienne(), &meta).unwrap();
    let first = csv.split("\r\n").nth(1).unwrap();
    // The `;` of nature is no comma: the cell is not quoted.
    assert!(
        first.contains(",93507.00,aide en numéraire;aide en nature,échelonné,"),
        "{first}"
    );
}

/// The export form checks each field as it is typed with the rules the file
/// is refused by.
#[test]
fn each_scdl_field_is_checked_as_typed() {
    use budget_core::export::{scdl_meta_issues, ScdlExpected, ScdlField};
    use budget_core::Lang;

    let mut meta = ScdlMeta::default();
    // A new form lacks who attributes, to whom, when and the payment period;
    // nature, conditions, notification and share have their defaults.
    let missing: Vec<&str> = scdl_meta_issues(&meta).iter().map(|i| i.field).collect();
    assert_eq!(
        missing,
        [
            "nomAttribuant",
            "idAttribuant",
            "dateConvention",
            "nomBeneficiaire",
            "idBeneficiaire",
            "datesPeriodeVersement"
        ]
    );
    // Typed with blanks, the SIRET is read without them; its last digit
    // changed from 1 to 3, the key is wrong.
    ScdlField::IdAttribuant
        .set(&mut meta, "130 007 917 00013")
        .unwrap();
    assert_eq!(
        ScdlField::IdAttribuant.problem(&meta),
        Some(ScdlProblem::Invalid {
            value: "13000791700013".into(),
            expected: ScdlExpected::SiretKey
        })
    );
    ScdlField::IdAttribuant
        .set(&mut meta, "130 007 917 00011")
        .unwrap();
    assert_eq!(ScdlField::IdAttribuant.problem(&meta), None);
    // With an RNA number, the beneficiary's SIRET is no longer required.
    assert!(ScdlField::IdBeneficiaire.required(&meta));
    ScdlField::RnaBeneficiaire
        .set(&mut meta, "w123456789")
        .unwrap();
    assert!(!ScdlField::IdBeneficiaire.required(&meta));
    assert_eq!(ScdlField::RnaBeneficiaire.problem(&meta), None);
    assert_eq!(ScdlField::IdBeneficiaire.problem(&meta), None);
    // A date that does not exist.
    ScdlField::DateConvention
        .set(&mut meta, "2023-02-29")
        .unwrap();
    let issue = scdl_meta_issues(&meta)
        .into_iter()
        .find(|i| i.field == "dateConvention")
        .unwrap();
    assert_eq!(
        issue.message(Lang::Fr),
        "dateConvention : « 2023-02-29 » invalide (date AAAA-MM-JJ attendue)"
    );
    assert_eq!(
        issue.message(Lang::En),
        "dateConvention: “2023-02-29” is invalid (a date YYYY-MM-DD is expected)"
    );
    // The share: 45 % is 0.45; words are refused and the share kept.
    ScdlField::PourcentageSubvention
        .set(&mut meta, "45 %")
        .unwrap();
    assert_eq!(meta.pourcentage_subvention, d("0.45"));
    assert_eq!(
        ScdlField::PourcentageSubvention.set(&mut meta, "beaucoup"),
        Err(ScdlProblem::Invalid {
            value: "beaucoup".into(),
            expected: ScdlExpected::ShareNumber
        })
    );
    assert_eq!(meta.pourcentage_subvention, d("0.45"));
    assert_eq!(ScdlField::PourcentageSubvention.get(&meta), "0.45");
    // The names of the metadata file.
    assert_eq!(
        ScdlField::of_name("id_attribuant"),
        Some(ScdlField::IdAttribuant)
    );
    assert_eq!(
        ScdlField::of_name("notificationUE"),
        Some(ScdlField::NotificationUe)
    );
    assert_eq!(ScdlField::of_name("montant"), None);
    // Every field has its column, in the order of the schema.
    let columns: Vec<&str> = ScdlField::ALL.iter().map(|f| f.column()).collect();
    let given: Vec<&str> = SCDL_COLUMNS
        .iter()
        .copied()
        .filter(|c| *c != "objet" && *c != "montant")
        .collect();
    assert_eq!(columns, given);
}

#[test]
fn export_errors_in_english() {
    use budget_core::Lang;
    assert_eq!(
        ExportError::UnknownFunder { index: 7, count: 3 }.message(Lang::En),
        "attributing funder no. 7 unknown (the convention has 3)"
    );
    let issues = vec![
        ScdlIssue {
            field: "nomAttribuant",
            action: None,
            problem: ScdlProblem::Missing,
        },
        ScdlIssue {
            field: "objet",
            action: Some("3".into()),
            problem: ScdlProblem::Missing,
        },
    ];
    assert_eq!(
        ExportError::Scdl(issues.clone()).message(Lang::En),
        "the SCDL file cannot be written: nomAttribuant: missing; action 3, objet: missing"
    );
    assert_eq!(
        ExportError::Scdl(issues).to_string(),
        "fichier SCDL impossible à produire : nomAttribuant : absent ; action 3, objet : absent"
    );
}
