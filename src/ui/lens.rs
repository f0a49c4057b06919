//! The fields a form edits, each a typed pair of getter and setter with its path segment (as `bind.rs`
//! does for the evaluation's own fields): a typo does not compile, and no field is picked by string.

use crate::core::{BonusItem, BusinessMetric, FundLine, Indicator, PenaltyItem};
use rust_decimal::Decimal;

/// A field of a record `R` holding a `T`.
pub struct Lens<R: 'static, T: 'static> {
    /// The field's name in paths (`…/<key>`).
    pub key: &'static str,
    /// Reads it.
    pub get: fn(&R) -> T,
    /// Writes it.
    pub set: fn(&mut R, T),
}

impl<R, T> Clone for Lens<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, T> Copy for Lens<R, T> {}

/// A text field of an indicator.
pub type LeafText = Lens<Indicator, String>;
/// A figure of an indicator.
pub type LeafFigure = Lens<Indicator, Option<Decimal>>;

macro_rules! lens {
    ($record:ty, $t:ty: $($name:ident => $field:ident, $doc:literal;)+) => {
        $(
            #[doc = $doc]
            pub const $name: Lens<$record, $t> = Lens {
                key: stringify!($field),
                get: |r| r.$field.clone(),
                set: |r, v| r.$field = v,
            };
        )+
    };
}

lens!(Indicator, String:
    NAME => name, "指标名称.";
    REASON => reason, "扣分原因 / 偏差原因分析及改进措施.";
    DESCRIPTION => description, "指标说明.";
    CRITERIA => criteria, "评价要点.";
    OVERRIDE_REASON => override_reason, "调整理由.";
    EVIDENCE => evidence, "佐证材料.";
    UNIT => unit, "计量单位.";
    TARGET_TEXT => target_text, "年度指标值 as words.";
    ACTUAL_TEXT => actual_text, "实际完成值 as words.";
);

lens!(Indicator, Option<Decimal>:
    SCORE => score, "自评分.";
    TARGET => target, "年度指标值.";
    ACTUAL => actual, "实际完成值.";
);

/// 分值 (blank reads as 0).
pub const POINTS: LeafFigure = Lens {
    key: "points",
    get: |n| Some(n.points),
    set: |n, v| n.points = v.unwrap_or_default(),
};

lens!(FundLine, Option<Decimal>:
    FUND_INITIAL => initial, "年初预算数.";
    FUND_ADJUSTED => adjusted, "全年预算数.";
    FUND_EXECUTED => executed, "全年执行数.";
);

lens!(BonusItem, String:
    BONUS_WORK => work, "加分的工作事项.";
    BONUS_EVIDENCE => evidence, "加分的佐证.";
);

lens!(PenaltyItem, String:
    PENALTY_DESCRIPTION => description, "减分事项.";
    PENALTY_REASON => reason, "扣分原因.";
);

lens!(BusinessMetric, String:
    METRIC_NAME => name, "业务指标名称.";
    METRIC_UNIT => unit, "单位.";
    METRIC_KEY => key, "引用键.";
);

lens!(BusinessMetric, Option<Decimal>:
    METRIC_VALUE => value, "本年值.";
    METRIC_PRIOR => prior, "上年值.";
    METRIC_STATED_GROWTH => stated_growth, "所列同比增长.";
);
