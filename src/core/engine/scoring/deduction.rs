//! 扣分制: 分值 − per × max(0, count − allowance), floored at 0.

use super::{Context, ProblemLevel, RuleOutcome};
use crate::core::code::Code;
use crate::core::number::fmt_score;
use rust_decimal::Decimal;

pub(super) fn score(
    per: &Decimal,
    count: &Option<Decimal>,
    allowance: &Decimal,
    cx: &Context,
    mut out: RuleOutcome,
) -> RuleOutcome {
    let points = cx.leaf.points;
    let round = |v: Decimal| cx.round(v);
    if *per < Decimal::ZERO || *allowance < Decimal::ZERO {
        return out.problem(
            Code::RuleNegative,
            ProblemLevel::Error,
            "每次扣分和免扣次数不能为负".into(),
        );
    }
    match count {
        Some(count) if *count < Decimal::ZERO => {
            out = out.problem(
                Code::RuleNegative,
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
                Code::RuleInputMissing,
                ProblemLevel::Info,
                "未填写发生次数".into(),
            );
        }
    }
    out
}
