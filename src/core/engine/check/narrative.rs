//! The report text blocks: every `{placeholder}` must be one the report can fill.

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::Evaluation;
use crate::core::path::*;

/// Checks the report text blocks: every `{placeholder}` must be one the report can fill.
pub fn check_narrative(evaluation: &Evaluation, checker: &mut Checker) {
    let n = &evaluation.narrative;
    for field in NarrativeField::ALL {
        let label = field.label();
        for name in crate::core::placeholder::unknown_in(n.text(field)) {
            checker.push(
                Severity::Error,
                Code::ReportPlaceholder,
                FieldPath::narrative(field),
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
            FieldPath::narrative(NarrativeField::Rectification),
            "已带入上年存在问题，但未填写整改落实情况：报告将只列出上年问题，请说明逐项整改结果",
        );
    }
}
