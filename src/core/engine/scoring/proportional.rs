//! 比例计分: the leaf's 实际完成值 against its 年度指标值, by direction; the formula is shared with the
//! score audit.

use super::{clamp, sdiv, smul, Context, ProblemLevel, RuleOutcome};
use crate::core::code::Code;
use crate::core::model::Direction;
use crate::core::number::fmt_score;
use crate::core::rule::ReverseFormula;
use rust_decimal::Decimal;

pub(super) fn score(reverse: ReverseFormula, cx: &Context) -> RuleOutcome {
    let (leaf, rounding) = (cx.leaf, cx.rounding);
    let points = leaf.points;
    let mut out = RuleOutcome::default();
    let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
        out.explanation = "请填写年度指标值和实际完成值".into();
        return out.problem(
            Code::RuleInputMissing,
            ProblemLevel::Info,
            "未填写年度指标值或实际完成值，无法按比例计分".into(),
        );
    };
    if target < Decimal::ZERO || actual < Decimal::ZERO {
        out.explanation = "指标值不能为负".into();
        return out.problem(
            Code::RuleNegative,
            ProblemLevel::Error,
            "年度指标值和实际完成值不能为负".into(),
        );
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
