//! Payment schedules: an editor for the instalments of each schedule
//! (percentage, amount or balance; label or event; date; adjusted to the
//! achievement), ready-made plans (60/40, 70/30 adjusted, 100 %), the
//! instalments to the cent, and after execution the amount due and the
//! balance to pay or the over-payment to refund.
//!
//! Every figure comes from the core: [`budget_core::report::compute`] (its
//! [`ScheduleFigures`] and warnings), [`budget_core::tranches`] for the plans,
//! [`budget_core::figures::action_planned`] for an action's amount. The view
//! edits the convention through [`Workspace::edit`] and formats.
//!
//! The editor is fine-grained: each field reads its own value from the
//! convention, so that a change re-renders neither the other fields nor the
//! field being typed in (focus stays where it is).

use budget_core::checks::Warning;
use budget_core::figures;
use budget_core::money::format_eur;
use budget_core::report::{Report, ScheduleFigures};
use budget_core::text::fold;
use budget_core::tranches::{self, InstalmentAmount, Settlement};
use budget_core::{Achievement, Convention, Decimal, Instalment, Lang, Schedule, Share};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{colon, found_actions, quoted, t, Key};
use crate::state::Workspace;
use crate::view_util::{
    button, dynamic, field, input_text, percent_as_written, read_amount, read_percent, row,
    select_field, table, td, td_num, th_col, th_row, tr, tr_owned, Field,
};

/// The report of the convention, shared by every schedule of the view.
type ReportMemo = Memo<Option<Report>>;

fn with_schedule<T>(ws: Workspace, i: usize, f: impl FnOnce(&Schedule) -> T) -> Option<T> {
    ws.convention
        .with(|c| c.as_ref().and_then(|c| c.schedules.get(i)).map(f))
}

fn with_instalment<T>(
    ws: Workspace,
    i: usize,
    j: usize,
    f: impl FnOnce(&Instalment) -> T,
) -> Option<T> {
    ws.convention.with(|c| {
        c.as_ref()
            .and_then(|c| c.schedules.get(i))
            .and_then(|s| s.instalments.get(j))
            .map(f)
    })
}

fn edit_schedule(ws: Workspace, i: usize, f: impl FnOnce(&mut Schedule)) {
    ws.edit(|c| {
        if let Some(s) = c.schedules.get_mut(i) {
            f(s)
        }
    });
}

fn edit_instalment(ws: Workspace, i: usize, j: usize, f: impl FnOnce(&mut Instalment)) {
    edit_schedule(ws, i, |s| {
        if let Some(x) = s.instalments.get_mut(j) {
            f(x)
        }
    });
}

/// What the payer (the State when none is given) planned for an action: the
/// total a schedule paying for that action starts from.
fn planned_for(conv: &Convention, action: usize, payer: Option<usize>) -> Option<Decimal> {
    let funder = payer.or_else(|| conv.state())?;
    figures::action_planned(conv, action)
        .ok()
        .map(|p| p.funder(funder))
}

