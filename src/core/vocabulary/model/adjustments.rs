//! 加减分项: the capped bonus and deduction groups.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// 加减分项: a bonus group and a deduction group, both capped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Adjustments {
    /// Cap of each group (≤ 5 分).
    pub cap: Decimal,
    /// 加分项.
    pub bonus: BonusGroup,
    /// 减分项.
    pub penalty: PenaltyGroup,
}

impl Default for Adjustments {
    fn default() -> Self {
        Adjustments {
            cap: Decimal::from(5),
            bonus: BonusGroup::default(),
            penalty: PenaltyGroup::default(),
        }
    }
}

/// 加分项: commendations, by level; the same piece of work counts once, at its highest level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusGroup {
    /// 指标名称, e.g. 受嘉奖情况.
    pub name: String,
    /// 指标说明.
    pub description: String,
    /// 评价要点.
    pub criteria: String,
    /// The schedule: level → points (国务院 3, 省级 2 …).
    pub levels: Vec<BonusLevel>,
    /// What the unit earned.
    pub items: Vec<BonusItem>,
}

/// A level of the bonus schedule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusLevel {
    /// e.g. 国务院嘉奖.
    pub label: String,
    /// Points it earns.
    pub points: Decimal,
}

/// A commendation earned (加分事项).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusItem {
    /// The piece of work commended (工作事项); items of the same work do not add up.
    pub work: String,
    /// The level's label, from the schedule.
    pub level: String,
    /// 佐证 (document, date).
    pub evidence: String,
}

/// 减分项: deductions at discretion (酌情扣分), each with its reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyGroup {
    /// 指标名称, e.g. 部门或工作人员违法违纪.
    pub name: String,
    /// 指标说明.
    pub description: String,
    /// 评价要点.
    pub criteria: String,
    /// Deductions made.
    pub items: Vec<PenaltyItem>,
}

/// One deduction (减分事项).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyItem {
    /// What happened.
    pub description: String,
    /// Points deducted.
    pub points: Decimal,
    /// 扣分原因 / basis.
    pub reason: String,
}
