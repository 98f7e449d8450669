//! Embedding the widget in a host page.
//!
//! Two ways (see the README, "Intégration / Embedding"):
//!
//! - **iframe**: the page `index.html` is the whole widget; nothing here applies
//!   (the boot script reports the page's height to the parent).
//! - **script mount**: the host page loads our boot script (`embed.js`) and holds
//!   one or more `<div data-budget-widget>`; the widget mounts into each, with
//!   the options of its attributes:
//!   - `data-lang="fr|en"`: the language at start (the user can still switch);
//!   - `data-title="…"`: the widget's heading, instead of the default one;
//!   - `data-convention="URL"`: a saved convention (`.json`, same origin) shown
//!     when the browser holds no convention of the user's yet.
//!
//! Without such a `<div>`, the widget mounts into `<body>` (the page of its own).
//! The options reach [`crate::App`] as a Leptos context ([`EmbedOptions`]).

use budget_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::Workspace;
use crate::ui::i18n::{colon, t, Key};

/// Attribute that marks the host page's mount points.
pub const MOUNT_ATTRIBUTE: &str = "data-budget-widget";

/// What a host page asks of the widget (`data-…` attributes of its mount point).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// Language at start (`data-lang`).
    pub lang: Option<Lang>,
    /// Heading of the widget (`data-title`).
    pub title: Option<String>,
    /// A saved convention to show when the user has none (`data-convention`).
    pub convention_url: Option<String>,
    /// The host's element the widget is mounted in (script mount only).
    pub mount_point: Option<web_sys::Element>,
}

impl EmbedOptions {
    /// The options of a mount point, from its attributes. Anything unknown or
    /// empty is ignored.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Self {
            lang: text("data-lang").and_then(|l| match l.to_ascii_lowercase().as_str() {
                "fr" => Some(Lang::Fr),
                "en" => Some(Lang::En),
                _ => None,
            }),
            title: text("data-title"),
            convention_url: text("data-convention"),
            mount_point: None,
        }
    }

    /// Whether a paste outside any field is for this widget. On a page of its
    /// own, always. In a host page, only when it happens in the widget (the
    /// focused element, or the place the user last clicked, is inside its mount
    /// point): a paste elsewhere in the host page is left to the host.
    pub fn paste_is_for(&self, event: &web_sys::Event) -> bool {
        let Some(point) = &self.mount_point else {
            return true;
        };
        let inside = |node: Option<web_sys::Node>| node.is_some_and(|n| point.contains(Some(&n)));
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let clicked = web_sys::window()
            .and_then(|w| w.get_selection().ok().flatten())
            .and_then(|s| s.anchor_node());
        inside(target) || inside(clicked)
    }

    /// The heading shown: the host's title, or the calculator's name.
    pub fn heading(&self, lang: Lang) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| t(lang, Key::AppTitle).to_string())
    }
}

/// Mounts the calculator into every `<div data-budget-widget>` of the page, or
/// into `<body>` when there is none. When the start has something saved to
/// read (see [`start_reads_json`]), the JSON reader and the workbench are
/// fetched first (from the offline cache after a first visit): they come
/// apart from the first load (`chunks::json_reader`, `chunks::workbench_ready`),
/// and the saved convention is then shown from the first frame.
pub fn mount() {
    if !cfg!(feature = "split") || !start_reads_json() {
        mount_now();
        return;
    }
    // (Leptos' task executor is set up by mounting: not yet here.)
    wasm_bindgen_futures::spawn_local(async {
        if crate::chunks::json::json_reader().await && crate::shell::chunks::workbench_ready().await
        {
            crate::shell::chunks::workbench_fetched_at_start();
            mount_now();
        } else {
            reader_missing();
        }
    });
}

