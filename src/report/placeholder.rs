//! Filling the placeholders of the user's report text (`{总分}`, `{预算执行率}` …) from the data; the names
//! are [`crate::core::placeholder::KNOWN`].
//!
//! ```
//! use jixiao::core::{assess, template};
//! use jixiao::report::placeholder;
//! let e = template::load("nanjing-2024").unwrap();
//! let a = assess(&e);
//! let (text, unknown) = placeholder::fill("得分为{总分}分，等级“{等级}”，{未知}", &e, &a);
//! assert_eq!(text, "得分为99.5分，等级“优”，{未知}");
//! assert_eq!(unknown, vec!["未知".to_string()]);
//! ```

use crate::core::assess::Assessment;
use crate::core::model::Evaluation;
use crate::core::number::{fmt2, fmt_score};
use crate::core::placeholder::{segments, Segment};

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
    for segment in segments(text) {
        match segment {
            Segment::Text(words) => out.push_str(words),
            Segment::Placeholder(name) => match value(name.trim(), evaluation, assessment) {
                Some(v) => out.push_str(&v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                    unknown.push(name.to_string());
                }
            },
        }
    }
    (out, unknown)
}
