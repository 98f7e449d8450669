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
use budget_core::tranches::{self, InstalmentAmount, Settlement};
use budget_core::{Achievement, Convention, Decimal, Instalment, Lang, Schedule, Share};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, Key};
use crate::state::Workspace;
use crate::view_util::{input_text, percent_as_written, read_amount, read_percent};

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

/// `<option>`s for an optional index: a "none" option, then one per label.
fn index_options(
    lang: RwSignal<Lang>,
    none: Key,
    labels: Memo<Vec<String>>,
    selected: impl Fn() -> Option<usize> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <option value="" prop:selected=move || selected().is_none()>{move || t(lang.get(), none)}</option>
        {move || {
            labels
                .get()
                .into_iter()
                .enumerate()
                .map(|(k, label)| {
                    view! {
                        <option value=k.to_string() prop:selected=move || selected() == Some(k)>
                            {label}
                        </option>
                    }
                })
                .collect_view()
        }}
    }
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

/// An error message under a field, tied to it by `aria-describedby`.
fn field_error(id: String, error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(
            |e| view! { <p id=id.clone() class="bw-error bw-field-error" role="alert">{e}</p> },
        )
    }
}

/// `aria-describedby` of a field: its hint, and its error when it has one.
fn described_by(
    hint: Option<String>,
    error_id: String,
    error: RwSignal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let parts: Vec<String> = hint
            .iter()
            .cloned()
            .chain(error.with(Option::is_some).then(|| error_id.clone()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The payment schedules of the convention: one editor per schedule, and a
/// form to add one.
#[component]
pub fn TranchesView(ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    let report: ReportMemo = Memo::new(move |_| {
        ws.convention
            .with(|c| c.as_ref().map(budget_core::report::compute))
    });
    let count = Memo::new(move |_| {
        ws.convention
            .with(|c| c.as_ref().map_or(0, |c| c.schedules.len()))
    });
    let loaded = Memo::new(move |_| ws.convention.with(Option::is_some));
    view! {
        <section class="bw-tranches" aria-labelledby="bw-tranches-heading">
            <h2 id="bw-tranches-heading">{move || t(lang.get(), Key::TrHeading)}</h2>
            <p class="bw-hint">{move || t(lang.get(), Key::TrIntro)}</p>
            <Show
                when=move || loaded.get()
                fallback=|| ()
            >
                <Show when=move || count.get() == 0>
                    <p class="bw-empty">{move || t(lang.get(), Key::TrNone)}</p>
                </Show>
                <For
                    each=move || 0..count.get()
                    key=|i| *i
                    children=move |i| view! { <ScheduleEditor ws=ws report=report i=i /> }
                />
                <NewSchedule ws=ws />
            </Show>
        </section>
    }
}

/// The form that adds a schedule.
#[component]
fn NewSchedule(ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    let name = RwSignal::new(String::new());
    let action = RwSignal::new(None::<usize>);
    // `None`: the State (the usual payer).
    let payer = RwSignal::new(None::<usize>);
    let total = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let actions = action_labels(ws);
    let funders = funder_names(ws);
    let state = Memo::new(move |_| ws.convention.with(|c| c.as_ref().and_then(|c| c.state())));
    let payer_or_state = move || payer.get().or_else(|| state.get());

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

    view! {
        <form class="bw-tr-new" on:submit=add>
            <fieldset>
                <legend>{move || t(lang.get(), Key::TrAddHeading)}</legend>
                <div class="bw-form-row">
                    <label for="bw-tr-new-name">{move || t(lang.get(), Key::TrName)}</label>
                    <input
                        id="bw-tr-new-name"
                        type="text"
                        autocomplete="off"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <div class="bw-form-row">
                    <label for="bw-tr-new-action">{move || t(lang.get(), Key::TrAction)}</label>
                    <select
                        id="bw-tr-new-action"
                        on:change=move |ev| {
                            action.set(event_target_value(&ev).parse::<usize>().ok());
                            refill_total();
                        }
                    >
                        {index_options(lang, Key::TrNoAction, actions, move || action.get())}
                    </select>
                </div>
                <div class="bw-form-row">
                    <label for="bw-tr-new-payer">{move || t(lang.get(), Key::TrPayer)}</label>
                    <select
                        id="bw-tr-new-payer"
                        on:change=move |ev| {
                            payer.set(event_target_value(&ev).parse::<usize>().ok());
                            refill_total();
                        }
                    >
                        {index_options(lang, Key::TrNoPayer, funders, payer_or_state)}
                    </select>
                </div>
                <div class="bw-form-row">
                    <label for="bw-tr-new-total">{move || t(lang.get(), Key::TrTotal)}</label>
                    <p id="bw-tr-new-total-hint" class="bw-hint">{move || t(lang.get(), Key::TrTotalHint)}</p>
                    <input
                        id="bw-tr-new-total"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(Some("bw-tr-new-total-hint".into()), "bw-tr-new-total-error".into(), error)
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || total.get()
                        on:input=move |ev| total.set(event_target_value(&ev))
                    />
                    {field_error("bw-tr-new-total-error".into(), error)}
                </div>
                <div class="bw-actions">
                    <button type="submit">{move || t(lang.get(), Key::TrAdd)}</button>
                </div>
            </fieldset>
        </form>
    }
}

/// Which kind of achievement the user is entering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AchievementKind {
    None,
    Spending,
    Units,
}

/// The editor of schedule `i`.
#[component]
fn ScheduleEditor(ws: Workspace, report: ReportMemo, i: usize) -> impl IntoView {
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
    let total_error = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    let actions = action_labels(ws);
    let funders = funder_names(ws);

    let on_total = move |event: ev::Event| {
        let lang_now = lang.get_untracked();
        match read_amount(&event_target_value(&event), lang_now) {
            Ok(Some(v)) => {
                total_error.set(None);
                edit_schedule(ws, i, |s| s.total = v);
            }
            Ok(None) => total_error.set(Some(format!(
                "{} {}",
                t(lang_now, Key::TrAmountRequired),
                t(lang_now, Key::TrKeptPrevious)
            ))),
            Err(message) => total_error.set(Some(message)),
        }
    };
    let on_action = move |event: ev::Event| {
        let picked = event_target_value(&event).parse::<usize>().ok();
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
        total_error.set(None);
    };
    let preset = move |plan: fn() -> Vec<Instalment>| {
        move |_: ev::MouseEvent| edit_schedule(ws, i, |s| s.instalments = plan())
    };
    let remove = move |_: ev::MouseEvent| {
        ws.edit(|c| {
            if i < c.schedules.len() {
                c.schedules.remove(i);
            }
        });
        confirm.set(false);
        total_error.set(None);
    };

    view! {
        <section class="bw-schedule" aria-labelledby=id("heading")>
            <h3 id=id("heading")>{move || name.get()}</h3>
            <div class="bw-tr-fields">
                <div class="bw-form-row">
                    <label for=id("name")>{move || t(lang.get(), Key::TrName)}</label>
                    <input
                        id=id("name")
                        type="text"
                        autocomplete="off"
                        prop:value=move || name.get()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            edit_schedule(ws, i, |s| s.name = value);
                        }
                    />
                </div>
                <div class="bw-form-row">
                    <label for=id("action")>{move || t(lang.get(), Key::TrAction)}</label>
                    <select id=id("action") on:change=on_action>
                        {index_options(lang, Key::TrNoAction, actions, move || action.get())}
                    </select>
                </div>
                <div class="bw-form-row">
                    <label for=id("payer")>{move || t(lang.get(), Key::TrPayer)}</label>
                    <select
                        id=id("payer")
                        on:change=move |ev| {
                            let picked = event_target_value(&ev).parse::<usize>().ok();
                            edit_schedule(ws, i, |s| s.payer = picked);
                        }
                    >
                        {index_options(lang, Key::TrNoPayer, funders, move || payer.get())}
                    </select>
                </div>
                <div class="bw-form-row">
                    <label for=id("total")>{move || t(lang.get(), Key::TrTotal)}</label>
                    <p id=id("total-hint") class="bw-hint">{move || t(lang.get(), Key::TrTotalHint)}</p>
                    <input
                        id=id("total")
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(Some(id("total-hint")), id("total-error"), total_error)
                        aria-invalid=move || total_error.with(Option::is_some).then_some("true")
                        prop:value=move || total.get().map(|v| input_text(v, 2, lang.get())).unwrap_or_default()
                        on:change=on_total
                    />
                    {field_error(id("total-error"), total_error)}
                </div>
            </div>

            <div class="bw-tr-presets" role="group" aria-labelledby=id("presets")>
                <span id=id("presets") class="bw-tr-presets-label">{move || t(lang.get(), Key::TrPresets)}</span>
                <button type="button" on:click=preset(tranches::sixty_forty)>
                    {move || t(lang.get(), Key::TrPreset6040)}
                </button>
                <button type="button" on:click=preset(tranches::seventy_thirty_adjusted)>
                    {move || t(lang.get(), Key::TrPreset7030)}
                </button>
                <button type="button" on:click=preset(tranches::full_at_signature)>
                    {move || t(lang.get(), Key::TrPreset100)}
                </button>
            </div>

            <For
                each=move || 0..count.get()
                key=|j| *j
                children=move |j| view! { <InstalmentEditor ws=ws i=i j=j /> }
            />
            <div class="bw-tr-add-instalment">
                <button
                    type="button"
                    on:click=move |_| {
                        edit_schedule(ws, i, |s| {
                            s.instalments.push(Instalment {
                                share: Share::Percent(Decimal::ZERO),
                                label: String::new(),
                                date: None,
                                adjusted: false,
                            })
                        })
                    }
                >
                    {move || t(lang.get(), Key::TrAddInstalment)}
                </button>
            </div>

            {move || instalments_table(lang.get(), &name.get(), computed.get())}

            {move || {
                let lang = lang.get();
                let warnings = warnings.get();
                let errors = errors.get();
                if warnings.is_empty() && errors.is_empty() {
                    let ok = count.get() > 0;
                    ok.then(|| view! { <p class="bw-ok">{t(lang, Key::TrNoIssue)}</p> }).into_any()
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
            }}

            <ExecutionInputs ws=ws i=i />

            {move || settlement_table(lang.get(), &name.get(), computed.with(|c| c.as_ref().and_then(|c| c.settlement.clone())))}

            <div class="bw-tr-remove">
                <button
                    type="button"
                    aria-expanded=move || if confirm.get() { "true" } else { "false" }
                    on:click=move |_| confirm.update(|c| *c = !*c)
                >
                    {move || format!("{} « {} »", t(lang.get(), Key::TrRemove), name.get())}
                </button>
                <Show when=move || confirm.get()>
                    <span class="bw-tr-confirm">
                        <button type="button" class="bw-danger" on:click=remove>
                            {move || t(lang.get(), Key::TrConfirmRemove)}
                        </button>
                        <button type="button" on:click=move |_| confirm.set(false)>
                            {move || t(lang.get(), Key::TrCancel)}
                        </button>
                    </span>
                </Show>
            </div>
        </section>
    }
}

/// The editor of instalment `j` of schedule `i`.
#[component]
fn InstalmentEditor(ws: Workspace, i: usize, j: usize) -> impl IntoView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-inst-{j}-{what}");
    let share = Memo::new(move |_| with_instalment(ws, i, j, |x| x.share.clone()));
    let label =
        Memo::new(move |_| with_instalment(ws, i, j, |x| x.label.clone()).unwrap_or_default());
    let date = Memo::new(move |_| with_instalment(ws, i, j, |x| x.date.clone()).flatten());
    let adjusted = Memo::new(move |_| with_instalment(ws, i, j, |x| x.adjusted).unwrap_or(false));
    let kind = Memo::new(move |_| match share.get() {
        Some(Share::Percent(_)) | None => "percent",
        Some(Share::Fixed(_)) => "fixed",
        Some(Share::Remainder) => "remainder",
    });
    let error = RwSignal::new(None::<String>);
    let number = j.saturating_add(1);

    let on_kind = move |event: ev::Event| {
        let picked = event_target_value(&event);
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
        error.set(None);
    };
    let on_value = move |event: ev::Event| {
        let text = event_target_value(&event);
        let lang_now = lang.get_untracked();
        let percent = kind.get_untracked() == "percent";
        let read = if percent {
            read_percent(&text, lang_now)
        } else {
            read_amount(&text, lang_now)
        };
        match read {
            Ok(Some(v)) => {
                error.set(None);
                edit_instalment(ws, i, j, |x| {
                    x.share = if percent {
                        Share::Percent(v)
                    } else {
                        Share::Fixed(v)
                    }
                });
            }
            Ok(None) => error.set(Some(format!(
                "{} {}",
                t(lang_now, Key::TrAmountRequired),
                t(lang_now, Key::TrKeptPrevious)
            ))),
            Err(message) => error.set(Some(message)),
        }
    };

    view! {
        <fieldset class="bw-instalment">
            <legend>{move || format!("{} {number}", t(lang.get(), Key::TrInstalment))}</legend>
            <div class="bw-form-row">
                <label for=id("kind")>{move || t(lang.get(), Key::TrKind)}</label>
                <select id=id("kind") on:change=on_kind>
                    <option value="percent" prop:selected=move || kind.get() == "percent">
                        {move || t(lang.get(), Key::TrKindPercent)}
                    </option>
                    <option value="fixed" prop:selected=move || kind.get() == "fixed">
                        {move || t(lang.get(), Key::TrKindFixed)}
                    </option>
                    <option value="remainder" prop:selected=move || kind.get() == "remainder">
                        {move || t(lang.get(), Key::TrKindRemainder)}
                    </option>
                </select>
            </div>
            <Show
                when=move || kind.get() != "remainder"
                fallback=move || view! { <p class="bw-hint">{move || t(lang.get(), Key::TrRemainderNote)}</p> }
            >
                <div class="bw-form-row">
                    <label for=id("value")>
                        {move || {
                            let key = if kind.get() == "percent" { Key::TrPercentValue } else { Key::TrFixedValue };
                            t(lang.get(), key)
                        }}
                    </label>
                    <input
                        id=id("value")
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(None, id("value-error"), error)
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        prop:value=move || match share.get() {
                            Some(Share::Percent(p)) => input_text(p, 0, lang.get()),
                            Some(Share::Fixed(x)) => input_text(x, 2, lang.get()),
                            _ => String::new(),
                        }
                        on:change=on_value
                    />
                    {field_error(id("value-error"), error)}
                </div>
            </Show>
            <div class="bw-form-row">
                <label for=id("label")>{move || t(lang.get(), Key::TrLabel)}</label>
                <input
                    id=id("label")
                    type="text"
                    autocomplete="off"
                    prop:value=move || label.get()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        edit_instalment(ws, i, j, |x| x.label = value);
                    }
                />
            </div>
            <div class="bw-form-row">
                <label for=id("date")>{move || t(lang.get(), Key::TrDate)}</label>
                <input
                    id=id("date")
                    type="date"
                    prop:value=move || date.get().unwrap_or_default()
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        edit_instalment(ws, i, j, |x| x.date = (!value.is_empty()).then_some(value));
                    }
                />
            </div>
            <div class="bw-check">
                <input
                    id=id("adjusted")
                    type="checkbox"
                    prop:checked=move || adjusted.get()
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        edit_instalment(ws, i, j, |x| x.adjusted = checked);
                    }
                />
                <label for=id("adjusted")>{move || t(lang.get(), Key::TrAdjusted)}</label>
            </div>
            <button
                type="button"
                on:click=move |_| {
                    edit_schedule(ws, i, |s| {
                        if j < s.instalments.len() {
                            s.instalments.remove(j);
                        }
                    })
                }
            >
                {move || format!("{} {number}", t(lang.get(), Key::TrRemoveInstalment))}
            </button>
        </fieldset>
    }
}

