//! The open-data export (SCDL "Subventions" 2.1.1): a form asks for what the
//! convention does not hold (who attributes, SIRET, dates…), each field with
//! the form it must have and checked as it is typed; the file itself is
//! written by [`budget_core::export::csv_scdl_subventions`], which refuses it
//! with the list of what is missing or wrong. Every rule is the core's
//! ([`ScdlField`]): the form only shows them.

use budget_core::export::{
    csv_scdl_subventions, ExportError, ScdlField, ScdlIssue, ScdlMeta, ScdlProblem,
};
use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::browser_files::download;
use crate::ui::i18n::{t, t_any, Key};

/// How a field is typed.
#[derive(Clone, Copy)]
enum Input {
    Text,
    Date,
    /// One of the schema's values.
    Choice(&'static [&'static str]),
}

/// The values of `nature` in the schema's spelling.
const NATURES: &[&str] = &[
    "aide en numéraire",
    "aide en nature",
    "aide en numéraire;aide en nature",
];

/// The values of `notificationUE`.
const YES_NO: &[&str] = &["non", "oui"];

/// The fields of the form, in the order of the file's columns: the SCDL
/// field, the input's id, its label, how it is typed.
const FIELDS: [(ScdlField, &str, Key, Input); 14] = [
    (
        ScdlField::NomAttribuant,
        "bw-scdl-nom-attribuant",
        Key::ScdlNomAttribuant,
        Input::Text,
    ),
    (
        ScdlField::IdAttribuant,
        "bw-scdl-id-attribuant",
        Key::ScdlIdAttribuant,
        Input::Text,
    ),
    (
        ScdlField::DateConvention,
        "bw-scdl-date",
        Key::ScdlDate,
        Input::Date,
    ),
    (
        ScdlField::ReferenceDecision,
        "bw-scdl-decision",
        Key::ScdlDecision,
        Input::Text,
    ),
    (
        ScdlField::NomBeneficiaire,
        "bw-scdl-nom-beneficiaire",
        Key::ScdlNomBeneficiaire,
        Input::Text,
    ),
    (
        ScdlField::IdBeneficiaire,
        "bw-scdl-id-beneficiaire",
        Key::ScdlIdBeneficiaire,
        Input::Text,
    ),
    (
        ScdlField::RnaBeneficiaire,
        "bw-scdl-rna",
        Key::ScdlRna,
        Input::Text,
    ),
    (
        ScdlField::Nature,
        "bw-scdl-nature",
        Key::ScdlNature,
        Input::Choice(NATURES),
    ),
    (
        ScdlField::ConditionsVersement,
        "bw-scdl-conditions",
        Key::ScdlConditions,
        Input::Text,
    ),
    (
        ScdlField::DatesPeriodeVersement,
        "bw-scdl-periode",
        Key::ScdlPeriode,
        Input::Text,
    ),
    (ScdlField::IdRae, "bw-scdl-rae", Key::ScdlRae, Input::Text),
    (
        ScdlField::NotificationUe,
        "bw-scdl-ue",
        Key::ScdlUe,
        Input::Choice(YES_NO),
    ),
    (
        ScdlField::PourcentageSubvention,
        "bw-scdl-pourcentage",
        Key::ScdlPourcentage,
        Input::Text,
    ),
    (
        ScdlField::DispositifAide,
        "bw-scdl-dispositif",
        Key::ScdlDispositif,
        Input::Text,
    ),
];

/// Whether the value is typed far enough for a wrong form to be a mistake
/// rather than a number still being typed: a SIRET of 14 characters, an RNA
/// number of 10, a period with both its dates. Other fields are judged at
/// once; every field is judged once left or once the export was tried.
fn typed_far_enough(field: ScdlField, meta: &ScdlMeta) -> bool {
    let len = field.written(meta).chars().count();
    match field {
        ScdlField::IdAttribuant | ScdlField::IdBeneficiaire => len >= 14,
        ScdlField::RnaBeneficiaire => len >= 10,
        ScdlField::DatesPeriodeVersement => {
            len >= 21 || (len >= 10 && !field.written(meta).contains('/'))
        }
        _ => true,
    }
}

/// Whether the field has a form worth confirming when it is right (not a
/// free text or a choice).
fn has_form(field: ScdlField) -> bool {
    matches!(
        field,
        ScdlField::IdAttribuant
            | ScdlField::IdBeneficiaire
            | ScdlField::RnaBeneficiaire
            | ScdlField::DateConvention
            | ScdlField::DatesPeriodeVersement
            | ScdlField::PourcentageSubvention
    )
}

