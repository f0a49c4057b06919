//! The indicator tree (指标体系): a node, its direction, and the one tree walk.

use super::{is_default, EvidenceStatus};
use crate::core::rule::Comparison;
use crate::core::rule::ScoringRule;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Direction of a target (指标方向): how 实际完成值 is judged against 年度指标值.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 按指标值推断: from the printed operator (≥ / ≤ / =), else from the indicator's name
    /// (see [`crate::core::direction`]). Version 1 files stored no direction for 正向 rows: their
    /// 比例计分 leaves are migrated to an explicit `Positive`, so their scores do not change.
    #[default]
    Auto,
    /// 正向: more is better (≥ target).
    Positive,
    /// 反向: less is better (≤ target), e.g. cost.
    Reverse,
    /// 等于目标: the target itself is wanted (= target), e.g. 事故次数 = 0.
    Equal,
}

impl Direction {
    /// Every direction, in the order offered.
    pub const ALL: [Direction; 4] = [
        Direction::Auto,
        Direction::Positive,
        Direction::Reverse,
        Direction::Equal,
    ];

    /// A stable key (the file format's value).
    pub fn key(self) -> &'static str {
        match self {
            Direction::Auto => "auto",
            Direction::Positive => "positive",
            Direction::Reverse => "reverse",
            Direction::Equal => "equal",
        }
    }

    /// The label with what it means, e.g. "反向（越小越好）".
    pub fn label_long(self) -> &'static str {
        match self {
            Direction::Auto => "按指标值推断（比较符号或名称）",
            Direction::Positive => "正向（越大越好）",
            Direction::Reverse => "反向（越小越好）",
            Direction::Equal => "等于目标",
        }
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Auto => "按指标值推断",
            Direction::Positive => "正向",
            Direction::Reverse => "反向",
            Direction::Equal => "等于目标",
        }
    }
}

/// A node of the indicator tree (指标): a group when it has children, otherwise a scored leaf.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicator {
    /// Stable id, unique in the tree; paths in findings use it.
    pub id: String,
    /// 指标名称.
    pub name: String,
    /// 分值 (maximum points).
    pub points: Decimal,
    /// Sub-indicators (下级指标); empty for a leaf.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Indicator>,
    /// 指标说明.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// 评价要点 (scoring criteria as printed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub criteria: String,
    /// How the leaf is scored.
    #[serde(skip_serializing_if = "is_default")]
    pub rule: ScoringRule,
    /// 自评分 as typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
    /// 扣分原因 / 偏差原因分析及改进措施: demanded when the score is below 分值.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Why a typed score departs from the rule's (调整理由); without it the computed score wins.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub override_reason: String,
    /// 佐证材料 (evidence note).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// 项目支出: 年度指标值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    /// The comparison printed with the 年度指标值 (`≥95%` → ≥), which decides the direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_op: Option<Comparison>,
    /// 项目支出: 实际完成值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
    /// 项目支出: the target as words when it is not a number (e.g. 按期完成).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target_text: String,
    /// 项目支出: the actual as words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual_text: String,
    /// 计量单位 of target and actual.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The 实际完成值's unit when it was printed with another one than the target's (`50个` / `8次`);
    /// empty means the same as [`Indicator::unit`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual_unit: String,
    /// 得分率 as printed, in % of 分值: a weighted form's 单项指标得分 (out of 100) or a 得分系数; the
    /// 得分 (折算得分) must equal 分值 × 得分率.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_rate: Option<Decimal>,
    /// 指标方向.
    #[serde(skip_serializing_if = "is_default")]
    pub direction: Direction,
    /// 指标值设定依据: what the target value rests on (计划标准 / 行业标准 / 历史标准 / 其他标准, or words);
    /// the target stage asks for it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// 中期指标值 as a target table prints it beside the 年度 one (the three-year target the year's is a
    /// part of), kept as text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mid_term: String,
    /// 上年实际值 as a target table prints it beside the new target ("2021年实际实现值"), kept as text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prior_actual: String,
    /// 运行监控: the figures to date, forecast, likelihood, causes and measures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<super::IndicatorMonitoring>,
    /// 佐证材料情况 as stated (else it follows the attached files).
    #[serde(skip_serializing_if = "is_default")]
    pub evidence_status: EvidenceStatus,
}

impl Indicator {
    /// A leaf has no children and carries a rule and a score.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// Its target is a ceiling (≤ / < printed, or 反向 set): less is better, and a target stage, a light
    /// or a year-over-year comparison reads it the other way round from a 正向 one.
    pub fn sets_a_ceiling(&self) -> bool {
        matches!(self.target_op, Some(Comparison::Le | Comparison::Lt))
            || self.direction == Direction::Reverse
    }

    /// Visits this node and its descendants in pre-order with their depth (`depth` = this node's).
    pub fn walk<'a>(&'a self, depth: usize, visit: &mut dyn FnMut(&'a Indicator, usize)) {
        visit(self, depth);
        walk_tree(&self.children, &mut |ancestors, node| {
            visit(node, depth + 1 + ancestors.len())
        });
    }

    /// Clears what was judged in this node and below — score, reasons, evidence, actual figures and the
    /// rule's judged input — keeping the definition and the rule (a library entry, next year's row).
    pub fn clear_judgement(&mut self) {
        self.score = None;
        self.reason.clear();
        self.override_reason.clear();
        self.evidence.clear();
        self.actual = None;
        self.actual_text.clear();
        self.actual_unit.clear();
        self.score_rate = None;
        self.rule.clear_judgement();
        for child in &mut self.children {
            child.clear_judgement();
        }
    }
}

/// The one tree walk: visits every node of `nodes` in pre-order with its ancestors (一级 first). Depth is
/// `ancestors.len()`; a leaf is a node without children.
///
/// ```
/// let e = jixiao::core::template::load("nanjing-2024").unwrap();
/// let mut leaves = 0;
/// jixiao::core::model::walk_tree(&e.indicators, &mut |ancestors, node| {
///     if node.is_leaf() && ancestors.len() == 2 { leaves += 1 }
/// });
/// assert_eq!(leaves, 32);
/// ```
pub fn walk_tree<'a>(
    nodes: &'a [Indicator],
    visit: &mut dyn FnMut(&[&'a Indicator], &'a Indicator),
) {
    fn go<'a>(
        nodes: &'a [Indicator],
        trail: &mut Vec<&'a Indicator>,
        visit: &mut dyn FnMut(&[&'a Indicator], &'a Indicator),
    ) {
        for node in nodes {
            visit(trail, node);
            if !node.children.is_empty() {
                trail.push(node);
                go(&node.children, trail, visit);
                trail.pop();
            }
        }
    }
    go(nodes, &mut Vec::new(), visit);
}

/// The leaves of a tree, in order.
pub fn leaves(nodes: &[Indicator]) -> Vec<&Indicator> {
    let mut out = Vec::new();
    walk_tree(nodes, &mut |_, node| {
        if node.is_leaf() {
            out.push(node)
        }
    });
    out
}
