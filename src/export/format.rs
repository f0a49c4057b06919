//! The formats a self-evaluation is written out in (`jixiao export --to`), each to its bytes.
//!
//! ```
//! use jixiao::export::format::Format;
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let text = Format::parse("txt").unwrap().write(&e).unwrap();
//! assert!(String::from_utf8(text).unwrap().contains("自评价得分为99.5分"));
//! assert!(Format::parse("pdf").is_err());
//! ```

use crate::core::model::Evaluation;

/// A format of the report or its annex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The report as plain text.
    Txt,
    /// The report as one HTML page (prints on A4).
    Html,
    /// The report as a Word file.
    Docx,
    /// The scoring table as an Excel workbook.
    Xlsx,
}

impl Format {
    /// Every format, in the order offered.
    pub const ALL: [(Format, &'static str); 4] = [
        (Format::Txt, "txt"),
        (Format::Html, "html"),
        (Format::Docx, "docx"),
        (Format::Xlsx, "xlsx"),
    ];

    /// The format a name (as typed after `--to`) names; the Chinese reason when none.
    pub fn parse(name: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(f, _)| *f)
            .ok_or_else(|| format!("不支持的导出格式：{name}（可用：txt、html、docx、xlsx）"))
    }

    /// The evaluation written in this format.
    pub fn write(self, evaluation: &Evaluation) -> Result<Vec<u8>, String> {
        let report = || crate::report::build(evaluation);
        match self {
            Format::Txt => Ok(crate::report::text::render(&report()).into_bytes()),
            Format::Html => Ok(crate::report::html::render_document(&report()).into_bytes()),
            Format::Docx => super::docx::report_docx(&report()),
            Format::Xlsx => super::xlsx::scoring_workbook(evaluation),
        }
    }
}
