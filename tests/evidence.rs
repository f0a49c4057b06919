//! 佐证材料: file names any machine can create (hostile names, 255-byte limits, duplicates), the
//! manifest and package layout, the package round trip with hashes, a package with an altered or
//! missing file refused, the 佐证材料清单 annex, and the evidence check.

mod common;

use jixiao::core::check::Code;
use jixiao::core::evidence::{
    check_size, layout, manifest, open_package, safe_file_name, sha256_hex, size_text,
    MAX_FILE_BYTES,
};
use jixiao::core::model::{Evidence, EvidenceStatus};
use jixiao::core::review::intake::unzip;
use jixiao::core::{assess, template, Evaluation};

fn nanjing() -> Evaluation {
    template::load("nanjing-2024").unwrap()
}

fn record(indicator: &str, name: &str, bytes: &[u8]) -> Evidence {
    Evidence {
        indicator: indicator.into(),
        name: name.into(),
        description: "会议纪要".into(),
        size: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        mime: "application/pdf".into(),
    }
}

#[test]
fn hostile_names_become_names_any_machine_can_create() {
    for (given, safe) in [
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("a\\b/c:d*e?f\"g<h>i|j.pdf", "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("nul", "_nul"),
        ("Com1.txt", "_Com1.txt"),
        ("报告. . .", "报告"),
        ("   ", "未命名"),
        ("..", "未命名"),
        ("tab\there.png", "tab_here.png"),
    ] {
        assert_eq!(safe_file_name(given), safe, "{given:?}");
    }
    // 255 bytes at most, on a character boundary, the extension kept.
    let long = format!("{}.pdf", "会".repeat(200));
    let safe = safe_file_name(&long);
    assert!(safe.len() <= 255, "{}", safe.len());
    assert!(safe.ends_with("会.pdf"));
    assert!(std::str::from_utf8(safe.as_bytes()).is_ok());
}

#[test]
fn the_package_layout_has_a_folder_per_indicator_and_distinct_names() {
    let mut e = nanjing();
    let (a, b) = (b"first".to_vec(), b"second".to_vec());
    e.evidence_files = vec![
        record("2.6.2", "纪要.pdf", &a),
        record("2.6.2", "纪要.pdf", &b),
        record("2.6.2", "纪要 (2).PDF", &b),
        record("1.1.1", "CON.pdf", &a),
        record("gone", "x.pdf", &a),
    ];
    let paths: Vec<String> = layout(&e).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths[0], "佐证材料/2.6.2 工作开展情况/纪要.pdf");
    assert_eq!(paths[1], "佐证材料/2.6.2 工作开展情况/纪要 (2).pdf");
    assert_eq!(
        paths[2], "佐证材料/2.6.2 工作开展情况/纪要 (2) (2).PDF",
        "case-insensitive as on Windows"
    );
    assert_eq!(paths[3], "佐证材料/1.1.1 决策制度的规范性/_CON.pdf");
    assert_eq!(paths[4], "佐证材料/未归属指标/x.pdf");
    let m = manifest(&e);
    assert_eq!(m.files.len(), 5);
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["files"][0]["sha256"], sha256_hex(&a));
    assert_eq!(json["files"][0]["path"], paths[0].as_str());
}

#[test]
fn a_package_round_trips_with_identical_hashes_and_refuses_tampering() {
    let mut e = nanjing();
    let pdf = vec![7u8; 300_000];
    let png = b"\x89PNG fake".to_vec();
    e.evidence_files = vec![
        record("2.6.2", "纪要.pdf", &pdf),
        record("3.1.1", "照片.png", &png),
    ];
    let zip = jixiao::export::package::package(
        &e,
        &[
            (sha256_hex(&pdf), pdf.clone()),
            (sha256_hex(&png), png.clone()),
        ],
    )
    .unwrap();
    let files: Vec<(String, Vec<u8>)> = unzip(&zip)
        .unwrap()
        .into_iter()
        .filter_map(|f| Some((f.name, f.bytes.ok()?)))
        .collect();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"evaluation.json") && names.contains(&"manifest.json"));
    assert!(names
        .iter()
        .any(|n| n.starts_with("报告/") && n.ends_with(".docx")));
    assert!(names.iter().any(|n| n.ends_with("评分表.xlsx")));
    assert!(names.iter().any(|n| n.ends_with(".html")));
    let opened = open_package(&files).unwrap();
    assert_eq!(opened.evaluation, e);
    assert_eq!(opened.files.len(), 2);
    assert_eq!(sha256_hex(opened.files[0].1), e.evidence_files[0].sha256);
    assert_eq!(opened.files[1].1, png);
    // A file changed after packing, or missing, refuses the package by name.
    let mut altered = files.clone();
    let at = altered
        .iter()
        .position(|(n, _)| n.ends_with("照片.png"))
        .unwrap();
    altered[at].1.push(0);
    assert!(open_package(&altered).unwrap_err().contains("照片.png"));
    altered.remove(at);
    assert!(open_package(&altered).unwrap_err().contains("缺少佐证材料"));
    // Bytes not at hand: the package is not written.
    assert!(jixiao::export::package::package(&e, &[])
        .unwrap_err()
        .contains("纪要.pdf"));
    // Not a package, or a newer one.
    assert!(open_package(&[("a.json".into(), b"{}".to_vec())])
        .unwrap_err()
        .contains("manifest.json"));
    let newer = br#"{"package_version": 9, "evaluation": "evaluation.json", "files": []}"#.to_vec();
    assert!(open_package(&[("manifest.json".into(), newer)])
        .unwrap_err()
        .contains("较新版本"));
}

