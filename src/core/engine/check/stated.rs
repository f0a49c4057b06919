//! The printed total and grade against the computed ones.

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::Evaluation;
use crate::core::number::fmt_score;
use crate::core::path::*;
use rust_decimal::Decimal;

/// What the printed rows add up to, beside the computed total.
#[derive(Clone, Copy, Debug, Default)]
pub struct Printed {
    /// Σ printed 得分 of the leaves (with the 加减分 that count); `None` past Decimal's range.
    pub sum: Option<Decimal>,
    /// Leaves with no score at all.
    pub blank_rows: usize,
    /// Σ 分值 of those leaves.
    pub blank_points: Decimal,
}

/// Checks the printed total and grade against the computed ones. With blank rows, a printed total
/// that full marks on them could reach cannot be verified (warning); one beyond it is impossible.
pub fn check_stated(
    evaluation: &Evaluation,
    total: Decimal,
    grade: &str,
    printed: &Printed,
    checker: &mut Checker,
) {
    if let Some(stated) = evaluation.stated.total {
        let reachable = total.saturating_add(printed.blank_points);
        let rows_sum = match printed.sum {
            Some(sum) if sum != total && sum != stated => {
                format!("；按所列各项得分相加为 {}", fmt_score(sum))
            }
            _ => String::new(),
        };
        if stated == total {
        } else if printed.blank_rows > 0 && stated > total && stated <= reachable {
            checker.push(
                Severity::Warning,
                Code::StatedTotalUnverifiable,
                FieldPath::stated(StatedField::Total),
                format!(
                    "报告所列总分 {} 无法核实：计算得分 {}，另有 {} 项未填得分（分值合计 {}）",
                    fmt_score(stated),
                    fmt_score(total),
                    printed.blank_rows,
                    fmt_score(printed.blank_points)
                ),
            );
        } else if printed.blank_rows > 0 && stated > reachable {
            checker.push(
                Severity::Error,
                Code::StatedTotalImpossible,
                FieldPath::stated(StatedField::Total),
                format!(
                    "报告所列总分 {} 不可能达到：即使 {} 项未填得分的指标全部得满分（{}），总分最多为 {}",
                    fmt_score(stated),
                    printed.blank_rows,
                    fmt_score(printed.blank_points),
                    fmt_score(reachable)
                ),
            );
        } else {
            checker.push(
                Severity::Error,
                Code::StatedTotal,
                FieldPath::stated(StatedField::Total),
                format!(
                    "报告所列总分 {} 与计算得分 {} 不符{rows_sum}",
                    fmt_score(stated),
                    fmt_score(total)
                ),
            );
        }
    }
    if let Some(stated) = &evaluation.stated.grade {
        if !stated.trim().is_empty() && stated.trim() != grade {
            checker.push(
                Severity::Error,
                Code::StatedGrade,
                FieldPath::stated(StatedField::Grade),
                format!("报告所列等级“{}”与按得分评定的“{grade}”不符", stated.trim()),
            );
        }
    }
}
