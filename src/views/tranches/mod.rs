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

mod instalment;
mod schedule;
mod tables;

use schedule::{new_schedule, schedule_editor};

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

use crate::state::Workspace;
use crate::ui::i18n::{colon, found_actions, quoted, t, t_any, Key};
use crate::ui::view_util::{
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
    std::iter::once((String::new(), t_any(lang, none).to_string()))
        .chain(items.map(|(k, l)| (k.to_string(), l.clone())))
        .collect()
}

/// The value of the selected option of an optional index.
fn index_value(selected: Signal<Option<usize>>) -> Signal<String> {
    Signal::derive(move || selected.get().map(|k| k.to_string()).unwrap_or_default())
}

/// One of the choices of a list: its value in the `<select>` and its text.
trait Choice: Copy + Send + Sync + 'static {
    fn value(self) -> &'static str;
    fn key(self) -> Key;
}

/// The choice whose value is `value` (what the `<select>` gave back).
fn chosen_of<C: Choice>(choices: &[C], value: &str) -> Option<C> {
    choices.iter().copied().find(|c| c.value() == value)
}

/// Options whose texts are keys of the translation table.
fn keyed_options<C: Choice>(
    lang: RwSignal<Lang>,
    options: &'static [C],
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = lang.get();
        options
            .iter()
            .map(|c| (c.value().to_string(), t_any(lang, c.key()).to_string()))
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
        if !crate::words::is_shown(crate::words::View::Tranches) {
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
        crate::words::is_shown(crate::words::View::Tranches) && ws.convention.with(Option::is_some)
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
