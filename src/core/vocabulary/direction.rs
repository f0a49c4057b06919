//! Which way a target points (指标方向): chosen by the user, printed as an operator, or read from the
//! indicator's name. A reviewer reads `差错率 ≤ 1%` as 反向 and `培训人次 100` as 正向 without being
//! told; so does this module, and it says which word decided.
//!
//! ```
//! use jixiao::core::direction::{resolve, Basis};
//! use jixiao::core::{Direction, Indicator};
//! let leaf = Indicator { name: "项目差错率".into(), ..Default::default() };
//! assert_eq!(resolve(&leaf), (Direction::Reverse, Basis::Word("差错率")));
//! let leaf = Indicator { name: "成本节约率".into(), ..Default::default() };
//! assert_eq!(resolve(&leaf).0, Direction::Positive);
//! ```

use crate::core::model::{Direction, Indicator};
use crate::core::rule::Comparison;

/// What decided a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The user chose it (指标方向 set on the row).
    Chosen,
    /// The operator printed with the 年度指标值.
    Operator(Comparison),
    /// A word of the indicator's name.
    Word(&'static str),
    /// No operator and no telling word: 正向, the customary default.
    Default,
}

impl Basis {
    /// Chinese, e.g. "指标值的“≤”" or "名称中的“控制率”".
    pub fn describe(self) -> String {
        match self {
            Basis::Chosen => "人工选择".into(),
            Basis::Operator(op) => format!("指标值的“{}”", op.symbol()),
            Basis::Word(word) => format!("名称中的“{word}”"),
            Basis::Default => "名称中无反向用词，按正向".into(),
        }
    }
}

/// Rates that are a part of a whole (满意度, 覆盖率, 合格率, 及时率 …): unlike a growth or a completion rate,
/// they cannot pass 100 %.
const SHARES: &[&str] = &[
    "满意度",
    "满意率",
    "覆盖率",
    "合格率",
    "达标率",
    "知晓率",
    "参保率",
    "入学率",
    "普及率",
    "出勤率",
    "准确率",
    "正确率",
    "及格率",
    "到位率",
    "入住率",
    "参与率",
    "受益率",
    "通过率",
    "就业率",
    "治愈率",
    "及时率",
];

/// Whether a name measures a share of a whole, which cannot pass 100 % ([`SHARES`]).
pub fn is_share(name: &str) -> bool {
    SHARES.iter().any(|w| name.contains(w))
}

/// Words of a name that make it 正向 although a 反向 word is inside (成本节约率 is more-is-better).
const POSITIVE_WORDS: &[&str] = &[
    "节约率",
    "降低率",
    "下降率",
    "压减率",
    "减少率",
    "完成率",
    "达标率",
    "合格率",
    "满意度",
    "满意率",
    "覆盖率",
    "及时率",
    "知晓率",
    "利用率",
    "执行率",
    "到位率",
    "使用率",
    "办结率",
    "解决率",
];

/// Words of a name that make it 反向 (less is better).
const REVERSE_WORDS: &[&str] = &[
    "控制率",
    "调整率",
    "结余率",
    "结转率",
    "变动率",
    "差错率",
    "错误率",
    "投诉率",
    "发生率",
    "事故",
    "失误",
    "违规",
    "违纪",
    "超支",
    "超标",
    "逾期",
    "延误",
    "返工",
    "故障",
    "损失",
    "误差",
    "不良",
    "投诉",
    "成本",
    "费用",
    "时间",
    "时限",
    "用时",
    "耗时",
];

/// The direction of `leaf` and what decided it. Never `Auto`.
pub fn resolve(leaf: &Indicator) -> (Direction, Basis) {
    if leaf.direction != Direction::Auto {
        return (leaf.direction, Basis::Chosen);
    }
    match leaf.target_op {
        Some(op @ (Comparison::Ge | Comparison::Gt)) => {
            return (Direction::Positive, Basis::Operator(op))
        }
        Some(op @ (Comparison::Le | Comparison::Lt)) => {
            return (Direction::Reverse, Basis::Operator(op))
        }
        Some(op @ Comparison::Eq) => return (Direction::Equal, Basis::Operator(op)),
        None => {}
    }
    from_name(&leaf.name)
}

/// The direction a name alone suggests.
pub fn from_name(name: &str) -> (Direction, Basis) {
    if let Some(word) = POSITIVE_WORDS.iter().find(|w| name.contains(*w)) {
        return (Direction::Positive, Basis::Word(word));
    }
    if let Some(word) = REVERSE_WORDS.iter().find(|w| name.contains(*w)) {
        return (Direction::Reverse, Basis::Word(word));
    }
    // A cost item (宣传片制作费、编制费): spending within the target meets it.
    if name.trim_end().ends_with('费') {
        return (Direction::Reverse, Basis::Word("费"));
    }
    (Direction::Positive, Basis::Default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_decide_without_an_operator() {
        for (name, direction) in [
            ("省级宣传片制作费、申报文本编制费", Direction::Reverse),
            ("培训费执行率", Direction::Positive),
            ("人员控制率", Direction::Reverse),
            ("预算调整率", Direction::Reverse),
            ("结转结余率", Direction::Reverse),
            ("“三公”经费变动率", Direction::Reverse),
            ("差错率", Direction::Reverse),
            ("群众投诉率", Direction::Reverse),
            ("项目总成本", Direction::Reverse),
            ("培训费用", Direction::Reverse),
            ("办理时限", Direction::Reverse),
            ("安全事故发生次数", Direction::Reverse),
            ("培训人次", Direction::Positive),
            ("成本节约率", Direction::Positive),
            ("满意度", Direction::Positive),
            ("预算执行率", Direction::Positive),
        ] {
            assert_eq!(from_name(name).0, direction, "{name}");
        }
    }

    #[test]
    fn the_operator_beats_the_name_and_a_choice_beats_both() {
        let mut leaf = Indicator {
            name: "项目成本".into(),
            target_op: Some(Comparison::Ge),
            ..Default::default()
        };
        assert_eq!(
            resolve(&leaf),
            (Direction::Positive, Basis::Operator(Comparison::Ge))
        );
        leaf.direction = Direction::Equal;
        assert_eq!(resolve(&leaf), (Direction::Equal, Basis::Chosen));
    }
}