#[test]
fn sizes_limits_and_the_evidence_list_in_the_report() {
    assert_eq!(size_text(850), "850 B");
    assert_eq!(size_text(12_600), "12.3 KB");
    assert_eq!(size_text(4_781_506), "4.56 MB");
    assert!(check_size("a.pdf", MAX_FILE_BYTES).is_ok());
    assert!(check_size("a.pdf", MAX_FILE_BYTES + 1)
        .unwrap_err()
        .contains("50 MB"));
    assert!(check_size("a.pdf", 0).unwrap_err().contains("空文件"));
    let mut e = nanjing();
    let text = |e: &Evaluation| jixiao::report::text::render(&jixiao::report::build(e));
    assert!(!text(&e).contains("佐证材料清单"));
    e.evidence_files = vec![record("2.6.2", "纪要.pdf", b"abc")];
    let report = text(&e);
    assert!(report.contains("附件2"), "{report}");
    assert!(report.contains("佐证材料清单"));
    assert!(report.contains(&sha256_hex(b"abc")));
    assert!(report.contains("工作开展情况") && report.contains("纪要.pdf"));
    // The same list in Excel (its own sheet) and in Word.
    use calamine::Reader;
    let xlsx = jixiao::export::xlsx::scoring_workbook(&e).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range("佐证材料清单").unwrap();
    assert_eq!(
        sheet.get_value((1, 5)),
        Some(&calamine::Data::String(sha256_hex(b"abc")))
    );
    let docx = jixiao::export::docx::evaluation_docx(&e).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("佐证材料清单") && xml.contains(&sha256_hex(b"abc")));
}

#[test]
fn an_unevidenced_score_is_a_finding_when_the_setting_asks() {
    use jixiao::core::EvidenceCheck;
    let mut e = nanjing();
    let has = |e: &Evaluation| {
        assess(e)
            .findings
            .iter()
            .filter(|f| f.code == Code::EvidenceMissing)
            .count()
    };
    assert_eq!(has(&e), 0, "off by default");
    e.settings.evidence_check = EvidenceCheck::BelowFull;
    assert_eq!(has(&e), 1, "工作开展情况 lost 0.5 without evidence");
    e.evidence_files = vec![record("2.6.2", "纪要.pdf", b"abc")];
    assert_eq!(has(&e), 0);
    e.settings.evidence_check = EvidenceCheck::Scored;
    assert_eq!(
        has(&e),
        31,
        "every other scored row (32 rows; the 加减分项 are not rows)"
    );
    // 不适用 is an answer; 缺失 with a file attached is a contradiction worth saying.
    e.evidence_files.clear();
    e.settings.evidence_check = EvidenceCheck::BelowFull;
    e.indicator_mut("2.6.2").unwrap().evidence_status = EvidenceStatus::NotApplicable;
    assert_eq!(has(&e), 0);
}

#[test]
fn the_reviewers_desk_reads_a_package_as_one_evaluation() {
    use jixiao::core::review::intake::open_all;
    use std::io::Write;
    let mut e = nanjing();
    let bytes = b"minutes".to_vec();
    e.evidence_files = vec![record("2.6.2", "纪要.pdf", &bytes)];
    let package = jixiao::export::package::package(&e, &[(sha256_hex(&bytes), bytes)]).unwrap();
    let rows = open_all("南京12345材料包.zip", &package);
    assert_eq!(rows.len(), 1, "not its report copies and evidence");
    assert_eq!(rows[0].opened.as_ref().unwrap(), &e);
    // Inside a batch, beside another unit's file.
    let mut batch = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    batch.start_file("材料包.zip", options).unwrap();
    batch.write_all(&package).unwrap();
    batch.start_file("乙单位.json", options).unwrap();
    batch
        .write_all(jixiao::core::to_json(&template::load("department").unwrap()).as_bytes())
        .unwrap();
    let batch = batch.finish().unwrap().into_inner();
    let rows = open_all("批次.zip", &batch);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.opened.is_ok()));
}
