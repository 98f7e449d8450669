//! The results: totals per funder, the table of actions with computed
//! subtotals, every unreadable cell and every inconsistency. Formatting only:
//! every figure comes from the core through [`Summary`].
//!
//! All user text goes through Leptos text nodes and attributes, never `inner_html`.

use budget_core::money::{format_eur, format_percent};
use budget_core::{CalcError, Lang};
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::summary::Summary;
use budget_core::figures::CoFinancing;

/// The list of inconsistencies, each with its row in the source table.
pub fn checks_section(
    lang: Lang,
    warnings: &[budget_core::checks::Warning],
    go: Callback<budget_core::Scope>,
) -> impl IntoView {
    let body = if warnings.is_empty() {
        view! { <p class="bw-ok">{t(lang, Key::ChecksNone)}</p> }.into_any()
    } else {
        let items = warnings
            .iter()
            .map(|w| {
                let message = w.message(lang);
                let target = match w.scope {
                    Some(
                        scope @ (budget_core::Scope::Action(_) | budget_core::Scope::Group(_)),
                    ) => Some(scope),
                    _ => None,
                };
                let place = if w.place.is_empty() {
                    String::new()
                } else {
                    format!(" « {} »", w.place)
                };
                let link = target.map(|scope| {
                    view! {
                        <button type="button" class="bw-link" on:click=move |_| go.run(scope)>
                            {format!("{}{place}", t(lang, Key::GoToRow))}
                        </button>
                    }
                });
                view! { <li>{message}" "{link}</li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <section class="bw-checks" aria-labelledby="bw-checks-heading">
            <h2 id="bw-checks-heading">
                {format!("{} ({} {})", t(lang, Key::ChecksHeading), warnings.len(), t(lang, Key::ChecksCount))}
            </h2>
            {body}
        </section>
    }
}

/// The sentence read out by screen readers after each recalculation.
pub fn status_text(lang: Lang, summary: Option<&Summary>) -> String {
    let Some(s) = summary else {
        return String::new();
    };
    match &s.grand {
        Ok(g) => format!(
            "{} : {} ({} {})",
            t(lang, Key::GrandTotal),
            format_eur(g.total, lang),
            s.action_count,
            t(lang, Key::ActionsCount)
        ),
        Err(e) => format!("{} : {}", t(lang, Key::CalcErrorHeading), e.message(lang)),
    }
}

pub fn amount_cells(
    lang: Lang,
    amounts: &Result<budget_core::figures::FunderAmounts, CalcError>,
    width: usize,
) -> impl IntoView {
    match amounts {
        Ok(a) => {
            let cells = a
                .by_funder
                .iter()
                .map(|v| view! { <td class="bw-num">{format_eur(*v, lang)}</td> })
                .collect_view();
            view! {
                {cells}
                <td class="bw-num bw-total">{format_eur(a.total, lang)}</td>
            }
            .into_any()
        }
        Err(e) => {
            view! { <td class="bw-error" colspan=(width + 1).to_string()>{e.message(lang)}</td> }
                .into_any()
        }
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
                        <strong>{format!("{} {}, {} « {} »", t(lang, Key::Row), e.row, t(lang, Key::Column), e.header)}</strong>
                        {format!(" : « {} » — {}", e.text, e.reason.reason_in(lang))}
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

/// Totals and shares per funder.
pub fn totals_table(lang: Lang, s: &Summary) -> impl IntoView {
    let totals_rows = match &s.grand {
        Ok(g) => {
            let funder_rows = s
                .funders
                .iter()
                .zip(g.by_funder.iter())
                .zip(s.grand_shares.iter())
                .map(|((name, amount), share)| {
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            <td class="bw-num">{format_eur(*amount, lang)}</td>
                            <td class="bw-num">{share.map(|r| format_percent(r, 2, lang)).unwrap_or_default()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {funder_rows}
                <tr class="bw-total-row">
                    <th scope="row">{t(lang, Key::ColTotal)}</th>
                    <td class="bw-num">{format_eur(g.total, lang)}</td>
                    <td class="bw-num">{format_percent(budget_core::Decimal::ONE, 2, lang)}</td>
                </tr>
            }
            .into_any()
        }
        Err(e) => {
            view! { <tr><td colspan="3" class="bw-error">{e.message(lang)}</td></tr> }.into_any()
        }
    };
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
            <tbody>{totals_rows}</tbody>
        </table>
    }
}
