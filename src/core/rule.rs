//! Scoring rules (评分规则): how a leaf indicator's score follows from its inputs.
//!
//! Each rule yields a [`RuleOutcome`]: the computed score (or `None` where the score is a judgement),
//! a Chinese explanation of every point, the allowed band for judged scores, and problems with the rule
//! itself (a ladder with a gap, a missing metric). Computed scores pass through the evaluation's
//! [`Rounding`] and always lie in [0, 分值].
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

use crate::core::metric::MetricSource;
use crate::core::model::{Direction, Evaluation, Indicator};
use crate::core::number::{fmt_score, Rounding};
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

/// The range a judged score must fall in.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreBand {
    /// Lowest allowed (inclusive).
    pub min: Decimal,
    /// Highest allowed.
    pub max: Decimal,
    /// Whether `max` itself is allowed.
    pub max_inclusive: bool,
    /// Allowed step, if any.
    pub step: Option<Decimal>,
}

/// A problem with a rule's definition or inputs (turned into a finding at the leaf).
#[derive(Clone, Debug, PartialEq)]
pub struct RuleProblem {
    /// Stable code, e.g. `rule.tier_gap`.
    pub code: &'static str,
    /// Whether it is an error (else a warning, or info for missing data).
    pub level: ProblemLevel,
    /// Chinese message.
    pub message: String,
}

/// Severity of a rule problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemLevel {
    /// The rule cannot be right.
    Error,
    /// The rule is ambiguous.
    Warning,
    /// Data is missing.
    Info,
}

/// What a rule says about one leaf.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RuleOutcome {
    /// The computed score, when the rule computes one.
    pub computed: Option<Decimal>,
    /// How the score follows (计分说明).
    pub explanation: String,
    /// The band a judged score must fall in.
    pub band: Option<ScoreBand>,
    /// Problems with the rule or its inputs.
    pub problems: Vec<RuleProblem>,
    /// No explanation wanted (see [`ScoringRule::score`]).
    quiet: bool,
}

impl RuleOutcome {
    /// Sets the explanation, unless none is wanted (formatting it is a third of scoring a large tree).
    fn say(&mut self, text: impl FnOnce() -> String) {
        if !self.quiet {
            self.explanation = text();
        }
    }

    fn problem(mut self, code: &'static str, level: ProblemLevel, message: String) -> Self {
        self.problems.push(RuleProblem {
            code,
            level,
            message,
        });
        self
    }
}