/// Whether the start reads JSON: the browser keeps a convention or the list
/// of kept ones (any key of the widget's but its preferences), or the address
/// holds a share link (`#c=…`; a host page's own anchors do not count).
fn start_reads_json() -> bool {
    use crate::store::storage::{LANGUAGE_KEY, PAGE_SIZE_KEY};
    let kept = crate::store::storage::storage().is_ok_and(|store| {
        (0..store.length().unwrap_or(0))
            .filter_map(|i| store.key(i).ok().flatten())
            .any(|k| k.starts_with("budget-widget:") && k != LANGUAGE_KEY && k != PAGE_SIZE_KEY)
    });
    let link = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| crate::store::share_code::payload_of(&h).is_some());
    kept || link
}

/// Said instead of the calculator when its JSON reader or its workbench could
/// not be fetched although the browser keeps conventions: nothing is read or
/// written, so nothing kept is touched.
fn reader_missing() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = crate::store::storage::remembered_lang().unwrap_or(Lang::Fr);
    let message = t(lang, Key::ReaderUnavailable);
    let points = mount_points(&document);
    let places = if points.is_empty() {
        document.body().into_iter().collect()
    } else {
        points
    };
    for place in places {
        if let Ok(p) = document.create_element("p") {
            p.set_attribute("role", "alert").ok();
            p.set_class_name("bw-error");
            p.set_text_content(Some(message));
            place.append_child(&p).ok();
        }
    }
}

/// The host page's `<div data-budget-widget>`s.
fn mount_points(document: &web_sys::Document) -> Vec<web_sys::HtmlElement> {
    document
        .query_selector_all(&format!("div[{MOUNT_ATTRIBUTE}]"))
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Mounts the calculator (see [`mount`]).
fn mount_now() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let points = mount_points(&document);
    // The same mounting for both cases (on the page of its own, no options).
    let mount_with = |parent: web_sys::HtmlElement, options: EmbedOptions| {
        leptos::mount::mount_to(parent, move || {
            provide_context(options);
            view! { <crate::App /> }
        })
        .forget();
    };
    if points.is_empty() {
        if let Some(body) = document.body() {
            mount_with(body, EmbedOptions::default());
        }
        return;
    }
    for point in points {
        let options = EmbedOptions {
            mount_point: Some(point.clone().into()),
            ..EmbedOptions::from_attributes(|name| point.get_attribute(name))
        };
        mount_with(point, options);
    }
}

/// The absolute address of `url` (relative to the page) when it is on the
/// page's own origin; `None` for any other origin or an unreadable address.
fn same_origin(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let base = window.location().href().ok()?;
    let resolved = web_sys::Url::new_with_base(url, &base).ok()?;
    let origin = window.location().origin().ok()?;
    (resolved.origin() == origin).then(|| resolved.href())
}

/// The text at `url`, or why it could not be fetched, in `lang`.
async fn fetch_text(url: &str, lang: Lang) -> Result<String, String> {
    let text = |key: Key| t(lang, key).to_string();
    let unreadable = || text(Key::FetchUnreadable);
    let window = web_sys::window().ok_or_else(|| text(Key::FetchNoWindow))?;
    let describe = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| text(Key::FetchNetwork))
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| unreadable())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(unreadable)
}

/// Loads the host's convention (`data-convention`) into `ws` once it is
/// fetched, unless the user already has one (autosaved, pasted meanwhile): the
/// user's work is never replaced. A failure is shown like a file that could not
/// be opened, in the widget's language at that time.
pub fn load_convention(ws: Workspace, url: Option<String>) {
    let Some(url) = url else { return };
    let lang = ws.lang.get_untracked();
    let Some(absolute) = same_origin(&url) else {
        let why = t(lang, Key::FetchRefused);
        ws.file_error
            .set(Some(format!("{url}{}{why}", colon(lang))));
        return;
    };
    leptos::task::spawn_local(async move {
        let text = fetch_text(&absolute, lang).await;
        crate::chunks::json::json_reader().await;
        let loaded = text
            .and_then(|text| crate::chunks::json::from_json(&text).map_err(|e| e.message(lang)));
        match loaded {
            Ok(conv) => {
                if ws.convention.with_untracked(Option::is_none) {
                    ws.convention.set(Some(conv));
                }
            }
            Err(e) => ws.file_error.set(Some(format!("{url}{}{e}", colon(lang)))),
        }
    });
}