/// "N° — title" of each action, for the action selects.
fn action_labels(ws: Workspace) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        ws.convention.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.actions
                        .iter()
                        .map(|a| match (a.number.trim(), a.title.trim()) {
                            ("", title) => title.to_string(),
                            (number, "") => number.to_string(),
                            (number, title) => format!("{number} — {title}"),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// Beyond this many actions, an action select lists at most this many, those
/// matching a search field (a select of 10 000 options cannot be used).
pub const LISTED_ACTIONS: usize = 100;

/// The actions an action select lists when a convention has more than
/// `max`: of the labels holding `query` (case and accents aside; every
/// label when the query is blank), the first `max` in table order, and the
/// action `chosen` wherever it is (the select shows it). Also how many labels
/// hold the query.
pub fn listed_actions(
    labels: &[String],
    query: &str,
    chosen: Option<usize>,
    max: usize,
) -> (Vec<usize>, usize) {
    let query = fold(query.trim());
    let mut listed = Vec::new();
    let mut matching = 0usize;
    for (k, label) in labels.iter().enumerate() {
        let hit = query.is_empty() || fold(label).contains(&query);
        if hit {
            matching = matching.saturating_add(1);
        }
        if (hit && matching <= max) || chosen == Some(k) {
            listed.push(k);
        }
    }
    (listed, matching)
}

/// An action select; for a convention of more than [`LISTED_ACTIONS`]
/// actions, with a search field above it that chooses which it lists, and a
/// note saying how many match.
fn action_field(
    ws: Workspace,
    labels: Memo<Vec<String>>,
    id: String,
    label: Signal<&'static str>,
    selected: Signal<Option<usize>>,
    on_change: Callback<String>,
) -> AnyView {
    let lang = ws.lang;
    let long = Memo::new(move |_| labels.with(|l| l.len() > LISTED_ACTIONS));
    let query = RwSignal::new(String::new());
    let listed = Memo::new(move |_| {
        labels.with(|l| {
            if long.get() {
                query.with(|q| listed_actions(l, q, selected.get(), LISTED_ACTIONS))
            } else {
                ((0..l.len()).collect(), l.len())
            }
        })
    });
    let options = Signal::derive(move || {
        labels.with(|l| {
            listed.with(|(listed, _)| {
                let items = listed
                    .iter()
                    .filter_map(|&k| l.get(k).map(|label| (k, label)));
                none_then(lang.get(), Key::TrNoAction, items)
            })
        })
    });
    let search_id = format!("{id}-cherche");
    let note_id = format!("{id}-trouvees");
    let search = move || {
        long.get().then(|| {
            let note = move || {
                let l = lang.get();
                let total = labels.with(Vec::len);
                let matching = listed.with(|(_, m)| *m);
                let blank = query.with(|q| q.trim().is_empty());
                found_actions(l, blank, matching, total, LISTED_ACTIONS)
            };
            view! {
                <div class="bw-form-row">
                    <label for=search_id.clone()>{move || t(lang.get(), Key::TrFindAction)}</label>
                    <input id=search_id.clone() type="search" aria-describedby=note_id.clone()
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev)) />
                    <p id=note_id.clone() class="bw-hint" aria-live="polite">{note}</p>
                </div>
            }
        })
    };
    view! {
        {search}
        {select_field(id, label, options, index_value(selected), on_change)}
    }
    .into_any()
}

/// The funders' names, for the payer selects.
fn funder_names(ws: Workspace) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        ws.convention.with(|c| {
            c.as_ref()
                .map(|c| c.funders.iter().map(|f| f.name.clone()).collect())
                .unwrap_or_default()
        })
    })
}

/// The options of a select of an optional index: a "none" option (value
/// `""`), then one per label (value: its index).
fn index_options(
    lang: RwSignal<Lang>,
    none: Key,
    labels: Memo<Vec<String>>,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || labels.with(|l| none_then(lang.get(), none, l.iter().enumerate())))
}

/// A "none" option (value `""`), then one per `(index, label)`.
fn none_then<'a>(
    lang: Lang,
    none: Key,
    items: impl Iterator<Item = (usize, &'a String)>,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), t(lang, none).to_string()))
        .chain(items.map(|(k, l)| (k.to_string(), l.clone())))
        .collect()
}

/// The value of the selected option of an optional index.
fn index_value(selected: Signal<Option<usize>>) -> Signal<String> {
    Signal::derive(move || selected.get().map(|k| k.to_string()).unwrap_or_default())
}

/// Options whose texts are keys of the translation table.
fn keyed_options(
    lang: RwSignal<Lang>,
    options: &'static [(&'static str, Key)],
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        options
            .iter()
            .map(|(v, k)| (v.to_string(), t(lang, *k).to_string()))
            .collect()
    })
}

/// An ISO date (`2024-06-30`) as the reader writes it: `30/06/2024` in French.
fn show_date(date: &str, lang: Lang) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Fr, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => date.to_string(),
    }
}

/// How an instalment's share is shown in the table of computed instalments.
fn share_text(share: &Share, lang: Lang) -> String {
    match share {
        Share::Percent(p) => percent_as_written(*p, lang),
        Share::Fixed(_) => t(lang, Key::TrKindFixed).to_string(),
        Share::Remainder => t(lang, Key::TrKindRemainder).to_string(),
    }
}

/// "Indiquez un montant. La valeur précédente est conservée."
fn required(lang: Lang) -> String {
    format!(
        "{} {}",
        t(lang, Key::TrAmountRequired),
        t(lang, Key::TrKeptPrevious)
    )
}

