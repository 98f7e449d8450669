//! The results: totals per funder, the table of actions with computed
//! subtotals, every unreadable cell and every inconsistency. Formatting only:
//! every figure comes from the core through [`Summary`].
//!
//! All user text goes through Leptos text nodes and attributes, never `inner_html`.

use budget_core::money::{format_eur, format_percent};
use budget_core::Lang;
use leptos::prelude::*;

use crate::grid::cells::opt_eur;
use crate::state::summary::Summary;
use crate::state::Workspace;
use crate::ui::i18n::{checks_more, colon, counted, quoted, t, Key, Noun};
use crate::ui::view_util::{calc_error_text, show_rest_button};

/// The checks tab: every inconsistency of the convention, worked out while
/// the tab is shown (or printed); `go` takes the user to a row.
#[component]
pub fn ChecksView(ws: Workspace, go: Callback<budget_core::Scope>) -> impl IntoView {
    let warnings = Memo::new(move |_| {
        if !crate::words::is_shown(crate::words::View::Checks) {
            return None;
        }
        ws.convention
            .with(|c| c.as_ref().map(|c| budget_core::checks::check(c).warnings))
    });
    move || warnings.with(|w| w.as_ref().map(|w| checks_section(ws.lang.get(), w, go)))
}

/// The execution tab: each funder's executed amount edited in place in
/// `grid`, rates, remaining, unspent State credit and the consumption chart,
/// drawn while the tab is shown (or printed).
#[component]
pub fn ExecutionView(
    ws: Workspace,
    grid: crate::grid::Grid,
    summary: Memo<Option<Summary>>,
) -> impl IntoView {
    let lang = ws.lang;
    move || {
        crate::words::is_shown(crate::words::View::Execution).then(|| {
            summary.with(|s| {
                s.as_ref().map(|s| {
                    let l = lang.get();
                    view! {
                        {(!s.has_execution).then(|| view! { <p>{t(l, Key::NoExecution)}</p> })}
                        {crate::grid::execution_table(grid, l, s)}
                        {s.has_execution.then(|| crate::chunks::deferred(lang, || true, move || crate::workbench::chunks::consumption_chart(ws)))}
                    }
                })
            })
        })
    }
}

/// The list of inconsistencies, each with its row in the source table.
pub fn checks_section(
    lang: Lang,
    warnings: &[budget_core::checks::Warning],
    go: Callback<budget_core::Scope>,
) -> impl IntoView {
    // One warning, with a link to its row when it has one.
    let item = move |k: usize, w: &budget_core::checks::Warning| {
        let message = w.message(lang);
        let target = match w.scope {
            Some(scope @ (budget_core::Scope::Action(_) | budget_core::Scope::Group(_))) => {
                Some(scope)
            }
            _ => None,
        };
        let place = if w.place.is_empty() {
            String::new()
        } else {
            format!(" {}", quoted(lang, &w.place))
        };
        let link = target.map(|scope| {
            view! {
                <button type="button" class="bw-link" on:click=move |_| go.run(scope)>
                    {format!("{}{place}", t(lang, Key::GoToRow))}
                </button>
            }
        });
        // The first of those shown on demand takes the focus then.
        let id = (k == SHOWN_CHECKS).then_some(MORE_CHECKS_ID);
        view! { <li id=id tabindex=id.map(|_| "-1")>{message}" "{link}</li> }
    };
    let body = if warnings.is_empty() {
        view! { <p class="bw-ok">{t(lang, Key::ChecksNone)}</p> }.into_any()
    } else {
        // Thousands of warnings (a table of 10 000 actions) take seconds to
        // draw: the first SHOWN_CHECKS, the others on demand.
        let (first, rest) = warnings.split_at(warnings.len().min(SHOWN_CHECKS));
        let first = first
            .iter()
            .enumerate()
            .map(|(k, w)| item(k, w))
            .collect_view();
        let rest = rest.to_vec();
        let more = rest.len();
        let all = RwSignal::new(false);
        let rest = move || {
            all.get().then(|| {
                rest.iter()
                    .enumerate()
                    .map(|(k, w)| item(SHOWN_CHECKS + k, w))
                    .collect_view()
            })
        };
        let button =
            (more > 0).then(|| show_rest_button(all, checks_more(lang, more), MORE_CHECKS_ID));
        view! { <ul>{first}{rest}</ul>{button} }.into_any()
    };
    view! {
        <section class="bw-checks" aria-labelledby="bw-checks-heading">
            <h2 id="bw-checks-heading">
                {format!("{} ({})", t(lang, Key::ChecksHeading), counted(lang, warnings.len(), Noun::Inconsistency))}
            </h2>
            {body}
        </section>
    }
}

/// How many warnings the checks list shows before « Afficher les … autres ».
pub const SHOWN_CHECKS: usize = 200;
/// The id of the first warning shown on demand.
const MORE_CHECKS_ID: &str = "bw-check-more";

/// The sentence read out by screen readers after each recalculation.
pub fn status_text(lang: Lang, summary: Option<&Summary>) -> String {
    let Some(s) = summary else {
        return String::new();
    };
    match &s.grand {
        Ok(g) => format!(
            "{}{}{} ({})",
            t(lang, Key::GrandTotal),
            colon(lang),
            format_eur(g.total, lang),
            counted(lang, s.action_count, Noun::Action)
        ),
        Err(e) => calc_error_text(lang, e),
    }
}

