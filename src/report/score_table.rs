//! The scoring table (指标体系得分情况): merged 一级 / 二级 cells, the 加减分项 rows, the total.

use super::{leaves_with_ancestors, Figure, ScoreRow, ScoreTable, Span};
use crate::core::assess::Assessment;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

pub(super) fn score_table(e: &Evaluation, a: &Assessment, project: bool) -> ScoreTable {
    let mut rows = indicator_rows(e, a, project);
    rows.extend(adjustment_rows(e, a));
    ScoreTable {
        headers: headers(project),
        with_reason: project,
        rows,
        total: ("合计".into(), a.points_total, a.total),
    }
}

/// A group's cell text: its name and 分值.
fn label(n: &Indicator) -> String {
    format!("{}（{}分）", n.name, fmt_score(n.points))
}

/// One row per leaf, the 一级 and 二级 cells merged over the rows of their leaves.
fn indicator_rows(e: &Evaluation, a: &Assessment, project: bool) -> Vec<ScoreRow> {
    leaf_rows(&e.indicators, label)
        .into_iter()
        .map(|row| {
            let leaf = row.leaf;
            let (description, criteria) = if project {
                (target_text(leaf), actual_text(leaf))
            } else {
                (leaf.description.clone(), leaf.criteria.clone())
            };
            ScoreRow {
                level1: row.level1,
                level2: row.level2,
                name: row.name,
                description,
                criteria,
                points: Figure::Score(leaf.points),
                score: a
                    .node(&leaf.id)
                    .map_or(Figure::Empty, |r| Figure::Score(r.score)),
                reason: if project {
                    leaf.reason.clone()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// A leaf's row of an indicator table: its 一级 and 二级 cells (on the first row of their groups, with
/// the rows they cover), its name (deeper levels joined with "／") and the leaf.
pub(super) struct LeafRow<'a> {
    pub(super) level1: Option<Span>,
    pub(super) level2: Option<Span>,
    pub(super) name: String,
    pub(super) leaf: &'a Indicator,
}

impl LeafRow<'_> {
    /// The form's 一级 and 二级 cells of this row (only on the first row of each group, merged down).
    pub(super) fn level_cells(&self) -> Vec<super::FormCell> {
        [&self.level1, &self.level2]
            .into_iter()
            .flatten()
            .map(|span| super::FormCell::value(span.text.clone(), 1).down(span.rows))
            .collect()
    }
}

/// A group's cell in a form that prints no 分值 yet (the 申报表, the 监控表): its name alone.
pub(super) fn plain_name(n: &Indicator) -> String {
    n.name.trim().to_string()
}

/// A stage form's title: "2025年度项目支出绩效目标申报表", "2025年度部门整体支出绩效运行监控表".
pub(super) fn stage_form_title(e: &crate::core::model::Evaluation, form: &str) -> String {
    let kind = match e.kind {
        crate::core::model::EvaluationKind::Project => "项目支出",
        crate::core::model::EvaluationKind::Department => "部门整体支出",
    };
    format!("{}年度{kind}{form}", e.unit.year)
}

/// The rows of a tree's leaves, groups labelled by `label` (the score table adds 分值, a target form not).
pub(super) fn leaf_rows(tree: &[Indicator], label: fn(&Indicator) -> String) -> Vec<LeafRow<'_>> {
    let leaves = leaves_with_ancestors(tree);
    let mut rows: Vec<LeafRow> = Vec::with_capacity(leaves.len());
    // The id of a leaf's ancestor at `depth` (0: 一级, 1: 二级); a top-level leaf is its own 一级.
    let ancestor = |j: usize, depth: usize| {
        let (trail, leaf) = &leaves[j];
        match depth {
            0 => trail.first().map_or(leaf.id.as_str(), |n| n.id.as_str()),
            _ => trail.get(depth).map_or("", |n| n.id.as_str()),
        }
    };
    // How many rows from `j` on share the ancestor at `depth` (within `end`).
    let span = |j: usize, end: usize, depth: usize| {
        (j..end)
            .take_while(|k| ancestor(*k, depth) == ancestor(j, depth))
            .count()
    };
    let mut i = 0;
    while i < leaves.len() {
        let top_rows = span(i, leaves.len(), 0);
        for (j, (trail, leaf)) in leaves.iter().enumerate().skip(i).take(top_rows) {
            let starts_second = j == i || ancestor(j - 1, 1) != ancestor(j, 1);
            let level2 = starts_second.then(|| Span {
                text: trail.get(1).map(|n| label(n)).unwrap_or_default(),
                rows: span(j, i + top_rows, 1),
            });
            let (level1, name) = if trail.is_empty() {
                (
                    Some(Span {
                        text: label(leaf),
                        rows: 1,
                    }),
                    String::new(),
                )
            } else {
                let level1 = (j == i).then(|| Span {
                    text: trail.first().map(|n| label(n)).unwrap_or_default(),
                    rows: top_rows,
                });
                let deeper: Vec<&str> = trail.iter().skip(2).map(|n| n.name.as_str()).collect();
                let name = if deeper.is_empty() {
                    leaf.name.clone()
                } else {
                    format!("{}／{}", deeper.join("／"), leaf.name)
                };
                (level1, name)
            };
            rows.push(LeafRow {
                level1,
                level2,
                name,
                leaf,
            });
        }
        i += top_rows;
    }
    rows
}

/// 年度指标值 as the form prints it: the operator (≥ …) before a figure, else the words.
fn target_text(leaf: &Indicator) -> String {
    let op = if leaf.target.is_some() && leaf.target_text.trim().is_empty() {
        leaf.target_op.map_or("", |op| op.symbol())
    } else {
        ""
    };
    format!(
        "{op}{}",
        measure(leaf.target, &leaf.target_text, &leaf.unit)
    )
}

/// 实际完成值 in its own unit when it differs from the target's.
fn actual_text(leaf: &Indicator) -> String {
    let unit = if leaf.actual_unit.is_empty() {
        &leaf.unit
    } else {
        &leaf.actual_unit
    };
    measure(leaf.actual, &leaf.actual_text, unit)
}

/// The 加分项 and 减分项 rows under one merged 加减分项 cell.
fn adjustment_rows(e: &Evaluation, a: &Assessment) -> Vec<ScoreRow> {
    let adj = &e.adjustments;
    let (bonus, penalty) = (&adj.bonus, &adj.penalty);
    let groups: Vec<(&str, [&str; 3], Decimal)> = [
        (
            "加分项",
            [&bonus.name, &bonus.description, &bonus.criteria].map(String::as_str),
            a.bonus,
        ),
        (
            "减分项",
            [&penalty.name, &penalty.description, &penalty.criteria].map(String::as_str),
            -a.penalty,
        ),
    ]
    .into_iter()
    .filter(|(_, [name, ..], _)| !name.is_empty())
    .collect();
    let count = groups.len();
    groups
        .into_iter()
        .enumerate()
        .map(
            |(k, (kind, [name, description, criteria], value))| ScoreRow {
                level1: (k == 0).then(|| Span {
                    text: format!("加减分项（≤{}分）", fmt_score(adj.cap)),
                    rows: count,
                }),
                level2: Some(Span {
                    text: kind.to_string(),
                    rows: 1,
                }),
                name: name.to_string(),
                description: description.to_string(),
                criteria: criteria.to_string(),
                points: Figure::Empty,
                score: Figure::Adjustment(value),
                reason: String::new(),
            },
        )
        .collect()
}

/// The columns of the 部门整体 table, or of the 项目支出 form's (with its reason column).
fn headers(project: bool) -> Vec<String> {
    let columns: &[&str] = if project {
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ]
    } else {
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标说明",
            "评价要点",
            "分值",
            "自评分",
        ]
    };
    columns.iter().map(|h| h.to_string()).collect()
}

pub(super) fn measure(value: Option<Decimal>, text: &str, unit: &str) -> String {
    match (value, text.trim()) {
        (_, t) if !t.is_empty() => t.to_string(),
        (Some(v), _) => format!("{}{}", v.normalize(), unit),
        (None, _) => String::new(),
    }
}
