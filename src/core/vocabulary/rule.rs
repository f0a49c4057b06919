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

/// Where a rule takes its metric from (取数来源).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum MetricSource {
    /// 预算执行率 = 本年支出合计 / 全年预算数; the printed rate while 全年预算数 is not stated.
    BudgetExecutionRate,
    /// 专项资金执行率 = 专项资金实际支出 / 专项资金预算.
    SpecialFundsExecutionRate,
    /// “三公”经费控制率 = 实际支出 / 预算 (≤ 100 % means no overspending).
    ThreePublicControlRate,
    /// 项目预算执行率 = Σ 全年执行数 / Σ 全年预算数 over the project's fund lines.
    ProjectExecutionRate,
    /// 支出增长率 = (本年支出合计 − 上年支出合计) / 上年支出合计.
    ExpenseGrowth,
    /// 结转结余变动率 = (年末结转和结余 − 上年末结转和结余) / 上年末结转和结余.
    CarryoverChange,
    /// “三公”经费变动率 = (本年“三公”经费支出 − 上年) / 上年 (≤ 0 means no rise).
    ThreePublicChange,
    /// A business metric's value, by key.
    Business {
        /// [`crate::core::BusinessMetric::key`].
        key: String,
    },
    /// A business metric's computed 同比增长 (%), by key.
    BusinessGrowth {
        /// [`crate::core::BusinessMetric::key`].
        key: String,
    },
    /// A figure typed beside the rule.
    Typed {
        /// What it is, e.g. 满意度.
        #[serde(default)]
        name: String,
        /// Its unit, e.g. %.
        #[serde(default)]
        unit: String,
        /// The figure.
        #[serde(default)]
        value: Option<Decimal>,
    },
}

impl Default for MetricSource {
    fn default() -> Self {
        MetricSource::Typed {
            name: String::new(),
            unit: String::new(),
            value: None,
        }
    }
}

impl MetricSource {
    /// A stable key for choosing the source in a form ("budget_execution_rate", "business:accepted" …).
    pub fn key(&self) -> String {
        match self {
            MetricSource::BudgetExecutionRate => "budget_execution_rate".into(),
            MetricSource::SpecialFundsExecutionRate => "special_funds_execution_rate".into(),
            MetricSource::ThreePublicControlRate => "three_public_control_rate".into(),
            MetricSource::ProjectExecutionRate => "project_execution_rate".into(),
            MetricSource::ExpenseGrowth => "expense_growth".into(),
            MetricSource::CarryoverChange => "carryover_change".into(),
            MetricSource::ThreePublicChange => "three_public_change".into(),
            MetricSource::Business { key } => format!("business:{key}"),
            MetricSource::BusinessGrowth { key } => format!("growth:{key}"),
            MetricSource::Typed { .. } => "typed".into(),
        }
    }

    /// The source a [`MetricSource::key`] names; `None` for a key no source has (never a silent default).
    pub fn from_key(key: &str) -> Option<MetricSource> {
        Some(match key {
            "budget_execution_rate" => MetricSource::BudgetExecutionRate,
            "special_funds_execution_rate" => MetricSource::SpecialFundsExecutionRate,
            "three_public_control_rate" => MetricSource::ThreePublicControlRate,
            "project_execution_rate" => MetricSource::ProjectExecutionRate,
            "expense_growth" => MetricSource::ExpenseGrowth,
            "carryover_change" => MetricSource::CarryoverChange,
            "three_public_change" => MetricSource::ThreePublicChange,
            "typed" => MetricSource::default_typed(),
            k => {
                if let Some(metric) = k.strip_prefix("business:") {
                    MetricSource::Business {
                        key: metric.to_string(),
                    }
                } else if let Some(metric) = k.strip_prefix("growth:") {
                    MetricSource::BusinessGrowth {
                        key: metric.to_string(),
                    }
                } else {
                    return None;
                }
            }
        })
    }

    /// A figure typed beside the rule, not yet filled.
    pub fn default_typed() -> MetricSource {
        MetricSource::Typed {
            name: "指标值".into(),
            unit: "%".into(),
            value: None,
        }
    }
}