/// The cells that could not be read, with their row, column and reason.
pub fn errors_section(lang: Lang, s: &Summary) -> impl IntoView {
    (!s.errors.is_empty()).then(|| {
        let items = s
            .errors
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <strong>{format!("{} {}, {} {}", t(lang, Key::Row), e.row, t(lang, Key::Column), quoted(lang, &e.header))}</strong>
                        {format!("{}{} — {}", colon(lang), quoted(lang, &e.text), e.reason.reason_in(lang))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="bw-errors" role="alert" aria-labelledby="bw-errors-heading">
                <h2 id="bw-errors-heading">{t(lang, Key::ErrorsHeading)}</h2>
                <p>{t(lang, Key::ErrorsIntro)}</p>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// Totals and shares per funder, following `summary`: the table is made once
/// per set of funders (and again when the total can or cannot be computed);
/// after an edit only the figures' text changes.
pub fn live_totals_table(lang: Lang, summary: Memo<Option<Summary>>) -> impl IntoView {
    // Per funder: name, amount, share; then the total and its share; or why not.
    type Texts = Result<(Vec<[String; 3]>, [String; 2]), String>;
    let texts: Memo<Option<Texts>> = Memo::new(move |_| {
        summary.with(|s| {
            s.as_ref().map(|s| match &s.grand {
                Ok(g) => Ok((
                    s.funders
                        .iter()
                        .zip(g.by_funder.iter())
                        .zip(s.grand_shares.iter())
                        .map(|((name, amount), share)| {
                            [
                                name.clone(),
                                format_eur(*amount, lang),
                                match (s.split, share) {
                                    (false, _) => t(lang, Key::NotApplicable).to_string(),
                                    (true, Some(r)) => format_percent(*r, 2, lang),
                                    (true, None) => String::new(),
                                },
                            ]
                        })
                        .collect(),
                    [
                        format_eur(g.total, lang),
                        if s.split {
                            format_percent(budget_core::Decimal::ONE, 2, lang)
                        } else {
                            t(lang, Key::NotApplicable).to_string()
                        },
                    ],
                )),
                Err(e) => Err(e.message(lang)),
            })
        })
    });
    let shape = Memo::new(move |_| {
        texts.with(|t| {
            t.as_ref()
                .map(|t| t.as_ref().map(|(rows, _)| rows.len()).ok())
        })
    });
    let cell = move |row: usize, col: usize| {
        move || {
            texts.with(|t| match t {
                Some(Ok((rows, _))) => rows
                    .get(row)
                    .and_then(|r| r.get(col))
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
        }
    };
    let total = move || {
        texts.with(|t| match t {
            Some(Ok((_, [total, _]))) => total.clone(),
            Some(Err(e)) => e.clone(),
            None => String::new(),
        })
    };
    let total_share = move || {
        texts.with(|t| match t {
            Some(Ok((_, [_, share]))) => share.clone(),
            _ => String::new(),
        })
    };
    move || {
        shape.get().map(|rows| {
            let body = match rows {
                Some(n) => {
                    let funder_rows = (0..n)
                        .map(|r| {
                            view! {
                                <tr>
                                    <th scope="row">{cell(r, 0)}</th>
                                    <td class="bw-num">{cell(r, 1)}</td>
                                    <td class="bw-num">{cell(r, 2)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        {funder_rows}
                        <tr class="bw-total-row">
                            <th scope="row">{t(lang, Key::ColTotal)}</th>
                            <td class="bw-num">{total}</td>
                            <td class="bw-num">{total_share}</td>
                        </tr>
                    }
                    .into_any()
                }
                None => view! { <tr><td colspan="3" class="bw-error">{total}</td></tr> }.into_any(),
            };
            view! {
                {totals_frame(lang, body)}
                {move || summary.with(|s| s.as_ref().map(|s| split_notes(lang, s)))}
            }
        })
    }
}

/// Under the totals: that the amounts are not split by funder (so no shares
/// and no co-financing rule), and the money received from each funder with
/// its planned part.
fn split_notes(lang: Lang, s: &Summary) -> impl IntoView {
    let not_split = (!s.split).then(|| view! { <p class="bw-note">{t(lang, Key::NotSplit)}</p> });
    let received = (!s.received.is_empty()).then(|| {
        let rows = s
            .received
            .iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.name.clone()}</th>
                        <td class="bw-num">{format_eur(r.amount, lang)}</td>
                        <td class="bw-num">{opt_eur(lang, r.planned)}</td>
                        <td class="bw-num">{opt_eur(lang, r.difference)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="bw-totals bw-received">
                <caption>{t(lang, Key::ReceivedCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ReceivedFrom)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ReceivedAmount)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ReceivedPlanned)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ReceivedGap)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    view! { {not_split} {received} }
}

fn totals_frame(lang: Lang, body: AnyView) -> impl IntoView {
    view! {
        <table class="bw-totals">
            <caption>{t(lang, Key::TotalsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t(lang, Key::ColFunder)}</th>
                    <th scope="col" class="bw-num">{t(lang, Key::ColAmount)}</th>
                    <th scope="col" class="bw-num">{t(lang, Key::ColShare)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}
