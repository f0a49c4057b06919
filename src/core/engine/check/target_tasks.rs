//! A 部门整体 申报表's 年度主要任务 (财预〔2015〕88号 附2): each task named, described and budgeted, its
//! 总额 the sum of 财政拨款 and 其他资金, the 金额合计 the sum of the tasks, within the 年度资金总额.
//! Amounts agree within 0.01 万元 (the forms print 万元 to two decimals).

use super::{Checker, FieldPath, Severity};
use crate::core::code::Code;
use crate::core::model::{Evaluation, EvaluationKind, Stage, TaskAmounts};
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

/// 0.01 万元.
fn tolerance() -> Decimal {
    Decimal::new(1, 2)
}

fn apart(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() > tolerance()
}

fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |a, b| a.saturating_add(b))
}

/// A 总额 against 财政拨款 + 其他资金, where both sides are printed.
fn check_parts(what: &str, a: &TaskAmounts, checker: &mut Checker) {
    let (Some(total), Some(parts)) = (a.total, a.parts()) else {
        return;
    };
    if apart(total, parts) {
        checker.push(
            Severity::Error,
            Code::TargetTaskSum,
            FieldPath::tree(),
            format!(
                "{what}的预算金额总额 {} 万元，与财政拨款 {} + 其他资金 {} = {} 万元不符",
                fmt_score(total),
                fmt_score(a.fiscal.unwrap_or_default()),
                fmt_score(a.other.unwrap_or_default()),
                fmt_score(parts)
            ),
        );
    }
}

/// The 年度主要任务 checks.
pub(super) fn check_tasks(evaluation: &Evaluation, checker: &mut Checker) {
    let block = &evaluation.tasks;
    if block.is_empty() {
        if evaluation.kind == EvaluationKind::Department && evaluation.stage == Stage::Target {
            checker.push(
                Severity::Info,
                Code::TargetTasksMissing,
                FieldPath::tree(),
                "未列年度主要任务：部门整体支出绩效目标应写明年度主要任务（任务名称、主要内容、预算金额），绩效指标据此设定",
            );
        }
        return;
    }
    // The 金额合计 row against its own parts, as each task's.
    if let Some(total) = &block.stated_total {
        check_parts("金额合计", total, checker);
    }
    for (i, task) in block.tasks.iter().enumerate() {
        let name = if task.name.trim().is_empty() {
            format!("第 {} 项", i + 1)
        } else {
            format!("“{}”", task.name.trim())
        };
        let missing: Vec<&str> = [
            ("任务名称", task.name.trim().is_empty()),
            ("主要内容", task.content.trim().is_empty()),
            ("预算金额", task.amounts == TaskAmounts::default()),
        ]
        .iter()
        .filter(|(_, m)| *m)
        .map(|(w, _)| *w)
        .collect();
        if !missing.is_empty() {
            checker.push(
                Severity::Warning,
                Code::TargetTaskBlank,
                FieldPath::tree(),
                format!("年度主要任务{name}未填写{}", missing.join("、")),
            );
        }
        check_parts(&format!("年度主要任务{name}"), &task.amounts, checker);
    }
    // Amounts under 财政拨款 / 其他资金 with the 总额 (小计) column left blank: said once for the block.
    let no_total: Vec<&str> = block
        .tasks
        .iter()
        .filter(|t| t.amounts.total.is_none() && t.amounts.parts().is_some())
        .map(|t| t.name.trim())
        .collect();
    if !no_total.is_empty() {
        checker.push(
            Severity::Warning,
            Code::TargetTaskBlank,
            FieldPath::tree(),
            format!(
                "{} 项年度主要任务填了财政拨款或其他资金，却未填预算金额总额（小计）：{}",
                no_total.len(),
                no_total.join("、")
            ),
        );
    }
    // A task's 总额, else its parts.
    let task_total = |a: &TaskAmounts| a.total.or_else(|| a.parts());
    let totals: Vec<Decimal> = block
        .tasks
        .iter()
        .filter_map(|t| task_total(&t.amounts))
        .collect();
    let tasks_sum = sum(totals.iter().copied());
    if let Some(stated) = &block.stated_total {
        for column in TaskAmounts::COLUMNS {
            let (label, get) = (column.label, column.get);
            let Some(printed) = get(stated) else {
                continue;
            };
            let parts: Vec<Decimal> = block.tasks.iter().filter_map(|t| get(&t.amounts)).collect();
            if parts.is_empty() {
                continue;
            }
            let computed = sum(parts.iter().copied());
            if apart(printed, computed) {
                checker.push(
                    Severity::Error,
                    Code::TargetTasksTotal,
                    FieldPath::tree(),
                    format!(
                        "年度主要任务金额合计（{label}）{} 万元，与各任务之和 {} 万元不符",
                        fmt_score(printed),
                        fmt_score(computed)
                    ),
                );
            }
        }
    }
    if let Some(budget) = super::targets::annual_budget(evaluation) {
        if !totals.is_empty() && tasks_sum > budget + tolerance() {
            checker.push(
                Severity::Error,
                Code::TargetTasksOverBudget,
                FieldPath::tree(),
                format!(
                    "年度主要任务预算金额合计 {} 万元，超过年度资金总额 {} 万元",
                    fmt_score(tasks_sum),
                    fmt_score(budget)
                ),
            );
        }
    }
}
