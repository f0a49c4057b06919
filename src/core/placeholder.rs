//! Placeholders in the user's report text (占位符): `{总分}`, `{等级}`, `{预算执行率}` … are filled from the
//! data, so the text never drifts from the figures. An unknown placeholder is reported, never left blank.
//!
//! ```
//! use jixiao::core::{assess, placeholder, template};
//! let e = template::load("nanjing-2024").unwrap();
//! let a = assess(&e);
//! let (text, unknown) = placeholder::fill("得分为{总分}分，等级“{等级}”，{未知}", &e, &a);
//! assert_eq!(text, "得分为99.5分，等级“优”，{未知}");
//! assert_eq!(unknown, vec!["未知".to_string()]);
//! ```

use crate::core::assess::Assessment;
use crate::core::model::Evaluation;
use crate::core::number::{fmt2, fmt_score};

/// The placeholders understood, with what they stand for.
pub const KNOWN: &[(&str, &str)] = &[
    ("总分", "自评总分"),
    ("等级", "评价等级"),
    ("年度", "评价年度"),
    ("单位", "单位名称"),
    ("主管部门", "主管部门"),
    ("指标数量", "“共设置一级指标 N 个、二级指标 M 个…”"),
    ("预算执行率", "预算执行率（%）"),
    ("年初预算", "年初支出预算（万元）"),
    ("全年预算数", "全年预算数（万元）"),
    ("本年收入", "本年收入（万元）"),
    ("本年支出", "本年支出（万元）"),
    ("年初结转结余", "年初结转和结余（万元）"),
    ("年末结转结余", "年末结转和结余（万元）"),
    ("加分", "加分"),
    ("减分", "减分"),
];

fn money(value: Option<rust_decimal::Decimal>) -> String {
    value.map(fmt2).unwrap_or_else(|| "（未填写）".into())
}

/// The value of one placeholder, or `None` when the name is unknown.
pub fn value(name: &str, evaluation: &Evaluation, assessment: &Assessment) -> Option<String> {
    let a = &evaluation.accounts;
    Some(match name {
        "总分" => fmt_score(assessment.total),
        "等级" => assessment.grade.clone(),
        "年度" => evaluation.unit.year.to_string(),
        "单位" => evaluation.unit.name.clone(),
        "主管部门" => evaluation.unit.parent_department.clone(),
        "指标数量" => assessment.counts_sentence(),
        "预算执行率" => {
            let source = crate::core::metric::execution_rate_source(evaluation);
            source
                .resolve(evaluation)
                .map(|m| format!("{}%", fmt2(m.value)))
                .unwrap_or_else(|_| "（未填写）".into())
        }
        "年初预算" => money(a.initial_expense.or(a.initial_income)),
        "全年预算数" => money(a.adjusted_budget),
        "本年收入" => money(a.income_total),
        "本年支出" => money(a.expense_total),
        "年初结转结余" => money(a.carryover_start),
        "年末结转结余" => money(a.carryover_end),
        "加分" => fmt_score(assessment.bonus),
        "减分" => fmt_score(assessment.penalty),
        _ => return None,
    })
}

/// Fills every `{name}` in `text`; unknown names are left as written and returned.
pub fn fill(text: &str, evaluation: &Evaluation, assessment: &Assessment) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if close <= 24 && !after[..close].contains('{') => {
                let name = &after[..close];
                match value(name.trim(), evaluation, assessment) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                        unknown.push(name.to_string());
                    }
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, unknown)
}

/// The placeholders in `text` that are not known.
pub fn unknown_in(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if close <= 24 && !after[..close].contains('{') => {
                let name = after[..close].trim();
                if !KNOWN.iter().any(|(k, _)| *k == name) {
                    unknown.push(after[..close].to_string());
                }
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    unknown
}
