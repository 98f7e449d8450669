//! The mapping preview: after a paste, how each column and each row was
//! understood, with the column meanings and the header row open to change.

use budget_core::read::{self, ColumnRole, Confidence, FunderRef, Reading, RowKind};
use budget_core::{Convention, FunderKind, Lang, Part};
use leptos::prelude::*;

use super::report_text;
use crate::state::Workspace;
use crate::ui::i18n::{role_label, row_kind_label, t, Key};
use budget_core::text::column_letter;

/// Rows listed one by one in the preview (the counts cover all of them).
const ROWS_LISTED: usize = 300;

/// Every meaning a column can be given, for the funders this table has; the
/// roles the reader chose (year columns…) are kept in the list.
pub fn role_choices(reading: &Reading) -> Vec<ColumnRole> {
    let mut funders = vec![FunderRef::State, FunderRef::Departement, FunderRef::Unsplit];
    for f in &reading.convention.funders {
        if f.kind == FunderKind::Other {
            let r = FunderRef::Other(f.name.clone());
            if !funders.contains(&r) {
                funders.push(r);
            }
        }
    }
    let mut out = vec![
        ColumnRole::Ignored,
        ColumnRole::Number,
        ColumnRole::Title,
        ColumnRole::Group,
        ColumnRole::BudgetLine,
        ColumnRole::Service,
        ColumnRole::Comments,
    ];
    for f in &funders {
        for part in [Part::Base, Part::CarryOver, Part::Amendment] {
            out.push(ColumnRole::Planned {
                funder: f.clone(),
                part,
                year: None,
            });
        }
    }
    out.push(ColumnRole::PlannedTotal);
    for f in &funders {
        out.push(ColumnRole::Committed(f.clone()));
        out.push(ColumnRole::Executed(f.clone()));
        out.push(ColumnRole::ToCarryOver(f.clone()));
    }
    out.push(ColumnRole::ExecutedTotal);
    out.push(ColumnRole::Rate);
    for f in funders.iter().filter(|f| **f != FunderRef::Unsplit) {
        out.push(ColumnRole::Received(f.clone()));
    }
    for c in &reading.columns {
        if !out.contains(&c.role) {
            out.push(c.role.clone());
        }
    }
    out
}

fn row_content(conv: &Convention, kind: &RowKind) -> String {
    match kind {
        RowKind::Action(id) => conv
            .actions
            .get(*id)
            .map(|a| format!("{} — {}", a.number, a.title))
            .unwrap_or_default(),
        RowKind::GroupHeading(id) => conv
            .groups
            .get(*id)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        RowKind::Subtotal { label } | RowKind::GrandTotal { label } => label.clone(),
        _ => String::new(),
    }
}

