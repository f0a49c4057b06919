//! The score audit's findings (评分复核): a printed score against what its row's figures support
//! ([`crate::core::audit`] infers and computes; this judges), weighted scores, 两张皮, and the execution
//! rate scored twice.

use super::{Checker, Severity};
use crate::core::audit::{self, Support};
use crate::core::code::Code;
use crate::core::direction::Basis;
use crate::core::lights::Light;
use crate::core::measure::normalise_unit;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::{departure, fmt_score, percent, printed_tolerance, Departure, Rounding};
use crate::core::path::*;
use crate::core::rule::ScoringRule;
use rust_decimal::Decimal;

/// Findings of the audit for one 人工评判 leaf with its printed score.
pub fn check_figures(
    leaf: &Indicator,
    printed: Decimal,
    rounding: &Rounding,
    checker: &mut Checker,
) {
    let name = &leaf.name;
    if let Some(rate) = leaf.score_rate {
        check_weighted(leaf, printed, rate, rounding, checker);
    }
    let Some(audit) = audit::audit_leaf(leaf) else {
        check_textual(leaf, printed, rounding, checker);
        return;
    };
    let audit = match audit {
        Ok(audit) => audit,
        Err(units) => {
            checker.push(
                Severity::Warning,
                Code::AuditUnits,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Actual),
                format!(
                    "“{name}”年度指标值的单位“{}”与实际完成值的单位“{}”不同，无法核算得分，请统一单位",
                    units.target, units.actual
                ),
            );
            return;
        }
    };
    let (up, down) = printed_tolerance(printed, rounding);
    let (low, high, high_inclusive) = match audit.support {
        Support::Score(score) => (score, score, true),
        Support::Band {
            min,
            max,
            max_inclusive,
        } => (min, max, max_inclusive || max == leaf.points),
    };
    let above = printed > high.saturating_add(up)
        || (!high_inclusive && printed >= high.saturating_add(up) && up.is_zero());
    let describe = audit.inference.describe();
    // Certainty decides severity: a direction printed (≥ / ≤) or chosen makes an error; one inferred
    // from the name, or assumed, makes a warning that says what was inferred.
    let inferred = matches!(
        (audit.inference.standard, audit.inference.basis),
        (
            audit::Standard::Proportional(_),
            Basis::Word(_) | Basis::Default
        )
    );
    if above {
        checker.push(
            if inferred {
                Severity::Warning
            } else {
                Severity::Error
            },
            Code::AuditInflated,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
            format!(
                "“{name}”自评分 {} 高于指标值支持的得分（{}；{describe}），超出容差 {}{}",
                fmt_score(printed),
                audit.formula,
                fmt_score(up),
                percent_mistake(leaf, printed, rounding)
            ),
        );
    } else if printed < low.saturating_sub(down) {
        checker.push(
            Severity::Warning,
            Code::AuditDeflated,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
            format!(
                "“{name}”自评分 {} 低于指标值支持的得分（{}；{describe}）{}",
                fmt_score(printed),
                audit.formula,
                percent_mistake(leaf, printed, rounding)
            ),
        );
    }
}

/// "分值 × 实际%" where the target is not 100 %: named when the printed score is exactly that.
fn percent_mistake(leaf: &Indicator, printed: Decimal, rounding: &Rounding) -> String {
    let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
        return String::new();
    };
    if normalise_unit(leaf.unit.trim()) != "%" || target == Decimal::ONE_HUNDRED {
        return String::new();
    }
    let Some(naive) = leaf
        .points
        .checked_mul(actual)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .map(|v| v.min(leaf.points))
    else {
        return String::new();
    };
    if departure(printed, naive, rounding) == Departure::Within {
        format!(
            "；所列得分为“分值 × 实际完成值%”（{} × {}% = {}），但目标为 {}%，应按 实际 / 目标 计算",
            fmt_score(leaf.points),
            fmt_score(actual),
            fmt_score(naive.round_dp(2)),
            fmt_score(target)
        )
    } else {
        String::new()
    }
}

