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

use crate::state::Workspace;
use crate::ui::i18n::{compare_more, compare_note, t, t_any, Key};
use crate::ui::view_util::{
    dynamic, row, select_field, show_rest_button, signed_eur, table, td, td_num, th_col, th_row, tr,
};

/// The name of choice `k`: 0 is the convention being worked on, `k ≥ 1` the
/// scenario `k − 1`.
fn choice_name(lang: Lang, names: &[String], k: usize) -> String {
    match k.checked_sub(1) {
        None => t(lang, Key::CmpCurrent).to_string(),
        Some(s) => names.get(s).cloned().unwrap_or_default(),
    }
}

/// The cells A, B and B − A of one compared amount.
fn cells(lang: Lang, row: &ComparedRow, cell: &ComparedCell) -> [AnyView; 3] {
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
    [td_num(a), td(b, class, 1), td(difference, class, 1)]
}

/// The header row: `first` columns, then A, B, B − A.
fn head(lang: Lang, first: &[Key], name_a: &str, name_b: &str) -> Vec<AnyView> {
    first
        .iter()
        .map(|k| th_col(t_any(lang, *k).into(), false))
        .chain([
            th_col(format!("A — {name_a}"), true),
            th_col(format!("B — {name_b}"), true),
            th_col(t(lang, Key::CmpColDiff).into(), true),
        ])
        .collect()
}

fn comparison_tables(lang: Lang, name_a: &str, name_b: &str, c: &Comparison) -> AnyView {
    let grand_rows = c
        .funders
        .iter()
        .zip(c.grand.by_funder.iter())
        .map(|(f, cell)| {
            let mut r = vec![th_row(f.name.clone(), "", 1)];
            r.extend(cells(lang, &c.grand, cell));
            row("", r)
        })
        .collect();
    let mut total = vec![th_row(t(lang, Key::ColTotal).into(), "", 1)];
    total.extend(cells(lang, &c.grand, &c.grand.total));
    let grand = table(
        "bw-compare-grand",
        t(lang, Key::CmpGrandCaption).into(),
        head(lang, &[Key::ColFunder], name_a, name_b),
        grand_rows,
        vec![row("bw-total-row", total)],
    );
    let groups = (!c.groups.is_empty()).then(|| {
        let rows = c
            .groups
            .iter()
            .map(|r| {
                let mut cs = vec![th_row(r.label.clone(), "", 1)];
                cs.extend(cells(lang, r, &r.total));
                row("", cs)
            })
            .collect();
        table(
            "bw-compare-groups",
            t(lang, Key::CmpGroupsCaption).into(),
            head(lang, &[Key::ChGroup], name_a, name_b),
            rows,
            Vec::new(),
        )
    });
    // A long list (10 000 actions) shows only the actions that change, at
    // most MAX_ACTION_ROWS of them, and says so.
    let listed: Vec<&ComparedRow> = if c.actions.len() <= MAX_ACTION_ROWS {
        c.actions.iter().collect()
    } else {
        c.actions
            .iter()
            .filter(|r| r.total.changed() || !r.in_a || !r.in_b)
            .collect()
    };
    let long = c.actions.len() > MAX_ACTION_ROWS;
    let (changed, total) = (listed.len(), c.actions.len());
    // The changed actions beyond the first MAX_ACTION_ROWS, drawn on demand.
    let all = RwSignal::new(false);
    let note = long.then(|| {
        let text = move || {
            let max = if all.get() { changed } else { MAX_ACTION_ROWS };
            compare_note(lang, changed, total, max)
        };
        view! { <p class="bw-hint">{text}</p> }
    });
    let action_row = move |r: &ComparedRow, id: Option<&'static str>| {
        let mut cs = vec![
            th_row(r.number.clone(), "bw-number", 1),
            td(r.label.clone(), "", 1),
        ];
        cs.extend(cells(lang, r, &r.total));
        view! { <tr id=id tabindex=id.map(|_| "-1")>{cs}</tr> }.into_any()
    };
    let rest: Vec<ComparedRow> = listed
        .iter()
        .skip(MAX_ACTION_ROWS)
        .map(|r| (*r).clone())
        .collect();
    let more = rest.len();
    let mut action_rows: Vec<AnyView> = listed
        .into_iter()
        .take(MAX_ACTION_ROWS)
        .map(|r| action_row(r, None))
        .collect();
    if more > 0 {
        action_rows.push(
            (move || {
                all.get().then(|| {
                    rest.iter()
                        .enumerate()
                        .map(|(k, r)| action_row(r, (k == 0).then_some(MORE_ACTIONS_ID)))
                        .collect::<Vec<_>>()
                })
            })
            .into_any(),
        );
    }
    // Nothing changes in a long list: the note says so, no empty table.
    let actions = (!long || !action_rows.is_empty()).then(|| {
        table(
            "bw-compare-actions",
            t(lang, Key::CmpActionsCaption).into(),
            head(lang, &[Key::ColNumber, Key::ColTitle], name_a, name_b),
            action_rows,
            Vec::new(),
        )
    });
    let button =
        (more > 0).then(|| show_rest_button(all, compare_more(lang, more), MORE_ACTIONS_ID));
    view! { {grand}{groups}{note}{actions}{button} }.into_any()
}