/// A text field for an amount (or a percentage): `read` reads it, `apply`
/// gets the value read (`None` for an empty field when `empty_ok`), the
/// field's error says what could not be read.
#[allow(clippy::too_many_arguments)]
fn amount_field(
    lang: RwSignal<Lang>,
    id: String,
    label: Signal<&'static str>,
    hint: Option<Signal<&'static str>>,
    value: Signal<String>,
    node_ref: NodeRef<html::Input>,
    read: fn(&str, Lang) -> Result<Option<Decimal>, String>,
    empty_ok: bool,
    apply: Callback<Option<Decimal>>,
) -> AnyView {
    let error = RwSignal::new(None::<String>);
    field(Field {
        id,
        kind: "text",
        label,
        hint,
        value,
        error,
        numeric: true,
        node_ref,
        on_change: Callback::new(move |text: String| {
            let lang = lang.get_untracked();
            match read(&text, lang) {
                Ok(None) if !empty_ok => error.set(Some(required(lang))),
                Ok(v) => {
                    error.set(None);
                    apply.run(v);
                }
                Err(message) => error.set(Some(message)),
            }
        }),
    })
}

/// A plain text (or date) field.
fn text_field(
    id: String,
    kind: &'static str,
    label: Signal<&'static str>,
    value: Signal<String>,
    apply: Callback<String>,
) -> AnyView {
    field(Field {
        id,
        kind,
        label,
        hint: None,
        value,
        error: RwSignal::new(None),
        numeric: false,
        node_ref: NodeRef::new(),
        on_change: apply,
    })
}

/// The payment schedules of the convention: one editor per schedule, and a
/// form to add one.
#[component]
pub fn TranchesView(ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    let report: ReportMemo = Memo::new(move |_| {
        if !crate::app::is_shown(crate::app::View::Tranches) {
            return None;
        }
        ws.convention
            .with(|c| c.as_ref().map(budget_core::report::compute))
    });
    let count = Memo::new(move |_| {
        ws.convention
            .with(|c| c.as_ref().map_or(0, |c| c.schedules.len()))
    });
    // Drawn only while shown (see `app::is_shown`): the form to add a schedule
    // lists every action.
    let loaded = Memo::new(move |_| {
        crate::app::is_shown(crate::app::View::Tranches) && ws.convention.with(Option::is_some)
    });
    // "N° — title" of each action, worked out once for every action select.
    let labels = action_labels(ws);
    view! {
        <section class="bw-tranches" aria-labelledby="bw-tranches-heading">
            <h2 id="bw-tranches-heading">{tr(lang, Key::TrHeading)}</h2>
            <p class="bw-hint">{tr(lang, Key::TrIntro)}</p>
            {dynamic(move || {
                if !loaded.get() {
                    return ().into_any();
                }
                view! {
                    {dynamic(move || {
                        (count.get() == 0)
                            .then(|| view! { <p class="bw-empty">{tr(lang, Key::TrNone)}</p> })
                            .into_any()
                    })}
                    {dynamic(move || {
                        (0..count.get())
                            .map(|i| schedule_editor(ws, report, labels, i))
                            .collect::<Vec<_>>()
                            .into_any()
                    })}
                    {new_schedule(ws, labels)}
                }
                .into_any()
            })}
        </section>
    }
}

