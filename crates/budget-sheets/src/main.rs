//! The spreadsheet worker.
//!
//! Reading `.xlsx`, `.xls` and `.ods` files takes the `calamine` crate and a zip
//! decoder: several hundred KiB of WebAssembly that most users never need. So
//! they are not in the widget's first load: the widget starts this worker (a
//! separate, small bundle built by Trunk) only when such a file is opened, sends
//! it `[name, bytes]` once the worker has said `"ready"`, and gets back `{ rows, sheet }` — the cells as text, cut by
//! [`budget_core::files::table_grid`], the same code `budget check` uses — or
//! `{ error }`. The widget then reads the cells like a paste.

#[cfg(target_arch = "wasm32")]
mod worker {
    use budget_core::files;
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn set(target: &Object, key: &str, value: &JsValue) {
        // Setting a property on a plain object cannot fail.
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    }

    /// Answers one request: `[name, bytes]` → `{ rows, sheet }` or `{ error }`.
    fn answer(data: &JsValue) -> Object {
        let out = Object::new();
        let request = Array::from(data);
        let name = request.get(0).as_string().unwrap_or_default();
        let bytes = request
            .get(1)
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
            }
            Err(e) => set(&out, "error", &JsValue::from_str(&e.to_string())),
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
