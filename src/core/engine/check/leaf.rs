//! One leaf's score (自评分): the rule's problems, the typed score against its range, band and step,
//! which score counts and why, the score audit of its figures, the reason for lost points.

use super::{figures, Checker, Severity};
use crate::core::audit;
use crate::core::code::Code;
use crate::core::measure::normalise_unit;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::{departure, fmt_score, Departure};
use crate::core::path::*;
use crate::core::rule::ScoringRule;
use crate::core::scoring::{ProblemLevel, RuleOutcome};
use rust_decimal::Decimal;

/// Checks leaf `leaf` scored by its rule (`outcome`), `counted` being the score that counts. In an
/// imported 指标完成情况表 (`unscored`), a row without 分值 and 得分 is checked for completion only.
pub fn check_leaf(
    leaf: &Indicator,
    outcome: &RuleOutcome,
    counted: Decimal,
    evaluation: &Evaluation,
    unscored: bool,
    checker: &mut Checker,
) {
    check_share(leaf, checker);
    if unscored && leaf.points.is_zero() && leaf.score.is_none() {
        figures::check_completion(leaf, checker);
        return;
    }
    let at = |field| FieldPath::of_indicator(&leaf.id, field);
    for problem in &outcome.problems {
        let message = format!("“{}”：{}", leaf.name, problem.message);
        checker.push(
            severity_of(problem.level),
            problem.code,
            at(IndicatorField::Rule),
            message,
        );
    }
    if let Some(typed) = leaf.score {
        check_typed(leaf, typed, outcome, evaluation, checker);
    }
    check_counted(leaf, outcome, evaluation, checker);
    if let (Some(typed), true) = (leaf.score, audit::audits(&leaf.rule)) {
        figures::check_figures(leaf, typed, &evaluation.settings.rounding, checker);
    }
    check_reason(leaf, outcome, counted, checker);
    let name = &leaf.name;
    if leaf.points.is_zero() {
        let message = format!("“{name}”尚未设置分值");
        checker.push(
            Severity::Warning,
            Code::TreePointsZero,
            at(IndicatorField::Points),
            message,
        );
    }
    if let ScoringRule::Qualitative { level: None } = leaf.rule {
        if leaf.score.is_some() {
            let message = format!("“{name}”未选择定性等级");
            checker.push(
                Severity::Warning,
                Code::ScoreLevel,
                at(IndicatorField::Rule),
                message,
            );
        }
    }
}

/// A rule's problem is a finding of the same seriousness.
fn severity_of(level: ProblemLevel) -> Severity {
    match level {
        ProblemLevel::Error => Severity::Error,
        ProblemLevel::Warning => Severity::Warning,
        ProblemLevel::Info => Severity::Info,
    }
}

/// The typed score against the 分值 (range), the judged level's band and its step.
fn check_typed(
    leaf: &Indicator,
    typed: Decimal,
    outcome: &RuleOutcome,
    evaluation: &Evaluation,
    checker: &mut Checker,
) {
    let (name, points) = (&leaf.name, leaf.points.max(Decimal::ZERO));
    // Paths are made only with a finding: most leaves have none, and a path is an allocation.
    let path = || FieldPath::of_indicator(&leaf.id, IndicatorField::Score);
    if typed < Decimal::ZERO || typed > points {
        let message = format!(
            "“{name}”自评分 {} 超出 0 至 {} 分",
            fmt_score(typed),
            fmt_score(points)
        );
        checker.push(Severity::Error, Code::ScoreRange, path(), message);
    }
    let Some(band) = &outcome.band else { return };
    let above = typed > band.max || (!band.max_inclusive && typed == band.max && band.max < points);
    if (typed < band.min || above) && typed >= Decimal::ZERO && typed <= points {
        let rounding = &evaluation.settings.rounding;
        let message = format!(
            "“{name}”自评分 {} 不在评判等级允许的范围内（{}）",
            fmt_score(typed),
            leaf.rule.evaluate(leaf, evaluation, rounding).explanation
        );
        checker.push(Severity::Error, Code::ScoreBand, path(), message);
    }
    if let Some(step) = band.step {
        if typed.checked_rem(step).is_some_and(|r| !r.is_zero()) {
            let message = format!(
                "“{name}”自评分 {} 不是 {} 分的整数倍",
                fmt_score(typed),
                fmt_score(step)
            );
            checker.push(Severity::Error, Code::ScoreStep, path(), message);
        }
    }
}

