//! `budget check FILE… | DIR`: many annexes, one block each (the output of
//! `budget check FILE`, headed by the file's name), then a summary table;
//! `--json` as one document, `--summary-csv` the summary for a spreadsheet.
//! Every figure of the summary is a figure of the file's report
//! ([`budget_core::report::compute`]); nothing is added up here. The
//! consolidation (`--consolidate`) is in `consolidated.rs`.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use budget_core::messages::Msg;
use budget_core::money::{format_eur, format_percent};
use budget_core::report::Report;
use budget_core::{Decimal, FunderKind, Lang};
use rust_decimal::RoundingStrategy;
use serde::Serialize;

use crate::args::CheckArgs;
use crate::{cannot_write, check_file, eprint, print, OK, UNREADABLE, USAGE};

/// The extensions read in a folder; other files are skipped.
const READ: [&str; 7] = ["xlsx", "xls", "ods", "csv", "tsv", "pdf", "json"];

/// What to check.
pub struct Paths {
    /// Sorted; a folder's files with one of [`READ`]'s extensions.
    pub files: Vec<String>,
    /// Folders that could not be listed, with the reason.
    pub broken: Vec<(String, String)>,
    /// More than one file, or a folder: the blocks and the summary.
    pub many: bool,
}

/// The files named and those of the folders named, recursively, sorted.
pub fn paths(args: &[String], lang: Lang) -> Result<Paths, String> {
    let mut out = Paths {
        files: Vec::new(),
        broken: Vec::new(),
        many: args.len() > 1,
    };
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            out.many = true;
            walk(path, &mut out, lang);
        } else {
            out.files.push(arg.clone());
        }
    }
    out.files.sort();
    out.files.dedup();
    if out.files.is_empty() && out.broken.is_empty() {
        return Err(Msg::CliNoFileToRead.fill(
            lang,
            &[
                ("extensions", &READ.join(", ")),
                ("paths", &args.join(", ")),
            ],
        ));
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Paths, lang: Lang) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.broken.push((
                dir.display().to_string(),
                Msg::CliFolderUnreadable.fill(lang, &[("reason", &e)]),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, lang);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| READ.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.files.push(path.display().to_string());
        }
    }
}

/// One line of the summary: a file's figures, or why it could not be read.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub file: String,
    /// Why the file could not be read (or was refused); `None` when read.
    pub problem: Option<String>,
    pub actions: usize,
    /// The grand total planned per funder (none when the table does not
    /// split its amounts by funder).
    pub funders: Vec<FunderTotal>,
    /// The grand total planned; `None` when it cannot be computed.
    pub total: Option<Decimal>,
    /// The State's share of the grand total.
    pub state_share: Option<Decimal>,
    /// Actions outside the co-financing rule (`None`: not applicable).
    pub co_financing_breaches: Option<usize>,
    pub warnings: usize,
    pub unreadable_cells: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct FunderTotal {
    pub name: String,
    pub planned: Decimal,
}

impl Row {
    pub fn unreadable(file: &str, reason: String) -> Self {
        Self {
            file: file.to_string(),
            problem: Some(reason),
            actions: 0,
            funders: Vec::new(),
            total: None,
            state_share: None,
            co_financing_breaches: None,
            warnings: 0,
            unreadable_cells: 0,
        }
    }

    pub fn of(file: &str, r: &Report, unreadable_cells: usize) -> Self {
        let planned = r.grand.planned.as_ref();
        let funders = match planned {
            Some(p) if r.split => r
                .funders
                .iter()
                .zip(&p.by_funder)
                .map(|(f, v)| FunderTotal {
                    name: f.name.clone(),
                    planned: *v,
                })
                .collect(),
            _ => Vec::new(),
        };
        let state = r.funders.iter().position(|f| f.kind == FunderKind::State);
        let state_share = match (&r.grand.shares, state) {
            (Some(shares), Some(i)) if r.split => shares.get(i).copied(),
            _ => None,
        };
        let breaches = r
            .actions
            .iter()
            .filter(|a| a.co_financing.as_ref().is_some_and(|c| c.breach.is_some()))
            .count();
        Self {
            file: file.to_string(),
            problem: None,
            actions: r.actions.len(),
            funders,
            total: planned.map(|p| p.total),
            state_share,
            co_financing_breaches: r.split.then_some(breaches),
            warnings: r.warnings.len(),
            unreadable_cells,
        }
    }
}

/// The funders' names of all the rows, in the order they first appear.
fn funder_names(rows: &[Row]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for row in rows {
        for f in &row.funders {
            if !names.contains(&f.name.as_str()) {
                names.push(&f.name);
            }
        }
    }
    names
}

fn planned_of<'a>(row: &'a Row, name: &str) -> Option<&'a Decimal> {
    row.funders
        .iter()
        .find(|f| f.name == name)
        .map(|f| &f.planned)
}

