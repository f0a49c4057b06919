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
    BASIS => basis, "指标值设定依据";
);

/// 指标值 typed as a target table prints it ("≥300人次", "≤800元", "按期完成"): kept as typed (so the
/// input never rewrites what is being typed), and read into operator, figure and unit when it is one.
///
/// ```
/// use jixiao::core::field::TARGET_VALUE;
/// let mut leaf = jixiao::core::Indicator::default();
/// (TARGET_VALUE.set)(&mut leaf, "≥300人次".into());
/// assert_eq!(leaf.target, Some(300.into()));
/// assert_eq!((leaf.target_op.unwrap().symbol(), leaf.unit.as_str()), ("≥", "人次"));
/// (TARGET_VALUE.set)(&mut leaf, "按期完成".into());
/// assert_eq!((leaf.target, (TARGET_VALUE.get)(&leaf).as_str()), (None, "按期完成"));
/// ```
pub const TARGET_VALUE: Field<Indicator, String> = Field {
    key: "target",
    label: "指标值",
    get: crate::core::model::target_value,
    set: |n, v| {
        match crate::core::measure::Measure::parse(&v) {
            crate::core::measure::Measure::Figure { op, value, unit } => {
                n.target = Some(value);
                n.target_op = op;
                if !unit.is_empty() {
                    n.unit = unit;
                }
            }
            _ => {
                n.target = None;
                n.target_op = None;
            }
        }
        n.target_text = v;
    },
};

field!(Indicator, Option<Decimal>:
    SCORE => score, "自评分";
);

/// A field of an indicator's monitoring figures (运行监控), created on first write.
macro_rules! monitoring {
    ($($name:ident: $t:ty = $key:literal, $label:literal, $field:ident;)+) => {
        $(
            #[doc = $label]
            pub const $name: Field<Indicator, $t> = Field {
                key: $key,
                label: $label,
                get: |n| n.monitoring.as_ref().map(|m| m.$field.clone()).unwrap_or_default(),
                set: |n, v| n.monitoring.get_or_insert_with(Default::default).$field = v,
            };
        )+
    };
}

monitoring! {
    MONITOR_FORECAST: Option<Decimal> = "monitoring/forecast", "全年预计完成值", forecast;
    MONITOR_CAUSE: String = "monitoring/cause", "偏差原因", cause;
    MONITOR_MEASURE: String = "monitoring/measure", "纠偏措施", measure;
}

/// 1—N 月 完成值 as typed: a figure (700) or words (部分达成); kept as typed, read into the figure when it
/// is one.
pub const MONITOR_TO_DATE: Field<Indicator, String> = Field {
    key: "monitoring/to_date",
    label: "1—N月完成值",
    get: |n| match n.monitoring.as_ref() {
        Some(m) if !m.to_date_text.is_empty() => m.to_date_text.clone(),
        Some(m) => m
            .to_date
            .map(crate::core::number::fmt_score)
            .unwrap_or_default(),
        None => String::new(),
    },
    set: |n, v| {
        let m = n.monitoring.get_or_insert_with(Default::default);
        m.to_date = crate::core::measure::Measure::parse(&v).value();
        m.to_date_text = v;
    },
};

/// 实际完成值. Typing it ends a figure carried from the monitoring's 全年预计完成值
/// ([`crate::core::model::IndicatorMonitoring::carried`]).
pub const ACTUAL: Field<Indicator, Option<Decimal>> = Field {
    key: "actual",
    label: "实际完成值",
    get: |n| n.actual,
    set: |n, v| {
        n.actual = v;
        if let Some(m) = n.monitoring.as_mut() {
            m.carried = false;
        }
    },
};

/// 年度指标值 as a figure. A figure typed as text in the target stage ([`TARGET_VALUE`]: "≥300人次") is
/// dropped when the figure is changed here, so the form never prints the old text beside a new figure;
/// words ("按期完成") stay.
pub const TARGET: Field<Indicator, Option<Decimal>> = Field {
    key: "target",
    label: "年度指标值",
    get: |n| n.target,
    set: |n, v| {
        n.target = v;
        if crate::core::measure::Measure::parse(&n.target_text)
            .value()
            .is_some()
        {
            n.target_text.clear();
        }
    },
};

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