/// Most action rows the comparison lists: beyond, only the actions that
/// change (drawing 10 000 rows takes seconds and says nothing).
const MAX_ACTION_ROWS: usize = 100;
/// The id of the first action row drawn on demand (it takes the focus).
const MORE_ACTIONS_ID: &str = "bw-compare-more";

/// One of the two selects.
fn picker(
    lang: RwSignal<Lang>,
    id: &'static str,
    label: Key,
    names: Memo<Vec<String>>,
    choice: RwSignal<usize>,
) -> AnyView {
    select_field(
        id.into(),
        tr(lang, label),
        Signal::derive(move || {
            let lang = lang.get();
            names.with(|names| {
                (0..=names.len())
                    .map(|k| (k.to_string(), choice_name(lang, names, k)))
                    .collect()
            })
        }),
        Signal::derive(move || choice.get().to_string()),
        Callback::new(move |v: String| {
            if let Ok(k) = v.parse::<usize>() {
                choice.set(k);
            }
        }),
    )
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
    // The kept conventions arrive once the view is shown: B then starts on the
    // first of them rather than on the convention being worked on (A).
    Effect::new(move |had: Option<bool>| {
        let has = scenarios.with(|s| !s.is_empty());
        if has && had != Some(true) && b.get_untracked() == 0 {
            b.set(1);
        }
        has
    });
    let convention_of = move |k: usize| -> Option<Convention> {
        match k.checked_sub(1) {
            None => ws.convention.get(),
            Some(s) => scenarios.with(|list| list.get(s).map(|(_, c)| c.clone())),
        }
    };
    type Compared = Option<Result<Comparison, CalcError>>;
    let comparison: Memo<Compared> = Memo::new(move |_| {
        if !crate::words::is_shown(crate::words::View::Scenarios) {
            return None;
        }
        let (ca, cb) = (convention_of(a.get())?, convention_of(b.get())?);
        Some(compare(&ca, &cb))
    });
    view! {
        <section class="bw-compare" aria-labelledby="bw-compare-heading">
            <h2 id="bw-compare-heading">{tr(lang, Key::CmpHeading)}</h2>
            <p class="bw-hint">{tr(lang, Key::CmpIntro)}</p>
            <div class="bw-compare-pick">
                {picker(lang, "bw-compare-a", Key::CmpA, names, a)}
                {picker(lang, "bw-compare-b", Key::CmpB, names, b)}
            </div>
            {dynamic(move || {
                let lang = lang.get();
                let names = names.get();
                let (name_a, name_b) = (choice_name(lang, &names, a.get()), choice_name(lang, &names, b.get()));
                match comparison.get() {
                    None => view! { <p class="bw-empty">{t(lang, Key::CmpNothing)}</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <p class="bw-error">{crate::ui::view_util::calc_error_text(lang, &e)}</p>
                    }
                    .into_any(),
                    Some(Ok(c)) => comparison_tables(lang, &name_a, &name_b, &c),
                }
            })}
        </section>
    }
}
