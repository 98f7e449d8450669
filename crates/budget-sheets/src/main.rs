//! The spreadsheet worker.
//!
//! Reading `.xlsx`, `.xls` and `.ods` files, the text of `.pdf` files, and
//! writing the `.xlsx` annex take the `calamine`, `pdf-extract` and zip
//! crates: several hundred KiB of WebAssembly that most users never need. So
//! they are not in the widget's first load: the widget starts this worker (a
//! separate bundle built by Trunk) only when such a file is opened or
//! exported. Once the worker has said `"ready"`, it answers one request:
//!
//! - `["open", name, bytes]` → `{ rows, sheet }`: the cells as text, cut by
//!   [`budget_core::files::table_grid`] (the same code `budget check` uses); the
//!   widget then reads them like a paste;
//! - `["xlsx", saved_json]` → `{ bytes }`: [`budget_core::export::xlsx_annex`] of
//!   the convention;
//!
//! or `{ error, error_en }`: the error in French and in English.

#[cfg(target_arch = "wasm32")]
mod worker {
    use budget_core::{export, files, saved, Lang};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn set(target: &Object, key: &str, value: &JsValue) {
        // Setting a property on a plain object cannot fail.
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }

    /// Answers one request (see the crate's documentation).
    fn answer(data: &JsValue) -> Object {
        let request = Array::from(data);
        match request.get(0).as_string().as_deref() {
            Some("open") => open(&request),
            Some("xlsx") => xlsx(&request),
            _ => {
                let out = Object::new();
                set(&out, "error", &JsValue::from_str("requête inconnue"));
                out
            }
        }
    }

    fn xlsx(request: &Array) -> Object {
        let out = Object::new();
        let text = request.get(1).as_string().unwrap_or_default();
        let written = saved::from_json(&text)
            .map_err(|e| (e.to_string(), e.message(Lang::En)))
            .and_then(|conv| export::xlsx_annex(&conv).map_err(|e| (e.to_string(), e.to_string())));
        match written {
            Ok(bytes) => set(&out, "bytes", &Uint8Array::from(bytes.as_slice())),
            Err((fr, en)) => {
                set(&out, "error", &JsValue::from_str(&fr));
                set(&out, "error_en", &JsValue::from_str(&en));
            }
        }
        out
    }

    fn open(request: &Array) -> Object {
        let out = Object::new();
        let name = request.get(1).as_string().unwrap_or_default();
        let bytes = request
            .get(2)
            .dyn_into::<Uint8Array>()
            .map(|b| b.to_vec())
            .unwrap_or_default();
        match files::table_grid(&name, &bytes) {
            Ok(grid) => {
                let rows: Array = grid
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|cell| JsValue::from_str(cell))
                            .collect::<Array>()
                    })
                    .collect();
                set(&out, "rows", &rows);
                if let Some(sheet) = grid.sheet {
                    set(&out, "sheet", &JsValue::from_str(&sheet));
                }
                // A PDF's text, read by the widget as pasted text is (a
                // report's blocks, a table aligned with spaces).
                if let Some(text) = grid.text {
                    set(&out, "text", &JsValue::from_str(&text));
                }
            }
            Err(e) => {
                set(&out, "error", &JsValue::from_str(&e.to_string()));
                set(&out, "error_en", &JsValue::from_str(&e.message(Lang::En)));
            }
        }
        out
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = reply_to.post_message(&answer(&event.data()));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Messages sent before this point would have been lost: say we listen.
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
