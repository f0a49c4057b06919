//! Importing an indicator table (导入指标表) pasted out of Excel / WPS as tab-separated text.
//!
//! Columns are recognised by their usual headers, in any order; blank 一级 / 二级 cells mean "same as
//! above" (merged cells); names such as "部门决策（15分）" carry their 分值; a 合计 / 总分 row is kept as the
//! *stated* total, never added as an indicator; 加减分项 rows become the adjustments group. A table that
//! cannot be understood gives a Chinese message with its row and column, and nothing is changed.
//!
//! ```
//! let tsv = "一级指标\t二级指标\t三级指标\t分值\t自评分\n产出\t数量\t完成量\t60\t60\n\t质量\t合格率\t40\t38\n合计\t\t\t100\t98\n";
//! let table = jixiao::core::import::parse_tsv(tsv).unwrap();
//! assert_eq!(table.indicators.len(), 1);
//! assert_eq!(table.stated_total.unwrap().to_string(), "98");
//! ```

use crate::core::model::{
    Adjustments, Evaluation, EvaluationKind, FundLine, Indicator, ProjectBudget,
};
use crate::core::number::{parse_decimal, NumberError};
use crate::core::rule::ScoringRule;
use rust_decimal::Decimal;
use std::fmt;

/// What went wrong, where (1-based row and column of the pasted table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Row, 1-based (0 when the whole table is at fault).
    pub row: usize,
    /// Column, 1-based (0 when not about one cell).
    pub column: usize,
    /// Chinese message.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (0, _) => write!(f, "{}", self.message),
            (r, 0) => write!(f, "第 {r} 行：{}", self.message),
            (r, c) => write!(f, "第 {r} 行第 {c} 列：{}", self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// A recognised column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Level1,
    Level1Points,
    Level2,
    Level2Points,
    Name,
    Description,
    Criteria,
    Points,
    Score,
    Target,
    Actual,
    Reason,
}

/// Usual header texts of each column (matched after removing blanks).
const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Level1Points,
        &["一级分值", "一级指标分值", "一级权重"],
    ),
    (
        Column::Level2Points,
        &["二级分值", "二级指标分值", "二级权重"],
    ),
    (Column::Level1, &["一级指标", "一级"]),
    (Column::Level2, &["二级指标", "二级"]),
    (Column::Name, &["三级指标", "三级", "指标名称", "绩效指标"]),
    (Column::Description, &["指标说明", "指标解释", "指标内涵"]),
    (
        Column::Criteria,
        &["评价要点", "评分标准", "评分要点", "评分细则"],
    ),
    (Column::Points, &["分值", "权重", "标准分", "指标分值"]),
    (Column::Score, &["自评分", "得分", "自评得分", "评分"]),
    (
        Column::Target,
        &["年度指标值", "目标值", "指标值", "预期指标值"],
    ),
    (Column::Actual, &["实际完成值", "完成值", "实际值"]),
    (
        Column::Reason,
        &[
            "偏差原因分析及改进措施",
            "扣分原因",
            "偏差原因",
            "偏差原因分析",
        ],
    ),
];

fn recognise(header: &str) -> Option<Column> {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| *n == h))
        .map(|(c, _)| *c)
}

/// The table as understood.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedTable {
    /// The indicator tree (ids "1", "1.1", "1.1.1" …).
    pub indicators: Vec<Indicator>,
    /// The 加减分项 group, when the table has one.
    pub adjustments: Option<Adjustments>,
    /// The 合计 / 总分 row's score.
    pub stated_total: Option<Decimal>,
    /// The 合计 row's 分值.
    pub stated_points: Option<Decimal>,
    /// Whether the table has 年度指标值 / 实际完成值 columns (a 项目支出 form).
    pub project: bool,
    /// A 项目支出 form's 预算执行情况 block.
    pub budget: Option<BudgetBlock>,
}

/// The 预算执行情况 block of a 项目支出 form: fund lines, and the 预算执行率 row's 分值 and 得分.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetBlock {
    /// Fund lines by source (财政拨款, 其他资金 …), without the 年度资金总额 row.
    pub funds: Vec<FundLine>,
    /// 分值 of the execution rate (usually 10).
    pub points: Option<Decimal>,
    /// 得分 as printed.
    pub score: Option<Decimal>,
}

