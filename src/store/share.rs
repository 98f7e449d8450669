//! Sharing a convention by link: `<page>#c=<data>`, where the data is the saved
//! JSON compressed by the browser (`CompressionStream("deflate-raw")`, no
//! codec in the bundle) and written in base64url ([`crate::store::share_code`]).
//!
//! The fragment (after `#`) is never sent in an HTTP request: the convention
//! goes from one browser to another inside the link itself. A link opened is
//! read with [`budget_core::saved::from_json`] (versioned, migrated), offered as
//! a new convention, and the fragment is taken out of the address.

use budget_core::{saved, Convention, Lang};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::Workspace;
use crate::store::library::Library;
use crate::store::share_code;
use crate::ui::i18n::{counted, quote_marks, t, Key, Noun};

// web-sys has these only behind `web_sys_unstable_apis`: bound here, with every
// call able to fail (an older browser has no CompressionStream).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Object, js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(extends = js_sys::Object, js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

/// `stream.pipeThrough(pair)` (web-sys's binding cannot fail; this one can).
fn pipe_through(
    stream: &web_sys::ReadableStream,
    pair: &JsValue,
) -> Result<web_sys::ReadableStream, JsValue> {
    let method: js_sys::Function =
        js_sys::Reflect::get(stream, &JsValue::from_str("pipeThrough"))?.dyn_into()?;
    Ok(method.call1(stream, pair)?.unchecked_into())
}

const FORMAT: &str = "deflate-raw";

/// Runs `bytes` through a compression or decompression stream.
async fn through(bytes: &[u8], pair: &JsValue) -> Result<Vec<u8>, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let stream = pipe_through(&blob.stream(), pair)?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the browser said, as text.
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_default()
}

/// The data of a share link for `conv`.
pub async fn encode(conv: &Convention) -> Result<String, String> {
    let json = saved::to_json(conv);
    let compressor = Compressor::new(FORMAT).map_err(|e| reason(&e))?;
    let bytes = through(json.as_bytes(), &compressor)
        .await
        .map_err(|e| reason(&e))?;
    Ok(share_code::encode(&bytes))
}

/// Why a share link's data holds no convention.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Not base64url.
    Code(share_code::DecodeError),
    /// The browser cannot decompress (what it said).
    Browser(String),
    /// Not compressed data: cut or changed.
    Damaged,
    /// Decompressed, but not UTF-8 text.
    NotText,
    /// Text, but not a saved convention.
    Saved(saved::LoadError),
}

impl LinkError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Code(e) => e.message(lang),
            Self::Browser(e) => e.clone(),
            Self::Saved(e) => e.message(lang),
            Self::Damaged => t(lang, Key::LinkDamaged).into(),
            Self::NotText => t(lang, Key::LinkNotText).into(),
        }
    }
}

/// The convention held by a share link's data.
pub async fn decode(data: &str) -> Result<Convention, LinkError> {
    let bytes = share_code::decode(data).map_err(LinkError::Code)?;
    let decompressor = Decompressor::new(FORMAT).map_err(|e| LinkError::Browser(reason(&e)))?;
    let json = through(&bytes, &decompressor)
        .await
        .map_err(|_| LinkError::Damaged)?;
    let text = String::from_utf8(json).map_err(|_| LinkError::NotText)?;
    crate::chunks::json::json_reader().await;
    crate::chunks::json::from_json(&text).map_err(LinkError::Saved)
}

/// The page's address without its fragment.
fn page_address() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    Some(
        href.split_once('#')
            .map_or(href.as_str(), |(page, _)| page)
            .to_string(),
    )
}

/// Copies `text` to the clipboard; `false` if the browser has no clipboard
/// here (not a secure context) or refused.
async fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    // `navigator.clipboard` is undefined outside a secure context.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Where the copy stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    /// The clipboard refused: the field is selected for Ctrl+C.
    Selected,
}

