//! A text PDF (PDF 文本层) read as a Word report is: its ruled tables as grids — rows and columns from
//! the drawn rules, a cell merged where a rule between two cells is missing — and its other lines as
//! the report's words. Text positions come from the content stream (text and current matrices), the
//! characters from each font's ToUnicode map (CJK fonts included), both through `lopdf` (pure Rust,
//! maintained, with decompression limits for untrusted files). A table continued on the next page
//! (same columns) is joined. A PDF without a text layer is a scan and is named as one.
//!
//! Bounded before and while parsing: the file size ([`MAX_BYTES`]), pages ([`MAX_PAGES`]), each
//! stream's decompressed size ([`MAX_STREAM`]) and the text runs kept ([`MAX_RUNS`]).

use super::grid::{Grid, Merge};
use super::{refuse, ImportError, MAX_BYTES};
use lopdf::Document;

mod content;
pub mod font;
use content::{read_page, Page, Rule, Run};
use std::collections::BTreeMap;

/// Pages read at most (a self-evaluation report is tens of pages).
pub const MAX_PAGES: usize = 300;
/// Bytes any one stream may decompress to (a PDF bomb stops here).
pub const MAX_STREAM: usize = 16 * 1024 * 1024;
/// Text runs kept at most over the whole file.
pub const MAX_RUNS: usize = 400_000;

/// What a PDF holds: its tables (each on the grid its rules draw) and the lines outside them.
#[derive(Debug, Default)]
pub struct PdfRead {
    /// The ruled tables, a table continued over pages joined.
    pub tables: Vec<Grid>,
    /// The lines outside the tables, page by page (a blank line between pages).
    pub text: String,
}

/// Reads a PDF's tables and words.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfRead, ImportError> {
    super::guarded("PDF 文件", || read_unguarded(bytes))
}

fn read_unguarded(bytes: &[u8]) -> Result<PdfRead, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(format!(
            "PDF 文件过大（超过 {} MB），未读取",
            MAX_BYTES / 1024 / 1024
        )));
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..Default::default()
    };
    let document = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            refuse("PDF 文件已加密（设有打开密码），无法读取；请提供未加密的文件".into())
        }
        _ => refuse("无法读取的 PDF 文件（文件可能已损坏）".into()),
    })?;
    if document.is_encrypted() {
        return Err(refuse(
            "PDF 文件已加密（设有打开密码），无法读取；请提供未加密的文件".into(),
        ));
    }
    let pages = document.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(refuse(format!(
            "PDF 有 {} 页，超过 {MAX_PAGES} 页的上限，未读取",
            pages.len()
        )));
    }
    let mut read = PdfRead::default();
    let mut runs_seen = 0usize;
    let mut any_image = false;
    for page_id in pages.values() {
        let page = read_page(&document, *page_id, &mut runs_seen)?;
        any_image |= page.images;
        let (grid, outside) = page.layout();
        if let Some(grid) = grid {
            join_or_push(&mut read.tables, grid);
        }
        if !outside.is_empty() {
            if !read.text.is_empty() {
                read.text.push_str("\n\n");
            }
            read.text.push_str(&outside);
        }
    }
    if runs_seen == 0 {
        return Err(refuse(if any_image {
            "扫描件，无法读取文字；请提供可编辑的文件（.docx / .xlsx，或可复制文字的 PDF）".into()
        } else {
            "PDF 中没有可读取的文字".into()
        }));
    }
    Ok(read)
}

/// Values within `tolerance` of each other as one, sorted.
fn cluster(mut values: Vec<f64>, tolerance: f64) -> Vec<f64> {
    values.sort_by(|a, b| a.total_cmp(b));
    let mut out: Vec<f64> = Vec::new();
    for v in values {
        match out.last() {
            Some(last) if v - last <= tolerance => {}
            _ => out.push(v),
        }
    }
    out
}

/// Whether a rule at `at` (within 1.5) covers the point `along`.
fn covered(rules: &[Rule], at: f64, along: f64) -> bool {
    rules
        .iter()
        .any(|r| (r.at - at).abs() <= 1.5 && r.from - 1.5 <= along && along <= r.to + 1.5)
}

