//! Golden files: the CLI's report of the built-in example, byte for byte. Regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.

use std::path::Path;

mod common;
use common::{golden, jixiao};

#[test]
fn check_nanjing_table() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/nanjing-2024.json");
    let (out, code) = jixiao(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    golden(
        "nanjing-2024.check.txt",
        &out.replace(file.to_str().unwrap(), "nanjing-2024.json"),
    );
}

#[test]
fn check_nanjing_json() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/nanjing-2024.json");
    let (out, code) = jixiao(&["check", "--json", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    golden(
        "nanjing-2024.check.json",
        &out.replace(file.to_str().unwrap(), "nanjing-2024.json"),
    );
}
