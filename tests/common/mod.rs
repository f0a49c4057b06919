//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

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
pub fn has(
    a: &jixiao::core::Assessment,
    code: jixiao::core::check::Code,
    severity: jixiao::core::Severity,
) -> bool {
    a.findings
        .iter()
        .any(|f| f.code == code && f.severity == severity)
}

/// Whether the assessment has a finding of `code`, of any severity.
#[allow(dead_code)]
pub fn has_code(a: &jixiao::core::Assessment, code: jixiao::core::check::Code) -> bool {
    a.findings.iter().any(|f| f.code == code)
}

#[allow(dead_code)] // not every test crate reads the real corpus
/// The files of the real tables in `tests/fixtures/real/` (.tsv), sorted.
pub fn real_table_files() -> Vec<PathBuf> {
    tsv_files("tests/fixtures/real")
}

#[allow(dead_code)] // not every test crate reads a corpus
/// The .tsv files of `folder` (relative to the crate), sorted.
pub fn tsv_files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    files
}

#[allow(dead_code)] // not every test crate reads the real corpus
/// The real tables of `tests/fixtures/real/`, as rows of cells.
pub fn real_tables() -> Vec<(String, Vec<Vec<String>>)> {
    real_table_files()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let rows = text
                .lines()
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect();
            (
                path.file_stem().unwrap().to_string_lossy().to_string(),
                rows,
            )
        })
        .collect()
}

#[allow(dead_code)] // not every test crate reads the real corpus
/// What the audit says of an evaluation: each finding's code and field, in order.
pub fn finding_keys(e: &jixiao::core::Evaluation) -> Vec<String> {
    jixiao::core::assess(e)
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect()
}

#[allow(dead_code)] // not every test crate reads the real corpus
/// The table as a web page would print it: the blank cells under a name in the indicator columns (up
/// to 三级指标) merged into that name's cell, as the published forms merge them.
#[allow(clippy::needless_range_loop)] // cells are marked covered below and to the right of `c`
pub fn printed_html(rows: &[Vec<String>]) -> String {
    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    let name_columns = rows
        .iter()
        .find_map(|r| r.iter().position(|c| c.contains("三级指标")))
        .unwrap_or(0);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: usize, c: usize| rows[r].get(c).map(String::as_str).unwrap_or("");
    let mut covered = vec![vec![false; width]; rows.len()];
    let mut html =
        String::from("<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">");
    for r in 0..rows.len() {
        html.push_str("<tr>");
        for c in 0..width {
            if covered[r][c] {
                continue;
            }
            let mut span = 1;
            if c < name_columns && !cell(r, c).trim().is_empty() {
                // Down while the cell below is blank and its row goes on to the right of it.
                while r + span < rows.len()
                    && cell(r + span, c).trim().is_empty()
                    && rows[r + span]
                        .iter()
                        .skip(c + 1)
                        .any(|x| !x.trim().is_empty())
                {
                    covered[r + span][c] = true;
                    span += 1;
                }
            }
            if span > 1 {
                html.push_str(&format!(
                    "<td rowspan=\"{span}\">{}</td>",
                    escape(cell(r, c))
                ));
            } else {
                html.push_str(&format!("<td>{}</td>", escape(cell(r, c))));
            }
        }
        html.push_str("</tr>");
    }
    html.push_str("</table></body></html>");
    html
}

#[allow(dead_code)] // not every test crate builds Word files
/// A minimal Word file (.docx) whose body is `body` (WordprocessingML inside `<w:body>`).
pub fn word_file(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    write!(
        zip,
        r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
    )
    .unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

#[allow(dead_code)]
/// Lays a form's cells out as a printer does (each at the first free column, merged cells covering the
/// rows below) and asserts that every row is covered exactly, with no overlap.
pub fn assert_covered(form: &jixiao::report::FormTable) {
    let width = form.widths.len();
    let mut taken = vec![vec![false; width]; form.rows.len()];
    for (r, row) in form.rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while c < width && taken[r][c] {
                c += 1;
            }
            for down in taken.iter_mut().skip(r).take(cell.rows) {
                for slot in down.iter_mut().skip(c).take(cell.cols) {
                    assert!(!*slot, "row {r} overlaps at column {c}: {row:?}");
                    *slot = true;
                }
            }
            c += cell.cols;
        }
        assert!(taken[r].iter().all(|t| *t), "row {r} not covered: {row:?}");
    }
}

#[allow(dead_code)]
/// The first form of a report (the stage form itself).
pub fn first_form(report: &jixiao::report::Report) -> &jixiao::report::FormTable {
    report
        .blocks
        .iter()
        .find_map(|b| match b {
            jixiao::report::Block::Form(f) => Some(f),
            _ => None,
        })
        .expect("a form")
}