/// Which score counts: the rule's computed one against the typed one, or none at all.
fn check_counted(
    leaf: &Indicator,
    outcome: &RuleOutcome,
    evaluation: &Evaluation,
    checker: &mut Checker,
) {
    let name = &leaf.name;
    let path = || FieldPath::of_indicator(&leaf.id, IndicatorField::Score);
    match (outcome.computed, leaf.score) {
        (Some(computed), Some(typed)) if matches!(leaf.rule, ScoringRule::ExecutionRate) => {
            check_execution_score(leaf, typed, computed, evaluation, checker)
        }
        (Some(computed), Some(typed)) if typed != computed => {
            let (typed, computed) = (fmt_score(typed), fmt_score(computed));
            if leaf.override_reason.trim().is_empty() {
                let message = format!(
                    "“{name}”自评分 {typed} 与规则计算的 {computed} 不一致，已按计算值计分；如确需调整，请填写调整理由"
                );
                checker.push(Severity::Warning, Code::ScoreOverride, path(), message);
            } else {
                let message = format!("“{name}”采用人工调整分 {typed}（规则计算为 {computed}）");
                checker.push(Severity::Info, Code::ScoreOverridden, path(), message);
            }
        }
        (None, None) => {
            let message = format!("“{name}”尚未评分");
            checker.push(Severity::Warning, Code::ScoreMissing, path(), message);
        }
        _ => {}
    }
}

/// A share's 年度指标值 or 实际完成值 above 100 %: impossible, most often a damaged figure (290% for ≥90%).
fn check_share(leaf: &Indicator, checker: &mut Checker) {
    if normalise_unit(&leaf.unit) != "%" || !crate::core::direction::is_share(&leaf.name) {
        return;
    }
    for (field, label, value) in [
        (IndicatorField::Target, "年度指标值", leaf.target),
        (IndicatorField::Actual, "实际完成值", leaf.actual),
    ] {
        if let Some(value) = value.filter(|v| *v > Decimal::ONE_HUNDRED) {
            checker.push(
                Severity::Warning,
                Code::AuditShareOver100,
                FieldPath::of_indicator(&leaf.id, field),
                format!(
                    "“{}”是部分占全体的比例，{label} {}% 超过 100%，不可能达到；请核对是否录错",
                    leaf.name,
                    fmt_score(value)
                ),
            );
        }
    }
}

/// The execution score is the national formula: beyond the tolerance of its printed digits, the
/// computed score counts and the gap is named.
fn check_execution_score(
    leaf: &Indicator,
    typed: Decimal,
    computed: Decimal,
    evaluation: &Evaluation,
    checker: &mut Checker,
) {
    let rounding = &evaluation.settings.rounding;
    let total = evaluation.settings.total_points;
    if total > Decimal::ZERO && leaf.points >= total {
        // One line cannot hold the whole form: the 分值 is misprinted, so the printed score is not
        // measured against it (nor rescored from it).
        let message = format!(
            "“{}”的分值 {} 占满全表总分 {}，不可能正确（预算执行率通常为 10 分），请核对分值；所列得分 {} 未据此核算",
            leaf.name,
            fmt_score(leaf.points),
            fmt_score(total),
            fmt_score(typed)
        );
        let path = FieldPath::of_indicator(&leaf.id, IndicatorField::Points);
        checker.push(Severity::Error, Code::AuditExecutionPoints, path, message);
        return;
    }
    let why = || leaf.rule.evaluate(leaf, evaluation, rounding).explanation;
    let (name, path) = (
        &leaf.name,
        FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
    );
    match departure(typed, computed, rounding) {
        Departure::Above { tolerance } => checker.push(
            Severity::Error,
            Code::AuditExecutionInflated,
            path,
            format!(
                "“{name}”所列得分 {} 高于按执行率计算的 {}（{}），超出所列精度的容差 {}",
                fmt_score(typed),
                fmt_score(computed),
                why(),
                fmt_score(tolerance)
            ),
        ),
        Departure::Below => checker.push(
            Severity::Warning,
            Code::AuditExecutionDeflated,
            path,
            format!(
                "“{name}”所列得分 {} 低于按执行率计算的 {}（{}），已按计算值计分",
                fmt_score(typed),
                fmt_score(computed),
                why()
            ),
        ),
        Departure::Within => {}
    }
}

/// Every lost point needs a reason, and a reason that names a deduction ("扣0.5分") must name the one
/// actually made. The execution-rate score explains itself (执行数 / 预算数).
fn check_reason(leaf: &Indicator, outcome: &RuleOutcome, counted: Decimal, checker: &mut Checker) {
    let (name, points) = (&leaf.name, leaf.points.max(Decimal::ZERO));
    let path = || FieldPath::of_indicator(&leaf.id, IndicatorField::Reason);
    let scored = outcome.computed.is_some() || leaf.score.is_some();
    let self_explained = matches!(leaf.rule, ScoringRule::ExecutionRate);
    if scored && counted < points && leaf.reason.trim().is_empty() && !self_explained {
        let message = format!(
            "“{name}”得 {} 分，低于分值 {} 分，须说明扣分原因",
            fmt_score(counted),
            fmt_score(points)
        );
        checker.push(Severity::Error, Code::ScoreReason, path(), message);
        return;
    }
    let deducted = points.saturating_sub(counted);
    match stated_deduction(&leaf.reason) {
        Some(stated) if scored && stated != deducted => {
            let message = format!(
                "“{name}”扣分原因写明扣 {} 分，实际扣 {} 分（分值 {}，得分 {}），请更新扣分原因",
                fmt_score(stated),
                fmt_score(deducted),
                fmt_score(points),
                fmt_score(counted)
            );
            checker.push(Severity::Error, Code::ScoreReasonAmount, path(), message);
        }
        _ => {}
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
