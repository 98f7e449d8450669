//! Tests of « Mes conventions » and of the share link, in headless Chromium:
//! `cargo test -p budget-widget --target wasm32-unknown-unknown --test store`.
//!
//! First the pure rules of the share code (base64url, the `#c=` fragment; the
//! index format, migration, scenario names and ids are tested natively in
//! `crates/budget-core/tests/kept.rs`), then the panel and the link as a user meets
//! them. Figures are worked out by hand in each test.
#![cfg(target_arch = "wasm32")]

use budget_core::kept::{self as catalog, Index};
use budget_core::{saved, Convention, Lang};
use budget_widget::state::Workspace;
use budget_widget::store::library::{Library, LibraryPanel};
use budget_widget::store::share_code::{self, DecodeError};
use budget_widget::store::storage::Autosave;
use budget_widget::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, Storage};

mod support;
use support::{document, text, type_into_paste_area};
wasm_bindgen_test_configure!(run_in_browser);

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';
const INDEX: &str = "budget-widget:liste";
const WORKING: &str = "budget-widget:convention";

// ---------------------------------------------------------------- pure rules

#[wasm_bindgen_test]
fn base64url_encodes_the_rfc_4648_vectors_without_padding() {
    // RFC 4648 §10, padding dropped.
    let cases = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, coded) in cases {
        assert_eq!(share_code::encode(plain.as_bytes()), coded, "{plain:?}");
        if !plain.is_empty() {
            assert_eq!(share_code::decode(coded).unwrap(), plain.as_bytes());
        }
    }
    // 0xFB 0xFF is "+/8=" in standard base64: "-_8" in base64url.
    assert_eq!(share_code::encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(share_code::decode("-_8").unwrap(), vec![0xfb, 0xff]);
}

#[wasm_bindgen_test]
fn base64url_round_trips_every_byte_and_forgives_padding_and_line_breaks() {
    let all: Vec<u8> = (0..=255).collect();
    for len in 0..all.len() {
        let bytes = &all[..len];
        if len > 0 {
            assert_eq!(
                share_code::decode(&share_code::encode(bytes)).unwrap(),
                bytes
            );
        }
    }
    assert_eq!(share_code::decode("Zm8=").unwrap(), b"fo");
    assert_eq!(share_code::decode("Zm9v\r\nYmFy\n").unwrap(), b"foobar");
}

#[wasm_bindgen_test]
fn base64url_refuses_what_no_encoder_writes_and_says_where() {
    // '!' is the 5th character.
    assert_eq!(
        share_code::decode("Zm9v!mFy"),
        Err(DecodeError::BadChar {
            position: 5,
            found: '!'
        })
    );
    // '+' belongs to standard base64, not to base64url.
    assert!(matches!(
        share_code::decode("Zm+v"),
        Err(DecodeError::BadChar { position: 3, .. })
    ));
    // 5 characters: one left over, the link was cut.
    assert_eq!(share_code::decode("Zm9vY"), Err(DecodeError::BadLength));
    assert_eq!(share_code::decode(""), Err(DecodeError::Empty));
    assert!(share_code::decode("Zm9v!")
        .unwrap_err()
        .to_string()
        .contains("« ! »"));
}

#[wasm_bindgen_test]
fn the_share_fragment_is_recognised_and_the_link_made_from_the_page() {
    assert_eq!(share_code::payload_of("#c=Zm9v"), Some("Zm9v"));
    assert_eq!(share_code::payload_of("#c="), Some(""));
    assert_eq!(share_code::payload_of("#haut"), None);
    assert_eq!(share_code::payload_of(""), None);
    assert_eq!(
        share_code::link("https://www.departement.fr/budget?x=1#haut", "Zm9v"),
        "https://www.departement.fr/budget?x=1#c=Zm9v"
    );
    assert_eq!(
        share_code::link("http://127.0.0.1:8080/", "Zm9v"),
        "http://127.0.0.1:8080/#c=Zm9v"
    );
}

// ------------------------------------------------------------ in the browser

fn storage() -> Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage")
}

fn container() -> HtmlElement {
    let doc = document();
    let container: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    container
}

/// Mounts the calculator on the storage as it is.
fn mount_app() -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    let container = container();
    let handle = leptos::mount::mount_to(container.clone(), App);
    (container, handle)
}

