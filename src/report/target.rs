//! The 绩效目标申报表 as the form is printed (财预〔2015〕88号 附1 / 附2 and the local variants): the
//! project (or unit), its funds, 总体目标, the 绩效指标 with 指标值 / 指标值设定依据 / 指标解释, the blank
//! 审核意见 rows for the departments that review it, then the signature block. The Word and Excel files
//! and the preview are drawn from this one form.

use super::score_table::{leaf_rows, plain_name, stage_form_title};
use super::{fill, signature, Block, Figure, FormCell, FormTable, Report};
use crate::core::assess::Assessment;
use crate::core::model::{target_value, Evaluation, EvaluationKind};
use rust_decimal::Decimal;

/// Relative column widths: row labels, 一级, 二级, 三级, 指标值, 指标值设定依据, 指标解释.
const WIDTHS: [usize; 7] = [12, 10, 11, 20, 12, 12, 23];
/// The same when no indicator has an explanation: the room goes to the 三级 names.
const WIDTHS_NO_EXPLANATION: [usize; 7] = [12, 10, 11, 30, 13, 12, 12];
/// With a 中期指标值 column before the 年度 one (the forms that print both).
const WIDTHS_MID_TERM: [usize; 8] = [11, 9, 10, 17, 11, 11, 11, 20];
/// The same when no indicator has an explanation.
const WIDTHS_MID_TERM_NO_EXPLANATION: [usize; 8] = [11, 9, 10, 25, 12, 12, 11, 10];

/// The title: "2025年度项目支出绩效目标申报表".
pub(super) fn title(e: &Evaluation) -> String {
    stage_form_title(e, "绩效目标申报表")
}

/// 年度主要任务 (附2): 任务名称 | 主要内容 | 预算金额 (总额, 财政拨款, 其他资金), one row per task, then
/// 金额合计 (as printed, else the tasks' sum). `wide` is the columns right of the row labels (6 or 7).
fn task_rows(e: &Evaluation, wide: usize, rows: &mut Vec<Vec<FormCell>>) {
    let block = &e.tasks;
    if block.tasks.is_empty() {
        return;
    }
    let label = FormCell::label;
    let value = |text: String, cols: usize| FormCell::value(text, cols);
    // 任务名称 1, 主要内容 wide − 4, the three amounts 1 each.
    let content = wide - 4;
    rows.push(vec![
        label("年度主要任务", 1).down(block.tasks.len() + 3),
        label("任务名称", 1).down(2),
        label("主要内容", content).down(2),
        label("预算金额（万元）", 3),
    ]);
    rows.push(vec![
        label("总额", 1),
        label("财政拨款", 1),
        label("其他资金", 1),
    ]);
    let amounts = |a: &crate::core::model::TaskAmounts| {
        [a.total, a.fiscal, a.other].map(|v| FormCell::value(Figure::amount(v), 1))
    };
    for task in &block.tasks {
        let mut row = vec![
            value(task.name.trim().to_string(), 1),
            value(task.content.trim().to_string(), content),
        ];
        row.extend(amounts(&task.amounts));
        rows.push(row);
    }
    let total = block
        .stated_total
        .clone()
        .unwrap_or(crate::core::model::TaskAmounts {
            total: block.column_sum(|a| a.total),
            fiscal: block.column_sum(|a| a.fiscal),
            other: block.column_sum(|a| a.other),
        });
    let mut row = vec![label("金额合计", 1 + content)];
    row.extend(amounts(&total));
    rows.push(row);
}

