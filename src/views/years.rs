//! The multi-year view: the envelope of each year per funder with its change
//! from the previous year, and each group's and each action's total per year
//! with its change from year to year.
//!
//! Figures: [`budget_core::figures::year_totals`] (whole convention and each
//! action), [`budget_core::figures::grand_planned`] and
//! [`budget_core::figures::action_planned`] for the totals. Formatting only.

use budget_core::figures::{self, FunderAmounts, Years};
use budget_core::money::{format_eur, format_percent};
use budget_core::{Convention, Decimal, Lang, Scope};
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::i18n::{t, t_any, Key};
use crate::ui::view_util::{dynamic, row, signed_eur, table, td, td_num, th_col, th_row, tr};

/// A relative change with its sign: `+12,50 %`, `−3,00 %`.
fn signed_percent(ratio: Decimal, lang: Lang) -> String {
    let text = format_percent(ratio, 2, lang);
    if ratio > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// The cells of the amounts of each funder and their total.
fn amount_cells(lang: Lang, amounts: &FunderAmounts) -> Vec<AnyView> {
    amounts
        .by_funder
        .iter()
        .map(|v| td_num(format_eur(*v, lang)))
        .chain(std::iter::once(td(
            format_eur(amounts.total, lang),
            "bw-num bw-total",
            1,
        )))
        .collect()
}

/// The table of the envelope per year and per funder.
fn years_table(lang: Lang, conv: &Convention, years: &Years) -> AnyView {
    let mut head = vec![th_col(t(lang, Key::YrColYear).into(), false)];
    head.extend(conv.funders.iter().map(|f| th_col(f.name.clone(), true)));
    for key in [Key::ColTotal, Key::YrColChange, Key::YrColChangePct] {
        head.push(th_col(t_any(lang, key).into(), true));
    }
    let mut body: Vec<AnyView> = years
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
            let mut cells = vec![th_row(y.year.to_string(), "", 1)];
            cells.extend(amount_cells(lang, &y.planned));
            cells.push(td_num(absolute));
            cells.push(td_num(relative));
            row("", cells)
        })
        .collect();
    if let Some(w) = &years.without_year {
        let mut cells = vec![th_row(t(lang, Key::YrWithoutYear).into(), "", 1)];
        cells.extend(amount_cells(lang, w));
        cells.push(td_num("—".into()));
        cells.push(td_num("—".into()));
        body.push(row("", cells));
    }
    let grand = match figures::grand_planned(conv) {
        Ok(g) => {
            let mut cells = vec![th_row(t(lang, Key::GrandTotal).into(), "", 1)];
            cells.extend(amount_cells(lang, &g));
            cells.push(td(String::new(), "", 1));
            cells.push(td(String::new(), "", 1));
            row("bw-total-row", cells)
        }
        Err(e) => row(
            "",
            vec![td(e.message(lang), "bw-error", conv.funders.len() + 4)],
        ),
    };
    table(
        "bw-years-table",
        t(lang, Key::YrCaption).into(),
        head,
        body,
        vec![grand],
    )
}

/// The change of `scope`'s total in `year` from the year before, in a cell:
/// `+24 350,50 € (+1,54 %)`; `—` for the first year.
fn change_cell(lang: Lang, of: &Years, year: i32) -> AnyView {
    let text = of
        .by_year
        .iter()
        .find(|y| y.year == year)
        .and_then(|y| y.change.as_ref())
        .map(|c| match c.relative {
            Some(r) => format!(
                "{} ({})",
                signed_eur(c.absolute, lang),
                signed_percent(r, lang)
            ),
            None => signed_eur(c.absolute, lang),
        })
        .unwrap_or_else(|| "—".into());
    td_num(text)
}

/// The headings of the change columns: one per year after the first.
fn change_heads(lang: Lang, columns: &[i32]) -> Vec<AnyView> {
    columns
        .iter()
        .skip(1)
        .map(|y| th_col(format!("{} {y}", t(lang, Key::YrChangeIn)), true))
        .collect()
}

