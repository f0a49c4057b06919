//! The report text blocks: every `{placeholder}` must be one the report can fill.

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::Evaluation;

/// Checks the report text blocks: every `{placeholder}` must be one the report can fill.
pub fn check_narrative(evaluation: &Evaluation, checker: &mut Checker) {
    let n = &evaluation.narrative;
    for (field, label, text) in [
        ("conclusion", "评价结论", &n.conclusion),
        ("achievements", "履职成效", &n.achievements),
        ("problems", "存在问题", &n.problems),
        ("suggestions", "有关建议", &n.suggestions),
        ("process", "评价工作开展情况", &n.process),
        ("prior_problems", "上年存在问题", &n.prior_problems),
        ("prior_suggestions", "上年有关建议", &n.prior_suggestions),
        ("rectification", "整改落实情况", &n.rectification),
    ] {
        for name in crate::core::placeholder::unknown_in(text) {
            checker.push(
                Severity::Error,
                Code::ReportPlaceholder,
                format!("narrative/{field}"),
                format!(
                    "“{label}”中的占位符“{{{name}}}”无法识别，报告中将原样显示；可用的占位符见说明"
                ),
            );
        }
    }
    // Last year's problems were carried in: the report must say what became of them.
    if !n.prior_problems.trim().is_empty() && n.rectification.trim().is_empty() {
        checker.push(
            Severity::Warning,
            Code::NarrativeRectificationMissing,
            "narrative/rectification",
            "已带入上年存在问题，但未填写整改落实情况：报告将只列出上年问题，请说明逐项整改结果",
        );
    }
}