fn squeeze(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds and reads the 预算执行情况 block (a header with 全年预算数 and 全年执行数), if any.
fn budget_block(table: &[Vec<String>]) -> Result<Option<BudgetBlock>, ImportError> {
    let Some((header, row)) = table.iter().enumerate().take(30).find(|(_, row)| {
        row.iter().any(|c| squeeze(c) == "全年预算数")
            && row.iter().any(|c| squeeze(c) == "全年执行数")
    }) else {
        return Ok(None);
    };
    let col = |names: &[&str]| {
        row.iter()
            .position(|c| names.contains(&squeeze(c).as_str()))
    };
    let (initial, adjusted, executed) = (
        col(&["年初预算数"]),
        col(&["全年预算数"]),
        col(&["全年执行数"]),
    );
    let (points_col, score_col) = (col(&["分值"]), col(&["得分"]));
    let label_col = adjusted.map_or(0, |a| {
        a.saturating_sub(if initial.is_some() { 2 } else { 1 })
    });
    let mut block = BudgetBlock {
        funds: Vec::new(),
        points: None,
        score: None,
    };
    for (i, row) in table.iter().enumerate().skip(header + 1) {
        let line = i + 1;
        let label = squeeze(row.get(label_col).map(String::as_str).unwrap_or(""));
        let get = |c: Option<usize>, what: &str| -> Result<Option<Decimal>, ImportError> {
            match c {
                Some(c) => number(
                    row.get(c)
                        .map(String::as_str)
                        .unwrap_or("")
                        .trim_end_matches('%'),
                    line,
                    c + 1,
                    what,
                ),
                None => Ok(None),
            }
        };
        if label.is_empty() && row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let is_fund_row =
            label.contains("资金") || label.contains("拨款") || label.starts_with("其中");
        if !is_fund_row || label.contains("目标") {
            break;
        }
        if label.contains("总额") || label.contains("合计") {
            block.points = get(points_col, "分值")?;
            block.score = get(score_col, "得分")?;
            continue;
        }
        let source = label
            .trim_start_matches("其中")
            .trim_start_matches(['：', ':'])
            .to_string();
        block.funds.push(FundLine {
            source,
            initial: get(initial, "年初预算数")?,
            adjusted: get(adjusted, "全年预算数")?,
            executed: get(executed, "全年执行数")?,
        });
    }
    Ok(Some(block))
}

/// "部门决策（15分）" → ("部门决策", Some(15)).
fn split_points(cell: &str) -> (String, Option<Decimal>) {
    let cell = cell.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(body) = cell.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let inner = body[at + open.len_utf8()..].trim();
                if let Some(number) = inner.strip_suffix('分') {
                    let number = number.trim_start_matches(['≤', '<', '=']);
                    if let Ok(points) = parse_decimal(number) {
                        return (body[..at].trim().to_string(), Some(points));
                    }
                }
            }
        }
    }
    (cell.to_string(), None)
}

fn number(
    cell: &str,
    row: usize,
    column: usize,
    what: &str,
) -> Result<Option<Decimal>, ImportError> {
    let cleaned = cell.trim().trim_start_matches(['≤', '<', '=']);
    match parse_decimal(cleaned) {
        Ok(v) if v < Decimal::ZERO => Err(ImportError {
            row,
            column,
            message: format!("{what}不能为负数（“{}”）", cell.trim()),
        }),
        Ok(v) => Ok(Some(v)),
        Err(NumberError::Empty) => Ok(None),
        Err(e) => Err(ImportError {
            row,
            column,
            message: format!("{what}：{e}"),
        }),
    }
}

fn is_total_row(cells: &[&str]) -> bool {
    cells.iter().take(3).any(|c| {
        let c: String = c.chars().filter(|ch| !ch.is_whitespace()).collect();
        matches!(c.as_str(), "合计" | "总分" | "总计" | "合计得分")
    })
}

/// Splits pasted text into rows of cells; Excel quotes cells holding tabs or line breaks.
fn rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
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
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
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
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Parses a pasted indicator table.
pub fn parse_tsv(text: &str) -> Result<ImportedTable, ImportError> {
    let table = rows(text);
    parse_rows(&table)
}

