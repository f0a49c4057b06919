//! 定性分档: the band of 分值 the judged level allows.

use super::{share, Context, RuleOutcome, ScoreBand};
use crate::core::number::fmt_score;
use crate::core::rule::QualitativeLevel;
use rust_decimal::Decimal;

pub(super) fn score(
    level: &Option<QualitativeLevel>,
    cx: &Context,
    mut out: RuleOutcome,
) -> RuleOutcome {
    let points = cx.leaf.points;
    match level {
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
    }
    out
}
