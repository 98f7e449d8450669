//! The text of a report, as copied from a PDF: action blocks (« Fiche action
//! n°5 »), each with lines « libellé : montant » (`Report Etat 2021 : 24 600 €`,
//! `Par CD = 72 734,27 €`) and sentences holding amounts.
//!
//! [`read_report`] cuts the text into blocks at each heading « Fiche action
//! n°N » / « Action n°N », takes each block's title from the heading (or the
//! numbered heading above it, `1.1.1. Amélioration des délais…`), then reads
//! every amount of the block (`24 600 €`, `145 648,26 €`, `72 734,27€`,
//! `1,2 M€`, `20 000 euros`):
//!
//! - after a label and `:` or `=`, the label's words give its meaning, as a
//!   column heading would ([`classify_header`]): `Report Etat 2021` → the
//!   State's carry-over, `Budget total` → the declared planned total
//!   (checked, never added), `Dépenses exécutées … par le département` → the
//!   Département's executed amount. A label naming only a funder (`Par CD`)
//!   takes its measure from the heading above it (« Budget exécuté »);
//! - an amount whose label names no funder where one is needed (`Report
//!   demandé : 20 000 €`), or whose words say nothing of its meaning, or that
//!   sits in a sentence (`pour un montant de 7 000 €`) is *uncertain*: listed
//!   with its line for the user to assign ([`ReadOptions::amounts`]), never
//!   counted meanwhile.
//!
//! Every figure taken keeps its line and the words that gave its meaning
//! ([`ReportFigure`]), for the reading preview.

use super::*;

/// What was read from the text of a report (see [`Reading::report`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReportReading {
    /// Every amount taken, in the order of the text (with those the user
    /// left out, as `ColumnRole::Ignored`, counted nowhere).
    pub figures: Vec<ReportFigure>,
    /// The amounts whose meaning the reader is not sure of, not counted until
    /// the user gives them one.
    pub uncertain: Vec<UncertainAmount>,
}

/// An amount of a report taken into the convention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportFigure {
    /// 1-based line of the text.
    pub line: usize,
    /// Which amount of the line, 1-based.
    pub nth: usize,
    /// The words that gave its meaning, as written (`Report Etat 2021`).
    pub words: String,
    /// The amount as written (`24 600 €`).
    pub text: String,
    /// The amount in euros, exact.
    pub value: Decimal,
    /// What it was read as (a planned part, an executed amount, a declared
    /// total…), in the terms of a column's role.
    pub role: ColumnRole,
    /// The action whose block holds it; `None` before the first block (a
    /// total there is the whole convention's).
    pub action: Option<ActionId>,
    /// Read from its words, or chosen by the user.
    pub confidence: Confidence,
    /// The heading above whose words completed the meaning (« Budget
    /// exécuté » over « Par CD = … »): line and text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<(usize, String)>,
}

/// An amount of a report whose meaning is not sure: offered to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UncertainAmount {
    /// 1-based line of the text.
    pub line: usize,
    /// Which amount of the line, 1-based.
    pub nth: usize,
    /// The line as written, blanks collapsed.
    pub context: String,
    /// The amount as written.
    pub text: String,
    /// The amount in euros, exact.
    pub value: Decimal,
    /// The action whose block holds it, if any.
    pub action: Option<ActionId>,
    /// What its words suggest, if anything: one click to take it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<ColumnRole>,
}

/// The meaning the user gave an amount of a report (see
/// [`ReadOptions::amounts`]): `Ignored` leaves it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountChoice {
    /// 1-based line of the text.
    pub line: usize,
    /// Which amount of the line, 1-based.
    pub nth: usize,
    /// What it is.
    pub role: ColumnRole,
}

/// An amount found in a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FoundAmount {
    /// Byte range of the amount (number and unit) in the line.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Exact value in euros.
    pub(crate) value: Decimal,
}

