//! The 加减分项: levels in the schedule, the same work commended twice, deductions without a reason,
//! groups past their cap.

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::Evaluation;
use crate::core::number::fmt_score;
use crate::core::path::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Checks the 加分 and 减分 items (their capped totals are [`crate::core::assess`]'s).
pub fn check_adjustments(evaluation: &Evaluation, checker: &mut Checker) {
    let adj = &evaluation.adjustments;
    let cap = adj.cap.max(Decimal::ZERO);
    // Same piece of work: only its highest level counts (同一项目工作不累计加分).
    let mut best: HashMap<String, Decimal> = HashMap::new();
    for (i, item) in adj.bonus.items.iter().enumerate() {
        let path = FieldPath::adjustment(AdjustmentSide::Bonus, Some(i));
        let Some(level) = adj.bonus.levels.iter().find(|l| l.label == item.level) else {
            checker.push(
                Severity::Error,
                Code::BonusLevel,
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
                Code::BonusWork,
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
                Code::BonusSameWork,
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
            Code::BonusCapped,
            FieldPath::adjustment(AdjustmentSide::Bonus, None),
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
        let path = FieldPath::adjustment(AdjustmentSide::Penalty, Some(i));
        if item.points < Decimal::ZERO {
            checker.push(
                Severity::Error,
                Code::PenaltyNegative,
                path.clone(),
                "减分不能为负数",
            );
            continue;
        }
        if item.reason.trim().is_empty() {
            checker.push(
                Severity::Error,
                Code::PenaltyReason,
                path,
                format!("减分事项“{}”须说明扣分原因", item.description),
            );
        }
        penalty_raw = penalty_raw.saturating_add(item.points);
    }
    if penalty_raw > cap {
        checker.push(
            Severity::Info,
            Code::PenaltyCapped,
            FieldPath::adjustment(AdjustmentSide::Penalty, None),
            format!(
                "减分合计 {} 分，超过上限 {} 分，按 {} 分计",
                fmt_score(penalty_raw),
                fmt_score(cap),
                fmt_score(cap)
            ),
        );
    }
}
