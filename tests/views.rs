//! Component tests of the schedule, year, chart and scenario views in a real
//! browser (headless Chromium through chromedriver):
//! `cargo test -p budget-widget --target wasm32-unknown-unknown`.
//!
//! Each test mounts one view alone, on a workspace whose convention it sets,
//! acts as a user would and reads what the page shows. Expected figures are
//! worked out by hand in each test.
#![cfg(target_arch = "wasm32")]

use std::str::FromStr;

use budget_core::{Action, Amount, Convention, Decimal, Execution, FunderValue, Group, Lang, Part};
use budget_widget::state::Workspace;
use budget_widget::ui::view_util::input_text;
use budget_widget::views::charts::{ConsumptionChart, FundingChart};
use budget_widget::views::compare::CompareView;
use budget_widget::views::consolidate::ConsolidateView;
use budget_widget::views::tranches::TranchesView;
use budget_widget::views::years::YearsView;
use budget_widget::workbench::results::checks_section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;
use support::{
    click_button, document, eur, option_texts, select_option, settle, table, text, NBSP, NNBSP,
};
wasm_bindgen_test_configure!(run_in_browser);

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

/// Mounts `view` in a new container and returns the container.
fn mount<F, V>(view: F) -> (HtmlElement, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView,
{
    let doc = document();
    let container: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), view);
    (container, handle)
}

/// A workspace showing `conv`.
fn workspace(conv: Convention) -> Workspace {
    let ws = Workspace::new();
    ws.convention.set(Some(conv));
    ws
}

fn pct(s: &str) -> String {
    format!("{s}{NBSP}%")
}

/// The row of `table` whose header cell reads `label`.
fn row(table: &Element, label: &str) -> Element {
    let rows = table.query_selector_all("tr").expect("query");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .find(|r| {
            r.query_selector("th")
                .ok()
                .flatten()
                .is_some_and(|th| text(&th) == label)
        })
        .unwrap_or_else(|| panic!("no row {label:?}"))
}

/// The texts of the cells of the row of `table` whose header cell reads `label`.
fn row_cells(table: &Element, label: &str) -> Vec<String> {
    let cells = row(table, label).query_selector_all("td").expect("cells");
    (0..cells.length())
        .filter_map(|j| cells.item(j))
        .map(|c| c.text_content().unwrap_or_default())
        .collect()
}

fn element(container: &HtmlElement, selector: &str) -> Element {
    container
        .query_selector(selector)
        .expect("query")
        .unwrap_or_else(|| panic!("nothing matches {selector:?}"))
}

