//! Several kept conventions taken together: the user ticks two or more of
//! them and sees the totals per funder across them (with each funder's
//! share), per year, each convention's part of the whole, and the
//! co-financing rule of each one.
//!
//! Every figure comes from [`budget_core::consolidate::consolidate`] (the same
//! as `budget check --consolidate`), on each convention's figures
//! ([`budget_core::report::compute_figures`]); this view only formats.

use budget_core::consolidate::{consolidate, Consolidation, ConventionPart};
use budget_core::figures::FunderAmounts;
use budget_core::money::{format_eur, format_percent};
use budget_core::{CalcError, Convention, Decimal, Lang};
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::i18n::{count, counted, fill, t, Key, Noun};
use crate::ui::view_util::{dynamic, row, table, td, td_num, th_col, th_row, tr};

/// A ratio as a percentage to the hundredth (`12,07 %`), « — » when unknown.
fn pct(lang: Lang, ratio: Option<Decimal>) -> String {
    ratio.map_or_else(|| "—".to_string(), |r| format_percent(r, 2, lang))
}

/// The header row: `first`, one column per funder, « Total », then `last`.
fn funder_head(lang: Lang, first: String, funders: &[String], last: Option<&str>) -> Vec<AnyView> {
    let mut head = vec![th_col(first, false)];
    head.extend(funders.iter().map(|f| th_col(f.clone(), true)));
    head.push(th_col(t(lang, Key::ColTotal).into(), true));
    head.extend(last.map(|l| th_col(l.into(), true)));
    head
}

/// The cells of `amounts`: one per funder, then the total.
fn amount_cells(lang: Lang, amounts: &FunderAmounts, funders: usize) -> Vec<AnyView> {
    (0..funders)
        .map(|i| amounts.by_funder.get(i).copied().unwrap_or_default())
        .chain([amounts.total])
        .map(|v| td_num(format_eur(v, lang)))
        .collect()
}

/// The co-financing rule of one convention, in words.
fn rule_text(lang: Lang, p: &ConventionPart) -> String {
    match p.co_financing_breaches {
        None => t(lang, Key::ConsRuleNone).to_string(),
        Some(0) => t(lang, Key::ConsRuleMet).to_string(),
        Some(n) => fill(
            lang,
            Key::ConsRuleBroken,
            &[
                ("actions", &counted(lang, n, Noun::Action)),
                ("total", &count(lang, p.actions)),
            ],
        ),
    }
}

fn consolidation_tables(lang: Lang, c: &Consolidation) -> AnyView {
    let names: Vec<String> = c.funders.iter().map(|f| f.label(lang)).collect();
    let n = names.len();

    // Per funder, with each one's share.
    let shares = c.shares.as_ref();
    let funder_rows = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let amount = c.planned.by_funder.get(i).copied().unwrap_or_default();
            let share = shares.and_then(|s| s.get(i).copied());
            row(
                "",
                vec![
                    th_row(name.clone(), "", 1),
                    td_num(format_eur(amount, lang)),
                    td_num(pct(lang, share)),
                ],
            )
        })
        .collect();
    let whole = shares.map(|_| Decimal::ONE);
    let by_funder = table(
        "bw-consolidate-funders",
        t(lang, Key::ConsFundersCaption).into(),
        vec![
            th_col(t(lang, Key::ColFunder).into(), false),
            th_col(t(lang, Key::ColAmount).into(), true),
            th_col(t(lang, Key::ColShare).into(), true),
        ],
        funder_rows,
        vec![row(
            "bw-total-row",
            vec![
                th_row(t(lang, Key::ColTotal).into(), "", 1),
                td_num(format_eur(c.planned.total, lang)),
                td_num(pct(lang, whole)),
            ],
        )],
    );

    // Per year.
    let by_year = if c.years.is_empty() {
        view! { <p class="bw-empty">{t(lang, Key::ConsNoYears)}</p> }.into_any()
    } else {
        let mut rows: Vec<AnyView> = c
            .years
            .iter()
            .map(|y| {
                let mut cells = vec![th_row(y.year.to_string(), "", 1)];
                cells.extend(amount_cells(lang, &y.planned, n));
                row("", cells)
            })
            .collect();
        if let Some(w) = &c.without_year {
            let mut cells = vec![th_row(t(lang, Key::ConsWithoutYear).into(), "", 1)];
            cells.extend(amount_cells(lang, w, n));
            rows.push(row("", cells));
        }
        table(
            "bw-consolidate-years",
            t(lang, Key::ConsYearsCaption).into(),
            funder_head(lang, t(lang, Key::ConsColYear).into(), &names, None),
            rows,
            Vec::new(),
        )
    };

    // Each convention's part.
    let part_rows = c
        .conventions
        .iter()
        .map(|p| {
            let mut cells = vec![th_row(p.name.clone(), "", 1)];
            match &p.planned {
                Some(planned) => {
                    cells.extend(amount_cells(lang, planned, n));
                    cells.push(td_num(pct(lang, p.part)));
                }
                None => cells.push(td(t(lang, Key::ConsNotComputed).into(), "", n + 2)),
            }
            row("", cells)
        })
        .collect();
    let mut total = vec![th_row(t(lang, Key::ColTotal).into(), "", 1)];
    total.extend(amount_cells(lang, &c.planned, n));
    total.push(td_num(pct(
        lang,
        (!c.planned.total.is_zero()).then_some(Decimal::ONE),
    )));
    let parts = table(
        "bw-consolidate-parts",
        t(lang, Key::ConsPartsCaption).into(),
        funder_head(
            lang,
            t(lang, Key::ConsColConvention).into(),
            &names,
            Some(t(lang, Key::ConsColPart)),
        ),
        part_rows,
        vec![row("bw-total-row", total)],
    );

    // The co-financing rule of each one.
    let rule_rows = c
        .conventions
        .iter()
        .map(|p| {
            let broken = p.co_financing_breaches.is_some_and(|n| n > 0);
            row(
                "",
                vec![
                    th_row(p.name.clone(), "", 1),
                    td_num(pct(lang, p.state_share)),
                    td_num(format_percent(p.state_max_share, 2, lang)),
                    td(rule_text(lang, p), if broken { "bw-breach" } else { "" }, 1),
                ],
            )
        })
        .collect();
    let rules = table(
        "bw-consolidate-rules",
        t(lang, Key::ConsRulesCaption).into(),
        vec![
            th_col(t(lang, Key::ConsColConvention).into(), false),
            th_col(t(lang, Key::ConsColStateShare).into(), true),
            th_col(t(lang, Key::ConsColStateMax).into(), true),
            th_col(t(lang, Key::ConsColRule).into(), false),
        ],
        rule_rows,
        Vec::new(),
    );
    view! { {by_funder}{by_year}{parts}{rules} }.into_any()
}

