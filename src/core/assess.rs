//! Assessment (评分与检查): scores every node, rolls them up, applies the 加减分项, grades, and runs
//! every check. A pure function of the [`Evaluation`]; the UI and CLI only display its result.
//!
//! * A leaf's score: the rule's computed score, unless a typed score differs *and* carries an
//!   override reason (调整理由); a judged rule (manual, qualitative) takes the typed score. Scores
//!   outside [0, 分值] are reported and counted clamped.
//! * A group's score: the sum of its children's, capped at its own 分值 (an inconsistent tree is
//!   reported, never allowed to push the total above the maximum).
//! * Total = Σ 一级 + min(加分, 上限) − min(减分, 上限), floored at 0. No rounding of sums.
//!
//! ```
//! let evaluation = jixiao::core::template::load("nanjing-2024").unwrap();
//! let assessment = jixiao::core::assess(&evaluation);
//! assert_eq!(assessment.total.to_string(), "99.5");
//! assert_eq!(assessment.grade, "优");
//! ```

use crate::core::audit;
use crate::core::check::{
    check_accounts, check_metrics, check_narrative, check_project, check_stated, Checker, Finding,
    Printed, Reconciliation, Severity,
};
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::fmt_score;
use crate::core::rule::ScoringRule;
use crate::core::scoring::ProblemLevel;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::HashMap;

/// The score of one node (指标得分) with how it was reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeResult {
    /// The node's id.
    pub id: String,
    /// Depth: 0 = 一级.
    pub depth: usize,
    /// 分值.
    pub points: Decimal,
    /// The score that counts (得分).
    pub score: Decimal,
    /// The rule's computed score, for leaves whose rule computes one.
    pub computed: Option<Decimal>,
    /// For a group, its children's scores added up (before its own 分值 caps the sum).
    pub children_sum: Option<Decimal>,
    /// Whether the node is a leaf.
    pub leaf: bool,
}

impl NodeResult {
    /// A group's explanation, "下级指标得分合计 …" (none for a leaf).
    pub fn sum_text(&self) -> Option<String> {
        self.children_sum
            .map(|sum| format!("下级指标得分合计 {}", fmt_score(sum)))
    }

    /// How the score follows (计分说明) for `node`, the indicator this is the result of. Built on demand:
    /// formatting it for every node was a third of scoring a large tree, and only rows on screen show it.
    pub fn explanation(&self, node: &Indicator, evaluation: &Evaluation) -> String {
        if let Some(sum) = self.sum_text() {
            return sum;
        }
        let mut text = node
            .rule
            .evaluate(node, evaluation, &evaluation.settings.rounding)
            .explanation;
        if audit::audits(&node.rule) {
            if let Some(Ok(found)) = audit::audit_leaf(node) {
                text.push_str(&format!(
                    "；{}：{}",
                    found.inference.describe(),
                    found.formula
                ));
            }
        }
        if let (Some(computed), Some(typed)) = (self.computed, node.score) {
            if typed != computed && typed != self.score {
                let reason = node.override_reason.trim();
                if reason.is_empty() {
                    text.push_str(&format!("；填报 {} 未采用", fmt_score(typed)));
                } else {
                    text.push_str(&format!("；人工调整为 {}：{reason}", fmt_score(typed)));
                }
            }
        }
        text
    }
}

/// Everything derived from an evaluation (评价结果).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// Every indicator node, in pre-order.
    pub nodes: Vec<NodeResult>,
    /// Σ 一级指标 分值.
    pub points_total: Decimal,
    /// Σ 一级指标 得分, before 加减分.
    pub base_score: Decimal,
    /// 加分 that counts (after the cap).
    pub bonus: Decimal,
    /// 减分 that counts (after the cap).
    pub penalty: Decimal,
    /// 总分.
    pub total: Decimal,
    /// 等级.
    pub grade: String,
    /// Number of indicators per level (一级, 二级, 三级 …), the 加减分项 included.
    pub counts: Vec<usize>,
    /// Problems found, errors first.
    pub findings: Vec<Finding>,
    /// Figures that must add up, with their outcome.
    pub reconciliations: Vec<Reconciliation>,
}

impl Assessment {
    /// The result of the node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// "共设置一级指标 6 个、二级指标 17 个、三级指标 34 个".
    pub fn counts_sentence(&self) -> String {
        const LEVELS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
        let parts: Vec<String> = self
            .counts
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}级指标 {} 个", LEVELS.get(i).copied().unwrap_or("下"), n))
            .collect();
        format!("共设置{}", parts.join("、"))
    }
}

