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

use super::target_review::TargetReview;
use crate::core::check::{
    self, check_accounts, check_metrics, check_narrative, check_stated, Checker, Finding, Printed,
    Reconciliation, Severity,
};
use crate::core::code::Code;
use crate::core::model::{Evaluation, ImportNoteKind, Indicator, Stage};
pub use crate::core::node::NodeResult;
use crate::core::number::OrderFreeSum;
use crate::core::number::{departure, fmt_score, Departure, Rounding};
use crate::core::path::FieldPath;
use crate::core::rule::ScoringRule;
use crate::core::scoring::RuleOutcome;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::collections::HashMap;

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
    /// The target stage's 审核意见 (grade and reasons); `None` in the other stages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_review: Option<TargetReview>,
    /// The monitoring stage's lights; `None` in the other stages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lights: Option<crate::core::lights::MonitoringLights>,
}

impl Assessment {
    /// The result of the node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The grade as a list shows it: the 等级, or in the target stage the 审核意见 ("审核·中"), which is a
    /// review of targets, not a score band, or in the monitoring stage the project's light ("监控·黄灯").
    pub fn grade_text(&self) -> String {
        if let Some(review) = &self.target_review {
            return format!("审核·{}", review.label());
        }
        match self.lights.as_ref().map(|l| l.project) {
            Some(Some(light)) => format!("监控·{}", light.label()),
            Some(None) => "监控·—".to_string(),
            None => self.grade.clone(),
        }
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
        if parts.is_empty() {
            // A budget block alone, or a report's text: say so rather than "共设置" and nothing.
            return "未设置指标".to_string();
        }
        format!("共设置{}", parts.join("、"))
    }
}

/// The grade for a total under the bands (highest band whose minimum the total reaches).
pub fn grade_for(evaluation: &Evaluation, total: Decimal) -> String {
    let mut bands: Vec<_> = evaluation.settings.grade_bands.iter().collect();
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    bands
        .iter()
        .find(|b| b.reaches(total))
        .or(bands.last())
        .map(|b| b.grade.clone())
        .unwrap_or_else(|| "—".to_string())
}

struct Walker<'a> {
    evaluation: &'a Evaluation,
    checker: Checker,
    nodes: Vec<NodeResult>,
    counts: Vec<usize>,
    ids: FxHashSet<&'a str>,
    /// (分值, 得分) of every indicator leaf but the execution rate's, for 两张皮.
    results: Vec<(Decimal, Decimal)>,
    /// An imported 指标完成情况表 (no 分值, no 得分): rows are checked for completion, not scored.
    unscored: bool,
    /// Σ 分值 of leaves with no score at all (blank 得分 and nothing computed).
    blank_points: Decimal,
    /// Number of such leaves.
    blank_rows: usize,
    /// Σ printed 得分 of the leaves, as the unit added them (the same in any order of the rows).
    printed: OrderFreeSum,
}

