//! The score audit (评分复核): what a finance-bureau reviewer recomputes by hand. For every scored row
//! with a 年度指标值 and a 实际完成值 it infers the standard the figures imply and the score they
//! support, and says where the printed score departs from it; it recomputes the 预算执行情况 block
//! (执行率 = 全年执行数 / 全年预算数, the execution score, the 年度资金总额 against its lines) and flags
//! 两张皮 (results outrunning spending).
//!
//! The inferred standard, for a leaf whose rule is 人工评判 (a declared rule is applied as declared):
//! * a 实际完成值 that is a level (达成 / 部分达成 / 未达成; 高, 好, 明显 … count as 达成) → the 定性 band
//!   of 分值 (80–100 %, 60–80 %, 0–60 %);
//! * figures → 比例计分 by direction ([`crate::core::direction::resolve`]: the printed operator, else a
//!   word of the name), with [`crate::core::scoring::proportion`]'s formulas (反向 exceeded: linear);
//! * different units (万元 vs 元, 次 vs 个) → a warning and no score claim.
//!
//! **Tolerance.** A printed score is read as exact to its last printed decimal and to at least one
//! decimal (scores are judged to 0.1): it may exceed the supported score by half a unit of that decimal
//! (9 or 9.0 → ±0.05, 9.25 → ±0.005) and no more when the evaluation truncates instead of rounding.
//! Beyond it: above → error (虚高), below → warning.
//!
//! ```
//! use jixiao::core::{audit, Indicator};
//! use jixiao::core::rule::Comparison;
//! let leaf = Indicator { name: "受益人数".into(), points: 8.into(), score: Some(8.into()),
//!     target: Some(50.into()), target_op: Some(Comparison::Ge), actual: Some(40.into()), ..Default::default() };
//! let audit = audit::audit_leaf(&leaf).unwrap().unwrap();
//! assert_eq!(audit.support, audit::Support::Score("6.4".parse().unwrap()));
//! ```

use crate::core::direction::{self, Basis};
use crate::core::measure::{normalise_unit, same_unit, Measure};
use crate::core::metric::execution_rate_source;
use crate::core::model::{Direction, Evaluation, Indicator};
use crate::core::number::fmt_score;
use crate::core::rule::{QualitativeLevel, ReverseFormula, ScoringRule};
use crate::core::scoring::proportion;
use rust_decimal::Decimal;

/// The standard a row's figures imply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// 比例计分 in a direction (never `Auto`).
    Proportional(Direction),
    /// 定性分档 at a level read from the 实际完成值.
    Level(QualitativeLevel),
}

/// The inferred standard with what decided it (推断的评分标准).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inference {
    /// The standard.
    pub standard: Standard,
    /// What decided the direction (for a level: the 实际完成值 itself).
    pub basis: Basis,
}

impl Inference {
    /// "由指标值推断：正向（指标值的“≥”），实际/目标".
    pub fn describe(&self) -> String {
        match self.standard {
            Standard::Proportional(direction) => {
                let formula = match direction {
                    Direction::Reverse => "实际 ≤ 目标得满分，超出按比例扣减",
                    Direction::Equal => "实际 = 目标得满分，偏离按比例扣减",
                    _ => "实际/目标",
                };
                format!(
                    "由指标值推断：{}（{}），{formula}",
                    direction.label(),
                    self.basis.describe()
                )
            }
            Standard::Level(level) => {
                let (lo, hi, _) = level.band_pct();
                format!(
                    "由实际完成值推断：定性“{}”，得分应为分值的 {lo}%–{hi}%",
                    level.label()
                )
            }
        }
    }
}

/// What the figures support.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Support {
    /// One score (exact, in [0, 分值]).
    Score(Decimal),
    /// A band of scores (定性).
    Band {
        /// Lowest supported.
        min: Decimal,
        /// Highest supported.
        max: Decimal,
        /// Whether `max` itself is supported.
        max_inclusive: bool,
    },
}

/// The audit of one row: the inferred standard, what it supports and the formula with its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audit {
    /// The standard.
    pub inference: Inference,
    /// What the figures support.
    pub support: Support,
    /// The formula with both figures, e.g. "正向：8 × min(40 / 50, 1) = 6.4".
    pub formula: String,
}

/// Target and actual in different units: no score is claimed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitsDiffer {
    /// The 年度指标值's unit.
    pub target: String,
    /// The 实际完成值's unit.
    pub actual: String,
}

/// The standard the audit infers for `leaf`, when its figures allow one.
pub fn infer(leaf: &Indicator) -> Option<Inference> {
    if leaf.actual.is_none() {
        if let Measure::Level(level) = Measure::parse(&leaf.actual_text) {
            return Some(Inference {
                standard: Standard::Level(level),
                basis: Basis::Default,
            });
        }
        return None;
    }
    leaf.target?;
    let (direction, basis) = direction::resolve(leaf);
    Some(Inference {
        standard: Standard::Proportional(direction),
        basis,
    })
}

/// The audit of `leaf`'s figures: `None` when it has none to audit, `Err` when their units differ.
pub fn audit_leaf(leaf: &Indicator) -> Option<Result<Audit, UnitsDiffer>> {
    let inference = infer(leaf)?;
    let points = leaf.points.max(Decimal::ZERO);
    Some(match inference.standard {
        Standard::Level(level) => {
            let (lo, hi, max_inclusive) = level.band_pct();
            let share = |pct: u32| {
                points
                    .checked_mul(Decimal::from(pct))
                    .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    .unwrap_or(points)
            };
            let (min, max) = (share(lo), share(hi));
            Ok(Audit {
                inference,
                support: Support::Band {
                    min,
                    max,
                    max_inclusive,
                },
                formula: format!(
                    "定性“{}”：{} × [{lo}%, {hi}%{} = [{}, {}{}",
                    level.label(),
                    fmt_score(points),
                    if max_inclusive { "]" } else { ")" },
                    fmt_score(min),
                    fmt_score(max),
                    if max_inclusive { "]" } else { ")" }
                ),
            })
        }
        Standard::Proportional(direction) => {
            let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
                return None;
            };
            let target_unit = normalise_unit(leaf.unit.trim());
            let actual_unit = normalise_unit(leaf.actual_unit.trim());
            // One unit spelled two ways (万 / 万元, 10GB / 10 GB) compares; different units do not.
            if !actual_unit.is_empty()
                && !target_unit.is_empty()
                && !same_unit(&actual_unit, &target_unit)
            {
                return Some(Err(UnitsDiffer {
                    target: target_unit,
                    actual: actual_unit,
                }));
            }
            if target < Decimal::ZERO || actual < Decimal::ZERO {
                return None;
            }
            let (score, how) =
                proportion(direction, ReverseFormula::Linear, points, target, actual);
            Ok(Audit {
                inference,
                support: Support::Score(score),
                formula: format!("{how} = {}", fmt_score(score.round_dp(2))),
            })
        }
    })
}

/// Whether the audit applies to a leaf's rule (a declared rule is applied as declared).
pub fn audits(rule: &ScoringRule) -> bool {
    matches!(rule, ScoringRule::Manual { .. })
}

/// The execution rate the evaluation scores with, in %, when it can be computed.
pub fn execution_rate(evaluation: &Evaluation) -> Option<Decimal> {
    execution_rate_source(evaluation)
        .resolve(evaluation)
        .ok()
        .map(|m| m.value)
}