/// The grade for a total under the bands (highest band whose minimum the total reaches).
pub fn grade_for(evaluation: &Evaluation, total: Decimal) -> String {
    let mut bands: Vec<_> = evaluation.settings.grade_bands.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    bands
        .iter()
        .find(|b| total >= b.min)
        .or(bands.last())
        .map(|b| b.grade.clone())
        .unwrap_or_else(|| "—".to_string())
}

/// The path of a node's field in findings, e.g. `indicators/1.2/score`; built only when a finding is made.
fn at(id: &str, field: &str) -> String {
    format!("indicators/{id}/{field}")
}

/// A sum of printed scores that does not depend on their order.
#[derive(Default)]
struct PrintedSum {
    positive: Option<Decimal>,
    negative: Option<Decimal>,
    overflowed: bool,
}

impl PrintedSum {
    fn add(&mut self, value: Decimal) {
        let part = if value < Decimal::ZERO {
            &mut self.negative
        } else {
            &mut self.positive
        };
        match part.unwrap_or_default().checked_add(value.abs()) {
            Some(sum) => *part = Some(sum),
            None => self.overflowed = true,
        }
    }

    fn total(&self) -> Option<Decimal> {
        if self.overflowed {
            return None;
        }
        self.positive
            .unwrap_or_default()
            .checked_sub(self.negative.unwrap_or_default())
    }
}

struct Walker<'a> {
    evaluation: &'a Evaluation,
    checker: Checker,
    nodes: Vec<NodeResult>,
    counts: Vec<usize>,
    ids: FxHashSet<&'a str>,
    /// (分值, 得分) of every indicator leaf but the execution rate's, for 两张皮.
    results: Vec<(Decimal, Decimal)>,
    /// Σ 分值 of leaves with no score at all (blank 得分 and nothing computed).
    blank_points: Decimal,
    /// Number of such leaves.
    blank_rows: usize,
    /// Σ printed 得分 of the leaves, as the unit added them (positive and negative parts apart, so
    /// the sum does not depend on the order; `None` past Decimal's range).
    printed_sum: PrintedSum,
}

impl<'a> Walker<'a> {
    fn node(&mut self, node: &'a Indicator, depth: usize) -> Decimal {
        if self.counts.len() <= depth {
            self.counts.resize(depth + 1, 0);
        }
        self.counts[depth] += 1;
        if node.id.trim().is_empty() || !self.ids.insert(node.id.as_str()) {
            self.checker.push(
                Severity::Error,
                "tree.id",
                at(&node.id, "id"),
                format!("指标“{}”的编号为空或重复", node.name),
            );
        }
        if node.name.trim().is_empty() {
            self.checker.push(
                Severity::Warning,
                "tree.name",
                at(&node.id, "name"),
                "有指标未填写名称",
            );
        }
        if node.points < Decimal::ZERO {
            self.checker.push(
                Severity::Error,
                "tree.points_negative",
                at(&node.id, "points"),
                format!("“{}”的分值不能为负", node.name),
            );
        }
        let index = self.nodes.len();
        self.nodes.push(NodeResult {
            id: node.id.clone(),
            depth,
            points: node.points,
            score: Decimal::ZERO,
            computed: None,
            children_sum: None,
            leaf: node.is_leaf(),
        });
        let (score, computed, children_sum) = if node.is_leaf() {
            self.leaf(node)
        } else {
            let mut sum = Decimal::ZERO;
            let mut points = Decimal::ZERO;
            for child in &node.children {
                sum = sum.saturating_add(self.node(child, depth + 1));
                points = points.saturating_add(child.points);
            }
            if points != node.points {
                self.checker.push(
                    Severity::Error,
                    "tree.points_sum",
                    at(&node.id, "points"),
                    format!(
                        "“{}”分值为 {}，但其下级指标分值合计为 {}",
                        node.name,
                        fmt_score(node.points),
                        fmt_score(points)
                    ),
                );
            }
            let capped = sum.min(node.points.max(Decimal::ZERO));
            (capped, None, Some(sum))
        };
        let result = &mut self.nodes[index];
        result.score = score;
        result.computed = computed;
        result.children_sum = children_sum;
        score
    }

