//! The open-data export (SCDL "Subventions" 2.1.1): a form asks for what the
//! convention does not hold (who attributes, SIRET, dates…); the file itself is
//! written by [`budget_core::export::csv_scdl_subventions`].

use budget_core::export::{csv_scdl_subventions, ScdlMeta};
use budget_core::number::parse_amount;
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::browser_files::download;
use crate::ui::i18n::{t, t_any, Key};

/// One text field of the form, bound to a field of [`ScdlMeta`].
fn text_field(
    ws: Workspace,
    meta: RwSignal<ScdlMeta>,
    id: &'static str,
    label: Key,
    kind: &'static str,
    get: fn(&ScdlMeta) -> String,
    set: fn(&mut ScdlMeta, String),
) -> impl IntoView {
    view! {
        <div class="bw-form-row">
            <label for=id>{move || t_any(ws.lang.get(), label)}</label>
            <input
                id=id
                type=kind
                prop:value=move || meta.with(get)
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    meta.update(|m| set(m, value));
                }
            />
        </div>
    }
}

/// The SCDL export form, shown when a convention is loaded.
#[component]
pub fn ScdlExport(ws: Workspace) -> impl IntoView {
    let meta = RwSignal::new(ScdlMeta {
        attribuant: 1,
        ..ScdlMeta::default()
    });
    let percent = RwSignal::new("1".to_string());
    let error = RwSignal::new(None::<String>);
    let lang = ws.lang;

    let export = move |_| {
        let Some(conv) = ws.convention.get_untracked() else {
            return;
        };
        let mut m = meta.get_untracked();
        match parse_amount(&percent.get_untracked()) {
            Ok(Some(p)) => m.pourcentage_subvention = p,
            _ => {
                error.set(Some(
                    t(lang.get_untracked(), Key::ScdlBadPercent).to_string(),
                ));
                return;
            }
        }
        let result = csv_scdl_subventions(&conv, &m)
            .map_err(|e| e.to_string())
            .and_then(|csv| {
                download(
                    "subventions-scdl.csv",
                    "text/csv;charset=utf-8",
                    csv.as_bytes(),
                )
            });
        error.set(result.err());
    };

    // The funders' names: the options are drawn again when they change, not
    // at every amount edited.
    let funder_names = Memo::new(move |_| {
        ws.convention.with(|c| {
            c.as_ref()
                .map(|c| c.funders.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let funder_options = move || {
        funder_names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, name)| {
                view! { <option value=i.to_string() selected=move || meta.with(|m| m.attribuant == i)>{name}</option> }
            })
            .collect_view()
    };

    view! {
        <details class="bw-scdl">
            <summary>{move || t(lang.get(), Key::ScdlHeading)}</summary>
            <p class="bw-hint">{move || t(lang.get(), Key::ScdlIntro)}</p>
            <div class="bw-form-row">
                <label for="bw-scdl-attribuant">{move || t(lang.get(), Key::ScdlAttribuant)}</label>
                <select
                    id="bw-scdl-attribuant"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            meta.update(|m| m.attribuant = i);
                        }
                    }
                >
                    {funder_options}
                </select>
            </div>
            {text_field(ws, meta, "bw-scdl-nom-attribuant", Key::ScdlNomAttribuant, "text", |m| m.nom_attribuant.clone(), |m, v| m.nom_attribuant = v)}
            {text_field(ws, meta, "bw-scdl-id-attribuant", Key::ScdlIdAttribuant, "text", |m| m.id_attribuant.clone(), |m, v| m.id_attribuant = v)}
            {text_field(ws, meta, "bw-scdl-date", Key::ScdlDate, "date", |m| m.date_convention.clone(), |m, v| m.date_convention = v)}
            {text_field(ws, meta, "bw-scdl-decision", Key::ScdlDecision, "text", |m| m.reference_decision.clone(), |m, v| m.reference_decision = v)}
            {text_field(ws, meta, "bw-scdl-nom-beneficiaire", Key::ScdlNomBeneficiaire, "text", |m| m.nom_beneficiaire.clone(), |m, v| m.nom_beneficiaire = v)}
            {text_field(ws, meta, "bw-scdl-id-beneficiaire", Key::ScdlIdBeneficiaire, "text", |m| m.id_beneficiaire.clone(), |m, v| m.id_beneficiaire = v)}
            {text_field(ws, meta, "bw-scdl-rna", Key::ScdlRna, "text", |m| m.rna_beneficiaire.clone(), |m, v| m.rna_beneficiaire = v)}
            {text_field(ws, meta, "bw-scdl-nature", Key::ScdlNature, "text", |m| m.nature.clone(), |m, v| m.nature = v)}
            {text_field(ws, meta, "bw-scdl-conditions", Key::ScdlConditions, "text", |m| m.conditions_versement.clone(), |m, v| m.conditions_versement = v)}
            {text_field(ws, meta, "bw-scdl-periode", Key::ScdlPeriode, "text", |m| m.dates_periode_versement.clone(), |m, v| m.dates_periode_versement = v)}
            {text_field(ws, meta, "bw-scdl-ue", Key::ScdlUe, "text", |m| m.notification_ue.clone(), |m, v| m.notification_ue = v)}
            <div class="bw-form-row">
                <label for="bw-scdl-pourcentage">{move || t(lang.get(), Key::ScdlPourcentage)}</label>
                <input
                    id="bw-scdl-pourcentage"
                    type="text"
                    inputmode="decimal"
                    prop:value=move || percent.get()
                    on:change=move |ev| percent.set(event_target_value(&ev))
                />
            </div>
            {text_field(ws, meta, "bw-scdl-dispositif", Key::ScdlDispositif, "text", |m| m.dispositif_aide.clone(), |m, v| m.dispositif_aide = v)}
            {text_field(ws, meta, "bw-scdl-rae", Key::ScdlRae, "text", |m| m.id_rae.clone(), |m, v| m.id_rae = v)}
            <div class="bw-actions">
                <button type="button" on:click=export>{move || t(lang.get(), Key::ScdlExport)}</button>
            </div>
            {move || error.get().map(|e| view! { <p class="bw-error" role="alert">{e}</p> })}
        </details>
    }
}
