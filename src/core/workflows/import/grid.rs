//! A table as a document holds it (表格): rows of cells on the table's grid, and the areas merged across
//! or down. Word (.docx) and web pages (HTML, a paste from Excel / WPS / a browser) both give one; a
//! merge's text stands in its first cell and the others are blank, as a paste gives them, so the
//! importer reads a grid as it reads a paste, and the merges say what a blank is.
//!
//! ```
//! use jixiao::core::import::grid::{join_split, Grid};
//! let page = |rows: &[&[&str]]| Grid {
//!     rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
//!     merges: vec![],
//! };
//! let first = page(&[&["三级指标", "分值"], &["完成量", "10"]]);
//! let second = page(&[&["三级指标", "分值"], &["合格率", "20"]]);
//! assert_eq!(join_split(&[first, second])[0].rows.len(), 3);
//! ```

use super::{parse_rows, refuse, ImportError};

/// One table: its cells on the table's grid, and the merged areas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// Rows of cells; a merge's text stands in its first cell, the others are blank.
    pub rows: Vec<Vec<String>>,
    /// The areas merged across or down (single cells left out).
    pub merges: Vec<Merge>,
}

/// A merged area of a table (合并单元格), 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// First row.
    pub row: usize,
    /// First column.
    pub column: usize,
    /// Rows it spans.
    pub rows: usize,
    /// Columns it spans.
    pub columns: usize,
}

/// The tables with a table split across pages joined again: a table whose first row repeats the first
/// row of the table before it (a header row repeated by hand) continues that table.
pub fn join_split(tables: &[Grid]) -> Vec<Grid> {
    let header = |t: &Grid| t.rows.first().cloned().unwrap_or_default();
    let mut out: Vec<Grid> = Vec::new();
    for table in tables {
        let continues = out.last().is_some_and(|last| {
            !table.rows.is_empty()
                && header(last) == header(table)
                && header(table)
                    .iter()
                    .filter(|c| !c.trim().is_empty())
                    .count()
                    >= 2
        });
        match out.last_mut() {
            Some(last) if continues => {
                let offset = last.rows.len() - 1;
                last.rows.extend(table.rows.iter().skip(1).cloned());
                last.merges
                    .extend(table.merges.iter().filter(|m| m.row > 0).map(|m| Merge {
                        row: m.row + offset,
                        ..*m
                    }));
            }
            _ => out.push(table.clone()),
        }
    }
    out
}

/// The cells of a document's indicator table: of its tables (split ones joined), the one that reads
/// as the most indicators, with the table just before it when the two read as more (a 项目支出 form
/// whose budget block is a table of its own). `what` names the document in the refusal ("Word 文件").
pub fn indicator_table(tables: &[Grid], what: &str) -> Result<Vec<Vec<String>>, ImportError> {
    let tables = join_split(tables);
    let reads_as = |cells: &[Vec<String>]| match parse_rows(cells) {
        Ok(t) => {
            crate::core::model::leaves(&t.indicators).len() * 2 + usize::from(t.budget.is_some())
        }
        Err(_) => 0,
    };
    let mut best: Option<(usize, Vec<Vec<String>>)> = None;
    for (i, table) in tables.iter().enumerate() {
        let mut candidates = vec![table.rows.clone()];
        if let Some(before) = i.checked_sub(1).and_then(|j| tables.get(j)) {
            candidates.push(before.rows.iter().chain(&table.rows).cloned().collect());
        }
        for cells in candidates {
            let score = reads_as(&cells);
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, cells));
            }
        }
    }
    best.map(|(_, cells)| cells)
        .ok_or_else(|| refuse(format!("{what}中没有表格：请提交含自评表（评分表）的文件")))
}
