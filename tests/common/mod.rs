//! Helpers shared by the integration tests.

use std::path::Path;

#[allow(dead_code)] // not every test crate compares golden files
/// Compares `actual` with the golden file `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites it instead.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

/// Runs the CLI from the crate's folder: its standard output and exit status.
#[allow(dead_code)] // not every test crate runs the CLI
pub fn jixiao(args: &[&str]) -> (String, i32) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// A decimal from its text (tests only: panics on a typo).
#[allow(dead_code)]
pub fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

/// Whether the assessment has a finding of `code` with `severity`.
#[allow(dead_code)]
pub fn has(a: &jixiao::core::Assessment, code: &str, severity: jixiao::core::Severity) -> bool {
    a.findings
        .iter()
        .any(|f| f.code == code && f.severity == severity)
}

/// Whether the assessment has a finding of `code`, of any severity.
#[allow(dead_code)]
pub fn has_code(a: &jixiao::core::Assessment, code: &str) -> bool {
    a.findings.iter().any(|f| f.code == code)
}