/// The form that adds a schedule.
fn new_schedule(ws: Workspace, labels: Memo<Vec<String>>) -> AnyView {
    let lang = ws.lang;
    let name = RwSignal::new(String::new());
    let action = RwSignal::new(None::<usize>);
    // `None`: the State (the usual payer).
    let payer = RwSignal::new(None::<usize>);
    let total = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let state = Memo::new(move |_| ws.convention.with(|c| c.as_ref().and_then(|c| c.state())));

    let refill_total = move || {
        let planned = ws.convention.with_untracked(|c| {
            c.as_ref().and_then(|c| {
                action
                    .get_untracked()
                    .and_then(|a| planned_for(c, a, payer.get_untracked()))
            })
        });
        if let Some(p) = planned {
            total.set(input_text(p, 2, lang.get_untracked()));
            error.set(None);
        }
    };

    let add = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let lang_now = lang.get_untracked();
        let value = match read_amount(&total.get_untracked(), lang_now) {
            Ok(Some(v)) => v,
            Ok(None) => {
                error.set(Some(t(lang_now, Key::TrAmountRequired).to_string()));
                return;
            }
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        let typed = name.get_untracked().trim().to_string();
        ws.edit(|c| {
            let name = if typed.is_empty() {
                format!(
                    "{} {}",
                    t(lang_now, Key::TrDefaultName),
                    c.schedules.len().saturating_add(1)
                )
            } else {
                typed
            };
            c.schedules.push(Schedule {
                name,
                payer: payer.get_untracked().or_else(|| c.state()),
                action: action.get_untracked(),
                total: value,
                instalments: Vec::new(),
                paid: None,
                achieved: None,
            });
        });
        name.set(String::new());
        action.set(None);
        payer.set(None);
        total.set(String::new());
        error.set(None);
    };

    let fields = (
        field(Field {
            id: "bw-tr-new-name".into(),
            kind: "text",
            label: tr(lang, Key::TrName),
            hint: None,
            value: name.into(),
            error: RwSignal::new(None),
            numeric: false,
            node_ref: NodeRef::new(),
            on_change: Callback::new(move |v| name.set(v)),
        }),
        action_field(
            ws,
            labels,
            "bw-tr-new-action".into(),
            tr(lang, Key::TrAction),
            action.into(),
            Callback::new(move |v: String| {
                action.set(v.parse::<usize>().ok());
                refill_total();
            }),
        ),
        select_field(
            "bw-tr-new-payer".into(),
            tr(lang, Key::TrPayer),
            index_options(lang, Key::TrNoPayer, funder_names(ws)),
            index_value(Signal::derive(move || payer.get().or_else(|| state.get()))),
            Callback::new(move |v: String| {
                payer.set(v.parse::<usize>().ok());
                refill_total();
            }),
        ),
        field(Field {
            id: "bw-tr-new-total".into(),
            kind: "text",
            label: tr(lang, Key::TrTotal),
            hint: Some(tr(lang, Key::TrTotalHint)),
            value: total.into(),
            error,
            numeric: true,
            node_ref: NodeRef::new(),
            on_change: Callback::new(move |v| {
                total.set(v);
                error.set(None);
            }),
        }),
    );

    view! {
        <form class="bw-tr-new" on:submit=add>
            <fieldset>
                <legend>{tr(lang, Key::TrAddHeading)}</legend>
                {fields}
                <div class="bw-actions">
                    <button type="submit">{tr(lang, Key::TrAdd)}</button>
                </div>
            </fieldset>
        </form>
    }
    .into_any()
}

