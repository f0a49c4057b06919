//! Scoring (计分): what a [`ScoringRule`] says about one leaf — the computed score (or `None` where the
//! score is a judgement), a Chinese explanation of every point, the band a judged score must fall in,
//! and problems with the rule itself (a ladder with a gap, a missing metric). Computed scores pass
//! through the evaluation's [`Rounding`] and always lie in [0, 分值]. One file per rule kind; the rule
//! types are [`crate::core::rule`].
//!
//! ```
//! use jixiao::core::template;
//! let e = template::load("nanjing-2024").unwrap();
//! let leaf = e.indicator("1.4.1").unwrap();
//! let outcome = leaf.rule.evaluate(leaf, &e, &e.settings.rounding);
//! assert_eq!(outcome.computed.unwrap().to_string(), "2");
//! ```

mod binary;
mod deduction;
mod execution;
mod manual;
mod proportional;
mod qualitative;
mod tiered;

pub use proportional::proportion;

use crate::core::code::Code;
use crate::core::model::{Evaluation, Indicator};
use crate::core::number::Rounding;
use crate::core::rule::ScoringRule;
use rust_decimal::Decimal;

/// The leaf being scored, with the data its rule reads.
struct Context<'a> {
    leaf: &'a Indicator,
    evaluation: &'a Evaluation,
    rounding: &'a Rounding,
}

impl Context<'_> {
    /// A computed score, rounded by the evaluation's policy and clamped to [0, 分值].
    fn round(&self, value: Decimal) -> Decimal {
        clamp(self.rounding.apply(value), self.leaf.points)
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
    pub code: Code,
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

    fn problem(mut self, code: Code, level: ProblemLevel, message: String) -> Self {
        self.problems.push(RuleProblem {
            code,
            level,
            message,
        });
        self
    }
}

pub(super) fn clamp(value: Decimal, points: Decimal) -> Decimal {
    value.max(Decimal::ZERO).min(points.max(Decimal::ZERO))
}

pub(super) fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

// Saturating arithmetic for non-negative inputs: Decimal's operators panic on overflow, and a typed
// 1e28 must give a clamped score, never a crash.
pub(super) fn smul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

pub(super) fn sdiv(a: Decimal, b: Decimal) -> Decimal {
    a.checked_div(b).unwrap_or(Decimal::MAX)
}

/// `pct` % of `points`.
pub(super) fn share(points: Decimal, pct: Decimal) -> Decimal {
    sdiv(smul(points, pct), hundred())
}

impl ScoringRule {
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
        let cx = Context {
            leaf,
            evaluation,
            rounding,
        };
        let out = RuleOutcome {
            quiet,
            ..RuleOutcome::default()
        };
        match self {
            ScoringRule::Manual { step } => manual::score(step, &cx, out),
            ScoringRule::Binary {
                met,
                when,
                otherwise,
            } => binary::score(met, when, otherwise, &cx, out),
            ScoringRule::Tiered { metric, tiers } => tiered::score(self, metric, tiers, &cx, out),
            ScoringRule::Proportional { reverse } => proportional::score(*reverse, &cx),
            ScoringRule::Deduction {
                per,
                count,
                allowance,
            } => deduction::score(per, count, allowance, &cx, out),
            ScoringRule::Qualitative { level } => qualitative::score(level, &cx, out),
            ScoringRule::ExecutionRate => execution::score(&cx, out),
        }
    }
}