/// What was paid and achieved, for the settlement of schedule `i`.
#[component]
fn ExecutionInputs(ws: Workspace, i: usize) -> impl IntoView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-{what}");
    let paid = Memo::new(move |_| with_schedule(ws, i, |s| s.paid).flatten());
    let achieved = Memo::new(move |_| with_schedule(ws, i, |s| s.achieved.clone()).flatten());
    // The kind chosen while its figures are not all typed yet.
    let chosen = RwSignal::new(AchievementKind::None);
    let kind = Memo::new(move |_| match achieved.get() {
        Some(Achievement::Spending { .. }) => AchievementKind::Spending,
        Some(Achievement::Units { .. }) => AchievementKind::Units,
        None => chosen.get(),
    });
    let paid_error = RwSignal::new(None::<String>);
    let spending_error = RwSignal::new(None::<String>);
    let units_error = RwSignal::new(None::<String>);
    let units_ref = NodeRef::<html::Input>::new();
    let cost_ref = NodeRef::<html::Input>::new();

    let on_paid = move |event: ev::Event| match read_amount(
        &event_target_value(&event),
        lang.get_untracked(),
    ) {
        Ok(v) => {
            paid_error.set(None);
            edit_schedule(ws, i, |s| s.paid = v);
        }
        Err(message) => paid_error.set(Some(message)),
    };
    let on_kind = move |event: ev::Event| {
        let picked = match event_target_value(&event).as_str() {
            "spending" => AchievementKind::Spending,
            "units" => AchievementKind::Units,
            _ => AchievementKind::None,
        };
        chosen.set(picked);
        spending_error.set(None);
        units_error.set(None);
        // The figures of the new kind are typed next.
        edit_schedule(ws, i, |s| s.achieved = None);
    };
    let on_spending = move |event: ev::Event| match read_amount(
        &event_target_value(&event),
        lang.get_untracked(),
    ) {
        Ok(v) => {
            spending_error.set(None);
            edit_schedule(ws, i, |s| {
                s.achieved = v.map(|amount| Achievement::Spending { amount })
            });
        }
        Err(message) => spending_error.set(Some(message)),
    };
    let on_units = move |_: ev::Event| {
        let lang_now = lang.get_untracked();
        let value =
            |r: NodeRef<html::Input>| r.get_untracked().map(|e| e.value()).unwrap_or_default();
        let units = read_amount(&value(units_ref), lang_now);
        let cost = read_amount(&value(cost_ref), lang_now);
        match (units, cost) {
            (Err(message), _) | (_, Err(message)) => units_error.set(Some(message)),
            (Ok(units), Ok(cost)) => {
                units_error.set(None);
                chosen.set(AchievementKind::Units);
                edit_schedule(ws, i, |s| {
                    s.achieved = match (units, cost) {
                        (Some(units), Some(unit_cost)) => {
                            Some(Achievement::Units { units, unit_cost })
                        }
                        // Incomplete: no achievement until both are typed.
                        _ => None,
                    }
                });
            }
        }
    };

    view! {
        <fieldset class="bw-tr-execution">
            <legend>{move || t(lang.get(), Key::TrExecutionHeading)}</legend>
            <div class="bw-form-row">
                <label for=id("paid")>{move || t(lang.get(), Key::TrPaid)}</label>
                <input
                    id=id("paid")
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=described_by(None, id("paid-error"), paid_error)
                    aria-invalid=move || paid_error.with(Option::is_some).then_some("true")
                    prop:value=move || paid.get().map(|v| input_text(v, 2, lang.get())).unwrap_or_default()
                    on:change=on_paid
                />
                {field_error(id("paid-error"), paid_error)}
            </div>
            <div class="bw-form-row">
                <label for=id("achievement")>{move || t(lang.get(), Key::TrAchievement)}</label>
                <select id=id("achievement") on:change=on_kind>
                    <option value="none" prop:selected=move || kind.get() == AchievementKind::None>
                        {move || t(lang.get(), Key::TrAchNone)}
                    </option>
                    <option value="spending" prop:selected=move || kind.get() == AchievementKind::Spending>
                        {move || t(lang.get(), Key::TrAchSpending)}
                    </option>
                    <option value="units" prop:selected=move || kind.get() == AchievementKind::Units>
                        {move || t(lang.get(), Key::TrAchUnits)}
                    </option>
                </select>
            </div>
            <Show when=move || kind.get() == AchievementKind::Spending>
                <div class="bw-form-row">
                    <label for=id("spending")>{move || t(lang.get(), Key::TrSpending)}</label>
                    <input
                        id=id("spending")
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(None, id("spending-error"), spending_error)
                        aria-invalid=move || spending_error.with(Option::is_some).then_some("true")
                        prop:value=move || match achieved.get() {
                            Some(Achievement::Spending { amount }) => input_text(amount, 2, lang.get()),
                            _ => String::new(),
                        }
                        on:change=on_spending
                    />
                    {field_error(id("spending-error"), spending_error)}
                </div>
            </Show>
            <Show when=move || kind.get() == AchievementKind::Units>
                <div class="bw-form-row">
                    <label for=id("units")>{move || t(lang.get(), Key::TrUnits)}</label>
                    <input
                        id=id("units")
                        node_ref=units_ref
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(None, id("units-error"), units_error)
                        aria-invalid=move || units_error.with(Option::is_some).then_some("true")
                        prop:value=move || match achieved.get() {
                            Some(Achievement::Units { units, .. }) => input_text(units, 0, lang.get()),
                            _ => String::new(),
                        }
                        on:change=on_units
                    />
                </div>
                <div class="bw-form-row">
                    <label for=id("unit-cost")>{move || t(lang.get(), Key::TrUnitCost)}</label>
                    <input
                        id=id("unit-cost")
                        node_ref=cost_ref
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby=described_by(None, id("units-error"), units_error)
                        aria-invalid=move || units_error.with(Option::is_some).then_some("true")
                        prop:value=move || match achieved.get() {
                            Some(Achievement::Units { unit_cost, .. }) => input_text(unit_cost, 2, lang.get()),
                            _ => String::new(),
                        }
                        on:change=on_units
                    />
                </div>
                {field_error(id("units-error"), units_error)}
            </Show>
        </fieldset>
    }
}