/// The editor of schedule `i`.
fn schedule_editor(
    ws: Workspace,
    report: ReportMemo,
    labels: Memo<Vec<String>>,
    i: usize,
) -> AnyView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-{what}");
    let name = Memo::new(move |_| with_schedule(ws, i, |s| s.name.clone()).unwrap_or_default());
    let total = Memo::new(move |_| with_schedule(ws, i, |s| s.total));
    let action = Memo::new(move |_| with_schedule(ws, i, |s| s.action).flatten());
    let payer = Memo::new(move |_| with_schedule(ws, i, |s| s.payer).flatten());
    let count = Memo::new(move |_| with_schedule(ws, i, |s| s.instalments.len()).unwrap_or(0));
    let computed: Memo<Option<ScheduleFigures>> =
        Memo::new(move |_| report.with(|r| r.as_ref().and_then(|r| r.schedules.get(i).cloned())));
    let warnings: Memo<Vec<Warning>> = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.warnings
                        .iter()
                        .filter(|w| w.schedule == Some(i))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let errors: Memo<Vec<String>> = Memo::new(move |_| {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.errors
                        .iter()
                        .filter(|e| e.schedule == Some(i))
                        .map(|e| e.message.clone())
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let confirm = RwSignal::new(false);

    let on_action = Callback::new(move |v: String| {
        let picked = v.parse::<usize>().ok();
        ws.edit(|c| {
            let payer = c.schedules.get(i).and_then(|s| s.payer);
            let planned = picked.and_then(|a| planned_for(c, a, payer));
            if let Some(s) = c.schedules.get_mut(i) {
                s.action = picked;
                if let Some(p) = planned {
                    s.total = p;
                }
            }
        });
    });
    let preset = move |key: Key, plan: fn() -> Vec<Instalment>| {
        button(
            tr_owned(lang, key),
            Callback::new(move |()| edit_schedule(ws, i, |s| s.instalments = plan())),
        )
    };
    let remove = move |_: ev::MouseEvent| {
        ws.edit(|c| {
            if i < c.schedules.len() {
                c.schedules.remove(i);
            }
        });
        confirm.set(false);
    };

    let fields = (
        text_field(
            id("name"),
            "text",
            tr(lang, Key::TrName),
            name.into(),
            Callback::new(move |v: String| edit_schedule(ws, i, |s| s.name = v)),
        ),
        action_field(
            ws,
            labels,
            id("action"),
            tr(lang, Key::TrAction),
            action.into(),
            on_action,
        ),
        select_field(
            id("payer"),
            tr(lang, Key::TrPayer),
            index_options(lang, Key::TrNoPayer, funder_names(ws)),
            index_value(payer.into()),
            Callback::new(move |v: String| {
                let picked = v.parse::<usize>().ok();
                edit_schedule(ws, i, |s| s.payer = picked);
            }),
        ),
        amount_field(
            lang,
            id("total"),
            tr(lang, Key::TrTotal),
            Some(tr(lang, Key::TrTotalHint)),
            Signal::derive(move || {
                total
                    .get()
                    .map(|v| input_text(v, 2, lang.get()))
                    .unwrap_or_default()
            }),
            NodeRef::new(),
            read_amount,
            false,
            Callback::new(move |v: Option<Decimal>| {
                if let Some(v) = v {
                    edit_schedule(ws, i, |s| s.total = v);
                }
            }),
        ),
    );
    let presets = (
        preset(Key::TrPreset6040, tranches::sixty_forty),
        preset(Key::TrPreset7030, tranches::seventy_thirty_adjusted),
        preset(Key::TrPreset100, tranches::full_at_signature),
    );
    let add_instalment = button(
        tr_owned(lang, Key::TrAddInstalment),
        Callback::new(move |()| {
            edit_schedule(ws, i, |s| {
                s.instalments.push(Instalment {
                    share: Share::Percent(Decimal::ZERO),
                    label: String::new(),
                    date: None,
                    adjusted: false,
                })
            })
        }),
    );
    let issues = dynamic(move || {
        let lang = lang.get();
        let warnings = warnings.get();
        let errors = errors.get();
        if warnings.is_empty() && errors.is_empty() {
            let ok = count.get() > 0;
            ok.then(|| view! { <p class="bw-ok">{t(lang, Key::TrNoIssue)}</p> })
                .into_any()
        } else {
            let items = warnings
                .iter()
                .map(|w| view! { <li>{w.message(lang)}</li> })
                .collect_view();
            let errors = errors
                .into_iter()
                .map(|e| view! { <li class="bw-error">{e}</li> })
                .collect_view();
            view! {
                <div class="bw-tr-issues">
                    <h4>{t(lang, Key::TrIssues)}</h4>
                    <ul>{items}{errors}</ul>
                </div>
            }
            .into_any()
        }
    });

    view! {
        <section class="bw-schedule" aria-labelledby=id("heading")>
            <h3 id=id("heading")>{name}</h3>
            <div class="bw-tr-fields">{fields}</div>
            <div class="bw-tr-presets" role="group" aria-labelledby=id("presets")>
                <span id=id("presets") class="bw-tr-presets-label">{tr(lang, Key::TrPresets)}</span>
                {presets}
            </div>
            {dynamic(move || {
                (0..count.get())
                    .map(|j| instalment_editor(ws, i, j))
                    .collect::<Vec<_>>()
                    .into_any()
            })}
            <div class="bw-tr-add-instalment">{add_instalment}</div>
            {dynamic(move || instalments_table(lang.get(), &name.get(), computed.get()).into_any())}
            {issues}
            {execution_inputs(ws, i)}
            {dynamic(move || {
                settlement_table(
                    lang.get(),
                    &name.get(),
                    computed.with(|c| c.as_ref().and_then(|c| c.settlement.clone())),
                )
            })}
            <div class="bw-tr-remove">
                <button
                    type="button"
                    aria-expanded=move || if confirm.get() { "true" } else { "false" }
                    on:click=move |_| confirm.update(|c| *c = !*c)
                >
                    {move || { let l = lang.get(); format!("{} {}", t(l, Key::TrRemove), quoted(l, name.get())) }}
                </button>
                {dynamic(move || confirm.get().then(|| view! {
                    <span class="bw-tr-confirm">
                        <button type="button" class="bw-danger" on:click=remove>
                            {tr(lang, Key::TrConfirmRemove)}
                        </button>
                        {button(tr_owned(lang, Key::TrCancel), Callback::new(move |()| confirm.set(false)))}
                    </span>
                }).into_any())}
            </div>
        </section>
    }
    .into_any()
}

const SHARE_KINDS: [(&str, Key); 3] = [
    ("percent", Key::TrKindPercent),
    ("fixed", Key::TrKindFixed),
    ("remainder", Key::TrKindRemainder),
];

const ACHIEVEMENT_KINDS: [(&str, Key); 3] = [
    ("none", Key::TrAchNone),
    ("spending", Key::TrAchSpending),
    ("units", Key::TrAchUnits),
];

/// The editor of instalment `j` of schedule `i`.
fn instalment_editor(ws: Workspace, i: usize, j: usize) -> AnyView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-inst-{j}-{what}");
    let share = Memo::new(move |_| with_instalment(ws, i, j, |x| x.share.clone()));
    let adjusted = Memo::new(move |_| with_instalment(ws, i, j, |x| x.adjusted).unwrap_or(false));
    let kind = Memo::new(move |_| match share.get() {
        Some(Share::Percent(_)) | None => "percent",
        Some(Share::Fixed(_)) => "fixed",
        Some(Share::Remainder) => "remainder",
    });
    let number = j.saturating_add(1);

    let on_kind = Callback::new(move |picked: String| {
        edit_instalment(ws, i, j, |x| {
            // The number typed stays when switching between percentage and
            // amount; a balance has none.
            let value = match x.share {
                Share::Percent(v) | Share::Fixed(v) => v,
                Share::Remainder => Decimal::ZERO,
            };
            x.share = match picked.as_str() {
                "fixed" => Share::Fixed(value),
                "remainder" => Share::Remainder,
                _ => Share::Percent(value),
            };
        });
    });
    // One field for a percentage, another for an amount: each reads its own
    // kind of number.
    let value_field = dynamic(move || {
        let percent = match kind.get() {
            "remainder" => {
                return view! { <p class="bw-hint">{tr(lang, Key::TrRemainderNote)}</p> }.into_any()
            }
            k => k == "percent",
        };
        amount_field(
            lang,
            id("value"),
            tr(
                lang,
                if percent {
                    Key::TrPercentValue
                } else {
                    Key::TrFixedValue
                },
            ),
            None,
            Signal::derive(move || match share.get() {
                Some(Share::Percent(p)) => input_text(p, 0, lang.get()),
                Some(Share::Fixed(x)) => input_text(x, 2, lang.get()),
                _ => String::new(),
            }),
            NodeRef::new(),
            if percent { read_percent } else { read_amount },
            false,
            Callback::new(move |v: Option<Decimal>| {
                if let Some(v) = v {
                    edit_instalment(ws, i, j, |x| {
                        x.share = if percent {
                            Share::Percent(v)
                        } else {
                            Share::Fixed(v)
                        }
                    });
                }
            }),
        )
    });
    let fields = (
        select_field(
            id("kind"),
            tr(lang, Key::TrKind),
            keyed_options(lang, &SHARE_KINDS),
            Signal::derive(move || kind.get().to_string()),
            on_kind,
        ),
        value_field,
        text_field(
            id("label"),
            "text",
            tr(lang, Key::TrLabel),
            Signal::derive(move || {
                with_instalment(ws, i, j, |x| x.label.clone()).unwrap_or_default()
            }),
            Callback::new(move |v: String| edit_instalment(ws, i, j, |x| x.label = v)),
        ),
        text_field(
            id("date"),
            "date",
            tr(lang, Key::TrDate),
            Signal::derive(move || {
                with_instalment(ws, i, j, |x| x.date.clone())
                    .flatten()
                    .unwrap_or_default()
            }),
            Callback::new(move |v: String| {
                edit_instalment(ws, i, j, |x| x.date = (!v.is_empty()).then_some(v))
            }),
        ),
    );
    let remove = button(
        Signal::derive(move || format!("{} {number}", t(lang.get(), Key::TrRemoveInstalment))),
        Callback::new(move |()| {
            edit_schedule(ws, i, |s| {
                if j < s.instalments.len() {
                    s.instalments.remove(j);
                }
            })
        }),
    );

    view! {
        <fieldset class="bw-instalment">
            <legend>{move || format!("{} {number}", t(lang.get(), Key::TrInstalment))}</legend>
            {fields}
            <div class="bw-check">
                <input
                    id=id("adjusted")
                    type="checkbox"
                    prop:checked=adjusted
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        edit_instalment(ws, i, j, |x| x.adjusted = checked);
                    }
                />
                <label for=id("adjusted")>{tr(lang, Key::TrAdjusted)}</label>
            </div>
            {remove}
        </fieldset>
    }
    .into_any()
}

