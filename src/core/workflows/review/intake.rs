//! Files as a reviewer receives them (收件): what a file is, from its first bytes and its name; the key
//! that marks the same content twice; a .zip opened into its files, folders kept in the names.

use crate::core::import::{
    compound_format, parse_rows, parse_tsv, OfficeFormat, COMPOUND_FILE, MAX_BYTES,
};
use crate::core::keys::content_key;
use crate::core::{from_json, Evaluation};
use serde::{Deserialize, Serialize};

/// Largest .zip read, and the most its files may declare uncompressed in all (a batch of 300 units'
/// tables is a few MB; a zip bomb declares gigabytes).
pub const MAX_ARCHIVE_BYTES: usize = 200 * 1024 * 1024;
/// Most files taken from one .zip.
pub const MAX_ARCHIVE_FILES: usize = 5_000;
/// How deep .zip files inside .zip files are opened.
pub const MAX_DEPTH: usize = 3;

/// Why a file of the batch gives no row of figures; the row says it and the batch goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Refusal {
    /// Bigger than the limit (bytes).
    TooLarge(u64),
    /// An empty file.
    Empty,
    /// Encrypted (a password-protected Office file, or an encrypted .zip entry).
    Password,
    /// An Excel 97–2003 .xls (no longer refused: .xls is read; kept so rows saved earlier still read).
    OldExcel,
    /// An old or WPS format that is not read (.doc, .wps, .et): the format, and what to save it as.
    OldFormat(String, String),
    /// A file that is no evaluation or table (a PDF, a Word report, a picture …): what it is.
    NotATable(String),
    /// A text file not in UTF-8 (GBK, as Windows saves text by default).
    NotUtf8,
    /// A .zip inside a .zip inside … deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Opened but not readable: the reader's Chinese message.
    Unreadable(String),
}

impl Refusal {
    /// The reason in Chinese, as the row shows it.
    pub fn message(&self) -> String {
        match self {
            Refusal::TooLarge(bytes) => format!(
                "文件过大（{:.1} MB），超过上限，未读取",
                *bytes as f64 / 1_048_576.0
            ),
            Refusal::Empty => "空文件".into(),
            Refusal::Password => "文件受密码保护，无法读取；请单位提供未加密的文件".into(),
            Refusal::OldExcel => "Excel 97-2003 格式（.xls），请另存为 .xlsx 后再打开".into(),
            Refusal::OldFormat(format, target) => {
                format!("{format}无法直接读取，请另存为 {target} 后再打开")
            }
            Refusal::NotATable(what) => format!("不是评价文件或指标表（{what}）"),
            Refusal::NotUtf8 => {
                "文本不是 UTF-8 编码（可能是 GBK），请在 Excel 中另存为 .xlsx 或 UTF-8 文本".into()
            }
            Refusal::TooDeep => format!("压缩包嵌套超过 {MAX_DEPTH} 层，未展开"),
            Refusal::Unreadable(message) => format!("无法读取：{message}"),
        }
    }
}

/// What a received file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An evaluation file (JSON).
    Evaluation,
    /// An indicator table as text (tab-separated, as copied from Excel or Word).
    Table,
    /// An Office file read by the Word / Excel module: a workbook's (.xlsx, .xls) first sheet, or the
    /// indicator table of a Word file (.docx).
    Office,
    /// A web page (.html, .htm, .mht): its indicator table, merged cells laid out as a browser does
    /// (read with the Office files: its charset may be GBK).
    Page,
    /// A PDF (read by the Word / Excel module: its ruled table and its words; a scan is named as one).
    Pdf,
    /// A .zip of more files.
    Archive,
    /// Not read, with the reason.
    Refused(Refusal),
}