fn clamp(value: Decimal, points: Decimal) -> Decimal {
    value.max(Decimal::ZERO).min(points.max(Decimal::ZERO))
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

// Saturating arithmetic for non-negative inputs: Decimal's operators panic on overflow, and a typed
// 1e28 must give a clamped score, never a crash.
fn smul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

fn sdiv(a: Decimal, b: Decimal) -> Decimal {
    a.checked_div(b).unwrap_or(Decimal::MAX)
}

/// `pct` % of `points`.
fn share(points: Decimal, pct: Decimal) -> Decimal {
    sdiv(smul(points, pct), hundred())
}

impl ScoringRule {
    /// A short Chinese name of the rule kind.
    pub fn label(&self) -> &'static str {
        match self {
            ScoringRule::Manual { .. } => "人工评判",
            ScoringRule::Binary { .. } => "达标得分",
            ScoringRule::Tiered { .. } => "分档计分",
            ScoringRule::Proportional { .. } => "比例计分",
            ScoringRule::Deduction { .. } => "扣分制",
            ScoringRule::Qualitative { .. } => "定性分档",
            ScoringRule::ExecutionRate => "执行率计分",
        }
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

    /// Evaluates the rule for `leaf` (its 分值, target and actual) against the evaluation's data.
    pub fn evaluate(
        &self,
        leaf: &Indicator,
        evaluation: &Evaluation,
        rounding: &Rounding,
    ) -> RuleOutcome {
        self.outcome(leaf, evaluation, rounding, false)
    }

    /// Like [`ScoringRule::evaluate`] without the explanation (left empty unless the rule's formula is
    /// itself the explanation): what the assessment needs for every leaf; the text is built when shown.
    pub fn score(
        &self,
        leaf: &Indicator,
        evaluation: &Evaluation,
        rounding: &Rounding,
    ) -> RuleOutcome {
        self.outcome(leaf, evaluation, rounding, true)
    }

    fn outcome(
        &self,
        leaf: &Indicator,
        evaluation: &Evaluation,
        rounding: &Rounding,
        quiet: bool,
    ) -> RuleOutcome {
        let points = leaf.points;
        let round = |v: Decimal| clamp(rounding.apply(v), points);
        let mut out = RuleOutcome {
            quiet,
            ..RuleOutcome::default()
        };
        match self {
            ScoringRule::Manual { step } => {
                out.say(|| "人工评判".into());
                if let Some(step) = step {
                    out.say(|| format!("人工评判，按 {} 分步长", fmt_score(*step)));
                    if *step <= Decimal::ZERO {
                        out = out.problem(
                            "rule.bad_step",
                            ProblemLevel::Error,
                            "评分步长必须大于 0".into(),
                        );
                    }
                }
                out.band = Some(ScoreBand {
                    min: Decimal::ZERO,
                    max: points,
                    max_inclusive: true,
                    step: step.filter(|s| *s > Decimal::ZERO),
                });
            }
            ScoringRule::Binary {
                met,
                when,
                otherwise,
            } => {
                if *otherwise < Decimal::ZERO || *otherwise > points {
                    out = out.problem(
                        "rule.bad_otherwise",
                        ProblemLevel::Error,
                        format!(
                            "未达标得分 {} 超出 [0, {}]",
                            fmt_score(*otherwise),
                            fmt_score(points)
                        ),
                    );
                }
                let decided = match when {
                    Some(cond) => match cond.metric.resolve(evaluation) {
                        Ok(metric) => {
                            let holds = cond.op.holds(metric.value, cond.value);
                            out.say(|| {
                                format!(
                                    "{} {} {}{}{}",
                                    metric.describe(),
                                    cond.op.symbol(),
                                    fmt_score(cond.value),
                                    metric.unit,
                                    if holds { "，达标" } else { "，未达标" }
                                )
                            });
                            Some(holds)
                        }
                        Err(missing) => {
                            out = out.problem("rule.metric_missing", ProblemLevel::Info, missing);
                            None
                        }
                    },
                    None => {
                        out.say(|| match met {
                            Some(true) => "评判为达标".into(),
                            Some(false) => "评判为未达标".into(),
                            None => "尚未评判是否达标".into(),
                        });
                        *met
                    }
                };
                out.computed = decided.map(|ok| {
                    if ok {
                        points
                    } else {
                        clamp(*otherwise, points)
                    }
                });
            }
            ScoringRule::Tiered { metric, tiers } => {
                for gap in self.tier_problems() {
                    out = out.problem(
                        "rule.tier_gap",
                        ProblemLevel::Warning,
                        format!("分档不完整：{gap}"),
                    );
                }
                for tier in tiers {
                    if tier.score < Decimal::ZERO || tier.score > points {
                        out = out.problem(
                            "rule.tier_score",
                            ProblemLevel::Error,
                            format!(
                                "档次 {} 的得分 {} 超出 [0, {}]",
                                tier.interval(),
                                fmt_score(tier.score),
                                fmt_score(points)
                            ),
                        );
                    }
                }
                match metric.resolve(evaluation) {
                    Ok(value) => match tiers.iter().find(|t| t.contains(value.value)) {
                        Some(tier) => {
                            let score = round(tier.score);
                            out.say(|| {
                                format!(
                                    "{} 属于区间 {}，得 {} 分",
                                    value.describe(),
                                    tier.interval(),
                                    fmt_score(score)
                                )
                            });
                            out.computed = Some(score);
                        }
                        None => {
                            out.say(|| format!("{} 不属于任何档次", value.describe()));
                            out = out.problem(
                                "rule.no_tier",
                                ProblemLevel::Error,
                                format!("{} 不属于任何档次，无法计分", value.describe()),
                            );
                        }
                    },
                    Err(missing) => {
                        out.say(|| missing.clone());
                        out = out.problem("rule.metric_missing", ProblemLevel::Info, missing);
                    }
                }
            }
            ScoringRule::Proportional { reverse } => {
                return proportional(leaf, *reverse, rounding);
            }
            ScoringRule::Deduction {
                per,
                count,
                allowance,
            } => {
                if *per < Decimal::ZERO || *allowance < Decimal::ZERO {
                    return out.problem(
                        "rule.negative",
                        ProblemLevel::Error,
                        "每次扣分和免扣次数不能为负".into(),
                    );
                }
                match count {
                    Some(count) if *count < Decimal::ZERO => {
                        out = out.problem(
                            "rule.negative",
                            ProblemLevel::Error,
                            "发生次数不能为负".into(),
                        );
                    }
                    Some(count) => {
                        let over = (*count - *allowance).max(Decimal::ZERO);
                        let deducted = per.checked_mul(over).unwrap_or(Decimal::MAX);
                        let score = round(points.checked_sub(deducted).unwrap_or(Decimal::ZERO));
                        out.say(|| {
                            format!(
                                "{} 分 − {} × {}（发生 {} 次{}），扣完为止，得 {} 分",
                                fmt_score(points),
                                fmt_score(*per),
                                fmt_score(over),
                                fmt_score(*count),
                                if allowance.is_zero() {
                                    String::new()
                                } else {
                                    format!("，免扣 {} 次", fmt_score(*allowance))
                                },
                                fmt_score(score)
                            )
                        });
                        out.computed = Some(score);
                    }
                    None => {
                        out.say(|| "请填写发生次数".into());
                        out = out.problem(
                            "rule.input_missing",
                            ProblemLevel::Info,
                            "未填写发生次数".into(),
                        );
                    }
                }
            }
            ScoringRule::Qualitative { level } => match level {
                Some(level) => {
                    let (lo, hi, hi_inclusive) = level.band_pct();
                    let min = share(points, Decimal::from(lo));
                    let max = share(points, Decimal::from(hi));
                    out.say(|| {
                        format!(
                            "定性评判为“{}”，得分应在 [{}, {}{}",
                            level.label(),
                            fmt_score(min),
                            fmt_score(max),
                            if hi_inclusive { "]" } else { ")" }
                        )
                    });
                    out.band = Some(ScoreBand {
                        min,
                        max,
                        max_inclusive: hi_inclusive,
                        step: None,
                    });
                }
                None => {
                    out.say(|| "尚未选择定性等级（达成 / 部分达成 / 未达成）".into());
                }
            },
            ScoringRule::ExecutionRate => {
                let source = crate::core::metric::execution_rate_source(evaluation);
                match source.resolve(evaluation) {
                    Ok(rate) => {
                        let capped = rate.value.min(hundred());
                        let score = round(share(points, capped));
                        out.say(|| {
                            format!(
                                "{}（{}），{} × {}% = {} 分",
                                rate.describe(),
                                rate.basis,
                                fmt_score(points),
                                fmt_score(capped),
                                fmt_score(score)
                            )
                        });
                        out.computed = Some(score);
                    }
                    Err(missing) => {
                        out.say(|| missing.clone());
                        out = out.problem("rule.metric_missing", ProblemLevel::Info, missing);
                    }
                }
            }
        }
        out
    }
}

fn proportional(leaf: &Indicator, reverse: ReverseFormula, rounding: &Rounding) -> RuleOutcome {
    let points = leaf.points;
    let mut out = RuleOutcome::default();
    let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
        out.explanation = "请填写年度指标值和实际完成值".into();
        out.problems.push(RuleProblem {
            code: "rule.input_missing",
            level: ProblemLevel::Info,
            message: "未填写年度指标值或实际完成值，无法按比例计分".into(),
        });
        return out;
    };
    if target < Decimal::ZERO || actual < Decimal::ZERO {
        out.explanation = "指标值不能为负".into();
        out.problems.push(RuleProblem {
            code: "rule.negative",
            level: ProblemLevel::Error,
            message: "年度指标值和实际完成值不能为负".into(),
        });
        return out;
    }
    let (direction, _) = crate::core::direction::resolve(leaf);
    let (raw, how) = proportion(direction, reverse, points, target, actual);
    let score = clamp(rounding.apply(raw), points);
    out.explanation = format!("{how} = {} 分", fmt_score(score));
    out.computed = Some(score);
    out
}