/// [`support::settle`], then one more turn for what the library does once
/// the waiting save is written.
async fn settle() {
    support::settle().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits (two seconds at most) until `done` holds: for the browser's streams.
async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("still waiting for {what}");
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).expect("query");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.unchecked_into::<Element>())
        .collect()
}

fn eur(s: &str) -> String {
    format!("{}{NBSP}€", s.replace(' ', &NNBSP.to_string()))
}

/// The grand total of the "Totaux par financeur" table, if it is shown.
fn grand_total(container: &HtmlElement) -> Option<String> {
    let table = all(container, "table").into_iter().find(|t| {
        t.query_selector("caption")
            .ok()
            .flatten()
            .is_some_and(|c| text(&c) == "Totaux par financeur")
    })?;
    all(&table, "tr").into_iter().find_map(|row| {
        let th = row.query_selector("th").ok().flatten()?;
        (text(&th) == "Total")
            .then(|| all(&row, "td").first().map(text))
            .flatten()
    })
}

/// The names in « Mes conventions », in order, with " (ouverte)" after the
/// open one.
fn listed(container: &HtmlElement) -> Vec<String> {
    all(container, ".bw-lib-item")
        .iter()
        .map(|li| {
            let name = li
                .query_selector("strong")
                .ok()
                .flatten()
                .map(|s| text(&s))
                .unwrap_or_default();
            if li.get_attribute("aria-current").as_deref() == Some("true") {
                format!("{name} (ouverte)")
            } else {
                name
            }
        })
        .collect()
}

/// The line of the list whose name starts with `name`.
fn line(container: &HtmlElement, name: &str) -> Element {
    all(container, ".bw-lib-item")
        .into_iter()
        .find(|li| {
            li.query_selector("strong")
                .ok()
                .flatten()
                .is_some_and(|s| text(&s).starts_with(name))
        })
        .unwrap_or_else(|| panic!("no line {name:?} in {:?}", listed(container)))
}

/// Clicks "Renommer" on the entry `name` and gives its name field.
async fn rename_field(page: &HtmlElement, name: &str) -> web_sys::HtmlInputElement {
    click(&line(page, name), "Renommer");
    settle().await;
    line(page, name)
        .query_selector("input[type=text]")
        .unwrap()
        .expect("the name field")
        .unchecked_into()
}

