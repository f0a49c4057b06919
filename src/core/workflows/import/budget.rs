//! The 预算执行情况 block above an indicator table, in its common shapes: 年初预算数 / 全年预算数 /
//! 全年执行数 / 分值 / 执行率 / 得分 (with `(A)` / `(B)` marks, 调整后预算数, 预算执行数, 预算数(A) /
//! 执行数(B)); a 年度资金总额 row and its `其中` rows (财政拨款, 上年结转, 其他资金) or, in 部门整体
//! forms, 基本支出 / 项目支出 rows, each possibly with its own 分值 and 得分; points in the 分值 cell, in
//! the header (`分值(10分)`, `得分(20分*执行率)`) or in the block's label (`预算执行情况(万元)(20分)`).

use super::header::{normalise, points_in};
use super::{cell_number, NotAFigure, Reader};
use crate::core::model::{FundBreakdown, FundLine, ImportNoteKind};
use rust_decimal::Decimal;

/// A budget column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Initial,
    Adjusted,
    Executed,
    Points,
    Rate,
    Score,
    /// 运行监控: 全年预计执行数.
    Forecast,
}

fn field(header: &str) -> Option<Field> {
    let h = normalise(header);
    // A monitoring form's "1-6月执行数" is the period's 执行数.
    let h = match super::header::monitoring_period(&h) {
        Some((_, rest)) if rest.contains("执行数") => "执行数",
        _ => h.as_str(),
    };
    if h.contains("预计") && h.contains("执行") {
        return Some(Field::Forecast);
    }
    Some(match h {
        "年初预算数" | "年初预算" | "年初预算数额" | "年初数" => Field::Initial,
        "全年预算数" | "调整后预算数" | "调整后预算" | "预算数" | "全年预算" | "年度预算数" => {
            Field::Adjusted
        }
        "全年执行数" | "执行数" | "预算执行数" | "实际执行数" | "全年执行" | "实际支出数" => {
            Field::Executed
        }
        "分值" | "权重" => Field::Points,
        "执行率" | "预算执行率" => Field::Rate,
        "得分" | "自评得分" => Field::Score,
        _ => return None,
    })
}

/// The block as read: lines, the 年度资金总额 row, and the execution score's 分值 / 得分.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BudgetBlock {
    /// Lines by source or by kind (财政拨款, 其他资金, 基本支出 …), without the total row.
    pub funds: Vec<FundLine>,
    /// The 年度资金总额 row as printed.
    pub total: Option<FundLine>,
    /// 分值 of the execution rate.
    pub points: Option<Decimal>,
    /// 得分 as printed.
    pub score: Option<Decimal>,
    /// Breakdowns printed as "label:amount" cells (按收入性质分 / 按支出性质分), by column.
    pub breakdowns: Vec<FundBreakdown>,
    /// Index of the last row of the block.
    pub last_row: usize,
}

fn is_total_label(label: &str) -> bool {
    label.contains("总额") || label.contains("合计") || label.contains("总计")
}

/// Where a budget block ends: the goals, the indicators, anything that is not money.
fn ends_block(label: &str) -> bool {
    ["目标", "指标", "绩效", "项目名称", "主管部门", "实施单位"]
        .iter()
        .any(|w| label.contains(w))
}

