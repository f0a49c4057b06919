//! Plain-text rendering of a report: what the golden files hold, and what a reviewer can diff.

use super::{labelled, Block, Report, ScoreTable};
use crate::core::number::fmt_score;

/// Full-width indent of a body paragraph (two 全角空格).
const INDENT: &str = "\u{3000}\u{3000}";

/// The report as plain text: title, headings, indented paragraphs, the annex as tab-separated rows.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    if let Some(cover) = report.cover() {
        out.push_str(&format!("【封面】\n{}\n", cover.title));
        for (label, value) in &cover.lines {
            out.push_str(&labelled(label, value));
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&report.title);
    out.push_str("\n\n");
    for block in &report.blocks {
        match block {
            Block::Heading1(h) | Block::Heading2(h) => {
                out.push_str(h);
                out.push('\n');
            }
            Block::Paragraph(p) => {
                out.push_str(INDENT);
                out.push_str(p);
                out.push('\n');
            }
            Block::PageBreak => out.push('\n'),
            Block::Annex { label, title } => {
                out.push_str(&format!("{label}\n{title}\n"));
            }
            Block::Scores(table) => table_text(table, &mut out),
            Block::Cover(_) => {}
            Block::Form(form) => {
                // On the form's grid: a cell at its first column, covered slots empty.
                let mut grid = vec![vec![String::new(); form.widths.len()]; form.rows.len()];
                for (r, c, cell) in form.placed() {
                    grid[r][c] = cell.cell.text();
                }
                for row in grid {
                    out.push_str(row.join("\t").trim_end_matches('\t'));
                    out.push('\n');
                }
            }
            Block::Signature(lines) => {
                out.push('\n');
                for (label, value) in lines {
                    out.push_str(&labelled(label, value));
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn table_text(table: &ScoreTable, out: &mut String) {
    out.push_str(&table.headers.join("\t"));
    out.push('\n');
    for row in &table.rows {
        let (points, score) = (row.points.text(), row.score.text());
        let mut cells = vec![
            row.level1.as_ref().map(|s| s.text.as_str()).unwrap_or(""),
            row.level2.as_ref().map(|s| s.text.as_str()).unwrap_or(""),
            &row.name,
            &row.description,
            &row.criteria,
            &points,
            &score,
        ];
        if table.with_reason {
            cells.push(&row.reason);
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    let (label, points, total) = &table.total;
    out.push_str(&format!(
        "{label}\t\t\t\t\t{}\t{}\n",
        fmt_score(*points),
        fmt_score(*total)
    ));
}