/// Counts of each kind of row, in reading order of kinds.
fn row_counts(lang: Lang, reading: &Reading) -> String {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for r in &reading.rows {
        let label = row_kind_label(lang, &r.kind);
        match counts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => counts.push((label, 1)),
        }
    }
    counts
        .iter()
        .map(|(l, n)| format!("{n} × {l}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The preview of the import in progress; nothing when there is none.
#[component]
pub fn MappingPanel(ws: Workspace) -> impl IntoView {
    move || {
        let lang = ws.lang.get();
        ws.import.get().map(|import| {
            let reading = import.reading;
            let choices = role_choices(&reading);
            let header_value = reading.header_row.unwrap_or(0).to_string();
            let columns = reading
                .columns
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let letter = column_letter(col.index);
                    let selected = choices.iter().position(|c| *c == col.role);
                    let options = choices
                        .iter()
                        .enumerate()
                        .map(|(k, role)| {
                            view! {
                                <option value=k.to_string() selected=Some(k) == selected>
                                    {role_label(lang, role)}
                                </option>
                            }
                        })
                        .collect_view();
                    let choices = choices.clone();
                    let select_label = format!("{} {letter}", t(lang, Key::RoleOf));
                    let sure = t(
                        lang,
                        match col.confidence {
                            Confidence::Read => Key::ReadFromHeading,
                            Confidence::Guessed => Key::ReadGuessed,
                            Confidence::Chosen => Key::ReadChosen,
                        },
                    );
                    view! {
                        <tr class:bw-guessed=col.confidence == Confidence::Guessed>
                            <th scope="row">{letter}</th>
                            <td>{col.header.clone()}</td>
                            <td>{sure}</td>
                            <td>
                                <select
                                    aria-label=select_label
                                    on:change=move |ev| {
                                        let picked = event_target_value(&ev).parse::<usize>().ok();
                                        if let Some(role) = picked.and_then(|k| choices.get(k)) {
                                            ws.set_column_role(i, role.clone());
                                        }
                                    }
                                >
                                    {options}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let listed = reading
                .rows
                .iter()
                .filter(|r| r.kind != RowKind::Empty)
                .take(ROWS_LISTED)
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{r.row}</th>
                            <td>{row_kind_label(lang, &r.kind)}</td>
                            <td>{row_content(&reading.convention, &r.kind)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let counts = row_counts(lang, &reading);
            let refused = reading.refused.as_ref().map(|r| {
                view! { <p class="bw-error" role="alert">{r.message(lang)}</p> }
            });
            let guesses = (!reading.assumptions.is_empty()).then(|| {
                let items = reading
                    .assumptions
                    .iter()
                    .map(|a| {
                        let options = read::other_reading(&reading, [a]);
                        let button = a.has_alternative().then(|| {
                            view! {
                                <button type="button" on:click=move |_| ws.reread(options.clone())>
                                    {a.alternative_label(lang)}
                                </button>
                            }
                        });
                        view! { <li><span>{a.message(lang)}</span> " " {button}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="bw-guesses" role="note" aria-labelledby="bw-guesses-heading">
                        <h3 id="bw-guesses-heading">{t(lang, Key::GuessesHeading)}</h3>
                        <p class="bw-hint">{t(lang, Key::GuessesIntro)}</p>
                        <ul>{items}</ul>
                    </div>
                }
            });
            let is_report = reading.report.is_some();
            let report_view = reading
                .report
                .as_ref()
                .map(|r| report_text::report_preview(ws, lang, &reading, r, &choices));
            view! {
                <section class="bw-mapping" aria-labelledby="bw-mapping-heading">
                    <h2 id="bw-mapping-heading">{t(lang, Key::MappingHeading)}</h2>
                    <p class="bw-hint">{t(lang, Key::MappingIntro)}</p>
                    {refused}
                    {guesses}
                    {report_view}
                    <div class="bw-field" hidden=is_report>
                        <label for="bw-header-row">{t(lang, Key::HeaderRowLabel)}</label>
                        <input
                            id="bw-header-row"
                            type="number"
                            min="0"
                            inputmode="numeric"
                            aria-describedby="bw-header-row-hint"
                            prop:value=header_value
                            on:change=move |ev| {
                                if let Ok(row) = event_target_value(&ev).trim().parse::<usize>() {
                                    ws.set_header_row(row);
                                }
                            }
                        />
                        <span id="bw-header-row-hint" class="bw-hint">{t(lang, Key::HeaderRowHint)}</span>
                    </div>
                    <div class="bw-scroll" hidden=is_report>
                        <table class="bw-columns">
                            <caption>{t(lang, Key::ColumnsCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, Key::ColColumn)}</th>
                                    <th scope="col">{t(lang, Key::ColHeading)}</th>
                                    <th scope="col">{t(lang, Key::ColReading)}</th>
                                    <th scope="col">{t(lang, Key::ColRole)}</th>
                                </tr>
                            </thead>
                            <tbody>{columns}</tbody>
                        </table>
                    </div>
                    <p>
                        <strong>{format!("{} : ", t(lang, Key::RowsSummary))}</strong>
                        {counts}
                    </p>
                    <details>
                        <summary>{t(lang, Key::RowsDetails)}</summary>
                        <table class="bw-rows">
                            <caption>{t(lang, Key::RowsSummary)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, Key::ColRow)}</th>
                                    <th scope="col">{t(lang, Key::ColKind)}</th>
                                    <th scope="col">{t(lang, Key::ColContent)}</th>
                                </tr>
                            </thead>
                            <tbody>{listed}</tbody>
                        </table>
                    </details>
                    <div class="bw-actions">
                        <button type="button" on:click=move |_| ws.confirm()>{t(lang, Key::Confirm)}</button>
                        <button type="button" on:click=move |_| ws.undo_import()>{t(lang, Key::UndoImport)}</button>
                    </div>
                </section>
            }
        })
    }
}