/// What was paid and achieved, for the settlement of schedule `i`.
fn execution_inputs(ws: Workspace, i: usize) -> AnyView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-{what}");
    let achieved = Memo::new(move |_| with_schedule(ws, i, |s| s.achieved.clone()).flatten());
    // The kind chosen while its figures are not all typed yet.
    let chosen = RwSignal::new("none");
    let kind = Memo::new(move |_| match achieved.get() {
        Some(Achievement::Spending { .. }) => "spending",
        Some(Achievement::Units { .. }) => "units",
        None => chosen.get(),
    });
    let units_ref = NodeRef::<html::Input>::new();
    let cost_ref = NodeRef::<html::Input>::new();
    // What the payer spent on the schedule's action, when the convention
    // says it (pasted with an execution report or typed in the Exécution
    // table): offered as the actual spending, unless it already is.
    let executed = Memo::new(move |_| {
        let (action, payer) = with_schedule(ws, i, |s| s.action.zip(s.payer)).flatten()?;
        ws.convention.with(|c| {
            figures::action_executed(c.as_ref()?, action)
                .ok()?
                .funder(payer)
        })
    });
    let take_executed = move || {
        let amount = executed.get()?;
        let taken =
            matches!(achieved.get(), Some(Achievement::Spending { amount: a }) if a == amount);
        (!taken).then(|| {
            let l = lang.get();
            view! {
                <p>
                    <button type="button" on:click=move |_| {
                        chosen.set("spending");
                        edit_schedule(ws, i, |s| s.achieved = Some(Achievement::Spending { amount }));
                    }>
                        {format!("{}{}{}", t(l, Key::TrTakeExecuted), colon(l), format_eur(amount, l))}
                    </button>
                </p>
            }
        })
    };

    // Units and unit cost: an achievement once both are typed.
    let on_units = Callback::new(move |_: Option<Decimal>| {
        let lang = lang.get_untracked();
        let value = |r: NodeRef<html::Input>| {
            r.get_untracked()
                .and_then(|e| read_amount(&e.value(), lang).ok())
                .flatten()
        };
        let (units, cost) = (value(units_ref), value(cost_ref));
        chosen.set("units");
        edit_schedule(ws, i, |s| {
            s.achieved = match (units, cost) {
                (Some(units), Some(unit_cost)) => Some(Achievement::Units { units, unit_cost }),
                _ => None,
            }
        });
    });
    let figures = move || {
        match kind.get() {
        "spending" => amount_field(
            lang,
            id("spending"),
            tr(lang, Key::TrSpending),
            None,
            Signal::derive(move || match achieved.get() {
                Some(Achievement::Spending { amount }) => input_text(amount, 2, lang.get()),
                _ => String::new(),
            }),
            NodeRef::new(),
            read_amount,
            true,
            Callback::new(move |v: Option<Decimal>| {
                chosen.set("spending");
                edit_schedule(ws, i, |s| {
                    s.achieved = v.map(|amount| Achievement::Spending { amount })
                })
            }),
        ),
        "units" => view! {
            {amount_field(
                lang,
                id("units"),
                tr(lang, Key::TrUnits),
                None,
                Signal::derive(move || match achieved.get() {
                    Some(Achievement::Units { units, .. }) => input_text(units, 0, lang.get()),
                    _ => String::new(),
                }),
                units_ref,
                read_amount,
                true,
                on_units,
            )}
            {amount_field(
                lang,
                id("unit-cost"),
                tr(lang, Key::TrUnitCost),
                None,
                Signal::derive(move || match achieved.get() {
                    Some(Achievement::Units { unit_cost, .. }) => input_text(unit_cost, 2, lang.get()),
                    _ => String::new(),
                }),
                cost_ref,
                read_amount,
                true,
                on_units,
            )}
        }
        .into_any(),
        _ => ().into_any(),
    }
    };

    view! {
        <fieldset class="bw-tr-execution">
            <legend>{tr(lang, Key::TrExecutionHeading)}</legend>
            {amount_field(
                lang,
                id("paid"),
                tr(lang, Key::TrPaid),
                None,
                Signal::derive(move || {
                    with_schedule(ws, i, |s| s.paid)
                        .flatten()
                        .map(|v| input_text(v, 2, lang.get()))
                        .unwrap_or_default()
                }),
                NodeRef::new(),
                read_amount,
                true,
                Callback::new(move |v: Option<Decimal>| edit_schedule(ws, i, |s| s.paid = v)),
            )}
            {select_field(
                id("achievement"),
                tr(lang, Key::TrAchievement),
                keyed_options(lang, &ACHIEVEMENT_KINDS),
                Signal::derive(move || kind.get().to_string()),
                Callback::new(move |v: String| {
                    chosen.set(match v.as_str() {
                        "spending" => "spending",
                        "units" => "units",
                        _ => "none",
                    });
                    // The figures of the new kind are typed next.
                    edit_schedule(ws, i, |s| s.achieved = None);
                }),
            )}
            {figures}
            {take_executed}
        </fieldset>
    }
    .into_any()
}

