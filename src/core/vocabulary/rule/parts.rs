//! The parts a rule is made of: a condition on a metric, a comparison, a ladder's tiers, the formula for
//! an exceeded 反向 target, the judged level of a 定性 indicator.

use super::MetricSource;
use crate::core::number::fmt_score;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A comparison on a metric (e.g. 满意度 > 90).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The metric compared.
    pub metric: MetricSource,
    /// The comparison.
    pub op: Comparison,
    /// The threshold.
    pub value: Decimal,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// >
    Gt,
    /// ≥
    Ge,
    /// <
    Lt,
    /// ≤
    Le,
    /// =
    Eq,
}

impl Comparison {
    /// Applies the comparison.
    pub fn holds(self, left: Decimal, right: Decimal) -> bool {
        match self {
            Comparison::Gt => left > right,
            Comparison::Ge => left >= right,
            Comparison::Lt => left < right,
            Comparison::Le => left <= right,
            Comparison::Eq => left == right,
        }
    }

    /// The symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Gt => ">",
            Comparison::Ge => "≥",
            Comparison::Lt => "<",
            Comparison::Le => "≤",
            Comparison::Eq => "=",
        }
    }
}

/// One step of a ladder: an interval of the metric and its score. `None` bounds are infinite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    /// Lower bound.
    #[serde(default)]
    pub min: Option<Decimal>,
    /// Whether the lower bound belongs to the tier.
    #[serde(default)]
    pub min_inclusive: bool,
    /// Upper bound.
    #[serde(default)]
    pub max: Option<Decimal>,
    /// Whether the upper bound belongs to the tier.
    #[serde(default)]
    pub max_inclusive: bool,
    /// The score in this tier.
    pub score: Decimal,
}

impl Tier {
    /// (min, +∞) or [min, +∞).
    pub fn above(min: Decimal, inclusive: bool, score: Decimal) -> Tier {
        Tier {
            min: Some(min),
            min_inclusive: inclusive,
            max: None,
            max_inclusive: false,
            score,
        }
    }

    /// An interval with both bounds.
    pub fn between(
        min: Decimal,
        min_inclusive: bool,
        max: Decimal,
        max_inclusive: bool,
        score: Decimal,
    ) -> Tier {
        Tier {
            min: Some(min),
            min_inclusive,
            max: Some(max),
            max_inclusive,
            score,
        }
    }

    /// Whether `value` lies in the tier.
    pub fn contains(&self, value: Decimal) -> bool {
        let above_min = match self.min {
            None => true,
            Some(min) => value > min || (self.min_inclusive && value == min),
        };
        let below_max = match self.max {
            None => true,
            Some(max) => value < max || (self.max_inclusive && value == max),
        };
        above_min && below_max
    }

    /// Interval notation, e.g. "(90, +∞)" or "[0, 10]".
    pub fn interval(&self) -> String {
        let lower = match self.min {
            None => "(−∞".to_string(),
            Some(min) => format!(
                "{}{}",
                if self.min_inclusive { "[" } else { "(" },
                fmt_score(min)
            ),
        };
        let upper = match self.max {
            None => "+∞)".to_string(),
            Some(max) => format!(
                "{}{}",
                fmt_score(max),
                if self.max_inclusive { "]" } else { ")" }
            ),
        };
        format!("{lower}, {upper}")
    }
}

/// The formula applied when a 反向 (less-is-better) target is exceeded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReverseFormula {
    /// P × max(0, 1 − (A − T) / T).
    #[default]
    Linear,
    /// P × T / A.
    Ratio,
}

impl ReverseFormula {
    /// Both formulas.
    pub const ALL: [ReverseFormula; 2] = [ReverseFormula::Linear, ReverseFormula::Ratio];

    /// A stable key (the file format's value).
    pub fn key(self) -> &'static str {
        match self {
            ReverseFormula::Linear => "linear",
            ReverseFormula::Ratio => "ratio",
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            ReverseFormula::Linear => "反向超标：1 − 超出比例",
            ReverseFormula::Ratio => "反向超标：目标 / 实际",
        }
    }
}

/// The judged level of a qualitative indicator (定性指标完成程度).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualitativeLevel {
    /// 达成预期指标: 80–100 % of 分值.
    Achieved,
    /// 部分达成预期指标: 60–80 %.
    Partial,
    /// 未达成预期指标: 0–60 %.
    NotAchieved,
}

impl QualitativeLevel {
    /// Every level, best first.
    pub const ALL: [QualitativeLevel; 3] = [
        QualitativeLevel::Achieved,
        QualitativeLevel::Partial,
        QualitativeLevel::NotAchieved,
    ];

    /// A stable key (the file format's value).
    pub fn key(self) -> &'static str {
        match self {
            QualitativeLevel::Achieved => "achieved",
            QualitativeLevel::Partial => "partial",
            QualitativeLevel::NotAchieved => "not_achieved",
        }
    }

    /// The label with its band, e.g. "达成（80–100%）".
    pub fn label_with_band(self) -> String {
        let (lo, hi, _) = self.band_pct();
        format!("{}（{lo}–{hi}%）", self.label())
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            QualitativeLevel::Achieved => "达成",
            QualitativeLevel::Partial => "部分达成",
            QualitativeLevel::NotAchieved => "未达成",
        }
    }

    /// The allowed share of 分值, in % (lower, upper, upper inclusive).
    pub fn band_pct(self) -> (u32, u32, bool) {
        match self {
            QualitativeLevel::Achieved => (80, 100, true),
            QualitativeLevel::Partial => (60, 80, false),
            QualitativeLevel::NotAchieved => (0, 60, false),
        }
    }
}
