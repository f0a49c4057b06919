//! 分档计分: the score of the ladder step that holds the metric; gaps and overlaps are problems.

use super::{Context, ProblemLevel, RuleOutcome};
use crate::core::code::Code;
use crate::core::metric::MetricSource;
use crate::core::number::fmt_score;
use crate::core::rule::{ScoringRule, Tier};
use rust_decimal::Decimal;

pub(super) fn score(
    rule: &ScoringRule,
    metric: &MetricSource,
    tiers: &[Tier],
    cx: &Context,
    mut out: RuleOutcome,
) -> RuleOutcome {
    let points = cx.leaf.points;
    let round = |v: Decimal| cx.round(v);
    let evaluation = cx.evaluation;
    for gap in rule.tier_problems() {
        out = out.problem(
            Code::RuleTierGap,
            ProblemLevel::Warning,
            format!("分档不完整：{gap}"),
        );
    }
    for tier in tiers {
        if tier.score < Decimal::ZERO || tier.score > points {
            out = out.problem(
                Code::RuleTierScore,
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
                    Code::RuleNoTier,
                    ProblemLevel::Error,
                    format!("{} 不属于任何档次，无法计分", value.describe()),
                );
            }
        },
        Err(missing) => {
            out.say(|| missing.clone());
            out = out.problem(Code::RuleMetricMissing, ProblemLevel::Info, missing);
        }
    }
    out
}
