//! The 项目支出绩效自评表 as the form is printed (财预〔2020〕10号 附件2): one table — 项目名称, 主管部门 /
//! 实施单位, the 项目资金 block with the execution rate and its score, 年度总体目标 (预期 / 实际), the 绩效指标
//! with 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施, 总分 — then the signature block.

use super::{fill, score_table, signature, title, Block, Figure, FormCell, FormTable, Report};
use crate::core::assess::Assessment;
use crate::core::metric::project_totals;
use crate::core::model::Evaluation;
use crate::core::number::percent;
use rust_decimal::Decimal;

/// Relative column widths: the row labels, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因.
/// 分值 and 得分 take 8: a rate such as 95.86% fits in them on A4 (at 7 it ran over the column).
const WIDTHS: [usize; 9] = [13, 10, 11, 14, 11, 11, 8, 8, 14];

pub(super) fn project(e: &Evaluation, a: &Assessment) -> Report {
    let p = e.project.clone().unwrap_or_default();
    let title = title(e);
    let label = FormCell::label;
    let mut rows: Vec<Vec<FormCell>> = vec![
        vec![label("项目名称", 1), FormCell::value(p.name.clone(), 8)],
        vec![
            label("主管部门", 1),
            FormCell::value(e.unit.parent_department.clone(), 3),
            label("实施单位", 1),
            FormCell::value(e.unit.name.clone(), 4),
        ],
    ];
    // 项目资金: the header, 年度资金总额 and one 其中 line per fund source, under one row label.
    let execution = e
        .indicators
        .iter()
        .find(|n| matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let (points, score) = execution
        .and_then(|n| a.node(&n.id))
        .map_or((Figure::Empty, Figure::Empty), |r| {
            (Figure::Score(r.points), Figure::Score(r.score))
        });
    let money = |v: Option<Decimal>| FormCell::value(Figure::amount(v), 1);
    let totals = project_totals(e);
    let initial_total = p.funds.iter().try_fold(Decimal::ZERO, |acc, l| {
        l.initial.and_then(|v| acc.checked_add(v))
    });
    let total_rate = totals
        .and_then(|(adj, exe)| percent(exe, adj))
        .map_or(Figure::Empty, Figure::Rate);
    let mut header = vec![
        label("项目资金（万元）", 1).down(p.funds.len() + 2),
        label("", 2),
    ];
    header.extend(
        [
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ]
        .map(|h| label(h, 1)),
    );
    rows.push(header);
    rows.push(vec![
        label("年度资金总额", 2),
        money(initial_total),
        money(totals.map(|t| t.0)),
        money(totals.map(|t| t.1)),
        FormCell::value(points, 1),
        FormCell::value(total_rate, 1),
        FormCell::value(score, 1),
    ]);
    for line in &p.funds {
        let rate = match (line.executed, line.adjusted) {
            (Some(x), Some(b)) => percent(x, b).map_or(Figure::Empty, Figure::Rate),
            _ => Figure::Empty,
        };
        rows.push(vec![
            FormCell::value(format!("其中：{}", line.source), 2),
            money(line.initial),
            money(line.adjusted),
            money(line.executed),
            FormCell::value(Figure::NotApplicable, 1),
            FormCell::value(rate, 1),
            FormCell::value(Figure::NotApplicable, 1),
        ]);
    }
    rows.push(vec![
        label("年度总体目标", 1).down(2),
        label("预期目标", 4),
        label("实际完成情况", 4),
    ]);
    rows.push(vec![
        FormCell::value(fill(&e.goals.annual, e, a), 4),
        FormCell::value(fill(&e.goals.annual_actual, e, a), 4),
    ]);
    // The execution-rate row is in the 项目资金 block above, not among the indicators.
    let mut indicators = e.clone();
    indicators
        .indicators
        .retain(|n| !matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let table = score_table::score_table(&indicators, a, true);
    let mut header = vec![label("绩效指标", 1).down(table.rows.len() + 1)];
    header.extend(table.headers.iter().map(|h| label(h.as_str(), 1)));
    rows.push(header);
    for row in &table.rows {
        let mut cells = Vec::new();
        for span in [&row.level1, &row.level2].into_iter().flatten() {
            cells.push(FormCell::value(span.text.clone(), 1).down(span.rows));
        }
        cells.extend([
            FormCell::value(row.name.clone(), 1),
            FormCell::value(row.description.clone(), 1),
            FormCell::value(row.criteria.clone(), 1),
            FormCell::value(row.points, 1),
            FormCell::value(row.score, 1),
            FormCell::value(row.reason.clone(), 1),
        ]);
        rows.push(cells);
    }
    rows.push(vec![
        label("总分", 6),
        FormCell::value(Figure::Score(a.points_total), 1),
        FormCell::value(Figure::Score(a.total), 1),
        FormCell::value("", 1),
    ]);
    let mut blocks = vec![Block::Form(FormTable {
        widths: WIDTHS.to_vec(),
        rows,
    })];
    blocks.extend(super::target_adjustments(e).map(Block::Paragraph));
    blocks.extend(super::monitoring_recap(e).map(Block::Paragraph));
    blocks.extend(signature(e));
    blocks.extend(super::evidence::evidence_annex(e, "附件"));
    Report {
        title,
        blocks,
        landscape: false,
    }
}
