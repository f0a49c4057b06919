//! 导出全部: the evaluation and everything that goes with it as one .zip — `evaluation.json`,
//! `manifest.json` (every evidence file with its path, size and SHA-256), the report as .docx, .xlsx and
//! .html under `报告/`, and the evidence in one folder per indicator ([`crate::core::evidence::layout`]).
//! Opening it again is [`crate::core::evidence::open_package`] on the unzipped files.
//!
//! ```
//! use jixiao::core::evidence::{open_package, sha256_hex};
//! use jixiao::core::model::Evidence;
//! use jixiao::core::review::intake::unzip;
//! let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let bytes = b"minutes".to_vec();
//! e.evidence_files.push(Evidence { indicator: "2.6.2".into(), name: "纪要.pdf".into(),
//!     description: String::new(), size: 7, sha256: sha256_hex(&bytes), mime: String::new() });
//! let zip = jixiao::export::package::package(&e, &[(sha256_hex(&bytes), bytes.clone())]).unwrap();
//! let files: Vec<(String, Vec<u8>)> = unzip(&zip).unwrap().into_iter()
//!     .filter_map(|f| Some((f.name, f.bytes.ok()?))).collect();
//! let opened = open_package(&files).unwrap();
//! assert_eq!(opened.files[0].1, bytes);
//! ```

use super::documents::PackageParts;
use crate::core::evidence::{safe_file_name, EVALUATION_PATH, MANIFEST_PATH};
use crate::core::Evaluation;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The package of `evaluation` with the bytes of its evidence files (by SHA-256). A file whose bytes
/// are not given is refused by name: a package must be complete.
pub fn package(evaluation: &Evaluation, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    assemble(&PackageParts::of(evaluation), files)
}

/// The package of its [`PackageParts`] (what the page hands to the Word / Excel module) and the evidence
/// bytes by SHA-256.
pub fn assemble(parts: &PackageParts, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let manifest = &parts.manifest;
    let title = safe_file_name(&parts.documents.report.title);
    let docx = super::docx::report_docx(&parts.documents.report)?;
    let xlsx = super::xlsx::workbook(&parts.documents)?;
    let html = &parts.html;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let text = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(false);
    // Evidence is mostly PDFs and pictures, already compressed: stored as is, fast in the browser.
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .large_file(false);
    let fail = |e: zip::result::ZipError| format!("材料包无法写出（{e}）");
    let io = |e: std::io::Error| format!("材料包无法写出（{e}）");
    let mut put = |path: &str, bytes: &[u8], options: SimpleFileOptions| -> Result<(), String> {
        out.start_file(path, options).map_err(fail)?;
        out.write_all(bytes).map_err(io)
    };
    put(EVALUATION_PATH, parts.evaluation.as_bytes(), text)?;
    put(
        MANIFEST_PATH,
        serde_json::to_string_pretty(manifest)
            .unwrap_or_default()
            .as_bytes(),
        text,
    )?;
    put(&format!("报告/{title}.docx"), &docx, stored)?;
    put(&format!("报告/{title}评分表.xlsx"), &xlsx, stored)?;
    put(&format!("报告/{title}.html"), html.as_bytes(), text)?;
    for file in &manifest.files {
        let bytes = files
            .iter()
            .find(|(sha, _)| *sha == file.evidence.sha256)
            .map(|(_, b)| b)
            .ok_or_else(|| {
                format!(
                    "佐证材料“{}”的文件内容不在本机（可能已被浏览器清除），请重新添加后再导出",
                    file.evidence.name
                )
            })?;
        put(&file.path, bytes, stored)?;
    }
    out.finish().map(|cursor| cursor.into_inner()).map_err(fail)
}
