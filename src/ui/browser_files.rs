//! The browser's side of files: reading a `File` the user picked or dropped, and
//! offering bytes to download. What is in the files is the core's business
//! ([`budget_core::files`], [`budget_core::export`], [`budget_core::saved`]).

use crate::ui::i18n::{t, Key};
use budget_core::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The name and bytes of a file the user gave.
pub async fn read_file(file: &web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| describe(&e))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The files of a drop or of a file input.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Offers `bytes` to the user as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| describe(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("pas de document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| describe(&e))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        let _ = body.remove_child(&link);
    }
    // Revoked later: revoking at once may cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "erreur du navigateur".to_string())
}

/// The spreadsheet worker's script as Trunk names it (see
/// `crates/budget-sheets`). A release build renames the worker's files after
/// their content (`scripts/postbuild.mjs`), and the boot script gives the
/// new name (`globalThis.budgetWidgetSheets`): a new version is never mixed
/// with an old one kept by a browser's cache.
pub const SHEETS_WORKER: &str = "budget-sheets_loader.js";

/// The address of the spreadsheet worker's script, next to the boot script
/// ([`asset_url`]).
fn sheets_worker_url() -> String {
    let named = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("budgetWidgetSheets"))
        .ok()
        .and_then(|n| n.as_string())
        .filter(|n| n.starts_with("budget-sheets") && n.ends_with(".js") && !n.contains('/'));
    asset_url(named.as_deref().unwrap_or(SHEETS_WORKER))
}

/// Sends one request to the spreadsheet worker, which is loaded only now, and
/// gives its answer (see `crates/budget-sheets`).
async fn ask_worker(request: js_sys::Array, lang: Lang) -> Result<JsValue, String> {
    let worker = web_sys::Worker::new(&sheets_worker_url()).map_err(|e| describe(&e))?;
    // The worker first says "ready" (a message sent before it listens would be
    // lost), then answers the request.
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        let target = worker.clone();
        let request = request.clone();
        let reject_post = reject.clone();
        let on_message = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if event.data().as_string().as_deref() == Some("ready") {
                    if let Err(e) = target.post_message(&request) {
                        let _ = reject_post.call1(&JsValue::NULL, &e);
                    }
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &event.data());
                }
            },
        );
        let on_error =
            wasm_bindgen::closure::Closure::once_into_js(move |_event: web_sys::Event| {
                let _ = reject.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(t(lang, Key::SheetsWorkerFailed)),
                );
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        // Lives as long as the worker, which is terminated after its answer.
        on_message.forget();
    });
    let answer = JsFuture::from(reply).await;
    worker.terminate();
    let answer = answer.map_err(|e| describe(&e))?;
    // The worker gives its error in French (`error`) and English (`error_en`).
    let said = |key: &str| {
        js_sys::Reflect::get(&answer, &JsValue::from_str(key))
            .ok()
            .and_then(|e| e.as_string())
    };
    let error = match lang {
        Lang::En => said("error_en").or_else(|| said("error")),
        Lang::Fr => said("error"),
    };
    match error {
        Some(error) => Err(error),
        None => Ok(answer),
    }
}

fn field(answer: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(answer, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The `.xlsx` annex of a convention (given as saved JSON), written by the worker.
pub async fn xlsx_annex(saved_json: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let request = js_sys::Array::of2(&JsValue::from_str("xlsx"), &JsValue::from_str(saved_json));
    let answer = ask_worker(request, lang).await?;
    Ok(js_sys::Uint8Array::new(&field(&answer, "bytes")).to_vec())
}

/// Cuts a spreadsheet (`.xlsx`, `.xls`, `.ods`) or the text of a PDF into cells
/// in the worker. Gives the rows and the sheet's name (none for a PDF).
pub async fn spreadsheet_rows(name: &str, bytes: &[u8], lang: Lang) -> Result<SheetAnswer, String> {
    let request = js_sys::Array::of3(
        &JsValue::from_str("open"),
        &JsValue::from_str(name),
        &js_sys::Uint8Array::from(bytes),
    );
    let answer = ask_worker(request, lang).await?;
    let get = |key: &str| field(&answer, key);
    let rows = js_sys::Array::from(&get("rows"))
        .iter()
        .map(|row| {
            js_sys::Array::from(&row)
                .iter()
                .map(|cell| cell.as_string().unwrap_or_default())
                .collect()
        })
        .collect();
    Ok(SheetAnswer {
        rows,
        sheet: get("sheet").as_string(),
        text: get("text").as_string(),
    })
}

/// What the spreadsheet worker read from a file: its cells, the sheet they
/// come from (a workbook) and the text they were cut from (a PDF).
pub struct SheetAnswer {
    /// The cells as text, one vector per row.
    pub rows: Vec<Vec<String>>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// The text the rows were cut from (a PDF's), read as pasted text is.
    pub text: Option<String>,
}

/// The address of one of the widget's own files (the spreadsheet worker…):
/// next to the boot script, which tells where it was loaded from
/// (`globalThis.budgetWidgetBase`), so that a host page at another address
/// finds them; next to the page otherwise.
pub fn asset_url(name: &str) -> String {
    let base = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("budgetWidgetBase"))
        .ok()
        .and_then(|b| b.as_string())
        .filter(|b| b.ends_with('/'));
    match base {
        Some(base) => format!("{base}{name}"),
        None => format!("./{name}"),
    }
}