/// Words that say a target is not reached yet (建设中, 未完成 …), as units write them in 实际完成值.
const NOT_DONE: [&str; 9] = [
    "建设中",
    "未完成",
    "正在实施",
    "实施中",
    "进行中",
    "推进中",
    "未开展",
    "未启动",
    "在建",
];

/// A row whose figures are words, not numbers: 实际完成值 repeating its 年度指标值 (a date, 全天候,
/// 达到标准) meets it, so a lower score is below what the figures support; words saying the work is not
/// done against a target with a full score are not met; a blank 实际完成值 with a full score cannot be
/// verified. Words are read, not computed: warnings and an info, never an error.
fn check_textual(leaf: &Indicator, printed: Decimal, rounding: &Rounding, checker: &mut Checker) {
    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let target = squeeze(&leaf.target_text);
    let actual = squeeze(&leaf.actual_text);
    let (_, down) = printed_tolerance(printed, rounding);
    let full = printed >= leaf.points && !leaf.points.is_zero();
    let has_target = leaf.target.is_some() || !target.is_empty();
    if !target.is_empty() && actual == target && printed < leaf.points.saturating_sub(down) {
        checker.push(
            Severity::Warning,
            Code::AuditTextMetDeflated,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
            format!(
                "“{}”实际完成值与年度指标值相同（“{}”），目标已实现，自评分 {} 低于分值 {}",
                leaf.name,
                leaf.actual_text.trim(),
                fmt_score(printed),
                fmt_score(leaf.points)
            ),
        );
    } else if has_target && full && NOT_DONE.iter().any(|w| actual.contains(w)) {
        checker.push(
            Severity::Warning,
            Code::AuditTextNotMet,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
            format!(
                "“{}”实际完成值为“{}”，尚未达到年度指标值，自评分却为满分 {}",
                leaf.name,
                leaf.actual_text.trim(),
                fmt_score(printed)
            ),
        );
    } else if has_target && full && actual.is_empty() && leaf.actual.is_none() {
        checker.push(
            Severity::Info,
            Code::AuditActualBlank,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Actual),
            format!(
                "“{}”实际完成值未填，满分 {} 无法核实",
                leaf.name,
                fmt_score(printed)
            ),
        );
    }
}

/// A row of a 指标完成情况表 (no 分值): whether its 实际完成值 reaches its 年度指标值 (an info when not).
pub fn check_completion(leaf: &Indicator, checker: &mut Checker) {
    let mut scaled = leaf.clone();
    scaled.points = Decimal::ONE_HUNDRED;
    let Some(Ok(found)) = audit::audit_leaf(&scaled) else {
        if leaf.target.is_some() && leaf.actual.is_none() && !leaf.actual_text.trim().is_empty() {
            checker.push(
                Severity::Info,
                Code::AuditNotVerifiable,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Actual),
                format!(
                    "“{}”年度指标值是数字，实际完成值却是“{}”，无法核对是否达到",
                    leaf.name,
                    leaf.actual_text.trim()
                ),
            );
        }
        return;
    };
    let reached = match (found.inference.standard, found.support) {
        (audit::Standard::Level(level), _) => {
            level == crate::core::rule::QualitativeLevel::Achieved
        }
        (_, Support::Score(share)) => share >= Decimal::ONE_HUNDRED,
        (_, Support::Band { .. }) => true,
    };
    if !reached {
        checker.push(
            Severity::Info,
            Code::AuditNotMet,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Actual),
            format!(
                "“{}”未达到年度指标值（{}；按满分 100 计：{}）",
                leaf.name,
                found.inference.describe(),
                found.formula
            ),
        );
    }
}