/// The instalments as computed by the core, to the cent, with their total.
fn instalments_table(lang: Lang, name: &str, computed: Option<ScheduleFigures>) -> Option<AnyView> {
    let computed = computed?;
    let instalments: Vec<InstalmentAmount> = computed.instalments.clone()?;
    if instalments.is_empty() {
        return None;
    }
    let body = instalments
        .into_iter()
        .enumerate()
        .map(|(k, x)| {
            let label = if x.adjusted {
                format!("{} ({})", x.label, t(lang, Key::TrAdjustedNote))
            } else {
                x.label.clone()
            };
            row(
                "",
                vec![
                    th_row(k.saturating_add(1).to_string(), "", 1),
                    td(label, "", 1),
                    td(
                        x.date
                            .as_deref()
                            .map(|d| show_date(d, lang))
                            .unwrap_or_default(),
                        "",
                        1,
                    ),
                    td_num(share_text(&x.share, lang)),
                    td_num(format_eur(x.amount, lang)),
                ],
            )
        })
        .collect();
    let head = [
        (Key::ColNumber, false),
        (Key::TrColLabel, false),
        (Key::TrDate, false),
        (Key::ColShare, true),
        (Key::ColAmount, true),
    ]
    .iter()
    .map(|(k, num)| th_col(t(lang, *k).into(), *num))
    .collect();
    let total = row(
        "bw-total-row",
        vec![
            th_row(t(lang, Key::ColTotal).into(), "", 4),
            td_num(format_eur(computed.total, lang)),
        ],
    );
    Some(table(
        "bw-tr-table",
        format!("{} — {name}", t(lang, Key::TrTableCaption)),
        head,
        body,
        vec![total],
    ))
}

/// The amount due and the balance or refund, once something was paid or
/// achieved.
fn settlement_table(lang: Lang, name: &str, settlement: Option<Settlement>) -> AnyView {
    let Some(s) = settlement else {
        return view! { <p class="bw-hint">{t(lang, Key::TrSettlementNone)}</p> }.into_any();
    };
    let line = |key: Key, value: Decimal, class: &'static str| {
        row(
            class,
            vec![
                th_row(t(lang, key).into(), "", 1),
                td_num(format_eur(value, lang)),
            ],
        )
    };
    let mut body = vec![line(Key::TrCommitment, s.commitment, "")];
    if let Some(a) = s.achieved {
        body.push(line(Key::TrAchieved, a, ""));
    }
    body.push(line(Key::TrDue, s.due, ""));
    body.push(line(Key::TrPaidRow, s.paid, ""));
    body.push(if s.refund > Decimal::ZERO {
        line(Key::TrRefund, s.refund, "bw-total-row bw-tr-refund")
    } else {
        line(Key::TrToPay, s.to_pay, "bw-total-row")
    });
    table(
        "bw-tr-settlement",
        format!("{} — {name}", t(lang, Key::TrSettlementCaption)),
        Vec::new(),
        body,
        Vec::new(),
    )
}