fn dispatch(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

/// Types `value` in the field `selector` and leaves it (`input` then `change`).
fn fill(container: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = element(container, selector).unchecked_into();
    input.set_value(value);
    dispatch(&input, "input");
    dispatch(&input, "change");
}

/// Picks the option whose text is `label` in the `<select>` `selector`.
fn choose(container: &HtmlElement, selector: &str, label: &str) {
    let select: web_sys::HtmlSelectElement = element(container, selector).unchecked_into();
    select_option(&select, label);
}

fn amount(funder: usize, year: Option<i32>, value: &str) -> Amount {
    Amount {
        funder,
        year,
        part: Part::Base,
        value: d(value),
        formula: None,
    }
}

fn action(number: &str, title: &str, group: Option<usize>, planned: Vec<Amount>) -> Action {
    Action {
        number: number.into(),
        title: title.into(),
        group,
        planned,
        ..Action::default()
    }
}

/// Adds a schedule through the form: name and total.
async fn add_schedule(container: &HtmlElement, name: &str, total: &str) {
    fill(container, "#bw-tr-new-name", name);
    fill(container, "#bw-tr-new-total", total);
    click_button(container, "Ajouter l’échéancier");
    settle().await;
}

#[wasm_bindgen_test]
async fn sixty_forty_of_the_france_travail_convention_to_the_cent() {
    let ws = workspace(Convention::default());
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    add_schedule(&container, "France Travail", "553 608").await;
    click_button(&container, "60 % puis 40 %");
    settle().await;
    // 60 % of 553 608 = 332 164,80; the balance 553 608 − 332 164,80 = 221 443,20.
    let t = table(&container, "Tranches calculées au centime — France Travail");
    let first = row_cells(&t, "1");
    assert_eq!(first[2], pct("60"));
    assert_eq!(first[3], eur("332 164,80"));
    assert!(first[0].contains("signature"), "{first:?}");
    assert_eq!(row_cells(&t, "2")[3], eur("221 443,20"));
    // The total row is the schedule's total.
    assert_eq!(row_cells(&t, "Total"), vec![eur("553 608,00")]);
    // The plan is in the convention: two instalments.
    assert_eq!(
        ws.convention
            .with_untracked(|c| c.as_ref().map(|c| c.schedules[0].instalments.len())),
        Some(2)
    );
    // No issue: the instalments add up to the total.
    assert!(text(&container).contains("Les tranches font exactement le total"));
    container.remove();
}

#[wasm_bindgen_test]
async fn seventy_thirty_adjusted_to_the_posts_achieved_gives_the_balance() {
    let ws = workspace(Convention::default());
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    add_schedule(&container, "ACI", "1 300 000").await;
    click_button(&container, "70 % puis 30 % ajusté au réalisé");
    settle().await;
    // 70 % of 1 300 000 = 910 000, 30 % = 390 000.
    let t = table(&container, "Tranches calculées au centime — ACI");
    assert_eq!(row_cells(&t, "1")[3], eur("910 000,00"));
    assert_eq!(row_cells(&t, "2")[3], eur("390 000,00"));
    assert!(row_cells(&t, "2")[0].contains("(ajustée au réalisé)"));
    fill(&container, "#bw-sched-0-paid", "910 000");
    choose(
        &container,
        "#bw-sched-0-achievement",
        "unités réalisées × coût unitaire",
    );
    settle().await;
    fill(&container, "#bw-sched-0-units", "202,5");
    // The unit cost typed as a calculation: 534,82 × 12 = 6 417,84.
    fill(&container, "#bw-sched-0-unit-cost", "=534,82*12");
    settle().await;
    // 202,5 × 6 417,84 = 1 299 612,60 achieved, below the 1 300 000 committed:
    // due 1 299 612,60; balance 1 299 612,60 − 910 000 = 389 612,60.
    let s = table(&container, "Solde après exécution — ACI");
    assert_eq!(row_cells(&s, "Engagement"), vec![eur("1 300 000,00")]);
    assert_eq!(row_cells(&s, "Réalisé"), vec![eur("1 299 612,60")]);
    assert_eq!(
        row_cells(&s, "Montant dû (réalisé plafonné à l’engagement)"),
        vec![eur("1 299 612,60")]
    );
    assert_eq!(row_cells(&s, "Déjà versé"), vec![eur("910 000,00")]);
    assert_eq!(row_cells(&s, "Solde à verser"), vec![eur("389 612,60")]);
    container.remove();
}

#[wasm_bindgen_test]
async fn an_over_payment_is_shown_as_a_refund() {
    let ws = workspace(Convention::default());
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    add_schedule(&container, "Avance", "10 000").await;
    click_button(&container, "100 % à la signature");
    settle().await;
    fill(&container, "#bw-sched-0-paid", "10 000");
    choose(&container, "#bw-sched-0-achievement", "dépenses réalisées");
    settle().await;
    fill(&container, "#bw-sched-0-spending", "8 500,50");
    settle().await;
    // Due 8 500,50 (below the commitment); paid 10 000: refund 1 499,50.
    let s = table(&container, "Solde après exécution — Avance");
    assert_eq!(
        row_cells(&s, "Trop-perçu à reverser"),
        vec![eur("1 499,50")]
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn the_payers_executed_spending_on_the_action_is_taken_as_the_achievement() {
    // Creuse 2023, action 8: the State planned 38 648 and spent 38 468.
    let mut conv = Convention {
        actions: vec![action(
            "8",
            "Mobilité",
            None,
            vec![amount(0, None, "38648"), amount(1, None, "12352")],
        )]
        .into(),
        ..Convention::default()
    };
    let fv = |funder, value: &str| FunderValue {
        funder,
        value: d(value),
        formula: None,
    };
    conv.actions[0].execution = Execution {
        executed: vec![fv(0, "38468"), fv(1, "12352")],
        ..Execution::default()
    };
    let ws = workspace(conv);
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    choose(&container, "#bw-tr-new-action", "8 — Mobilité");
    settle().await;
    fill(&container, "#bw-tr-new-name", "Mobilité");
    click_button(&container, "Ajouter l’échéancier");
    settle().await;
    click_button(&container, "100 % à la signature");
    settle().await;
    fill(&container, "#bw-sched-0-paid", "38 648");
    settle().await;
    let take = format!(
        "Reprendre les dépenses exécutées de l’action par ce financeur : {}",
        eur("38 468,00")
    );
    click_button(&container, &take);
    settle().await;
    // Due min(38 468, 38 648) = 38 468; paid 38 648: 180 to refund.
    let s = table(&container, "Solde après exécution — Mobilité");
    assert_eq!(row_cells(&s, "Réalisé"), vec![eur("38 468,00")]);
    assert_eq!(row_cells(&s, "Trop-perçu à reverser"), vec![eur("180,00")]);
    let spending: web_sys::HtmlInputElement =
        element(&container, "#bw-sched-0-spending").unchecked_into();
    assert_eq!(spending.value(), format!("38{NNBSP}468,00"));
    // Taken: the offer is gone until the executed amount changes.
    assert!(!text(&container).contains("Reprendre les dépenses exécutées"));
    ws.convention.update(|c| {
        if let Some(c) = c {
            c.actions[0].execution.executed[0].value = d("38000");
        }
    });
    settle().await;
    assert!(text(&container).contains(&format!(
        "Reprendre les dépenses exécutées de l’action par ce financeur : {}",
        eur("38 000,00")
    )));
    container.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_total_is_reported_next_to_the_field_and_the_total_kept() {
    let ws = workspace(Convention::default());
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    add_schedule(&container, "Test", "1 000").await;
    fill(&container, "#bw-sched-0-total", "12,5O");
    settle().await;
    let error = element(&container, "#bw-sched-0-total-error");
    assert!(text(&error).contains("« 12,5O »"), "{}", text(&error));
    assert!(text(&error).contains("La valeur précédente est conservée."));
    let input = element(&container, "#bw-sched-0-total");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("bw-sched-0-total-error"));
    assert_eq!(
        ws.convention
            .with_untracked(|c| c.as_ref().map(|c| c.schedules[0].total)),
        Some(d("1000"))
    );
    // A calculation is read: 534,82 × 12 = 6 417,84; the error goes away.
    fill(&container, "#bw-sched-0-total", "=534,82*12");
    settle().await;
    assert!(container
        .query_selector("#bw-sched-0-total-error")
        .unwrap()
        .is_none());
    assert_eq!(
        ws.convention
            .with_untracked(|c| c.as_ref().map(|c| c.schedules[0].total)),
        Some(d("6417.84"))
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn choosing_an_action_puts_the_state_amount_in_the_total_and_a_schedule_is_removed_after_confirmation(
) {
    let conv = Convention {
        actions: vec![action(
            "1",
            "Maraudes",
            None,
            vec![amount(0, None, "93507"), amount(1, None, "146000")],
        )]
        .into(),
        ..Convention::default()
    };
    let ws = workspace(conv);
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    choose(&container, "#bw-tr-new-action", "1 — Maraudes");
    settle().await;
    // The State's planned amount for action 1: 93 507.
    let total: web_sys::HtmlInputElement = element(&container, "#bw-tr-new-total").unchecked_into();
    assert_eq!(total.value(), format!("93{NNBSP}507,00"));
    fill(&container, "#bw-tr-new-name", "Maraudes");
    click_button(&container, "Ajouter l’échéancier");
    settle().await;
    let added = ws.convention.with_untracked(|c| {
        c.as_ref().map(|c| {
            (
                c.schedules[0].total,
                c.schedules[0].action,
                c.schedules[0].payer,
            )
        })
    });
    assert_eq!(added, Some((d("93507"), Some(0), Some(0))));
    // An empty schedule is reported.
    assert!(text(&container).contains("aucune tranche."));
    // Removal asks for a confirmation.
    click_button(&container, "Supprimer l’échéancier « Maraudes »");
    settle().await;
    assert_eq!(
        ws.convention
            .with_untracked(|c| c.as_ref().map(|c| c.schedules.len())),
        Some(1)
    );
    click_button(&container, "Confirmer la suppression");
    settle().await;
    assert_eq!(
        ws.convention
            .with_untracked(|c| c.as_ref().map(|c| c.schedules.len())),
        Some(0)
    );
    assert!(text(&container).contains("Aucun échéancier pour l’instant."));
    container.remove();
}

#[wasm_bindgen_test]
async fn instalments_are_edited_one_by_one() {
    let ws = workspace(Convention::default());
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    add_schedule(&container, "Trois", "1 000").await;
    // 33,33 % + 1 000 € fixed would exceed; use 25 %, 300 € and the balance.
    click_button(&container, "Ajouter une tranche");
    settle().await;
    fill(&container, "#bw-sched-0-inst-0-value", "25 %");
    fill(&container, "#bw-sched-0-inst-0-label", "À la signature");
    fill(&container, "#bw-sched-0-inst-0-date", "2024-06-30");
    click_button(&container, "Ajouter une tranche");
    settle().await;
    choose(&container, "#bw-sched-0-inst-1-kind", "montant fixe");
    settle().await;
    fill(&container, "#bw-sched-0-inst-1-value", "300");
    click_button(&container, "Ajouter une tranche");
    settle().await;
    choose(
        &container,
        "#bw-sched-0-inst-2-kind",
        "solde (reste du total)",
    );
    settle().await;
    let t = table(&container, "Tranches calculées au centime — Trois");
    // 25 % of 1 000 = 250; 300 fixed; balance 1 000 − 250 − 300 = 450.
    assert_eq!(
        row_cells(&t, "1"),
        vec![
            "À la signature".to_string(),
            "30/06/2024".to_string(),
            pct("25"),
            eur("250,00")
        ]
    );
    assert_eq!(row_cells(&t, "2")[3], eur("300,00"));
    assert_eq!(row_cells(&t, "3")[2], "solde (reste du total)");
    assert_eq!(row_cells(&t, "3")[3], eur("450,00"));
    // Removing the fixed instalment: 25 % = 250 and the balance 750.
    click_button(&container, "Supprimer la tranche 2");
    settle().await;
    let t = table(&container, "Tranches calculées au centime — Trois");
    assert_eq!(row_cells(&t, "2")[3], eur("750,00"));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_schedules_view_speaks_english() {
    let ws = workspace(Convention::default());
    ws.lang.set(Lang::En);
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    assert_eq!(text(&element(&container, "h2")), "Payment schedules");
    container.remove();
}

/// Two years, worked by hand:
///
/// | action | État 2024 | État 2025 | CD 2024 | CD 2025 |
/// |---|---|---|---|---|
/// | 1 Maraudes | 10 000 | 12 000 | 5 000 | 4 000 |
/// | 2 Formation | 1 000 | — | — | 3 000 |
///
/// 2024: État 11 000, CD 5 000, total 16 000.
/// 2025: État 12 000, CD 7 000, total 19 000; change +3 000, 3 000 ÷ 16 000 = 18,75 %.
fn two_years() -> Convention {
    Convention {
        years: vec![2024, 2025],
        actions: vec![
            action(
                "1",
                "Maraudes",
                None,
                vec![
                    amount(0, Some(2024), "10000"),
                    amount(0, Some(2025), "12000"),
                    amount(1, Some(2024), "5000"),
                    amount(1, Some(2025), "4000"),
                ],
            ),
            action(
                "2",
                "Formation",
                None,
                vec![amount(0, Some(2024), "1000"), amount(1, Some(2025), "3000")],
            ),
        ]
        .into(),
        ..Convention::default()
    }
}

#[wasm_bindgen_test]
async fn years_table_with_the_change_from_year_to_year() {
    let ws = workspace(two_years());
    let (container, _handle) = mount(move || view! { <YearsView ws=ws /> });
    settle().await;
    let t = table(&container, "Enveloppe par année et par financeur");
    assert_eq!(
        row_cells(&t, "2024"),
        vec![
            eur("11 000,00"),
            eur("5 000,00"),
            eur("16 000,00"),
            "—".into(),
            "—".into()
        ]
    );
    assert_eq!(
        row_cells(&t, "2025"),
        vec![
            eur("12 000,00"),
            eur("7 000,00"),
            eur("19 000,00"),
            format!("▲ +{}", eur("3 000,00")),
            format!("+{}", pct("18,75"))
        ]
    );
    // Grand total: État 23 000, CD 12 000, 35 000.
    assert_eq!(
        row_cells(&t, "Total général calculé")[..3],
        [eur("23 000,00"), eur("12 000,00"), eur("35 000,00")]
    );
    let a = table(&container, "Total de chaque action par année");
    // Action 1: 2024 15 000, 2025 16 000 (+1 000 = +6,67 %), total 31 000.
    assert_eq!(
        row_cells(&a, "1"),
        vec![
            "Maraudes".to_string(),
            eur("15 000,00"),
            eur("16 000,00"),
            format!("▲ +{} (+{})", eur("1 000,00"), pct("6,67")),
            eur("31 000,00")
        ]
    );
    // Action 2: 2024 1 000, 2025 3 000 (+2 000 = +200 %), total 4 000.
    assert_eq!(
        row_cells(&a, "2")[1..],
        [
            eur("1 000,00"),
            eur("3 000,00"),
            format!("▲ +{} (+{})", eur("2 000,00"), pct("200,00")),
            eur("4 000,00")
        ]
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn a_convention_without_years_says_so() {
    let conv = Convention {
        actions: vec![action("1", "A", None, vec![amount(0, None, "10")])].into(),
        ..Convention::default()
    };
    let ws = workspace(conv);
    let (container, _handle) = mount(move || view! { <YearsView ws=ws /> });
    settle().await;
    assert!(container.query_selector("table").unwrap().is_none());
    assert!(text(&container).contains("« Subvention 2025 »"));
    container.remove();
}

/// Two axes, worked by hand:
/// - Axe 1, action 1: État 3 000, Département 1 000 → 75 % / 25 %;
/// - Axe 2, action 2: État 1 000, Département 1 000 → 50 % / 50 %;
/// - whole: État 4 000 ÷ 6 000 = 66,67 %, Département 2 000 ÷ 6 000 = 33,33 %.
///
/// Action 1 executed État 1 500 + Département 500 = 2 000 of 4 000 planned: 50 %.
fn two_axes() -> Convention {
    let mut executed = action(
        "1",
        "Maraudes",
        Some(0),
        vec![amount(0, None, "3000"), amount(1, None, "1000")],
    );
    executed.execution = Execution {
        executed: vec![
            FunderValue {
                funder: 0,
                value: d("1500"),
                formula: None,
            },
            FunderValue {
                funder: 1,
                value: d("500"),
                formula: None,
            },
        ],
        ..Execution::default()
    };
    Convention {
        groups: vec![
            Group {
                name: "Axe 1".into(),
                ..Group::default()
            },
            Group {
                name: "Axe 2".into(),
                ..Group::default()
            },
        ],
        actions: vec![
            executed,
            action(
                "2",
                "Formation",
                Some(1),
                vec![amount(0, None, "1000"), amount(1, None, "1000")],
            ),
        ]
        .into(),
        ..Convention::default()
    }
}

#[wasm_bindgen_test]
async fn the_funding_chart_says_each_funders_share_in_words() {
    let ws = workspace(two_axes());
    let (container, _handle) = mount(move || view! { <FundingChart ws=ws /> });
    settle().await;
    let svg = element(&container, "figure svg[role=img]");
    let alt = svg.get_attribute("aria-label").unwrap_or_default();
    assert!(alt.contains(&format!("État : {}", pct("66,67"))), "{alt}");
    assert!(
        alt.contains(&format!("Département : {}", pct("33,33"))),
        "{alt}"
    );
    assert_eq!(
        text(&element(&container, "figure figcaption")),
        "Répartition du financement"
    );
    // The legend carries names, shares and amounts.
    let legend = text(&element(&container, ".bw-chart-legend"));
    assert!(
        legend.contains(&format!("État : {} ({})", pct("66,67"), eur("4 000,00"))),
        "{legend}"
    );
    // The figures as a table: one row per group and one for the whole.
    let t = table(
        &container,
        "Part de chaque financeur, par groupe et pour l’ensemble",
    );
    assert_eq!(
        row_cells(&t, "Axe 1"),
        vec![pct("75,00"), pct("25,00"), eur("4 000,00")]
    );
    assert_eq!(
        row_cells(&t, "Axe 2"),
        vec![pct("50,00"), pct("50,00"), eur("2 000,00")]
    );
    assert_eq!(
        row_cells(&t, "ensemble de la convention"),
        vec![pct("66,67"), pct("33,33"), eur("6 000,00")]
    );
    // Three bars, each named in the drawing: two axes and the whole.
    let drawn = text(&element(&container, "svg.bw-chart-svg"));
    for name in ["Axe 1", "Axe 2", "ensemble de la convention"] {
        assert!(drawn.contains(name), "{drawn}");
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn editing_one_group_redraws_only_its_bar_and_the_whole() {
    let ws = workspace(two_axes());
    let (container, _handle) = mount(move || view! { <FundingChart ws=ws /> });
    settle().await;
    let caption = "Part de chaque financeur, par groupe et pour l’ensemble";
    let bars = || {
        container
            .query_selector_all("svg.bw-chart-svg > g")
            .expect("bars")
    };
    let axis_2_bar = bars().item(1).expect("bar of Axe 2");
    let axis_2_row = row(&table(&container, caption), "Axe 2");
    // Whatever the page writes into them from now on is recorded.
    let observer =
        web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).expect("observer");
    let everything = web_sys::MutationObserverInit::new();
    everything.set_subtree(true);
    everything.set_child_list(true);
    everything.set_attributes(true);
    everything.set_character_data(true);
    for node in [&axis_2_bar, axis_2_row.as_ref()] {
        observer
            .observe_with_options(node, &everything)
            .expect("observe");
    }
    // Action 1 (Axe 1): État 3 000 → 5 000. Axe 1 is then 5 000 + 1 000 =
    // 6 000: 5 000 / 6 000 = 83,33 %, 1 000 / 6 000 = 16,67 %; the whole is
    // 8 000: État 6 000 / 8 000 = 75 %, Département 25 %. Axe 2 is unchanged.
    ws.edit(|c| c.actions[0].planned[0].value = d("5000"));
    settle().await;
    let t = table(&container, caption);
    assert_eq!(
        row_cells(&t, "Axe 1"),
        vec![pct("83,33"), pct("16,67"), eur("6 000,00")]
    );
    assert_eq!(
        row_cells(&t, "ensemble de la convention"),
        vec![pct("75,00"), pct("25,00"), eur("8 000,00")]
    );
    assert_eq!(bars().length(), 3);
    // The unchanged bar and row are the very same elements, not written to.
    assert_eq!(observer.take_records().length(), 0);
    assert!(bars()
        .item(1)
        .is_some_and(|b| b.is_same_node(Some(&axis_2_bar))));
    assert!(row(&t, "Axe 2").is_same_node(Some(&axis_2_row)));
    let axis_1_bar = bars().item(0).and_then(|b| b.text_content());
    assert!(axis_1_bar.is_some_and(|t| t.contains("83,3")));
    container.remove();
}

/// Lets the tasks already queued as microtasks run (Leptos' effects), but
/// no timer and no animation frame.
async fn microtasks() {
    for _ in 0..20 {
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
            &wasm_bindgen::JsValue::NULL,
        ))
        .await;
    }
}

/// The chart is drawn again after the frame that shows an edit elsewhere:
/// that frame does not wait for it.
#[wasm_bindgen_test]
async fn the_funding_chart_follows_an_edit_one_frame_later() {
    let ws = workspace(two_axes());
    let (container, _handle) = mount(move || {
        view! {
            <p id="state-amount">
                {move || ws.convention.with(|c| c.as_ref().map(|c| c.actions[0].planned[0].value.to_string()))}
            </p>
            <FundingChart ws=ws />
        }
    });
    settle().await;
    let caption = "Part de chaque financeur, par groupe et pour l’ensemble";
    // Axe 1: État 3 000, Département 1 000: 75 % and 25 % of 4 000.
    let axis_1 = vec![pct("75,00"), pct("25,00"), eur("4 000,00")];
    assert_eq!(row_cells(&table(&container, caption), "Axe 1"), axis_1);
    ws.edit(|c| c.actions[0].planned[0].value = d("5000"));
    microtasks().await;
    // The rest of the page shows the edit; the chart still the figures before.
    assert_eq!(text(&element(&container, "#state-amount")), "5000");
    assert_eq!(row_cells(&table(&container, caption), "Axe 1"), axis_1);
    // After the frame: 5 000 / 6 000 = 83,33 %, 1 000 / 6 000 = 16,67 %.
    settle().await;
    assert_eq!(
        row_cells(&table(&container, caption), "Axe 1"),
        vec![pct("83,33"), pct("16,67"), eur("6 000,00")]
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn the_consumption_chart_shows_the_actions_with_execution_figures() {
    let ws = workspace(two_axes());
    let (container, _handle) = mount(move || view! { <ConsumptionChart ws=ws /> });
    settle().await;
    let alt = element(&container, "figure svg[role=img]")
        .get_attribute("aria-label")
        .unwrap_or_default();
    assert!(alt.contains(&format!("1 Maraudes {}", pct("50"))), "{alt}");
    let t = table(
        &container,
        "Prévu, exécuté et taux de consommation par action",
    );
    // Only action 1 has execution figures: 2 000 of 4 000, 50 %.
    assert_eq!(
        row_cells(&t, "1"),
        vec![
            "Maraudes".to_string(),
            eur("4 000,00"),
            eur("2 000,00"),
            pct("50")
        ]
    );
    assert_eq!(t.query_selector_all("tbody tr").unwrap().length(), 1);
    container.remove();
    // Without execution figures, no chart at all.
    let ws = workspace(two_years());
    let (container, _handle) = mount(move || view! { <ConsumptionChart ws=ws /> });
    settle().await;
    assert!(container.query_selector("figure").unwrap().is_none());
    container.remove();
}

#[wasm_bindgen_test]
async fn two_scenarios_side_by_side_with_the_differences_marked() {
    // A: action 1 État 1 000, Département 1 000.
    // B ("Hausse"): État 2 000, Département 1 000: État +1 000, total 2 000 → 3 000.
    let a = Convention {
        actions: vec![action(
            "1",
            "Maraudes",
            None,
            vec![amount(0, None, "1000"), amount(1, None, "1000")],
        )]
        .into(),
        ..Convention::default()
    };
    let mut b = a.clone();
    b.actions[0].planned[0].value = d("2000");
    let ws = workspace(a);
    let scenarios = RwSignal::new(vec![("Hausse".to_string(), b)]);
    let (container, _handle) = mount(move || view! { <CompareView ws=ws scenarios=scenarios /> });
    settle().await;
    let grand = table(&container, "Total général par financeur");
    assert_eq!(
        row_cells(&grand, "État"),
        vec![
            eur("1 000,00"),
            eur("2 000,00"),
            format!("▲ +{}", eur("1 000,00"))
        ]
    );
    assert_eq!(row_cells(&grand, "Département")[2], "inchangé");
    assert_eq!(
        row_cells(&grand, "Total"),
        vec![
            eur("2 000,00"),
            eur("3 000,00"),
            format!("▲ +{}", eur("1 000,00"))
        ]
    );
    // The changed cells carry a class as well as the marker.
    let changed = row(&grand, "État")
        .query_selector_all("td.bw-changed")
        .unwrap()
        .length();
    assert_eq!(changed, 2);
    let changed = row(&grand, "Département")
        .query_selector_all("td.bw-changed")
        .unwrap()
        .length();
    assert_eq!(changed, 0);
    let actions = table(&container, "Total de chaque action");
    assert_eq!(
        row_cells(&actions, "1")[3],
        format!("▲ +{}", eur("1 000,00"))
    );
    // B − A the other way round: −1 000.
    choose(&container, "#bw-compare-a", "Hausse");
    choose(&container, "#bw-compare-b", "Convention en cours");
    settle().await;
    let grand = table(&container, "Total général par financeur");
    assert_eq!(
        row_cells(&grand, "État")[2],
        format!("▼ {}", eur("−1 000,00"))
    );
    container.remove();
}

/// Ticks the checkbox `selector` (a click, as a user would).
fn tick(container: &HtmlElement, selector: &str) {
    element(container, selector)
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn two_kept_conventions_consolidated_per_funder_year_and_convention() {
    // « Deux années » is two_years(): État 23 000, CD 12 000, total 35 000
    // (2024: 11 000 + 5 000 = 16 000; 2025: 12 000 + 7 000 = 19 000); action
    // 1 has État 22 000 of 31 000 (above 50 %), action 2 État 1 000 of 4 000:
    // 1 action of 2 outside the rule; State share 23 000 ÷ 35 000 = 65,71 %.
    // « Sans année »: one action État 1 000, CD 3 000, no year: within the
    // rule, State share 1 000 ÷ 4 000 = 25 %.
    // « Non cochée » (État 1 000 000) is not ticked and counts nowhere.
    // Together: État 24 000 (24 ÷ 39 = 61,54 %), CD 15 000 (38,46 %), total
    // 39 000; 2024 16 000, 2025 19 000, without a year 4 000; parts
    // 35 000 ÷ 39 000 = 89,74 % and 4 000 ÷ 39 000 = 10,26 %.
    let without_year = Convention {
        actions: vec![action(
            "1",
            "Accueil",
            None,
            vec![amount(0, None, "1000"), amount(1, None, "3000")],
        )]
        .into(),
        ..Convention::default()
    };
    let unticked = Convention {
        actions: vec![action("1", "Autre", None, vec![amount(0, None, "1000000")])].into(),
        ..Convention::default()
    };
    let ws = workspace(two_years());
    let scenarios = RwSignal::new(vec![
        ("Deux années".to_string(), two_years()),
        ("Sans année".to_string(), without_year),
        ("Non cochée".to_string(), unticked),
    ]);
    let (container, _handle) =
        mount(move || view! { <ConsolidateView ws=ws scenarios=scenarios /> });
    settle().await;
    // Each box has its label.
    assert_eq!(
        text(&element(&container, "label[for=bw-consolidate-1]")),
        "Sans année"
    );
    tick(&container, "#bw-consolidate-0");
    settle().await;
    // One convention is no consolidation.
    assert!(container.query_selector("table").unwrap().is_none());
    assert!(text(&container).contains("Cochez au moins deux conventions"));
    tick(&container, "#bw-consolidate-1");
    settle().await;

    let funders = table(&container, "Totaux consolidés par financeur");
    assert_eq!(
        row_cells(&funders, "État"),
        vec![eur("24 000,00"), pct("61,54")]
    );
    assert_eq!(
        row_cells(&funders, "Département"),
        vec![eur("15 000,00"), pct("38,46")]
    );
    assert_eq!(
        row_cells(&funders, "Total"),
        vec![eur("39 000,00"), pct("100,00")]
    );
    let years = table(&container, "Totaux consolidés par année");
    assert_eq!(
        row_cells(&years, "2024"),
        vec![eur("11 000,00"), eur("5 000,00"), eur("16 000,00")]
    );
    assert_eq!(
        row_cells(&years, "2025"),
        vec![eur("12 000,00"), eur("7 000,00"), eur("19 000,00")]
    );
    assert_eq!(
        row_cells(&years, "Sans année"),
        vec![eur("1 000,00"), eur("3 000,00"), eur("4 000,00")]
    );
    let parts = table(&container, "Part de chaque convention");
    assert_eq!(
        row_cells(&parts, "Deux années"),
        vec![
            eur("23 000,00"),
            eur("12 000,00"),
            eur("35 000,00"),
            pct("89,74")
        ]
    );
    assert_eq!(row_cells(&parts, "Sans année")[3], pct("10,26"));
    let rules = table(&container, "Règle de cofinancement de chaque convention");
    assert_eq!(
        row_cells(&rules, "Deux années"),
        vec![
            pct("65,71"),
            pct("50,00"),
            format!("non respectée pour 1{NBSP}action sur 2")
        ]
    );
    assert_eq!(
        row_cells(&rules, "Sans année"),
        vec![
            pct("25,00"),
            pct("50,00"),
            "respectée pour chaque action".to_string()
        ]
    );

    // In English: the same figures, the texts translated.
    ws.lang.set(Lang::En);
    settle().await;
    let funders = table(&container, "Consolidated totals per funder");
    assert_eq!(
        row_cells(&funders, "State"),
        vec!["€24,000.00".to_string(), "61.54%".to_string()]
    );
    let rules = table(&container, "Co-financing rule of each convention");
    assert_eq!(
        row_cells(&rules, "Deux années")[2],
        format!("not met for 1{NBSP}action of 2")
    );
    // Two kept conventions of the same name: each box says its place.
    scenarios.set(vec![
        ("Double".to_string(), Convention::default()),
        ("Double".to_string(), Convention::default()),
    ]);
    settle().await;
    assert_eq!(
        text(&element(&container, "label[for=bw-consolidate-0]")),
        "Double (1)"
    );
    assert_eq!(
        text(&element(&container, "label[for=bw-consolidate-1]")),
        "Double (2)"
    );
    // A single kept convention: nothing to tick with it, and the view says so.
    scenarios.set(vec![("Seule".to_string(), Convention::default())]);
    settle().await;
    assert!(container.query_selector("table").unwrap().is_none());
    assert!(text(&container).contains("At least two conventions kept in this browser"));
    container.remove();
}

/// The texts of the options of the `<select>` `selector`.
fn options(container: &HtmlElement, selector: &str) -> Vec<String> {
    option_texts(&element(container, selector).unchecked_into())
}

#[wasm_bindgen_test]
async fn the_action_of_a_schedule_is_found_by_a_search_in_a_long_convention() {
    // 250 actions "N — Action N"; action 200 is « Réhabilitation de l’école »
    // (État 100 each).
    let conv = Convention {
        actions: (1..=250)
            .map(|i| {
                let title = if i == 200 {
                    "Réhabilitation de l’école".to_string()
                } else {
                    format!("Action {i}")
                };
                action(&i.to_string(), &title, None, vec![amount(0, None, "100")])
            })
            .collect::<Vec<_>>()
            .into(),
        ..Convention::default()
    };
    let ws = workspace(conv);
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    let select = "#bw-tr-new-action";
    let note = |c: &HtmlElement| text(&element(c, "#bw-tr-new-action-trouvees"));
    // "None", then the first 100 of the 250.
    let listed = options(&container, select);
    assert_eq!(listed.len(), 101);
    assert_eq!(listed[1], "1 — Action 1");
    assert_eq!(listed[100], "100 — Action 100");
    assert_eq!(
        note(&container),
        "La liste montre les 100 premières des 250 actions : tapez un numéro ou un mot de l’intitulé pour trouver les autres."
    );
    // Case and accents aside.
    fill(&container, "#bw-tr-new-action-cherche", "  REHABILITATION ");
    settle().await;
    assert_eq!(
        options(&container, select),
        ["— aucune —", "200 — Réhabilitation de l’école"]
    );
    assert_eq!(
        note(&container),
        "1 action correspond : elle est dans la liste."
    );
    choose(&container, select, "200 — Réhabilitation de l’école");
    settle().await;
    let total: web_sys::HtmlInputElement = element(&container, "#bw-tr-new-total").unchecked_into();
    assert_eq!(total.value(), "100,00");
    // Another search keeps the action chosen in the list, where it is:
    // "action 1" is in the titles of actions 1, 10 to 19 and 100 to 199 (111).
    fill(&container, "#bw-tr-new-action-cherche", "action 1");
    settle().await;
    let listed = options(&container, select);
    assert_eq!(listed.len(), 1 + 100 + 1);
    assert_eq!(listed[1], "1 — Action 1");
    assert_eq!(listed[2], "10 — Action 10");
    // 1, then 10 to 19 (11), then 100 to 188 (89): the first 100.
    assert_eq!(listed[100], "188 — Action 188");
    assert_eq!(listed[101], "200 — Réhabilitation de l’école");
    let chosen: web_sys::HtmlSelectElement = element(&container, select).unchecked_into();
    assert_eq!(chosen.value(), "199");
    assert_eq!(
        note(&container),
        "111 actions correspondent : la liste montre les 100 premières."
    );
    fill(&container, "#bw-tr-new-action-cherche", "zzz");
    settle().await;
    assert_eq!(note(&container), "Aucune action ne correspond.");
    ws.lang.set(Lang::En);
    settle().await;
    assert_eq!(note(&container), "No action matches.");
    let label = element(&container, "label[for='bw-tr-new-action-cherche']");
    assert_eq!(
        text(&label),
        "Find the action (number or word of the title)"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn a_short_convention_s_action_select_lists_every_action_without_a_search() {
    let ws = workspace(state_alone(100));
    let (container, _handle) = mount(move || view! { <TranchesView ws=ws /> });
    settle().await;
    assert_eq!(options(&container, "#bw-tr-new-action").len(), 101);
    assert!(container
        .query_selector("#bw-tr-new-action-cherche")
        .unwrap()
        .is_none());
    container.remove();
}

/// `n` actions numbered 1 to `n`, each funded by the State alone: État 100.
fn state_alone(n: usize) -> Convention {
    Convention {
        actions: (1..=n)
            .map(|i| {
                action(
                    &i.to_string(),
                    &format!("Action {i}"),
                    None,
                    vec![amount(0, None, "100")],
                )
            })
            .collect::<Vec<_>>()
            .into(),
        ..Convention::default()
    }
}

#[wasm_bindgen_test]
async fn a_long_comparison_lists_only_the_actions_that_change() {
    // 150 actions of État 100 each; in B, action 3 is 150 (+50) and action
    // 120 is 80 (−20): two rows, not 150, and a note that says so.
    let a = state_alone(150);
    let mut b = a.clone();
    b.actions[2].planned[0].value = d("150");
    b.actions[119].planned[0].value = d("80");
    // In C, actions 1 to 120 are 101 each (+1): more than 100 change.
    let mut c = a.clone();
    for k in 0..120 {
        c.actions[k].planned[0].value = d("101");
    }
    let ws = workspace(a);
    let scenarios = RwSignal::new(vec![
        ("Deux changent".to_string(), b),
        ("Cent vingt changent".to_string(), c),
    ]);
    let (container, _handle) = mount(move || view! { <CompareView ws=ws scenarios=scenarios /> });
    settle().await;
    let actions = table(&container, "Total de chaque action");
    assert_eq!(actions.query_selector_all("tbody tr").unwrap().length(), 2);
    assert_eq!(row_cells(&actions, "3")[3], format!("▲ +{}", eur("50,00")));
    assert_eq!(
        row_cells(&actions, "120")[3],
        format!("▼ {}", eur("−20,00"))
    );
    assert!(text(&container).contains("Seules les actions qui changent sont listées : 2 sur 150."));
    // The grand total still counts them all: 15 000 → 15 030.
    let grand = table(&container, "Total général par financeur");
    assert_eq!(
        row_cells(&grand, "Total"),
        vec![
            eur("15 000,00"),
            eur("15 030,00"),
            format!("▲ +{}", eur("30,00"))
        ]
    );
    // 120 changes: the first 100 listed, the other 20 on demand, the focus
    // then on the first of them (action 101).
    choose(&container, "#bw-compare-b", "Cent vingt changent");
    settle().await;
    let actions = table(&container, "Total de chaque action");
    let rows = |t: &Element| t.query_selector_all("tbody tr").unwrap().length();
    assert_eq!(rows(&actions), 100);
    assert!(text(&container).contains(
        "Seules les actions qui changent sont listées : les 100 premières des 120 qui changent, sur 150."
    ));
    click_button(&container, "Lister les 20 autres actions qui changent");
    settle().await;
    assert_eq!(rows(&actions), 120);
    assert!(
        text(&container).contains("Seules les actions qui changent sont listées : 120 sur 150.")
    );
    assert!(!text(&container).contains("Lister les"));
    support::next_frame().await;
    let focused = document().active_element().expect("a focused element");
    assert_eq!(focused.id(), "bw-compare-more");
    assert_eq!(row_cells(&actions, "101")[3], format!("▲ +{}", eur("1,00")));
    // A against itself: nothing changes, no empty table.
    choose(&container, "#bw-compare-b", "Convention en cours");
    settle().await;
    assert!(text(&container).contains("Aucune des 150 actions ne change."));
    assert!(!text(&container).contains("Total de chaque action"));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_long_list_of_checks_shows_200_then_the_others_on_demand() {
    // 250 actions funded by the State alone (100 %, above its 50 %): 250
    // breaches of the co-financing rule.
    let conv = state_alone(250);
    let warnings = budget_core::checks::check(&conv).warnings;
    assert_eq!(warnings.len(), 250);
    let go = Callback::new(|_: budget_core::Scope| {});
    let (container, _handle) = mount(move || checks_section(Lang::Fr, &warnings, go));
    settle().await;
    let items = |c: &HtmlElement| c.query_selector_all("li").unwrap().length();
    assert_eq!(items(&container), 200);
    assert!(text(&container).starts_with("Vérifications (250\u{a0}incohérences)"));
    click_button(&container, "Afficher les 50 autres incohérences");
    settle().await;
    assert_eq!(items(&container), 250);
    assert!(!text(&container).contains("Afficher les"));
    // The focus goes to the first warning shown on demand, the 201st.
    support::next_frame().await;
    let focused = document().active_element().expect("a focused element");
    assert_eq!(focused.id(), "bw-check-more");
    assert!(text(&focused).starts_with("Action 201"));
    container.remove();
}

#[wasm_bindgen_test]
fn amounts_put_back_in_a_field_read_back_to_the_same_value() {
    for v in [
        "553608",
        "332164.80",
        "1.5",
        "1.234",
        "0.125",
        "-20000",
        "12.345",
    ] {
        for lang in [Lang::Fr, Lang::En] {
            let text = input_text(d(v), 2, lang);
            assert_eq!(
                budget_core::number::parse_amount(&text),
                Ok(Some(d(v))),
                "{v} {lang:?} {text}"
            );
        }
    }
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("keyboard event");
    target.dispatch_event(&event).expect("dispatch");
}

/// The Execution table of `two_axes`, in French.
fn mount_execution_table() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    use budget_widget::grid::{execution_table, Grid};
    use budget_widget::state::summary::Summary;
    let ws = workspace(two_axes());
    let grid = Grid::executed(ws);
    mount(move || {
        move || {
            ws.convention.with(|c| {
                c.as_ref()
                    .map(|c| execution_table(grid, Lang::Fr, &Summary::of(c, &[])))
            })
        }
    })
}

/// The Execution table is a grid of executed amounts: typing one recomputes
/// the action's, the group's and the whole's figures. Worked by hand on
/// `two_axes` (action 1 executed 2 000 of 4 000): action 2, Formation, plans
/// État 1 000 + Département 1 000; État executes 800 → 800 of 2 000 = 40 %,
/// 1 200 remaining, 1 000 − 800 = 200 of State credit unspent, and the
/// Département, left empty, 0. The whole: 2 000 + 800 = 2 800 of 6 000 =
/// 46,67 % → 47 %.
#[wasm_bindgen_test]
async fn the_execution_table_takes_a_typed_executed_amount() {
    let (container, _handle) = mount_execution_table();
    settle().await;
    let caption = "Exécution : dépenses réalisées et taux de consommation";
    let t = table(&container, caption);
    // Before: action 2 has no executed amount (empty cells, no rate).
    assert_eq!(
        row_cells(&t, "2"),
        vec![
            "Formation".to_string(),
            eur("2 000,00"),
            "—".to_string(),
            "—".to_string(),
            "—".to_string(),
            "—".to_string(),
            "—".to_string(),
            "—".to_string(),
        ]
    );
    // Enter on action 2's État cell opens the editor; Enter writes.
    let cell = element(&container, "#bw-x-1-0");
    key(&cell, "Enter");
    settle().await;
    let editor: web_sys::HtmlInputElement = element(&container, "#bw-editor-x").unchecked_into();
    editor.set_value("800");
    key(&editor, "Enter");
    settle().await;
    let t = table(&container, caption);
    assert_eq!(
        row_cells(&t, "2"),
        vec![
            "Formation".to_string(),
            eur("2 000,00"),
            eur("800,00"),
            eur("0,00"),
            eur("800,00"),
            pct("40"),
            eur("1 200,00"),
            eur("200,00"),
        ]
    );
    let grand = row_cells(&t, "Total général calculé");
    assert_eq!(
        grand[grand.len() - 4..],
        [eur("2 800,00"), pct("47"), eur("3 200,00"), eur("1 700,00")]
    );
    container.remove();
}

/// Keys typed faster than the editor takes the focus (a busy page): the
/// characters go into the text, and Tab confirms it as it does in the editor.
/// Same figures as above: État executes 800 of 2 000, 40 %.
#[wasm_bindgen_test]
async fn keys_typed_before_the_editor_has_the_focus_are_kept_and_confirmed() {
    let (container, _handle) = mount_execution_table();
    settle().await;
    // All on the cell, at once: no editor drawn, let alone focused, yet.
    let cell = element(&container, "#bw-x-1-0");
    for k in ["8", "0", "0", "Tab"] {
        key(&cell, k);
    }
    settle().await;
    let t = table(
        &container,
        "Exécution : dépenses réalisées et taux de consommation",
    );
    let row = row_cells(&t, "2");
    assert_eq!(row[2], eur("800,00"));
    assert_eq!(row[5], pct("40"));
    // Tab moved on to the Département's cell, not being edited.
    assert!(container.query_selector("#bw-editor-x").unwrap().is_none());
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("bw-x-1-1")
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn an_editor_focused_before_its_frame_keeps_its_selection() {
    let (container, _handle) = mount_execution_table();
    settle().await;
    // Action 1 (two_axes): the State executed 1 500.
    let cell = element(&container, "#bw-x-0-0");
    key(&cell, "Enter");
    // The editor is drawn (the view's effects have run) but the frame that
    // gives it the focus has not come yet: something else focuses it first
    // and selects its whole text, as a click and Ctrl+A would.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let input: web_sys::HtmlInputElement = element(&container, "#bw-editor-x").unchecked_into();
    let len = input.value().encode_utf16().count() as u32;
    assert_eq!(
        input.value(),
        "1500",
        "the editor starts with the cell's amount"
    );
    input.focus().unwrap();
    input.set_selection_range(0, len).unwrap();
    support::next_frame().await;
    support::next_frame().await;
    // The frame left the selection alone (it used to put the caret at the
    // end, so that what was typed next was added to the old text).
    assert_eq!(input.selection_start().unwrap(), Some(0));
    assert_eq!(input.selection_end().unwrap(), Some(len));
    container.remove();
}

#[wasm_bindgen_test]
async fn a_file_that_cannot_be_read_is_reported_in_the_language_of_the_page() {
    let ws = Workspace::new();
    ws.lang.set(Lang::En);
    ws.import_file("budget.docx", b"\x00\x01\x02");
    assert_eq!(
        ws.file_error.get_untracked().as_deref(),
        Some(
            "budget.docx: unrecognised file format: “budget.docx” (formats read: .xlsx, .xls, \
             .ods, .csv, .tsv, .txt, .pdf, .json)"
        )
    );
    ws.lang.set(Lang::Fr);
    ws.import_file("budget.docx", b"\x00\x01\x02");
    assert_eq!(
        ws.file_error.get_untracked().as_deref(),
        Some(
            "budget.docx : format de fichier non reconnu : « budget.docx » (formats lus : .xlsx, \
             .xls, .ods, .csv, .tsv, .txt, .pdf, .json)"
        )
    );
    // A saved convention that cannot be read: the reader's reason, in English.
    ws.lang.set(Lang::En);
    ws.import_file("convention.json", b"{\"version\": 9}");
    let told = ws.file_error.get_untracked().unwrap_or_default();
    assert!(
        told.starts_with("convention.json: convention saved in version 9 by a newer version"),
        "{told}"
    );
}