/// Parses rows of cells (from TSV or a spreadsheet).
pub fn parse_rows(table: &[Vec<String>]) -> Result<ImportedTable, ImportError> {
    // The header row: the first with at least two recognised headers (titles above it are skipped).
    // A 项目支出 form's 预算执行情况 block comes first; its header has 分值 / 得分 too, so the indicator
    // header must also name the indicators.
    let budget = budget_block(table)?;
    let names_indicators =
        |c: &Option<Column>| matches!(c, Some(Column::Level1 | Column::Level2 | Column::Name));
    let (header_index, columns) = table
        .iter()
        .enumerate()
        .take(40)
        .find_map(|(i, row)| {
            let columns: Vec<Option<Column>> = row.iter().map(|c| recognise(c)).collect();
            (columns.iter().flatten().count() >= 2 && columns.iter().any(names_indicators))
                .then_some((i, columns))
        })
        .ok_or(ImportError {
            row: 0,
            column: 0,
            message: "未找到表头：需要“一级指标”“三级指标”“分值”“自评分”等列名中的至少两个".into(),
        })?;
    let find = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    let name_col = find(Column::Name)
        .or(find(Column::Level2))
        .or(find(Column::Level1))
        .ok_or(ImportError {
            row: header_index + 1,
            column: 0,
            message: "表头中没有指标名称列（一级指标 / 二级指标 / 三级指标）".into(),
        })?;
    let points_col = find(Column::Points).ok_or(ImportError {
        row: header_index + 1,
        column: 0,
        message: "表头中没有“分值”列".into(),
    })?;
    let project = find(Column::Target).is_some() || find(Column::Actual).is_some();
    let cell = |row: &[String], col: Option<usize>| -> String {
        col.and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let level1_col = find(Column::Level1).filter(|c| *c != name_col);
    let level2_col = find(Column::Level2).filter(|c| *c != name_col);

    let mut out = ImportedTable {
        budget,
        indicators: Vec::new(),
        adjustments: None,
        stated_total: None,
        stated_points: None,
        project,
    };
    let mut current1: Option<String> = None;
    let mut current2: Option<String> = None;
    for (i, row) in table.iter().enumerate().skip(header_index + 1) {
        let line = i + 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        if is_total_row(&cells) {
            out.stated_points = number(
                &cell(row, Some(points_col)),
                line,
                points_col + 1,
                "合计分值",
            )?;
            if let Some(score_col) = find(Column::Score) {
                out.stated_total =
                    number(&cell(row, Some(score_col)), line, score_col + 1, "合计得分")?;
            }
            continue;
        }
        let raw1 = cell(row, level1_col);
        let raw2 = cell(row, level2_col);
        if !raw1.is_empty() {
            current1 = Some(raw1.clone());
            current2 = None;
        }
        if !raw2.is_empty() {
            current2 = Some(raw2.clone());
        }
        let (name1, points1) = split_points(current1.as_deref().unwrap_or(""));
        let (name2, points2) = split_points(current2.as_deref().unwrap_or(""));
        let points1 = match find(Column::Level1Points) {
            Some(c) if !cell(row, Some(c)).is_empty() => {
                number(&cell(row, Some(c)), line, c + 1, "一级分值")?
            }
            _ => points1,
        };
        let points2 = match find(Column::Level2Points) {
            Some(c) if !cell(row, Some(c)).is_empty() => {
                number(&cell(row, Some(c)), line, c + 1, "二级分值")?
            }
            _ => points2,
        };
        let (leaf_name, leaf_points_in_name) = split_points(&cell(row, Some(name_col)));
        if name1.starts_with("加减分") {
            let adj = out.adjustments.get_or_insert_with(|| Adjustments {
                cap: points1.unwrap_or(Decimal::from(5)),
                bonus: Default::default(),
                penalty: Default::default(),
            });
            let description = cell(row, find(Column::Description));
            let criteria = cell(row, find(Column::Criteria));
            if name2.contains('减') {
                adj.penalty.name = leaf_name;
                adj.penalty.description = description;
                adj.penalty.criteria = criteria;
            } else {
                adj.bonus.name = leaf_name;
                adj.bonus.description = description;
                adj.bonus.criteria = criteria;
            }
            continue;
        }
        let points = number(&cell(row, Some(points_col)), line, points_col + 1, "分值")?
            .or(leaf_points_in_name)
            .ok_or(ImportError {
                row: line,
                column: points_col + 1,
                message: format!("“{leaf_name}”缺少分值"),
            })?;
        let score = match find(Column::Score) {
            Some(c) => number(&cell(row, Some(c)), line, c + 1, "自评分")?,
            None => None,
        };
        if leaf_name.is_empty() {
            return Err(ImportError {
                row: line,
                column: name_col + 1,
                message: "指标名称为空".into(),
            });
        }
        let mut leaf = Indicator {
            name: leaf_name,
            points,
            score,
            description: cell(row, find(Column::Description)),
            criteria: cell(row, find(Column::Criteria)),
            reason: cell(row, find(Column::Reason)),
            ..Default::default()
        };
        if project {
            let target = cell(row, find(Column::Target));
            let actual = cell(row, find(Column::Actual));
            match parse_decimal(&target) {
                Ok(v) => leaf.target = Some(v),
                Err(_) => leaf.target_text = target,
            }
            match parse_decimal(&actual) {
                Ok(v) => leaf.actual = Some(v),
                Err(_) => leaf.actual_text = actual,
            }
        }
        // Place the leaf under its 一级 / 二级 groups (created on first sight).
        let mut siblings = &mut out.indicators;
        for (name, points) in [
            (level1_col.map(|_| name1), points1),
            (level2_col.map(|_| name2), points2),
        ] {
            let Some(name) = name.filter(|n| !n.is_empty()) else {
                continue;
            };
            let at = match siblings.iter().position(|n| n.name == name && !n.is_leaf()) {
                Some(at) if siblings.len() == at + 1 => at,
                _ => {
                    siblings.push(Indicator {
                        name,
                        points: points.unwrap_or_default(),
                        ..Default::default()
                    });
                    siblings.len() - 1
                }
            };
            siblings = &mut siblings[at].children;
        }
        siblings.push(leaf);
    }
    if out.indicators.is_empty() {
        return Err(ImportError {
            row: 0,
            column: 0,
            message: "表中没有指标行".into(),
        });
    }
    // Groups without a stated 分值 take their children's sum.
    fn finish(nodes: &mut [Indicator], prefix: &str) {
        for (i, node) in nodes.iter_mut().enumerate() {
            node.id = if prefix.is_empty() {
                format!("{}", i + 1)
            } else {
                format!("{prefix}.{}", i + 1)
            };
            let id = node.id.clone();
            finish(&mut node.children, &id);
            if !node.children.is_empty() && node.points.is_zero() {
                node.points = node
                    .children
                    .iter()
                    .fold(Decimal::ZERO, |s, c| s.saturating_add(c.points));
            }
        }
    }
    finish(&mut out.indicators, "");
    Ok(out)
}

impl ImportedTable {
    /// Puts the imported tree (and adjustments, stated total) into `evaluation`, keeping the rest.
    pub fn apply_to(self, evaluation: &mut Evaluation) {
        evaluation.indicators = self.indicators;
        if let Some(budget) = self.budget {
            // The execution rate is scored as the first indicator, from the imported funds.
            let project = evaluation
                .project
                .get_or_insert_with(ProjectBudget::default);
            project.funds = budget.funds;
            evaluation.kind = EvaluationKind::Project;
            let leaf = Indicator {
                id: "0".into(),
                name: "预算执行率".into(),
                points: budget.points.unwrap_or(Decimal::TEN),
                rule: ScoringRule::ExecutionRate,
                score: budget.score,
                ..Default::default()
            };
            evaluation.indicators.insert(0, leaf);
        }
        if let Some(adjustments) = self.adjustments {
            evaluation.adjustments = adjustments;
        }
        if self.stated_total.is_some() {
            evaluation.stated.total = self.stated_total;
        }
        if let Some(points) = self.stated_points {
            evaluation.settings.total_points = points;
        }
    }

    /// A whole evaluation made of the table alone (what `jixiao check table.tsv` checks).
    pub fn into_evaluation(self) -> Evaluation {
        let mut evaluation = Evaluation::empty(if self.project {
            EvaluationKind::Project
        } else {
            EvaluationKind::Department
        });
        self.apply_to(&mut evaluation);
        evaluation
    }
}

/// Parses the first worksheet of an .xlsx file (bytes) as an indicator table. Merged cells read as
/// blank below their first row, i.e. "same as above".
pub fn parse_xlsx(bytes: &[u8]) -> Result<ImportedTable, ImportError> {
    parse_rows(&xlsx_cells(bytes)?)
}

/// The cells of an .xlsx file's first worksheet as text, from A1 (blank rows and columns kept).
pub fn xlsx_cells(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let fail = |message: String| ImportError {
        row: 0,
        column: 0,
        message,
    };
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| fail(format!("不是可读取的 Excel 文件（{e}）")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| fail("Excel 文件中没有工作表".into()))?
        .map_err(|e| fail(format!("无法读取第一个工作表（{e}）")))?;
    let (top, left) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
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