/// A blank inside a number: `24 600`, `24\u{A0}600`, `24\u{202F}600`.
fn is_group_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// The amounts in euros of a line, each with its unit (`€`, `euros`, `EUR`,
/// `k€`, `M€`, `millions d'euros`). A number without unit (`60 jours`, `2022`)
/// is no amount. Thousands are grouped by blanks or dots, three digits each;
/// decimals follow a comma.
pub(crate) fn amounts_in(line: &str) -> Vec<FoundAmount> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(line.len(), |&(b, _)| b);
    let digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = digit(i)
            && (i == 0
                || at(i - 1)
                    .is_some_and(|p| !(p.is_alphanumeric() || matches!(p, '.' | ',' | '/'))));
        if !starts {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        while digit(j) {
            digits.extend(at(j));
            j += 1;
        }
        if j - i <= 3 {
            // `24 600`, `1.234.567`: a blank or a dot then exactly three digits.
            while at(j).is_some_and(|c| is_group_blank(c) || c == '.')
                && digit(j + 1)
                && digit(j + 2)
                && digit(j + 3)
                && !digit(j + 4)
            {
                digits.extend((j + 1..j + 4).filter_map(at));
                j += 4;
            }
        }
        if at(j) == Some(',') && digit(j + 1) {
            digits.push('.');
            j += 1;
            while digit(j) {
                digits.extend(at(j));
                j += 1;
            }
        }
        let number_end = j;
        // The unit, after blanks.
        let mut k = j;
        while at(k).is_some_and(is_group_blank) {
            k += 1;
        }
        let rest: String = chars
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take(20)
            .map(|&(_, c)| c)
            .collect();
        let folded = fold(&rest);
        let word_ends = |n: usize| folded.chars().nth(n).is_none_or(|c| !c.is_alphanumeric());
        let unit: Option<(usize, u32)> = if rest.starts_with('€') {
            Some((1, 0))
        } else if (rest.starts_with("M€") || rest.starts_with("m€")) && word_ends(2) {
            Some((2, 6))
        } else if (rest.starts_with("k€") || rest.starts_with("K€")) && word_ends(2) {
            Some((2, 3))
        } else if folded.starts_with("millions d'euros") || folded.starts_with("million d'euros") {
            let n = if folded.starts_with("millions") {
                16
            } else {
                15
            };
            Some((n, 6))
        } else if folded.starts_with("euros") && word_ends(5) {
            Some((5, 0))
        } else if folded.starts_with("euro") && word_ends(4) {
            Some((4, 0))
        } else if rest.starts_with("EUR") && word_ends(3) {
            Some((3, 0))
        } else {
            None
        };
        let value = unit.and_then(|(_, power)| {
            let number: Decimal = digits.parse().ok()?;
            number.checked_mul(Decimal::from(10_i64.checked_pow(power)?))
        });
        match (unit, value) {
            (Some((len, _)), Some(value)) => {
                let end = k + len;
                out.push(FoundAmount {
                    start: byte(i),
                    end: byte(end),
                    value,
                });
                i = end;
            }
            _ => i = number_end.max(i + 1),
        }
    }
    out
}

/// A heading « Fiche action n°5 », « Fiche-action 2.1 : Titre », « Action
/// n°3 – Titre » at the start of a line: its number and its title (empty when
/// the line has none).
pub(crate) fn action_heading(line: &str) -> Option<(String, String)> {
    let trimmed = line.trim_start();
    let lower: String = trimmed
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .collect::<String>();
    let mut rest = None;
    for prefix in ["fiche action", "fiche-action", "fiche", "action"] {
        if lower.starts_with(prefix) && trimmed.is_char_boundary(prefix.len()) {
            rest = trimmed.get(prefix.len()..);
            break;
        }
    }
    let mut rest = rest?;
    // « Fiche action » must be followed by a number, perhaps after `n°`.
    if !rest.starts_with([' ', '\u{A0}', 'n', 'N'])
        && !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    rest = rest.trim_start();
    for mark in [
        "n°", "N°", "nº", "Nº", "n °", "N °", "no.", "No.", "n.", "N.",
    ] {
        if let Some(after) = rest.strip_prefix(mark) {
            rest = after.trim_start();
            break;
        }
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let number = rest.get(..end)?.trim_end_matches('.');
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = rest.get(end..)?;
    // Nothing, or a separator and the title: not « Action 5 personnes… ».
    let title = after.trim_start_matches([' ', '\u{A0}']);
    let title = if title.is_empty() {
        ""
    } else if let Some(t) = title.strip_prefix([':', '-', '–', '—', '.', ')']) {
        t.trim()
    } else if after.starts_with(['\u{A0}', ' '])
        && title.chars().next().is_some_and(char::is_uppercase)
    {
        title.trim()
    } else {
        return None;
    };
    Some((number.to_string(), collapse_blanks(title)))
}

/// A numbered heading of the report's outline: `1.1.1. Amélioration des
/// délais` → its text after the number.
fn outline_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let number = t.get(..end)?;
    let text = t.get(end..)?.trim_start();
    let numbered = number.starts_with(|c: char| c.is_ascii_digit())
        && (number.contains('.') || text.starts_with(['-', ')']));
    (numbered && text.chars().next().is_some_and(char::is_alphabetic)).then_some(text)
}

