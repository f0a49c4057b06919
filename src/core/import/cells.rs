//! Outside bytes to rows of cell text: pasted TSV (Excel quotes cells holding tabs or line breaks) and
//! an .xlsx file's first worksheet. Both are bounded **before** they are expanded: a text over
//! [`MAX_BYTES`], an .xlsx whose parts declare more than [`MAX_BYTES`] uncompressed, or a table of more
//! than [`MAX_CELLS`] cells is refused with a Chinese message. (A 1 MB .xlsx can expand to 170 MB of XML.)

use super::ImportError;

/// Largest text, or total uncompressed size of an .xlsx, read (20 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Most cells read (200,000: a 2,000-row table of 100 columns).
pub const MAX_CELLS: usize = 200_000;

fn refuse(message: String) -> ImportError {
    ImportError {
        row: 0,
        column: 0,
        message,
    }
}

fn too_many_cells() -> ImportError {
    refuse(format!(
        "表格超过 {} 个单元格，无法导入；请只复制指标表部分",
        MAX_CELLS
    ))
}

/// Splits pasted text into rows of cells.
pub fn tsv_rows(text: &str) -> Result<Vec<Vec<String>>, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(refuse(format!(
            "粘贴的内容有 {:.1} MB，超过 {} MB 的上限，无法导入",
            text.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )));
    }
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut cells = 0usize;
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    let mut end_cell = |row: &mut Vec<String>, cell: &mut String| -> Result<(), ImportError> {
        cells += 1;
        if cells > MAX_CELLS {
            return Err(too_many_cells());
        }
        row.push(std::mem::take(cell));
        Ok(())
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                quoted = true;
                at_cell_start = false;
            }
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            }
            '\t' if !quoted => {
                end_cell(&mut row, &mut cell)?;
                at_cell_start = true;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                end_cell(&mut row, &mut cell)?;
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        end_cell(&mut row, &mut cell)?;
        rows.push(row);
    }
    Ok(rows)
}

/// The declared uncompressed size of a zip package's parts, or `None` when it is not a zip.
fn declared_size(bytes: &[u8]) -> Option<u64> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).ok()?;
        total = total.saturating_add(entry.size());
    }
    Some(total)
}

/// The cells of an .xlsx file's first worksheet as text, from A1 (blank rows and columns kept).
pub fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "Excel 文件超过 {} MB，无法导入",
            MAX_BYTES / 1_048_576
        )));
    }
    match declared_size(bytes) {
        Some(size) if size > MAX_BYTES as u64 => {
            return Err(refuse(format!(
            "Excel 文件解压后有 {:.0} MB，超过 {} MB 的上限，无法导入；请只保留指标表所在的工作表",
            size as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        )))
        }
        Some(_) => {}
        None => {
            return Err(refuse(
                "不是可读取的 Excel 文件（.xlsx 应为 zip 压缩包）".into(),
            ))
        }
    }
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| refuse(format!("不是可读取的 Excel 文件（{e}）")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| refuse("Excel 文件中没有工作表".into()))?
        .map_err(|e| refuse(format!("无法读取第一个工作表（{e}）")))?;
    let (height, width) = range.get_size();
    let (top, left) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    if height
        .saturating_add(top)
        .saturating_mul(width.saturating_add(left))
        > MAX_CELLS
    {
        return Err(too_many_cells());
    }
    let mut table: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![String::new(); left];
        cells.extend(row.iter().map(|cell| match cell {
            Data::String(s) => s.clone(),
            Data::Float(f) => format!("{f}"),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        }));
        table.push(cells);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_cells_keep_tabs_and_line_breaks() {
        let rows = tsv_rows("a\t\"b\tc\"\n\"x\ny\"\t\"say \"\"hi\"\"\"\n").unwrap();
        assert_eq!(rows, vec![vec!["a", "b\tc"], vec!["x\ny", "say \"hi\""]]);
    }

    #[test]
    fn limits_refuse_before_reading() {
        let many = "a\t".repeat(MAX_CELLS + 1);
        let err = tsv_rows(&many).unwrap_err();
        assert!(err.message.contains("200000 个单元格"), "{err}");
        let err = xlsx_rows(b"not a zip").unwrap_err();
        assert!(err.message.contains("zip"), "{err}");
    }
}
