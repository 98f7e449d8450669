//! The settings of a convention: title, département, years, the maximum State
//! share of the co-financing rule and the exemptions. Each field is written
//! when it is left (or Enter is pressed), as one change that can be undone; a
//! value that cannot be read changes nothing and says why.

use budget_core::money::format_percent;
// The one reader of a share, as `budget check --state-max` reads it.
use budget_core::number::read_share;
use budget_core::Lang;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Workspace;
use crate::ui::i18n::{colon, quoted, t, Key};

/// Reads years typed as `2024, 2025` or `2024-2027`.
pub fn read_years(text: &str) -> Option<Vec<i32>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Vec::new());
    }
    let year = |s: &str| {
        s.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some((a, b)) = text.split_once(['-', '–']) {
        let (a, b) = (year(a)?, year(b)?);
        return (a <= b && b - a < 50).then(|| (a..=b).collect());
    }
    text.split([',', ';', ' '])
        .filter(|s| !s.trim().is_empty())
        .map(year)
        .collect()
}

fn value_of(ev: &ev::Event) -> String {
    ev.target()
        .and_then(|t| {
            t.clone()
                .dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .ok()
                .or_else(|| {
                    t.dyn_into::<web_sys::HtmlTextAreaElement>()
                        .map(|a| a.value())
                        .ok()
                })
        })
        .unwrap_or_default()
}

/// The settings form.
///
/// `title_taken`: whether another kept convention has the title typed (the
/// form then says so under the field; the title stays: it is free text).
#[component]
pub fn SettingsView(
    ws: Workspace,
    #[prop(optional, into)] title_taken: Signal<bool>,
) -> impl IntoView {
    let lang = ws.lang;
    let error = RwSignal::new(None::<(&'static str, String)>);
    let field = move |f: fn(&budget_core::Convention) -> String| {
        move || {
            ws.convention
                .with(|c| c.as_ref().map(f).unwrap_or_default())
        }
    };
    let years_text = field(|c| {
        c.years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    });
    let share_text = move || {
        ws.convention.with(|c| {
            let share = c
                .as_ref()
                .map(|c| c.settings.state_max_share)
                .unwrap_or_else(|| budget_core::Settings::default().state_max_share);
            format_percent(share, 2, lang.get())
        })
    };
    let error_for = move |which: &'static str| {
        move || {
            error.with(|e| match e {
                Some((w, m)) if *w == which => Some(view! {
                    <p class="bw-error" role="alert" id=format!("bw-set-{which}-error")>{m.clone()}</p>
                }),
                _ => None,
            })
        }
    };
    view! {
        <form class="bw-settings" on:submit=|ev| ev.prevent_default()>
            <p class="bw-hint">{move || t(lang.get(), Key::SettingsIntro)}</p>
            <div class="bw-field">
                <label for="bw-set-title">{move || t(lang.get(), Key::SetTitle)}</label>
                <input id="bw-set-title" type="text" prop:value=field(|c| c.title.clone())
                    aria-describedby=move || title_taken.get().then_some("bw-set-title-taken")
                    on:change=move |ev| { let v = value_of(&ev); ws.edit(|c| c.title = v.trim().to_string()); } />
                {move || title_taken.get().then(|| view! {
                    <p class="bw-hint" id="bw-set-title-taken" role="status">{t(lang.get(), Key::SetTitleTaken)}</p>
                })}
            </div>
            <div class="bw-field">
                <label for="bw-set-dep">{move || t(lang.get(), Key::SetDepartement)}</label>
                <input id="bw-set-dep" type="text" prop:value=field(|c| c.departement.clone())
                    on:change=move |ev| { let v = value_of(&ev); ws.edit(|c| c.departement = v.trim().to_string()); } />
            </div>
            <div class="bw-field">
                <label for="bw-set-years">{move || t(lang.get(), Key::SetYears)}</label>
                <input id="bw-set-years" type="text" inputmode="numeric" prop:value=years_text
                    on:change=move |ev| {
                        let v = value_of(&ev);
                        match read_years(&v) {
                            Some(years) => { error.set(None); ws.edit(|c| c.years = years); }
                            None => { let l = lang.get_untracked(); error.set(Some(("years", format!("{}{}{}", quoted(l, &v), colon(l), t(l, Key::SetYearsBad))))) }
                        }
                    } />
                {error_for("years")}
            </div>
            <div class="bw-field">
                <label for="bw-set-share">{move || t(lang.get(), Key::SetMaxShare)}</label>
                <input id="bw-set-share" type="text" inputmode="decimal" prop:value=share_text
                    on:change=move |ev| {
                        let v = value_of(&ev);
                        match read_share(&v) {
                            Some(share) => { error.set(None); ws.edit(|c| c.settings.state_max_share = share); }
                            None => { let l = lang.get_untracked(); error.set(Some(("share", format!("{}{}{}", quoted(l, &v), colon(l), t(l, Key::SetMaxShareBad))))) }
                        }
                    } />
                {error_for("share")}
            </div>
            <div class="bw-field">
                <label for="bw-set-exempt">{move || t(lang.get(), Key::SetExemptions)}</label>
                <p id="bw-set-exempt-hint" class="bw-hint">{move || t(lang.get(), Key::SetExemptionsHint)}</p>
                <textarea id="bw-set-exempt" rows="4" aria-describedby="bw-set-exempt-hint"
                    prop:value=field(|c| c.settings.exemptions.join("\n"))
                    on:change=move |ev| {
                        let v = value_of(&ev);
                        let list: Vec<String> = v.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
                        ws.edit(|c| c.settings.exemptions = list);
                    }></textarea>
            </div>
        </form>
    }
}

/// The settings as one line of text, for the printed page.
pub fn settings_line(lang: Lang, conv: &budget_core::Convention) -> String {
    let years = conv
        .years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let mut parts = vec![format!(
        "{} {}",
        t(lang, Key::SetMaxShare),
        format_percent(conv.settings.state_max_share, 2, lang)
    )];
    if !conv.departement.is_empty() {
        parts.insert(0, conv.departement.clone());
    }
    if !years.is_empty() {
        parts.push(format!("{} {years}", t(lang, Key::SetYears)));
    }
    if !conv.settings.exemptions.is_empty() {
        parts.push(format!(
            "{} {}",
            t(lang, Key::SetExemptions),
            conv.settings.exemptions.join(" ; ")
        ));
    }
    parts.join(" · ")
}
