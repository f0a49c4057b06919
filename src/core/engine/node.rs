//! The score of one node (指标得分) as an assessment reaches it, and its explanation built on demand.
//! Below both the checks, which read the scores, and [`crate::core::assess`], which makes them.

use crate::core::audit;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::fmt_score;
use rust_decimal::Decimal;
use serde::Serialize;

/// The score of one node (指标得分) with how it was reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeResult {
    /// The node's id.
    pub id: String,
    /// Depth: 0 = 一级.
    pub depth: usize,
    /// 分值.
    pub points: Decimal,
    /// The score that counts (得分).
    pub score: Decimal,
    /// The rule's computed score, for leaves whose rule computes one.
    pub computed: Option<Decimal>,
    /// For a group, its children's scores added up (before its own 分值 caps the sum).
    pub children_sum: Option<Decimal>,
    /// Whether the node is a leaf.
    pub leaf: bool,
}

impl NodeResult {
    /// A group's explanation, "下级指标得分合计 …" (none for a leaf).
    pub fn sum_text(&self) -> Option<String> {
        self.children_sum
            .map(|sum| format!("下级指标得分合计 {}", fmt_score(sum)))
    }

    /// How the score follows (计分说明) for `node`, the indicator this is the result of. Built on demand:
    /// formatting it for every node was a third of scoring a large tree, and only rows on screen show it.
    pub fn explanation(&self, node: &Indicator, evaluation: &Evaluation) -> String {
        if let Some(sum) = self.sum_text() {
            return sum;
        }
        let mut text = node
            .rule
            .evaluate(node, evaluation, &evaluation.settings.rounding)
            .explanation;
        if audit::audits(&node.rule) {
            if let Some(Ok(found)) = audit::audit_leaf(node) {
                text.push_str(&format!(
                    "；{}：{}",
                    found.inference.describe(),
                    found.formula
                ));
            }
        }
        if let (Some(computed), Some(typed)) = (self.computed, node.score) {
            if typed != computed && typed != self.score {
                let reason = node.override_reason.trim();
                if reason.is_empty() {
                    text.push_str(&format!("；填报 {} 未采用", fmt_score(typed)));
                } else {
                    text.push_str(&format!("；人工调整为 {}：{reason}", fmt_score(typed)));
                }
            }
        }
        text
    }
}