/// Whether a line is only a page number (`    30   `).
fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// The title of the block whose heading is at `heading` (0-based index in
/// `lines`) when the heading has none: the numbered heading above it that is
/// not « Description de l'action », with its continuation lines.
fn title_above(lines: &[&str], heading: usize, floor: usize) -> String {
    let mut i = heading;
    let mut seen = 0;
    while i > floor && seen < 12 {
        i -= 1;
        let Some(line) = lines.get(i) else { break };
        if line.trim().is_empty() || is_page_number(line) {
            continue;
        }
        seen += 1;
        let Some(text) = outline_heading(line) else {
            continue;
        };
        if Heading::new(text)
            .words
            .first()
            .is_some_and(|w| w == "description")
        {
            continue;
        }
        let mut title = text.trim().to_string();
        for next in lines.iter().take(heading).skip(i + 1) {
            if next.trim().is_empty() || is_page_number(next) {
                continue;
            }
            if outline_heading(next).is_some() {
                break;
            }
            title.push(' ');
            title.push_str(next.trim());
        }
        return collapse_blanks(&title);
    }
    String::new()
}

/// What a short line without amount says of the amounts below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Planned,
    Executed,
}

fn section_of(text: &str) -> Option<Section> {
    let h = Heading::new(text);
    if h.words.is_empty() || h.words.len() > 12 {
        return None;
    }
    if h.any_prefix(&["execut", "realis", "consomm"]) {
        Some(Section::Executed)
    } else if h.any_prefix(&["previsionnel", "prevu"]) || h.has_word("budget") {
        Some(Section::Planned)
    } else {
        None
    }
}

/// Whether a role is one an amount of a report can be given.
fn is_money(role: &ColumnRole) -> bool {
    matches!(
        role,
        ColumnRole::Planned { .. }
            | ColumnRole::PlannedTotal
            | ColumnRole::Committed(_)
            | ColumnRole::Executed(_)
            | ColumnRole::ExecutedTotal
            | ColumnRole::ToCarryOver(_)
            | ColumnRole::Received(_)
            | ColumnRole::YearTotal(_)
    )
}

/// A role read for sure (`Ok`) or only suggested (`Err`), and the heading
/// (line, text) that completed it.
type Meaning = (
    Result<ColumnRole, Option<ColumnRole>>,
    Option<(usize, String)>,
);

/// The meaning of an amount after the label `label`: sure, or only a
/// suggestion (`Err`), with the heading that completed it.
fn meaning(label: &str, section: Option<&(usize, String, Section)>) -> Meaning {
    let role = match classify_header(label) {
        Guess::Role(role) => role,
        Guess::BareYear(year) => {
            return (
                Err(Some(ColumnRole::Planned {
                    funder: FunderRef::State,
                    part: Part::Base,
                    year: Some(year),
                })),
                None,
            )
        }
    };
    if !is_money(&role) {
        return (Err(None), None);
    }
    let h = Heading::new(label);
    let names_funder = h.funders().len() == 1;
    match role {
        ColumnRole::Planned {
            funder,
            part: Part::Base,
            year,
        } if names_funder => {
            // `Par CD = …`: its measure is the heading's above.
            // Words that say no measure: stop words, the funder, a year.
            let says_nothing = |w: &str| {
                STOP_WORDS.contains(&w)
                    || matches!(w, "conseil" | "departemental" | "financee" | "finance")
                    || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
                    || !Heading::new(w).funders().is_empty()
            };
            let measure_words = h.words.iter().any(|w| !says_nothing(w));
            match section {
                Some((line, text, Section::Executed)) if !measure_words => (
                    Ok(ColumnRole::Executed(funder)),
                    Some((*line, text.clone())),
                ),
                Some((line, text, Section::Planned)) if !measure_words => (
                    Ok(ColumnRole::Planned {
                        funder,
                        part: Part::Base,
                        year,
                    }),
                    Some((*line, text.clone())),
                ),
                _ => (
                    Ok(ColumnRole::Planned {
                        funder,
                        part: Part::Base,
                        year,
                    }),
                    None,
                ),
            }
        }
        ColumnRole::Planned { .. }
        | ColumnRole::Committed(_)
        | ColumnRole::Executed(_)
        | ColumnRole::ToCarryOver(_)
        | ColumnRole::Received(_)
            if !names_funder =>
        {
            // The reader's default (the State's) is only a suggestion here.
            (Err(Some(role)), None)
        }
        role => (Ok(role), None),
    }
}

