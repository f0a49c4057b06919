//! The labels a report's text states amounts under (收入合计, 基本支出, 年末结转和结余 …), most specific
//! first, with the amount each fills, and when a bare label stands alone or a sentence speaks of the
//! year's budget.

use crate::core::amounts::{self, Amount};

/// Labels of amounts, most specific first; `generic` ones (a bare 收入 / 支出) need a boundary before
/// them and a colon, 为 or a figure after.
pub(super) struct Label {
    pub(super) words: &'static [&'static str],
    pub(super) amount: Amount,
    /// In a sentence about the year's budget (年初预算), the budget's line instead.
    pub(super) budget: Option<Amount>,
    pub(super) generic: bool,
}

pub(super) const LABELS: &[Label] = &[
    Label {
        words: &["收入预算", "预算收入"],
        amount: amounts::INITIAL_INCOME,
        budget: None,
        generic: false,
    },
    // Not 预算支出: 一般公共预算支出 is what was spent.
    Label {
        words: &["支出预算", "预算总金额", "预算总额"],
        amount: amounts::INITIAL_EXPENSE,
        budget: None,
        generic: false,
    },
    Label {
        words: &["调整后预算", "全年预算数", "调整预算为", "调整预算"],
        amount: amounts::ADJUSTED_BUDGET,
        budget: None,
        generic: false,
    },
    Label {
        words: &["财政拨款收入"],
        amount: amounts::INCOME_FISCAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["其他收入"],
        amount: amounts::INCOME_OTHER,
        budget: None,
        generic: false,
    },
    Label {
        words: &["年初结转和结余", "年初结转结余", "上年结转"],
        amount: amounts::CARRYOVER_START,
        budget: None,
        generic: false,
    },
    Label {
        words: &[
            "年末结转和结余",
            "年末结转结余",
            "结转和结余",
            "结转结余",
            "结余结转",
        ],
        amount: amounts::CARRYOVER_END,
        budget: None,
        generic: false,
    },
    Label {
        words: &["基本支出"],
        amount: amounts::EXPENSE_BASIC,
        budget: Some(amounts::INITIAL_EXPENSE_BASIC),
        generic: false,
    },
    Label {
        words: &["项目支出"],
        amount: amounts::EXPENSE_PROJECT,
        budget: Some(amounts::INITIAL_EXPENSE_PROJECT),
        generic: false,
    },
    Label {
        words: &["收入合计", "收入总计", "总收入", "收入总额"],
        amount: amounts::INCOME_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["支出合计", "支出总计", "总支出", "支出总额", "全年执行数"],
        amount: amounts::EXPENSE_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["收入"],
        amount: amounts::INCOME_TOTAL,
        budget: Some(amounts::INITIAL_INCOME),
        generic: true,
    },
    Label {
        words: &["支出"],
        amount: amounts::EXPENSE_TOTAL,
        budget: Some(amounts::INITIAL_EXPENSE),
        generic: true,
    },
    Label {
        words: &["总资产", "资产总额", "资产合计", "资产总计"],
        amount: amounts::ASSETS_TOTAL,
        budget: None,
        generic: false,
    },
    Label {
        words: &["流动资产"],
        amount: amounts::ASSETS_CURRENT,
        budget: None,
        generic: false,
    },
    Label {
        words: &["固定资产"],
        amount: amounts::ASSETS_FIXED,
        budget: None,
        generic: false,
    },
    Label {
        words: &["无形资产"],
        amount: amounts::ASSETS_INTANGIBLE,
        budget: None,
        generic: false,
    },
];

/// Whether a generic label (bare 收入 / 支出) at `at` stands alone: after a boundary (start, a mark, a
/// digit, 年 / 度 / 决算 / 本年 / 单位 / 部门), and followed by a colon, 为, 共, or a figure.
pub(super) fn stands_alone(chars: &[char], at: usize, len: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    let boundary = before.is_none_or(|c| {
        matches!(
            c,
            ',' | '。' | ';' | ':' | '、' | '(' | ')' | '年' | '度' | '算' | '位' | '门' | '.'
        ) || c.is_ascii_digit()
    });
    let after = chars.get(at + len).copied();
    boundary
        && after.is_some_and(|c| matches!(c, ':' | '为' | '共' | '达' | '合') || c.is_ascii_digit())
}

/// Whether a sentence speaks of the year's budget (年初预算), so its 基本支出 / 项目支出 are budget lines.
pub(super) fn about_budget(sentence: &str) -> bool {
    (sentence.contains("预算") && !sentence.contains("执行"))
        && !sentence.contains("决算")
        && [
            "年初",
            "预算情况",
            "收入预算",
            "支出预算",
            "预算总金额",
            "预算总额",
        ]
        .iter()
        .any(|w| sentence.contains(w))
}
