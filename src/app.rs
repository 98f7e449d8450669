//! The widget: a paste area, the table of actions with computed subtotals, the
//! totals per funder, and every cell that could not be read.
//!
//! All user text goes through Leptos text nodes and attributes, never `inner_html`.

use budget_core::money::{format_eur, format_percent};
use budget_core::read::{self, Reading};
use budget_core::{CalcError, Lang};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, Key};
use crate::summary::{ActionLine, GroupBlock, Summary};

/// The example shown by "Essayer avec un exemple": Vienne's 2024 annex.
pub const EXAMPLE_TABLE: &str = include_str!("../tests/fixtures/vienne-2024-solidarites.tsv");

/// Whether the user is typing in a field, where Ctrl+V must paste into that field.
fn editing_a_field() -> bool {
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    tag == "input"
        || tag == "textarea"
        || tag == "select"
        || active
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}

/// The plain text of a paste, if any.
fn pasted_text(event: &web_sys::ClipboardEvent) -> Option<String> {
    event.clipboard_data()?.get_data("text/plain").ok()
}

/// The value of the `<textarea>` an input event comes from.
fn textarea_value(event: &ev::Event) -> Option<String> {
    let target = event.target()?;
    let area = target.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?;
    Some(area.value())
}

/// The calculator.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::Fr);
    let draft = RwSignal::new(String::new());
    let reading = RwSignal::new(None::<Reading>);

    let import = move |text: String| {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            reading.set(None);
        } else {
            reading.set(Some(read::read_table(&text)));
        }
        draft.set(text);
    };

    // Ctrl+V anywhere in the page while no field is being edited.
    let handle = window_event_listener(ev::paste, move |event| {
        if editing_a_field() {
            return;
        }
        if let Some(text) = pasted_text(&event) {
            event.prevent_default();
            import(text);
        }
    });
    on_cleanup(move || handle.remove());

    let summary = Memo::new(move |_| reading.with(|r| r.as_ref().map(Summary::of)));

    view! {
        <div class="budget-widget" lang=move || match lang.get() { Lang::Fr => "fr", Lang::En => "en" }>
            <header class="bw-header">
                <h1>{move || t(lang.get(), Key::AppTitle)}</h1>
                <button
                    type="button"
                    class="bw-lang"
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr })
                >
                    {move || t(lang.get(), Key::SwitchLanguage)}
                </button>
            </header>
            <p class="bw-tagline">{move || t(lang.get(), Key::Tagline)}</p>

            <section class="bw-paste" aria-labelledby="bw-paste-heading">
                <h2 id="bw-paste-heading">{move || t(lang.get(), Key::PasteHeading)}</h2>
                <label for="bw-paste-area">{move || t(lang.get(), Key::PasteLabel)}</label>
                <p id="bw-paste-hint" class="bw-hint">{move || t(lang.get(), Key::PasteHint)}</p>
                <textarea
                    id="bw-paste-area"
                    aria-describedby="bw-paste-hint"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || draft.get()
                    on:input=move |event| {
                        if let Some(text) = textarea_value(&event) {
                            import(text);
                        }
                    }
                ></textarea>
                <div class="bw-actions">
                    <button type="button" on:click=move |_| import(EXAMPLE_TABLE.to_string())>
                        {move || t(lang.get(), Key::LoadExample)}
                    </button>
                    <button type="button" on:click=move |_| import(String::new())>
                        {move || t(lang.get(), Key::Clear)}
                    </button>
                </div>
            </section>

            <p class="bw-status" role="status" aria-live="polite">
                {move || status_text(lang.get(), summary.get().as_ref())}
            </p>

            {move || match summary.get() {
                None => view! { <p class="bw-empty">{t(lang.get(), Key::NothingYet)}</p> }.into_any(),
                Some(s) => results(lang.get(), s).into_any(),
            }}
        </div>
    }
}

