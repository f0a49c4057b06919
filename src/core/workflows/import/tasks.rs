//! The 部门整体 申报表's blocks above its indicators (财预〔2015〕88号 附2 and its local variants): 部门职责
//! (a label and the words beside it) and 年度主要任务 — a header row naming 任务名称, 主要内容 and the
//! 预算金额 columns (总额, 财政拨款, 其他资金; on the row below when 预算金额 is merged over them), then one
//! row per task down to the 金额合计 row or the 年度总体目标.

use super::cell_number;
use crate::core::model::{AnnualTask, AnnualTasks, TaskAmounts};

/// A cell without blanks.
fn squeezed(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The 部门职责 printed above the indicators: the words beside a 部门职责 / 主要职能 label.
pub(super) fn duties(table: &[Vec<String>], until: usize) -> String {
    for row in table.iter().take(until) {
        let Some(at) = row.iter().position(|c| {
            let s = crate::core::keys::without_brackets(c);
            ["部门职责", "部门职能", "职能职责", "主要职能", "单位职责"]
                .iter()
                .any(|w| s.starts_with(w))
                && s.chars().count() <= 12
        }) else {
            continue;
        };
        let words: Vec<&str> = row[at + 1..]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if !words.is_empty() {
            return words.join("");
        }
    }
    String::new()
}

/// Where each of the block's columns is.
#[derive(Default)]
struct Columns {
    name: usize,
    content: Option<usize>,
    total: Option<usize>,
    fiscal: Option<usize>,
    other: Option<usize>,
}

impl Columns {
    /// Places the amount columns a header row names.
    fn amounts_in(&mut self, row: &[String]) {
        for (i, cell) in row.iter().enumerate() {
            let s = squeezed(cell);
            if s.contains("财政拨款") {
                self.fiscal.get_or_insert(i);
            } else if s.contains("其他资金") || s.contains("其它资金") {
                self.other.get_or_insert(i);
            } else if ["总额", "合计", "小计"].iter().any(|w| s.starts_with(w)) {
                self.total.get_or_insert(i);
            }
        }
    }

    fn amounts(&self, row: &[String]) -> TaskAmounts {
        let get = |column: Option<usize>| {
            column
                .and_then(|c| row.get(c))
                .and_then(|t| cell_number(t).ok().flatten())
        };
        TaskAmounts {
            total: get(self.total),
            fiscal: get(self.fiscal),
            other: get(self.other),
        }
    }
}

/// The 年度主要任务 block among the rows above `until` (the indicator header), empty when there is none.
pub(super) fn tasks(table: &[Vec<String>], until: usize) -> AnnualTasks {
    let mut out = AnnualTasks::default();
    let Some((header, name)) = table.iter().take(until).enumerate().find_map(|(r, row)| {
        row.iter()
            .position(|c| squeezed(c) == "任务名称")
            .map(|c| (r, c))
    }) else {
        return out;
    };
    let row = &table[header];
    let mut columns = Columns {
        name,
        content: row.iter().position(|c| squeezed(c).contains("主要内容")),
        ..Columns::default()
    };
    columns.amounts_in(row);
    let mut first = header + 1;
    // 预算金额 merged over 总额 | 财政拨款 | 其他资金 on the row below.
    if let Some(below) = table.get(first) {
        let names_amounts = below.iter().any(|c| squeezed(c).contains("财政拨款"));
        if names_amounts
            && below
                .iter()
                .all(|c| cell_number(c).ok().flatten().is_none())
        {
            columns.amounts_in(below);
            first += 1;
        }
    }
    if columns.total.is_none() {
        // A single 预算金额 column.
        columns.total = row.iter().position(|c| squeezed(c).contains("预算金额"));
    }
    for row in table.iter().take(until).skip(first) {
        let text: Vec<String> = row.iter().map(|c| squeezed(c)).collect();
        if text.iter().any(|t| {
            t.starts_with("年度总体目标") || t.starts_with("年度绩效目标") || t.contains("绩效指标")
        }) {
            break;
        }
        // The 金额合计 row: its label in the name column or to the left of it.
        if text
            .iter()
            .take(columns.name + 1)
            .any(|t| t.starts_with("金额合计") || t == "合计" || t == "总计")
        {
            out.stated_total = Some(columns.amounts(row));
            break;
        }
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|t| t.trim().to_string())
                .unwrap_or_default()
        };
        let task = AnnualTask {
            name: cell(Some(columns.name)),
            content: cell(columns.content),
            amounts: columns.amounts(row),
        };
        let blank = task.name.is_empty()
            && task.content.is_empty()
            && task.amounts == TaskAmounts::default();
        if !blank {
            out.tasks.push(task);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_without_marks_and_parentheses() {
        let table = vec![
            vec![
                "*部门(单位)职责".to_string(),
                "负责价格认定工作".to_string(),
            ],
            vec!["一级指标".to_string()],
        ];
        assert_eq!(duties(&table, 1), "负责价格认定工作");
    }
}