    fn leaf(&mut self, leaf: &Indicator) -> (Decimal, Option<Decimal>, Option<Decimal>) {
        let evaluation = self.evaluation;
        let outcome = leaf
            .rule
            .score(leaf, evaluation, &evaluation.settings.rounding);
        for problem in &outcome.problems {
            let severity = match problem.level {
                ProblemLevel::Error => Severity::Error,
                ProblemLevel::Warning => Severity::Warning,
                ProblemLevel::Info => Severity::Info,
            };
            self.checker.push(
                severity,
                problem.code,
                at(&leaf.id, "rule"),
                format!("“{}”：{}", leaf.name, problem.message),
            );
        }
        let points = leaf.points.max(Decimal::ZERO);
        let name = &leaf.name;
        if let Some(typed) = leaf.score {
            if typed < Decimal::ZERO || typed > points {
                self.checker.push(
                    Severity::Error,
                    "score.range",
                    at(&leaf.id, "score"),
                    format!(
                        "“{name}”自评分 {} 超出 0 至 {} 分",
                        fmt_score(typed),
                        fmt_score(points)
                    ),
                );
            }
            if let Some(band) = &outcome.band {
                let above = typed > band.max
                    || (!band.max_inclusive && typed == band.max && band.max < points);
                if (typed < band.min || above) && typed >= Decimal::ZERO && typed <= points {
                    self.checker.push(
                        Severity::Error,
                        "score.band",
                        at(&leaf.id, "score"),
                        format!(
                            "“{name}”自评分 {} 不在评判等级允许的范围内（{}）",
                            fmt_score(typed),
                            leaf.rule
                                .evaluate(leaf, evaluation, &evaluation.settings.rounding)
                                .explanation
                        ),
                    );
                }
                if let Some(step) = band.step {
                    if typed.checked_rem(step).is_some_and(|r| !r.is_zero()) {
                        self.checker.push(
                            Severity::Error,
                            "score.step",
                            at(&leaf.id, "score"),
                            format!(
                                "“{name}”自评分 {} 不是 {} 分的整数倍",
                                fmt_score(typed),
                                fmt_score(step)
                            ),
                        );
                    }
                }
            }
        }
        let clamp = |v: Decimal| v.max(Decimal::ZERO).min(points);
        let rounding = &evaluation.settings.rounding;
        if let Some(typed) = leaf.score {
            self.printed_sum.add(typed);
        }
        let score = match (outcome.computed, leaf.score) {
            // The execution score is the national formula: a printed score within the rounding of
            // its printed digits stands; beyond it, the computed score counts and the gap is named.
            (Some(computed), Some(typed)) if matches!(leaf.rule, ScoringRule::ExecutionRate) => {
                let (up, down) = audit::tolerance(typed, rounding);
                let why = || leaf.rule.evaluate(leaf, evaluation, rounding).explanation;
                if typed > computed.saturating_add(up) {
                    self.checker.push(
                        Severity::Error,
                        "audit.execution_inflated",
                        at(&leaf.id, "score"),
                        format!(
                            "“{name}”所列得分 {} 高于按执行率计算的 {}（{}），超出所列精度的容差 {}",
                            fmt_score(typed),
                            fmt_score(computed),
                            why(),
                            fmt_score(up)
                        ),
                    );
                    computed
                } else if typed < computed.saturating_sub(down) {
                    self.checker.push(
                        Severity::Warning,
                        "audit.execution_deflated",
                        at(&leaf.id, "score"),
                        format!(
                            "“{name}”所列得分 {} 低于按执行率计算的 {}（{}），已按计算值计分",
                            fmt_score(typed),
                            fmt_score(computed),
                            why()
                        ),
                    );
                    computed
                } else {
                    clamp(typed)
                }
            }
            (Some(computed), Some(typed)) if typed != computed => {
                if leaf.override_reason.trim().is_empty() {
                    self.checker.push(
                        Severity::Warning,
                        "score.override",
                        at(&leaf.id, "score"),
                        format!(
                            "“{name}”自评分 {} 与规则计算的 {} 不一致，已按计算值计分；如确需调整，请填写调整理由",
                            fmt_score(typed),
                            fmt_score(computed)
                        ),
                    );
                    computed
                } else {
                    self.checker.push(
                        Severity::Info,
                        "score.overridden",
                        at(&leaf.id, "score"),
                        format!(
                            "“{name}”采用人工调整分 {}（规则计算为 {}）",
                            fmt_score(typed),
                            fmt_score(computed)
                        ),
                    );
                    clamp(typed)
                }
            }
            (Some(computed), _) => computed,
            (None, Some(typed)) => clamp(typed),
            (None, None) => {
                self.checker.push(
                    Severity::Warning,
                    "score.missing",
                    at(&leaf.id, "score"),
                    format!("“{name}”尚未评分"),
                );
                Decimal::ZERO
            }
        };
        let scored = outcome.computed.is_some() || leaf.score.is_some();
        if !scored {
            self.blank_points = self.blank_points.saturating_add(points);
            self.blank_rows += 1;
        }
        if !matches!(leaf.rule, ScoringRule::ExecutionRate) {
            self.results.push((points, score));
        }
        if let (Some(typed), true) = (leaf.score, audit::audits(&leaf.rule)) {
            audit::check_leaf(leaf, typed, rounding, &mut self.checker);
        }
        // The execution-rate score explains itself (执行数 / 预算数); every other lost point needs a reason.
        let self_explained = matches!(leaf.rule, ScoringRule::ExecutionRate);
        if scored && score < points && leaf.reason.trim().is_empty() && !self_explained {
            self.checker.push(
                Severity::Error,
                "score.reason",
                at(&leaf.id, "reason"),
                format!(
                    "“{name}”得 {} 分，低于分值 {} 分，须说明扣分原因",
                    fmt_score(score),
                    fmt_score(points)
                ),
            );
        } else if scored {
            // A reason that names a deduction ("扣0.5分") must name the one actually made.
            let deducted = points.saturating_sub(score);
            if let Some(stated) = stated_deduction(&leaf.reason) {
                if stated != deducted {
                    self.checker.push(
                        Severity::Error,
                        "score.reason_amount",
                        at(&leaf.id, "reason"),
                        format!(
                            "“{name}”扣分原因写明扣 {} 分，实际扣 {} 分（分值 {}，得分 {}），请更新扣分原因",
                            fmt_score(stated),
                            fmt_score(deducted),
                            fmt_score(points),
                            fmt_score(score)
                        ),
                    );
                }
            }
        }
        if points.is_zero() {
            self.checker.push(
                Severity::Warning,
                "tree.points_zero",
                at(&leaf.id, "points"),
                format!("“{name}”尚未设置分值"),
            );
        }
        if let ScoringRule::Qualitative { level: None } = leaf.rule {
            if leaf.score.is_some() {
                self.checker.push(
                    Severity::Warning,
                    "score.level",
                    at(&leaf.id, "rule"),
                    format!("“{name}”未选择定性等级"),
                );
            }
        }
        (score, outcome.computed, None)
    }
}