/// The list of inconsistencies, each with its row in the source table.
fn checks_section(lang: Lang, warnings: &[budget_core::checks::Warning]) -> impl IntoView {
    let body = if warnings.is_empty() {
        view! { <p class="bw-ok">{t(lang, Key::ChecksNone)}</p> }.into_any()
    } else {
        let items = warnings
            .iter()
            .map(|w| {
                let message = match lang {
                    Lang::Fr => w.message.clone(),
                    Lang::En => w.message_en.clone(),
                };
                view! { <li>{message}</li> }
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
fn status_text(lang: Lang, summary: Option<&Summary>) -> String {
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
        Err(e) => format!("{} : {e}", t(lang, Key::CalcErrorHeading)),
    }
}

fn amount_cells(
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
            view! { <td class="bw-error" colspan=(width + 1).to_string()>{e.to_string()}</td> }
                .into_any()
        }
    }
}

fn action_row(lang: Lang, line: ActionLine, width: usize) -> impl IntoView {
    view! {
        <tr>
            <th scope="row" class="bw-number">{line.number}</th>
            <td>{line.title}</td>
            {amount_cells(lang, &line.amounts, width)}
        </tr>
    }
}

fn group_rows(lang: Lang, block: GroupBlock, width: usize) -> impl IntoView {
    let name = block
        .name
        .clone()
        .unwrap_or_else(|| t(lang, Key::NoGroup).to_string());
    let span = (width + 3).to_string();
    let subtotal = block.subtotal.map(|st| {
        view! {
            <tr class="bw-subtotal">
                <th scope="row" colspan="2">{format!("{} — {}", t(lang, Key::GroupSubtotal), name)}</th>
                {amount_cells(lang, &st, width)}
            </tr>
        }
    });
    view! {
        <tbody>
            <tr class="bw-group">
                <th scope="colgroup" colspan=span>{name.clone()}</th>
            </tr>
            {block.actions.into_iter().map(|l| action_row(lang, l, width)).collect_view()}
            {subtotal}
        </tbody>
    }
}

fn results(lang: Lang, s: Summary) -> impl IntoView {
    let width = s.funders.len();
    let shares = s.grand_shares.clone();
    let funder_headers = s
        .funders
        .iter()
        .map(|f| view! { <th scope="col" class="bw-num">{f.clone()}</th> })
        .collect_view();
    let totals_rows = match &s.grand {
        Ok(g) => {
            let funder_rows = s
                .funders
                .iter()
                .zip(g.by_funder.iter())
                .zip(shares.iter())
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
            view! { <tr><td colspan="3" class="bw-error">{e.to_string()}</td></tr> }.into_any()
        }
    };
    let errors = (!s.errors.is_empty()).then(|| {
        let items = s
            .errors
            .iter()
            .map(|e| {
                view! {
                    <li>
                        <strong>{format!("{} {}, {} « {} »", t(lang, Key::Row), e.row, t(lang, Key::Column), e.header)}</strong>
                        {format!(" : « {} » — {}", e.text, e.reason)}
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
    });
    let grand_cells = amount_cells(lang, &s.grand, width);
    let checks = checks_section(lang, &s.warnings);
    view! {
        {errors}
        {checks}
        <div class="bw-results">
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
            <div class="bw-scroll">
                <table class="bw-actions-table">
                    <caption>{t(lang, Key::ActionsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::ColNumber)}</th>
                            <th scope="col">{t(lang, Key::ColTitle)}</th>
                            {funder_headers}
                            <th scope="col" class="bw-num">{t(lang, Key::ColTotal)}</th>
                        </tr>
                    </thead>
                    {s.blocks.into_iter().map(|b| group_rows(lang, b, width)).collect_view()}
                    <tfoot>
                        <tr class="bw-grand">
                            <th scope="row" colspan="2">{t(lang, Key::GrandTotal)}</th>
                            {grand_cells}
                        </tr>
                    </tfoot>
                </table>
            </div>
        </div>
    }
}
