//! An .xlsx or .xls file's first worksheet to rows of cells (calamine), refused **before** it is expanded when
//! its parts declare more than the import's size limit uncompressed, or hold too many cells.

use super::{refuse, too_many_cells, ImportError, MAX_BYTES, MAX_CELLS};

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
    // A compound file (.xls) is not compressed: its size is what was bounded above.
    let compound = bytes.starts_with(super::COMPOUND_FILE);
    match declared_size(bytes) {
        None if compound => {}
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
    fn not_a_zip_is_refused_before_reading() {
        let err = xlsx_rows(b"not a zip").unwrap_err();
        assert!(err.message.contains("zip"), "{err}");
    }
}