impl<'a> Walker<'a> {
    fn node(&mut self, node: &'a Indicator, depth: usize) -> Decimal {
        let index = self.nodes.len();
        let result = enter(
            node,
            depth,
            &mut self.counts,
            &mut self.ids,
            &mut self.checker,
        );
        self.nodes.push(result);
        let (score, computed, children_sum) = if node.is_leaf() {
            self.leaf(node)
        } else {
            // The same total whatever the order of the siblings, even for extreme figures.
            let mut scores = OrderFreeSum::default();
            let mut points = Decimal::ZERO;
            for child in &node.children {
                scores.add(self.node(child, depth + 1));
                points = points.saturating_add(child.points);
            }
            let sum = scores.total();
            check::check_group_points(node, points, &mut self.checker);
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
        let rounding = &evaluation.settings.rounding;
        let outcome = leaf.rule.score(leaf, evaluation, rounding);
        let points = leaf.points.max(Decimal::ZERO);
        let score = counted_score(leaf, &outcome, rounding);
        check::check_leaf(
            leaf,
            &outcome,
            score,
            evaluation,
            self.unscored,
            &mut self.checker,
        );
        if let Some(typed) = leaf.score {
            self.printed.add(typed);
        }
        if outcome.computed.is_none() && leaf.score.is_none() {
            self.blank_points = self.blank_points.saturating_add(points);
            self.blank_rows += 1;
        }
        if !matches!(leaf.rule, ScoringRule::ExecutionRate) {
            self.results.push((points, score));
        }
        (score, outcome.computed, None)
    }
}

/// A node met in the walk, in either stage: counted at its level, its id and name checked, its result
/// made (not yet scored).
fn enter<'a>(
    node: &'a Indicator,
    depth: usize,
    counts: &mut Vec<usize>,
    ids: &mut FxHashSet<&'a str>,
    checker: &mut Checker,
) -> NodeResult {
    if counts.len() <= depth {
        counts.resize(depth + 1, 0);
    }
    counts[depth] += 1;
    let unique = !node.id.trim().is_empty() && ids.insert(node.id.as_str());
    check::check_node(node, unique, checker);
    NodeResult {
        id: node.id.clone(),
        depth,
        points: node.points,
        score: Decimal::ZERO,
        computed: None,
        children_sum: None,
        leaf: node.is_leaf(),
    }
}

/// The score that counts for a leaf (计分): the rule's computed score, unless a typed score differs and
/// carries an 调整理由; for the execution rate, the printed score while it is within the tolerance of
/// its printed digits ([`departure`]); a judged rule takes the typed score; clamped to [0, 分值].
pub fn counted_score(leaf: &Indicator, outcome: &RuleOutcome, rounding: &Rounding) -> Decimal {
    let points = leaf.points.max(Decimal::ZERO);
    let clamp = |v: Decimal| v.max(Decimal::ZERO).min(points);
    match (outcome.computed, leaf.score) {
        (Some(computed), Some(typed)) if matches!(leaf.rule, ScoringRule::ExecutionRate) => {
            match departure(typed, computed, rounding) {
                Departure::Within => clamp(typed),
                Departure::Above { .. } | Departure::Below => computed,
            }
        }
        (Some(computed), Some(typed)) if typed != computed => {
            if leaf.override_reason.trim().is_empty() {
                computed
            } else {
                clamp(typed)
            }
        }
        (Some(computed), _) => computed,
        (None, Some(typed)) => clamp(typed),
        (None, None) => Decimal::ZERO,
    }
}

/// Scores and checks an evaluation.
pub fn assess(evaluation: &Evaluation) -> Assessment {
    if evaluation.stage == Stage::Target {
        return assess_targets(evaluation);
    }
    if evaluation.stage == Stage::Monitoring {
        return assess_monitoring(evaluation);
    }
    let mut size = 0;
    crate::core::model::walk_tree(&evaluation.indicators, &mut |_, _| size += 1);
    let mut walker = Walker {
        evaluation,
        checker: Checker::default(),
        // Sized once: growing a 100k-node vector (and the id set) by doubling costs more than the walk.
        nodes: Vec::with_capacity(size),
        counts: Vec::new(),
        ids: FxHashSet::with_capacity_and_hasher(size, Default::default()),
        results: Vec::new(),
        unscored: evaluation
            .import_notes
            .iter()
            .any(|n| n.kind == ImportNoteKind::Unscored),
        blank_points: Decimal::ZERO,
        blank_rows: 0,
        printed: OrderFreeSum::default(),
    };
    let mut top_scores = OrderFreeSum::default();
    let mut points_total = Decimal::ZERO;
    for node in &evaluation.indicators {
        top_scores.add(walker.node(node, 0));
        points_total = points_total.saturating_add(node.points);
    }
    let base_score = top_scores.total();
    let Walker {
        mut checker,
        nodes,
        mut counts,
        results,
        blank_points,
        blank_rows,
        printed,
        unscored,
        ..
    } = walker;
    let unscored_table = unscored && points_total.is_zero();
    let tree_less = is_tree_less(evaluation);
    check_tree_total(
        evaluation,
        points_total,
        tree_less,
        unscored_table,
        &mut checker,
    );
    let (bonus, penalty) = adjustments(evaluation, &mut counts);
    check::check_adjustments(evaluation, &mut checker);
    let total = base_score
        .saturating_add(bonus)
        .saturating_sub(penalty)
        .max(Decimal::ZERO);
    // No tree, no grade (a budget-execution table or a report's text alone is not 差).
    let grade = if tree_less {
        "—".to_string()
    } else {
        grade_for(evaluation, total)
    };
    check_figures_and_texts(evaluation, &nodes, &results, &mut checker);
    let printed = Printed {
        // In any order of the rows the same sum (`None` past Decimal's range).
        sum: printed
            .checked_total()
            .and_then(|s| s.checked_add(bonus))
            .and_then(|s| s.checked_sub(penalty)),
        blank_rows,
        blank_points,
    };
    if !tree_less {
        check_stated(evaluation, total, &grade, &printed, &mut checker);
    }
    quote_report_text(evaluation, &mut checker);
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
        target_review: None,
        lights: None,
    }
}

