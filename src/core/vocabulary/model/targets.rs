//! The versions of a unit's targets (绩效目标的版本): as drafted (申报, the tree itself while in the target
//! stage), as approved (批复, a copy taken when the budget is approved) and each adjustment during the
//! year (调整: date, reason, before → after). 财预〔2015〕88号 says approved targets are not adjusted
//! in principle, and a necessary change goes through the budget-adjustment procedure; the self-evaluation
//! is scored against the last version and its report says what was adjusted and why.

use super::Indicator;
use crate::core::number::fmt_score;
use serde::{Deserialize, Serialize};

/// The approved targets and their adjustments (目标版本).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetVersions {
    /// 批复: the targets as approved; `None` while the targets are a draft (申报).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<TargetSnapshot>,
    /// 调整: each recorded change after approval, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<TargetAdjustment>,
}

impl TargetVersions {
    /// The targets as last approved or adjusted (the version the year is scored against), `None` while
    /// nothing is approved.
    pub fn current(&self) -> Option<Vec<TargetRow>> {
        let mut rows = self.approved.as_ref()?.rows.clone();
        for adjustment in &self.adjustments {
            for change in &adjustment.changes {
                let at = rows.iter().position(|r| r.id == change.id);
                match (&change.after, at) {
                    (Some(value), Some(at)) => rows[at].value = value.clone(),
                    (Some(value), None) => rows.push(TargetRow {
                        id: change.id.clone(),
                        name: change.name.clone(),
                        value: value.clone(),
                    }),
                    (None, Some(at)) => {
                        rows.remove(at);
                    }
                    (None, None) => {}
                }
            }
        }
        Some(rows)
    }
}

impl TargetVersions {
    /// What differs between the tree and the current version (changes not recorded as an adjustment),
    /// in the tree's order, removed rows last; empty while nothing is approved.
    pub fn unrecorded(&self, tree: &[Indicator]) -> Vec<TargetChange> {
        let Some(current) = self.current() else {
            return Vec::new();
        };
        let now = target_rows(tree);
        let mut changes = Vec::new();
        for row in &now {
            match current.iter().find(|r| r.id == row.id) {
                Some(before) if before.value == row.value => {}
                Some(before) => changes.push(TargetChange {
                    id: row.id.clone(),
                    name: row.name.clone(),
                    before: Some(before.value.clone()),
                    after: Some(row.value.clone()),
                }),
                None => changes.push(TargetChange {
                    id: row.id.clone(),
                    name: row.name.clone(),
                    before: None,
                    after: Some(row.value.clone()),
                }),
            }
        }
        for before in current.iter().filter(|r| !now.iter().any(|n| n.id == r.id)) {
            changes.push(TargetChange {
                id: before.id.clone(),
                name: before.name.clone(),
                before: Some(before.value.clone()),
                after: None,
            });
        }
        changes
    }
}

/// The targets at one moment: every 三级 indicator's value as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetSnapshot {
    /// 批复日期 as typed ("2025-01-20").
    pub date: String,
    /// One row per 三级 indicator, in the tree's order.
    pub rows: Vec<TargetRow>,
}

/// One indicator's target in a version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetRow {
    /// The indicator's id (rows keep their identity across versions by it).
    pub id: String,
    /// Its name then.
    pub name: String,
    /// Its 指标值 as printed ("≥300人次", "按期完成").
    pub value: String,
}

/// One adjustment (调整): when, why, and what changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetAdjustment {
    /// 调整日期 as typed.
    pub date: String,
    /// 调整原因.
    pub reason: String,
    /// The changes, one per indicator.
    pub changes: Vec<TargetChange>,
}

/// One indicator's change: `before` `None` for a row added, `after` `None` for a row removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetChange {
    /// The indicator's id.
    pub id: String,
    /// Its name (the new one when it was renamed).
    pub name: String,
    /// 指标值 before.
    pub before: Option<String>,
    /// 指标值 after.
    pub after: Option<String>,
}

impl TargetChange {
    /// "培训人次：≥300人次 → ≥260人次", "新增 …", "删除 …".
    pub fn sentence(&self) -> String {
        match (&self.before, &self.after) {
            (Some(before), Some(after)) => format!("{}：{before} → {after}", self.name),
            (None, Some(after)) => format!("新增“{}”（{after}）", self.name),
            (Some(before), None) => format!("删除“{}”（原为{before}）", self.name),
            (None, None) => self.name.clone(),
        }
    }
}

/// The 三级 indicators' targets of a tree as they stand.
pub fn target_rows(tree: &[Indicator]) -> Vec<TargetRow> {
    let mut rows = Vec::new();
    super::walk_tree(tree, &mut |_, node| {
        if node.is_leaf() {
            rows.push(TargetRow {
                id: node.id.clone(),
                name: node.name.trim().to_string(),
                value: target_value(node),
            });
        }
    });
    rows
}

/// A leaf's 指标值 as printed: the words when the table printed words, else operator, figure and unit.
pub fn target_value(leaf: &Indicator) -> String {
    if !leaf.target_text.trim().is_empty() {
        return leaf.target_text.trim().to_string();
    }
    match leaf.target {
        Some(value) => format!(
            "{}{}{}",
            leaf.target_op.map_or("", |op| op.symbol()),
            fmt_score(value),
            leaf.unit.trim()
        ),
        None => String::new(),
    }
}
