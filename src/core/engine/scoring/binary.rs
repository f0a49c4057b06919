//! 达标得分: a judged or computed condition; met → 分值, else `otherwise`.

use super::{clamp, Context, ProblemLevel, RuleOutcome};
use crate::core::code::Code;
use crate::core::number::fmt_score;
use crate::core::rule::Condition;
use rust_decimal::Decimal;

pub(super) fn score(
    met: &Option<bool>,
    when: &Option<Condition>,
    otherwise: &Decimal,
    cx: &Context,
    mut out: RuleOutcome,
) -> RuleOutcome {
    let points = cx.leaf.points;
    let evaluation = cx.evaluation;
    if *otherwise < Decimal::ZERO || *otherwise > points {
        out = out.problem(
            Code::RuleBadOtherwise,
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
                out = out.problem(Code::RuleMetricMissing, ProblemLevel::Info, missing);
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
    out
}
