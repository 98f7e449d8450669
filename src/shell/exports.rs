//! The exports of the file section: the saved JSON, the CSV for Excel and
//! the XLSX annex (their code is in the `exports` chunk, `shell::chunks`).

use leptos::prelude::*;

use crate::state::Workspace;
use crate::ui::browser_files::{download, xlsx_annex};
use crate::ui::i18n::{t, Key};

/// A file name for exports: the convention's title, or a default.
fn export_name(ws: Workspace, extension: &str) -> String {
    let title = ws
        .convention
        .with_untracked(|c| c.as_ref().map(|c| c.title.clone()))
        .unwrap_or_default();
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if slug.is_empty() {
        "convention".to_string()
    } else {
        slug
    };
    format!("{base}.{extension}")
}

/// Makes an export (its code is in the `exports` chunk).
pub fn export(ws: Workspace, what: Export) {
    leptos::task::spawn_local(async move {
        if crate::shell::chunks::export(ws, what).await.is_err() {
            ws.file_error.set(Some(
                t(ws.lang.get_untracked(), Key::ExportUnloaded).to_string(),
            ));
        }
    });
}

/// Which export a button makes.
#[derive(Clone, Copy)]
pub enum Export {
    Saved,
    CsvExcel,
    Xlsx,
}

pub fn export_now(ws: Workspace, what: Export) {
    let Some(conv) = ws.convention.get_untracked() else {
        return;
    };
    let result = match what {
        Export::Saved => download(
            &export_name(ws, "json"),
            "application/json",
            budget_core::saved::to_json(&conv).as_bytes(),
        ),
        Export::CsvExcel => download(
            &export_name(ws, "csv"),
            "text/csv;charset=utf-8",
            budget_core::export::csv_excel_fr(&conv).as_bytes(),
        ),
        Export::Xlsx => {
            // Written by the spreadsheet worker, which carries the zip codec.
            let json = budget_core::saved::to_json(&conv);
            leptos::task::spawn_local(async move {
                let result = xlsx_annex(&json, ws.lang.get_untracked())
                    .await
                    .and_then(|bytes| {
                        download(
                            &export_name(ws, "xlsx"),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            &bytes,
                        )
                    });
                ws.file_error.set(result.err());
            });
            Ok(())
        }
    };
    ws.file_error.set(result.err());
}
