//! The results: totals per funder, the table of actions with computed
//! subtotals, every unreadable cell and every inconsistency. Formatting only:
//! every figure comes from the core through [`Summary`].
//!
//! All user text goes through Leptos text nodes and attributes, never `inner_html`.

use budget_core::money::{format_eur, format_percent};
use budget_core::{CalcError, Lang};
use leptos::prelude::*;

use crate::i18n::{checks_more, colon, counted, quoted, t, Key, Noun};
use crate::state::Workspace;
use crate::summary::Summary;
use crate::view_util::show_rest_button;
use budget_core::figures::CoFinancing;

/// The checks tab: every inconsistency of the convention, worked out while
/// the tab is shown (or printed); `go` takes the user to a row.
#[component]
pub fn ChecksView(ws: Workspace, go: Callback<budget_core::Scope>) -> impl IntoView {
    let warnings = Memo::new(move |_| {
        if !crate::app::is_shown(crate::app::View::Checks) {
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
        crate::app::is_shown(crate::app::View::Execution).then(|| {
            summary.with(|s| {
                s.as_ref().map(|s| {
                    let l = lang.get();
                    view! {
                        {(!s.has_execution).then(|| view! { <p>{t(l, Key::NoExecution)}</p> })}
                        {crate::grid::execution_table(grid, l, s)}
                        {s.has_execution.then(|| crate::chunks::deferred(lang, || true, move || crate::chunks::consumption_chart(ws)))}
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

/// « Calcul impossible : … » — a calculation that failed, with its reason,
/// in `lang` (the status line, the Years view, the comparison).
pub fn calc_error_text(lang: Lang, e: &CalcError) -> String {
    format!(
        "{}{}{}",
        t(lang, Key::CalcErrorHeading),
        colon(lang),
        e.message(lang)
    )
}

/// The amounts of a row (one cell per funder, then the total; the reason
/// across them when they could not be computed), following `amounts`
/// (`None`: no cells): the cells are made once, and again only when the
/// figures go from computed to not computed or back; after an edit only
/// their text changes (drawing them again wrote every attribute of every
/// cell).
pub fn live_amount_cells(
    lang: Lang,
    amounts: Memo<Option<Result<budget_core::figures::FunderAmounts, CalcError>>>,
    width: usize,
) -> impl IntoView {
    let texts = Memo::new(move |_| {
        amounts.with(|a| {
            a.as_ref().map(|a| match a {
                Ok(a) => Ok(a
                    .by_funder
                    .iter()
                    .chain([&a.total])
                    .map(|v| format_eur(*v, lang))
                    .collect::<Vec<_>>()),
                Err(e) => Err(e.message(lang)),
            })
        })
    });
    let shape = Memo::new(move |_| texts.with(|t| t.as_ref().map(Result::is_ok)));
    let text = move |i: usize| {
        move || {
            texts.with(|t| match t {
                Some(Ok(v)) => v.get(i).cloned().unwrap_or_default(),
                Some(Err(e)) => e.clone(),
                None => String::new(),
            })
        }
    };
    move || {
        shape.get().map(|computed| {
            if computed {
                let cells = (0..width)
                    .map(|i| view! { <td class="bw-num">{text(i)}</td> })
                    .collect_view();
                view! {
                    {cells}
                    <td class="bw-num bw-total">{text(width)}</td>
                }
                .into_any()
            } else {
                view! { <td class="bw-error" colspan=(width + 1).to_string()>{text(0)}</td> }
                    .into_any()
            }
        })
    }
}

/// The State's share and the co-financing verdict of an action.
pub fn co_financing_cells(lang: Lang, cf: Option<&CoFinancing>) -> impl IntoView {
    let share = cf
        .and_then(|c| c.state_share)
        .map(|r| format_percent(r, 2, lang))
        .unwrap_or_default();
    let (class, verdict) = match cf {
        None => ("", String::new()),
        Some(c) if c.exempt => ("", t(lang, Key::CoFinExempt).to_string()),
        Some(CoFinancing {
            breach: Some(b), ..
        }) => (
            "bw-breach",
            match b.departement_missing_cents {
                Some(missing) => format!(
                    "{} {} {} {}",
                    t(lang, Key::CoFinBreach),
                    format_eur(b.state_excess, lang),
                    t(lang, Key::CoFinOr),
                    format_eur(missing, lang)
                ),
                None => format!(
                    "{} {}",
                    t(lang, Key::CoFinBreach),
                    format_eur(b.state_excess, lang)
                ),
            },
        ),
        Some(_) => ("bw-ok", t(lang, Key::CoFinOk).to_string()),
    };
    view! {
        <td class="bw-num">{share}</td>
        <td class=class>{verdict}</td>
    }
}

pub(crate) fn opt_eur(lang: Lang, v: Option<budget_core::Decimal>) -> String {
    v.map(|v| format_eur(v, lang))
        .unwrap_or_else(|| "—".to_string())
}

pub(crate) fn opt_pct(lang: Lang, v: Option<budget_core::Decimal>) -> String {
    v.map(|v| format_percent(v, 0, lang))
        .unwrap_or_else(|| "—".to_string())
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
