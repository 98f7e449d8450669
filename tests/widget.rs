//! Component tests of the widget in a real browser (headless Chromium through
//! chromedriver): `cargo test -p budget-widget --target wasm32-unknown-unknown`.
//!
//! Each test mounts the calculator in a fresh `<div>`, acts as a user would
//! (types or pastes a table) and reads what the page shows. Expected figures are
//! worked out by hand in each test.
#![cfg(target_arch = "wasm32")]

use budget_widget::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod support;
use support::{
    click_button, document, eur, select_option, settle, table, text, type_into_paste_area, NBSP,
};
wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the calculator in a new container and returns the container.
fn mount() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    // Each test starts from an empty browser storage (the widget autosaves).
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        storage.clear().expect("clear storage");
    }
    let doc = document();
    let container: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), App);
    (container, handle)
}

/// The cells of the row of `table` whose header cell reads `label`.
fn row_cells(table: &Element, label: &str) -> Vec<String> {
    let rows = table.query_selector_all("tr").expect("query");
    for i in 0..rows.length() {
        let row: Element = rows.item(i).expect("row").unchecked_into();
        let th = row.query_selector("th").ok().flatten();
        if th.as_ref().is_some_and(|th| text(th) == label) {
            let cells = row.query_selector_all("td").expect("cells");
            return (0..cells.length())
                .filter_map(|j| cells.item(j))
                .map(|c| c.text_content().unwrap_or_default())
                .collect();
        }
    }
    panic!("no row {label:?}")
}

#[wasm_bindgen_test]
async fn mounts_with_a_labelled_paste_area_and_no_table() {
    let (container, _handle) = mount();
    settle().await;
    let label = container
        .query_selector("label[for=bw-paste-area]")
        .unwrap()
        .expect("label");
    assert!(text(&label).starts_with("Tableau à coller"));
    assert!(container.query_selector("table").unwrap().is_none());
    container.remove();
}