fn click(root: &Element, label: &str) {
    all(root, "button")
        .into_iter()
        .find(|b| text(b) == label)
        .unwrap_or_else(|| panic!("no button {label:?} in {}", text(root)))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// The kept conventions' keys and the index, read from the storage.
fn index_in_storage() -> Index {
    catalog::parse_index(&storage().get_item(INDEX).unwrap().expect("an index")).unwrap()
}

fn kept(id: &str) -> Option<Convention> {
    storage()
        .get_item(&catalog::data_key(id))
        .unwrap()
        .map(|raw| saved::from_json(&raw).expect("a readable copy"))
}

fn planned_total(conv: &Convention) -> String {
    budget_core::figures::grand_planned(conv)
        .map(|g| format!("{:.2}", g.total))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn two_conventions_renamed_switched_duplicated_and_deleted() {
    storage().clear().unwrap();
    let (page, _handle) = mount_app();
    let root: &Element = page.as_ref();
    // First convention: 100 + 50 = 150.
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tA\t100\t50\n");
    settle().await;
    assert_eq!(grand_total(&page), Some(eur("150,00")));
    let names = listed(&page);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(
        names[0].starts_with("Convention sans titre (") && names[0].ends_with(") (ouverte)"),
        "{names:?}"
    );

    // Renamed inline: the entry and the convention's title.
    let input = rename_field(&page, "Convention sans titre").await;
    let label = page
        .query_selector(&format!("label[for='{}']", input.id()))
        .unwrap()
        .expect("a label for the name field");
    assert!(text(&label).starts_with("Nouveau nom pour"));
    input.set_value("  Première  ");
    click(&line(&page, "Convention sans titre"), "Enregistrer le nom");
    settle().await;
    assert_eq!(listed(&page), vec!["Première (ouverte)"]);
    let index = index_in_storage();
    let first = index.conventions[0].id.clone();
    assert_eq!(index.conventions[0].name, "Première");
    assert_eq!(index.current.as_deref(), Some(first.as_str()));
    assert_eq!(kept(&first).expect("kept").title, "Première");

    // A new, empty convention: the first is kept, the calculator is empty.
    click(root, "Nouvelle convention");
    settle().await;
    assert_eq!(grand_total(&page), None);
    let names = listed(&page);
    assert_eq!(names.len(), 2);
    assert_eq!(names[0], "Première");
    assert!(names[1].ends_with("(ouverte)"), "{names:?}");
    // Second convention: 1 000 + 2 000 = 3 000.
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tB\t1 000\t2 000\n");
    settle().await;
    assert_eq!(grand_total(&page), Some(eur("3 000,00")));
    let second = index_in_storage().conventions[1].id.clone();
    assert_eq!(planned_total(&kept(&second).expect("kept")), "3000.00");

    // A name another convention has (case and blanks aside) is refused,
    // said under the field, which stays open with what was typed.
    let input = rename_field(&page, "Convention sans titre").await;
    input.set_value(" PREMIÈRE ");
    click(&line(&page, "Convention sans titre"), "Enregistrer le nom");
    settle().await;
    let alert = line(&page, "Convention sans titre")
        .query_selector("[role=alert]")
        .unwrap()
        .expect("the name is said to be taken");
    assert_eq!(
        text(&alert),
        "Une autre convention de ce navigateur porte déjà ce nom : choisissez-en un autre."
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby"), Some(alert.id()));
    assert_eq!(input.value(), " PREMIÈRE ");
    assert_eq!(index_in_storage().conventions[1].name, "");
    click(&line(&page, "Convention sans titre"), "Annuler");
    settle().await;
    let names = listed(&page);
    assert_eq!(names[0], "Première");
    assert!(names[1].starts_with("Convention sans titre ("), "{names:?}");

    // Back to the first: its figures, and the second kept as it was.
    click(&line(&page, "Première"), "Ouvrir");
    settle().await;
    assert_eq!(grand_total(&page), Some(eur("150,00")));
    assert_eq!(index_in_storage().current.as_deref(), Some(first.as_str()));
    assert_eq!(planned_total(&kept(&second).expect("kept")), "3000.00");
    // The undo history belongs to the second: nothing to undo here.
    let undo = all(root, ".bw-history button")
        .into_iter()
        .find(|b| text(b) == "Annuler")
        .expect("undo button");
    assert!(undo.has_attribute("disabled"));

    // Duplicated as a scenario: a copy named after it, which becomes current.
    click(&line(&page, "Première"), "Dupliquer en scénario");
    settle().await;
    let names = listed(&page);
    assert_eq!(names.len(), 3);
    assert_eq!(names[0], "Première");
    assert_eq!(names[2], "Première — scénario 1 (ouverte)");
    assert_eq!(grand_total(&page), Some(eur("150,00")));
    let third = index_in_storage().conventions[2].id.clone();
    assert_eq!(kept(&third).expect("kept").title, "Première — scénario 1");
    // A second copy of the first takes the next number.
    click(&line(&page, "Première"), "Dupliquer en scénario");
    settle().await;
    assert_eq!(listed(&page)[3], "Première — scénario 2 (ouverte)");

    // Delete asks first; « Annuler » keeps it.
    click(&line(&page, "Première — scénario 2"), "Supprimer");
    settle().await;
    let question = line(&page, "Première — scénario 2")
        .query_selector(".bw-lib-confirm p")
        .unwrap()
        .expect("a question");
    assert!(text(&question).starts_with("Supprimer de ce navigateur « Première — scénario 2 » ?"));
    click(&line(&page, "Première — scénario 2"), "Annuler");
    settle().await;
    assert_eq!(listed(&page).len(), 4);
    // Confirmed: gone from the list and from the storage; it was open, so the
    // calculator is empty.
    let fourth = index_in_storage().conventions[3].id.clone();
    click(&line(&page, "Première — scénario 2"), "Supprimer");
    settle().await;
    click(&line(&page, "Première — scénario 2"), "Oui, supprimer");
    settle().await;
    assert_eq!(listed(&page).len(), 3);
    assert!(kept(&fourth).is_none());
    assert_eq!(index_in_storage().conventions.len(), 3);
    assert_eq!(grand_total(&page), None);
    assert!(storage().get_item(WORKING).unwrap().is_none());
    // Told, and it can be put back: at its place, kept again, open again (the
    // calculator is still empty).
    let deleted = page
        .query_selector(".bw-lib-deleted")
        .unwrap()
        .expect("the deletion told");
    assert_eq!(deleted.get_attribute("role").as_deref(), Some("status"));
    assert!(text(&deleted).starts_with("Supprimée de ce navigateur : « Première — scénario 2 »."));
    click(&deleted, "Rétablir");
    settle().await;
    assert_eq!(text(&deleted), "");
    assert_eq!(listed(&page)[3], "Première — scénario 2 (ouverte)");
    assert_eq!(index_in_storage().conventions[3].id, fourth);
    assert_eq!(
        kept(&fourth).expect("kept again").title,
        "Première — scénario 2"
    );
    assert_eq!(grand_total(&page), Some(eur("150,00")));
    // Deleted again; the message can be dismissed.
    click(&line(&page, "Première — scénario 2"), "Supprimer");
    settle().await;
    click(&line(&page, "Première — scénario 2"), "Oui, supprimer");
    settle().await;
    assert_eq!(listed(&page).len(), 3);
    click(&deleted, "Fermer ce message");
    settle().await;
    assert_eq!(text(&deleted), "");
    // A line that is not open is deleted the same way, and the others stay.
    click(&line(&page, "Première — scénario 1"), "Supprimer");
    settle().await;
    click(&line(&page, "Première — scénario 1"), "Oui, supprimer");
    settle().await;
    assert!(kept(&third).is_none());
    let names = listed(&page);
    assert_eq!(names[0], "Première");
    assert_eq!(names.len(), 2);
    // Put back, it is not opened: the calculator stays empty.
    click(&deleted, "Rétablir");
    settle().await;
    assert_eq!(listed(&page)[2], "Première — scénario 1");
    assert_eq!(
        kept(&third).expect("kept again").title,
        "Première — scénario 1"
    );
    assert_eq!(grand_total(&page), None);
    page.remove();
}

/// The title typed in *Paramètres* names the open convention in « Mes
/// conventions »: when another kept one has it (case and blanks aside), the
/// form says so under the field, and the title stays (it is free text).
#[wasm_bindgen_test]
async fn a_title_another_kept_convention_has_is_said_under_the_field() {
    storage().clear().unwrap();
    let (page, _handle) = mount_app();
    let root: &Element = page.as_ref();
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tA\t100\t50\n");
    settle().await;
    let input = rename_field(&page, "Convention sans titre").await;
    input.set_value("Première");
    click(&line(&page, "Convention sans titre"), "Enregistrer le nom");
    settle().await;
    click(root, "Nouvelle convention");
    settle().await;
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tB\t1 000\t2 000\n");
    settle().await;

    let title: web_sys::HtmlInputElement = page
        .query_selector("#bw-set-title")
        .unwrap()
        .expect("the title field")
        .unchecked_into();
    let set_title = |v: &str| {
        title.set_value(v);
        let change = web_sys::Event::new("change").unwrap();
        title.dispatch_event(&change).unwrap();
    };
    let said = || page.query_selector("#bw-set-title-taken").unwrap();
    assert!(said().is_none());
    set_title(" PREMIÈRE ");
    settle().await;
    let note = said().expect("the title is said to be taken");
    assert_eq!(
        text(&note),
        "Une autre convention de « Mes conventions » porte déjà ce titre : donnez-en un autre \
         à celle-ci pour les distinguer dans la liste."
    );
    assert_eq!(
        title.get_attribute("aria-describedby").as_deref(),
        Some("bw-set-title-taken")
    );
    assert_eq!(listed(&page), ["Première", "PREMIÈRE (ouverte)"]);
    // Another title: nothing said any more.
    set_title("Seconde");
    settle().await;
    assert!(said().is_none());
    assert_eq!(title.get_attribute("aria-describedby"), None);
    assert_eq!(listed(&page), ["Première", "Seconde (ouverte)"]);
    page.remove();
}

#[wasm_bindgen_test]
async fn the_kept_conventions_are_offered_to_the_comparison() {
    storage().clear().unwrap();
    let page = container();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None::<Library>));
    let out = slot.clone();
    let _handle = leptos::mount::mount_to(page.clone(), move || {
        let ws = Workspace::new();
        let library = Library::new(ws);
        out.set(Some(library));
        view! {
            <Autosave ws=ws />
            <LibraryPanel library=library />
        }
    });
    let library = slot.get().expect("the library");
    let root: &Element = page.as_ref();
    settle().await;
    assert!(library.scenarios.get_untracked().is_empty());
    assert_eq!(
        text(&page.query_selector(".bw-empty").unwrap().expect("empty")),
        "Aucune convention gardée pour l’instant : collez un tableau, il sera gardé ici."
    );

    let conv = |title: &str, state: &str| {
        let mut c =
            budget_core::read::read_table(&format!("N°\tIntitulé\tEtat\tCD\n1\tA\t{state}\t100\n"))
                .convention;
        c.title = title.to_string();
        c
    };
    library.add(conv("Base", "100"));
    settle().await;
    library.add(conv("Variante", "300"));
    settle().await;
    let shown = library.scenarios.get_untracked();
    let names: Vec<&str> = shown.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Base", "Variante"]);
    // 100 + 100 = 200; 300 + 100 = 400.
    assert_eq!(planned_total(&shown[0].1), "200.00");
    assert_eq!(planned_total(&shown[1].1), "400.00");
    // Renaming the open one (Enter saves, as the button does) renames it here too.
    click(&line(&page, "Variante"), "Renommer");
    settle().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(".bw-lib-rename input")
        .unwrap()
        .expect("name field")
        .unchecked_into();
    input.set_value("Variante B");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&enter).unwrap();
    settle().await;
    let shown = library.scenarios.get_untracked();
    assert_eq!(shown[1].0, "Variante B");
    assert_eq!(shown[1].1.title, "Variante B");
    page.remove();
}