pub(super) fn target_form(e: &Evaluation, a: &Assessment) -> Report {
    let all_leaves = crate::core::model::leaves(&e.indicators);
    // A form that printed 中期指标值 beside the 年度 ones keeps that column.
    let mid_term = all_leaves.iter().any(|n| !n.mid_term.trim().is_empty());
    // The value cells beside a row label span the rest of the form.
    let wide = if mid_term { 7 } else { 6 };
    let label = FormCell::label;
    let value = |text: String, cols: usize| FormCell::value(text, cols);
    let project = e.project.clone().unwrap_or_default();
    let mut rows: Vec<Vec<FormCell>> = Vec::new();
    match e.kind {
        EvaluationKind::Project => {
            rows.push(vec![
                label("项目名称", 1),
                value(project.name.clone(), wide),
            ]);
            rows.push(vec![
                label("主管部门", 1),
                value(e.unit.parent_department.clone(), 2),
                label("实施单位", 1),
                value(e.unit.name.clone(), wide - 3),
            ]);
        }
        EvaluationKind::Department => {
            rows.push(vec![
                label("部门（单位）名称", 1),
                value(e.unit_name().to_string(), wide),
            ]);
            if !e.unit.duties.trim().is_empty() {
                rows.push(vec![
                    label("部门职责", 1),
                    value(e.unit.duties.trim().to_string(), wide),
                ]);
            }
            task_rows(e, wide, &mut rows);
        }
    }
    // 资金: 年度资金总额 and one 其中 line per source, the 年初 (申报) amounts.
    let amount = |line: &crate::core::model::FundLine| line.initial.or(line.adjusted);
    if !project.funds.is_empty() {
        // The total as printed, else the sum of the lines.
        let total = project.stated_total.as_ref().and_then(amount).or_else(|| {
            project.funds.iter().try_fold(Decimal::ZERO, |sum, l| {
                amount(l).and_then(|v| sum.checked_add(v))
            })
        });
        rows.push(vec![
            label("项目资金（万元）", 1).down(project.funds.len() + 1),
            label("年度资金总额", 2),
            FormCell::value(Figure::amount(total), wide - 2),
        ]);
        for line in &project.funds {
            rows.push(vec![
                value(format!("其中：{}", line.source), 2),
                FormCell::value(Figure::amount(amount(line)), wide - 2),
            ]);
        }
    }
    for (text, lead) in [
        (&e.goals.long_term, "中期目标"),
        (&e.goals.annual, "年度目标"),
    ] {
        if !text.trim().is_empty() {
            rows.push(vec![label(lead, 1), value(fill(text.trim(), e, a), wide)]);
        }
    }
    let leaves = leaf_rows(&e.indicators, plain_name);
    let mut header = vec![label("绩效指标", 1).down(leaves.len() + 1)];
    let mut headings = vec!["一级指标", "二级指标", "三级指标"];
    if mid_term {
        headings.extend(["中期指标值", "年度指标值"]);
    } else {
        headings.push("指标值");
    }
    headings.extend(["指标值设定依据", "指标解释"]);
    header.extend(headings.into_iter().map(|h| label(h, 1)));
    rows.push(header);
    for row in leaves {
        let mut cells = row.level_cells();
        let leaf = row.leaf;
        let explanation = [leaf.description.trim(), leaf.criteria.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("；");
        cells.push(value(row.name, 1));
        if mid_term {
            cells.push(value(leaf.mid_term.trim().to_string(), 1));
        }
        cells.extend([
            value(target_value(leaf), 1),
            value(leaf.basis.trim().to_string(), 1),
            value(explanation, 1),
        ]);
        rows.push(cells);
    }
    // The reviewers' rows, left blank for their opinion and stamp.
    for reviewer in ["主管部门审核意见", "财政部门审核意见"] {
        rows.push(vec![
            label(reviewer, 1),
            value("（盖章）        年    月    日".to_string(), wide),
        ]);
    }
    let explained = all_leaves
        .iter()
        .any(|n| !n.description.trim().is_empty() || !n.criteria.trim().is_empty());
    let widths = match (mid_term, explained) {
        (false, true) => WIDTHS.to_vec(),
        (false, false) => WIDTHS_NO_EXPLANATION.to_vec(),
        (true, true) => WIDTHS_MID_TERM.to_vec(),
        (true, false) => WIDTHS_MID_TERM_NO_EXPLANATION.to_vec(),
    };
    let mut blocks = vec![Block::Form(FormTable { widths, rows })];
    if let Some(review) = &a.target_review {
        // The tool's own check of the table, set apart from the reviewers' rows: what a reviewer would
        // say, so the unit can mend it before filing.
        blocks.push(Block::Paragraph(format!(
            "按审核要点自查：{}",
            review.verdict()
        )));
        for reason in &review.reasons {
            blocks.push(Block::Paragraph(reason.clone()));
        }
    }
    blocks.extend(signature(e));
    Report {
        title: title(e),
        blocks,
        landscape: false,
    }
}