/// The label just before an amount at `start` in `line`, after the previous
/// amount (`prev_end`), when it ends with `:` or `=`.
fn label_before(line: &str, prev_end: usize, start: usize) -> Option<&str> {
    let before = line.get(prev_end..start)?.trim_end();
    let label = before.strip_suffix([':', '='])?.trim_end();
    // Only the last clause: `Au 30/06/2023 : Consommation totale : …`.
    let label = label.rsplit([':', '=', ';']).next().unwrap_or(label).trim();
    let label = label.trim_start_matches(['-', '•', '*', '–', '—', ' ']);
    let h = Heading::new(label);
    (!h.words.is_empty() && h.words.len() <= 14 && label.chars().any(char::is_alphabetic))
        .then_some(label)
}

/// One action block while reading.
struct Block {
    number: String,
    title: String,
    line: usize,
}

/// Reads the text of a report; `None` when it holds neither an action
/// heading with amounts nor a line « libellé : montant » (then it is no
/// report either, and the table reader's refusal stands).
pub fn read_report(text: &str, options: &ReadOptions) -> Option<Reading> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks: Vec<Block> = Vec::new();
    let mut figures: Vec<ReportFigure> = Vec::new();
    let mut uncertain: Vec<UncertainAmount> = Vec::new();
    let mut section: Option<(usize, String, Section)> = None;
    let mut floor = 0;
    let chosen = |line: usize, nth: usize| {
        options
            .amounts
            .iter()
            .find(|c| c.line == line && c.nth == nth)
            .map(|c| c.role.clone())
    };
    for (i, raw) in lines.iter().enumerate() {
        let line_no = i + 1;
        if let Some((number, title)) = action_heading(raw) {
            let title = if title.is_empty() {
                title_above(&lines, i, floor)
            } else {
                title
            };
            blocks.push(Block {
                number,
                title,
                line: line_no,
            });
            section = None;
            floor = i;
            continue;
        }
        let found = amounts_in(raw);
        if found.is_empty() {
            if let Some(s) = section_of(raw) {
                section = Some((line_no, collapse_blanks(raw.trim()), s));
            }
            continue;
        }
        let action = blocks.len().checked_sub(1);
        let mut prev_end = 0;
        for (k, amount) in found.iter().enumerate() {
            let nth = k + 1;
            let written = raw
                .get(amount.start..amount.end)
                .unwrap_or_default()
                .to_string();
            let label = label_before(raw, prev_end, amount.start);
            prev_end = amount.end;
            let (read, from_section) = match label {
                Some(label) => meaning(label, section.as_ref()),
                // In a sentence: no suggestion, the words around it say too
                // little (« un montant moyen de 257 € »).
                None => (Err(None), None),
            };
            let (role, confidence, section_used) = match (chosen(line_no, nth), read) {
                (Some(role), _) => (Some(role), Confidence::Chosen, None),
                (None, Ok(role)) => (Some(role), Confidence::Read, from_section),
                (None, Err(suggestion)) => {
                    uncertain.push(UncertainAmount {
                        line: line_no,
                        nth,
                        context: collapse_blanks(raw.trim()),
                        text: written.clone(),
                        value: amount.value,
                        action,
                        suggestion,
                    });
                    (None, Confidence::Guessed, None)
                }
            };
            let Some(role) = role else { continue };
            match role {
                ColumnRole::PlannedTotal => {
                    section = Some((line_no, collapse_blanks(raw.trim()), Section::Planned));
                }
                ColumnRole::ExecutedTotal => {
                    section = Some((line_no, collapse_blanks(raw.trim()), Section::Executed));
                }
                _ => {}
            }
            // A figure the user left out stays listed (with its choice), and
            // counts nowhere.
            if role != ColumnRole::Ignored && !is_money(&role) {
                continue;
            }
            figures.push(ReportFigure {
                line: line_no,
                nth,
                words: label.map_or_else(|| collapse_blanks(raw.trim()), collapse_blanks),
                text: written,
                value: amount.value,
                role,
                action,
                confidence,
                section: section_used,
            });
        }
    }
    let worth_reading = !figures.is_empty() || (!blocks.is_empty() && !uncertain.is_empty());
    if !worth_reading {
        return None;
    }
    // No heading: the text is one action's (a single fiche pasted).
    if blocks.is_empty() {
        let first = figures
            .iter()
            .map(|f| f.line)
            .chain(uncertain.iter().map(|u| u.line))
            .min()
            .unwrap_or(1);
        blocks.push(Block {
            number: "1".into(),
            title: String::new(),
            line: first,
        });
        for f in &mut figures {
            f.action = Some(0);
        }
        for u in &mut uncertain {
            u.action = Some(0);
        }
    }
    Some(build(&lines, blocks, figures, uncertain))
}

