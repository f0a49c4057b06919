//! Scoring rules (评分规则): the types that say how a leaf indicator's score follows from its inputs, as
//! the file stores them. Scoring itself — what a rule says about one leaf — is [`crate::core::scoring`],
//! one file per rule kind.
//!
//! ```
//! use jixiao::core::rule::{ScoringRule, Tier};
//! use jixiao::core::metric::MetricSource;
//! use rust_decimal::Decimal;
//! // 执行率 > 90% → 2; ≤ 90% → 1
//! let rule = ScoringRule::Tiered {
//!     metric: MetricSource::Typed { name: "执行率".into(), unit: "%".into(), value: Some(Decimal::from(90)) },
//!     tiers: vec![Tier::above(Decimal::from(90), false, Decimal::from(2)),
//!                 Tier::between(Decimal::ZERO, true, Decimal::from(90), true, Decimal::ONE)],
//! };
//! assert!(rule.tier_problems().is_empty());
//! ```

mod parts;
mod source;

pub use parts::{Comparison, Condition, QualitativeLevel, ReverseFormula, Tier};
pub use source::MetricSource;

use crate::core::number::fmt_score;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How a leaf is scored. Formulas, with P = 分值:
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ScoringRule {
    /// 人工评判: the typed score, 0 ≤ score ≤ P, a multiple of `step` when given (e.g. 0.5).
    Manual {
        /// Allowed step of the score.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<Decimal>,
    },
    /// 达标得分: condition met → P, else `otherwise` (0 unless stated). The condition is either judged
    /// (`met`) or a comparison on a metric (`when`), which then decides.
    Binary {
        /// Judged outcome (是否达标).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        met: Option<bool>,
        /// A comparison that decides instead of `met`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<Condition>,
        /// Score when not met.
        #[serde(default)]
        otherwise: Decimal,
    },
    /// 分档计分: the score of the tier whose interval holds the metric; bounds are explicitly open or
    /// closed, and a metric outside every tier (a gap in the ladder) scores nothing computed.
    Tiered {
        /// The metric judged.
        metric: MetricSource,
        /// The ladder.
        tiers: Vec<Tier>,
    },
    /// 比例计分 on the leaf's 年度指标值 T and 实际完成值 A, by the leaf's direction:
    /// 正向 P × min(A/T, 1) (T = 0: full); 反向 full when A ≤ T, else `Linear` P × max(0, 1 − (A−T)/T) or
    /// `Ratio` P × T/A (T = 0, an "equals 0" target: full when A = 0, else 0).
    Proportional {
        /// The formula for 反向 targets that are exceeded.
        #[serde(default)]
        reverse: ReverseFormula,
    },
    /// 扣分制: P − `per` × max(0, count − allowance), floored at 0 (扣完为止).
    Deduction {
        /// Points per occurrence (or per unit over the allowance).
        per: Decimal,
        /// Occurrences (次数) or the measured amount.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        count: Option<Decimal>,
        /// Free allowance before deducting (0 = every occurrence counts).
        #[serde(default)]
        allowance: Decimal,
    },
    /// 定性分档: 达成 [80 %, 100 %] of P, 部分达成 [60 %, 80 %), 未达成 [0, 60 %); the typed score must
    /// fall in its band.
    Qualitative {
        /// The judged level.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<QualitativeLevel>,
    },
    /// 预算执行率得分: P × min(rate, 100 %), the rate being the project's (项目支出) or the unit's
    /// budget execution rate as printed (2 decimals).
    ExecutionRate,
}

impl Default for ScoringRule {
    fn default() -> Self {
        ScoringRule::Manual { step: None }
    }
}

/// The kinds of [`ScoringRule`] (评分规则类型), for choosing one: each with its label and a fresh rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// 人工评判.
    Manual,
    /// 达标得分.
    Binary,
    /// 分档计分.
    Tiered,
    /// 比例计分.
    Proportional,
    /// 扣分制.
    Deduction,
    /// 定性分档.
    Qualitative,
    /// 执行率计分.
    ExecutionRate,
}