/// The table of each group's total per year, with its change from year to
/// year (when the convention has groups).
fn groups_table(lang: Lang, conv: &Convention, years: &Years) -> Option<AnyView> {
    if conv.groups.is_empty() {
        return None;
    }
    let columns: Vec<i32> = years.by_year.iter().map(|y| y.year).collect();
    let mut head = vec![th_col(t(lang, Key::YrColGroup).into(), false)];
    head.extend(columns.iter().map(|y| th_col(y.to_string(), true)));
    head.extend(change_heads(lang, &columns));
    let span = columns.len() * 2;
    let body = conv
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut cells = vec![th_row(group.name.clone(), "", 1)];
            match figures::year_totals(conv, Scope::Group(g)) {
                Ok(gy) => {
                    cells.extend(
                        columns
                            .iter()
                            .map(|y| td_num(format_eur(gy.total_of(*y), lang))),
                    );
                    cells.extend(columns.iter().skip(1).map(|y| change_cell(lang, &gy, *y)));
                }
                Err(e) => cells.push(td(e.message(lang), "bw-error", span)),
            }
            row("", cells)
        })
        .collect();
    Some(table(
        "bw-years-groups",
        t(lang, Key::YrGroupsCaption).into(),
        head,
        body,
        Vec::new(),
    ))
}

/// The table of each action's total per year.
fn actions_table(lang: Lang, conv: &Convention, years: &Years) -> AnyView {
    let columns: Vec<i32> = years.by_year.iter().map(|y| y.year).collect();
    let with_without = years.without_year.is_some();
    let mut head = vec![
        th_col(t(lang, Key::ColNumber).into(), false),
        th_col(t(lang, Key::ColTitle).into(), false),
    ];
    head.extend(columns.iter().map(|y| th_col(y.to_string(), true)));
    head.extend(change_heads(lang, &columns));
    if with_without {
        head.push(th_col(t(lang, Key::YrWithoutYear).into(), true));
    }
    head.push(th_col(t(lang, Key::ColTotal).into(), true));
    let span = columns.len() * 2 + usize::from(with_without);
    let body = conv
        .actions
        .iter()
        .enumerate()
        .map(|(id, a)| {
            let mut cells = vec![
                th_row(a.number.clone(), "bw-number", 1),
                td(a.title.clone(), "", 1),
            ];
            match (
                figures::year_totals(conv, Scope::Action(id)),
                figures::action_planned(conv, id),
            ) {
                (Ok(ay), Ok(total)) => {
                    cells.extend(
                        columns
                            .iter()
                            .map(|y| td_num(format_eur(ay.total_of(*y), lang))),
                    );
                    cells.extend(columns.iter().skip(1).map(|y| change_cell(lang, &ay, *y)));
                    if with_without {
                        // An action whose amounts all lack a year has no year
                        // figures at all: everything it plans is "without year".
                        let value = match (&ay.without_year, ay.by_year.is_empty()) {
                            (Some(w), _) => w.total,
                            (None, true) => total.total,
                            (None, false) => Decimal::ZERO,
                        };
                        cells.push(td_num(format_eur(value, lang)));
                    }
                    cells.push(td(format_eur(total.total, lang), "bw-num bw-total", 1));
                }
                (Err(e), _) | (_, Err(e)) => cells.push(td(e.message(lang), "bw-error", span)),
            }
            row("", cells)
        })
        .collect();
    table(
        "bw-years-actions",
        t(lang, Key::YrActionsCaption).into(),
        head,
        body,
        Vec::new(),
    )
}

fn years_content(lang: Lang, conv: &Convention) -> AnyView {
    match figures::year_totals(conv, Scope::Grand) {
        Ok(years) if years.by_year.is_empty() => {
            view! { <p class="bw-empty">{t(lang, Key::YrNone)}</p> }.into_any()
        }
        Ok(years) => view! {
            {years_table(lang, conv, &years)}
            {groups_table(lang, conv, &years)}
            {actions_table(lang, conv, &years)}
        }
        .into_any(),
        Err(e) => view! {
            <p class="bw-error">{crate::ui::view_util::calc_error_text(lang, &e)}</p>
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
            <h2 id="bw-years-heading">{tr(lang, Key::YrHeading)}</h2>
            {dynamic(move || {
                if !crate::words::is_shown(crate::words::View::Years) {
                    return ().into_any();
                }
                let lang = lang.get();
                ws.convention.with(|c| match c {
                    Some(c) => years_content(lang, c),
                    None => ().into_any(),
                })
            })}
        </section>
    }
}
