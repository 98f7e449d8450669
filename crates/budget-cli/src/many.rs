//! `budget check FILE… | DIR`: many annexes, one block each (the output of
//! `budget check FILE`, headed by the file's name), then a summary table;
//! `--json` as one document, `--summary-csv` the summary for a spreadsheet.
//! Every figure of the summary is a figure of the file's report
//! ([`budget_core::report::compute`]); nothing is added up here.

use std::io::IsTerminal;
use std::path::Path;
use std::time::{Duration, Instant};

use budget_core::money::{format_eur, format_percent};
use budget_core::report::Report;
use budget_core::{Decimal, FunderKind, Lang};
use rust_decimal::RoundingStrategy;
use serde::Serialize;

use crate::args::CheckArgs;
use crate::{check_file, eprint, print, OK, UNREADABLE, USAGE};

/// The extensions read in a folder; other files are skipped.
const READ: [&str; 6] = ["xlsx", "xls", "ods", "csv", "tsv", "json"];

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
pub fn paths(args: &[String]) -> Result<Paths, String> {
    let mut out = Paths {
        files: Vec::new(),
        broken: Vec::new(),
        many: args.len() > 1,
    };
    for arg in args {
        let path = Path::new(arg);
        if arg != "-" && path.is_dir() {
            out.many = true;
            walk(path, &mut out);
        } else {
            out.files.push(arg.clone());
        }
    }
    out.files.sort();
    out.files.dedup();
    if out.files.is_empty() && out.broken.is_empty() {
        return Err(format!(
            "aucun fichier à lire ({}) dans {}",
            READ.join(", "),
            args.join(", ")
        ));
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Paths) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.broken.push((
                dir.display().to_string(),
                format!("dossier illisible : {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
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
}

impl Progress {
    fn new() -> Self {
        Self {
            start: Instant::now(),
            last: None,
            terminal: std::io::stderr().is_terminal(),
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
        eprint(&format!("\r{done}/{total} fichiers…"));
    }

    /// Clears the progress line before anything else is written on stderr.
    fn clear(&mut self) {
        if self.last.take().is_some() {
            eprint("\r\x1b[K");
        }
    }
}

/// Checks every file; prints the blocks as they come, then the summary.
pub fn check_all(paths: &Paths, a: &CheckArgs) -> u8 {
    let total = paths.files.len().saturating_add(paths.broken.len());
    let mut rows: Vec<Row> = paths
        .broken
        .iter()
        .map(|(dir, reason)| Row::unreadable(dir, reason.clone()))
        .collect();
    let mut docs: Vec<String> = Vec::new();
    let mut code = if rows.is_empty() { OK } else { UNREADABLE };
    let mut progress = Progress::new();
    for (i, path) in paths.files.iter().enumerate() {
        let checked = check_file(path, a);
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
            let heading = format!("Fichier {}/{} : {path}", i.saturating_add(1), total);
            block.push_str(&heading);
            block.push('\n');
            block.push_str(&"#".repeat(heading.chars().count()));
            block.push_str("\n\n");
            if checked.stdout.is_empty() {
                let reason = checked.row.problem.as_deref().unwrap_or_default();
                block.push_str(&format!("Fichier illisible : {reason}\n"));
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
        print(&summary_text(&rows));
    }
    if let Some(out) = &a.summary_csv {
        if let Err(e) = std::fs::write(out, summary_csv(&rows)) {
            eprint(&format!("budget : impossible d'écrire « {out} » : {e}\n"));
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

fn eur(v: Decimal) -> String {
    format_eur(v, Lang::Fr)
}

/// The summary table, its columns aligned.
pub fn summary_text(rows: &[Row]) -> String {
    let names = funder_names(rows);
    let mut header: Vec<String> = vec!["Fichier".into(), "Actions".into()];
    header.extend(names.iter().map(|n| n.to_string()));
    header.extend(
        [
            "Total",
            "Part de l'État",
            "Hors règle",
            "Avertissements",
            "Cellules illisibles",
        ]
        .map(String::from),
    );
    let mut table = vec![header];
    for row in rows {
        let mut line = vec![row.file.clone()];
        if let Some(problem) = &row.problem {
            line.push(format!("illisible : {problem}"));
            table.push(line);
            continue;
        }
        line.push(row.actions.to_string());
        line.extend(
            names
                .iter()
                .map(|n| planned_of(row, n).map_or_else(|| "—".into(), |v| eur(*v))),
        );
        line.push(row.total.map_or_else(|| "n.c.".into(), eur));
        line.push(
            row.state_share
                .map_or_else(|| "—".into(), |s| format_percent(s, 2, Lang::Fr)),
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
    let title = match unreadable {
        0 => format!("Synthèse : {} fichiers", rows.len()),
        1 => format!("Synthèse : {} fichiers, dont 1 illisible", rows.len()),
        n => format!("Synthèse : {} fichiers, dont {n} illisibles", rows.len()),
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
pub fn summary_csv(rows: &[Row]) -> String {
    let names = funder_names(rows);
    let mut header: Vec<String> = vec!["Fichier".into(), "Lecture".into(), "Actions".into()];
    header.extend(names.iter().map(|n| csv_cell(n)));
    header.extend(
        [
            "Total",
            "Part de l'État (%)",
            "Actions hors règle de cofinancement",
            "Avertissements",
            "Cellules illisibles",
        ]
        .map(String::from),
    );
    let mut out = String::from('\u{FEFF}');
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in rows {
        let mut line = vec![csv_cell(&row.file)];
        match &row.problem {
            Some(problem) => line.push(csv_cell(&format!("illisible : {problem}"))),
            None => line.push("lu".into()),
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

/// `budget check --consolidate`: the conventions taken together
/// ([`budget_core::consolidate`]), and the files that could not be read.
pub fn consolidate_all(paths: &Paths, a: &CheckArgs) -> u8 {
    let mut reports: Vec<(String, Report)> = Vec::new();
    let mut unreadable: Vec<(String, String)> = paths.broken.clone();
    let mut cells: Vec<(String, usize)> = Vec::new();
    for path in &paths.files {
        match crate::input::load(path, a.other_reading) {
            Ok(loaded) => {
                if let Some(refusal) = &loaded.refused {
                    unreadable.push((path.clone(), refusal.message(Lang::Fr)));
                    continue;
                }
                if !loaded.cell_errors.is_empty() {
                    cells.push((path.clone(), loaded.cell_errors.len()));
                }
                let mut conv = loaded.convention;
                if let Some(max) = a.state_max {
                    conv.settings.state_max_share = max;
                }
                conv.settings.exemptions.extend(a.exempt.iter().cloned());
                reports.push((path.clone(), budget_core::report::compute(&conv)));
            }
            Err(crate::input::LoadFailure::Usage(m) | crate::input::LoadFailure::Unreadable(m)) => {
                unreadable.push((path.clone(), m));
            }
        }
    }
    for (path, reason) in &unreadable {
        eprint(&format!("budget : {path} : {reason}\n"));
    }
    let code = if unreadable.is_empty() && cells.is_empty() {
        OK
    } else {
        UNREADABLE
    };
    let refs: Vec<(String, &Report)> = reports.iter().map(|(n, r)| (n.clone(), r)).collect();
    let c = match budget_core::consolidate::consolidate(&refs) {
        Ok(c) => c,
        Err(e) => {
            eprint(&format!("budget : consolidation impossible : {e}\n"));
            return UNREADABLE;
        }
    };
    if a.json {
        let unreadable: Vec<_> = unreadable
            .iter()
            .map(|(file, reason)| serde_json::json!({ "file": file, "reason": reason }))
            .collect();
        let cells: Vec<_> = cells
            .iter()
            .map(|(file, n)| serde_json::json!({ "file": file, "unreadable_cells": n }))
            .collect();
        print(&crate::json(&serde_json::json!({
            "consolidation": c,
            "unreadable_files": unreadable,
            "files_with_unreadable_cells": cells,
        })));
    } else {
        print(&consolidation_text(&c, &unreadable, &cells));
    }
    code
}

fn consolidation_text(
    c: &budget_core::consolidate::Consolidation,
    unreadable: &[(String, String)],
    cells: &[(String, usize)],
) -> String {
    use budget_core::figures::FunderAmounts;
    let names: Vec<&str> = c.funders.iter().map(|f| f.name.as_str()).collect();
    let amounts = |a: &FunderAmounts| {
        let mut parts: Vec<String> = names
            .iter()
            .zip(&a.by_funder)
            .filter(|(_, v)| !v.is_zero())
            .map(|(n, v)| format!("{n} {}", eur(*v)))
            .collect();
        parts.push(format!("total {}", eur(a.total)));
        parts.join(" · ")
    };
    let pct = |r: Decimal| format_percent(r, 2, Lang::Fr);
    let mut out = String::new();
    let heading = |out: &mut String, s: &str| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(s);
        out.push('\n');
        out.push_str(&"=".repeat(s.chars().count()));
        out.push('\n');
    };
    heading(
        &mut out,
        &format!("Consolidation : {} conventions", c.conventions.len()),
    );
    out.push_str(&format!("Prévu : {}\n", amounts(&c.planned)));
    if let Some(shares) = &c.shares {
        let parts: Vec<String> = names
            .iter()
            .zip(shares)
            .map(|(n, s)| format!("{n} {}", pct(*s)))
            .collect();
        out.push_str(&format!("Parts : {}\n", parts.join(" · ")));
    }
    if !c.years.is_empty() {
        heading(&mut out, "Par année");
        for y in &c.years {
            out.push_str(&format!("{} : {}\n", y.year, amounts(&y.planned)));
        }
        if let Some(w) = &c.without_year {
            out.push_str(&format!("sans année : {}\n", amounts(w)));
        }
    } else if !c.conventions.is_empty() {
        out.push_str("Par année : aucun de ces tableaux ne répartit ses montants par année\n");
    }
    heading(&mut out, "Par convention");
    for p in &c.conventions {
        out.push_str(&p.name);
        out.push('\n');
        match &p.planned {
            Some(planned) => {
                let part = p
                    .part
                    .map_or_else(String::new, |r| format!(" ({} du total)", pct(r)));
                out.push_str(&format!("  Prévu : {}{part}\n", amounts(planned)));
            }
            None => out.push_str("  Prévu : non calculable (voir budget check)\n"),
        }
        match p.co_financing_breaches {
            None => out.push_str(
                "  Cofinancement : non applicable (montants non répartis par financeur)\n",
            ),
            Some(n) => {
                let share = p.state_share.map_or_else(|| "—".into(), pct);
                let rule = match n {
                    0 => "règle respectée pour chaque action".to_string(),
                    1 => "RÈGLE NON RESPECTÉE pour 1 action".to_string(),
                    n => format!("RÈGLE NON RESPECTÉE pour {n} actions"),
                };
                out.push_str(&format!(
                    "  Cofinancement : part de l'État {share} (au plus {} par action) : {rule}\n",
                    pct(p.state_max_share)
                ));
            }
        }
    }
    if !unreadable.is_empty() {
        heading(
            &mut out,
            &format!("Fichiers illisibles ({})", unreadable.len()),
        );
        for (file, reason) in unreadable {
            out.push_str(&format!("- {file} : {reason}\n"));
        }
    }
    if !cells.is_empty() {
        heading(&mut out, "Fichiers avec des cellules illisibles");
        for (file, n) in cells {
            out.push_str(&format!(
                "- {file} : {n} cellule(s) illisible(s), leurs montants manquent (voir budget check)\n"
            ));
        }
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