#[wasm_bindgen_test]
async fn typed_table_shows_totals_and_locates_an_unreadable_cell() {
    let (container, _handle) = mount();
    // Row 3's State amount "12,5O" has a letter O instead of a zero.
    type_into_paste_area(
        &container,
        "N°\tIntitulé\tEtat\tCD\n1\tMaraudes\t1 000,50\t2 000\n2\tFormation\t12,5O\t500\n",
    );
    settle().await;
    let totals = table(&container, "Totaux par financeur");
    // État: only action 1 is readable: 1 000,50. Share 1 000,50 / 3 500,50 = 28,58 %.
    assert_eq!(
        row_cells(&totals, "État"),
        vec![eur("1 000,50"), format!("28,58{NBSP}%")]
    );
    // Département: 2 000 + 500 = 2 500.
    assert_eq!(row_cells(&totals, "Département")[0], eur("2 500,00"));
    // Total: 1 000,50 + 2 500 = 3 500,50.
    assert_eq!(row_cells(&totals, "Total")[0], eur("3 500,50"));
    let alert = container
        .query_selector("[role=alert]")
        .unwrap()
        .expect("error list");
    let message = text(&alert);
    assert!(message.contains("Ligne 3"), "{message}");
    assert!(message.contains("« Etat »"), "{message}");
    assert!(message.contains("« 12,5O »"), "{message}");
    // In English, English quotation marks and colon around the same text.
    switch_language(&container).await;
    let message = text(
        &container
            .query_selector("[role=alert]")
            .unwrap()
            .expect("error list"),
    );
    assert!(
        message.contains("Row 3, column “Etat”: “12,5O”"),
        "{message}"
    );
    assert!(
        !message.contains('«') && !message.contains(" : "),
        "{message}"
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn ctrl_v_outside_a_field_imports_the_clipboard() {
    let (container, _handle) = mount();
    settle().await;
    let data = web_sys::DataTransfer::new().expect("data transfer");
    data.set_data(
        "text/plain",
        "Fiche action n°\tIntitulé\tPart Etat\tPart CD\n7\tRéseau\t1 789\t1 789\n",
    )
    .expect("set data");
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_clipboard_data(Some(&data));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).expect("event");
    document()
        .body()
        .expect("body")
        .dispatch_event(&event)
        .expect("dispatch");
    settle().await;
    let totals = table(&container, "Totaux par financeur");
    // 1 789 + 1 789 = 3 578 (Creuse, action 7).
    assert_eq!(row_cells(&totals, "Total")[0], eur("3 578,00"));
    let status = container
        .query_selector("[role=status]")
        .unwrap()
        .expect("live region");
    assert!(text(&status).contains(&eur("3 578,00")));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_convention_is_saved_once_the_user_pauses() {
    let (container, _handle) = mount();
    type_into_paste_area(&container, "N°\tIntitulé\tEtat\tCD\n1\tA\t1 234,56\t100\n");
    // No leaving the page here: only the pause.
    let pause = budget_widget::store::storage::SAVE_DELAY_MS as u32 + 200;
    gloo_timers::future::TimeoutFuture::new(pause).await;
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    let saved = storage
        .get_item("budget-widget:convention")
        .unwrap()
        .expect("the working copy");
    let conv = budget_core::saved::from_json(&saved).expect("readable");
    assert_eq!(conv.actions.len(), 1);
    assert_eq!(conv.actions[0].planned[0].value.to_string(), "1234.56");
    container.remove();
}

#[wasm_bindgen_test]
async fn an_edit_is_saved_when_the_host_page_removes_the_widget() {
    let (container, handle) = mount();
    type_into_paste_area(&container, "N°\tIntitulé\tEtat\tCD\n1\tA\t10\t20\n");
    gloo_timers::future::TimeoutFuture::new(0).await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    // Not written yet: the user has not paused, nor left the page.
    assert_eq!(storage.get_item("budget-widget:convention").unwrap(), None);
    // The host page unmounts the widget before the pause ends.
    drop(handle);
    container.remove();
    let saved = storage
        .get_item("budget-widget:convention")
        .unwrap()
        .expect("written when the widget was removed");
    let conv = budget_core::saved::from_json(&saved).expect("readable");
    let values: Vec<String> = conv.actions[0]
        .planned
        .iter()
        .map(|p| p.value.to_string())
        .collect();
    assert_eq!(values, ["10", "20"]);
}

#[wasm_bindgen_test]
async fn the_convention_is_kept_across_a_reload() {
    let (container, handle) = mount();
    type_into_paste_area(&container, "N°\tIntitulé\tEtat\tCD\n1\tA\t1 234,56\t100\n");
    settle().await;
    drop(handle);
    container.remove();
    // A new calculator in the same browser finds it: 1 234,56 + 100 = 1 334,56.
    let doc = document();
    let again: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&again)
        .expect("append");
    let _handle = leptos::mount::mount_to(again.clone(), App);
    settle().await;
    assert_eq!(
        row_cells(&table(&again, "Totaux par financeur"), "Total")[0],
        eur("1 334,56")
    );
    again.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_save_is_kept_and_the_user_told() {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    storage.clear().expect("clear");
    storage
        .set_item(
            "budget-widget:convention",
            "{\"version\": 1, \"funders\": [tronqué",
        )
        .expect("set");
    let doc = document();
    let container: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let _handle = leptos::mount::mount_to(container.clone(), App);
    settle().await;
    let alert = container
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(
        text(&alert).contains("n’a pas pu être relue"),
        "{}",
        text(&alert)
    );
    // The unreadable text is still there, under a key of its own.
    let kept = (0..storage.length().expect("length"))
        .filter_map(|i| storage.key(i).ok().flatten())
        .find(|k| k.starts_with("budget-widget:illisible:"))
        .expect("kept aside");
    assert_eq!(
        storage.get_item(&kept).unwrap().as_deref(),
        Some("{\"version\": 1, \"funders\": [tronqué")
    );
    // In English, the reason too.
    switch_language(&container).await;
    let alert = text(
        &container
            .query_selector("[role=alert]")
            .unwrap()
            .expect("a notice"),
    );
    assert!(
        alert.contains("could not be read back: the file is not valid JSON (line 1"),
        "{alert}"
    );
    assert!(!alert.contains("fichier"), "{alert}");
    container.remove();
}

/// Clicks the button that switches the language, and waits for the page.
async fn switch_language(container: &HtmlElement) {
    container
        .query_selector("button.bw-lang")
        .unwrap()
        .expect("language button")
        .unchecked_ref::<HtmlElement>()
        .click();
    settle().await;
}

#[wasm_bindgen_test]
async fn switches_to_english() {
    let (container, _handle) = mount();
    settle().await;
    switch_language(&container).await;
    assert_eq!(
        text(&container.query_selector("h1").unwrap().expect("h1")),
        "Convention budget calculator"
    );
    container.remove();
}

/// Picks the option whose text is `label` in the `<select>` labelled `aria_label`.
fn choose(container: &HtmlElement, aria_label: &str, label: &str) {
    let select: web_sys::HtmlSelectElement = container
        .query_selector(&format!("select[aria-label='{aria_label}']"))
        .expect("query")
        .unwrap_or_else(|| panic!("no select {aria_label:?}"))
        .unchecked_into();
    select_option(&select, label);
}

#[wasm_bindgen_test]
async fn a_column_meaning_changed_in_the_preview_changes_the_totals() {
    let (container, _handle) = mount();
    // Column C's heading means nothing to the reader: it is ignored at first.
    type_into_paste_area(
        &container,
        "N°\tIntitulé\tCrédits mystère\tCD\n1\tMaraudes\t60 000\t60 000\n2\tFormation\t11 000\t11 000\n",
    );
    settle().await;
    let totals = table(&container, "Totaux par financeur");
    // Only the Département counts: 60 000 + 11 000 = 71 000.
    assert_eq!(row_cells(&totals, "Total")[0], eur("71 000,00"));
    choose(&container, "Sens de la colonne C", "Prévu — État");
    settle().await;
    let totals = table(&container, "Totaux par financeur");
    // Now the State too: 60 000 + 11 000 = 71 000; total 142 000.
    assert_eq!(row_cells(&totals, "État")[0], eur("71 000,00"));
    assert_eq!(row_cells(&totals, "Total")[0], eur("142 000,00"));
    container.remove();
}

#[wasm_bindgen_test]
async fn an_import_is_undone_in_one_step() {
    let (container, _handle) = mount();
    type_into_paste_area(&container, "N°\tIntitulé\tEtat\tCD\n1\tA\t10\t20\n");
    settle().await;
    click_button(&container, "Valider la lecture");
    settle().await;
    // A second import, then undone: the first one's totals come back (10 + 20 = 30).
    type_into_paste_area(&container, "N°\tIntitulé\tEtat\tCD\n1\tB\t1 000\t2 000\n");
    settle().await;
    assert_eq!(
        row_cells(&table(&container, "Totaux par financeur"), "Total")[0],
        eur("3 000,00")
    );
    click_button(&container, "Annuler l’import");
    settle().await;
    assert_eq!(
        row_cells(&table(&container, "Totaux par financeur"), "Total")[0],
        eur("30,00")
    );
    assert!(container.query_selector(".bw-mapping").unwrap().is_none());
    container.remove();
}
