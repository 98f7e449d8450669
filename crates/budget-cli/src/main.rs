//! `budget`: the calculator from the terminal, a thin shell over `budget-core`.
//!
//! Every figure comes from [`budget_core::report::compute`],
//! [`budget_core::tranches`] or [`budget_core::expr::eval`]; this crate only
//! reads the arguments and the file, and prints. Every text it prints is in
//! the core's table ([`budget_core::messages::Msg`], its `Cli…` section), in
//! French or, with `--lang en` (or `BUDGET_LANG=en`), English; `Msg::CliUsage`
//! (`budget --help`) lists the commands and the exit status.

#![forbid(unsafe_code)]

mod args;
mod consolidated;
mod export;
mod input;
mod lang;
mod many;
mod render;

use std::io::Write;
use std::process::ExitCode;

use budget_core::messages::Msg;
use budget_core::money::{format_number, Lang};
use budget_core::read::{Assumption, CellError, ReportReading};
use budget_core::report::{self, Report};
use budget_core::tranches::{self, InstalmentAmount, ScheduleIssue, Settlement};
use budget_core::{expr, Decimal};
use serde::Serialize;

use args::{Achieved, CheckArgs, Command, ExportArgs, TranchesArgs};

/// Everything was read (warnings allowed).
pub(crate) const OK: u8 = 0;
/// Some cells (or the expression, or the saved file) could not be read.
pub(crate) const UNREADABLE: u8 = 1;
/// Usage error.
pub(crate) const USAGE: u8 = 2;

/// Writes to stdout; a closed pipe (`budget check … | head`) is not an error.
pub(crate) fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

pub(crate) fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `budget : {message}` and a new line, for stderr.
pub(crate) fn said(lang: Lang, message: &str) -> String {
    let mut text = Msg::CliPrefix.fill(lang, &[("message", &message)]);
    text.push('\n');
    text
}

/// `{file} : {message}`.
pub(crate) fn at_file(lang: Lang, file: &str, message: &str) -> String {
    Msg::CliAtFile.fill(lang, &[("file", &file), ("message", &message)])
}

pub(crate) fn json<T: Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // Every value here is plain data with string keys: this cannot fail.
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let env_lang = std::env::var("BUDGET_LANG").ok();
    let (lang, command) = args::parse(&argv, env_lang.as_deref());
    let code = match command {
        Ok(Command::Help) => {
            print(Msg::CliUsage.text(lang));
            OK
        }
        Ok(Command::Version) => {
            print(&format!("budget {}\n", env!("CARGO_PKG_VERSION")));
            OK
        }
        Ok(Command::Check(a)) => check(&a, lang),
        Ok(Command::Tranches(a)) => tranches_command(&a, lang),
        Ok(Command::Export(a)) => export_command(&a, lang),
        Ok(Command::Eval { expression, json }) => eval(&expression, json, lang),
        Err(message) => {
            eprint(&format!(
                "{}\n{}",
                said(lang, &message),
                Msg::CliUsage.text(lang)
            ));
            USAGE
        }
    };
    ExitCode::from(code)
}

/// The JSON of `budget check`: the report's fields, plus where it came from
/// and the cells that could not be read.
#[derive(Serialize)]
struct CheckJson<'a> {
    file: &'a str,
    /// `table` (TSV/CSV) or `saved` (a saved convention).
    source: &'static str,
    unreadable_cells: Vec<UnreadableCell<'a>>,
    /// What the reader guessed, with the other reading (`--other-reading`).
    assumptions: Vec<AssumptionJson<'a>>,
    /// The guesses whose other reading was taken.
    other_reading: Vec<AssumptionJson<'a>>,
    /// The amounts read from the text of a report, with their lines, and
    /// those of uncertain meaning.
    #[serde(skip_serializing_if = "Option::is_none")]
    report_text: Option<&'a ReportReading>,
    #[serde(flatten)]
    report: &'a Report,
}

#[derive(Serialize)]
struct AssumptionJson<'a> {
    #[serde(flatten)]
    assumption: &'a Assumption,
    message: String,
    other_reading: String,
}

impl<'a> AssumptionJson<'a> {
    fn of(assumption: &'a Assumption, lang: Lang) -> Self {
        Self {
            assumption,
            message: assumption.message(lang),
            other_reading: assumption.alternative_label(lang),
        }
    }
}

#[derive(Serialize)]
struct UnreadableCell<'a> {
    #[serde(flatten)]
    cell: &'a CellError,
    message: String,
}

/// One file checked: what `budget check FILE` prints, and its row of the
/// summary.
pub struct Checked {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
    pub row: many::Row,
}