/// Finds and reads the block (a header naming a budget and an execution column), if any.
pub fn read(reader: &mut Reader, table: &[Vec<String>]) -> Option<BudgetBlock> {
    let (header_row, fields) = table.iter().enumerate().take(40).find_map(|(i, row)| {
        let fields: Vec<Option<Field>> = row.iter().map(|c| field(c)).collect();
        let budget = fields
            .iter()
            .any(|f| matches!(f, Some(Field::Adjusted | Field::Initial)));
        let executed = fields.contains(&Some(Field::Executed));
        (budget && executed).then_some((i, fields))
    })?;
    // A label cell such as "年度预算数(万元)" may name a field too: the rightmost of a kind is the column.
    let col = |f: Field| fields.iter().rposition(|c| *c == Some(f));
    let first_figure = [Field::Initial, Field::Adjusted, Field::Executed]
        .into_iter()
        .filter_map(col)
        .min()
        .unwrap_or(0);
    // Points named in the header row: its label cell, "分值(10分)" or "得分(20分*执行率)".
    let header_points = table[header_row].iter().find_map(|c| points_in(c));
    let mut block = BudgetBlock {
        last_row: header_row,
        ..BudgetBlock::default()
    };
    // Which breakdown each column's labelled amounts belong to.
    let mut breakdown_at: Vec<(usize, usize)> = Vec::new();
    for (i, row) in table.iter().enumerate().skip(header_row + 1).take(30) {
        let line_no = i + 1;
        let label_cell = row[..first_figure.min(row.len())]
            .iter()
            .rev()
            .find(|c| !c.trim().is_empty());
        let label: String = label_cell
            .map(|c| c.chars().filter(|ch| !ch.is_whitespace()).collect())
            .unwrap_or_default();
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Any cell left of the figures may say the block is over: a 年度总体目标 row carries its
        // label in the first column and its goal text in the next.
        let label_area = &row[..first_figure.min(row.len())];
        let ends = label_area.iter().any(|c| {
            ends_block(
                &c.chars()
                    .filter(|ch| !ch.is_whitespace())
                    .collect::<String>(),
            )
        });
        if ends || super::header::find(std::slice::from_ref(row), 0).is_some() {
            break;
        }
        block.last_row = i;
        if let Some(cells) = labelled_amounts(row) {
            add_breakdown_cells(&mut block, &mut breakdown_at, cells);
            continue;
        }
        let mut unreadable = Vec::new();
        let mut get = |f: Field| -> Option<Decimal> {
            let c = col(f)?;
            let text = row.get(c).map(String::as_str).unwrap_or("");
            match cell_number(text) {
                Ok(v) => v,
                Err(NotAFigure) => {
                    unreadable.push(text.trim().to_string());
                    None
                }
            }
        };
        let mut line = FundLine {
            source: clean_label(&label),
            initial: get(Field::Initial),
            adjusted: get(Field::Adjusted),
            executed: get(Field::Executed),
            stated_rate: get(Field::Rate),
            points: get(Field::Points),
            score: get(Field::Score),
            forecast: get(Field::Forecast),
            monitored: None,
        };
        // Excel keeps "99%" as 0.99: a fraction where the figures give a percent is read as one.
        if let (Some(rate), Some(executed), Some(budget)) = (
            line.stated_rate,
            line.executed,
            line.adjusted.or(line.initial),
        ) {
            let percent = crate::core::number::percent(executed, budget);
            if rate <= Decimal::ONE && percent.is_some_and(|p| p > Decimal::ONE) {
                line.stated_rate = rate.checked_mul(Decimal::ONE_HUNDRED);
            }
        }
        if !unreadable.is_empty() {
            reader.note(
                line_no,
                row,
                ImportNoteKind::Unreadable,
                format!(
                    "预算执行情况中“{}”不是金额，本行未计入",
                    unreadable.join("”“")
                ),
            );
            continue;
        }
        let has_figures =
            line.initial.is_some() || line.adjusted.is_some() || line.executed.is_some();
        if is_total_label(&label) && block.total.is_none() {
            block.points = line.points.or(header_points);
            block.score = line.score;
            block.total = Some(line);
        } else if has_figures || line.points.is_some() {
            block.funds.push(line);
        }
    }
    if block.total.is_none() && block.funds.is_empty() {
        return None;
    }
    points_of_lines(&mut block, header_points);
    Some(block)
}

/// The block's 分值 and 得分 when its total row prints none: those of its lines (each with 分值), else
/// the points named in its header.
fn points_of_lines(block: &mut BudgetBlock, header_points: Option<Decimal>) {
    if block.points.is_none() {
        // A block scored on its lines only (each with 分值).
        let lines: Vec<Decimal> = block.funds.iter().filter_map(|l| l.points).collect();
        if !lines.is_empty() {
            block.points = Some(
                lines
                    .iter()
                    .fold(Decimal::ZERO, |s, p| s.saturating_add(*p)),
            );
            block.score = block
                .funds
                .iter()
                .map(|l| l.score)
                .try_fold(Decimal::ZERO, |s, v| v.map(|v| s.saturating_add(v)));
        } else {
            block.points = header_points;
        }
    }
}

/// A row whose every printed cell is "label:amount" or "label:" (the 按收入性质分 / 按支出性质分 lines of
/// a Hunan 部门整体 block: the amount inside the label's cell, two breakdowns side by side): the cells
/// as (column, label, amount); `None` for any other row.
fn labelled_amounts(row: &[String]) -> Option<Vec<(usize, String, Option<Decimal>)>> {
    let mut cells = Vec::new();
    for (column, cell) in row.iter().enumerate() {
        let text = cell.trim();
        if text.is_empty() {
            continue;
        }
        let at = text.rfind([':', '：'])?;
        let label = clean_label(
            &text[..at]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>(),
        );
        let value = text[at..].trim_start_matches([':', '：']).trim();
        if label.is_empty() || label.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let amount = match cell_number(value) {
            Ok(amount) => amount,
            Err(NotAFigure) => return None,
        };
        cells.push((column, label, amount));
    }
    (!cells.is_empty()).then_some(cells)
}

