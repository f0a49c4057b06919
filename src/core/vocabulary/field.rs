//! Fields (字段): a field of a record `R` holding a `T` — its key in paths, its label, a typed getter and
//! setter — once for the domain. The forms edit through them, the checks and the report read their
//! labels, and a typo in a field does not compile: no field is picked by a string.
//!
//! A field of the evaluation itself has its whole path as key (`unit/name`); a field of a record within
//! it (an indicator, a 资金 line, a 加分 item, a business metric) has its last segment (`score`), the
//! form prefixing the record's own path. The unit's amounts (万元) are fields too, with two more labels:
//! [`crate::core::amounts`].
//!
//! ```
//! use jixiao::core::field::{self, Field};
//! let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
//! (field::UNIT_NAME.set)(&mut e, "某单位".into());
//! assert_eq!((field::UNIT_NAME.get)(&e), "某单位");
//! assert_eq!(field::UNIT_NAME.key, "unit/name");
//! assert_eq!(field::SCORE.label, "自评分");
//! ```

use crate::core::model::{BonusItem, BusinessMetric, Evaluation, FundLine, Indicator, PenaltyItem};
use rust_decimal::Decimal;

/// A field of a record `R` holding a `T` (字段).
pub struct Field<R: 'static, T: 'static> {
    /// Its name in paths: the whole path for the evaluation's own fields, the last segment for a
    /// record's.
    pub key: &'static str,
    /// Its Chinese label.
    pub label: &'static str,
    /// Reads it.
    pub get: fn(&R) -> T,
    /// Writes it.
    pub set: fn(&mut R, T),
}

impl<R, T> Clone for Field<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, T> Copy for Field<R, T> {}

/// A whole number typed in a form as a head count (blank or out of range reads as unknown).
fn to_u32(v: Option<i64>) -> Option<u32> {
    v.and_then(|n| u32::try_from(n).ok())
}

macro_rules! field {
    ($record:ty, $t:ty: $($name:ident => $field:ident, $doc:literal;)+) => {
        $(
            #[doc = $doc]
            pub const $name: Field<$record, $t> = Field {
                key: stringify!($field),
                label: $doc,
                get: |r| r.$field.clone(),
                set: |r, v| r.$field = v,
            };
        )+
    };
}

field!(Indicator, String:
    NAME => name, "指标名称";
    REASON => reason, "扣分原因";
    DESCRIPTION => description, "指标说明";
    CRITERIA => criteria, "评价要点";
    OVERRIDE_REASON => override_reason, "调整理由（自评分与规则计算不同时）";
    EVIDENCE => evidence, "佐证材料";
    UNIT => unit, "计量单位";
    TARGET_TEXT => target_text, "年度指标值（文字）";
    ACTUAL_TEXT => actual_text, "实际完成值（文字）";
);

field!(Indicator, Option<Decimal>:
    SCORE => score, "自评分";
    TARGET => target, "年度指标值";
    ACTUAL => actual, "实际完成值";
);

/// 分值 (blank reads as 0).
pub const POINTS: Field<Indicator, Option<Decimal>> = Field {
    key: "points",
    label: "分值",
    get: |n| Some(n.points),
    set: |n, v| n.points = v.unwrap_or_default(),
};

field!(FundLine, Option<Decimal>:
    FUND_INITIAL => initial, "年初预算数";
    FUND_ADJUSTED => adjusted, "全年预算数";
    FUND_EXECUTED => executed, "全年执行数";
);

field!(BonusItem, String:
    BONUS_WORK => work, "工作事项";
    BONUS_EVIDENCE => evidence, "佐证";
);

field!(PenaltyItem, String:
    PENALTY_DESCRIPTION => description, "减分事项";
    PENALTY_REASON => reason, "扣分原因";
);

field!(BusinessMetric, String:
    METRIC_NAME => name, "名称";
    METRIC_UNIT => unit, "单位";
    METRIC_KEY => key, "引用键（规则与占位符用）";
);

field!(BusinessMetric, Option<Decimal>:
    METRIC_VALUE => value, "本年值";
    METRIC_PRIOR => prior, "上年值";
    METRIC_STATED_GROWTH => stated_growth, "所列同比增长";
);

// The evaluation's own fields, as the forms show them.

/// 单位名称.
pub const UNIT_NAME: Field<Evaluation, String> = Field {
    key: "unit/name",
    label: "单位名称",
    get: |e| e.unit.name.clone(),
    set: |e, v| e.unit.name = v,
};

/// 主管部门.
pub const UNIT_PARENT_DEPARTMENT: Field<Evaluation, String> = Field {
    key: "unit/parent_department",
    label: "主管部门",
    get: |e| e.unit.parent_department.clone(),
    set: |e, v| e.unit.parent_department = v,
};

/// 评价年度.
pub const UNIT_YEAR: Field<Evaluation, Option<i64>> = Field {
    key: "unit/year",
    label: "评价年度",
    get: |e| Some(i64::from(e.unit.year)),
    set: |e, v| {
        if let Some(y) = v.and_then(|n| i32::try_from(n).ok()) {
            e.unit.year = y
        }
    },
};

