//! Writes the two exports of the widget for tables given as files: the CSV
//! for French Excel ([`export::csv_excel_fr`]) and the XLSX annex
//! ([`export::xlsx_annex`]). The `budget` command has no export; this is what
//! `scripts/check-exports-libreoffice.sh` opens in LibreOffice.
//!
//! ```text
//! cargo run -p budget-core --example export_annex -- OUT_DIR FILE…
//! ```
//!
//! For each `FILE` (any file `files::open` reads), writes `OUT_DIR/NAME.csv`
//! and `OUT_DIR/NAME.xlsx`, `NAME` being the file's name without its
//! extension. A file that cannot be read, or with unreadable cells, stops the
//! run with status 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use budget_core::export;
use budget_core::files::{self, Opened};
use budget_core::read::ReadOptions;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(out_dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage : export_annex DOSSIER_DE_SORTIE FICHIER…");
        return ExitCode::from(2);
    };
    let inputs: Vec<PathBuf> = args.map(PathBuf::from).collect();
    if inputs.is_empty() {
        eprintln!("usage : export_annex DOSSIER_DE_SORTIE FICHIER…");
        return ExitCode::from(2);
    }
    for input in &inputs {
        if let Err(message) = export_one(input, &out_dir) {
            eprintln!("{} : {message}", input.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn export_one(input: &Path, out_dir: &Path) -> Result<(), String> {
    let bytes = std::fs::read(input).map_err(|e| e.to_string())?;
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let conv =
        match files::open(&name, &bytes, &ReadOptions::default()).map_err(|e| e.to_string())? {
            Opened::Table { reading, .. } => {
                if let Some(e) = reading.errors.first() {
                    return Err(format!("cellule illisible : {e}"));
                }
                reading.convention
            }
            Opened::Saved(conv) => conv,
        };
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let csv_path = out_dir.join(format!("{stem}.csv"));
    let xlsx_path = out_dir.join(format!("{stem}.xlsx"));
    std::fs::write(&csv_path, export::csv_excel_fr(&conv)).map_err(|e| e.to_string())?;
    let xlsx = export::xlsx_annex(&conv).map_err(|e| e.to_string())?;
    std::fs::write(&xlsx_path, xlsx).map_err(|e| e.to_string())?;
    println!("{}", csv_path.display());
    println!("{}", xlsx_path.display());
    Ok(())
}
