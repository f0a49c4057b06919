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

/// How far the cells of an .xls reach, over all its sheets: (last row + 1, last column + 1), read from
/// the cell records of its Workbook stream (BIFF8) without laying them out; `None` when the compound
/// file or its stream cannot be read by a strict reader.
fn xls_extent(bytes: &[u8]) -> Option<(usize, usize)> {
    use std::io::Read;
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).ok()?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .ok()?
        .take(MAX_BYTES as u64)
        .read_to_end(&mut stream)
        .ok()?;
    let mut reach = (0usize, 0usize);
    let mut sheets = Vec::new();
    // The stream record by record from its start, then from each sheet's own start (BOUNDSHEET), as
    // calamine reads it: a position that falls inside a record shows records the first walk did not.
    walk_records(&stream, 0, false, &mut |kind, data| {
        if kind == 0x0085 && data.len() >= 4 {
            sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize);
        }
        widen(&mut reach, kind, data);
    })?;
    for start in sheets {
        walk_records(&stream, start, true, &mut |kind, data| {
            widen(&mut reach, kind, data)
        });
    }
    Some(reach)
}

/// Widens `reach` (rows, columns) to what one record reaches.
fn widen(reach: &mut (usize, usize), kind: u16, data: &[u8]) {
    if let Some((rows, columns)) = record_extent(kind, data) {
        reach.0 = reach.0.max(rows);
        reach.1 = reach.1.max(columns);
    }
}

/// Calls `each` with every record (type, data) from `start`; a sheet's walk (`sheet`) ends at its EOF
/// outside nested substreams, as calamine's does. `None` when a record runs past the stream.
fn walk_records(
    stream: &[u8],
    start: usize,
    sheet: bool,
    each: &mut dyn FnMut(u16, &[u8]),
) -> Option<()> {
    let (mut at, mut depth, mut seen_bof) = (start, 0usize, false);
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        if sheet {
            match kind {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A if depth > 0 => depth -= 1,
                0x000A => return Some(()),
                _ if depth > 0 => continue,
                _ => {}
            }
        }
        each(kind, data);
    }
    Some(())
}

/// The extent one record reaches: a cell's row and column (NUMBER, RK, LABELSST, LABEL, BLANK,
/// BOOLERR, FORMULA; MULRK and MULBLANK end with their last column), or the extent a DIMENSIONS record
/// declares — which calamine reserves room for before reading a cell (a damaged one declared 4 billion
/// rows: 515 GB, found by the fuzzer).
fn record_extent(kind: u16, data: &[u8]) -> Option<(usize, usize)> {
    if kind == 0x0200 {
        return declared_extent(data);
    }
    let cell = matches!(
        kind,
        0x0203 | 0x027E | 0x00FD | 0x0204 | 0x0201 | 0x0205 | 0x0006
    );
    let multiple = matches!(kind, 0x00BD | 0x00BE);
    if !(cell || multiple) || data.len() < 4 {
        return None;
    }
    let row = u16::from_le_bytes([data[0], data[1]]) as usize;
    let mut column = u16::from_le_bytes([data[2], data[3]]) as usize;
    if multiple && data.len() >= 6 {
        let end = data.len();
        column = column.max(u16::from_le_bytes([data[end - 2], data[end - 1]]) as usize);
    }
    Some((row + 1, column + 1))
}

/// The rows and columns a DIMENSIONS record declares, with calamine's arithmetic (u32, wrapping).
fn declared_extent(data: &[u8]) -> Option<(usize, usize)> {
    let u16_at = |i: usize| u16::from_le_bytes([data[i], data[i + 1]]) as u32;
    let u32_at = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let (first_row, last_row, mut first_column, last_column) = match data.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return None,
    };
    if first_column > 0xFF || last_column < first_column {
        first_column = 0;
    }
    if last_row < 1 || last_column < 1 {
        return Some((1, 1));
    }
    let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1);
    let columns = (last_column - 1).wrapping_sub(first_column).wrapping_add(1);
    Some((rows as usize, columns as usize))
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
    if compound {
        // Checked by a strict reader first: calamine's own lets a damaged directory through and then
        // spends minutes on it (found by the fuzzer).
        let Some((rows, columns)) = xls_extent(bytes) else {
            return Err(refuse(
                "Excel 97-2003 文件（.xls）已损坏或结构不规范，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再打开".into(),
            ));
        };
        if rows.saturating_mul(columns) > MAX_CELLS {
            return Err(too_many_cells());
        }
    }
    let range = super::guarded("Excel 文件", || {
        let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e| refuse(format!("不是可读取的 Excel 文件（{e}）")))?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| refuse("Excel 文件中没有工作表".into()))?
            .map_err(|e| refuse(format!("无法读取第一个工作表（{e}）")))?;
        Ok(range)
    })?;
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
