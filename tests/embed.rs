//! Component tests of the embedding options (src/embed.rs) in headless
//! Chromium: `cargo test -p budget-widget --target wasm32-unknown-unknown`.
//! The host pages themselves are tested end to end (e2e/tests/embed.test.mjs).
#![cfg(target_arch = "wasm32")]

use budget_core::Lang;
use budget_widget::shell::embed::EmbedOptions;
use budget_widget::ui::browser_files::asset_url;
use budget_widget::App;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn options(pairs: &[(&str, &str)]) -> EmbedOptions {
    EmbedOptions::from_attributes(|name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

#[wasm_bindgen_test]
fn the_attributes_are_read_and_anything_else_ignored() {
    assert_eq!(options(&[]), EmbedOptions::default());
    let o = options(&[
        ("data-lang", " EN "),
        ("data-title", " Simulateur CDS "),
        ("data-convention", "conventions/vienne.json"),
    ]);
    assert_eq!(o.lang, Some(Lang::En));
    assert_eq!(o.title.as_deref(), Some("Simulateur CDS"));
    assert_eq!(o.convention_url.as_deref(), Some("conventions/vienne.json"));
    // An unknown language, a blank title, an empty address: as if absent.
    let o = options(&[
        ("data-lang", "de"),
        ("data-title", "   "),
        ("data-convention", ""),
    ]);
    assert_eq!(o, EmbedOptions::default());
    assert_eq!(o.heading(Lang::Fr), "Calculateur budgétaire de convention");
    assert_eq!(o.heading(Lang::En), "Convention budget calculator");
}

#[wasm_bindgen_test]
fn the_widgets_files_are_found_next_to_the_boot_script() {
    let global = js_sys::global();
    let key = JsValue::from_str("budgetWidgetBase");
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
    assert_eq!(
        asset_url("budget-sheets_loader.js"),
        "./budget-sheets_loader.js"
    );
    let _ = js_sys::Reflect::set(
        &global,
        &key,
        &JsValue::from_str("https://www.example.fr/calculateur/"),
    );
    assert_eq!(
        asset_url("budget-sheets_loader.js"),
        "https://www.example.fr/calculateur/budget-sheets_loader.js"
    );
    // Not a folder: ignored.
    let _ = js_sys::Reflect::set(&global, &key, &JsValue::from_str("https://x/boot.js"));
    assert_eq!(asset_url("a.js"), "./a.js");
    let _ = js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key);
}

#[wasm_bindgen_test]
async fn the_calculator_takes_the_hosts_title_and_language() {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let container: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let host = EmbedOptions {
        lang: Some(Lang::En),
        title: Some("Simulateur de la convention".to_string()),
        ..EmbedOptions::default()
    };
    let _handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(host);
        view! { <App /> }
    });
    gloo_timers::future::TimeoutFuture::new(0).await;
    let heading = container.query_selector("h1").ok().flatten().expect("h1");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("Simulateur de la convention")
    );
    // In English from the start: the language button offers French.
    let buttons = container.query_selector_all("button").expect("buttons");
    let labels: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|b| b.text_content())
        .collect();
    assert!(labels.iter().any(|l| l.trim() == "Français"), "{labels:?}");
    container.remove();
}
