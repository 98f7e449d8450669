//! The `budget` command, run as a user would: on the two fixtures, on broken
//! input, and with wrong arguments.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

// The core's test helpers (fixtures, the PDFs LibreOffice makes of them).
#[path = "../../budget-core/tests/support/mod.rs"]
mod support;

/// Narrow no-break space (thousands) and no-break space (before € and %).
const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn budget(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_budget"))
        .args(args)
        .env_remove("BUDGET_LANG")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// `1 775 650,00 €` with the French separators.
fn eur(text: &str) -> String {
    format!("{}{NBSP}€", text.replace(' ', &NNBSP.to_string()))
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, content: &str) -> Self {
        let path = std::env::temp_dir().join(format!("budget-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, content).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn check_vienne_prints_the_figures_and_the_slips() {
    let o = budget(&["check", &fixture("vienne-2024-solidarites.tsv")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // Grand total F = 1 775 650 (A 558 633 + B 681 524 + C 535 493).
    assert!(
        out.contains(&format!("total {}", eur("1 775 650,00"))),
        "{out}"
    );
    assert!(out.contains(&format!("État {}", eur("558 633,00"))));
    // The State's share of action 1: 93 507 / 775 000 = 12,07 %.
    assert!(out.contains(&format!("État 12,07{NBSP}%")));
    // TOTAL FINANCIER declares 1 815 650: 40 000 too much.
    assert!(out.contains(&format!(
        "TOTAL FINANCIER (ligne 19) : total déclaré {}, calculé {} (écart {})",
        eur("1 815 650,00"),
        eur("1 775 650,00"),
        eur("40 000,00")
    )));
    assert!(out.contains("Avertissements (7)"));
    assert!(out.contains("même numéro que l'action de la ligne 11"));
}

#[test]
fn check_vienne_as_json() {
    let o = budget(&["check", &fixture("vienne-2024-solidarites.tsv"), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let j = json(&o);
    assert_eq!(j["source"], "table");
    assert_eq!(j["unreadable_cells"], serde_json::json!([]));
    // Amounts are exact decimal strings, as read ("93 507,00 €" keeps its cents).
    assert_eq!(j["grand"]["planned"]["total"], "1775650.00");
    assert_eq!(j["grand"]["planned"]["by_funder"][0], "558633.00");
    assert_eq!(j["groups"][2]["planned"]["total"], "180856.00");
    assert_eq!(j["warnings"].as_array().unwrap().len(), 7);
    let grand_f = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["label"] == "TOTAL FINANCIER" && w["figure"]["kind"] == "planned_total")
        .unwrap();
    assert_eq!(grand_f["declared"], "1815650.00");
    assert_eq!(grand_f["computed"], "1775650.00");
    assert_eq!(grand_f["difference"], "40000.00");
}

#[test]
fn check_creuse_prints_rates_and_breaches() {
    let o = budget(&["check", &fixture("creuse-2023-execution.tsv")]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    // Action 5: 543 042,59 / 251 278 = 216,11 %.
    assert!(
        out.contains(&format!("Taux de consommation : 216,11{NBSP}%")),
        "{out}"
    );
    // Action 8: excess 38 648 − 25 500 = 13 148; Département missing 26 296.
    assert!(out.contains(&format!("excédent de l'État {}", eur("13 148,00"))));
    assert!(out.contains(&format!(
        "crédits du Département manquants {}",
        eur("26 296,00")
    )));
    // Consommation totale 51 000 declared for 50 820.
    assert!(out.contains(&format!(
        "total exécuté déclaré {}, calculé {}",
        eur("51 000,00"),
        eur("50 820,00")
    )));
    // Two breaches (actions 8 and 11) and that executed total: three.
    assert!(out.contains("Avertissements (3)"), "{out}");
}

#[test]
fn settings_from_the_command_line() {
    let file = fixture("creuse-2023-execution.tsv");
    let breaches = |o: &Output| {
        json(o)["actions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| !a["co_financing"]["breach"].is_null())
            .map(|a| a["number"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // 50 %: actions 8 (75,8 %) and 11 (57,2 %).
    assert_eq!(breaches(&budget(&["check", &file, "--json"])), ["8", "11"]);
    // 60 %: action 8 only, excess 38 648 − 30 600 = 8 048.
    let o = budget(&["check", &file, "--json", "--state-max", "60"]);
    assert_eq!(breaches(&o), ["8"]);
    assert_eq!(json(&o)["settings"]["state_max_share"], "0.6");
    let a8 = json(&o)["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == "8")
        .cloned()
        .unwrap();
    assert_eq!(a8["co_financing"]["breach"]["state_excess"], "8048.0");
    // Exempting action 11 by its title, accents and case ignored.
    let o = budget(&[
        "check",
        &file,
        "--json",
        "--exempt",
        "SOUTIEN A L'ACQUISITION",
    ]);
    assert_eq!(breaches(&o), ["8"]);
}

#[test]
fn an_unreadable_cell_is_listed_and_everything_else_computed() {
    // Creuse with "12,5O" (a letter O) as action 4's State executed amount.
    let text = std::fs::read_to_string(fixture("creuse-2023-execution.tsv")).unwrap();
    let broken = text.replacen("32\u{A0}466", "12,5O", 1);
    assert_ne!(broken, text);
    let file = TempFile::new("unreadable.tsv", &broken);
    let o = budget(&["check", file.path()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("Cellules illisibles (1)"), "{out}");
    assert!(out.contains("ligne 3"));
    assert!(out.contains("« 12,5O »"));
    // The rest is still there: action 5's rate.
    assert!(out.contains(&format!("216,11{NBSP}%")));
    let o = budget(&["check", file.path(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let cells = json(&o)["unreadable_cells"].clone();
    assert_eq!(cells[0]["row"], 3);
    assert_eq!(cells[0]["text"], "12,5O");
    assert!(cells[0]["message"]
        .as_str()
        .unwrap()
        .contains("montant illisible"));
}

#[test]
fn a_saved_convention_is_checked_too() {
    let text = std::fs::read_to_string(fixture("vienne-2024-solidarites.tsv")).unwrap();
    let conv = budget_core::read::read_table(&text).convention;
    let file = TempFile::new("saved.json", &budget_core::saved::to_json(&conv));
    let o = budget(&["check", file.path(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["source"], "saved");
    assert_eq!(j["grand"]["planned"]["total"], "1775650.00");
    // A saved file that cannot be loaded: its content is unreadable (1).
    let broken = TempFile::new("broken.json", "{ \"version\": 1, \"funders\": ");
    let o = budget(&["check", broken.path()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("JSON"));
}

#[test]
fn usage_errors_exit_with_2_and_the_usage() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["check", "/nonexistent/table.tsv"],
        &["check", "x.tsv", "--state-max", "150"],
        &["check", "x.tsv", "--nope"],
        &["tranches", "--amount", "1000"],
        &["tranches", "--amount", "douze", "--schedule", "60,40"],
        &["eval"],
    ] {
        let o = budget(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(stderr(&o).starts_with("budget : "), "{args:?}");
    }
    assert!(stderr(&budget(&["check"])).contains("Utilisation :"));
}

#[test]
fn help_is_in_french() {
    let o = budget(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("Utilisation :"));
    assert!(out.contains("Codes de sortie"));
    assert!(out.contains("--state-max"));
}

#[test]
fn tranches_of_the_vienne_aci_commitment() {
    // 70 % of 1 300 000 = 910 000, 30 % = 390 000; 202,5 posts × 6 417,84 = 1 299 612,60
    // achieved, 910 000 paid: balance 389 612,60.
    let o = budget(&[
        "tranches",
        "--amount",
        "1 300 000 €",
        "--schedule",
        "70/30",
        "--paid",
        "910 000",
        "--units",
        "202,5",
        "--unit-cost",
        "6 417,84",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains(&eur("910 000,00")), "{out}");
    assert!(out.contains(&eur("390 000,00")));
    assert!(out.contains(&format!("Réalisé : {}", eur("1 299 612,60"))));
    assert!(out.contains(&format!("Solde à verser : {}", eur("389 612,60"))));
}

#[test]
fn tranches_over_payment_and_json() {
    // 120 posts only: 770 140,80 due, 910 000 paid → 139 859,20 to refund.
    let o = budget(&[
        "tranches",
        "--amount",
        "1300000",
        "--schedule",
        "70,30",
        "--paid",
        "910000",
        "--due",
        "770 140,80",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let j = json(&o);
    assert_eq!(j["instalments"][0]["amount"], "910000");
    assert_eq!(j["instalments"][1]["amount"], "390000");
    assert_eq!(j["settlement"]["due"], "770140.80");
    assert_eq!(j["settlement"]["balance"], "-139859.20");
    assert_eq!(j["settlement"]["refund"], "139859.20");
    assert_eq!(j["issues"], serde_json::json!([]));
    let o = budget(&[
        "tranches",
        "--amount",
        "1300000",
        "--schedule",
        "70,30",
        "--paid",
        "910000",
        "--due",
        "770140,80",
    ]);
    assert!(stdout(&o).contains(&format!("Trop-perçu à reverser : {}", eur("139 859,20"))));
}

#[test]
fn tranches_three_thirds_and_a_rounded_advance() {
    // 3 × 33,33 % of 100 €: 33,33 + 33,33 + 33,34, flagged as adding up to 99,99 €.
    let o = budget(&[
        "tranches",
        "--amount",
        "100",
        "--schedule",
        "33,33;33,33;33,33",
        "--json",
    ]);
    let j = json(&o);
    let amounts: Vec<&str> = j["instalments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["amount"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, ["33.33", "33.33", "33.34"]);
    assert_eq!(j["issues"][0]["kind"], "does_not_add_up");
    assert_eq!(j["issues"][0]["difference"], "0.01");
    // 60 % of 100 000,01 = 60 000,006 → 60 000,01; balance 40 000,00.
    let o = budget(&["tranches", "--amount", "100 000,01", "--schedule", "60/40"]);
    let out = stdout(&o);
    assert!(out.contains(&eur("60 000,01")), "{out}");
    assert!(out.contains(&eur("40 000,00")));
}

#[test]
fn eval_prints_the_exact_value() {
    // 534,82 € a month × 12 = 6 417,84 €.
    let o = budget(&["eval", "=534,82*12"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("6{NNBSP}417,84\n"));
    // 1/3 with every digit a decimal holds.
    assert_eq!(
        stdout(&budget(&["eval", "1/3"])),
        "0,3333333333333333333333333333\n"
    );
    let o = budget(&["eval", "--json", "202,5*6417,84"]);
    assert_eq!(json(&o)["value"], "1299612.600");
    // Division by zero: the expression cannot be computed.
    let o = budget(&["eval", "1/0"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("division par zéro"));
}

#[test]
fn check_reads_spreadsheets_through_the_widgets_reader() {
    // The Vienne 2024 annex saved by LibreOffice as .xlsx, .xls and .ods: the
    // same grand total as the TSV, worked by hand from the action rows:
    // 558 633 + 681 524 + 535 493 = 1 775 650.
    for ext in ["xlsx", "xls", "ods"] {
        let path = format!(
            "{}/../budget-core/tests/data/vienne-libreoffice.{ext}",
            env!("CARGO_MANIFEST_DIR")
        );
        let out = budget(&["check", &path]);
        assert_eq!(out.status.code(), Some(0), "{ext}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains(&format!("total {}", eur("1 775 650,00"))),
            "{ext}: {text}"
        );
    }
}

#[test]
fn a_damaged_workbook_is_an_error_without_a_panic_message() {
    // The Vienne annex as .xls, cut after 519 bytes: calamine panics on it
    // (the reader turns that into an error), and the user sees only the error.
    let source = format!(
        "{}/../budget-core/tests/data/vienne-libreoffice.xls",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(source).expect("fixture");
    let path = std::env::temp_dir().join(format!("budget-cut-{}.xls", std::process::id()));
    std::fs::write(&path, &bytes[..519]).expect("write");
    let out = budget(&["check", path.to_str().expect("path")]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("fichier endommagé ou incomplet"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// An execution annex whose amounts name no funder
/// (`tests/fixtures/execution-2019-mesures.tsv`): planned 120 000 + 45 000 +
/// 80 000 + 30 500 + 12 250,40 = 287 750,40 €, executed 95 400,50 + 45 000 +
/// 62 350,25 + 33 120 + 0 = 235 870,75 €, rate 81,97 %, carry-over 54 499,65 €,
/// State revenue 60 000 + 40 000 = 100 000 €; no share, no breach, no slip.
#[test]
fn an_unsplit_execution_annex_is_read_for_its_own_amounts_and_the_guess_is_said() {
    let file = fixture("execution-2019-mesures.tsv");
    let o = budget(&["check", &file, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(doc["split"], false);
    assert_eq!(doc["grand"]["planned"]["total"], "287750.40");
    assert_eq!(doc["grand"]["executed"]["total"], "235870.75");
    assert_eq!(doc["grand"]["carry_over_requested"]["total"], "54499.65");
    assert_eq!(doc["grand"]["shares"], Value::Null);
    assert_eq!(doc["warnings"], serde_json::json!([]));
    assert_eq!(doc["received"][0]["from"], "state");
    assert_eq!(doc["received"][0]["amount"], "100000.00");
    assert_eq!(doc["assumptions"][0]["kind"], "unsplit");
    let message = doc["assumptions"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("sans répartition entre financeurs"),
        "{message}"
    );

    let text = stdout(&budget(&["check", &file]));
    assert!(text.contains("Lecture supposée"), "{text}");
    assert!(text.contains("financeurs : aucun (montants non répartis par financeur)"));
    assert!(
        text.contains(&format!("Prévu : {}", eur("287 750,40"))),
        "{text}"
    );
    assert!(
        text.contains(&format!("Taux de consommation : {}", "81,97\u{a0}%")),
        "{text}"
    );
    assert!(
        text.contains(&format!("État : {}", eur("100 000,00"))),
        "{text}"
    );
    assert!(!text.contains("Cofinancement"), "{text}");

    // One flag for the other reading: the convention column as the State's.
    let other = json(&budget(&["check", &file, "--json", "--other-reading"]));
    assert_eq!(other["split"], true);
    assert_eq!(other["grand"]["planned"]["by_funder"][0], "287750.40");
    assert_eq!(other["other_reading"][0]["kind"], "unsplit");
    assert_eq!(other["assumptions"], serde_json::json!([]));
}

/// `--state-max` reads a share as the widget does: 0,5, 50 and 50 % alike.
#[test]
fn the_maximum_state_share_reads_the_same_in_every_form() {
    let file = fixture("vienne-2024-solidarites.tsv");
    let share = |v: &str| {
        json(&budget(&["check", &file, "--json", "--state-max", v]))["settings"]["state_max_share"]
            .clone()
    };
    assert_eq!(share("0,5"), "0.5");
    assert_eq!(share("50"), "0.5");
    assert_eq!(share("50 %"), "0.5");
}

/// Every layout fixture through `budget check --json`: its grand total
/// (worked by hand in `budget-core/tests/read_layout_fixtures.rs`), whether
/// its amounts are split, the guesses said, and no slip that is not in it.
#[test]
fn every_layout_fixture_reads_right_or_says_what_it_guessed() {
    let cases = [
        // file, planned total, split, guesses, exit status
        (
            "layout-annees-sans-financeur.tsv",
            "4823950.50",
            false,
            &["unsplit", "title_column"][..],
            0,
        ),
        (
            "layout-lignes-groupe-sous-total.tsv",
            "99000.00",
            true,
            &["group_rows_with_subtotal"][..],
            0,
        ),
        (
            "layout-departement-etat.tsv",
            "150000",
            true,
            &["title_column"][..],
            0,
        ),
        (
            "layout-intitule-sans-entete.tsv",
            "32500.00",
            true,
            &["title_column"][..],
            0,
        ),
        (
            "layout-entetes-au-milieu.tsv",
            "419507",
            true,
            &["title_column", "header_row_inside"][..],
            0,
        ),
        ("layout-deux-montants.tsv", "132000", true, &[][..], 1),
        ("layout-ap-cp.tsv", "3250000.00", false, &["unsplit"][..], 0),
        (
            "vienne-2024-conseil-axes.tsv",
            "1214759",
            true,
            &["title_column", "groups_from_subtotals"][..],
            0,
        ),
    ];
    for (file, total, split, guesses, status) in cases {
        let o = budget(&["check", &fixture(file), "--json"]);
        assert_eq!(o.status.code(), Some(status), "{file}: {}", stderr(&o));
        let doc = json(&o);
        assert_eq!(doc["grand"]["planned"]["total"], total, "{file}");
        assert_eq!(doc["split"], split, "{file}");
        let kinds: Vec<&str> = doc["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, guesses, "{file}");
        assert_eq!(doc["warnings"], serde_json::json!([]), "{file}");
    }
}

/// `bytes` written as the file `name` in a directory of its own (`tag`) under
/// the system's temporary directory: gives the directory and the file's path.
fn temp_file(tag: &str, name: &str, bytes: &[u8]) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("budget-cli-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn a_report_as_a_pdf_gives_the_figures_of_its_text() {
    // Made by LibreOffice, as the core's PDF tests make it.
    let bytes = support::fixture_as_pdf("creuse-2023-rapport-execution.txt");
    let (dir, pdf) = temp_file("pdf", "rapport.pdf", &bytes);
    let o = budget(&["check", pdf.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // State 330 873 = Département 330 873 (the sums are worked in
    // crates/budget-core/tests/read_report.rs); 330 873 × 2 = 661 746.
    let grand = format!(
        "Prévu : État {} · Département {} · total {}",
        eur("330 873,00"),
        eur("330 873,00"),
        eur("661 746,00")
    );
    assert!(out.contains(&grand), "{out}");
    // Action 8: « Consommation totale : 51 000€ », 38 468 + 12 352 = 50 820.
    assert!(
        out.contains(&format!(
            "total exécuté déclaré {}, calculé {}",
            eur("51 000,00"),
            eur("50 820,00")
        )),
        "{out}"
    );
}

#[test]
fn a_pdf_that_is_no_pdf_is_unreadable_not_a_crash() {
    let (dir, bad) = temp_file("bad-pdf", "rapport.pdf", b"%PDF-1.4\n\x00\x01\x02 tronque");
    let o = budget(&["check", bad.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("PDF illisible : fichier endommagé"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The Creuse 2023 execution report's text, piped whole into `budget check
/// -`: its action blocks read, with the line of every amount and the amounts
/// of sentences left for the user.
///
/// State: 110 239 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000 + 1 789 +
/// 38 648 + 21 500 + 7 400 + 17 831 = 330 873. Département: 141 039 +
/// 32 466 + 60 000 + 18 000 + 12 000 + 11 000 + 1 789 + 12 352 + 21 500 +
/// 7 400 + 13 327 = 330 873. Action 8 declares a consumption of 51 000 € for
/// 38 468 + 12 352 = 50 820 executed.
#[test]
fn report_text_piped_in_gives_the_figures_of_its_blocks() {
    use std::io::Write;
    let text = std::fs::read(fixture("creuse-2023-rapport-execution.txt")).unwrap();
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_budget"))
            .args(args)
            .env_remove("BUDGET_LANG")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&text).unwrap();
        child.wait_with_output().unwrap()
    };
    let o = run(&["check", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let grand = format!(
        "Prévu : État {} · Département {} · total {}",
        eur("330 873,00"),
        eur("330 873,00"),
        eur("661 746,00")
    );
    assert!(out.contains(&grand), "{out}");
    assert!(
        out.contains("- ligne 80 : « Report Etat 2021 » 24 600 € → Report N-1 — État (action 5)"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "total exécuté déclaré {}, calculé {}",
            eur("51 000,00"),
            eur("50 820,00")
        )),
        "{out}"
    );
    assert!(
        out.contains("Montants au sens incertain, non comptés (6)"),
        "{out}"
    );
    assert!(out.contains("- ligne 1341 : 3 110€ (action 11)"), "{out}");

    let doc = json(&run(&["check", "-", "--json"]));
    let figures = doc["report_text"]["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 76);
    assert_eq!(figures[1]["line"], 80);
    assert_eq!(figures[1]["words"], "Report Etat 2021");
    assert_eq!(doc["report_text"]["uncertain"][0]["line"], 1153);
}

/// Text of a report holding no amount in euros is no table: refused with
/// the reason, exit 1.
#[test]
fn report_text_without_euros_is_refused_not_read_as_actions() {
    let file = TempFile::new(
        "bilan.txt",
        "Bilan de l'action\n\nPersonnes accompagnées : 120\n",
    );
    let o = budget(&["check", file.path()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("Rien dans ce texte ne ressemble à un tableau d'actions"),
        "{err}"
    );
    assert!(err.contains("« Personnes accompagnées : 120 »"), "{err}");
    assert_eq!(stdout(&o), "");
    let doc = json(&budget(&["check", file.path(), "--json"]));
    assert_eq!(doc["refused"]["report_line"][0], 3);
}

/// The SCDL metadata of the Vienne annex, the Département attributing.
const SCDL_META: &str = r#"{
  "nomAttribuant": "Département de la Vienne",
  "idAttribuant": "228 600 011 00016",
  "dateConvention": "2024-06-27",
  "nomBeneficiaire": "Association Les Petits Débrouillards",
  "id_beneficiaire": "38047555800058",
  "datesPeriodeVersement": "2024-06-27/2024-12-31"
}"#;

#[test]
fn export_scdl_of_the_departement_subsidies() {
    let meta = TempFile::new("meta.json", SCDL_META);
    let o = budget(&[
        "export",
        &fixture("vienne-2024-solidarites.tsv"),
        "--format",
        "scdl",
        "--meta",
        meta.path(),
        "--pourcentage-subvention",
        "0,45",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert!(lines[0].starts_with("nomAttribuant,idAttribuant,dateConvention,"));
    // The Département's amount of action 1 is 146 000; 13 actions of 14 (action
    // 13 has no Département money), then "" after the last CRLF.
    assert_eq!(
        lines[1],
        "Département de la Vienne,22860001100016,2024-06-27,,Association Les Petits \
         Débrouillards,38047555800058,,Crèche familiale préventive,146000.00,aide en \
         numéraire,échelonné,2024-06-27/2024-12-31,,non,0.45,"
    );
    assert_eq!(lines.len(), 1 + 13 + 1);
    // The State attributing: action 1's State amount, 93 507.
    let o = budget(&[
        "export",
        &fixture("vienne-2024-solidarites.tsv"),
        "--format=scdl",
        "--meta",
        meta.path(),
        "--attribuant",
        "etat",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(",Crèche familiale préventive,93507.00,"));
}

#[test]
fn export_scdl_is_refused_with_everything_missing_or_wrong() {
    let meta = TempFile::new("meta-bad.json", SCDL_META);
    let out = std::env::temp_dir().join(format!("budget-cli-{}-refused.csv", std::process::id()));
    let o = budget(&[
        "export",
        &fixture("vienne-2024-solidarites.tsv"),
        "--format",
        "scdl",
        "--meta",
        meta.path(),
        // 228 600 011 00016 with its last digit changed: a wrong Luhn key.
        "--id-attribuant",
        "22860001100017",
        "--date-convention",
        "27/06/2024",
        "--nom-beneficiaire",
        " ",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(!out.exists(), "nothing is written");
    let err = stderr(&o);
    assert!(err.contains("export refusé, rien n'a été écrit"), "{err}");
    assert!(err.contains("- idAttribuant : « 22860001100017 » invalide (SIRET inexistant"));
    assert!(err.contains("- dateConvention : « 27/06/2024 » invalide (date AAAA-MM-JJ attendue)"));
    assert!(err.contains("- nomBeneficiaire : absent"));
    // A key of the metadata file that is no SCDL column is a usage error.
    let typo = TempFile::new("meta-typo.json", r#"{ "idAtribuant": "1" }"#);
    let o = budget(&[
        "export",
        &fixture("vienne-2024-solidarites.tsv"),
        "--format",
        "scdl",
        "--meta",
        typo.path(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("clé inconnue « idAtribuant »"));
}

#[test]
fn export_csv_xlsx_and_json_through_the_core() {
    let vienne = fixture("vienne-2024-solidarites.tsv");
    let o = budget(&["export", &vienne, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0));
    let csv = stdout(&o);
    assert!(csv.starts_with('\u{FEFF}'));
    // A 558 633 + B 681 524 + C 535 493 = 1 775 650.
    assert!(csv.contains(";Total général;;558633,00;681524,00;535493,00;1775650,00\r\n"));
    // The saved convention opens again with the same grand total.
    let o = budget(&["export", &vienne, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let saved = TempFile::new("saved-export.json", &stdout(&o));
    let o = budget(&["check", saved.path(), "--json"]);
    assert_eq!(json(&o)["grand"]["planned"]["total"], "1775650.00");
    // The workbook: to a file only.
    let o = budget(&["export", &vienne, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format xlsx demande -o"));
    let xlsx = TempFile::new("annexe.xlsx", "");
    let o = budget(&["export", &vienne, "--format", "xlsx", "-o", xlsx.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = budget(&["check", xlsx.path(), "--json"]);
    // A workbook's numbers carry no written decimals: 1775650, the same amount.
    assert_eq!(json(&o)["grand"]["planned"]["total"], "1775650");
}

#[test]
fn export_refuses_a_table_with_an_unreadable_cell() {
    let text = std::fs::read_to_string(fixture("vienne-2024-solidarites.tsv")).unwrap();
    let broken = text.replacen("93\u{202F}507,00", "93 5O7,00", 1);
    assert_ne!(broken, text);
    let file = TempFile::new("unreadable-export.tsv", &broken);
    let o = budget(&["export", file.path(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("- 1 cellule illisible : l'export perdrait son montant"),
        "{err}"
    );
    assert!(
        err.contains("ligne 2, colonne « A - Participations"),
        "{err}"
    );
    assert!(err.contains("« 93 5O7,00"), "{err}");
    assert!(err.contains("» — montant illisible"), "{err}");
}

/// A folder in the temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("budget-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Two annexes (the Creuse one in a sub-folder), a damaged workbook and a
/// file the command does not read.
fn folder_of_annexes(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    std::fs::create_dir_all(dir.0.join("creuse")).unwrap();
    std::fs::copy(
        fixture("creuse-2023-execution.tsv"),
        dir.0.join("creuse/creuse-2023-execution.tsv"),
    )
    .unwrap();
    std::fs::copy(
        fixture("vienne-2024-solidarites.tsv"),
        dir.0.join("vienne-2024.tsv"),
    )
    .unwrap();
    std::fs::write(dir.0.join("endommage.xlsx"), b"PK\x03\x04 not a workbook").unwrap();
    std::fs::write(dir.0.join("notes.txt"), "skipped").unwrap();
    dir
}

#[test]
fn check_a_folder_one_block_per_file_then_the_summary() {
    let dir = folder_of_annexes("many");
    let summary = dir.0.join("synthese.csv");
    let o = budget(&[
        "check",
        dir.path(),
        "--summary-csv",
        summary.to_str().unwrap(),
    ]);
    // The damaged workbook: exit 1, the other two still checked.
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let creuse = format!("{}/creuse/creuse-2023-execution.tsv", dir.path());
    let damaged = format!("{}/endommage.xlsx", dir.path());
    let vienne = format!("{}/vienne-2024.tsv", dir.path());
    // Sorted paths; notes.txt skipped.
    let a = out.find(&format!("Fichier 1/3 : {creuse}\n")).unwrap();
    let b = out.find(&format!("Fichier 2/3 : {damaged}\n")).unwrap();
    let c = out.find(&format!("Fichier 3/3 : {vienne}\n")).unwrap();
    assert!(a < b && b < c);
    assert!(!out.contains("notes.txt"));
    // Two blocks: the single-file output of each readable annex.
    assert_eq!(out.matches("\nConvention : ").count(), 2, "{out}");
    let single = stdout(&budget(&["check", &vienne]));
    assert!(out.contains(&single));
    assert!(out.contains("Fichier illisible : classeur XLSX illisible"));
    assert!(stderr(&o).contains(&format!("budget : {damaged} : classeur XLSX illisible")));

    let table = &out[out.find("Synthèse : 3 fichiers, dont 1 illisible").unwrap()..];
    let line = |file: &str| table.lines().find(|l| l.starts_with(file)).unwrap();
    // Vienne: A 558 633, B 681 524, C 535 493, F 1 775 650; the State's
    // share 558 633 / 1 775 650 = 0,31460… → 31,46 %; no breach, 7 warnings.
    let v: Vec<&str> = line(&vienne).split(" | ").map(str::trim).collect();
    assert_eq!(
        v[1..],
        [
            "14".to_string(),
            eur("558 633,00"),
            eur("681 524,00"),
            eur("535 493,00"),
            eur("1 775 650,00"),
            format!("31,46{NBSP}%"),
            "0".into(),
            "7".into(),
            "0".into(),
        ]
    );
    // Creuse: State 110 239 + 32 466 + 60 000 + 18 000 + 12 000 + 11 000 +
    // 1 789 + 38 648 + 21 500 + 7 400 + 17 831 = 330 873, the Département
    // the same, 661 746 in all, 50 %; no other funder; actions 8 and 11
    // outside the rule.
    let c: Vec<&str> = line(&creuse).split(" | ").map(str::trim).collect();
    assert_eq!(c[1], "11");
    assert_eq!(c[2], eur("330 873,00"));
    assert_eq!(c[3], eur("330 873,00"));
    assert_eq!(c[4], "—");
    assert_eq!(c[5], eur("661 746,00"));
    assert_eq!(c[6], format!("50,00{NBSP}%"));
    assert_eq!(c[7], "2");
    assert!(line(&damaged).contains("illisible : classeur XLSX illisible"));

    // Creuse's 3 warnings: action 8's executed total (38 468 + 12 352 =
    // 50 820, declared 51 000) and actions 8 and 11 outside the rule.
    let csv = std::fs::read_to_string(&summary).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "\u{FEFF}Fichier;Lecture;Actions;État;Département;Autres financeurs;Total;\
         Part de l'État (%);Actions hors règle de cofinancement;Avertissements;Cellules illisibles"
    );
    assert_eq!(
        rows[1],
        format!("{creuse};lu;11;330873,00;330873,00;;661746,00;50,00;2;3;0")
    );
    assert!(rows[2].starts_with(&format!("{damaged};\"illisible : classeur XLSX")));
    assert_eq!(
        rows[3],
        format!("{vienne};lu;14;558633,00;681524,00;535493,00;1775650,00;31,46;0;7;0")
    );
}

#[test]
fn check_many_as_one_json_document() {
    let dir = folder_of_annexes("many-json");
    let vienne = format!("{}/vienne-2024.tsv", dir.path());
    let damaged = format!("{}/endommage.xlsx", dir.path());
    let o = budget(&["check", &vienne, &damaged, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let j = json(&o);
    let files = j["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], damaged.as_str());
    assert!(files[0]["unreadable"]
        .as_str()
        .unwrap()
        .starts_with("classeur XLSX illisible"));
    assert_eq!(files[1]["grand"]["planned"]["total"], "1775650.00");
    assert_eq!(j["summary"]["files"], 2);
    assert_eq!(j["summary"]["unreadable_files"], 1);
    let row = &j["summary"]["rows"][1];
    assert_eq!(row["total"], "1775650.00");
    assert_eq!(row["funders"][1]["name"], "Département");
    assert_eq!(row["funders"][1]["planned"], "681524.00");
    assert_eq!(row["co_financing_breaches"], 0);
    // A file that does not exist is one unreadable file among others.
    let o = budget(&["check", &vienne, "absent.tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Fichier illisible : impossible d'ouvrir « absent.tsv »"));
}

#[test]
fn check_consolidate_takes_the_conventions_together() {
    let dir = folder_of_annexes("consolidate");
    let o = budget(&["check", "--consolidate", dir.path()]);
    // The damaged workbook is listed; the two others are consolidated.
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("Consolidation : 2 conventions\n"), "{out}");
    // État 558 633 + 330 873 = 889 506; Département 681 524 + 330 873 =
    // 1 012 397; others 535 493; total 1 775 650 + 661 746 = 2 437 396.
    assert!(out.contains(&format!(
        "Prévu : État {} · Département {} · Autres financeurs {} · total {}\n",
        eur("889 506,00"),
        eur("1 012 397,00"),
        eur("535 493,00"),
        eur("2 437 396,00")
    )));
    // Vienne's part: 1 775 650 / 2 437 396 = 72,85 %; Creuse's 27,15 %.
    assert!(out.contains(&format!("{} (72,85{NBSP}% du total)", eur("1 775 650,00"))));
    assert!(out.contains(&format!("{} (27,15{NBSP}% du total)", eur("661 746,00"))));
    // Creuse's actions 8 and 11 break the rule.
    assert!(out.contains("RÈGLE NON RESPECTÉE pour 2 actions"));
    assert!(out.contains("Fichiers illisibles (1)"));
    let o = budget(&["check", "--consolidate", dir.path(), "--json"]);
    let j = json(&o);
    assert_eq!(j["consolidation"]["planned"]["total"], "2437396.00");
    assert_eq!(
        j["consolidation"]["conventions"][0]["co_financing_breaches"],
        2
    );
    assert_eq!(j["unreadable_files"].as_array().unwrap().len(), 1);
}
