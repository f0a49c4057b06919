//! PDF reports read from their text layer: the worked example's report as LibreOffice prints our own
//! Word export of it (`tests/fixtures/pdf/`, see its README) reads back whole — the annex table with its
//! merged 一级 / 二级 cells and a 二级 cell split by a page break, the unit, year and figures from the
//! words — and a PDF that is no report is refused in Chinese, nothing panicking on the way.

use jixiao::core::import::{parse_document, pdf::read_pdf, read_document};
use std::path::Path;

mod common;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pdf")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_worked_examples_report_reads_back_from_its_pdf() {
    let bytes = fixture("nanjing-2024-report.pdf");
    let read = read_pdf(&bytes).unwrap();
    assert_eq!(
        read.tables.len(),
        1,
        "the annex over two pages is one table"
    );
    let table = &read.tables[0];
    assert_eq!(table.rows[0][0], "一级指标");
    assert_eq!(table.rows.len(), 36);
    assert!(
        table.merges.iter().any(|m| m.rows > 1),
        "merged 一级 / 二级 cells"
    );
    // The 二级 cell the page break split is one cell again.
    assert!(table.rows.iter().any(|r| r[1] == "部门预算编制（3分）"));
    let e = read_document(&bytes).unwrap().into_evaluation().unwrap();
    let a = jixiao::core::assess(&e);
    assert_eq!(a.total.to_string(), "99.5");
    assert_eq!(a.counts, [6, 17, 34]);
    assert_eq!(e.unit.year, 2024);
    assert!(e.unit.name.contains("12345"), "{}", e.unit.name);
    assert_eq!(
        e.accounts.expense_total.map(|v| v.to_string()).as_deref(),
        Some("3089.41")
    );
    // The same findings as the evaluation the report was printed from, but for what a report does not
    // print (its business metrics' breakdowns).
    let original = jixiao::core::template::load("nanjing-2024").unwrap();
    let keys = |e: &jixiao::core::Evaluation| -> Vec<String> {
        common::finding_keys(e)
            .into_iter()
            .filter(|k| !k.starts_with("metrics."))
            .collect()
    };
    assert_eq!(keys(&e), keys(&original));
    // The table alone, as a reviewer's batch reads a file.
    let table = parse_document(&bytes).unwrap();
    assert_eq!(
        table.indicators.len(),
        5,
        "five 一级 (the 加减分项 are adjustments)"
    );
    assert!(table.adjustments.is_some());
}

#[test]
fn a_pdf_that_is_no_report_is_refused_in_chinese() {
    for (bytes, wanted) in [
        (b"%PDF-1.4 not a pdf at all".to_vec(), "PDF"),
        (
            b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".to_vec(),
            "PDF",
        ),
    ] {
        let message = read_pdf(&bytes).unwrap_err().to_string();
        assert!(message.contains(wanted), "{message}");
    }
    // The CLI lists such a file among the tables as skipped, not as an error.
    let dir = std::env::temp_dir().join(format!("jixiao-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("说明.pdf"), b"%PDF-1.4 not a pdf").unwrap();
    let (out, code) = common::jixiao(&["check", dir.join("说明.pdf").to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_pdf_never_panics() {
    let bytes = fixture("nanjing-2024-report.pdf");
    // Cut anywhere, or with bytes flipped: an error or a reading, never a panic.
    for cut in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
        let _ = read_pdf(&bytes[..cut]);
    }
    for at in (0..bytes.len()).step_by(bytes.len() / 60 + 1) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        let _ = read_pdf(&flipped);
    }
}

#[test]
fn a_table_ruled_with_stroked_lines_reads_with_its_merge() {
    let read = read_pdf(&fixture("ruled-by-lines.pdf")).unwrap();
    assert_eq!(read.tables.len(), 1);
    let table = &read.tables[0];
    assert_eq!(
        table.rows,
        [
            ["Name", "Points", "Score"],
            ["Alpha", "10", "9.5"],
            ["Total merged", "", "9.5"],
        ]
    );
    assert!(table
        .merges
        .iter()
        .any(|m| m.row == 2 && m.column == 0 && m.columns == 2));
    assert_eq!(read.text, "Report words above the table.");
}

#[test]
fn a_scan_and_a_pdf_of_too_many_pages_get_their_message() {
    let message = read_pdf(&fixture("scanned.pdf")).unwrap_err().to_string();
    assert!(
        message.contains("扫描件") && message.contains("可编辑"),
        "{message}"
    );
    // 301 empty pages, written on the spot: refused before any page is read.
    let pages = 301;
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            (0..pages)
                .map(|i| format!("{} 0 R", i + 3))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string()),
    );
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
    let message = read_pdf(pdf.as_bytes()).unwrap_err().to_string();
    assert!(message.contains("301 页"), "{message}");
}