#[wasm_bindgen_test]
async fn an_old_browser_s_single_save_is_brought_into_the_list() {
    let store = storage();
    store.clear().unwrap();
    let mut old =
        budget_core::read::read_table("N°\tIntitulé\tEtat\tCD\n1\tA\t100\t50\n").convention;
    old.title = "Ancienne".into();
    store.set_item(WORKING, &saved::to_json(&old)).unwrap();
    let (page, _handle) = mount_app();
    settle().await;
    assert_eq!(listed(&page), vec!["Ancienne (ouverte)"]);
    let index = index_in_storage();
    assert_eq!(index.conventions.len(), 1);
    let id = index.conventions[0].id.clone();
    assert_eq!(index.current.as_deref(), Some(id.as_str()));
    assert_eq!(kept(&id), Some(old));
    // The working copy is untouched: 100 + 50 = 150.
    assert_eq!(grand_total(&page), Some(eur("150,00")));
    page.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_list_is_kept_aside_and_rebuilt_from_the_kept_conventions() {
    let store = storage();
    store.clear().unwrap();
    let kept_one = Convention {
        title: "Gardée".into(),
        ..Convention::default()
    };
    store
        .set_item(INDEX, "{\"version\": 1, \"conventions\": [tronq")
        .unwrap();
    store
        .set_item("budget-widget:c:abc", &saved::to_json(&kept_one))
        .unwrap();
    let (page, _handle) = mount_app();
    settle().await;
    let alert = all(&page, "[role=alert]")
        .into_iter()
        .find(|a| text(a).contains("La liste de vos conventions n’a pas pu être lue"))
        .expect("the user is told");
    assert!(
        text(&alert).contains("budget-widget:illisible:"),
        "{}",
        text(&alert)
    );
    // The unreadable text is kept, under a key of its own.
    let aside = (0..store.length().unwrap())
        .filter_map(|i| store.key(i).ok().flatten())
        .find(|k| k.starts_with("budget-widget:illisible:"))
        .expect("kept aside");
    assert_eq!(
        store.get_item(&aside).unwrap().as_deref(),
        Some("{\"version\": 1, \"conventions\": [tronq")
    );
    // The list, rebuilt, has the kept convention, and is readable again.
    assert_eq!(listed(&page), vec!["Gardée"]);
    assert_eq!(index_in_storage().conventions[0].id, "abc");
    page.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_kept_convention_is_marked_and_never_replaces_the_open_one() {
    let store = storage();
    store.clear().unwrap();
    store
        .set_item(
            INDEX,
            r#"{"version":1,"current":null,"conventions":[{"id":"x1","name":"Abîmée","updated":0}]}"#,
        )
        .unwrap();
    store
        .set_item("budget-widget:c:x1", "{\"version\": 1, \"fund")
        .unwrap();
    let (page, _handle) = mount_app();
    settle().await;
    assert!(all(&page, "[role=alert]")
        .iter()
        .any(|a| text(a).contains("La convention gardée « Abîmée »")));
    let abimee = line(&page, "Abîmée");
    assert!(text(&abimee).contains("illisible"), "{}", text(&abimee));
    // 10 + 20 = 30 typed; opening the unreadable one changes nothing.
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tA\t10\t20\n");
    settle().await;
    click(&line(&page, "Abîmée"), "Ouvrir");
    settle().await;
    assert_eq!(grand_total(&page), Some(eur("30,00")));
    assert_eq!(
        store.get_item("budget-widget:c:x1").unwrap().as_deref(),
        Some("{\"version\": 1, \"fund")
    );
    page.remove();
}

/// Sets the page's fragment without reloading.
fn set_fragment(fragment: &str) {
    let window = web_sys::window().expect("window");
    let location = window.location();
    let url = format!(
        "{}{}{fragment}",
        location.pathname().unwrap(),
        location.search().unwrap()
    );
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_convention_survives_the_browser_s_compression_and_base64url() {
    let mut conv = budget_core::read::read_table(
        "N°\tIntitulé\tEtat\tCD\n1\tCrèche « test »\t93 507\t146 000\n",
    )
    .convention;
    conv.title = "Vienne 2024 — partage".into();
    let data = budget_widget::store::share::encode(&conv).await.unwrap();
    assert!(data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    // Compressed: shorter than the saved JSON.
    assert!(data.len() < saved::to_json(&conv).len());
    assert_eq!(
        budget_widget::store::share::decode(&data).await.unwrap(),
        conv
    );
    // Not base64url, not deflate, not a convention: each says why.
    use budget_widget::store::share::LinkError;
    let e = budget_widget::store::share::decode("abc!")
        .await
        .unwrap_err();
    assert_eq!(
        e,
        LinkError::Code(DecodeError::BadChar {
            position: 4,
            found: '!'
        })
    );
    assert!(e.message(Lang::Fr).contains("« ! »"), "{e:?}");
    let e = budget_widget::store::share::decode(&share_code::encode(b"pas du deflate"))
        .await
        .unwrap_err();
    assert!(
        matches!(e, LinkError::Damaged | LinkError::Saved(_)),
        "{e:?}"
    );
    if e == LinkError::Damaged {
        assert_eq!(
            e.message(Lang::En),
            "the data is damaged (incomplete or changed link?)"
        );
    }
}

#[wasm_bindgen_test]
async fn a_shared_link_is_offered_and_added_as_a_new_convention() {
    storage().clear().unwrap();
    let mut shared =
        budget_core::read::read_table("N°\tIntitulé\tEtat\tCD\n1\tA\t700\t300\n").convention;
    shared.title = "<b>Partagée</b>".into();
    let data = budget_widget::store::share::encode(&shared).await.unwrap();
    set_fragment(&format!("#c={data}"));
    let (page, _handle) = mount_app();
    // The fragment leaves the address at once.
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
    wait_until("the offer", || {
        all(&page, "[role=alert]")
            .iter()
            .any(|a| text(a).contains("Ce lien contient une convention partagée"))
    })
    .await;
    let banner = all(&page, "[role=alert]")
        .into_iter()
        .find(|a| text(a).contains("Ce lien contient une convention partagée"))
        .unwrap();
    // The title is text, never markup.
    assert!(
        text(&banner).contains("« <b>Partagée</b> » (1\u{a0}action)"),
        "{}",
        text(&banner)
    );
    assert!(banner.query_selector("b").unwrap().is_none());
    // Nothing is loaded before the user says so.
    assert_eq!(grand_total(&page), None);
    click(&banner, "Ouvrir comme nouvelle convention");
    settle().await;
    // 700 + 300 = 1 000.
    assert_eq!(grand_total(&page), Some(eur("1 000,00")));
    assert_eq!(listed(&page), vec!["<b>Partagée</b> (ouverte)"]);
    assert!(!text(&page).contains("Ce lien contient une convention partagée"));
    page.remove();
}

#[wasm_bindgen_test]
async fn a_broken_shared_link_is_reported_and_nothing_is_lost() {
    let store = storage();
    store.clear().unwrap();
    let mine = budget_core::read::read_table("N°\tIntitulé\tEtat\tCD\n1\tA\t10\t20\n").convention;
    store.set_item(WORKING, &saved::to_json(&mine)).unwrap();
    set_fragment("#c=n'importe quoi");
    let (page, _handle) = mount_app();
    wait_until("the error", || {
        all(&page, "[role=alert]")
            .iter()
            .any(|a| text(a).contains("Le lien de partage n’a pas pu être lu"))
    })
    .await;
    let alert = all(&page, "[role=alert]")
        .into_iter()
        .find(|a| text(a).contains("Le lien de partage n’a pas pu être lu"))
        .unwrap();
    assert!(text(&alert).contains("caractère « ' »"), "{}", text(&alert));
    assert!(text(&alert).contains("Rien n’a été modifié."));
    // 10 + 20 = 30, still there.
    assert_eq!(grand_total(&page), Some(eur("30,00")));
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
    // In English, the reason too.
    page.query_selector("button.bw-lang")
        .unwrap()
        .expect("language button")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    wait_until("the English error", || {
        all(&page, "[role=alert]")
            .iter()
            .any(|a| text(a).contains("unexpected character “'” at position"))
    })
    .await;
    page.remove();
}

/// Asks for the share link and gives the field it is shown in.
async fn share_link_field(page: &HtmlElement) -> web_sys::HtmlInputElement {
    click(page.as_ref(), "Copier le lien de partage");
    wait_until("the link", || {
        page.query_selector("#bw-share-link")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    page.query_selector("#bw-share-link")
        .unwrap()
        .expect("the link field")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_share_link_is_shown_in_a_labelled_read_only_field() {
    storage().clear().unwrap();
    let (page, _handle) = mount_app();
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tA\t1 234,56\t100\n");
    settle().await;
    let field = share_link_field(&page).await;
    assert!(field.read_only());
    let label = page
        .query_selector("label[for=bw-share-link]")
        .unwrap()
        .expect("a label");
    assert_eq!(text(&label), "Lien de partage (lecture seule)");
    let link = field.value();
    let (page_part, data) = link.split_once("#c=").expect("a #c= fragment");
    assert!(!page_part.contains('#'));
    let back = budget_widget::store::share::decode(data).await.unwrap();
    // 1 234,56 + 100 = 1 334,56.
    assert_eq!(planned_total(&back), "1334.56");
    // Copied, or selected for Ctrl+C: the user is told either way.
    wait_until("the copy status", || {
        all(&page, "[role=status]").iter().any(|s| {
            let t = text(s);
            t.contains("Lien copié") || t.contains("appuyez sur Ctrl+C")
        })
    })
    .await;
    // A short link: no note about its length.
    assert!(page.query_selector("#bw-share-long").unwrap().is_none());
    // Changing the convention takes the outdated link away.
    type_into_paste_area(&page, "N°\tIntitulé\tEtat\tCD\n1\tA\t1\t1\n");
    settle().await;
    assert!(page.query_selector("#bw-share-link").unwrap().is_none());
    page.remove();
}

#[wasm_bindgen_test]
async fn a_long_share_link_says_its_length_and_what_to_send_instead() {
    storage().clear().unwrap();
    let (page, _handle) = mount_app();
    // 800 actions with titles and amounts that do not compress well.
    let mut seed: u64 = 12345;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut tsv = String::from("N°\tIntitulé\tEtat\tCD\n");
    for i in 1..=800 {
        tsv.push_str(&format!(
            "{i}\tAction {:x}\t{},{:02}\t{}\n",
            next(),
            next() % 100_000,
            next() % 100,
            next() % 100_000
        ));
    }
    type_into_paste_area(&page, &tsv);
    settle().await;
    let field = share_link_field(&page).await;
    let length = field.value().chars().count();
    assert!(length > 8_000, "{length}");
    // The length grouped by thousands as French writes it.
    let digits = length.to_string();
    let (head, tail) = digits.split_at(digits.len() - 3);
    let note = text(&page.query_selector("#bw-share-long").unwrap().unwrap());
    assert_eq!(
        note,
        format!(
            "Ce lien fait {head}\u{202f}{tail} caractères : certaines messageries et certains \
             logiciels de courriel coupent les liens aussi longs. Pour une grande convention, \
             envoyez plutôt le fichier enregistré (.json)."
        )
    );
    page.remove();
}
