//! `budget check --consolidate`: the conventions taken together
//! ([`budget_core::consolidate`]), as one text or one JSON document.

use budget_core::messages::Msg;
use budget_core::money::{format_eur, format_percent};
use budget_core::report::Report;
use budget_core::{Decimal, Lang};

use crate::args::CheckArgs;
use crate::many::Paths;
use crate::{at_file, eprint, print, said, OK, UNREADABLE};

/// `budget check --consolidate`: the conventions taken together
/// ([`budget_core::consolidate`]), and the files that could not be read.
pub fn consolidate_all(paths: &Paths, a: &CheckArgs, lang: Lang) -> u8 {
    let mut reports: Vec<(String, Report)> = Vec::new();
    let mut unreadable: Vec<(String, String)> = paths.broken.clone();
    let mut cells: Vec<(String, usize)> = Vec::new();
    for path in &paths.files {
        match crate::input::load(path, a.other_reading, lang) {
            Ok(loaded) => {
                if let Some(refusal) = &loaded.refused {
                    unreadable.push((path.clone(), refusal.message(lang)));
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
        eprint(&said(lang, &at_file(lang, path, reason)));
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
            let reason = e.message(lang);
            eprint(&said(
                lang,
                &Msg::CliConsolidationImpossible.fill(lang, &[("reason", &reason)]),
            ));
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
        print(&consolidation_text(&c, &unreadable, &cells, lang));
    }
    code
}

fn consolidation_text(
    c: &budget_core::consolidate::Consolidation,
    unreadable: &[(String, String)],
    cells: &[(String, usize)],
    lang: Lang,
) -> String {
    use budget_core::figures::FunderAmounts;
    let eur = |v: Decimal| format_eur(v, lang);
    let names: Vec<&str> = c.funders.iter().map(|f| f.name.as_str()).collect();
    let amounts = |a: &FunderAmounts| {
        let mut parts: Vec<String> = names
            .iter()
            .zip(&a.by_funder)
            .filter(|(_, v)| !v.is_zero())
            .map(|(n, v)| format!("{n} {}", eur(*v)))
            .collect();
        parts.push(Msg::CliTotalAmount.fill(lang, &[("amount", &eur(a.total))]));
        parts.join(" · ")
    };
    let pct = |r: Decimal| format_percent(r, 2, lang);
    let line = |out: &mut String, indent: &str, text: String| {
        out.push_str(indent);
        out.push_str(&text);
        out.push('\n');
    };
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
        &Msg::CliConsolidationTitle.fill(lang, &[("n", &c.conventions.len())]),
    );
    let planned = amounts(&c.planned);
    line(
        &mut out,
        "",
        Msg::CliPlanned.fill(lang, &[("amounts", &planned)]),
    );
    if let Some(shares) = &c.shares {
        let parts: Vec<String> = names
            .iter()
            .zip(shares)
            .map(|(n, s)| format!("{n} {}", pct(*s)))
            .collect();
        let shares = parts.join(" · ");
        line(
            &mut out,
            "",
            Msg::CliShares.fill(lang, &[("shares", &shares)]),
        );
    }
    if !c.years.is_empty() {
        heading(&mut out, Msg::CliByYear.text(lang));
        for y in &c.years {
            let planned = amounts(&y.planned);
            let text = Msg::CliYearLine.fill(lang, &[("year", &y.year), ("amounts", &planned)]);
            line(&mut out, "", text);
        }
        if let Some(w) = &c.without_year {
            let text = Msg::CliWithoutYear.fill(lang, &[("amounts", &amounts(w))]);
            line(&mut out, "", text);
        }
    } else if !c.conventions.is_empty() {
        line(&mut out, "", Msg::CliByYearNone.text(lang).into());
    }
    heading(&mut out, Msg::CliByConvention.text(lang));
    for p in &c.conventions {
        out.push_str(&p.name);
        out.push('\n');
        match &p.planned {
            Some(planned) => {
                let part = p.part.map_or_else(String::new, |r| {
                    Msg::CliPartOfTotal.fill(lang, &[("part", &pct(r))])
                });
                let text = Msg::CliPlanned.fill(lang, &[("amounts", &amounts(planned))]);
                line(&mut out, "  ", text + &part);
            }
            None => line(
                &mut out,
                "  ",
                Msg::CliPlannedUnknownSeeCheck.text(lang).into(),
            ),
        }
        match p.co_financing_breaches {
            None => line(
                &mut out,
                "  ",
                Msg::CliCoFinancingNotApplicable.text(lang).into(),
            ),
            Some(n) => {
                let share = p.state_share.map_or_else(|| "—".into(), pct);
                let rule = match n {
                    0 => Msg::CliRuleKeptEach.text(lang).to_string(),
                    1 => Msg::CliRuleBrokenOne.text(lang).to_string(),
                    n => Msg::CliRuleBrokenMany.fill(lang, &[("n", &n)]),
                };
                let max = pct(p.state_max_share);
                let text = Msg::CliConsolidationCoFinancing
                    .fill(lang, &[("share", &share), ("max", &max), ("rule", &rule)]);
                line(&mut out, "  ", text);
            }
        }
    }
    if !unreadable.is_empty() {
        heading(
            &mut out,
            &Msg::CliUnreadableFiles.fill(lang, &[("n", &unreadable.len())]),
        );
        for (file, reason) in unreadable {
            line(&mut out, "- ", at_file(lang, file, reason));
        }
    }
    if !cells.is_empty() {
        heading(&mut out, Msg::CliFilesWithUnreadableCells.text(lang));
        for (file, n) in cells {
            let text = Msg::CliFileUnreadableCells.fill(lang, &[("file", file), ("n", n)]);
            line(&mut out, "- ", text);
        }
    }
    out
}
