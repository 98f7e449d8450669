//! Small formatting helpers shared by the schedule, year, chart and scenario
//! views. They only format numbers the core computed or the user typed; no
//! figure is computed here.

use budget_core::money::{format_eur, format_number, NBSP};
use budget_core::number::{parse_cell, CellValue, NumberError};
use budget_core::{CalcError, Decimal, Lang};
use leptos::html;
use leptos::prelude::*;

use crate::ui::i18n::{colon, quoted, t, Key};

/// A number as it is put back into a text field, so that reading it again
/// ([`budget_core::number::parse_amount`]) gives the same value: French
/// `553 608,00` (grouped, decimal comma), English `553608.00` (not grouped: a
/// lone comma would read as a decimal comma). At least `min_dp` decimals, never
/// fewer than the value has, so nothing is rounded.
pub fn input_text(value: Decimal, min_dp: u32, lang: Lang) -> String {
    let value = value.normalize();
    let mut dp = value.scale().max(min_dp);
    match lang {
        Lang::Fr => format_number(value, dp, lang),
        Lang::En => {
            // `1.500` would read as one thousand five hundred (thousands dot).
            if dp == 3 {
                dp = 4;
            }
            let text = format!("{:.*}", dp as usize, value.abs());
            if value.is_sign_negative() && !value.is_zero() {
                format!("-{text}")
            } else {
                text
            }
        }
    }
}

