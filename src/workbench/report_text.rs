//! The reading preview of a report's text: every amount taken, with the line
//! it came from and the words that gave its meaning (open to change), and
//! the amounts of uncertain meaning, counted only once the user gives them
//! one (one click on the likely meaning, or a choice in the list).

use budget_core::read::{ColumnRole, Confidence, Reading, ReportReading};
use budget_core::{ActionId, Convention, Lang};
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::i18n::{fill, role_label, t, Key};

/// Figures listed one by one (a long report is cut; the counts cover all).
const FIGURES_LISTED: usize = 400;

/// The meanings an amount can be given: the money roles of the columns.
pub fn amount_choices(column_choices: &[ColumnRole]) -> Vec<ColumnRole> {
    let mut out = vec![ColumnRole::Ignored];
    out.extend(
        column_choices
            .iter()
            .filter(|r| r.is_figure() && **r != ColumnRole::Rate)
            .cloned(),
    );
    out
}

fn action_label(conv: &Convention, id: Option<ActionId>) -> String {
    id.and_then(|id| conv.actions.get(id))
        .map(|a| a.number.clone())
        .unwrap_or_default()
}

/// A list of meanings for the amount at (`line`, `nth`): `selected` is the
/// one it has (none for an uncertain amount, which gets a first empty
/// choice).
fn meaning_select(
    ws: Workspace,
    lang: Lang,
    choices: &[ColumnRole],
    selected: Option<&ColumnRole>,
    (line, nth): (usize, usize),
    label: String,
) -> impl IntoView {
    let picked = selected.and_then(|r| choices.iter().position(|c| c == r));
    let empty = selected.is_none().then(|| {
        view! { <option value="" selected=true>{t(lang, Key::ChooseMeaning)}</option> }
    });
    let options = choices
        .iter()
        .enumerate()
        .map(|(k, role)| {
            let text = if *role == ColumnRole::Ignored {
                t(lang, Key::LeaveOut).to_string()
            } else {
                role_label(lang, role)
            };
            view! { <option value=k.to_string() selected=Some(k) == picked>{text}</option> }
        })
        .collect_view();
    let choices = choices.to_vec();
    view! {
        <select
            aria-label=label
            on:change=move |ev| {
                let k = event_target_value(&ev).parse::<usize>().ok();
                if let Some(role) = k.and_then(|k| choices.get(k)) {
                    ws.set_amount_meaning(line, nth, role.clone());
                }
            }
        >
            {empty}
            {options}
        </select>
    }
}

/// The preview of a report's text read into a convention.
pub fn report_preview(
    ws: Workspace,
    lang: Lang,
    reading: &Reading,
    report: &ReportReading,
    column_choices: &[ColumnRole],
) -> impl IntoView {
    let conv = &reading.convention;
    let choices = amount_choices(column_choices);
    let figures = report
        .figures
        .iter()
        .take(FIGURES_LISTED)
        .map(|f| {
            let section = f.section.as_ref().map(|(line, heading)| {
                let line = line.to_string();
                view! {
                    <br />
                    <span class="bw-hint">
                        {fill(lang, Key::ReportFromSection, &[("heading", heading), ("line", &line)])}
                    </span>
                }
            });
            let chosen = (f.confidence == Confidence::Chosen).then(|| {
                view! { " " <span class="bw-hint">{format!("({})", t(lang, Key::ReportChosen))}</span> }
            });
            let label = fill(
                lang,
                Key::MeaningOf,
                &[("amount", &f.text), ("line", &f.line.to_string())],
            );
            view! {
                <tr>
                    <th scope="row">{f.line}</th>
                    <td>{f.words.clone()} {section}</td>
                    <td class="bw-num">{f.text.clone()}</td>
                    <td>
                        {meaning_select(ws, lang, &choices, Some(&f.role), (f.line, f.nth), label)}
                        {chosen}
                    </td>
                    <td>{action_label(conv, f.action)}</td>
                </tr>
            }
        })
        .collect_view();
    let uncertain = (!report.uncertain.is_empty()).then(|| {
        let items = report
            .uncertain
            .iter()
            .map(|u| {
                let (line, nth) = (u.line, u.nth);
                let take = u.suggestion.clone().map(|role| {
                    let text = fill(lang, Key::UncertainTake, &[("meaning", &role_label(lang, &role))]);
                    view! {
                        " "
                        <button type="button" on:click=move |_| ws.set_amount_meaning(line, nth, role.clone())>
                            {text}
                        </button>
                    }
                });
                let label = fill(
                    lang,
                    Key::MeaningOf,
                    &[("amount", &u.text), ("line", &u.line.to_string())],
                );
                let action = action_label(conv, u.action);
                let place = if action.is_empty() {
                    format!("{} {}", t(lang, Key::ColLine), u.line)
                } else {
                    format!("{} {} · {} {action}", t(lang, Key::ColLine), u.line, t(lang, Key::ColAction))
                };
                let quoted = match lang {
                    Lang::Fr => format!(" : « {} » ", u.context),
                    Lang::En => format!(": “{}” ", u.context),
                };
                view! {
                    <li>
                        <strong>{u.text.clone()}</strong>
                        " — " {place} {quoted}
                        {meaning_select(ws, lang, &choices, None, (line, nth), label)}
                        {take}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="bw-guesses" role="note" aria-labelledby="bw-uncertain-heading">
                <h3 id="bw-uncertain-heading">
                    {format!("{} ({})", t(lang, Key::UncertainHeading), report.uncertain.len())}
                </h3>
                <p class="bw-hint">{t(lang, Key::UncertainIntro)}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <h3 id="bw-report-heading">
            {format!("{} ({})", t(lang, Key::ReportHeading), report.figures.len())}
        </h3>
        <p class="bw-hint">{t(lang, Key::ReportIntro)}</p>
        {uncertain}
        <div class="bw-scroll">
            <table class="bw-report-figures">
                <caption>{t(lang, Key::ReportCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColLine)}</th>
                        <th scope="col">{t(lang, Key::ColWords)}</th>
                        <th scope="col">{t(lang, Key::ColAmount)}</th>
                        <th scope="col">{t(lang, Key::ColMeaning)}</th>
                        <th scope="col">{t(lang, Key::ColAction)}</th>
                    </tr>
                </thead>
                <tbody>{figures}</tbody>
            </table>
        </div>
    }
}