impl RuleKind {
    /// Every kind, in the order offered.
    pub const ALL: [RuleKind; 7] = [
        RuleKind::Manual,
        RuleKind::Binary,
        RuleKind::Tiered,
        RuleKind::Proportional,
        RuleKind::Deduction,
        RuleKind::Qualitative,
        RuleKind::ExecutionRate,
    ];

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            RuleKind::Manual => "人工评判",
            RuleKind::Binary => "达标得分",
            RuleKind::Tiered => "分档计分",
            RuleKind::Proportional => "比例计分",
            RuleKind::Deduction => "扣分制",
            RuleKind::Qualitative => "定性分档",
            RuleKind::ExecutionRate => "执行率计分",
        }
    }

    /// A stable key (the file format's `rule.type`).
    pub fn key(self) -> &'static str {
        match self {
            RuleKind::Manual => "manual",
            RuleKind::Binary => "binary",
            RuleKind::Tiered => "tiered",
            RuleKind::Proportional => "proportional",
            RuleKind::Deduction => "deduction",
            RuleKind::Qualitative => "qualitative",
            RuleKind::ExecutionRate => "execution_rate",
        }
    }

    /// A fresh rule of this kind, sensible for a leaf of `points` (a 分档 ladder on the execution rate:
    /// above 90 % full marks, else nothing).
    pub fn fresh(self, points: Decimal) -> ScoringRule {
        match self {
            RuleKind::Manual => ScoringRule::Manual { step: None },
            RuleKind::Binary => ScoringRule::Binary {
                met: None,
                when: None,
                otherwise: Decimal::ZERO,
            },
            RuleKind::Tiered => ScoringRule::Tiered {
                metric: MetricSource::BudgetExecutionRate,
                tiers: vec![
                    Tier::above(Decimal::from(90), false, points),
                    Tier::between(Decimal::ZERO, true, Decimal::from(90), true, Decimal::ZERO),
                ],
            },
            RuleKind::Proportional => ScoringRule::Proportional {
                reverse: ReverseFormula::Linear,
            },
            RuleKind::Deduction => ScoringRule::Deduction {
                per: Decimal::ONE,
                count: None,
                allowance: Decimal::ZERO,
            },
            RuleKind::Qualitative => ScoringRule::Qualitative { level: None },
            RuleKind::ExecutionRate => ScoringRule::ExecutionRate,
        }
    }
}

impl ScoringRule {
    /// Clears what was judged (达标, 次数, the qualitative level), keeping the rule itself. Every kind is
    /// named, so a new kind must say what of it is judged.
    pub fn clear_judgement(&mut self) {
        match self {
            ScoringRule::Binary { met, .. } => *met = None,
            ScoringRule::Deduction { count, .. } => *count = None,
            ScoringRule::Qualitative { level, .. } => *level = None,
            ScoringRule::Manual { .. }
            | ScoringRule::Tiered { .. }
            | ScoringRule::Proportional { .. }
            | ScoringRule::ExecutionRate => {}
        }
    }

    /// The rule's kind.
    pub fn kind(&self) -> RuleKind {
        match self {
            ScoringRule::Manual { .. } => RuleKind::Manual,
            ScoringRule::Binary { .. } => RuleKind::Binary,
            ScoringRule::Tiered { .. } => RuleKind::Tiered,
            ScoringRule::Proportional { .. } => RuleKind::Proportional,
            ScoringRule::Deduction { .. } => RuleKind::Deduction,
            ScoringRule::Qualitative { .. } => RuleKind::Qualitative,
            ScoringRule::ExecutionRate => RuleKind::ExecutionRate,
        }
    }

    /// A short Chinese name of the rule kind.
    pub fn label(&self) -> &'static str {
        self.kind().label()
    }

    /// Gaps and overlaps in a ladder, checked on [0, +∞) (metrics are non-negative) — or on the whole
    /// line when the lowest tier is open below. Empty for other rules.
    pub fn tier_problems(&self) -> Vec<String> {
        let ScoringRule::Tiered { tiers, .. } = self else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        if tiers.is_empty() {
            problems.push("未设置任何档次".to_string());
            return problems;
        }
        let mut sorted: Vec<&Tier> = tiers.iter().collect();
        // None (−∞) sorts first; at equal bounds the inclusive one starts earlier.
        sorted.sort_by(|a, b| {
            a.min
                .cmp(&b.min)
                .then(b.min_inclusive.cmp(&a.min_inclusive))
        });
        for tier in &sorted {
            if let (Some(min), Some(max)) = (tier.min, tier.max) {
                if min > max || (min == max && !(tier.min_inclusive && tier.max_inclusive)) {
                    problems.push(format!("档次 {} 为空区间", tier.interval()));
                }
            }
        }
        if let Some(first) = sorted.first() {
            match first.min {
                Some(min)
                    if min > Decimal::ZERO || (min == Decimal::ZERO && !first.min_inclusive) =>
                {
                    problems.push(format!("低于 {} 的取值未设档次", fmt_score(min)));
                }
                _ => {}
            }
        }
        for pair in sorted.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let Some(a_max) = a.max else {
                problems.push(format!("档次 {} 与 {} 重叠", a.interval(), b.interval()));
                continue;
            };
            let Some(b_min) = b.min else { continue };
            if a_max < b_min {
                problems.push(format!(
                    "取值在 {} 与 {} 之间未设档次",
                    fmt_score(a_max),
                    fmt_score(b_min)
                ));
            } else if a_max == b_min {
                match (a.max_inclusive, b.min_inclusive) {
                    (false, false) => problems.push(format!(
                        "恰好等于 {} 时未设档次（“大于”与“小于”之间的缺口）",
                        fmt_score(a_max)
                    )),
                    (true, true) => {
                        problems.push(format!("恰好等于 {} 时同时属于两个档次", fmt_score(a_max)))
                    }
                    _ => {}
                }
            } else {
                problems.push(format!("档次 {} 与 {} 重叠", a.interval(), b.interval()));
            }
        }
        if let Some(last) = sorted.last() {
            if let Some(max) = last.max {
                problems.push(format!("高于 {} 的取值未设档次", fmt_score(max)));
            }
        }
        problems
    }
}