/// Puts labelled amounts into the breakdowns: a "按…分" cell starts one in its column, other cells are
/// parts of the breakdown last started in their column (or of one without a heading).
fn add_breakdown_cells(
    block: &mut BudgetBlock,
    breakdown_at: &mut Vec<(usize, usize)>,
    cells: Vec<(usize, String, Option<Decimal>)>,
) {
    for (column, label, amount) in cells {
        if label.starts_with('按') {
            breakdown_at.retain(|(c, _)| *c != column);
            breakdown_at.push((column, block.breakdowns.len()));
            block.breakdowns.push(FundBreakdown {
                label,
                stated: amount,
                parts: Vec::new(),
            });
            continue;
        }
        let index = match breakdown_at.iter().find(|(c, _)| *c == column) {
            Some((_, index)) => *index,
            None => {
                breakdown_at.push((column, block.breakdowns.len()));
                block.breakdowns.push(FundBreakdown::default());
                block.breakdowns.len() - 1
            }
        };
        if let Some(breakdown) = block.breakdowns.get_mut(index) {
            breakdown.parts.push((label, amount));
        }
    }
}

/// "其中:当年财政拨款" → "当年财政拨款"; "年度资金总额:" → "年度资金总额".
fn clean_label(label: &str) -> String {
    label
        .trim_start_matches("其中")
        .trim_start_matches([':', '：'])
        .trim_end_matches([':', '：'])
        .to_string()
}

/// A money label of a 申报表's funds block ("年度资金总额:", "其中:财政拨款", "其他资金", "项目金额"):
/// `Some(None)` for the total, `Some(Some(source))` for a line.
fn money_label(cell: &str) -> Option<Option<String>> {
    let label = cell.split([':', '：']).next().unwrap_or("");
    if label.contains("资金总额") || label == "项目金额" || label == "项目总预算" {
        return Some(None);
    }
    let rest = cell
        .strip_prefix("其中")
        .map(|r| r.trim_start_matches([':', '：']));
    let source = rest.unwrap_or(cell);
    let source = source.split([':', '：']).next().unwrap_or("").trim();
    // "财政资金预算分类", "财政资金科目代码": facts about the money, not amounts.
    if ["分类", "代码", "科目", "类别"]
        .iter()
        .any(|w| source.contains(w))
    {
        return None;
    }
    let known = ["财政", "其他资金", "其它资金", "自筹", "上年结转"];
    if (rest.is_some() && !source.is_empty()) || known.iter().any(|k| source.starts_with(k)) {
        return Some(Some(source.to_string()));
    }
    None
}

/// An amount written in a label's cell or the next: "854万(高标准农田建设400万元…)" is 854, "中央衔接…
/// 补助资金(少数民族发展任务)50" is 50; words alone are no amount.
fn amount_in(text: &str) -> Option<Decimal> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    let number = |digits: String| digits.parse::<Decimal>().ok();
    let is_num = |c: &char| c.is_ascii_digit() || *c == '.';
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return number(t.chars().take_while(is_num).collect());
    }
    let body = t
        .trim_end_matches("万元")
        .trim_end_matches('万')
        .trim_end_matches('元');
    let tail: String = body
        .chars()
        .rev()
        .take_while(is_num)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if tail.is_empty() || !tail.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    number(tail)
}

/// The funds block of a 绩效目标申报表, written as labels and amounts above the indicators (年度资金总额 |
/// 10; 其中:财政拨款 | 10; 其他资金 | 0), in 万元, read as the 年初 (申报) amounts. Lines are kept only when
/// they are the form's whole breakdown (two or more, or one equal to the total): a single 其中 line is
/// part of the money, not all of it.
pub fn read_labelled(table: &[Vec<String>], until: usize) -> Option<BudgetBlock> {
    let mut block = BudgetBlock::default();
    for (i, row) in table.iter().enumerate().take(until) {
        for (c, cell) in row.iter().enumerate() {
            let squeezed: String = cell.chars().filter(|ch| !ch.is_whitespace()).collect();
            let Some(label) = money_label(&squeezed) else {
                continue;
            };
            let inline = squeezed
                .split_once([':', '：'])
                .map(|(_, v)| v)
                .unwrap_or("");
            let amount = amount_in(inline).or_else(|| {
                row.get(c + 1)
                    .filter(|next| {
                        money_label(
                            &next
                                .chars()
                                .filter(|ch| !ch.is_whitespace())
                                .collect::<String>(),
                        )
                        .is_none()
                    })
                    .and_then(|next| amount_in(next))
            });
            let line = FundLine {
                source: label.clone().unwrap_or_else(|| "年度资金总额".into()),
                initial: amount,
                ..FundLine::default()
            };
            match label {
                None if block.total.is_none() && amount.is_some() => block.total = Some(line),
                None => {}
                Some(_) => block.funds.push(line),
            }
            block.last_row = i;
        }
    }
    let total = block.total.as_ref().and_then(|t| t.initial);
    let whole = block.funds.len() >= 2 || block.funds.first().is_some_and(|l| l.initial == total);
    if !whole {
        block.funds.clear();
    }
    (block.total.is_some() || !block.funds.is_empty()).then_some(block)
}