/// The convention of the blocks and figures read.
fn build(
    lines: &[&str],
    blocks: Vec<Block>,
    figures: Vec<ReportFigure>,
    uncertain: Vec<UncertainAmount>,
) -> Reading {
    let mut conv = Convention {
        // The report's title: a short line above the first block.
        title: lines
            .iter()
            .take(blocks.first().map_or(0, |b| b.line.saturating_sub(1)))
            .map(|l| l.trim())
            .find(|l| {
                l.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && l.split_whitespace().count() <= 12
                    && amounts_in(l).is_empty()
            })
            .map(collapse_blanks)
            .unwrap_or_default(),
        ..Convention::default()
    };
    // The State first, then the Département, then the others as they come.
    let funder_of = |role: &ColumnRole| -> Option<FunderRef> { role.funder().cloned() };
    for kind in [FunderRef::State, FunderRef::Departement] {
        if figures
            .iter()
            .any(|f| funder_of(&f.role).as_ref() == Some(&kind))
        {
            funder_id(&mut conv, &kind);
        }
    }
    let mut actions: Vec<Action> = blocks
        .iter()
        .map(|b| Action {
            number: b.number.clone(),
            title: if b.title.is_empty() {
                format!("Fiche action n°{}", b.number)
            } else {
                b.title.clone()
            },
            source_row: Some(b.line),
            ..Action::default()
        })
        .collect();
    for f in &figures {
        let scope = f.action.map_or(Scope::Grand, Scope::Action);
        let funder = funder_of(&f.role).map(|r| funder_id(&mut conv, &r));
        let action = f.action.and_then(|id| actions.get_mut(id));
        let declare = |measure: Measure| Declared {
            scope,
            measure,
            value: f.value,
            label: f.words.clone(),
            source_row: Some(f.line),
        };
        match (&f.role, funder, action) {
            (ColumnRole::Planned { part, year, .. }, Some(funder), Some(action)) => {
                action.planned.push(Amount {
                    funder,
                    year: *year,
                    part: *part,
                    value: f.value,
                    formula: None,
                });
            }
            (
                role @ (ColumnRole::Committed(_)
                | ColumnRole::Executed(_)
                | ColumnRole::ToCarryOver(_)),
                Some(funder),
                Some(action),
            ) => {
                let list = match role {
                    ColumnRole::Committed(_) => &mut action.execution.committed,
                    ColumnRole::Executed(_) => &mut action.execution.executed,
                    _ => &mut action.execution.to_carry_over,
                };
                list.push(FunderValue {
                    funder,
                    value: f.value,
                    formula: None,
                });
            }
            (ColumnRole::Received(from), _, Some(action)) => {
                let (from, name) = payer(from);
                action.execution.received.push(Receipt {
                    from,
                    name,
                    value: f.value,
                    formula: None,
                });
            }
            (ColumnRole::PlannedTotal, _, _) => conv.declared.push(declare(Measure::PlannedTotal)),
            (ColumnRole::ExecutedTotal, _, action) => {
                if let Some(action) = action {
                    if action.execution.executed_total.is_none() {
                        action.execution.executed_total = Some(f.value);
                    }
                }
                conv.declared.push(declare(Measure::ExecutedTotal));
            }
            (ColumnRole::YearTotal(year), _, _) => {
                conv.declared.push(declare(Measure::Year(*year)))
            }
            _ => {}
        }
    }
    // A declared executed total stands for the executed amount only when the
    // block gives no funder's own.
    for action in &mut actions {
        if !action.execution.executed.is_empty() {
            action.execution.executed_total = None;
        }
    }
    for action in actions {
        conv.actions.push(action);
    }
    let heading_of: std::collections::HashMap<usize, ActionId> = blocks
        .iter()
        .enumerate()
        .map(|(id, b)| (b.line, id))
        .collect();
    let rows = lines
        .iter()
        .enumerate()
        .map(|(i, l)| RowReading {
            row: i + 1,
            kind: match heading_of.get(&(i + 1)) {
                Some(id) => RowKind::Action(*id),
                None if l.trim().is_empty() => RowKind::Empty,
                None => RowKind::Ignored,
            },
        })
        .collect();
    Reading {
        convention: conv,
        errors: Vec::new(),
        header_row: None,
        columns: Vec::new(),
        rows,
        assumptions: Vec::new(),
        refused: None,
        report: Some(ReportReading { figures, uncertain }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(String, Decimal)> {
        amounts_in(line)
            .into_iter()
            .map(|a| (line[a.start..a.end].to_string(), a.value))
            .collect()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn finds_amounts_in_the_french_forms_of_the_reports() {
        assert_eq!(
            values("Report Etat 2021 : 24 600 € "),
            [("24 600 €".to_string(), dec("24600"))]
        );
        assert_eq!(
            values("Budget global : 145 648,26 €")[0].1,
            dec("145648.26")
        );
        assert_eq!(values("Par CD = 72 734,27€")[0].1, dec("72734.27"));
        assert_eq!(values("soit 1,2 M€ sur trois ans")[0].1, dec("1200000"));
        assert_eq!(
            values("Report demandé sur 2020 : 20 000 euros.")[0].1,
            dec("20000")
        );
        assert_eq!(values("avec 24\u{202F}600\u{A0}€")[0].1, dec("24600"));
        assert_eq!(
            values("un total de 1.234.567,50 EUR")[0].1,
            dec("1234567.50")
        );
        assert_eq!(values("Avenant 2022 CD : 21 500 €.")[0].1, dec("21500"));
        assert_eq!(values("de 12 k€")[0].1, dec("12000"));
        // Numbers without a unit are no amounts; a year before an amount stays apart.
        assert!(values("il est mobilisé 8 ETP (de juin 2022 à juin 2023) et 6").is_empty());
        assert_eq!(
            values("Montant CD (report) en 2021 50 000 €"),
            [("50 000 €".to_string(), dec("50000"))]
        );
        assert_eq!(
            values("dont 91 PC, pour 34 320€, et 257€ en moyenne"),
            [
                ("34 320€".to_string(), dec("34320")),
                ("257€".to_string(), dec("257"))
            ]
        );
        assert!(values("CD23 : 2022").is_empty());
        assert!(values("Euro-dollar").is_empty());
    }

    #[test]
    fn finds_action_headings_and_their_titles() {
        let h = |l: &str| action_heading(l);
        let pair = |n: &str, t: &str| Some((n.to_string(), t.to_string()));
        assert_eq!(h("Fiche action n°5 "), pair("5", ""));
        assert_eq!(
            h("Fiche action n°5 : Amélioration des délais d'orientation"),
            pair("5", "Amélioration des délais d'orientation")
        );
        assert_eq!(h("Fiche-action n° 2.1 – Mobilité"), pair("2.1", "Mobilité"));
        assert_eq!(
            h("ACTION N°3 : Paniers solidaires"),
            pair("3", "Paniers solidaires")
        );
        assert_eq!(
            h("Action 1.2 Thérapie familiale"),
            pair("1.2", "Thérapie familiale")
        );
        assert_eq!(h("Action 5 personnes ont été accompagnées"), None);
        assert_eq!(h("Actions menées en 2022"), None);
        assert_eq!(h("L'action n°5 a permis"), None);
        assert_eq!(h("Fiche de poste"), None);
    }

    #[test]
    fn an_outline_heading_gives_a_title() {
        let lines = [
            "1.3.2. Renforcement du premier accueil des femmes dans le cadre du service ",
            "emploi au CIDFF ",
            "1.3.2.1. Description de l’action ",
            "",
            "Fiche action n°3 ",
        ];
        assert_eq!(
            title_above(&lines, 4, 0),
            "Renforcement du premier accueil des femmes dans le cadre du service emploi au CIDFF"
        );
    }
}