/// "Copier le lien de partage": builds the link of the convention shown, shows
/// it in a read-only field and copies it.
#[component]
pub fn ShareLink(ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let copied = RwSignal::new(Copied::Not);
    let field = NodeRef::<leptos::html::Input>::new();

    // A link made for an older state of the convention is taken away.
    Effect::new(move |_| {
        ws.convention.track();
        link.set(None);
        copied.set(Copied::Not);
    });

    let copy = move || {
        let Some(text) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if copy_to_clipboard(&text).await {
                copied.set(Copied::Yes);
            } else {
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
                copied.set(Copied::Selected);
            }
        });
    };

    let build = move |_| {
        let Some(conv) = ws.convention.get_untracked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            match encode(&conv).await {
                Ok(data) => {
                    let page = page_address().unwrap_or_default();
                    link.set(Some(share_code::link(&page, &data)));
                    copied.set(Copied::Not);
                    // The effect above ran when the link was cleared; now copy.
                    copy();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="bw-share" aria-labelledby="bw-share-heading">
            <h2 id="bw-share-heading">{move || t(lang.get(), Key::ShareHeading)}</h2>
            <p class="bw-hint" id="bw-share-hint">{move || t(lang.get(), Key::ShareExplain)}</p>
            <div class="bw-actions">
                <button
                    type="button"
                    disabled=move || ws.convention.with(Option::is_none)
                    on:click=build
                >
                    {move || t(lang.get(), Key::ShareBuild)}
                </button>
            </div>
            {move || error.get().map(|e| view! {
                <p class="bw-error" role="alert">{format!("{} {e}", t(lang.get(), Key::ShareFailed))}</p>
            })}
            <Show when=move || link.with(Option::is_some)>
                <div class="bw-share-field">
                    <label for="bw-share-link">{move || t(lang.get(), Key::ShareLinkLabel)}</label>
                    <input
                        id="bw-share-link"
                        type="text"
                        readonly
                        aria-describedby="bw-share-hint"
                        node_ref=field
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }
                    />
                    <button type="button" on:click=move |_| copy()>
                        {move || t(lang.get(), Key::ShareCopy)}
                    </button>
                </div>
                {move || {
                    let length = link.with(|l| l.as_ref().map_or(0, |l| l.chars().count()));
                    (length > LONG_LINK).then(|| view! {
                        <p class="bw-hint" id="bw-share-long">{long_link_note(lang.get(), length)}</p>
                    })
                }}
            </Show>
            <p role="status" class="bw-share-status">
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Yes => t(lang.get(), Key::ShareCopied),
                    Copied::Selected => t(lang.get(), Key::ShareSelected),
                }}
            </p>
        </section>
    }
}

/// Links longer than this are said to be long: some messaging tools and mail
/// programs cut them (2 000 to 8 000 characters are common limits).
pub const LONG_LINK: usize = 8_000;

/// The note under a long link: its length, and the saved file as the way to
/// send a big convention.
fn long_link_note(lang: Lang, length: usize) -> String {
    let n = crate::ui::i18n::count(lang, length);
    crate::ui::i18n::fill(lang, Key::LongLink, &[("n", &n)])
}

/// What a link opened holds.
#[derive(Clone, Debug, PartialEq)]
enum Offer {
    Convention(Box<Convention>),
    Broken(LinkError),
}

/// Reads the `#c=` fragment, if any, takes it out of the address, and gives
/// what it holds.
fn take_fragment(offer: RwSignal<Option<Offer>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(hash) = window.location().hash() else {
        return;
    };
    let Some(data) = share_code::payload_of(&hash).map(str::to_string) else {
        return;
    };
    // Out of the address at once: a reload does not offer it again, and the
    // data does not stay in the history.
    if let (Ok(history), Ok(path), Ok(search)) = (
        window.history(),
        window.location().pathname(),
        window.location().search(),
    ) {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    leptos::task::spawn_local(async move {
        offer.set(Some(match decode(&data).await {
            Ok(conv) => Offer::Convention(Box::new(conv)),
            Err(e) => Offer::Broken(e),
        }));
    });
}

/// At start-up (and when the address changes to one), a share link's
/// convention is offered, in a banner, to be added as a new convention.
#[component]
pub fn SharedOffer(library: Library, ws: Workspace) -> impl IntoView {
    let lang = ws.lang;
    let offer = RwSignal::new(None::<Offer>);
    take_fragment(offer);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| take_fragment(offer));
    on_cleanup(move || handle.remove());

    move || {
        let l = lang.get();
        offer.get().map(|o| match o {
            Offer::Convention(conv) => {
                let title = if conv.title.trim().is_empty() {
                    t(l, Key::Untitled).to_string()
                } else {
                    conv.title.clone()
                };
                let count = conv.actions.len();
                let (open, close) = quote_marks(l);
                let accept = move |_| {
                    if let Some(Offer::Convention(conv)) = offer.get_untracked() {
                        offer.set(None);
                        library.add(*conv);
                    }
                };
                view! {
                    <div class="bw-notice bw-shared" role="alert">
                        <p>
                            {t(l, Key::SharedOffer)} " " {open} <strong>{title}</strong> {close} " ("
                            {format!("{})", counted(l, count, Noun::Action))}
                        </p>
                        <p>{t(l, Key::SharedQuestion)}</p>
                        <div class="bw-actions">
                            <button type="button" on:click=accept>{t(l, Key::SharedAccept)}</button>
                            <button type="button" on:click=move |_| offer.set(None)>{t(l, Key::SharedIgnore)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Offer::Broken(reason) => view! {
                <div class="bw-notice bw-shared" role="alert">
                    <p>{format!("{} {}. {}", t(l, Key::SharedBroken), reason.message(l), t(l, Key::SharedNothingLost))}</p>
                    <div class="bw-actions">
                        <button type="button" on:click=move |_| offer.set(None)>{t(l, Key::Dismiss)}</button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}