/// `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// What `bytes` (named `name`) is, from its first bytes and, where those are ambiguous, its name.
/// A zip's parts are named in clear in its directory, so an .xlsx or a .docx is told from a plain .zip
/// without opening it.
pub fn classify(name: &str, bytes: &[u8]) -> FileKind {
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let limit = if ext == "zip" {
        MAX_ARCHIVE_BYTES
    } else {
        MAX_BYTES
    };
    let refused = |r| FileKind::Refused(r);
    if bytes.is_empty() {
        return refused(Refusal::Empty);
    }
    if bytes.len() > limit {
        return refused(Refusal::TooLarge(bytes.len() as u64));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // By the entry names in the zip's directory, else (a damaged directory) by the bytes: an .xlsx
        // stored inside a package must not make the package an .xlsx.
        let has = |name: &[u8]| match zip_names(bytes) {
            Some(names) => names.contains(&name),
            None => contains(bytes, name),
        };
        return if has(b"xl/workbook.xml") || has(b"word/document.xml") {
            FileKind::Office
        } else if has(b"ppt/presentation.xml") {
            refused(Refusal::NotATable("PowerPoint 演示文稿".into()))
        } else if bytes.len() > MAX_ARCHIVE_BYTES {
            refused(Refusal::TooLarge(bytes.len() as u64))
        } else {
            FileKind::Archive
        };
    }
    if bytes.starts_with(COMPOUND_FILE) {
        return match compound_format(bytes) {
            Some(OfficeFormat::Encrypted) => refused(Refusal::Password),
            Some(OfficeFormat::OldWord) if ext == "wps" => refused(Refusal::OldFormat(
                "WPS 文字文件（.wps）".into(),
                ".docx".into(),
            )),
            Some(OfficeFormat::OldWord) => refused(Refusal::OldFormat(
                "Word 97-2003 文档（.doc）".into(),
                ".docx".into(),
            )),
            // WPS's own spreadsheet format is not Excel's, whatever its container.
            _ if ext == "et" => refused(Refusal::OldFormat(
                "WPS 表格文件（.et）".into(),
                ".xlsx".into(),
            )),
            _ => FileKind::Office,
        };
    }
    if bytes.starts_with(b"%PDF") {
        return FileKind::Pdf;
    }
    let signatures: [(&[u8], &str); 6] = [
        (b"\x89PNG", "图片"),
        (b"\xFF\xD8\xFF", "图片"),
        (b"GIF8", "图片"),
        (b"Rar!", "RAR 压缩包，请改用 .zip"),
        (b"7z\xBC\xAF", "7z 压缩包，请改用 .zip"),
        (b"{\\rtf", "RTF 文档"),
    ];
    if let Some((_, what)) = signatures.iter().find(|(s, _)| bytes.starts_with(s)) {
        return refused(Refusal::NotATable((*what).into()));
    }
    if matches!(ext, "html" | "htm" | "mht" | "mhtml") {
        // Saved pages come in GBK as often as in UTF-8; the page's own charset decides.
        return FileKind::Page;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return refused(Refusal::NotUtf8);
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        FileKind::Evaluation
    } else if ext == "expect" {
        // A reviewer's expectations beside a table (review::expect): read with it, not as one.
        refused(Refusal::NotATable("复核预期".into()))
    } else if matches!(ext, "md" | "xml" | "csv") && !text.contains('\t') {
        refused(Refusal::NotATable(format!("{} 文件", ext.to_uppercase())))
    } else {
        FileKind::Table
    }
}

/// Opens an evaluation file or a tab-separated table (the kinds [`classify`] calls
/// [`FileKind::Evaluation`] and [`FileKind::Table`]).
pub fn open_text(name: &str, bytes: &[u8]) -> Result<Evaluation, Refusal> {
    let text = || {
        std::str::from_utf8(bytes)
            .map(|t| t.trim_start_matches('\u{feff}'))
            .map_err(|_| Refusal::NotUtf8)
    };
    match classify(name, bytes) {
        FileKind::Evaluation => from_json(text()?).map_err(|e| Refusal::Unreadable(e.to_string())),
        FileKind::Table => parse_tsv(text()?)
            .map(|t| t.into_evaluation())
            .map_err(|e| Refusal::Unreadable(format!("无法识别的指标表：{e}"))),
        FileKind::Refused(refusal) => Err(refusal),
        FileKind::Page | FileKind::Office | FileKind::Pdf | FileKind::Archive => {
            Err(Refusal::Unreadable("不是文本文件".into()))
        }
    }
}

/// A text that is no table but a report's words (saved as .txt) as what it states; `refusal` when it
/// states nothing. Used by the CLI's batches; the browser reads reports as .docx, and keeps this
/// reader out of the workbench's first download.
fn open_report_text(bytes: &[u8], refusal: Refusal) -> Result<Evaluation, Refusal> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(refusal);
    };
    let text = crate::core::import::narrative::read_report_text(text);
    if text.is_empty() {
        return Err(refusal);
    }
    crate::core::import::DocumentRead {
        cells: Vec::new(),
        text,
    }
    .into_evaluation()
    .map_err(|_| refusal)
}

/// Opens the cells of an Office file's table (a workbook's first sheet, a Word file's indicator table).
pub fn open_cells(cells: &[Vec<String>]) -> Result<Evaluation, Refusal> {
    parse_rows(cells)
        .map(|t| t.into_evaluation())
        .map_err(|e| Refusal::Unreadable(format!("无法识别的 Excel 指标表：{e}")))
}

/// One file taken out of a .zip: its path inside (folders kept), and its bytes or why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpacked {
    /// Path inside the archive, e.g. `2024/教育局.xlsx`.
    pub name: String,
    /// The bytes, or why the file was not taken out.
    pub bytes: Result<Vec<u8>, Refusal>,
}