fn check(a: &CheckArgs, lang: Lang) -> u8 {
    let paths = match many::paths(&a.files, lang) {
        Ok(p) => p,
        Err(message) => {
            eprint(&said(lang, &message));
            return USAGE;
        }
    };
    if a.consolidate {
        return consolidated::consolidate_all(&paths, a, lang);
    }
    if !paths.many {
        // One file: the output of `budget check FILE`, byte for byte.
        let Some(path) = paths.files.first() else {
            return USAGE;
        };
        let checked = check_file(path.as_str(), a, lang);
        eprint(&checked.stderr);
        print(&checked.stdout);
        let code = match &a.summary_csv {
            Some(out) => {
                write_summary(out, std::slice::from_ref(&checked.row), lang).unwrap_or(USAGE)
            }
            None => checked.code,
        };
        return code.max(checked.code);
    }
    many::check_all(&paths, a, lang)
}

/// Writes the summary CSV; `Err` after telling why it could not be written.
fn write_summary(out: &str, rows: &[many::Row], lang: Lang) -> Result<u8, ()> {
    match std::fs::write(out, many::summary_csv(rows, lang)) {
        Ok(()) => Ok(OK),
        Err(e) => {
            eprint(&cannot_write(lang, out, &e));
            Err(())
        }
    }
}

/// `budget : impossible d'écrire « {path} » : {reason}` and a new line.
pub(crate) fn cannot_write(lang: Lang, path: &str, reason: &std::io::Error) -> String {
    said(
        lang,
        &Msg::CliCannotWrite.fill(lang, &[("path", &path), ("reason", reason)]),
    )
}

/// Checks one file as `budget check FILE` does, into strings.
pub(crate) fn check_file(path: &str, a: &CheckArgs, lang: Lang) -> Checked {
    let mut stderr = String::new();
    let failed = |stderr: String, code: u8, reason: String| Checked {
        stdout: String::new(),
        stderr,
        code,
        row: many::Row::unreadable(path, reason),
    };
    let loaded = match input::load(path, a.other_reading, lang) {
        Ok(l) => l,
        Err(input::LoadFailure::Usage(message)) => {
            return failed(said(lang, &message), USAGE, message);
        }
        Err(input::LoadFailure::Unreadable(message)) => {
            return failed(
                said(lang, &at_file(lang, path, &message)),
                UNREADABLE,
                message,
            );
        }
    };
    if let Some(note) = &loaded.note {
        stderr.push_str(&said(lang, note));
    }
    if let Some(refusal) = &loaded.refused {
        let message = refusal.message(lang);
        let mut stdout = String::new();
        if a.json {
            stdout = json(&serde_json::json!({
                "file": path,
                "source": loaded.source,
                "refused": { "message": message, "report_line": refusal.report_line },
            }));
        } else {
            stderr.push_str(&said(lang, &at_file(lang, path, &message)));
        }
        return Checked {
            stdout,
            stderr,
            code: UNREADABLE,
            row: many::Row::unreadable(path, message),
        };
    }
    let mut conv = loaded.convention;
    if let Some(max) = a.state_max {
        conv.settings.state_max_share = max;
    }
    conv.settings.exemptions.extend(a.exempt.iter().cloned());
    let report = report::compute(&conv);
    let stdout = if a.json {
        let doc = CheckJson {
            file: path,
            source: loaded.source,
            unreadable_cells: loaded
                .cell_errors
                .iter()
                .map(|cell| UnreadableCell {
                    cell,
                    message: cell.message(lang),
                })
                .collect(),
            assumptions: loaded
                .assumptions
                .iter()
                .map(|x| AssumptionJson::of(x, lang))
                .collect(),
            other_reading: loaded
                .overruled
                .iter()
                .map(|x| AssumptionJson::of(x, lang))
                .collect(),
            report_text: loaded.report.as_ref(),
            report: &report,
        };
        json(&doc)
    } else {
        let reading = render::ReadingNotes {
            assumptions: &loaded.assumptions,
            overruled: &loaded.overruled,
            report: loaded.report.as_ref(),
        };
        render::report(&report, &loaded.cell_errors, path, &reading, lang)
    };
    Checked {
        stdout,
        stderr,
        code: if loaded.cell_errors.is_empty() {
            OK
        } else {
            UNREADABLE
        },
        row: many::Row::of(path, &report, loaded.cell_errors.len()),
    }
}

