//! The 项目支出绩效自评表 as one form: project, funds with the execution rate, goals, indicators, total.

use super::{fill, score_table, signature, title, Block, Cell, Figure, Grid, Report};
use crate::core::assess::Assessment;
use crate::core::metric::project_totals;
use crate::core::model::Evaluation;
use crate::core::number::percent;
use rust_decimal::Decimal;

pub(super) fn project(e: &Evaluation, a: &Assessment) -> Report {
    let p = e.project.clone().unwrap_or_default();
    let title = title(e);
    let mut blocks = Vec::new();
    blocks.push(Block::Grid(Grid {
        rows: vec![
            vec![("项目名称".into(), 1), (p.name.clone().into(), 6)],
            vec![
                ("主管部门".into(), 1),
                (e.unit.parent_department.clone().into(), 2),
                ("实施单位".into(), 1),
                (e.unit.name.clone().into(), 3),
            ],
        ],
    }));
    let execution = e
        .indicators
        .iter()
        .find(|n| matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let (points, score) = execution
        .and_then(|n| a.node(&n.id))
        .map_or((Figure::Empty, Figure::Empty), |r| {
            (Figure::Score(r.points), Figure::Score(r.score))
        });
    let money = |v: Option<Decimal>| Cell::from(Figure::amount(v));
    let mut budget: Vec<Vec<(Cell, usize)>> = vec![vec![
        ("项目资金（万元）".into(), 1),
        ("年初预算数".into(), 1),
        ("全年预算数".into(), 1),
        ("全年执行数".into(), 1),
        ("分值".into(), 1),
        ("执行率".into(), 1),
        ("得分".into(), 1),
    ]];
    let totals = project_totals(e);
    let initial_total = p.funds.iter().try_fold(Decimal::ZERO, |acc, l| {
        l.initial.and_then(|v| acc.checked_add(v))
    });
    let total_rate = totals
        .and_then(|(adj, exe)| percent(exe, adj))
        .map_or(Figure::Empty, Figure::Rate);
    budget.push(vec![
        ("年度资金总额".into(), 1),
        (money(initial_total), 1),
        (money(totals.map(|t| t.0)), 1),
        (money(totals.map(|t| t.1)), 1),
        (points.into(), 1),
        (total_rate.into(), 1),
        (score.into(), 1),
    ]);
    for line in &p.funds {
        let rate = match (line.executed, line.adjusted) {
            (Some(x), Some(b)) => percent(x, b).map_or(Figure::Empty, Figure::Rate),
            _ => Figure::Empty,
        };
        budget.push(vec![
            (format!("其中：{}", line.source).into(), 1),
            (money(line.initial), 1),
            (money(line.adjusted), 1),
            (money(line.executed), 1),
            (Figure::NotApplicable.into(), 1),
            (rate.into(), 1),
            (Figure::NotApplicable.into(), 1),
        ]);
    }
    blocks.push(Block::Heading2("预算执行情况".into()));
    blocks.push(Block::Grid(Grid { rows: budget }));
    blocks.push(Block::Heading2("年度总体目标".into()));
    blocks.push(Block::Grid(Grid {
        rows: vec![
            vec![("预期目标".into(), 3), ("实际完成情况".into(), 4)],
            vec![
                (fill(&e.goals.annual, e, a).into(), 3),
                (fill(&e.goals.annual_actual, e, a).into(), 4),
            ],
        ],
    }));
    blocks.push(Block::Heading2("绩效指标".into()));
    // The execution-rate row is in the budget block above, not among the indicators.
    let mut indicators = e.clone();
    indicators
        .indicators
        .retain(|n| !matches!(n.rule, crate::core::rule::ScoringRule::ExecutionRate));
    let mut table = score_table::score_table(&indicators, a, true);
    table.total = ("总分".into(), a.points_total, a.total);
    blocks.push(Block::Scores(table));
    blocks.extend(signature(e));
    Report { title, blocks }
}