/// An entry's name: UTF-8 when it is (or flagged so), else GBK, as Chinese Windows writes zip names.
fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(name) => name.to_string(),
        Err(_) => encoding_rs::GBK.decode(raw).0.into_owned(),
    }
}

/// The files of a .zip (folders and system files such as `__MACOSX/` skipped). Sizes are checked
/// against what the archive declares before anything is expanded.
pub fn unzip(bytes: &[u8]) -> Result<Vec<Unpacked>, Refusal> {
    use std::io::Read;
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Refusal::Unreadable(format!("压缩包已损坏（{e}）")))?;
    if archive.len() > MAX_ARCHIVE_FILES {
        return Err(Refusal::Unreadable(format!(
            "压缩包内有 {} 个文件，超过 {MAX_ARCHIVE_FILES} 个的上限",
            archive.len()
        )));
    }
    let mut declared: u64 = 0;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let (name, size, encrypted, skip) = match archive.by_index_raw(i) {
            Ok(entry) => {
                let name = entry_name(entry.name_raw());
                let hidden = name.starts_with("__MACOSX/")
                    || name
                        .rsplit('/')
                        .next()
                        .is_some_and(|n| n.starts_with('.') || n.is_empty())
                    || name.ends_with("Thumbs.db");
                (
                    name,
                    entry.size(),
                    entry.encrypted(),
                    entry.is_dir() || hidden,
                )
            }
            Err(e) => {
                out.push(Unpacked {
                    name: format!("（第 {} 个文件）", i + 1),
                    bytes: Err(Refusal::Unreadable(e.to_string())),
                });
                continue;
            }
        };
        if skip {
            continue;
        }
        declared = declared.saturating_add(size);
        let limit = if name.to_lowercase().ends_with(".zip") {
            MAX_ARCHIVE_BYTES
        } else {
            MAX_BYTES
        };
        let refusal = if encrypted {
            Some(Refusal::Password)
        } else if size > limit as u64 || declared > MAX_ARCHIVE_BYTES as u64 {
            Some(Refusal::TooLarge(size))
        } else {
            None
        };
        if let Some(refusal) = refusal {
            out.push(Unpacked {
                name,
                bytes: Err(refusal),
            });
            continue;
        }
        let read = archive.by_index(i).and_then(|entry| {
            let mut data = Vec::with_capacity(size as usize);
            // Never more than declared (+1 to notice a lie), whatever the stream holds.
            entry.take(size + 1).read_to_end(&mut data)?;
            Ok(data)
        });
        let bytes = match read {
            Ok(data) if data.len() as u64 > size => Err(Refusal::Unreadable(
                "压缩包已损坏（文件长度与目录不符）".into(),
            )),
            Ok(data) => Ok(data),
            Err(e) => Err(Refusal::Unreadable(format!("无法解压（{e}）"))),
        };
        out.push(Unpacked { name, bytes });
    }
    Ok(out)
}

/// The files of a .zip as one byte string (how the Word / Excel module hands them to the page):
/// per file, its name and either its bytes or its refusal as JSON, each length-prefixed.
pub fn encode_unpacked(files: &[Unpacked]) -> Vec<u8> {
    let mut out = Vec::new();
    let put = |out: &mut Vec<u8>, part: &[u8]| {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
        out.extend_from_slice(part);
    };
    for file in files {
        put(&mut out, file.name.as_bytes());
        match &file.bytes {
            Ok(bytes) => {
                out.push(0);
                put(&mut out, bytes);
            }
            Err(refusal) => {
                out.push(1);
                put(
                    &mut out,
                    serde_json::to_string(refusal)
                        .unwrap_or_default()
                        .as_bytes(),
                );
            }
        }
    }
    out
}

/// Reads what [`encode_unpacked`] wrote; `None` when it is cut short.
pub fn decode_unpacked(mut bytes: &[u8]) -> Option<Vec<Unpacked>> {
    fn take<'a>(bytes: &mut &'a [u8]) -> Option<&'a [u8]> {
        let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let part = bytes.get(4..4 + len)?;
        *bytes = &bytes[4 + len..];
        Some(part)
    }
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let name = String::from_utf8_lossy(take(&mut bytes)?).into_owned();
        let status = *bytes.first()?;
        bytes = &bytes[1..];
        let part = take(&mut bytes)?;
        let bytes = match status {
            0 => Ok(part.to_vec()),
            _ => Err(serde_json::from_slice(part)
                .unwrap_or_else(|_| Refusal::Unreadable("未知原因".into()))),
        };
        out.push(Unpacked { name, bytes });
    }
    Some(out)
}

