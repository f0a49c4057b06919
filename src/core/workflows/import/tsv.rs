//! Pasted text (Excel / WPS copy) to rows of cells: tabs between cells, Excel's quotes around cells
//! holding tabs or line breaks; bounded by the import's size limits while splitting.

use super::{refuse, too_many_cells, ImportError, MAX_BYTES, MAX_CELLS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::MAX_CELLS;

    #[test]
    fn quoted_cells_keep_tabs_and_line_breaks() {
        let rows = tsv_rows("a\t\"b\tc\"\n\"x\ny\"\t\"say \"\"hi\"\"\"\n").unwrap();
        assert_eq!(rows, vec![vec!["a", "b\tc"], vec!["x\ny", "say \"hi\""]]);
    }

    #[test]
    fn too_many_cells_are_refused_while_splitting() {
        let many = "a\t".repeat(MAX_CELLS + 1);
        let err = tsv_rows(&many).unwrap_err();
        assert!(err.message.contains("200000 个单元格"), "{err}");
    }
}