/// The deduction a reason names, e.g. "…，扣0.5分。" → 0.5 (the last "扣…分" in the text).
pub fn stated_deduction(reason: &str) -> Option<Decimal> {
    let mut found = None;
    let mut rest = reason;
    while let Some(at) = rest.find('扣') {
        rest = &rest[at + '扣'.len_utf8()..];
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let after = &rest[number.len()..];
        if !number.is_empty() && after.starts_with('分') {
            if let Ok(value) = number.parse::<Decimal>() {
                found = Some(value);
            }
        }
    }
    found
}

/// Scores and checks an evaluation.
pub fn assess(evaluation: &Evaluation) -> Assessment {
    fn size(nodes: &[Indicator]) -> usize {
        nodes.iter().map(|n| 1 + size(&n.children)).sum()
    }
    let size = size(&evaluation.indicators);
    let mut walker = Walker {
        evaluation,
        checker: Checker::default(),
        // Sized once: growing a 100k-node vector (and the id set) by doubling costs more than the walk.
        nodes: Vec::with_capacity(size),
        counts: Vec::new(),
        ids: FxHashSet::with_capacity_and_hasher(size, Default::default()),
        results: Vec::new(),
        blank_points: Decimal::ZERO,
        blank_rows: 0,
        printed_sum: PrintedSum::default(),
    };
    let mut base_score = Decimal::ZERO;
    let mut points_total = Decimal::ZERO;
    for node in &evaluation.indicators {
        base_score = base_score.saturating_add(walker.node(node, 0));
        points_total = points_total.saturating_add(node.points);
    }
    let Walker {
        mut checker,
        nodes,
        mut counts,
        results,
        blank_points,
        blank_rows,
        printed_sum,
        ..
    } = walker;
    if points_total != evaluation.settings.total_points {
        checker.push(
            Severity::Error,
            "tree.total_points",
            "indicators",
            format!(
                "一级指标分值合计为 {}，应为 {}",
                fmt_score(points_total),
                fmt_score(evaluation.settings.total_points)
            ),
        );
    }
    let (bonus, penalty) = adjustments(evaluation, &mut checker, &mut counts);
    let total = base_score
        .saturating_add(bonus)
        .saturating_sub(penalty)
        .max(Decimal::ZERO);
    let grade = grade_for(evaluation, total);
    check_accounts(evaluation, &mut checker);
    check_metrics(evaluation, &mut checker);
    check_project(evaluation, &mut checker);
    audit::check_budget_block(evaluation, &mut checker);
    audit::check_execution_vs_results(evaluation, &results, &mut checker);
    audit::check_execution_twice(evaluation, &mut checker);
    audit::check_import_notes(evaluation, &mut checker);
    check_narrative(evaluation, &mut checker);
    let printed = Printed {
        sum: printed_sum
            .total()
            .and_then(|s| s.checked_add(bonus))
            .and_then(|s| s.checked_sub(penalty)),
        blank_rows,
        blank_points,
    };
    check_stated(evaluation, total, &grade, &printed, &mut checker);
    // Errors first, then warnings, then infos; within a severity, in the order of the form.
    checker.findings.sort_by_key(|f| f.severity);
    Assessment {
        nodes,
        points_total,
        base_score,
        bonus,
        penalty,
        total,
        grade,
        counts,
        findings: checker.findings,
        reconciliations: checker.reconciliations,
    }
}