/// The instalments as computed by the core, to the cent, with their total.
fn instalments_table(lang: Lang, name: &str, computed: Option<ScheduleFigures>) -> impl IntoView {
    let computed = computed?;
    let instalments: Vec<InstalmentAmount> = computed.instalments.clone()?;
    if instalments.is_empty() {
        return None;
    }
    let rows = instalments
        .into_iter()
        .enumerate()
        .map(|(k, x)| {
            let label = if x.adjusted {
                format!("{} ({})", x.label, t(lang, Key::TrAdjustedNote))
            } else {
                x.label.clone()
            };
            view! {
                <tr>
                    <th scope="row">{k.saturating_add(1)}</th>
                    <td>{label}</td>
                    <td>{x.date.as_deref().map(|d| show_date(d, lang)).unwrap_or_default()}</td>
                    <td class="bw-num">{share_text(&x.share, lang)}</td>
                    <td class="bw-num">{format_eur(x.amount, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <div class="bw-scroll">
            <table class="bw-tr-table">
                <caption>{format!("{} — {name}", t(lang, Key::TrTableCaption))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, Key::ColNumber)}</th>
                        <th scope="col">{t(lang, Key::TrColLabel)}</th>
                        <th scope="col">{t(lang, Key::TrDate)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColShare)}</th>
                        <th scope="col" class="bw-num">{t(lang, Key::ColAmount)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="bw-total-row">
                        <th scope="row" colspan="4">{t(lang, Key::ColTotal)}</th>
                        <td class="bw-num">{format_eur(computed.total, lang)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    })
}

/// The amount due and the balance or refund, once something was paid or
/// achieved.
fn settlement_table(lang: Lang, name: &str, settlement: Option<Settlement>) -> impl IntoView {
    let Some(s) = settlement else {
        return view! { <p class="bw-hint">{t(lang, Key::TrSettlementNone)}</p> }.into_any();
    };
    let row = |key: Key, value: Decimal, class: &'static str| {
        view! {
            <tr class=class>
                <th scope="row">{t(lang, key)}</th>
                <td class="bw-num">{format_eur(value, lang)}</td>
            </tr>
        }
    };
    let last = if s.refund > Decimal::ZERO {
        row(Key::TrRefund, s.refund, "bw-total-row bw-tr-refund")
    } else {
        row(Key::TrToPay, s.to_pay, "bw-total-row")
    };
    view! {
        <table class="bw-tr-settlement">
            <caption>{format!("{} — {name}", t(lang, Key::TrSettlementCaption))}</caption>
            <tbody>
                {row(Key::TrCommitment, s.commitment, "")}
                {s.achieved.map(|a| row(Key::TrAchieved, a, ""))}
                {row(Key::TrDue, s.due, "")}
                {row(Key::TrPaidRow, s.paid, "")}
                {last}
            </tbody>
        </table>
    }
    .into_any()
}
