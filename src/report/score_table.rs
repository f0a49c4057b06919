//! The scoring table (指标体系得分情况): merged 一级 / 二级 cells, the 加减分项 rows, the total.

use super::{leaves_with_ancestors, Figure, ScoreRow, ScoreTable, Span};
use crate::core::assess::Assessment;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

pub(super) fn score_table(e: &Evaluation, a: &Assessment, project: bool) -> ScoreTable {
    let leaves = leaves_with_ancestors(&e.indicators);
    let mut rows: Vec<ScoreRow> = Vec::with_capacity(leaves.len() + 2);
    let label = |n: &Indicator| format!("{}（{}分）", n.name, fmt_score(n.points));
    let mut i = 0;
    while i < leaves.len() {
        let (trail, leaf) = &leaves[i];
        let top = trail
            .first()
            .map(|n| n.id.as_str())
            .unwrap_or(leaf.id.as_str());
        let same_top = |j: usize| {
            leaves[j]
                .0
                .first()
                .map(|n| n.id.as_str())
                .unwrap_or(leaves[j].1.id.as_str())
                == top
        };
        let top_rows = (i..leaves.len()).take_while(|j| same_top(*j)).count();
        for j in i..i + top_rows {
            let (trail, leaf) = &leaves[j];
            let level1 = (j == i).then(|| Span {
                text: trail.first().map(|n| label(n)).unwrap_or_default(),
                rows: top_rows,
            });
            let second_id = trail.get(1).map(|n| n.id.as_str());
            let starts_second =
                j == i || leaves[j - 1].0.get(1).map(|n| n.id.as_str()) != second_id;
            let level2 = if starts_second {
                let count = (j..i + top_rows)
                    .take_while(|k| leaves[*k].0.get(1).map(|n| n.id.as_str()) == second_id)
                    .count();
                Some(Span {
                    text: trail.get(1).map(|n| label(n)).unwrap_or_default(),
                    rows: count,
                })
            } else {
                None
            };
            let deeper: Vec<&str> = trail.iter().skip(2).map(|n| n.name.as_str()).collect();
            let name = if trail.is_empty() {
                String::new()
            } else if deeper.is_empty() {
                leaf.name.clone()
            } else {
                format!("{}／{}", deeper.join("／"), leaf.name)
            };
            let (level1, name) = if trail.is_empty() {
                (
                    Some(Span {
                        text: label(leaf),
                        rows: 1,
                    }),
                    String::new(),
                )
            } else {
                (level1, name)
            };
            let score = a
                .node(&leaf.id)
                .map_or(Figure::Empty, |r| Figure::Score(r.score));
            let (description, criteria) = if project {
                (
                    format!(
                        "{}{}",
                        if leaf.target.is_some() && leaf.target_text.trim().is_empty() {
                            leaf.target_op.map_or("", |op| op.symbol())
                        } else {
                            ""
                        },
                        measure(leaf.target, &leaf.target_text, &leaf.unit)
                    ),
                    measure(
                        leaf.actual,
                        &leaf.actual_text,
                        if leaf.actual_unit.is_empty() {
                            &leaf.unit
                        } else {
                            &leaf.actual_unit
                        },
                    ),
                )
            } else {
                (leaf.description.clone(), leaf.criteria.clone())
            };
            rows.push(ScoreRow {
                level1,
                level2,
                name,
                description,
                criteria,
                points: Figure::Score(leaf.points),
                score,
                reason: if project {
                    leaf.reason.clone()
                } else {
                    String::new()
                },
            });
        }
        i += top_rows;
    }
    let adj = &e.adjustments;
    let groups: Vec<(&str, &str, &str, &str, Decimal)> = [
        (!adj.bonus.name.is_empty()).then_some({
            (
                "加分项",
                adj.bonus.name.as_str(),
                adj.bonus.description.as_str(),
                adj.bonus.criteria.as_str(),
                a.bonus,
            )
        }),
        (!adj.penalty.name.is_empty()).then_some({
            (
                "减分项",
                adj.penalty.name.as_str(),
                adj.penalty.description.as_str(),
                adj.penalty.criteria.as_str(),
                a.penalty,
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (k, (group, name, description, criteria, value)) in groups.iter().enumerate() {
        rows.push(ScoreRow {
            level1: (k == 0).then(|| Span {
                text: format!("加减分项（≤{}分）", fmt_score(adj.cap)),
                rows: groups.len(),
            }),
            level2: Some(Span {
                text: group.to_string(),
                rows: 1,
            }),
            name: name.to_string(),
            description: description.to_string(),
            criteria: criteria.to_string(),
            points: Figure::Empty,
            score: Figure::Adjustment(if *group == "减分项" {
                -*value
            } else {
                *value
            }),
            reason: String::new(),
        });
    }
    let headers: Vec<String> = if project {
        [
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
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标说明",
            "评价要点",
            "分值",
            "自评分",
            "",
        ]
    }
    .iter()
    .filter(|h| !h.is_empty())
    .map(|h| h.to_string())
    .collect();
    ScoreTable {
        headers,
        with_reason: project,
        rows,
        total: ("合计".into(), a.points_total, a.total),
    }
}

pub(super) fn measure(value: Option<Decimal>, text: &str, unit: &str) -> String {
    match (value, text.trim()) {
        (_, t) if !t.is_empty() => t.to_string(),
        (Some(v), _) => format!("{}{}", v.normalize(), unit),
        (None, _) => String::new(),
    }
}
