//! A Word file (.docx) to its tables and paragraphs: every table of `word/document.xml` with its merged
//! cells resolved exactly — `gridSpan` (across) and `vMerge` restart / continue (down) — so a score printed
//! once for a merged block is one merge, not blank rows; the paragraphs outside tables as text (the
//! report's words). Bounded before parsing: the file by [`MAX_BYTES`], `document.xml` by its declared
//! and its real uncompressed size, the cells by [`MAX_CELLS`].
//!
//! A table's cells read as a paste from Word gives them (the text in a merge's first cell, blanks in the
//! rest), so the importer reads them as it reads a paste; the merges are kept beside them.

use super::grid::{Grid, Merge};
use super::{refuse, too_many_cells, ImportError, MAX_BYTES, MAX_CELLS};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;

/// Where the body of a Word file is.
const DOCUMENT_PATH: &str = "word/document.xml";
/// Widest span honoured (Word's own grid stops at 63 columns).
const MAX_SPAN: usize = 64;

/// A Word file's contents as the importer needs them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordDocument {
    /// Every table, in document order (a table nested in a cell comes after the one holding it).
    pub tables: Vec<Grid>,
    /// The paragraphs outside tables, in order, empty ones left out.
    pub paragraphs: Vec<String>,
}

/// How a cell takes part in a vertical merge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Vertical {
    None,
    Restart,
    Continue,
}

/// A table being read.
#[derive(Default)]
struct Building {
    table: Grid,
    row: Vec<String>,
    column: usize,
    /// Open vertical merges by their first column: index into `table.merges`.
    open: HashMap<usize, usize>,
    cell: Option<Cell>,
}

/// A cell being read.
struct Cell {
    text: String,
    span: usize,
    vertical: Vertical,
}

impl Building {
    fn start_row(&mut self) {
        self.row.clear();
        self.column = 0;
    }

    fn end_cell(&mut self, cells: &mut usize) -> Result<(), ImportError> {
        let Some(cell) = self.cell.take() else {
            return Ok(());
        };
        let row = self.table.rows.len();
        let column = self.column;
        *cells = cells.saturating_add(cell.span);
        if *cells > MAX_CELLS {
            return Err(too_many_cells());
        }
        match cell.vertical {
            Vertical::Continue => {
                if let Some(merge) = self
                    .open
                    .get(&column)
                    .and_then(|&i| self.table.merges.get_mut(i))
                {
                    merge.rows += 1;
                }
                // A continued cell is blank as printed, whatever empty paragraph it holds.
                self.row
                    .extend(std::iter::repeat_n(String::new(), cell.span));
            }
            vertical => {
                if vertical == Vertical::Restart || cell.span > 1 {
                    self.table.merges.push(Merge {
                        row,
                        column,
                        rows: 1,
                        columns: cell.span,
                    });
                }
                if vertical == Vertical::Restart {
                    self.open.insert(column, self.table.merges.len() - 1);
                } else {
                    self.open.remove(&column);
                }
                self.row.push(cell.text.trim_end_matches('\n').to_string());
                self.row
                    .extend(std::iter::repeat_n(String::new(), cell.span - 1));
            }
        }
        self.column += cell.span;
        Ok(())
    }

    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        // A column no cell of this row reaches closes the vertical merge standing there.
        let width = self.column;
        self.open.retain(|&column, _| column < width);
        self.table.rows.push(row);
    }

    fn finish(mut self) -> Grid {
        let width = self.table.rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut self.table.rows {
            row.resize(width, String::new());
        }
        self.table.merges.retain(|m| m.rows > 1 || m.columns > 1);
        self.table
    }
}

/// The `w:val` of an element, as text.
fn val(element: &BytesStart) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

/// The bytes of `word/document.xml`, refused when the file or the part is over the limit.
fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "Word 文件超过 {} MB，无法导入",
            MAX_BYTES / 1_048_576
        )));
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| refuse("不是可读取的 Word 文件（.docx 应为 zip 压缩包）".into()))?;
    let mut part = archive
        .by_name(DOCUMENT_PATH)
        .map_err(|_| refuse("Word 文件中没有正文（word/document.xml）".into()))?;
    let too_large = || {
        refuse(format!(
            "Word 文件正文解压后超过 {} MB 的上限，无法导入",
            MAX_BYTES / 1_048_576
        ))
    };
    if part.size() > MAX_BYTES as u64 {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    // The declared size can lie: read one byte past the limit at most.
    (&mut part)
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|e| refuse(format!("Word 文件已损坏，无法解压正文（{e}）")))?;
    if xml.len() > MAX_BYTES {
        return Err(too_large());
    }
    Ok(xml)
}