/// Shown on stderr while many files are read, once it has taken more than a
/// second, and only on a terminal.
struct Progress {
    start: Instant,
    last: Option<Instant>,
    terminal: bool,
    lang: Lang,
}

impl Progress {
    fn new(lang: Lang) -> Self {
        Self {
            start: Instant::now(),
            last: None,
            terminal: std::io::stderr().is_terminal(),
            lang,
        }
    }

    fn tick(&mut self, done: usize, total: usize) {
        if !self.terminal || self.start.elapsed() < Duration::from_secs(1) {
            return;
        }
        if self
            .last
            .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(Instant::now());
        let text = Msg::CliProgress.fill(self.lang, &[("done", &done), ("total", &total)]);
        eprint(&format!("\r{text}"));
    }

    /// Clears the progress line before anything else is written on stderr.
    fn clear(&mut self) {
        if self.last.take().is_some() {
            eprint("\r\x1b[K");
        }
    }
}

/// Checks every file; prints the blocks as they come, then the summary.
pub fn check_all(paths: &Paths, a: &CheckArgs, lang: Lang) -> u8 {
    let total = paths.files.len().saturating_add(paths.broken.len());
    let mut rows: Vec<Row> = paths
        .broken
        .iter()
        .map(|(dir, reason)| Row::unreadable(dir, reason.clone()))
        .collect();
    let mut docs: Vec<String> = Vec::new();
    let mut code = if rows.is_empty() { OK } else { UNREADABLE };
    let mut progress = Progress::new(lang);
    for (i, path) in paths.files.iter().enumerate() {
        let checked = check_file(path, a, lang);
        if !checked.stderr.is_empty() {
            progress.clear();
            eprint(&checked.stderr);
        }
        // A file that cannot be opened is one unreadable file among others,
        // not a usage error.
        code = code.max(checked.code.min(UNREADABLE));
        if a.json {
            let doc = if checked.stdout.is_empty() {
                let reason = checked.row.problem.clone().unwrap_or_default();
                crate::json(&serde_json::json!({ "file": path, "unreadable": reason }))
            } else {
                checked.stdout
            };
            docs.push(doc);
        } else {
            let mut block = String::new();
            if i > 0 {
                block.push('\n');
            }
            let heading = Msg::CliFileHeading.fill(
                lang,
                &[
                    ("n", &i.saturating_add(1)),
                    ("total", &total),
                    ("file", path),
                ],
            );
            block.push_str(&heading);
            block.push('\n');
            block.push_str(&"#".repeat(heading.chars().count()));
            block.push_str("\n\n");
            if checked.stdout.is_empty() {
                let reason = checked.row.problem.as_deref().unwrap_or_default();
                block.push_str(&Msg::CliFileUnreadable.fill(lang, &[("reason", &reason)]));
                block.push('\n');
            } else {
                block.push_str(&checked.stdout);
            }
            print(&block);
        }
        rows.push(checked.row);
        progress.tick(i.saturating_add(1), total);
    }
    progress.clear();
    if a.json {
        print(&json_document(&docs, &rows));
    } else {
        print(&summary_text(&rows, lang));
    }
    if let Some(out) = &a.summary_csv {
        if let Err(e) = std::fs::write(out, summary_csv(&rows, lang)) {
            eprint(&cannot_write(lang, out, &e));
            return USAGE;
        }
    }
    code
}

/// `{ "files": [each file's document], "summary": { … } }`; the files'
/// documents are those of `budget check FILE --json`, indented in place.
fn json_document(docs: &[String], rows: &[Row]) -> String {
    let indent = |text: &str| text.trim_end().replace('\n', "\n    ");
    let mut out = String::from("{\n  \"files\": [");
    for (i, doc) in docs.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&indent(doc));
    }
    out.push_str(if docs.is_empty() { "],\n" } else { "\n  ],\n" });
    let summary = serde_json::json!({
        "files": rows.len(),
        "unreadable_files": rows.iter().filter(|r| r.problem.is_some()).count(),
        "rows": rows,
    });
    let summary = crate::json(&summary);
    out.push_str("  \"summary\": ");
    out.push_str(&summary.trim_end().replace('\n', "\n  "));
    out.push_str("\n}\n");
    out
}

