//! `budget`: the calculator from the terminal, a thin shell over `budget-core`.
//!
//! Every figure comes from [`budget_core::report::compute`],
//! [`budget_core::tranches`] or [`budget_core::expr::eval`]; this crate only
//! reads the arguments and the file, and prints. See [`args::USAGE`] for the
//! commands and the exit status.

#![forbid(unsafe_code)]

mod args;
mod export;
mod input;
mod many;
mod render;

use std::io::Write;
use std::process::ExitCode;

use budget_core::money::{format_number, Lang};
use budget_core::read::{Assumption, CellError};
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
    let code = match args::parse(&argv) {
        Ok(Command::Help) => {
            print(args::USAGE);
            OK
        }
        Ok(Command::Version) => {
            print(&format!("budget {}\n", env!("CARGO_PKG_VERSION")));
            OK
        }
        Ok(Command::Check(a)) => check(&a),
        Ok(Command::Tranches(a)) => tranches_command(&a),
        Ok(Command::Export(a)) => export_command(&a),
        Ok(Command::Eval { expression, json }) => eval(&expression, json),
        Err(message) => {
            eprint(&format!("budget : {message}\n\n{}", args::USAGE));
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
    fn of(assumption: &'a Assumption) -> Self {
        Self {
            assumption,
            message: assumption.message(Lang::Fr),
            other_reading: assumption.alternative_label(Lang::Fr),
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

fn check(a: &CheckArgs) -> u8 {
    let paths = match many::paths(&a.files) {
        Ok(p) => p,
        Err(message) => {
            eprint(&format!("budget : {message}\n"));
            return USAGE;
        }
    };
    if a.consolidate {
        return many::consolidate_all(&paths, a);
    }
    if !paths.many {
        // One file: the output of `budget check FILE`, byte for byte.
        let Some(path) = paths.files.first() else {
            return USAGE;
        };
        let checked = check_file(path.as_str(), a);
        eprint(&checked.stderr);
        print(&checked.stdout);
        let code = match &a.summary_csv {
            Some(out) => write_summary(out, std::slice::from_ref(&checked.row)).unwrap_or(USAGE),
            None => checked.code,
        };
        return code.max(checked.code);
    }
    many::check_all(&paths, a)
}

/// Writes the summary CSV; `Err` after telling why it could not be written.
fn write_summary(out: &str, rows: &[many::Row]) -> Result<u8, ()> {
    match std::fs::write(out, many::summary_csv(rows)) {
        Ok(()) => Ok(OK),
        Err(e) => {
            eprint(&format!("budget : impossible d'écrire « {out} » : {e}\n"));
            Err(())
        }
    }
}

/// Checks one file as `budget check FILE` does, into strings.
pub(crate) fn check_file(path: &str, a: &CheckArgs) -> Checked {
    let mut stderr = String::new();
    let failed = |stderr: String, code: u8, reason: String| Checked {
        stdout: String::new(),
        stderr,
        code,
        row: many::Row::unreadable(path, reason),
    };
    let loaded = match input::load(path, a.other_reading) {
        Ok(l) => l,
        Err(input::LoadFailure::Usage(message)) => {
            return failed(format!("budget : {message}\n"), USAGE, message);
        }
        Err(input::LoadFailure::Unreadable(message)) => {
            return failed(
                format!("budget : {path} : {message}\n"),
                UNREADABLE,
                message,
            );
        }
    };
    if let Some(note) = &loaded.note {
        stderr.push_str(&format!("budget : {note}\n"));
    }
    if let Some(refusal) = &loaded.refused {
        let message = refusal.message(Lang::Fr);
        let mut stdout = String::new();
        if a.json {
            stdout = json(&serde_json::json!({
                "file": path,
                "source": loaded.source,
                "refused": { "message": message, "report_line": refusal.report_line },
            }));
        } else {
            stderr.push_str(&format!("budget : {path} : {message}\n"));
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
                    message: cell.to_string(),
                })
                .collect(),
            assumptions: loaded.assumptions.iter().map(AssumptionJson::of).collect(),
            other_reading: loaded.overruled.iter().map(AssumptionJson::of).collect(),
            report: &report,
        };
        json(&doc)
    } else {
        let reading = render::ReadingNotes {
            assumptions: &loaded.assumptions,
            overruled: &loaded.overruled,
        };
        render::report(&report, &loaded.cell_errors, path, &reading)
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
fn export_command(a: &ExportArgs) -> u8 {
    let loaded = match input::load(&a.file, a.other_reading) {
        Ok(l) => l,
        Err(input::LoadFailure::Usage(message)) => {
            eprint(&format!("budget : {message}\n"));
            return USAGE;
        }
        Err(input::LoadFailure::Unreadable(message)) => {
            eprint(&format!("budget : {} : {message}\n", a.file));
            return UNREADABLE;
        }
    };
    if let Some(note) = &loaded.note {
        eprint(&format!("budget : {note}\n"));
    }
    let refuse = |reasons: &[String]| {
        let mut text = format!(
            "budget : {} : export refusé, rien n'a été écrit :\n",
            a.file
        );
        for r in reasons {
            text.push_str(&format!("- {r}\n"));
        }
        eprint(&text);
        UNREADABLE
    };
    if let Some(refusal) = &loaded.refused {
        return refuse(&[refusal.message(Lang::Fr)]);
    }
    if !loaded.cell_errors.is_empty() {
        let mut reasons = vec![match loaded.cell_errors.len() {
            1 => "1 cellule illisible : l'export perdrait son montant".to_string(),
            n => format!("{n} cellules illisibles : l'export perdrait leurs montants"),
        }];
        reasons.extend(loaded.cell_errors.iter().map(ToString::to_string));
        return refuse(&reasons);
    }
    let bytes = match export::bytes(&loaded.convention, a) {
        Ok(b) => b,
        Err(export::Refused::Usage(message)) => {
            eprint(&format!("budget : {message}\n"));
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
                eprint(&format!("budget : impossible d'écrire « {path} » : {e}\n"));
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

fn tranches_command(a: &TranchesArgs) -> u8 {
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
            eprint(&format!("budget : {e}\n"));
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
                    message: issue.message(Lang::Fr),
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
        ));
    }
    OK
}

#[derive(Serialize)]
struct EvalJson<'a> {
    expression: &'a str,
    value: Decimal,
}

/// Prints the exact value, in French notation with every digit
/// (`=1/3` → `0,3333333333333333333333333333`).
fn eval(expression: &str, as_json: bool) -> u8 {
    match expr::eval(expression) {
        Ok(value) => {
            if as_json {
                print(&json(&EvalJson { expression, value }));
            } else {
                print(&format!(
                    "{}\n",
                    format_number(value, value.scale(), Lang::Fr)
                ));
            }
            OK
        }
        Err(e) => {
            eprint(&format!("budget : « {expression} » : {e}\n"));
            UNREADABLE
        }
    }
}