/// The target stage (目标申报): nothing is scored yet; the tree's structure and its targets are checked
/// ([`check::check_targets`]), with the import's notes and the funds block. No total, no grade: the
/// 审核意见 instead.
fn assess_targets(evaluation: &Evaluation) -> Assessment {
    let (mut checker, nodes, counts) = walk_unscored(evaluation);
    check::check_targets(evaluation, &mut checker);
    check::check_target_versions(evaluation, &mut checker);
    // The funds block of a 申报表: its total against its lines.
    check::check_budget(evaluation, &mut checker);
    check::check_import_notes(evaluation, &mut checker);
    checker.findings.sort_by_key(|f| f.severity);
    let leaves = nodes.iter().filter(|n| n.leaf).count();
    let review = TargetReview::of(&checker.findings, leaves);
    Assessment {
        target_review: Some(review),
        ..unscored(evaluation, checker, nodes, counts)
    }
}

/// The monitoring stage (运行监控): nothing is scored; the lights are computed and the monitoring table
/// checked ([`check::check_monitoring`]), with the targets' versions, the funds and the import's notes.
fn assess_monitoring(evaluation: &Evaluation) -> Assessment {
    let (mut checker, nodes, counts) = walk_unscored(evaluation);
    check::check_target_versions(evaluation, &mut checker);
    check::check_budget(evaluation, &mut checker);
    check::check_import_notes(evaluation, &mut checker);
    let period = evaluation.monitoring.unwrap_or_default();
    let lights = crate::core::lights::lights(evaluation, period);
    check::check_monitoring(evaluation, &lights, &mut checker);
    checker.findings.sort_by_key(|f| f.severity);
    Assessment {
        lights: Some(lights),
        ..unscored(evaluation, checker, nodes, counts)
    }
}

/// The walk of a stage that scores nothing: each node counted, its id and name checked.
fn walk_unscored(evaluation: &Evaluation) -> (Checker, Vec<NodeResult>, Vec<usize>) {
    let mut checker = Checker::default();
    let mut nodes = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut ids = FxHashSet::default();
    evaluation.walk_indicators(&mut |node, depth| {
        nodes.push(enter(node, depth, &mut counts, &mut ids, &mut checker));
    });
    (checker, nodes, counts)
}

/// The assessment of a stage that scores nothing: no total, no grade.
fn unscored(
    evaluation: &Evaluation,
    checker: Checker,
    nodes: Vec<NodeResult>,
    counts: Vec<usize>,
) -> Assessment {
    Assessment {
        nodes,
        points_total: evaluation
            .indicators
            .iter()
            .fold(Decimal::ZERO, |sum, n| sum.saturating_add(n.points)),
        base_score: Decimal::ZERO,
        bonus: Decimal::ZERO,
        penalty: Decimal::ZERO,
        total: Decimal::ZERO,
        grade: "—".to_string(),
        counts,
        findings: checker.findings,
        reconciliations: checker.reconciliations,
        target_review: None,
        lights: None,
    }
}