/// A weighted form: 折算得分 = 分值（权重）× 得分率, with the weight applied once.
fn check_weighted(
    leaf: &Indicator,
    printed: Decimal,
    rate: Decimal,
    rounding: &Rounding,
    checker: &mut Checker,
) {
    let of = |v: Decimal| {
        v.checked_mul(rate)
            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
    };
    let Some(expected) = of(leaf.points) else {
        return;
    };
    if departure(printed, expected, rounding) == Departure::Within {
        return;
    }
    // The weight applied a second time: (分值 × 得分率) × 分值 %.
    let twice = expected
        .checked_mul(leaf.points)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED));
    let named = match twice {
        Some(t) if departure(printed, t, rounding) == Departure::Within => "，权重被重复折算",
        _ => "",
    };
    checker.push(
        Severity::Error,
        Code::AuditWeighted,
        FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
        format!(
            "“{}”折算得分 {} 与 权重 {} × 单项得分率 {}% = {} 不符{named}",
            leaf.name,
            fmt_score(printed),
            fmt_score(leaf.points),
            fmt_score(rate),
            fmt_score(expected.round_dp(2))
        ),
    );
}

/// 两张皮: indicator scores near full while spending lags; low execution alone is a note.
pub fn check_execution_vs_results(
    evaluation: &Evaluation,
    leaf_scores: &[(Decimal, Decimal)],
    checker: &mut Checker,
) {
    let Some(rate) = audit::execution_rate(evaluation) else {
        return;
    };
    let settings = &evaluation.settings.audit;
    if rate >= settings.low_execution_rate {
        return;
    }
    // A year that was monitored: the light the monitoring gave the budget, which the low execution
    // confirms (a red or yellow one) or that the year did not heed.
    let monitored = crate::core::lights::monitored_budget_light(evaluation)
        .filter(|l| matches!(l.light, Light::Red | Light::Yellow))
        .map(|l| {
            format!(
                "；运行监控（{}）时预算执行已亮{}（{}），年末仍未达到",
                evaluation.monitoring.map(|p| p.label()).unwrap_or_default(),
                l.light.label(),
                l.formula
            )
        })
        .unwrap_or_default();
    let (points, score) = leaf_scores
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(p, s), (lp, ls)| {
            (p.saturating_add(*lp), s.saturating_add(*ls))
        });
    let share = percent(score, points);
    match share {
        Some(share) if share >= settings.high_score_share => checker.push(
            Severity::Warning,
            Code::AuditTwoSkins,
            FieldPath::project(),
            format!(
                "预算执行率仅 {}%（低于 {}%），而绩效指标得分达分值的 {}%（{} / {}）：产出效益与资金使用不匹配（“两张皮”），请核实指标完成情况或说明原因{monitored}",
                fmt_score(rate),
                fmt_score(settings.low_execution_rate),
                fmt_score(share),
                fmt_score(score),
                fmt_score(points)
            ),
        ),
        _ => checker.push(
            Severity::Info,
            Code::AuditLowExecution,
            FieldPath::project(),
            format!(
                "预算执行率 {}%，低于 {}%{monitored}",
                fmt_score(rate),
                fmt_score(settings.low_execution_rate)
            ),
        ),
    }
}

/// An indicator that scores the execution rate again, beside the execution-rate row (counted twice).
pub fn check_execution_twice(evaluation: &Evaluation, checker: &mut Checker) {
    // The names are searched only when a row is scored by the execution rule: a substring search over
    // every leaf's name was a tenth of scoring a large tree that has no such row.
    let mut execution_rows = 0;
    evaluation.walk_indicators(&mut |n, _| {
        if n.is_leaf() && matches!(n.rule, ScoringRule::ExecutionRate) {
            execution_rows += 1;
        }
    });
    if execution_rows == 0 {
        return;
    }
    let mut others = Vec::new();
    evaluation.walk_indicators(&mut |n, _| {
        if n.is_leaf()
            && !matches!(n.rule, ScoringRule::ExecutionRate)
            && (n.name.contains("预算执行率") || n.name.contains("资金执行率"))
        {
            others.push((n.id.clone(), n.name.clone()));
        }
    });
    for (id, name) in others {
        checker.push(
            Severity::Warning,
            Code::AuditExecutionTwice,
            FieldPath::of_indicator(&id, IndicatorField::Name),
            format!("“{name}”再次对预算执行率计分，而预算执行情况已单独计分：同一事项重复计分"),
        );
    }
}
