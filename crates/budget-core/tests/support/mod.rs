//! What the core's test files share: exact decimals written as text, and the
//! project's fixtures (`tests/fixtures/` at the root of the repository).
//! Each test file takes it with `mod support;`.
#![allow(dead_code)] // each test file uses some of it

use std::path::PathBuf;
use std::str::FromStr;

use budget_core::Decimal;

/// `d("93507.00")`: an exact decimal (a test's expected figure).
pub fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The path of the fixture `name`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// The text of the fixture `name`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

/// The fixture `name` converted to PDF by LibreOffice (`soffice --headless
/// --convert-to pdf`, its text read as UTF-8): a text file becomes pages of
/// text in a fixed-width font, its long lines wrapped.
pub fn fixture_as_pdf(name: &str) -> Vec<u8> {
    let text = std::fs::read(fixture_path(name)).unwrap();
    soffice_pdf(name, &text, Some("Text (encoded):UTF8,LF,,,"))
}

/// The table of the TSV fixture `name` as a PDF table: written as an HTML
/// table (a cell's text as a spreadsheet copies it, quotes undone), in a
/// small proportional font, each cell's text at the top of its cell
/// (`valign` `top`, as a word processor sets a table) or in its middle
/// (`middle`, HTML's default), then converted to PDF by LibreOffice. Long
/// titles and headings wrap in their cells, as in real reports.
pub fn tsv_as_pdf_table(name: &str, valign: &str) -> Vec<u8> {
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let unquote = |c: &str| match c.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => c.to_string(),
    };
    let mut html = String::from(
        "<html><head><meta charset=\"utf-8\"></head><body style=\"font-size:7pt\">\
         <table border=\"1\" cellspacing=\"0\" style=\"font-size:7pt\">\n",
    );
    for line in fixture(name).lines() {
        html.push_str("<tr>");
        for cell in line.split('\t') {
            html.push_str(&format!(
                "<td valign=\"{valign}\">{}</td>",
                escape(&unquote(cell))
            ));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table></body></html>\n");
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    soffice_pdf(&format!("{stem}-{valign}.html"), html.as_bytes(), None)
}

/// `bytes`, written as the file `name`, converted to PDF by LibreOffice with
/// the import filter `infilter` (its own choice by the name's extension
/// otherwise), in a directory of its own under the system's temporary
/// directory, with a LibreOffice profile of its own so that tests running at
/// the same time do not share one. Panics, saying to run `scripts/setup.sh`,
/// when `soffice` is not installed: a PDF test must not pass without its PDF.
fn soffice_pdf(name: &str, bytes: &[u8], infilter: Option<&str>) -> Vec<u8> {
    use std::process::Command;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "budget-core-pdf-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    let mut command = Command::new("soffice");
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .arg("--headless");
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    let output = command
        .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
        .arg(&dir)
        .arg(&input)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "soffice (LibreOffice) is needed to make the test PDFs and could not be \
                 started ({e}): run scripts/setup.sh, which installs libreoffice-writer-nogui"
            )
        });
    let pdf = dir.join(input.with_extension("pdf").file_name().unwrap());
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| {
        panic!(
            "soffice did not write {} ({e}); it said: {}{}",
            pdf.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

/// A valid one-page PDF with no text: its page draws a filled rectangle (as a
/// scan's page holds a picture) and no text operator. The cross-reference
/// table gives each object's byte offset, counted here.
pub fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << >> >>"
            .to_string(),
        {
            let content = "0.5 g 100 100 395 642 re f";
            format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            )
        },
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

/// Each action's number, title, group and amounts: what the two readings of
/// one table must share (row numbers aside).
pub fn actions(r: &budget_core::read::Reading) -> Vec<String> {
    r.convention
        .actions
        .iter()
        .map(|a| {
            format!(
                "{} | {} | {:?} | {:?} | {:?}",
                a.number, a.title, a.group, a.planned, a.execution
            )
        })
        .collect()
}