/// Reads a .docx file's tables and paragraphs.
pub fn read_docx(bytes: &[u8]) -> Result<WordDocument, ImportError> {
    let xml = document_xml(bytes)?;
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    reader.config_mut().trim_text(false);
    let mut document = WordDocument::default();
    let mut stack: Vec<Building> = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut cells = 0usize;
    let mut buffer = Vec::new();
    let broken = |e: quick_xml::Error| refuse(format!("Word 文件正文无法解析（{e}）"));
    loop {
        let event = reader.read_event_into(&mut buffer).map_err(broken)?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    "tbl" if !empty => stack.push(Building::default()),
                    "tr" if !empty => {
                        if let Some(table) = stack.last_mut() {
                            table.start_row();
                        }
                    }
                    "gridBefore" => {
                        if let Some(table) = stack.last_mut() {
                            let skip: usize = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                            let skip = skip.min(MAX_SPAN);
                            table.row.extend(std::iter::repeat_n(String::new(), skip));
                            table.column += skip;
                        }
                    }
                    "tc" if !empty => {
                        if let Some(table) = stack.last_mut() {
                            table.cell = Some(Cell {
                                text: String::new(),
                                span: 1,
                                vertical: Vertical::None,
                            });
                        }
                    }
                    "gridSpan" => {
                        if let Some(cell) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.span = val(e)
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1usize)
                                .clamp(1, MAX_SPAN);
                        }
                    }
                    "vMerge" => {
                        if let Some(cell) = stack.last_mut().and_then(|t| t.cell.as_mut()) {
                            cell.vertical = match val(e).as_deref() {
                                Some("restart") => Vertical::Restart,
                                _ => Vertical::Continue,
                            };
                        }
                    }
                    "t" if !empty => in_text = true,
                    "tab" => paragraph.push('\t'),
                    "br" | "cr" => paragraph.push('\n'),
                    _ => {}
                }
            }
            Event::Text(text) if in_text => {
                paragraph.push_str(&text.xml10_content());
            }
            Event::GeneralRef(reference) if in_text => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    paragraph.push(c);
                } else if let Some(text) =
                    quick_xml::escape::resolve_predefined_entity(reference.as_ref())
                {
                    paragraph.push_str(text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let text = std::mem::take(&mut paragraph);
                    let outside = stack.is_empty();
                    match stack.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => {
                            cell.text.push_str(&text);
                            cell.text.push('\n');
                        }
                        None if outside && !text.trim().is_empty() => {
                            document.paragraphs.push(text.trim().to_string())
                        }
                        None => {}
                    }
                }
                "tc" => {
                    if let Some(table) = stack.last_mut() {
                        table.end_cell(&mut cells)?;
                    }
                }
                "tr" => {
                    if let Some(table) = stack.last_mut() {
                        table.end_row();
                    }
                }
                "tbl" => {
                    if let Some(table) = stack.pop() {
                        document.tables.push(table.finish());
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file(DOCUMENT_PATH, options).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap();
        out.into_inner()
    }

    fn cell(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn merges_across_and_down_are_resolved() {
        let body = format!(
            "<w:p><w:r><w:t>一、基本情况 &amp; 收支</w:t></w:r></w:p><w:tbl>\
             <w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            cell(r#"<w:gridSpan w:val="2"/>"#, "指标"),
            cell("", "得分"),
            cell(r#"<w:vMerge w:val="restart"/>"#, "产出"),
            cell("", "数量"),
            cell(r#"<w:vMerge w:val="restart"/>"#, "18"),
            cell("<w:vMerge/>", ""),
            cell("", "质量"),
            cell("<w:vMerge/>", ""),
            cell("", "效益"),
            cell("", "满意度"),
            cell("", "9"),
        );
        let document = read_docx(&docx(&body)).unwrap();
        assert_eq!(document.paragraphs, vec!["一、基本情况 & 收支"]);
        let table = &document.tables[0];
        assert_eq!(
            table.rows,
            vec![
                vec!["指标", "", "得分"],
                vec!["产出", "数量", "18"],
                vec!["", "质量", ""],
                vec!["效益", "满意度", "9"],
            ]
        );
        assert_eq!(
            table.merges,
            vec![
                Merge {
                    row: 0,
                    column: 0,
                    rows: 1,
                    columns: 2
                },
                Merge {
                    row: 1,
                    column: 0,
                    rows: 2,
                    columns: 1
                },
                Merge {
                    row: 1,
                    column: 2,
                    rows: 2,
                    columns: 1
                },
            ]
        );
    }

    #[test]
    fn a_table_split_across_pages_is_joined() {
        let row = |a: &str, b: &str| format!("<w:tr>{}{}</w:tr>", cell("", a), cell("", b));
        let body = format!(
            "<w:tbl>{}{}</w:tbl><w:p/><w:tbl>{}{}</w:tbl>",
            row("三级指标", "分值"),
            row("完成量", "10"),
            row("三级指标", "分值"),
            row("合格率", "20")
        );
        let joined = super::super::grid::join_split(&read_docx(&docx(&body)).unwrap().tables);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].rows.len(), 3);
        assert_eq!(joined[0].rows[2], vec!["合格率", "20"]);
    }

    #[test]
    fn not_a_word_file_and_oversize_parts_are_refused() {
        assert!(read_docx(b"not a zip")
            .unwrap_err()
            .message
            .contains("Word"));
        let huge = format!(
            "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
            "字".repeat(MAX_BYTES / 3 + 10)
        );
        let err = read_docx(&docx(&huge)).unwrap_err();
        assert!(err.message.contains("超过"), "{err}");
    }

    #[test]
    fn spans_are_bounded() {
        let body = format!(
            "<w:tbl><w:tr>{}</w:tr></w:tbl>",
            cell(r#"<w:gridSpan w:val="999999999"/>"#, "x")
        );
        let document = read_docx(&docx(&body)).unwrap();
        assert_eq!(document.tables[0].rows[0].len(), MAX_SPAN);
    }
}