/// `budget export`: refused (exit status 1, nothing written) when a cell
/// could not be read, since the file would lack its amount, or when the SCDL
/// file would be invalid.
fn export_command(a: &ExportArgs, lang: Lang) -> u8 {
    let loaded = match input::load(&a.file, a.other_reading, lang) {
        Ok(l) => l,
        Err(input::LoadFailure::Usage(message)) => {
            eprint(&said(lang, &message));
            return USAGE;
        }
        Err(input::LoadFailure::Unreadable(message)) => {
            eprint(&said(lang, &at_file(lang, &a.file, &message)));
            return UNREADABLE;
        }
    };
    if let Some(note) = &loaded.note {
        eprint(&said(lang, note));
    }
    let refuse = |reasons: &[String]| {
        let refused = Msg::CliExportRefused.text(lang);
        let mut text = said(lang, &at_file(lang, &a.file, refused));
        for r in reasons {
            text.push_str(&format!("- {r}\n"));
        }
        eprint(&text);
        UNREADABLE
    };
    if let Some(refusal) = &loaded.refused {
        return refuse(&[refusal.message(lang)]);
    }
    if !loaded.cell_errors.is_empty() {
        let mut reasons = vec![match loaded.cell_errors.len() {
            1 => Msg::CliExportUnreadableCell.text(lang).to_string(),
            n => Msg::CliExportUnreadableCells.fill(lang, &[("n", &n)]),
        }];
        reasons.extend(loaded.cell_errors.iter().map(|c| c.message(lang)));
        return refuse(&reasons);
    }
    let bytes = match export::bytes(&loaded.convention, a, lang) {
        Ok(b) => b,
        Err(export::Refused::Usage(message)) => {
            eprint(&said(lang, &message));
            return USAGE;
        }
        Err(export::Refused::Content(reasons)) => return refuse(&reasons),
    };
    match a.output.as_deref() {
        None | Some("-") => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&bytes);
            let _ = stdout.flush();
        }
        Some(path) => {
            if let Err(e) = std::fs::write(path, &bytes) {
                eprint(&cannot_write(lang, path, &e));
                return USAGE;
            }
        }
    }
    OK
}

#[derive(Serialize)]
struct TranchesJson<'a> {
    amount: Decimal,
    instalments: &'a [InstalmentAmount],
    settlement: Option<&'a Settlement>,
    issues: Vec<IssueJson<'a>>,
}

#[derive(Serialize)]
struct IssueJson<'a> {
    #[serde(flatten)]
    issue: &'a ScheduleIssue,
    message: String,
}

fn tranches_command(a: &TranchesArgs, lang: Lang) -> u8 {
    let computed = (|| {
        let split = tranches::instalments(a.amount, &a.schedule)?;
        let issues = tranches::validate(a.amount, &a.schedule)?;
        let achieved = match &a.achieved {
            Some(Achieved::Spending(v)) => Some(*v),
            Some(Achieved::Units { units, unit_cost }) => Some(tranches::achieved_amount(
                &budget_core::Achievement::Units {
                    units: *units,
                    unit_cost: *unit_cost,
                },
            )?),
            None => None,
        };
        let settlement = if a.paid.is_some() || achieved.is_some() {
            Some(tranches::settle(
                a.amount,
                achieved,
                a.paid.unwrap_or(Decimal::ZERO),
            )?)
        } else {
            None
        };
        Ok::<_, budget_core::CalcError>((split, issues, settlement))
    })();
    let (split, issues, settlement) = match computed {
        Ok(v) => v,
        Err(e) => {
            eprint(&said(lang, &e.message(lang)));
            return USAGE;
        }
    };
    if a.json {
        let doc = TranchesJson {
            amount: a.amount,
            instalments: &split,
            settlement: settlement.as_ref(),
            issues: issues
                .iter()
                .map(|issue| IssueJson {
                    issue,
                    message: issue.message(lang),
                })
                .collect(),
        };
        print(&json(&doc));
    } else {
        print(&render::tranches(
            a.amount,
            &split,
            settlement.as_ref(),
            &issues,
            lang,
        ));
    }
    OK
}

#[derive(Serialize)]
struct EvalJson<'a> {
    expression: &'a str,
    value: Decimal,
}

/// Prints the exact value with every digit, in the notation of `lang`
/// (`=1/3` → `0,3333333333333333333333333333` in French).
fn eval(expression: &str, as_json: bool, lang: Lang) -> u8 {
    match expr::eval(expression) {
        Ok(value) => {
            if as_json {
                print(&json(&EvalJson { expression, value }));
            } else {
                print(&format!("{}\n", format_number(value, value.scale(), lang)));
            }
            OK
        }
        Err(e) => {
            let error = e.message(lang);
            eprint(&said(
                lang,
                &Msg::CliEvalError.fill(lang, &[("expression", &expression), ("error", &error)]),
            ));
            UNREADABLE
        }
    }
}