/// 成立年份.
pub const UNIT_FOUNDED: Field<Evaluation, Option<i64>> = Field {
    key: "unit/founded",
    label: "成立年份",
    get: |e| e.unit.founded.map(i64::from),
    set: |e, v| e.unit.founded = v.and_then(|n| i32::try_from(n).ok()),
};

/// 单位性质.
pub const UNIT_NATURE: Field<Evaluation, String> = Field {
    key: "unit/nature",
    label: "单位性质",
    get: |e| e.unit.nature.clone(),
    set: |e, v| e.unit.nature = v,
};

/// 内设科室（用顿号分隔）.
pub const UNIT_SECTIONS: Field<Evaluation, String> = Field {
    key: "unit/sections",
    label: "内设科室（用顿号分隔）",
    get: |e| e.unit.sections.join("、"),
    set: |e, v| {
        e.unit.sections = v
            .split(['、', ',', '，'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    },
};

/// 主要职能.
pub const UNIT_DUTIES: Field<Evaluation, String> = Field {
    key: "unit/duties",
    label: "主要职能",
    get: |e| e.unit.duties.clone(),
    set: |e, v| e.unit.duties = v,
};

/// 核定编制.
pub const UNIT_STAFFING_AUTHORIZED: Field<Evaluation, Option<i64>> = Field {
    key: "unit/staffing/authorized",
    label: "核定编制",
    get: |e| e.unit.staffing.authorized.map(i64::from),
    set: |e, v| e.unit.staffing.authorized = to_u32(v),
};

/// 实际在编.
pub const UNIT_STAFFING_ON_STAFF: Field<Evaluation, Option<i64>> = Field {
    key: "unit/staffing/on_staff",
    label: "实际在编",
    get: |e| e.unit.staffing.on_staff.map(i64::from),
    set: |e, v| e.unit.staffing.on_staff = to_u32(v),
};

/// 编外聘用.
pub const UNIT_STAFFING_CONTRACT: Field<Evaluation, Option<i64>> = Field {
    key: "unit/staffing/contract",
    label: "编外聘用",
    get: |e| e.unit.staffing.contract.map(i64::from),
    set: |e, v| e.unit.staffing.contract = to_u32(v),
};

/// 中长期目标.
pub const GOALS_LONG_TERM: Field<Evaluation, String> = Field {
    key: "goals/long_term",
    label: "中长期目标",
    get: |e| e.goals.long_term.clone(),
    set: |e, v| e.goals.long_term = v,
};

/// 年度目标（预期）.
pub const GOALS_ANNUAL: Field<Evaluation, String> = Field {
    key: "goals/annual",
    label: "年度目标（预期）",
    get: |e| e.goals.annual.clone(),
    set: |e, v| e.goals.annual = v,
};

/// 年度总体目标实际完成情况.
pub const GOALS_ANNUAL_ACTUAL: Field<Evaluation, String> = Field {
    key: "goals/annual_actual",
    label: "年度总体目标实际完成情况",
    get: |e| e.goals.annual_actual.clone(),
    set: |e, v| e.goals.annual_actual = v,
};

/// 报告所列总分.
pub const STATED_TOTAL: Field<Evaluation, Option<Decimal>> = Field {
    key: "stated/total",
    label: "报告所列总分",
    get: |e| e.stated.total,
    set: |e, v| e.stated.total = v,
};

/// 报告所列等级.
pub const STATED_GRADE: Field<Evaluation, String> = Field {
    key: "stated/grade",
    label: "报告所列等级",
    get: |e| e.stated.grade.clone().unwrap_or_default(),
    set: |e, v| e.stated.grade = if v.trim().is_empty() { None } else { Some(v) },
};

/// 总分值.
pub const SETTINGS_TOTAL_POINTS: Field<Evaluation, Option<Decimal>> = Field {
    key: "settings/total_points",
    label: "总分值",
    get: |e| Some(e.settings.total_points),
    set: |e, v| {
        if let Some(v) = v {
            e.settings.total_points = v
        }
    },
};

/// 单位负责人.
pub const FILING_HEAD: Field<Evaluation, String> = Field {
    key: "filing/head",
    label: "单位负责人",
    get: |e| e.filing.head.clone(),
    set: |e, v| e.filing.head = v,
};

/// 财务负责人.
pub const FILING_FINANCE_HEAD: Field<Evaluation, String> = Field {
    key: "filing/finance_head",
    label: "财务负责人",
    get: |e| e.filing.finance_head.clone(),
    set: |e, v| e.filing.finance_head = v,
};

/// 填报人.
pub const FILING_PREPARER: Field<Evaluation, String> = Field {
    key: "filing/preparer",
    label: "填报人",
    get: |e| e.filing.preparer.clone(),
    set: |e, v| e.filing.preparer = v,
};

/// 联系电话.
pub const FILING_PHONE: Field<Evaluation, String> = Field {
    key: "filing/phone",
    label: "联系电话",
    get: |e| e.filing.phone.clone(),
    set: |e, v| e.filing.phone = v,
};

/// 填报日期 / 报告日期.
pub const FILING_DATE: Field<Evaluation, String> = Field {
    key: "filing/date",
    label: "填报日期 / 报告日期",
    get: |e| e.filing.date.clone(),
    set: |e, v| e.filing.date = v,
};

/// 评价方式（封面，默认“单位自评”）.
pub const FILING_METHOD: Field<Evaluation, String> = Field {
    key: "filing/method",
    label: "评价方式（封面，默认“单位自评”）",
    get: |e| e.filing.method.clone(),
    set: |e, v| e.filing.method = v,
};

/// 报告加封面.
pub const FILING_COVER: Field<Evaluation, bool> = Field {
    key: "filing/cover",
    label: "报告加封面",
    get: |e| e.filing.cover,
    set: |e, v| e.filing.cover = v,
};

/// 报告末尾加签章栏（单位盖章、负责人签字）.
pub const FILING_SIGNATURE: Field<Evaluation, bool> = Field {
    key: "filing/signature",
    label: "报告末尾加签章栏（单位盖章、负责人签字）",
    get: |e| e.filing.signature,
    set: |e, v| e.filing.signature = v,
};

/// 执行率低于此值为偏低.
pub const SETTINGS_AUDIT_LOW_EXECUTION_RATE: Field<Evaluation, Option<Decimal>> = Field {
    key: "settings/audit/low_execution_rate",
    label: "执行率低于此值为偏低",
    get: |e| Some(e.settings.audit.low_execution_rate),
    set: |e, v| {
        if let Some(v) = v {
            e.settings.audit.low_execution_rate = v
        }
    },
};

/// 指标得分达分值的此比例视为“两张皮”.
pub const SETTINGS_AUDIT_HIGH_SCORE_SHARE: Field<Evaluation, Option<Decimal>> = Field {
    key: "settings/audit/high_score_share",
    label: "指标得分达分值的此比例视为“两张皮”",
    get: |e| Some(e.settings.audit.high_score_share),
    set: |e, v| {
        if let Some(v) = v {
            e.settings.audit.high_score_share = v
        }
    },
};

/// 评价结论.
pub const NARRATIVE_CONCLUSION: Field<Evaluation, String> = Field {
    key: "narrative/conclusion",
    label: "评价结论",
    get: |e| e.narrative.conclusion.clone(),
    set: |e, v| e.narrative.conclusion = v,
};

/// 部门履职成效.
pub const NARRATIVE_ACHIEVEMENTS: Field<Evaluation, String> = Field {
    key: "narrative/achievements",
    label: "部门履职成效",
    get: |e| e.narrative.achievements.clone(),
    set: |e, v| e.narrative.achievements = v,
};

/// 上年存在问题.
pub const NARRATIVE_PRIOR_PROBLEMS: Field<Evaluation, String> = Field {
    key: "narrative/prior_problems",
    label: "上年存在问题",
    get: |e| e.narrative.prior_problems.clone(),
    set: |e, v| e.narrative.prior_problems = v,
};

/// 上年有关建议.
pub const NARRATIVE_PRIOR_SUGGESTIONS: Field<Evaluation, String> = Field {
    key: "narrative/prior_suggestions",
    label: "上年有关建议",
    get: |e| e.narrative.prior_suggestions.clone(),
    set: |e, v| e.narrative.prior_suggestions = v,
};

/// 整改落实情况.
pub const NARRATIVE_RECTIFICATION: Field<Evaluation, String> = Field {
    key: "narrative/rectification",
    label: "整改落实情况",
    get: |e| e.narrative.rectification.clone(),
    set: |e, v| e.narrative.rectification = v,
};

/// 存在问题及原因分析.
pub const NARRATIVE_PROBLEMS: Field<Evaluation, String> = Field {
    key: "narrative/problems",
    label: "存在问题及原因分析",
    get: |e| e.narrative.problems.clone(),
    set: |e, v| e.narrative.problems = v,
};

/// 有关建议.
pub const NARRATIVE_SUGGESTIONS: Field<Evaluation, String> = Field {
    key: "narrative/suggestions",
    label: "有关建议",
    get: |e| e.narrative.suggestions.clone(),
    set: |e, v| e.narrative.suggestions = v,
};

/// 评价工作开展情况.
pub const NARRATIVE_PROCESS: Field<Evaluation, String> = Field {
    key: "narrative/process",
    label: "评价工作开展情况",
    get: |e| e.narrative.process.clone(),
    set: |e, v| e.narrative.process = v,
};

/// 报告所列预算执行率.
pub const ACCOUNTS_STATED_EXECUTION_RATE: Field<Evaluation, Option<Decimal>> = Field {
    key: "accounts/stated_execution_rate",
    label: "报告所列预算执行率",
    get: |e| e.accounts.stated_execution_rate,
    set: |e, v| e.accounts.stated_execution_rate = v,
};
