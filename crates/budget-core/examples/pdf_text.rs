//! Prints the text the calculator reads from a PDF (what `budget check
//! rapport.pdf` reads): `cargo run -p budget-core --features pdf --example
//! pdf_text -- rapport.pdf`. For looking at why a PDF reads as it does.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let text = std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| budget_core::files::pdf_text(&bytes).map_err(|e| e.to_string()));
    match text {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
