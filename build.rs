//! With the `split` feature (release build, index.html), the widget's module is
//! linked with its relocations, which scripts/split.mjs needs to cut it into
//! chunks. Only the widget's binary: the spreadsheet worker and the tests are
//! linked as usual.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=budget-widget=--emit-relocs");
    }
}
