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
const OK: u8 = 0;
/// Some cells (or the expression, or the saved file) could not be read.
const UNREADABLE: u8 = 1;
/// Usage error.
const USAGE: u8 = 2;

/// Writes to stdout; a closed pipe (`budget check … | head`) is not an error.
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn json<T: Serialize>(value: &T) -> String {
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

fn check(a: &CheckArgs) -> u8 {
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
    if let Some(refusal) = &loaded.refused {
        let message = refusal.message(Lang::Fr);
        if a.json {
            print(&json(&serde_json::json!({
                "file": a.file,
                "source": loaded.source,
                "refused": { "message": message, "report_line": refusal.report_line },
            })));
        } else {
            eprint(&format!("budget : {} : {message}\n", a.file));
        }
        return UNREADABLE;
    }
    let mut conv = loaded.convention;
    if let Some(max) = a.state_max {
        conv.settings.state_max_share = max;
    }
    conv.settings.exemptions.extend(a.exempt.iter().cloned());
    let report = report::compute(&conv);
    if a.json {
        let doc = CheckJson {
            file: &a.file,
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
        print(&json(&doc));
    } else {
        let reading = render::ReadingNotes {
            assumptions: &loaded.assumptions,
            overruled: &loaded.overruled,
        };
        print(&render::report(
            &report,
            &loaded.cell_errors,
            &a.file,
            &reading,
        ));
    }
    if loaded.cell_errors.is_empty() {
        OK
    } else {
        UNREADABLE
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
