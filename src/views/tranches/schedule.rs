//! Making a schedule and editing one: its action, payer, total and instalments.

use super::instalment::{execution_inputs, instalment_editor};
use super::tables::{instalments_table, settlement_table};
use super::*;

/// The form that adds a schedule.
pub(super) fn new_schedule(ws: Workspace, labels: Memo<Vec<String>>) -> AnyView {
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
pub(super) fn schedule_editor(
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
