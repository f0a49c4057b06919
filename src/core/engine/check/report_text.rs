//! What a report's text states against its annex table (正文与附表): the score and grade, the deductions
//! it names (and the deducted indicators it does not name), amounts printed in 元. The figures the text
//! states meet the other checks as any figure does; this file only holds the text against the table.

use super::clip;
use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::keys::leaf_named;
use crate::core::model::{leaves, Evaluation};
use crate::core::node::NodeResult;
use crate::core::number::fmt_score;
use crate::core::path::*;

/// Checks the report's text against its table, when the evaluation was read from a report.
pub fn check_report_text(evaluation: &Evaluation, nodes: &[NodeResult], checker: &mut Checker) {
    let text = &evaluation.stated.text;
    if text.is_empty() {
        return;
    }
    if let (Some(said), Some(table)) = (text.total, evaluation.stated.total) {
        if said != table {
            checker.push(
                Severity::Error,
                Code::TextTotal,
                FieldPath::stated(StatedField::Total),
                format!(
                    "报告正文所述得分 {} 与附表所列总分 {} 不符",
                    fmt_score(said),
                    fmt_score(table)
                ),
            );
        }
    }
    if let (Some(said), Some(table)) = (&text.grade, &evaluation.stated.grade) {
        if said != table.trim() {
            checker.push(
                Severity::Error,
                Code::TextGrade,
                FieldPath::stated(StatedField::Grade),
                format!(
                    "报告正文所述等级“{said}”与附表所列等级“{}”不符",
                    table.trim()
                ),
            );
        }
    }
    for sentence in &text.yuan {
        checker.push(
            Severity::Warning,
            Code::TextUnitYuan,
            FieldPath::stated(StatedField::Text),
            format!(
                "报告正文中的金额以“元”为单位，与其他金额（万元）不一致，未采用：“{}”",
                clip(sentence, 80)
            ),
        );
    }
    check_deductions(evaluation, nodes, checker);
}

/// Each deduction the text names against the table's row; a row that lost points the text leaves out.
fn check_deductions(evaluation: &Evaluation, nodes: &[NodeResult], checker: &mut Checker) {
    let said = &evaluation.stated.text.deductions;
    if said.is_empty() || evaluation.indicators.is_empty() {
        return;
    }
    let leaves = leaves(&evaluation.indicators);
    let lost = |id: &str| {
        nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.points.saturating_sub(n.score))
    };
    let mut named = Vec::new();
    for (i, deduction) in said.iter().enumerate() {
        if deduction.name.is_empty() {
            continue;
        }
        let Some(leaf) = leaf_named(&evaluation.indicators, &deduction.name) else {
            checker.push(
                Severity::Warning,
                Code::TextDeductionUnknown,
                FieldPath::stated_deduction(i),
                format!(
                    "报告正文称“{}”扣 {} 分，附表中没有这一指标：“{}”",
                    deduction.name,
                    fmt_score(deduction.points),
                    clip(&deduction.sentence, 80)
                ),
            );
            continue;
        };
        named.push(leaf.id.clone());
        let Some(lost) = lost(&leaf.id) else { continue };
        if lost != deduction.points {
            checker.push(
                Severity::Error,
                Code::TextDeduction,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                format!(
                    "报告正文称“{}”扣 {} 分，附表中该指标分值 {}、得分 {}（扣 {} 分）",
                    deduction.name,
                    fmt_score(deduction.points),
                    fmt_score(leaf.points),
                    fmt_score(leaf.points.saturating_sub(lost)),
                    fmt_score(lost)
                ),
            );
        }
    }
    if named.is_empty() {
        return;
    }
    // The text lists its deductions by name: a deducted row it does not name is left out of it.
    for leaf in leaves {
        if lost(&leaf.id).is_some_and(|l| l > rust_decimal::Decimal::ZERO)
            && !named.contains(&leaf.id)
        {
            checker.push(
                Severity::Warning,
                Code::TextDeductionMissing,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Score),
                format!(
                    "附表中“{}”扣 {} 分，报告正文列出的扣分指标中没有它",
                    leaf.name,
                    fmt_score(lost(&leaf.id).unwrap_or_default())
                ),
            );
        }
    }
}
