//! One leaf's score (自评分): the rule's problems, the typed score against its range, band and step,
//! which score counts and why, the score audit of its figures, the reason for lost points.

use super::{figures, Checker, Severity};
use crate::core::audit;
use crate::core::code::Code;
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
    if unscored && leaf.points.is_zero() && leaf.score.is_none() {
        figures::check_completion(leaf, checker);
        return;
    }
    let rounding = &evaluation.settings.rounding;
    for problem in &outcome.problems {
        let severity = match problem.level {
            ProblemLevel::Error => Severity::Error,
            ProblemLevel::Warning => Severity::Warning,
            ProblemLevel::Info => Severity::Info,
        };
        checker.push(
            severity,
            problem.code,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Rule),
            format!("“{}”：{}", leaf.name, problem.message),
        );
    }
    let points = leaf.points.max(Decimal::ZERO);
    let name = &leaf.name;
    if let Some(typed) = leaf.score {
        if typed < Decimal::ZERO || typed > points {
            checker.push(
                Severity::Error,
                Code::ScoreRange,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                format!(
                    "“{name}”自评分 {} 超出 0 至 {} 分",
                    fmt_score(typed),
                    fmt_score(points)
                ),
            );
        }
        if let Some(band) = &outcome.band {
            let above =
                typed > band.max || (!band.max_inclusive && typed == band.max && band.max < points);
            if (typed < band.min || above) && typed >= Decimal::ZERO && typed <= points {
                checker.push(
                    Severity::Error,
                    Code::ScoreBand,
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                    format!(
                        "“{name}”自评分 {} 不在评判等级允许的范围内（{}）",
                        fmt_score(typed),
                        leaf.rule.evaluate(leaf, evaluation, rounding).explanation
                    ),
                );
            }
            if let Some(step) = band.step {
                if typed.checked_rem(step).is_some_and(|r| !r.is_zero()) {
                    checker.push(
                        Severity::Error,
                        Code::ScoreStep,
                        FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
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
    match (outcome.computed, leaf.score) {
        // The execution score is the national formula: beyond the tolerance of its printed digits,
        // the computed score counts and the gap is named.
        (Some(computed), Some(typed)) if matches!(leaf.rule, ScoringRule::ExecutionRate) => {
            let why = || leaf.rule.evaluate(leaf, evaluation, rounding).explanation;
            match departure(typed, computed, rounding) {
                Departure::Above { tolerance } => checker.push(
                    Severity::Error,
                    Code::AuditExecutionInflated,
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
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
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
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
        (Some(computed), Some(typed)) if typed != computed => {
            if leaf.override_reason.trim().is_empty() {
                checker.push(
                    Severity::Warning,
                    Code::ScoreOverride,
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                    format!(
                        "“{name}”自评分 {} 与规则计算的 {} 不一致，已按计算值计分；如确需调整，请填写调整理由",
                        fmt_score(typed),
                        fmt_score(computed)
                    ),
                );
            } else {
                checker.push(
                    Severity::Info,
                    Code::ScoreOverridden,
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                    format!(
                        "“{name}”采用人工调整分 {}（规则计算为 {}）",
                        fmt_score(typed),
                        fmt_score(computed)
                    ),
                );
            }
        }
        (None, None) => checker.push(
            Severity::Warning,
            Code::ScoreMissing,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
            format!("“{name}”尚未评分"),
        ),
        _ => {}
    }
    if let (Some(typed), true) = (leaf.score, audit::audits(&leaf.rule)) {
        figures::check_figures(leaf, typed, rounding, checker);
    }
    let scored = outcome.computed.is_some() || leaf.score.is_some();
    // The execution-rate score explains itself (执行数 / 预算数); every other lost point needs a reason.
    let self_explained = matches!(leaf.rule, ScoringRule::ExecutionRate);
    if scored && counted < points && leaf.reason.trim().is_empty() && !self_explained {
        checker.push(
            Severity::Error,
            Code::ScoreReason,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Reason),
            format!(
                "“{name}”得 {} 分，低于分值 {} 分，须说明扣分原因",
                fmt_score(counted),
                fmt_score(points)
            ),
        );
    } else if scored {
        // A reason that names a deduction ("扣0.5分") must name the one actually made.
        let deducted = points.saturating_sub(counted);
        if let Some(stated) = stated_deduction(&leaf.reason) {
            if stated != deducted {
                checker.push(
                    Severity::Error,
                    Code::ScoreReasonAmount,
                    FieldPath::of_indicator(&leaf.id, IndicatorField::Reason),
                    format!(
                        "“{name}”扣分原因写明扣 {} 分，实际扣 {} 分（分值 {}，得分 {}），请更新扣分原因",
                        fmt_score(stated),
                        fmt_score(deducted),
                        fmt_score(points),
                        fmt_score(counted)
                    ),
                );
            }
        }
    }
    if points.is_zero() {
        checker.push(
            Severity::Warning,
            Code::TreePointsZero,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Points),
            format!("“{name}”尚未设置分值"),
        );
    }
    if let ScoringRule::Qualitative { level: None } = leaf.rule {
        if leaf.score.is_some() {
            checker.push(
                Severity::Warning,
                Code::ScoreLevel,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Rule),
                format!("“{name}”未选择定性等级"),
            );
        }
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