/// The summary table, its columns aligned.
pub fn summary_text(rows: &[Row], lang: Lang) -> String {
    let eur = |v: Decimal| format_eur(v, lang);
    let names = funder_names(rows);
    let mut header: Vec<String> = [Msg::CliColFile, Msg::CliColActions]
        .map(|m| m.text(lang).to_string())
        .into();
    header.extend(names.iter().map(|n| n.to_string()));
    header.extend(
        [
            Msg::CliColTotal,
            Msg::CliColStateShare,
            Msg::CliColOutsideRule,
            Msg::CliColWarnings,
            Msg::CliColUnreadableCells,
        ]
        .map(|m| m.text(lang).to_string()),
    );
    let mut table = vec![header];
    for row in rows {
        let mut line = vec![row.file.clone()];
        if let Some(problem) = &row.problem {
            line.push(Msg::CliRowUnreadable.fill(lang, &[("reason", problem)]));
            table.push(line);
            continue;
        }
        line.push(row.actions.to_string());
        line.extend(
            names
                .iter()
                .map(|n| planned_of(row, n).map_or_else(|| "—".into(), |v| eur(*v))),
        );
        line.push(
            row.total
                .map_or_else(|| Msg::CliNotKnown.text(lang).into(), eur),
        );
        line.push(
            row.state_share
                .map_or_else(|| "—".into(), |s| format_percent(s, 2, lang)),
        );
        line.push(
            row.co_financing_breaches
                .map_or_else(|| "—".into(), |b| b.to_string()),
        );
        line.push(row.warnings.to_string());
        line.push(row.unreadable_cells.to_string());
        table.push(line);
    }
    let columns = table.first().map_or(0, Vec::len);
    let mut widths = vec![0usize; columns];
    for line in &table {
        // An unreadable file's reason spans the row: it does not widen.
        if line.len() < columns {
            continue;
        }
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let unreadable = rows.iter().filter(|r| r.problem.is_some()).count();
    let files = rows.len();
    let title = match unreadable {
        0 => Msg::CliSummaryTitle.fill(lang, &[("files", &files)]),
        1 => Msg::CliSummaryTitleOneUnreadable.fill(lang, &[("files", &files)]),
        n => Msg::CliSummaryTitleUnreadable.fill(lang, &[("files", &files), ("unreadable", &n)]),
    };
    let mut out = format!("\n{title}\n{}\n", "=".repeat(title.chars().count()));
    for line in &table {
        let cells: Vec<String> = line
            .iter()
            .enumerate()
            .map(|(k, cell)| {
                let width = widths.get(k).copied().unwrap_or(0);
                let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
                // Text on the left, figures on the right.
                if k == 0 || line.len() < columns {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        out.push_str(cells.join(" | ").trim_end());
        out.push('\n');
    }
    out
}

/// `value` exactly, with a decimal comma and two decimals at least
/// (`93507,00`, `0,125`), for a spreadsheet to read as a number.
fn csv_amount(value: Decimal) -> String {
    let text = if value.scale() <= 2 {
        format!("{value:.2}")
    } else {
        value.to_string()
    };
    text.replace('.', ",")
}

fn csv_cell(text: &str) -> String {
    // A text cell that a spreadsheet would run as a formula starts with an
    // apostrophe, as in the core's CSV export.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The summary as a CSV for French Excel: `;`, UTF-8 with a BOM, CRLF,
/// amounts exact with a decimal comma, the State's share in percent rounded
/// to the hundredth (31,46).
/// Its headings are in `lang`, its numbers always for French Excel.
pub fn summary_csv(rows: &[Row], lang: Lang) -> String {
    let names = funder_names(rows);
    let mut header: Vec<String> = [Msg::CliColFile, Msg::CliColReading, Msg::CliColActions]
        .map(|m| m.text(lang).to_string())
        .into();
    header.extend(names.iter().map(|n| csv_cell(n)));
    header.extend(
        [
            Msg::CliColTotal,
            Msg::CliColStateSharePercent,
            Msg::CliColOutsideRuleLong,
            Msg::CliColWarnings,
            Msg::CliColUnreadableCells,
        ]
        .map(|m| m.text(lang).to_string()),
    );
    let mut out = String::from('\u{FEFF}');
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in rows {
        let mut line = vec![csv_cell(&row.file)];
        match &row.problem {
            Some(problem) => line.push(csv_cell(
                &Msg::CliRowUnreadable.fill(lang, &[("reason", problem)]),
            )),
            None => line.push(Msg::CliRowRead.text(lang).into()),
        }
        let read = row.problem.is_none();
        line.push(if read {
            row.actions.to_string()
        } else {
            String::new()
        });
        line.extend(
            names
                .iter()
                .map(|n| planned_of(row, n).map_or_else(String::new, |v| csv_amount(*v))),
        );
        line.push(row.total.map_or_else(String::new, csv_amount));
        line.push(
            row.state_share
                .and_then(|s| s.checked_mul(Decimal::ONE_HUNDRED))
                .map(|p| {
                    csv_amount(p.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
                })
                .unwrap_or_default(),
        );
        line.push(
            row.co_financing_breaches
                .map_or_else(String::new, |b| b.to_string()),
        );
        for n in [row.warnings, row.unreadable_cells] {
            line.push(if read { n.to_string() } else { String::new() });
        }
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_amounts_are_exact_with_a_decimal_comma() {
        assert_eq!(csv_amount(Decimal::new(93507, 0)), "93507,00");
        assert_eq!(csv_amount(Decimal::new(-125, 1)), "-12,50");
        assert_eq!(csv_amount(Decimal::new(125, 3)), "0,125");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
    }
}