/// The 比例计分 formula for a resolved direction (never `Auto`, which reads as 正向): the exact score
/// (unrounded, in [0, P]) and the formula with its figures. Shared with the score audit.
///
/// * 正向: P × min(A / T, 1); T = 0 → P.
/// * 反向: P when A ≤ T; else `Linear` P × max(0, 1 − (A − T) / T) or `Ratio` P × T / A; T = 0 and A > 0 → 0.
/// * 等于目标: P when A = T; else P × max(0, 1 − |A − T| / T) (closeness); T = 0 and A ≠ 0 → 0.
pub fn proportion(
    direction: Direction,
    reverse: ReverseFormula,
    points: Decimal,
    target: Decimal,
    actual: Decimal,
) -> (Decimal, String) {
    let (p, a, t) = (fmt_score(points), fmt_score(actual), fmt_score(target));
    let (raw, how) = match direction {
        Direction::Positive | Direction::Auto if target.is_zero() => {
            (points, "正向：目标为 0，实际 ≥ 0 即达成".to_string())
        }
        Direction::Positive | Direction::Auto => {
            let ratio = sdiv(actual, target).min(Decimal::ONE);
            (
                smul(points, ratio),
                format!("正向：{p} × min({a} / {t}, 1)"),
            )
        }
        Direction::Reverse if actual <= target => {
            (points, format!("反向：实际 {a} ≤ 目标 {t}，得满分"))
        }
        Direction::Reverse if target.is_zero() => {
            (Decimal::ZERO, format!("反向：目标为 0，实际 {a}，不得分"))
        }
        Direction::Reverse => match reverse {
            ReverseFormula::Linear => {
                let ratio = (Decimal::ONE - sdiv(actual - target, target).min(Decimal::ONE))
                    .max(Decimal::ZERO);
                (
                    smul(points, ratio),
                    format!("反向：{p} × max(0, 1 − ({a} − {t}) / {t})"),
                )
            }
            ReverseFormula::Ratio => (
                smul(points, sdiv(target, actual)),
                format!("反向：{p} × {t} / {a}"),
            ),
        },
        Direction::Equal if actual == target => {
            (points, format!("等于目标：实际 {a} = 目标 {t}，得满分"))
        }
        Direction::Equal if target.is_zero() => (
            Decimal::ZERO,
            format!("等于目标：目标为 0，实际 {a}，不得分"),
        ),
        Direction::Equal => {
            let gap = (actual - target).abs();
            let ratio = (Decimal::ONE - sdiv(gap, target).min(Decimal::ONE)).max(Decimal::ZERO);
            (
                smul(points, ratio),
                format!("等于目标：{p} × max(0, 1 − |{a} − {t}| / {t})"),
            )
        }
    };
    (clamp(raw, points), how)
}