/// A form with no indicator tree (a report's text alone, a budget-execution table): nothing to total
/// or grade, which is said once, not as a tree that fails to add up.
fn is_tree_less(evaluation: &Evaluation) -> bool {
    evaluation
        .indicators
        .iter()
        .all(|n| n.is_leaf() && n.rule == ScoringRule::ExecutionRate)
}

/// The 一级 分值 add up to the total points, or the form has no tree (said once).
fn check_tree_total(
    evaluation: &Evaluation,
    points_total: Decimal,
    tree_less: bool,
    unscored_table: bool,
    checker: &mut Checker,
) {
    if tree_less {
        let message = if evaluation.indicators.is_empty() {
            "未包含指标体系（评分表），总分与等级无法核实"
        } else {
            "仅有预算执行部分，未包含指标体系（评分表），总分与等级无法核实"
        };
        checker.push(Severity::Info, Code::TreeNone, FieldPath::tree(), message);
    } else if points_total != evaluation.settings.total_points && !unscored_table {
        let message = format!(
            "一级指标分值合计为 {}，应为 {}",
            fmt_score(points_total),
            fmt_score(evaluation.settings.total_points)
        );
        checker.push(
            Severity::Error,
            Code::TreeTotalPoints,
            FieldPath::tree(),
            message,
        );
    }
}

/// The checks beyond the tree: accounts, metrics, the 项目 budget, execution against results, import
/// notes, the report's texts and evidence.
fn check_figures_and_texts(
    evaluation: &Evaluation,
    nodes: &[NodeResult],
    results: &[(Decimal, Decimal)],
    checker: &mut Checker,
) {
    check_accounts(evaluation, checker);
    check_metrics(evaluation, checker);
    check::check_budget(evaluation, checker);
    check::check_execution_vs_results(evaluation, results, checker);
    check::check_execution_twice(evaluation, checker);
    check::check_import_notes(evaluation, checker);
    check::check_target_versions(evaluation, checker);
    check::check_carried(evaluation, checker);
    check::check_cross_stage(evaluation, checker);
    check_narrative(evaluation, checker);
    check::check_evidence(evaluation, nodes, checker);
    check::check_report_text(evaluation, nodes, checker);
}

/// A finding on a figure the report's text states quotes the sentence.
fn quote_report_text(evaluation: &Evaluation, checker: &mut Checker) {
    let text = &evaluation.stated.text;
    if text.quotes.is_empty() {
        return;
    }
    for finding in &mut checker.findings {
        if let Some(sentence) = text.quote(&finding.path) {
            finding
                .message
                .push_str(&format!("（报告原文：“{sentence}”）"));
        }
    }
}

/// The capped 加分 and 减分 (the same piece of work counts once, at its highest level); adds the group to
/// the indicator counts when it is present. [`check::check_adjustments`] judges the items.
fn adjustments(evaluation: &Evaluation, counts: &mut Vec<usize>) -> (Decimal, Decimal) {
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
    let mut best: HashMap<&str, Decimal> = HashMap::new();
    for item in &adj.bonus.items {
        if let Some(level) = adj.bonus.levels.iter().find(|l| l.label == item.level) {
            let entry = best.entry(item.work.trim()).or_insert(Decimal::ZERO);
            *entry = (*entry).max(level.points.max(Decimal::ZERO));
        }
    }
    let bonus = best
        .values()
        .fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    let penalty = adj
        .penalty
        .items
        .iter()
        .filter(|item| item.points >= Decimal::ZERO)
        .fold(Decimal::ZERO, |a, item| a.saturating_add(item.points));
    (bonus.min(cap), penalty.min(cap))
}
