//! Cells shared by the budget and execution tables and the totals: amounts
//! per funder that follow the figures, the co-financing verdict, optional
//! amounts and rates.

use budget_core::figures::CoFinancing;
use budget_core::money::{format_eur, format_percent};
use budget_core::{CalcError, Lang};
use leptos::prelude::*;

use crate::ui::i18n::{t, Key};

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

pub fn opt_eur(lang: Lang, v: Option<budget_core::Decimal>) -> String {
    v.map(|v| format_eur(v, lang))
        .unwrap_or_else(|| "—".to_string())
}

pub fn opt_pct(lang: Lang, v: Option<budget_core::Decimal>) -> String {
    v.map(|v| format_percent(v, 0, lang))
        .unwrap_or_else(|| "—".to_string())
}
