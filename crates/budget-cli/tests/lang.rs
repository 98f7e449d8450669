//! `--lang en` (and `BUDGET_LANG`): the same command in English, the
//! expected text written by hand. French stays the default (the snapshots
//! and `cli.rs` check it).

use std::process::{Command, Output};

fn root() -> String {
    format!("{}/../..", env!("CARGO_MANIFEST_DIR"))
}

fn budget(args: &[&str], env_lang: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_budget"));
    command
        .current_dir(root())
        .args(args)
        .env_remove("BUDGET_LANG");
    if let Some(lang) = env_lang {
        command.env("BUDGET_LANG", lang);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn check_in_english() {
    let o = budget(
        &[
            "check",
            "--lang",
            "en",
            "tests/fixtures/layout-departement-etat.tsv",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let want = "\
Convention: tests/fixtures/layout-departement-etat.tsv
======================================================
2 actions, 0 groups; funders: État, Département
Co-financing rule: State share ≤ 50.00% of each action's cost

Assumed reading
===============
- No heading names the titles: the column “Action”, which holds text, is read as the actions' titles.
  Other reading, with --other-reading: Read this column as the action numbers

Actions
=======
Action 1 – Accueil des jeunes majeurs (row 2)
  Planned: État €40,000.00 · Département €60,000.00 · total €100,000.00
  Shares: État 40.00% · Département 60.00%
  Co-financing: State share 40.00% ≤ 50.00%: rule kept
Action 2 – Insertion par l'activité (row 3)
  Planned: État €25,000.00 · Département €25,000.00 · total €50,000.00
  Shares: État 50.00% · Département 50.00%
  Co-financing: State share 50.00% ≤ 50.00%: rule kept

Grand total
===========
  Planned: État €65,000.00 · Département €85,000.00 · total €150,000.00
  Shares: État 43.33% · Département 56.67%
  Actions outside the co-financing rule: 0

Warnings (0)
============
No inconsistency found.
";
    assert_eq!(text(&o.stdout), want);
    // BUDGET_LANG says the same, and --lang=en wherever it is.
    let env = budget(
        &["check", "tests/fixtures/layout-departement-etat.tsv"],
        Some("en"),
    );
    assert_eq!(text(&env.stdout), want);
    let inline = budget(
        &[
            "--lang=en",
            "check",
            "tests/fixtures/layout-departement-etat.tsv",
        ],
        Some("fr"),
    );
    assert_eq!(text(&inline.stdout), want);
}

#[test]
fn json_keys_stay_messages_change() {
    let o = budget(
        &[
            "check",
            "tests/fixtures/layout-departement-etat.tsv",
            "--json",
            "--lang",
            "en",
        ],
        None,
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["source"], "table");
    assert_eq!(
        doc["assumptions"][0]["other_reading"],
        "Read this column as the action numbers"
    );
}

#[test]
fn help_in_english() {
    let o = budget(&["--help", "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    assert!(
        out.starts_with(
            "budget — calculator of the State–Département budget conventions\n\nUsage:\n"
        ),
        "{out}"
    );
    assert!(out
        .contains("  Every command takes --lang fr|en (or BUDGET_LANG=en): the language of the\n"));
    assert!(out.contains("  2  usage error (unknown option, missing argument, file not found).\n"));
    assert!(!out.contains("Utilisation"), "{out}");
    // French by default, and its help tells about --lang.
    let fr = text(&budget(&["--help"], None).stdout);
    assert!(
        fr.starts_with("budget — calculateur des conventions"),
        "{fr}"
    );
    assert!(fr.contains(
        "  Toutes les commandes prennent --lang fr|en (ou BUDGET_LANG=en) : la langue\n"
    ));
}

#[test]
fn errors_in_english() {
    let o = budget(&["frobnicate", "--lang", "en"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with(
            "budget: unknown command “frobnicate”: check, export, tranches or eval\n\n\
             budget — calculator of the State–Département budget conventions\n"
        ),
        "{err}"
    );
    let o = budget(&["check", "no-such-file.tsv"], Some("en"));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).starts_with("budget: cannot open “no-such-file.tsv”: "),
        "{}",
        text(&o.stderr)
    );
    let o = budget(&["--lang", "en", "eval", "1/0"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "budget: “1/0”: division by zero (character 2)\n"
    );
    let o = budget(
        &["tranches", "--amount", "12,5O", "--schedule", "60,40"],
        Some("en"),
    );
    assert!(
        text(&o.stderr).starts_with("budget: --amount: “12,5O” is not a readable amount\n"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let o = budget(&["--lang", "de", "eval", "1"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("budget : --lang « de » inconnu : fr ou en\n"));
    let o = budget(&["eval", "1"], Some("xx"));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("budget : BUDGET_LANG « xx » inconnu : fr ou en\n"));
    // --lang wins over a wrong BUDGET_LANG; after --, it is the expression's.
    let o = budget(&["--lang", "en", "eval", "1/4"], Some("xx"));
    assert_eq!(text(&o.stdout), "0.25\n");
    assert_eq!(text(&budget(&["eval", "1/4"], None).stdout), "0,25\n");
}

#[test]
fn tranches_in_english() {
    let o = budget(
        &[
            "tranches",
            "--amount",
            "1000",
            "--schedule",
            "60,40",
            "--paid",
            "100",
            "--due",
            "900",
        ],
        Some("en"),
    );
    assert_eq!(
        text(&o.stdout),
        "\
Amount: €1,000.00
  Instalment 1 — Instalment 1 (60%): €600.00
  Instalment 2 — Instalment 2 (balance) (40%): €400.00
  Achieved: €900.00
  Amount due (achieved, capped at the commitment of €1,000.00): €900.00
  Already paid: €100.00
  Balance to pay: €800.00
"
    );
}