/// The capped 加分 and 减分; adds the group to the indicator counts when it is present.
fn adjustments(
    evaluation: &Evaluation,
    checker: &mut Checker,
    counts: &mut Vec<usize>,
) -> (Decimal, Decimal) {
    let adj = &evaluation.adjustments;
    let cap = adj.cap.max(Decimal::ZERO);
    let bonus_present = !adj.bonus.name.trim().is_empty() || !adj.bonus.items.is_empty();
    let penalty_present = !adj.penalty.name.trim().is_empty() || !adj.penalty.items.is_empty();
    if bonus_present || penalty_present {
        if counts.len() < 3 {
            counts.resize(3, 0);
        }
        counts[0] += 1;
        let n = usize::from(bonus_present) + usize::from(penalty_present);
        counts[1] += n;
        counts[2] += n;
    }
    // Same piece of work: only its highest level counts (同一项目工作不累计加分).
    let mut best: HashMap<String, Decimal> = HashMap::new();
    for (i, item) in adj.bonus.items.iter().enumerate() {
        let path = format!("adjustments/bonus/items/{i}");
        let Some(level) = adj.bonus.levels.iter().find(|l| l.label == item.level) else {
            checker.push(
                Severity::Error,
                "bonus.level",
                path,
                format!(
                    "加分事项“{}”的嘉奖级别“{}”不在加分标准中",
                    item.work, item.level
                ),
            );
            continue;
        };
        if item.work.trim().is_empty() {
            checker.push(
                Severity::Warning,
                "bonus.work",
                path.clone(),
                "加分事项未填写工作事项，无法判断是否重复加分",
            );
        }
        let points = level.points.max(Decimal::ZERO);
        let entry = best
            .entry(item.work.trim().to_string())
            .or_insert(Decimal::ZERO);
        if !entry.is_zero() {
            checker.push(
                Severity::Info,
                "bonus.same_work",
                path,
                format!(
                    "“{}”已有加分，同一项目工作不累计加分，取最高一项",
                    item.work
                ),
            );
        }
        *entry = (*entry).max(points);
    }
    let bonus_raw = best
        .values()
        .fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    if bonus_raw > cap {
        checker.push(
            Severity::Info,
            "bonus.capped",
            "adjustments/bonus",
            format!(
                "加分合计 {} 分，超过上限 {} 分，按 {} 分计",
                fmt_score(bonus_raw),
                fmt_score(cap),
                fmt_score(cap)
            ),
        );
    }
    let mut penalty_raw = Decimal::ZERO;
    for (i, item) in adj.penalty.items.iter().enumerate() {
        let path = format!("adjustments/penalty/items/{i}");
        if item.points < Decimal::ZERO {
            checker.push(
                Severity::Error,
                "penalty.negative",
                path.clone(),
                "减分不能为负数",
            );
            continue;
        }
        if item.reason.trim().is_empty() {
            checker.push(
                Severity::Error,
                "penalty.reason",
                path,
                format!("减分事项“{}”须说明扣分原因", item.description),
            );
        }
        penalty_raw = penalty_raw.saturating_add(item.points);
    }
    if penalty_raw > cap {
        checker.push(
            Severity::Info,
            "penalty.capped",
            "adjustments/penalty",
            format!(
                "减分合计 {} 分，超过上限 {} 分，按 {} 分计",
                fmt_score(penalty_raw),
                fmt_score(cap),
                fmt_score(cap)
            ),
        );
    }
    (bonus_raw.min(cap), penalty_raw.min(cap))
}