/// One file of a batch, opened: its name (inside its .zip, folders kept), its content key, and the
/// evaluation or why not.
#[derive(Debug)]
pub struct Received {
    /// e.g. `批次.zip/2024/教育局.xlsx`.
    pub name: String,
    /// [`content_key`] of its bytes (empty when they could not be taken out).
    pub key: String,
    /// The evaluation read from it, or why not.
    pub opened: Result<Evaluation, Refusal>,
}

/// The entry names in a zip's central directory, or `None` when it cannot be found (zip64, damaged).
fn zip_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let u16_at =
        |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?) as usize);
    let u32_at =
        |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize);
    // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let end = (from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let (count, offset) = (u16_at(end + 10)?, u32_at(end + 16)?);
    let mut at = offset;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        if bytes.get(at..at + 4) != Some(b"PK\x01\x02") {
            return None;
        }
        let (name, extra, comment) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        names.push(bytes.get(at + 46..at + 46 + name)?);
        at += 46 + name + extra + comment;
    }
    Some(names)
}

/// A package (导出全部) among a .zip's files: its evaluation, checked against its manifest — the report
/// copies and the evidence inside are not further files to review. `None` when the .zip is no package.
pub fn package_of(files: &[Unpacked]) -> Option<Result<Evaluation, Refusal>> {
    let manifest = crate::core::evidence::MANIFEST_PATH;
    if !files.iter().any(|f| f.name == manifest) {
        return None;
    }
    let plain: Vec<(String, &[u8])> = files
        .iter()
        .filter_map(|f| Some((f.name.clone(), f.bytes.as_ref().ok()?.as_slice())))
        .collect();
    Some(
        crate::core::evidence::open_package(&plain)
            .map(|opened| opened.evaluation)
            .map_err(Refusal::Unreadable),
    )
}

/// A received file opened all the way natively: a .zip into its files (recursively, up to
/// [`MAX_DEPTH`]), an .xlsx through the import; one [`Received`] per file.
pub fn open_all(name: &str, bytes: &[u8]) -> Vec<Received> {
    fn walk(name: &str, bytes: &[u8], depth: usize, out: &mut Vec<Received>) {
        let opened = match classify(name, bytes) {
            FileKind::Archive if depth >= MAX_DEPTH => Err(Refusal::TooDeep),
            FileKind::Archive => match unzip(bytes) {
                // A package is one evaluation, not a batch.
                Ok(files) => match package_of(&files) {
                    Some(opened) => opened,
                    None => {
                        for file in files {
                            let inner = format!("{name}/{}", file.name);
                            match file.bytes {
                                Ok(data) => walk(&inner, &data, depth + 1, out),
                                Err(refusal) => out.push(Received {
                                    name: inner,
                                    key: String::new(),
                                    opened: Err(refusal),
                                }),
                            }
                        }
                        return;
                    }
                },
                Err(refusal) => Err(refusal),
            },
            // A PDF beside the tables may be any document: one with no report in it is listed, not
            // an error (a scan says it is one).
            FileKind::Pdf => crate::core::import::read_document(bytes)
                .and_then(|read| read.into_evaluation())
                .map_err(|e| Refusal::NotATable(format!("PDF 文件：{e}"))),
            FileKind::Office | FileKind::Page => crate::core::import::read_document(bytes)
                .and_then(|read| read.into_evaluation())
                .map_err(|e| Refusal::Unreadable(format!("无法识别的指标表：{e}"))),
            FileKind::Evaluation => open_text(name, bytes),
            FileKind::Table => {
                open_text(name, bytes).or_else(|refusal| open_report_text(bytes, refusal))
            }
            FileKind::Refused(refusal) => Err(refusal),
        };
        out.push(Received {
            name: name.to_string(),
            key: content_key(bytes),
            opened,
        });
    }
    let mut out = Vec::new();
    walk(name, bytes, 0, &mut out);
    out
}

/// One file opened as one evaluation (what `jixiao export` and `compare` take): as [`open_all`] opens
/// it, the reason in Chinese when it is not exactly one readable evaluation.
pub fn open_one(name: &str, bytes: &[u8]) -> Result<Evaluation, String> {
    let mut received = open_all(name, bytes);
    match received.len() {
        1 => received
            .remove(0)
            .opened
            .map_err(|refusal| refusal.message()),
        n => Err(format!("其中有 {n} 个文件；请指定其中一个评价文件或指标表")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_names_from_chinese_windows_are_gbk() {
        // "教育局.xlsx" as GBK bytes (no UTF-8 flag), as Windows' 发送到压缩文件夹 writes it.
        let (gbk, _, _) = encoding_rs::GBK.encode("2024/教育局.xlsx");
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(entry_name(&gbk), "2024/教育局.xlsx");
        assert_eq!(entry_name("单位/甲.json".as_bytes()), "单位/甲.json");
    }
}