/// The names shown for the kept conventions `list`: each one's name, followed
/// by its place in the list, `(2)`, when another one has the same name (two
/// conventions without a title made in the same minute), so that no two boxes
/// nor two rows read the same.
fn shown_names(list: &[(String, Convention)]) -> Vec<String> {
    list.iter()
        .enumerate()
        .map(|(k, (name, _))| {
            if list.iter().filter(|(n, _)| n == name).count() > 1 {
                format!("{name} ({})", k + 1)
            } else {
                name.clone()
            }
        })
        .collect()
}

/// The kept conventions ticked, each as its place in the list and its name:
/// one that moves or is renamed is no longer ticked (never another one in
/// its place).
type Ticked = Vec<(usize, String)>;

/// Several kept conventions taken together.
///
/// `scenarios`: the kept conventions, each a name and a convention (the one
/// being worked on among them, as « Mes conventions » lists it).
#[component]
pub fn ConsolidateView(
    ws: Workspace,
    scenarios: RwSignal<Vec<(String, Convention)>>,
) -> impl IntoView {
    let lang = ws.lang;
    let names = Memo::new(move |_| scenarios.with(|s| shown_names(s)));
    let ticked = RwSignal::new(Ticked::new());
    type Consolidated = Option<Result<Consolidation, CalcError>>;
    let consolidation: Memo<Consolidated> = Memo::new(move |_| {
        if !crate::words::is_shown(crate::words::View::Scenarios) {
            return None;
        }
        let ticked = ticked.get();
        let names = names.get();
        scenarios.with(|list| {
            let chosen: Vec<(String, &Convention)> = list
                .iter()
                .zip(&names)
                .enumerate()
                .filter(|(k, (_, name))| ticked.iter().any(|(i, n)| i == k && n == *name))
                .map(|(_, ((_, conv), name))| (name.clone(), conv))
                .collect();
            if chosen.len() < 2 {
                return None;
            }
            let reports: Vec<(String, budget_core::report::Report)> = chosen
                .into_iter()
                .map(|(name, conv)| (name, budget_core::report::compute_figures(conv)))
                .collect();
            let refs: Vec<(String, &budget_core::report::Report)> =
                reports.iter().map(|(n, r)| (n.clone(), r)).collect();
            Some(consolidate(&refs))
        })
    });
    let boxes = dynamic(move || {
        names.with(|names| {
            names
                .iter()
                .enumerate()
                .map(|(k, name)| {
                    let id = format!("bw-consolidate-{k}");
                    let mine = (k, name.clone());
                    let is_ticked = {
                        let mine = mine.clone();
                        move || ticked.with(|t| t.contains(&mine))
                    };
                    view! {
                        <div class="bw-check">
                            <input
                                id=id.clone()
                                type="checkbox"
                                prop:checked=is_ticked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mine = mine.clone();
                                    ticked.update(|t| {
                                        t.retain(|x| *x != mine);
                                        if on {
                                            t.push(mine);
                                        }
                                    });
                                }
                            />
                            <label for=id>{name.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        })
    });
    view! {
        <section class="bw-consolidate" aria-labelledby="bw-consolidate-heading">
            <h2 id="bw-consolidate-heading">{tr(lang, Key::ConsHeading)}</h2>
            <p class="bw-hint">{tr(lang, Key::ConsIntro)}</p>
            <fieldset class="bw-consolidate-pick">
                <legend>{tr(lang, Key::ConsPick)}</legend>
                {boxes}
            </fieldset>
            {dynamic(move || {
                let lang = lang.get();
                match consolidation.get() {
                    None if names.with(|n| n.len() < 2) => {
                        view! { <p class="bw-empty">{t(lang, Key::ConsTooFew)}</p> }.into_any()
                    }
                    None => view! { <p class="bw-empty">{t(lang, Key::ConsNothing)}</p> }.into_any(),
                    Some(Err(e)) => view! {
                        <p class="bw-error">{crate::ui::view_util::calc_error_text(lang, &e)}</p>
                    }
                    .into_any(),
                    Some(Ok(c)) => consolidation_tables(lang, &c),
                }
            })}
        </section>
    }
}