/// A percentage as written in a schedule (60 is 60 %): `60 %`, `33,33 %`.
pub fn percent_as_written(percent: Decimal, lang: Lang) -> String {
    let p = percent.normalize();
    let n = format_number(p, p.scale(), lang);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A difference with its sign and an arrow, so that a change is never shown by
/// colour alone: `▲ +1 000,00 €`, `▼ −999,50 €`, `= 0,00 €`.
pub fn signed_eur(difference: Decimal, lang: Lang) -> String {
    if difference.is_zero() {
        format!("= {}", format_eur(Decimal::ZERO, lang))
    } else if difference > Decimal::ZERO {
        format!("▲ +{}", format_eur(difference, lang))
    } else {
        // format_eur writes the minus sign itself.
        format!("▼ {}", format_eur(difference, lang))
    }
}

/// Reads an amount typed in a field: French amounts and `=…` calculations.
/// `Ok(None)` for an empty field; `Err` with a message in `lang` saying which
/// text could not be read.
pub fn read_amount(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    match budget_core::number::parse_amount(text) {
        Ok(v) => Ok(v),
        Err(e) => Err(unreadable(text, &detail(&e, lang), lang)),
    }
}

/// Reads a percentage typed in a field: `60`, `60 %`, `33,33`.
pub fn read_percent(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    match parse_cell(text) {
        Ok(CellValue::Empty | CellValue::NotAvailable) => Ok(None),
        Ok(CellValue::Amount { value, .. }) => Ok(Some(value)),
        // `60 %` is read as the ratio 0.6: back to 60.
        Ok(CellValue::Percent(ratio)) => ratio
            .checked_mul(Decimal::ONE_HUNDRED)
            .map(|p| Some(p.normalize()))
            .ok_or_else(|| unreadable(text, "", lang)),
        Err(e) => Err(unreadable(text, &detail(&e, lang), lang)),
    }
}

/// Why a text is not an amount, when there is more to say than "unreadable"
/// (several decimal separators, a calculation that fails…), in `lang`.
fn detail(e: &NumberError, lang: Lang) -> String {
    match e {
        NumberError::Unreadable { .. } => String::new(),
        _ => e.reason_in(lang),
    }
}

/// "Montant illisible : « 12,5O » (montant illisible…). La valeur précédente est
/// conservée."
fn unreadable(text: &str, reason: &str, lang: Lang) -> String {
    let reason = if reason.is_empty() {
        String::new()
    } else {
        format!(" ({reason})")
    };
    format!(
        "{}{}{}{reason}. {}",
        t(lang, Key::TrBadAmount),
        colon(lang),
        quoted(lang, text.trim()),
        t(lang, Key::TrKeptPrevious)
    )
}

/// A ratio (0.52) as a number between 0 and 1 for drawing (pixel geometry
/// only, never shown).
pub fn ratio_f64(ratio: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    ratio.to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
}

/// `part ÷ whole` for drawing only (pixel geometry, never shown): 0 when the
/// whole is zero.
pub fn scale_f64(part: Decimal, whole: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    let (p, w) = (part.to_f64().unwrap_or(0.0), whole.to_f64().unwrap_or(0.0));
    if w <= 0.0 {
        0.0
    } else {
        (p / w).clamp(0.0, 1.0)
    }
}

/// A part of a view that follows signals, type-erased: every reactive part
/// of the views shares this one instantiation.
pub fn dynamic(f: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    let f: std::sync::Arc<dyn Fn() -> AnyView + Send + Sync> = std::sync::Arc::new(f);
    (move || f()).into_any()
}

/// The text of `key` in the current language, as a signal (one closure type
/// for every label of the views, which keeps the bundle small).
/// Both texts are looked up where it is called, so that each caller holds
/// only its own two texts, not the whole table (which would then be in the
/// first load: see docs/performance.md).
#[inline(always)]
pub fn tr(lang: RwSignal<Lang>, key: Key) -> Signal<&'static str> {
    let (fr, en) = (t(Lang::Fr, key), t(Lang::En, key));
    Signal::derive(move || match lang.get() {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// [`tr`] as an owned string (button labels).
#[inline(always)]
pub fn tr_owned(lang: RwSignal<Lang>, key: Key) -> Signal<String> {
    let (fr, en) = (t(Lang::Fr, key), t(Lang::En, key));
    Signal::derive(move || {
        match lang.get() {
            Lang::Fr => fr,
            Lang::En => en,
        }
        .to_string()
    })
}

/// A labelled text field of the views: optional hint, the error of the last
/// value typed under it (tied by `aria-describedby`, `aria-invalid`). Built
/// from type-erased parts so that every field shares one instantiation.
pub struct Field {
    pub id: String,
    /// `text` or `date`.
    pub kind: &'static str,
    pub label: Signal<&'static str>,
    pub hint: Option<Signal<&'static str>>,
    /// The value shown (from the convention); what the user types stays in
    /// the field until this changes.
    pub value: Signal<String>,
    pub error: RwSignal<Option<String>>,
    /// A number is typed (`inputmode="decimal"`).
    pub numeric: bool,
    pub node_ref: NodeRef<html::Input>,
    /// Called with the text when the user leaves the field (`change`).
    pub on_change: Callback<String>,
}

pub fn field(f: Field) -> AnyView {
    let Field {
        id,
        kind,
        label,
        hint,
        value,
        error,
        numeric,
        node_ref,
        on_change,
    } = f;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let parts: Vec<&str> = [
                has_hint.then_some(hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    let hint = hint.map(|h| view! { <p id=hint_id class="bw-hint">{h}</p> });
    view! {
        <div class="bw-form-row">
            <label for=id.clone()>{label}</label>
            {hint}
            <input
                id=id
                node_ref=node_ref
                type=kind
                inputmode=numeric.then_some("decimal")
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))
            />
            {dynamic(move || {
                error
                    .get()
                    .map(|e| view! { <p id=error_id.clone() class="bw-error bw-field-error" role="alert">{e}</p> })
                    .into_any()
            })}
        </div>
    }
    .into_any()
}

/// A labelled `<select>`: `options` are (value, text) pairs; the option whose
/// value is `selected` is selected.
pub fn select_field(
    id: String,
    label: Signal<&'static str>,
    options: Signal<Vec<(String, String)>>,
    selected: Signal<String>,
    on_change: Callback<String>,
) -> AnyView {
    view! {
        <div class="bw-form-row">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {dynamic(move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let mine = value.clone();
                            view! {
                                <option value=value prop:selected=move || selected.with(|s| *s == mine)>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                        .into_any()
                })}
            </select>
        </div>
    }
    .into_any()
}

/// A button whose text follows the language.
pub fn button(label: Signal<String>, on_click: Callback<()>) -> AnyView {
    view! { <button type="button" on:click=move |_| on_click.run(())>{label}</button> }.into_any()
}

// A small kit of type-erased pieces of tables and drawings. Every table and
// chart of the views is made of these, so that each kind of element is
// compiled once (a distinct `view!` tree costs its own code in the bundle).

/// A header cell of a column (`<th scope="col">`), right-aligned for numbers.
pub fn th_col(text: String, num: bool) -> AnyView {
    view! { <th scope="col" class=num.then_some("bw-num")>{text}</th> }.into_any()
}

/// A header cell of a row (`<th scope="row">`), over `span` columns.
pub fn th_row(text: String, class: &'static str, span: usize) -> AnyView {
    view! {
        <th scope="row" class=(!class.is_empty()).then_some(class) colspan=(span > 1).then(|| span.to_string())>
            {text}
        </th>
    }
    .into_any()
}

/// A data cell, over `span` columns.
pub fn td(text: String, class: &'static str, span: usize) -> AnyView {
    view! {
        <td class=(!class.is_empty()).then_some(class) colspan=(span > 1).then(|| span.to_string())>{text}</td>
    }
    .into_any()
}

/// A number cell (right-aligned).
pub fn td_num(text: String) -> AnyView {
    td(text, "bw-num", 1)
}

/// A row of cells.
pub fn row(class: &'static str, cells: Vec<AnyView>) -> AnyView {
    view! { <tr class=(!class.is_empty()).then_some(class)>{cells}</tr> }.into_any()
}

/// A table with its caption, in a horizontally scrolling box; `head` is the
/// one header row's cells, `body` and `foot` are rows.
pub fn table(
    class: &'static str,
    caption: String,
    head: Vec<AnyView>,
    body: Vec<AnyView>,
    foot: Vec<AnyView>,
) -> AnyView {
    let head = (!head.is_empty()).then(|| view! { <thead><tr>{head}</tr></thead> });
    let foot = (!foot.is_empty()).then(|| view! { <tfoot>{foot}</tfoot> });
    view! {
        <div class="bw-scroll">
            <table class=class>
                <caption>{caption}</caption>
                {head}
                <tbody>{body}</tbody>
                {foot}
            </table>
        </div>
    }
    .into_any()
}

/// An SVG rectangle (outlined when `stroke` is given).
pub fn rect(
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    fill: &'static str,
    stroke: Option<&'static str>,
) -> AnyView {
    view! {
        <rect
            x=px(x)
            y=px(y)
            width=px(width.max(0.0))
            height=px(height.max(0.0))
            fill=fill
            stroke=stroke
            stroke-width=stroke.map(|_| "1")
        />
    }
    .into_any()
}

/// How an SVG text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TextStyle {
    pub size: u8,
    pub bold: bool,
    /// Centred on `x` instead of starting there.
    pub centred: bool,
    /// A white outline so that the text reads over a pattern.
    pub halo: bool,
}

/// An SVG text in black.
pub fn svg_text(x: f64, y: f64, style: TextStyle, text: String) -> AnyView {
    view! {
        <text
            x=px(x)
            y=px(y)
            font-size=style.size.to_string()
            font-weight=style.bold.then_some("bold")
            text-anchor=style.centred.then_some("middle")
            fill="#000"
            stroke=style.halo.then_some("#fff")
            stroke-width=style.halo.then_some("3")
            paint-order=style.halo.then_some("stroke")
        >
            {text}
        </text>
    }
    .into_any()
}

/// A coordinate of a drawing, to the hundredth of a unit (`12.50`). Written
/// from a whole number of hundredths: `{:.2}` of an `f64` brings Rust's
/// float formatting into the bundle for this one use.
pub fn px(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// The button that draws the rest of a long list (`all` set), shown until it
/// is pressed; the element `first_shown` (the first of the rest) then takes
/// the focus, as the button is gone.
pub fn show_rest_button(all: RwSignal<bool>, label: String, first_shown: &'static str) -> AnyView {
    view! {
        <Show when=move || !all.get()>
            <button type="button" on:click=move |_| {
                all.set(true);
                crate::ui::focus::focus_later(first_shown.to_string());
            }>{label.clone()}</button>
        </Show>
    }
    .into_any()
}

/// « Calcul impossible : … » — a calculation that failed, with its reason,
/// in `lang` (the status line, the Years view, the comparison).
pub fn calc_error_text(lang: Lang, e: &CalcError) -> String {
    format!(
        "{}{}{}",
        t(lang, Key::CalcErrorHeading),
        colon(lang),
        e.message(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::px;

    #[test]
    fn coordinates_are_written_to_the_hundredth() {
        // 0,5 × 640 = 320; 14 + 54 × 2 = 122; 3,256 → 3,26; 0,004 → 0,00.
        let cases = [
            (320.0, "320.00"),
            (122.0, "122.00"),
            (12.5, "12.50"),
            (3.256, "3.26"),
            (-3.256, "-3.26"),
            (0.004, "0.00"),
            (0.0, "0.00"),
        ];
        for (v, text) in cases {
            assert_eq!(px(v), text, "{v}");
        }
    }
}
