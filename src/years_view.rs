//! The multi-year view: the envelope of each year per funder with its change
//! from the previous year, and each action's total per year.
//!
//! Figures: [`budget_core::figures::year_totals`] (whole convention and each
//! action), [`budget_core::figures::grand_planned`] and
//! [`budget_core::figures::action_planned`] for the totals. Formatting only.

use budget_core::figures::{self, FunderAmounts, Years};
use budget_core::money::{format_eur, format_percent};
use budget_core::{Convention, Decimal, Lang, Scope};
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use crate::view_util::signed_eur;

/// A relative change with its sign: `+12,50 %`, `−3,00 %`.
fn signed_percent(ratio: Decimal, lang: Lang) -> String {
    let text = format_percent(ratio, 2, lang);
    if ratio > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn amount_cells(lang: Lang, amounts: &FunderAmounts) -> impl IntoView {
    let cells = amounts
        .by_funder
        .iter()
        .map(|v| view! { <td class="bw-num">{format_eur(*v, lang)}</td> })
        .collect_view();
    view! {
        {cells}
        <td class="bw-num bw-total">{format_eur(amounts.total, lang)}</td>
    }
}

/// The table of the envelope per year and per funder.
fn years_table(lang: Lang, conv: &Convention, years: &Years) -> impl IntoView {
    let funder_headers = conv
        .funders
        .iter()
        .map(|f| view! { <th scope="col" class="bw-num">{f.name.clone()}</th> })
        .collect_view();
    let rows = years
        .by_year
        .iter()
        .map(|y| {
            let (absolute, relative) = match &y.change {
                Some(c) => (
                    signed_eur(c.absolute, lang),
                    c.relative
                        .map(|r| signed_percent(r, lang))
                        .unwrap_or_else(|| "—".into()),
                ),
                None => ("—".into(), "—".into()),
            };
            view! {
                <tr>
                    <th scope="row">{y.year}</th>
                    {amount_cells(lang, &y.planned)}
                    <td class="bw-num">{absolute}</td>
                    <td class="bw-num">{relative}</td>
                </tr>
            }
        })
        .collect_view();
    let without = years.without_year.as_ref().map(|w| {
        view! {
            <tr>
                <th scope="row">{t(lang, Key::YrWithoutYear)}</th>
                {amount_cells(lang, w)}
                <td class="bw-num">"—"</td>
                <td class="bw-num">"—"</td>
            </tr>
        }
    });
    let grand = match figures::grand_planned(conv) {
        Ok(g) => view! {
            <tr class="bw-total-row">
                <th scope="row">{t(lang, Key::GrandTotal)}</th>
                {amount_cells(lang, &g)}
                <td></td>
                <td></td>
            </tr>
        }
        .into_any(),
        Err(e) => view! {
            <tr>
                <td class="bw-error" colspan=(conv.funders.len() + 4).to_string()>{e.to_string()}</td>
            </tr>
        }
        .into_any(),
    };
    view! {
        <div class="bw-scroll">
            <table class="bw-years-table">
                <caption>{t(lang, Key::YrCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::YrColYear)}</th>
                        {funder_headers}
                        <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::YrColChange)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::YrColChangePct)}</th>
                    </tr>
                </thead>
                <tbody>{rows}{without}</tbody>
                <tfoot>{grand}</tfoot>
            </table>
        </div>
    }
}

/// The table of each action's total per year.
fn actions_table(lang: Lang, conv: &Convention, years: &Years) -> impl IntoView {
    let columns: Vec<i32> = years.by_year.iter().map(|y| y.year).collect();
    let with_without = years.without_year.is_some();
    let year_headers = columns
        .iter()
        .map(|y| view! { <th scope="col" class="bw-num">{*y}</th> })
        .collect_view();
    let without_header = with_without
        .then(|| view! { <th scope="col" class="bw-num">{t(lang, Key::YrWithoutYear)}</th> });
    let width = columns.len() + usize::from(with_without) + 3;
    let rows = conv
        .actions
        .iter()
        .enumerate()
        .map(|(id, a)| {
            let cells = match (
                figures::year_totals(conv, Scope::Action(id)),
                figures::action_planned(conv, id),
            ) {
                (Ok(ay), Ok(total)) => {
                    let by_year = columns
                        .iter()
                        .map(|y| view! { <td class="bw-num">{format_eur(ay.total_of(*y), lang)}</td> })
                        .collect_view();
                    // An action whose amounts all lack a year has no year
                    // figures at all: everything it plans is "without year".
                    let without = with_without.then(|| {
                        let value = match (&ay.without_year, ay.by_year.is_empty()) {
                            (Some(w), _) => w.total,
                            (None, true) => total.total,
                            (None, false) => Decimal::ZERO,
                        };
                        view! { <td class="bw-num">{format_eur(value, lang)}</td> }
                    });
                    view! {
                        {by_year}
                        {without}
                        <td class="bw-num bw-total">{format_eur(total.total, lang)}</td>
                    }
                    .into_any()
                }
                (Err(e), _) | (_, Err(e)) => view! {
                    <td class="bw-error" colspan=(width - 2).to_string()>{e.to_string()}</td>
                }
                .into_any(),
            };
            view! {
                <tr>
                    <th scope="row" class="bw-number">{a.number.clone()}</th>
                    <td>{a.title.clone()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="bw-scroll">
            <table class="bw-years-actions">
                <caption>{t(lang, Key::YrActionsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        {year_headers}
                        {without_header}
                        <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn years_content(lang: Lang, conv: &Convention) -> AnyView {
    match figures::year_totals(conv, Scope::Grand) {
        Ok(years) if years.by_year.is_empty() => {
            view! { <p class="bw-empty">{t(lang, Key::YrNone)}</p> }.into_any()
        }
        Ok(years) => view! {
            {years_table(lang, conv, &years)}
            {actions_table(lang, conv, &years)}
        }
        .into_any(),
        Err(e) => view! {
            <p class="bw-error">{format!("{} : {e}", t(lang, Key::CalcErrorHeading))}</p>
        }
        .into_any(),
    }
}

/// The years of the convention: envelope per year and per funder, change from
/// year to year, and each action per year.
#[component]
pub fn YearsView(ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    view! {
        <section class="bw-years" aria-labelledby="bw-years-heading">
            <h2 id="bw-years-heading">{move || t(lang.get(), Key::YrHeading)}</h2>
            {move || {
                let lang = lang.get();
                ws.convention.with(|c| match c {
                    Some(c) => years_content(lang, c),
                    None => ().into_any(),
                })
            }}
        </section>
    }
}
