//! 佐证材料: a score without evidence, when the evaluation's setting asks (提示 only: the unit may hold the
//! evidence on paper).

use super::{Checker, Severity};
use crate::core::code::Code;
use crate::core::model::{Evaluation, EvidenceCheck, EvidenceStatus};
use crate::core::node::NodeResult;
use crate::core::number::fmt_score;
use crate::core::path::*;

/// Checks every leaf the setting covers for evidence: a file attached, or 已提供 / 不适用 stated.
pub fn check_evidence(evaluation: &Evaluation, nodes: &[NodeResult], checker: &mut Checker) {
    let setting = evaluation.settings.evidence_check;
    if setting == EvidenceCheck::Off {
        return;
    }
    for result in nodes.iter().filter(|n| n.leaf) {
        let Some(node) = evaluation.indicator(&result.id) else {
            continue;
        };
        let backed = match node.evidence_status {
            EvidenceStatus::Provided | EvidenceStatus::NotApplicable => true,
            EvidenceStatus::Missing => false,
            EvidenceStatus::Unset => evaluation
                .evidence_files
                .iter()
                .any(|f| f.indicator == node.id),
        };
        let scored = node.score.is_some() || result.computed.is_some();
        let covered = match setting {
            EvidenceCheck::Off => false,
            EvidenceCheck::BelowFull => scored && result.score < result.points,
            EvidenceCheck::Scored => scored,
        };
        if covered && !backed {
            checker.push(
                Severity::Info,
                Code::EvidenceMissing,
                FieldPath::of_indicator(&node.id, IndicatorField::EvidenceStatus),
                format!(
                    "“{}”得 {} 分（分值 {}），未附佐证材料",
                    node.name,
                    fmt_score(result.score),
                    fmt_score(result.points)
                ),
            );
        }
    }
}
