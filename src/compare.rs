//! Scenarios side by side: the user picks two versions (the convention being
//! worked on, or a saved scenario) and sees the grand total per funder, each
//! group's subtotal and each action's total in A and B, with the difference
//! `B − A`. A changed cell has a class *and* a text marker (`▲ +1 000,00 €`),
//! so a change is never shown by colour alone.
//!
//! The differences come from [`budget_core::compare::compare`]; this view
//! only formats.

use budget_core::compare::{compare, ComparedCell, ComparedRow, Comparison};
use budget_core::money::format_eur;
use budget_core::{CalcError, Convention, Lang};
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use crate::view_util::signed_eur;

/// The name of choice `k`: 0 is the convention being worked on, `k ≥ 1` the
/// scenario `k − 1`.
fn choice_name(lang: Lang, names: &[String], k: usize) -> String {
    match k.checked_sub(1) {
        None => t(lang, Key::CmpCurrent).to_string(),
        Some(s) => names.get(s).cloned().unwrap_or_default(),
    }
}

/// The cells A, B and B − A of one compared amount.
fn cells(lang: Lang, row: &ComparedRow, cell: &ComparedCell) -> impl IntoView {
    let absent = t(lang, Key::CmpAbsent);
    let a = if row.in_a {
        format_eur(cell.a, lang)
    } else {
        format!("— ({absent})")
    };
    let b = if row.in_b {
        format_eur(cell.b, lang)
    } else {
        format!("— ({absent})")
    };
    let changed = cell.changed() || !row.in_a || !row.in_b;
    let class = if changed {
        "bw-num bw-changed"
    } else {
        "bw-num"
    };
    let difference = if cell.changed() {
        signed_eur(cell.difference, lang)
    } else {
        t(lang, Key::CmpUnchanged).to_string()
    };
    view! {
        <td class="bw-num">{a}</td>
        <td class=class>{b}</td>
        <td class=class>{difference}</td>
    }
}

/// The column headers A, B, B − A.
fn headers(lang: Lang, name_a: &str, name_b: &str) -> impl IntoView {
    view! {
        <th scope="col" class="bw-num">{format!("A — {name_a}")}</th>
        <th scope="col" class="bw-num">{format!("B — {name_b}")}</th>
        <th scope="col" class="bw-num">{t(lang, Key::CmpColDiff)}</th>
    }
}

fn comparison_tables(lang: Lang, name_a: &str, name_b: &str, c: &Comparison) -> impl IntoView {
    let grand_rows = c
        .funders
        .iter()
        .zip(c.grand.by_funder.iter())
        .map(|(f, cell)| {
            view! {
                <tr>
                    <th scope="row">{f.name.clone()}</th>
                    {cells(lang, &c.grand, cell)}
                </tr>
            }
        })
        .collect_view();
    let group_rows = c
        .groups
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.label.clone()}</th>
                    {cells(lang, r, &r.total)}
                </tr>
            }
        })
        .collect_view();
    let action_rows = c
        .actions
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row" class="bw-number">{r.number.clone()}</th>
                    <td>{r.label.clone()}</td>
                    {cells(lang, r, &r.total)}
                </tr>
            }
        })
        .collect_view();
    let groups = (!c.groups.is_empty()).then(|| {
        view! {
            <div class="bw-scroll">
                <table class="bw-compare-groups">
                    <caption>{t(lang, Key::CmpGroupsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::ChGroup)}</th>
                            {headers(lang, name_a, name_b)}
                        </tr>
                    </thead>
                    <tbody>{group_rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <div class="bw-scroll">
            <table class="bw-compare-grand">
                <caption>{t(lang, Key::CmpGrandCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColFunder)}</th>
                        {headers(lang, name_a, name_b)}
                    </tr>
                </thead>
                <tbody>{grand_rows}</tbody>
                <tfoot>
                    <tr class="bw-total-row">
                        <th scope="row">{t(lang, Key::ColTotal)}</th>
                        {cells(lang, &c.grand, &c.grand.total)}
                    </tr>
                </tfoot>
            </table>
        </div>
        {groups}
        <div class="bw-scroll">
            <table class="bw-compare-actions">
                <caption>{t(lang, Key::CmpActionsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::ColTitle)}</th>
                        {headers(lang, name_a, name_b)}
                    </tr>
                </thead>
                <tbody>{action_rows}</tbody>
            </table>
        </div>
    }
}

/// One of the two selects.
fn picker(
    lang: RwSignal<Lang>,
    id: &'static str,
    label: Key,
    names: Memo<Vec<String>>,
    choice: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <div class="bw-form-row">
            <label for=id>{move || t(lang.get(), label)}</label>
            <select
                id=id
                on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                        choice.set(k);
                    }
                }
            >
                {move || {
                    let lang = lang.get();
                    let names = names.get();
                    (0..=names.len())
                        .map(|k| {
                            let name = choice_name(lang, &names, k);
                            view! {
                                <option value=k.to_string() prop:selected=move || choice.get() == k>{name}</option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Two versions of the convention side by side, with the differences.
///
/// `scenarios`: the saved scenarios, each a name and a convention; the
/// convention being worked on (`ws.convention`) is always offered first.
#[component]
pub fn CompareView(ws: Workspace, scenarios: RwSignal<Vec<(String, Convention)>>) -> impl IntoView {
    let lang = ws.lang;
    let names = Memo::new(move |_| {
        scenarios.with(|s| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>())
    });
    let a = RwSignal::new(0usize);
    let b = RwSignal::new(usize::from(scenarios.with_untracked(|s| !s.is_empty())));
    let convention_of = move |k: usize| -> Option<Convention> {
        match k.checked_sub(1) {
            None => ws.convention.get(),
            Some(s) => scenarios.with(|list| list.get(s).map(|(_, c)| c.clone())),
        }
    };
    type Compared = Option<Result<Comparison, CalcError>>;
    let comparison: Memo<Compared> = Memo::new(move |_| {
        let (ca, cb) = (convention_of(a.get())?, convention_of(b.get())?);
        Some(compare(&ca, &cb))
    });
    view! {
        <section class="bw-compare" aria-labelledby="bw-compare-heading">
            <h2 id="bw-compare-heading">{move || t(lang.get(), Key::CmpHeading)}</h2>
            <p class="bw-hint">{move || t(lang.get(), Key::CmpIntro)}</p>
            <div class="bw-compare-pick">
                {picker(lang, "bw-compare-a", Key::CmpA, names, a)}
                {picker(lang, "bw-compare-b", Key::CmpB, names, b)}
            </div>
            {move || {
                let lang = lang.get();
                let names = names.get();
                let (name_a, name_b) = (choice_name(lang, &names, a.get()), choice_name(lang, &names, b.get()));
                match comparison.get() {
                    None => view! { <p class="bw-empty">{t(lang, Key::CmpNothing)}</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <p class="bw-error">{format!("{} : {e}", t(lang, Key::CalcErrorHeading))}</p>
                    }
                    .into_any(),
                    Some(Ok(c)) => comparison_tables(lang, &name_a, &name_b, &c).into_any(),
                }
            }}
        </section>
    }
}
