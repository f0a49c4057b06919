//! Which Office file a file is (by its first bytes and its zip's part names) and reading its table
//! and words: an .xlsx / .xls workbook's first sheet, a Word report's indicator table and paragraphs,
//! a saved web page's table; the old formats (.doc, .wps, .et) are named, not read.

use super::*;

/// An Office file as far as its first bytes tell (a zip's part names are read from its directory).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfficeFormat {
    /// .xlsx (Office Open XML workbook).
    Xlsx,
    /// .xls (Excel 97–2003, a compound file holding a workbook stream).
    Xls,
    /// .docx (Office Open XML document).
    Docx,
    /// .doc or .wps: a compound file holding a Word document stream, which is not read.
    OldWord,
    /// A password-protected Office file (a compound file holding an encrypted package).
    Encrypted,
    /// A PDF (a report saved or printed as PDF; its text layer is read, a scan is named as one).
    Pdf,
}

/// The first bytes of an OLE compound file (.xls, .doc, .wps, .et, an encrypted .xlsx / .docx).
pub const COMPOUND_FILE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Which Office format `bytes` are, or `None` for anything else. A zip is a .docx when its directory
/// names `word/document.xml`, else a workbook.
pub fn office_format(bytes: &[u8]) -> Option<OfficeFormat> {
    if bytes.starts_with(b"%PDF") {
        return Some(OfficeFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let docx = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map(|a| {
                a.file_names()
                    .any(|n| n.is_ok_and(|n| n == "word/document.xml"))
            })
            .unwrap_or(false);
        return Some(if docx {
            OfficeFormat::Docx
        } else {
            OfficeFormat::Xlsx
        });
    }
    compound_format(bytes)
}

/// Which Office format a compound file (.xls, .doc / .wps, encrypted) is, by its stream names; `None`
/// for anything else. Reads no zip, so the workbench can tell a file without the zip reader.
pub fn compound_format(bytes: &[u8]) -> Option<OfficeFormat> {
    if !bytes.starts_with(COMPOUND_FILE) {
        return None;
    }
    Some(if contains_utf16(bytes, "EncryptionInfo") {
        OfficeFormat::Encrypted
    } else if contains_utf16(bytes, "WordDocument") {
        OfficeFormat::OldWord
    } else {
        OfficeFormat::Xls
    })
}

/// The cells of the table an Office file holds: a workbook's (.xlsx, .xls) first sheet, or the
/// indicator table of a Word file ([`grid::indicator_table`]).
pub fn document_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    match office_format(bytes) {
        Some(OfficeFormat::Xlsx | OfficeFormat::Xls) => xlsx::xlsx_rows(bytes),
        Some(OfficeFormat::Docx) => {
            grid::indicator_table(&docx::read_docx(bytes)?.tables, "Word 文件")
        }
        Some(OfficeFormat::Pdf) => grid::indicator_table(&pdf::read_pdf(bytes)?.tables, "PDF 文件"),
        Some(OfficeFormat::OldWord) => Err(refuse(
            "Word 97-2003 文档（.doc）或 WPS 文字（.wps）无法直接读取，请另存为 .docx 后再打开"
                .into(),
        )),
        Some(OfficeFormat::Encrypted) => Err(refuse(
            "文件受密码保护，无法读取；请提供未加密的文件".into(),
        )),
        None => Err(refuse("不是 Excel 或 Word 文件".into())),
    }
}

/// The cells of the indicator table in an HTML text (a clipboard's `text/html`, a saved page's
/// [`html::page_html`]): of its tables, the one that reads as the most indicators.
pub fn html_cells(html: &str) -> Result<Vec<Vec<String>>, ImportError> {
    grid::indicator_table(&html::html_tables(html)?, "网页内容")
}

/// A document as read: its indicator table, when it has one, and what its words state.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DocumentRead {
    /// The cells of its indicator table (empty when it has none).
    pub cells: Vec<Vec<String>>,
    /// What its text states (a Word report's paragraphs).
    pub text: narrative::ReportText,
}

/// Reads an Office file or a saved web page: the cells of its table ([`document_cells`], a page's
/// [`html_cells`]) and, for a Word report, what its paragraphs state. A Word file with no table but a report's figures reads as its text alone.
pub fn read_document(bytes: &[u8]) -> Result<DocumentRead, ImportError> {
    // Told once: for a zip, telling reads its directory.
    match office_format(bytes) {
        None => {
            // A saved web page (.html, .mht): its charset decoded here, in the module that holds the
            // GBK tables, not in the workbench.
            let html = html::page_html(bytes)?;
            html_cells(&html).map(|cells| DocumentRead {
                cells,
                ..DocumentRead::default()
            })
        }
        Some(OfficeFormat::Pdf) => {
            let read = pdf::read_pdf(bytes)?;
            report_or_table(&read.tables, &read.text, "PDF 文件")
        }
        Some(OfficeFormat::Docx) => {
            let document = docx::read_docx(bytes)?;
            report_or_table(
                &document.tables,
                &document.paragraphs.join("\n\n"),
                "Word 文件",
            )
        }
        Some(_) => document_cells(bytes).map(|cells| DocumentRead {
            cells,
            ..DocumentRead::default()
        }),
    }
}

/// A report's indicator table and what its words state; the words alone when it has no table, an
/// error when it has neither.
fn report_or_table(
    tables: &[grid::Grid],
    words: &str,
    what: &str,
) -> Result<DocumentRead, ImportError> {
    let text = narrative::read_report_text(words);
    match grid::indicator_table(tables, what) {
        Ok(cells) => Ok(DocumentRead { cells, text }),
        Err(_) if !text.is_empty() => Ok(DocumentRead {
            cells: Vec::new(),
            text,
        }),
        Err(e) => Err(e),
    }
}

/// What the Word / Excel module hands the workbench for a file it read: the table's cells, or — a report
/// with words — the whole evaluation, so the workbench holds no reader of report text.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct OpenedDocument {
    /// The cells of its indicator table (read by the workbench as a paste is).
    pub cells: Vec<Vec<String>>,
    /// The report as an evaluation file (JSON), when its text states something: the workbench opens it
    /// as it opens any evaluation file (one reader of evaluations in its download, not two).
    pub report: Option<String>,
}

impl DocumentRead {
    /// What the workbench needs of it ([`OpenedDocument`]).
    pub fn opened(self) -> Result<OpenedDocument, ImportError> {
        if self.text.is_empty() {
            return Ok(OpenedDocument {
                cells: self.cells,
                report: None,
            });
        }
        let evaluation = self.into_evaluation()?;
        Ok(OpenedDocument {
            cells: Vec::new(),
            report: Some(crate::core::to_json(&evaluation)),
        })
    }

    /// The table parsed (none when the document has no table).
    pub fn table(&self) -> Result<Option<ImportedTable>, ImportError> {
        if self.cells.is_empty() {
            return Ok(None);
        }
        parse_rows(&self.cells).map(Some)
    }

    /// The document as an evaluation of its own: its table, with what its text states.
    pub fn into_evaluation(self) -> Result<Evaluation, ImportError> {
        let mut evaluation = match self.table() {
            Ok(Some(table)) => table.into_evaluation(),
            Ok(None) => Evaluation::empty(EvaluationKind::Department),
            Err(e) if self.text.is_empty() => return Err(e),
            Err(_) => Evaluation::empty(EvaluationKind::Department),
        };
        self.text.apply_to(&mut evaluation);
        Ok(evaluation)
    }
}
