//! Snapshots of `budget check` over every fixture (`tests/fixtures/`): the
//! whole text a user reads, kept in `tests/snapshots/<fixture>.txt` beside
//! this file, so that any change of a figure, a message or a guess shows in
//! review. The figures themselves are asserted by hand elsewhere (`cli.rs`,
//! the core's tests); these catch what those do not look at.
//!
//! After an intended change: `BUDGET_UPDATE_SNAPSHOTS=1 cargo test -p
//! budget-cli --test snapshots`, then read the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What `budget check tests/fixtures/NAME` prints, run from the repository's
/// root (so that the path it prints is the same on every machine), with its
/// exit status and what it wrote on stderr.
fn run(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_budget"))
        .current_dir(root())
        .args(["check", &format!("tests/fixtures/{name}")])
        .env_remove("BUDGET_LANG")
        .output()
        .unwrap();
    format!(
        "$ budget check tests/fixtures/{name}\n(exit {})\n{}{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn budget_check_over_every_fixture() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tsv") || n.ends_with(".txt") || n.ends_with(".csv"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("BUDGET_UPDATE_SNAPSHOTS").is_some();
    let mut differ = Vec::new();
    for name in &names {
        let got = run(name);
        let path = dir.join(format!("{name}.txt"));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            differ.push(format!(
                "{name}: the output differs from {}\n--- got:\n{got}",
                path.display()
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n\n"));
}
