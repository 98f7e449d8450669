//! Editing one instalment, and what was achieved and paid.

use super::*;

/// What an instalment is: a percentage of the schedule, a fixed amount, or
/// the balance. Chosen in a list whose values are [`ShareKind::value`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ShareKind {
    Percent,
    Fixed,
    Remainder,
}

impl ShareKind {
    const ALL: [ShareKind; 3] = [ShareKind::Percent, ShareKind::Fixed, ShareKind::Remainder];

    fn of(share: Option<&Share>) -> Self {
        match share {
            Some(Share::Percent(_)) | None => ShareKind::Percent,
            Some(Share::Fixed(_)) => ShareKind::Fixed,
            Some(Share::Remainder) => ShareKind::Remainder,
        }
    }
}

impl Choice for ShareKind {
    fn value(self) -> &'static str {
        match self {
            ShareKind::Percent => "percent",
            ShareKind::Fixed => "fixed",
            ShareKind::Remainder => "remainder",
        }
    }
    fn key(self) -> Key {
        match self {
            ShareKind::Percent => Key::TrKindPercent,
            ShareKind::Fixed => Key::TrKindFixed,
            ShareKind::Remainder => Key::TrKindRemainder,
        }
    }
}

/// How what was achieved is given: not yet, as the actual spending, or as
/// units and a unit cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AchievementKind {
    None,
    Spending,
    Units,
}

impl AchievementKind {
    const ALL: [AchievementKind; 3] = [
        AchievementKind::None,
        AchievementKind::Spending,
        AchievementKind::Units,
    ];
}

impl Choice for AchievementKind {
    fn value(self) -> &'static str {
        match self {
            AchievementKind::None => "none",
            AchievementKind::Spending => "spending",
            AchievementKind::Units => "units",
        }
    }
    fn key(self) -> Key {
        match self {
            AchievementKind::None => Key::TrAchNone,
            AchievementKind::Spending => Key::TrAchSpending,
            AchievementKind::Units => Key::TrAchUnits,
        }
    }
}

/// The editor of instalment `j` of schedule `i`.
pub(super) fn instalment_editor(ws: Workspace, i: usize, j: usize) -> AnyView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-inst-{j}-{what}");
    let share = Memo::new(move |_| with_instalment(ws, i, j, |x| x.share.clone()));
    let adjusted = Memo::new(move |_| with_instalment(ws, i, j, |x| x.adjusted).unwrap_or(false));
    let kind = Memo::new(move |_| share.with(|s| ShareKind::of(s.as_ref())));
    let number = j.saturating_add(1);

    let on_kind = Callback::new(move |picked: String| {
        let picked = chosen_of(&ShareKind::ALL, &picked).unwrap_or(ShareKind::Percent);
        edit_instalment(ws, i, j, |x| {
            // The number typed stays when switching between percentage and
            // amount; a balance has none.
            let value = match x.share {
                Share::Percent(v) | Share::Fixed(v) => v,
                Share::Remainder => Decimal::ZERO,
            };
            x.share = match picked {
                ShareKind::Fixed => Share::Fixed(value),
                ShareKind::Remainder => Share::Remainder,
                ShareKind::Percent => Share::Percent(value),
            };
        });
    });
    // One field for a percentage, another for an amount: each reads its own
    // kind of number.
    let value_field = dynamic(move || {
        let percent = match kind.get() {
            ShareKind::Remainder => {
                return view! { <p class="bw-hint">{tr(lang, Key::TrRemainderNote)}</p> }.into_any()
            }
            k => k == ShareKind::Percent,
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
            keyed_options(lang, &ShareKind::ALL),
            Signal::derive(move || kind.get().value().to_string()),
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
pub(super) fn execution_inputs(ws: Workspace, i: usize) -> AnyView {
    let lang = ws.lang;
    let id = move |what: &str| format!("bw-sched-{i}-{what}");
    let achieved = Memo::new(move |_| with_schedule(ws, i, |s| s.achieved.clone()).flatten());
    // The kind chosen while its figures are not all typed yet.
    let chosen = RwSignal::new(AchievementKind::None);
    let kind = Memo::new(move |_| match achieved.get() {
        Some(Achievement::Spending { .. }) => AchievementKind::Spending,
        Some(Achievement::Units { .. }) => AchievementKind::Units,
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
                        chosen.set(AchievementKind::Spending);
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
        chosen.set(AchievementKind::Units);
        edit_schedule(ws, i, |s| {
            s.achieved = match (units, cost) {
                (Some(units), Some(unit_cost)) => Some(Achievement::Units { units, unit_cost }),
                _ => None,
            }
        });
    });
    let figures = move || {
        match kind.get() {
        AchievementKind::Spending => amount_field(
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
                chosen.set(AchievementKind::Spending);
                edit_schedule(ws, i, |s| {
                    s.achieved = v.map(|amount| Achievement::Spending { amount })
                })
            }),
        ),
        AchievementKind::Units => view! {
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
        AchievementKind::None => ().into_any(),
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
                keyed_options(lang, &AchievementKind::ALL),
                Signal::derive(move || kind.get().value().to_string()),
                Callback::new(move |v: String| {
                    chosen.set(chosen_of(&AchievementKind::ALL, &v).unwrap_or(AchievementKind::None));
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
