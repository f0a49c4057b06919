//! 预算执行率得分: 分值 × min(执行率, 100 %), from the rate that applies to the evaluation.

use super::{hundred, share, Context, ProblemLevel, RuleOutcome};
use crate::core::code::Code;
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

pub(super) fn score(cx: &Context, mut out: RuleOutcome) -> RuleOutcome {
    let points = cx.leaf.points;
    let round = |v: Decimal| cx.round(v);
    let evaluation = cx.evaluation;
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
            out = out.problem(Code::RuleMetricMissing, ProblemLevel::Info, missing);
        }
    }
    out
}
