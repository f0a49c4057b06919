//! The report model: what a rendered report holds, figures kept as numbers ([`Figure`]) until a renderer
//! formats them.

use crate::core::number::{fmt2, fmt_score};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A generated report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The title line.
    pub title: String,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Printed on landscape A4 (a form too wide for portrait: the 运行监控表's eleven columns).
    #[serde(default)]
    pub landscape: bool,
}

/// One block of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// 一级标题 (一、…), 黑体.
    Heading1(String),
    /// 二级标题 (（一）…), 楷体.
    Heading2(String),
    /// A body paragraph, 仿宋 with first-line indent.
    Paragraph(String),
    /// A page break before an annex.
    PageBreak,
    /// An annex heading line ("附件1") and its title.
    Annex {
        /// "附件1".
        label: String,
        /// The annex title.
        title: String,
    },
    /// The scoring table.
    Scores(ScoreTable),
    /// The cover page (封面), rendered before the title, a page break after it.
    Cover(Cover),
    /// A form laid out as one table with row and column spans (the 项目支出绩效自评表).
    Form(FormTable),
    /// The signature block (签章栏): labelled lines; an empty value is a line to sign or fill by hand.
    Signature(Vec<(String, String)>),
}

/// A form as one table: cells with row and column spans, as in HTML (a cell covered by a span from an
/// earlier row is absent from the later row).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormTable {
    /// Relative column widths (their count is the number of columns).
    pub widths: Vec<usize>,
    /// The rows.
    pub rows: Vec<Vec<FormCell>>,
}

/// A cell of a [`FormTable`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormCell {
    /// Words or a figure.
    pub cell: Cell,
    /// Columns covered, ≥ 1.
    pub cols: usize,
    /// Rows covered, ≥ 1.
    pub rows: usize,
    /// A label (printed bold / 黑体, centred) rather than a value.
    pub label: bool,
}

impl FormCell {
    /// A label over `cols` columns.
    pub fn label(text: impl Into<String>, cols: usize) -> FormCell {
        FormCell {
            cell: Cell::Text(text.into()),
            cols,
            rows: 1,
            label: true,
        }
    }

    /// A value over `cols` columns.
    pub fn value(cell: impl Into<Cell>, cols: usize) -> FormCell {
        FormCell {
            cell: cell.into(),
            cols,
            rows: 1,
            label: false,
        }
    }

    /// The same cell over `rows` rows.
    pub fn down(mut self, rows: usize) -> FormCell {
        self.rows = rows.max(1);
        self
    }
}

impl FormTable {
    /// Every cell with its grid position (row, first column), spans resolved: a cell goes to the first
    /// column of its row not covered by a span from above. Renderers that need the grid (Word's
    /// vertical merges, Excel's merged ranges) walk this.
    pub fn placed(&self) -> Vec<(usize, usize, &FormCell)> {
        let columns = self.widths.len();
        // For each column, the row up to which it is covered (exclusive).
        let mut covered_until = vec![0usize; columns];
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < columns && covered_until[c] > r {
                    c += 1;
                }
                if c >= columns {
                    break;
                }
                let end = (c + cell.cols.max(1)).min(columns);
                for slot in &mut covered_until[c..end] {
                    *slot = r + cell.rows.max(1);
                }
                out.push((r, c, cell));
                c = end;
            }
        }
        out
    }
}

/// The cover page of a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cover {
    /// The report's title, large.
    pub title: String,
    /// Labelled lines under it (单位名称（盖章）, 评价方式, 报告日期).
    pub lines: Vec<(String, String)>,
}

/// What an empty signature or cover value prints as: a line to write on.
pub const BLANK_LINE: &str = "＿＿＿＿＿＿＿＿";

/// A labelled value as printed: "单位负责人：张三", or the label and a line to sign on.
pub fn labelled(label: &str, value: &str) -> String {
    let value = value.trim();
    format!(
        "{label}：{}",
        if value.is_empty() { BLANK_LINE } else { value }
    )
}

impl Report {
    /// The cover, when the report has one (renderers print it before the title).
    pub fn cover(&self) -> Option<&Cover> {
        self.blocks.iter().find_map(|b| match b {
            Block::Cover(cover) => Some(cover),
            _ => None,
        })
    }
}

/// A cell that spans several rows (merged 一级 / 二级 cells).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Rows covered, ≥ 1.
    pub rows: usize,
}

/// One row of the scoring annex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreRow {
    /// 一级 cell, on the first row of its group only.
    pub level1: Option<Span>,
    /// 二级 cell, on the first row of its group only.
    pub level2: Option<Span>,
    /// 三级指标.
    pub name: String,
    /// 指标说明 (部门整体) or 年度指标值 (项目支出).
    pub description: String,
    /// 评价要点 (部门整体) or 实际完成值 (项目支出).
    pub criteria: String,
    /// 分值 (empty for the 加减分项 rows).
    pub points: Figure,
    /// 自评分 / 得分 (signed for the 加减分项 rows).
    pub score: Figure,
    /// 偏差原因分析及改进措施 (项目支出 only).
    pub reason: String,
}

/// The scoring table (附件1 指标体系得分情况, or the 项目支出 indicator block).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Whether the table has the 偏差原因 column (项目支出).
    pub with_reason: bool,
    /// The rows.
    pub rows: Vec<ScoreRow>,
    /// The total row: (label, 分值合计, 总分).
    pub total: (String, Decimal, Decimal),
}

/// A figure of the scoring table, kept as a number until a renderer formats it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    /// Nothing printed.
    Empty,
    /// A 分值 or score, printed without trailing zeros ("2.5", "10").
    Score(Decimal),
    /// A 加减分 (bonus positive, penalty negative), printed signed ("+2", "−1"); 0 prints empty.
    Adjustment(Decimal),
    /// An amount in 万元, printed with 2 decimals ("1209.00").
    Amount(Decimal),
    /// A rate in %, printed with 2 decimals and the sign ("94.92%").
    Rate(Decimal),
    /// Not applicable on this line of the form ("—").
    NotApplicable,
}

impl Figure {
    /// The value (for a spreadsheet cell), `None` when nothing is printed.
    pub fn value(self) -> Option<Decimal> {
        match self {
            Figure::Empty | Figure::NotApplicable => None,
            Figure::Adjustment(v) if v.is_zero() => None,
            Figure::Score(v) | Figure::Adjustment(v) | Figure::Amount(v) | Figure::Rate(v) => {
                Some(v)
            }
        }
    }

    /// An amount, or nothing when not stated.
    pub fn amount(value: Option<Decimal>) -> Figure {
        value.map_or(Figure::Empty, Figure::Amount)
    }

    /// As printed in the text, HTML and Word renderings.
    pub fn text(self) -> String {
        match self {
            Figure::Empty => String::new(),
            Figure::Score(v) => fmt_score(v),
            Figure::Adjustment(v) if v.is_zero() => String::new(),
            Figure::Adjustment(v) if v < Decimal::ZERO => format!("−{}", fmt_score(-v)),
            Figure::Adjustment(v) => format!("+{}", fmt_score(v)),
            Figure::Amount(v) => fmt2(v),
            Figure::Rate(v) => format!("{}%", fmt2(v)),
            Figure::NotApplicable => "—".to_string(),
        }
    }
}

/// A cell of a grid: words, or a figure formatted by the renderer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// Words (a label, a name, a goal).
    Text(String),
    /// A figure.
    Figure(Figure),
}

impl Cell {
    /// As printed.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Figure(figure) => figure.text(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<Figure> for Cell {
    fn from(figure: Figure) -> Cell {
        Cell::Figure(figure)
    }
}
