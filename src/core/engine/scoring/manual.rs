//! 人工评判: the typed score, within [0, 分值] and on its step.

use super::{Context, ProblemLevel, RuleOutcome, ScoreBand};
use crate::core::code::Code;
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

pub(super) fn score(step: &Option<Decimal>, cx: &Context, mut out: RuleOutcome) -> RuleOutcome {
    let points = cx.leaf.points;
    out.say(|| "人工评判".into());
    if let Some(step) = step {
        out.say(|| format!("人工评判，按 {} 分步长", fmt_score(*step)));
        if *step <= Decimal::ZERO {
            out = out.problem(
                Code::RuleBadStep,
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
    out
}
