//! The fields of an indicator a form edits, each a typed pair of getter and setter with its path
//! segment (as `bind.rs` does for the evaluation's fields): a typo does not compile, and no field is
//! picked by string.

use crate::core::Indicator;
use rust_decimal::Decimal;

/// A text field of an indicator.
#[derive(Clone, Copy)]
pub struct LeafText {
    /// The field's name in paths (`indicators/<id>/<key>`).
    pub key: &'static str,
    /// Reads it.
    pub get: fn(&Indicator) -> String,
    /// Writes it.
    pub set: fn(&mut Indicator, String),
}

/// A figure of an indicator.
#[derive(Clone, Copy)]
pub struct LeafFigure {
    /// The field's name in paths.
    pub key: &'static str,
    /// Reads it.
    pub get: fn(&Indicator) -> Option<Decimal>,
    /// Writes it.
    pub set: fn(&mut Indicator, Option<Decimal>),
}

macro_rules! text {
    ($name:ident, $field:ident, $doc:literal) => {
        #[doc = $doc]
        pub const $name: LeafText = LeafText {
            key: stringify!($field),
            get: |n| n.$field.clone(),
            set: |n, v| n.$field = v,
        };
    };
}

text!(NAME, name, "指标名称.");
text!(REASON, reason, "扣分原因 / 偏差原因分析及改进措施.");
text!(DESCRIPTION, description, "指标说明.");
text!(CRITERIA, criteria, "评价要点.");
text!(OVERRIDE_REASON, override_reason, "调整理由.");
text!(EVIDENCE, evidence, "佐证材料.");
text!(UNIT, unit, "计量单位.");
text!(TARGET_TEXT, target_text, "年度指标值 as words.");
text!(ACTUAL_TEXT, actual_text, "实际完成值 as words.");

/// 分值 (blank reads as 0).
pub const POINTS: LeafFigure = LeafFigure {
    key: "points",
    get: |n| Some(n.points),
    set: |n, v| n.points = v.unwrap_or_default(),
};
/// 自评分.
pub const SCORE: LeafFigure = LeafFigure {
    key: "score",
    get: |n| n.score,
    set: |n, v| n.score = v,
};
/// 年度指标值.
pub const TARGET: LeafFigure = LeafFigure {
    key: "target",
    get: |n| n.target,
    set: |n, v| n.target = v,
};
/// 实际完成值.
pub const ACTUAL: LeafFigure = LeafFigure {
    key: "actual",
    get: |n| n.actual,
    set: |n, v| n.actual = v,
};