/// The evaluation's own fields that are a plain field of it: `NAME: Type = "path", "label", a.b;`.
macro_rules! own {
    ($($name:ident: $t:ty = $key:literal, $label:literal, $($field:ident).+;)+) => {
        $(
            #[doc = $label]
            pub const $name: Field<Evaluation, $t> = Field {
                key: $key,
                label: $label,
                get: |e| e.$($field).+.clone(),
                set: |e, v| e.$($field).+ = v,
            };
        )+
    };
}

// The evaluation's own fields, as the forms show them.

own! {
    UNIT_NAME: String = "unit/name", "单位名称", unit.name;
    UNIT_PARENT_DEPARTMENT: String = "unit/parent_department", "主管部门", unit.parent_department;
    UNIT_NATURE: String = "unit/nature", "单位性质", unit.nature;
    UNIT_DUTIES: String = "unit/duties", "主要职能", unit.duties;
    GOALS_LONG_TERM: String = "goals/long_term", "中长期目标", goals.long_term;
    GOALS_ANNUAL: String = "goals/annual", "年度目标（预期）", goals.annual;
    GOALS_ANNUAL_ACTUAL: String = "goals/annual_actual", "年度总体目标实际完成情况", goals.annual_actual;
    STATED_TOTAL: Option<Decimal> = "stated/total", "报告所列总分", stated.total;
    FILING_HEAD: String = "filing/head", "单位负责人", filing.head;
    FILING_FINANCE_HEAD: String = "filing/finance_head", "财务负责人", filing.finance_head;
    FILING_PREPARER: String = "filing/preparer", "填报人", filing.preparer;
    FILING_PHONE: String = "filing/phone", "联系电话", filing.phone;
    FILING_DATE: String = "filing/date", "填报日期 / 报告日期", filing.date;
    FILING_METHOD: String = "filing/method", "评价方式（封面，默认“单位自评”）", filing.method;
    FILING_COVER: bool = "filing/cover", "报告加封面", filing.cover;
    FILING_SIGNATURE: bool = "filing/signature", "报告末尾加签章栏（单位盖章、负责人签字）", filing.signature;
    NARRATIVE_CONCLUSION: String = "narrative/conclusion", "评价结论", narrative.conclusion;
    NARRATIVE_ACHIEVEMENTS: String = "narrative/achievements", "部门履职成效", narrative.achievements;
    NARRATIVE_PRIOR_PROBLEMS: String = "narrative/prior_problems", "上年存在问题", narrative.prior_problems;
    NARRATIVE_PRIOR_SUGGESTIONS: String = "narrative/prior_suggestions", "上年有关建议", narrative.prior_suggestions;
    NARRATIVE_RECTIFICATION: String = "narrative/rectification", "整改落实情况", narrative.rectification;
    NARRATIVE_PROBLEMS: String = "narrative/problems", "存在问题及原因分析", narrative.problems;
    NARRATIVE_SUGGESTIONS: String = "narrative/suggestions", "有关建议", narrative.suggestions;
    NARRATIVE_PROCESS: String = "narrative/process", "评价工作开展情况", narrative.process;
    ACCOUNTS_STATED_EXECUTION_RATE: Option<Decimal> = "accounts/stated_execution_rate", "报告所列预算执行率", accounts.stated_execution_rate;
}

// Fields read or written through a conversion.

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

/// 目标申报：定量指标占比低于此值时提示.
pub const SETTINGS_AUDIT_QUANTIFIED_SHARE: Field<Evaluation, Option<Decimal>> = Field {
    key: "settings/audit/quantified_share",
    label: "目标申报：定量指标占比低于此值时提示",
    get: |e| Some(e.settings.audit.quantified_share),
    set: |e, v| {
        if let Some(v) = v {
            e.settings.audit.quantified_share = v
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