/// One field of the form: its label, its input, the form it must have and
/// what is wrong with it.
fn field_row(
    ws: Workspace,
    meta: RwSignal<ScdlMeta>,
    typed: RwSignal<Vec<Option<ScdlProblem>>>,
    tried: RwSignal<bool>,
    index: usize,
    (field, id, label, input): (ScdlField, &'static str, Key, Input),
) -> impl IntoView {
    let lang = ws.lang;
    let text = RwSignal::new(meta.with_untracked(|m| field.get(m)));
    let left = RwSignal::new(false);
    let put = move |value: String| {
        let mut result = Ok(());
        meta.update(|m| result = field.set(m, &value));
        typed.update(|t| {
            if let Some(slot) = t.get_mut(index) {
                *slot = result.err();
            }
        });
        text.set(value);
    };
    // What is wrong, when it is time to say it.
    let problem = Memo::new(move |_| {
        let typed_problem = typed.with(|t| t.get(index).cloned().flatten());
        let problem = typed_problem.or_else(|| meta.with(|m| field.problem(m)))?;
        let judged = left.get() || tried.get();
        let show = match problem {
            ScdlProblem::Missing => judged,
            ScdlProblem::Invalid { .. } => judged || meta.with(|m| typed_far_enough(field, m)),
        };
        show.then_some(problem)
    });
    let hint_id = format!("{id}-hint");
    let state_id = format!("{id}-state");
    let described = format!("{hint_id} {state_id}");
    let control = match input {
        Input::Choice(values) => view! {
            <select
                id=id
                aria-describedby=described
                on:change=move |ev| put(event_target_value(&ev))
            >
                {values
                    .iter()
                    .map(|v| {
                        view! {
                            <option value=*v selected=move || text.with(|t| t == v)>{*v}</option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Input::Text | Input::Date => view! {
            <input
                id=id
                type=if matches!(input, Input::Date) { "date" } else { "text" }
                inputmode=if field == ScdlField::PourcentageSubvention { Some("decimal") } else { None }
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                prop:value=move || text.get()
                on:input=move |ev| put(event_target_value(&ev))
                on:change=move |ev| {
                    put(event_target_value(&ev));
                    left.set(true);
                }
                on:blur=move |_| left.set(true)
            />
        }
        .into_any(),
    };
    view! {
        <div class="bw-form-row">
            <label for=id>{move || t_any(lang.get(), label)}</label>
            {control}
            <p class="bw-hint" id=hint_id>{move || field.format(lang.get())}</p>
            <p class="bw-field-state" id=state_id aria-live="polite">
                {move || {
                    let lang = lang.get();
                    match problem.get() {
                        Some(ScdlProblem::Missing) => {
                            view! { <span class="bw-field-error">{t(lang, Key::ScdlRequired)}</span> }
                                .into_any()
                        }
                        Some(p) => view! { <span class="bw-field-error">{p.message(lang)}</span> }.into_any(),
                        None if has_form(field)
                            && !meta.with(|m| field.written(m).is_empty()) =>
                        {
                            view! { <span class="bw-field-ok">{t(lang, Key::ScdlFieldOk)}</span> }.into_any()
                        }
                        None => ().into_any(),
                    }
                }}
            </p>
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
    // What could not even be put into `meta` (a share that is not a number),
    // by field.
    let typed = RwSignal::new(vec![None::<ScdlProblem>; FIELDS.len()]);
    let tried = RwSignal::new(false);
    let refused = RwSignal::new(None::<ExportError>);
    let failed = RwSignal::new(None::<String>);
    let lang = ws.lang;

    let export = move |_| {
        tried.set(true);
        failed.set(None);
        let Some(conv) = ws.convention.get_untracked() else {
            return;
        };
        let not_read: Vec<ScdlIssue> = typed.with_untracked(|t| {
            FIELDS
                .iter()
                .zip(t)
                .filter_map(|((field, ..), problem)| {
                    problem.clone().map(|problem| ScdlIssue {
                        field: field.column(),
                        action: None,
                        problem,
                    })
                })
                .collect()
        });
        if !not_read.is_empty() {
            refused.set(Some(ExportError::Scdl(not_read)));
            return;
        }
        match meta.with_untracked(|m| csv_scdl_subventions(&conv, m)) {
            Ok(csv) => {
                refused.set(None);
                let written = download(
                    "subventions-scdl.csv",
                    "text/csv;charset=utf-8",
                    csv.as_bytes(),
                );
                failed.set(written.err());
            }
            Err(e) => refused.set(Some(e)),
        }
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
            {FIELDS
                .into_iter()
                .enumerate()
                .map(|(index, f)| field_row(ws, meta, typed, tried, index, f))
                .collect_view()}
            <div class="bw-actions">
                <button type="button" on:click=export>{move || t(lang.get(), Key::ScdlExport)}</button>
            </div>
            {move || {
                let lang = lang.get();
                refused.get().map(|e| match e {
                    ExportError::Scdl(issues) => view! {
                        <div class="bw-error" role="alert">
                            <p>{t(lang, Key::ScdlRefused)}</p>
                            <ul>
                                {issues.iter().map(|i| view! { <li>{i.message(lang)}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                    .into_any(),
                    other => view! { <p class="bw-error" role="alert">{other.message(lang)}</p> }.into_any(),
                })
            }}
            {move || failed.get().map(|e| view! { <p class="bw-error" role="alert">{e}</p> })}
        </details>
    }
}