/// Text runs joined into lines (top to bottom) and, within a line, pieces closer than an em apart.
fn lines_of(runs: &[&Run]) -> Vec<String> {
    let mut runs: Vec<&Run> = runs.to_vec();
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<&Run>> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if (line[0].y - run.y).abs() <= line[0].size * 0.5 => line.push(run),
            _ => lines.push(vec![run]),
        }
    }
    lines
        .into_iter()
        .map(|mut line| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut end = f64::MIN;
            for run in line {
                if run.x - end > run.size * 1.5 && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&run.text);
                end = run.end;
            }
            text.trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Wrapped lines of one cell as one text: a line runs on where either side of the break is CJK or a
/// figure was cut (digits, a point, a percent sign); words of other scripts keep a space.
fn join_wrapped(lines: &[String]) -> String {
    let runs_on = |c: char| (c as u32) >= 0x2E80 || c.is_ascii_digit() || matches!(c, '.' | '%');
    let mut out = String::new();
    for line in lines {
        let (before, after) = (out.chars().last(), line.chars().next());
        let cjk = |c: Option<char>| c.is_some_and(|c| (c as u32) >= 0x2E80);
        let joined = cjk(before)
            || cjk(after)
            || (before.is_some_and(runs_on) && after.is_some_and(runs_on));
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

impl Page {
    /// The page's ruled table as a grid, and the lines outside it.
    fn layout(&self) -> (Option<Grid>, String) {
        let ys = cluster(self.horizontal.iter().map(|r| r.at).collect(), 1.5);
        let xs = cluster(self.vertical.iter().map(|r| r.at).collect(), 1.5);
        let all: Vec<&Run> = self.runs.iter().collect();
        if ys.len() < 3 || xs.len() < 3 {
            return (None, lines_of(&all).join("\n"));
        }
        let (left, right) = (xs[0], xs[xs.len() - 1]);
        let (bottom, top) = (ys[0], ys[ys.len() - 1]);
        let inside = |r: &Run| {
            let mid = r.y + r.size * 0.3;
            r.x >= left - 1.0 && r.x <= right && mid >= bottom && mid <= top
        };
        let (cells_runs, outside): (Vec<&Run>, Vec<&Run>) =
            all.into_iter().partition(|r| inside(r));
        // Rows top to bottom, columns left to right.
        let rows = ys.len() - 1;
        let columns = xs.len() - 1;
        let row_of = |y: f64| (0..rows).find(|&i| y <= ys[rows - i] && y >= ys[rows - i - 1]);
        let column_of = |x: f64| (0..columns).find(|&j| x >= xs[j] - 1.0 && x < xs[j + 1]);
        let mut buckets: BTreeMap<(usize, usize), Vec<&Run>> = BTreeMap::new();
        for run in cells_runs {
            if let (Some(r), Some(c)) = (row_of(run.y + run.size * 0.3), column_of(run.x + 0.5)) {
                buckets.entry((r, c)).or_default().push(run);
            }
        }
        // A cell continues into the next column when no rule separates them on its row, and into
        // the row below when no rule separates them in its column.
        let middle_y = |r: usize| (ys[rows - r] + ys[rows - r - 1]) / 2.0;
        let middle_x = |c: usize| (xs[c] + xs[c + 1]) / 2.0;
        let mut owner: Vec<Vec<(usize, usize)>> = vec![vec![(0, 0); columns]; rows];
        let mut merges = Vec::new();
        for r in 0..rows {
            for c in 0..columns {
                let left_open = c > 0 && !covered(&self.vertical, xs[c], middle_y(r));
                let top_open = r > 0 && !covered(&self.horizontal, ys[rows - r], middle_x(c));
                owner[r][c] = if left_open {
                    owner[r][c - 1]
                } else if top_open {
                    owner[r - 1][c]
                } else {
                    (r, c)
                };
            }
        }
        let mut text: BTreeMap<(usize, usize), Vec<&Run>> = BTreeMap::new();
        for ((r, c), runs) in buckets {
            text.entry(owner[r][c]).or_default().extend(runs);
        }
        let mut grid_rows = vec![vec![String::new(); columns]; rows];
        for (&(r, c), runs) in &text {
            grid_rows[r][c] = join_wrapped(&lines_of(runs));
        }
        for r in 0..rows {
            for c in 0..columns {
                if owner[r][c] != (r, c) {
                    continue;
                }
                let across = (c..columns).take_while(|&k| owner[r][k] == (r, c)).count();
                let down = (r..rows).take_while(|&k| owner[k][c] == (r, c)).count();
                if across > 1 || down > 1 {
                    merges.push(Merge {
                        row: r,
                        column: c,
                        rows: down,
                        columns: across,
                    });
                }
            }
        }
        // Rows with nothing in them (a rule drawn twice) are no rows.
        let grid = Grid {
            rows: grid_rows,
            merges,
        };
        (Some(grid), lines_of(&outside).join("\n"))
    }
}

/// A page's table continues the previous page's when it has as many columns (a repeated header row is
/// dropped); else it is a table of its own. A cell split by the page break (its text's bracket left
/// open at the foot of one page, closed at the head of the next) is one cell again.
fn join_or_push(tables: &mut Vec<Grid>, grid: Grid) {
    let columns = |g: &Grid| g.rows.first().map_or(0, Vec::len);
    match tables.last_mut() {
        Some(last) if columns(last) == columns(&grid) && columns(&grid) > 0 => {
            let offset = last.rows.len();
            let repeats = last.rows.first() == grid.rows.first();
            let skip = usize::from(repeats);
            let mut rows: Vec<Vec<String>> = grid.rows.into_iter().skip(skip).collect();
            if let Some(first) = rows.first_mut() {
                // A row the page break split: its rest on the next page has words only, each under a
                // cell of the row above that has words too — it finishes those cells.
                let remainder = remainder_of_split_row(last, first);
                for (c, cell) in first.iter_mut().enumerate().filter(|(_, t)| !t.is_empty()) {
                    if let Some(above) = owner_text(last, c) {
                        if remainder || (open_brackets(above) > 0 && open_brackets(cell) < 0) {
                            let joined = join_wrapped(&[above.clone(), cell.clone()]);
                            *above = joined;
                            cell.clear();
                        }
                    }
                }
            }
            rows.retain(|r| r.iter().any(|c| !c.is_empty()));
            last.rows.extend(rows);
            last.merges.extend(
                grid.merges
                    .into_iter()
                    .filter(|m| m.row >= skip)
                    .map(|m| Merge {
                        row: m.row - skip + offset,
                        ..m
                    }),
            );
        }
        _ => tables.push(grid),
    }
}

/// Whether the first row on a page is the rest of the table's last row, cut by the page break: words
/// only (no figure), each under a cell with words, and the last row has a figure where it has none.
fn remainder_of_split_row(last: &Grid, first: &[String]) -> bool {
    let Some(above) = last.rows.last() else {
        return false;
    };
    let figure = |t: &str| super::cell_number(t).is_ok_and(|v| v.is_some());
    let filled: Vec<usize> = (0..first.len())
        .filter(|&c| !first[c].trim().is_empty())
        .collect();
    !filled.is_empty()
        && filled.iter().all(|&c| {
            !figure(&first[c]) && above.get(c).is_some_and(|t| !t.is_empty() && !figure(t))
        })
        && above
            .iter()
            .zip(first)
            .any(|(a, f)| figure(a) && f.trim().is_empty())
}

/// The text of the cell that holds column `c` of a table's last row (the first row of a merge reaching
/// down to it, else the last row's own cell).
fn owner_text(grid: &mut Grid, c: usize) -> Option<&mut String> {
    let last = grid.rows.len().checked_sub(1)?;
    let row = grid
        .merges
        .iter()
        .find(|m| m.column == c && m.row <= last && m.row + m.rows > last)
        .map_or(last, |m| m.row);
    grid.rows.get_mut(row)?.get_mut(c)
}

/// Opening brackets minus closing ones (full and half width).
fn open_brackets(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '（' | '(' => 1,
            '）' | ')' => -1,
            _ => 0,
        })
        .sum()
}
