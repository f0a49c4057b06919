//! The checks a reviewer applies to a 绩效目标申报表 (目标审核): the tree of 产出 / 效益 / 满意度, each
//! 二级 in its 一级's list, each 三级 under the right 二级, and every 三级 with a real, gradable value.
//! They run in the target stage instead of the scoring checks (a target table has no scores yet).
//!
//! The 二级 lists are those of both vintages: 财预〔2015〕88号's (产出: 数量 质量 时效 成本; 效益: 经济
//! 社会 生态 可持续影响; 满意度: 服务对象满意度) and the layout with 成本 as its own 一级 (经济成本, 社会成本,
//! 生态环境成本). Names are compared without "指标" and spaces, so "数量指标" and "数量" are one.

use super::{Checker, FieldPath, Severity};
use crate::core::code::Code;
use crate::core::model::{Evaluation, Indicator};
use crate::core::path::IndicatorField;
use rust_decimal::Decimal;

/// The 一级 categories of a target tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    Output,
    Benefit,
    Satisfaction,
    Cost,
}

impl Category {
    fn of(name: &str) -> Option<Category> {
        let name = bare(name);
        if name.contains("满意") {
            Some(Category::Satisfaction)
        } else if name.contains("产出") {
            Some(Category::Output)
        } else if name.contains("效益") || name.contains("效果") {
            // 效果指标: some provinces' word for 效益 (东莞's 批复表).
            Some(Category::Benefit)
        } else if name.contains("成本") {
            Some(Category::Cost)
        } else {
            None
        }
    }

    /// The 二级 its list holds (bare names).
    fn level2(self) -> &'static [&'static str] {
        match self {
            // 预算控制: the 成本 slot as some forms name it ("预算(或投资规模)控制指标").
            Category::Output => &["数量", "质量", "时效", "成本", "预算控制"],
            Category::Benefit => &[
                "经济效益",
                "社会效益",
                "生态效益",
                "生态环境效益",
                "可持续影响",
            ],
            Category::Satisfaction => &["服务对象满意度", "满意度"],
            Category::Cost => &["经济成本", "社会成本", "生态环境成本", "生态成本"],
        }
    }

    fn label(self) -> &'static str {
        match self {
            Category::Output => "产出指标",
            Category::Benefit => "效益指标",
            Category::Satisfaction => "满意度指标",
            Category::Cost => "成本指标",
        }
    }
}

/// A name without spaces and without its "指标" (and a leading "指标1:" numbering is kept: it is text).
fn bare(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace("指标", "")
}

/// Words of a 三级 name that make it a quality measure (合格率 under 效益 is probably 质量).
const QUALITY_WORDS: [&str; 4] = ["合格率", "达标率", "验收通过率", "验收合格"];
/// Words of a 三级 name that measure spending, not results.
const FUNDS_WORDS: [&str; 5] = [
    "资金到位率",
    "预算执行率",
    "资金执行率",
    "支出金额",
    "资金支付率",
];

/// Units a template prints in its value cells, before a number is typed.
const BARE_UNITS: [&str; 30] = [
    "%",
    "％",
    "公里",
    "千米",
    "米",
    "万亩",
    "亩",
    "万人",
    "人",
    "人次",
    "个",
    "次",
    "座",
    "台",
    "套",
    "处",
    "户",
    "家",
    "项",
    "元",
    "万元",
    "平方米",
    "立方米",
    "吨",
    "天",
    "月",
    "年",
    "小时",
    "km",
    "m",
];

/// A value or name left as the template had it.
fn placeholder(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if matches!(
        t.as_str(),
        "*" | "/" | "无" | "—" | "-" | "--" | "……" | "..."
    ) {
        return true;
    }
    if t.contains("**") {
        return true;
    }
    // A blank form's prompt: "（请填写数量指标）".
    if ["（请填写", "(请填写", "请填写"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return true;
    }
    // An operator and a unit with no figure: "≧ %", "公里", "≥ 万人" (the template's unit kept, the number
    // never typed).
    let bare: String = t
        .chars()
        .filter(|c| !"≥≤≧≦><=＞＜＝".contains(*c))
        .collect();
    if !t.is_empty() && (bare.is_empty() || BARE_UNITS.contains(&bare.as_str())) {
        return true;
    }
    // "指标1", "指标2：": the template's numbering with nothing after it.
    let rest = t.trim_start_matches("指标");
    rest.len() < t.len()
        && !rest.is_empty()
        && rest
            .trim_end_matches([':', '：'])
            .chars()
            .all(|c| c.is_ascii_digit())
}

/// Runs the target checks on `evaluation`'s tree.
pub fn check_targets(evaluation: &Evaluation, checker: &mut Checker) {
    // A 部门 form's 年度主要任务 are checked even when its indicators were not read (a form cut short).
    super::target_tasks::check_tasks(evaluation, checker);
    let tree = &evaluation.indicators;
    if tree.is_empty() {
        return;
    }
    let present = |category: Category| tree.iter().any(|n| Category::of(&n.name) == Some(category));
    for category in [Category::Output, Category::Benefit] {
        if !present(category) {
            checker.push(
                Severity::Error,
                Code::TargetLevel1Missing,
                FieldPath::tree(),
                format!("绩效目标中没有{}", category.label()),
            );
        }
    }
    if !present(Category::Satisfaction) {
        checker.push(
            Severity::Warning,
            Code::TargetNoSatisfaction,
            FieldPath::tree(),
            "绩效目标中没有满意度指标；如项目确无服务对象，请在说明中写明",
        );
    }
    let leaves: Vec<&Indicator> = tree.iter().flat_map(leaves_of).collect();
    let operators_used = super::target_values::operators_used(&leaves);
    for top in tree {
        let category = Category::of(&top.name);
        if category == Some(Category::Benefit) {
            check_benefit(top, checker);
        }
        for second in &top.children {
            // Only a group is a 二级: a leaf right under a 一级 (a table that printed no 二级, or a
            // 二级 such as 成本指标 standing at the top because its 一级 label is missing) is a 三级.
            if let (Some(category), false) = (category, second.is_leaf()) {
                check_level2(category, second, checker);
            }
            for leaf in leaves_of(second) {
                check_leaf(category, second, leaf, operators_used, checker);
            }
        }
        if top.children.is_empty() {
            check_leaf(category, top, top, operators_used, checker);
        }
    }
    check_cost_total(evaluation, checker);
    check_dates(evaluation, checker);
    super::target_values::check_operators_habit(&leaves, checker);
    super::target_values::check_mid_term(&leaves, checker);
    check_quantified_share(&leaves, evaluation.settings.audit.quantified_share, checker);
    check_basis(&leaves, checker);
}

/// The 年度资金总额 a 申报表 prints (the stated total, else the sum of its lines), when positive.
pub(super) fn annual_budget(evaluation: &Evaluation) -> Option<Decimal> {
    let project = evaluation.project.as_ref()?;
    project
        .stated_total
        .as_ref()
        .and_then(|t| t.initial)
        .or_else(|| {
            let lines: Vec<Decimal> = project.funds.iter().filter_map(|l| l.initial).collect();
            (!lines.is_empty()).then(|| {
                lines
                    .iter()
                    .fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
            })
        })
        .filter(|b| *b > Decimal::ZERO)
}

/// Σ 成本 in money (元 / 万元 / 亿元, normalised to 万元; a cost per unit such as 元/亩 is no total) is at
/// most the 年度资金总额 (the stated total, else the sum of its lines).
fn check_cost_total(evaluation: &Evaluation, checker: &mut Checker) {
    use crate::core::measure::unit_scale;
    let Some(budget) = annual_budget(evaluation) else {
        return;
    };
    let ten_thousand = Decimal::from(10_000);
    let mut amounts: Vec<Decimal> = Vec::new();
    let mut named = Vec::new();
    for top in &evaluation.indicators {
        let top_cost = Category::of(&top.name) == Some(Category::Cost);
        for second in &top.children {
            if !top_cost && !bare(&second.name).contains("成本") {
                continue;
            }
            for leaf in leaves_of(second) {
                let (Some(value), Some(("money", scale))) =
                    (leaf.target, unit_scale(leaf.unit.trim()))
                else {
                    continue;
                };
                // A figure too large to scale is no amount to add (said elsewhere, never a panic).
                let Some(amount) = value
                    .checked_mul(scale)
                    .and_then(|v| v.checked_div(ten_thousand))
                else {
                    continue;
                };
                if amount == budget {
                    checker.push(
                        Severity::Warning,
                        Code::TargetCostIsBudget,
                        FieldPath::of_indicator(&leaf.id, IndicatorField::Target),
                        format!(
                            "成本指标“{}”{} 即年度资金总额 {} 万元：只重述了预算，未反映单位成本或成本控制",
                            leaf.name.trim(),
                            value_text(leaf),
                            crate::core::number::fmt_score(budget)
                        ),
                    );
                }
                amounts.push(amount);
                named.push(format!("{}{}", leaf.name.trim(), value_text(leaf)));
            }
        }
    }
    let total = |v: &[Decimal]| v.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    let mut sum = total(&amounts);
    // A row that is the sum of the others ("年度预算总成本 3万元" beside 1 + 2 + 0) is their subtotal.
    if let Some(max) = amounts.iter().copied().max() {
        if amounts.len() > 2 && max.saturating_add(max) == sum {
            sum = max;
        }
    }
    if sum > budget {
        checker.push(
            Severity::Error,
            Code::TargetCostOverBudget,
            FieldPath::tree(),
            format!(
                "成本指标金额合计 {} 万元（{}）超过年度资金总额 {} 万元",
                crate::core::number::fmt_score(sum.round_dp(2)),
                named.join("、"),
                crate::core::number::fmt_score(budget)
            ),
        );
    }
}

/// The (year, month) pairs a text names, in order: "2023年4月-2024年2月" → (2023, 4), (2024, 2); a year
/// without a month is `None` for the month ("2022年", "2021-2023年").
fn months_in(text: &str) -> Vec<(u32, Option<u32>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let number = |from: usize| -> (u32, usize) {
        let digits: String = chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        (digits.parse().unwrap_or(0), digits.len())
    };
    while i < chars.len() {
        let (year, len) = number(i);
        if len == 4 && (1990..=2100).contains(&year) {
            let mut j = i + len;
            let mut month = None;
            if matches!(chars.get(j), Some('年' | '.' | '-' | '/')) {
                let (m, mlen) = number(j + 1);
                if (1..=2).contains(&mlen) && (1..=12).contains(&m) {
                    month = Some(m);
                    j += 1 + mlen;
                }
            }
            out.push((year, month));
            i = j.max(i + 1);
        } else {
            i += len.max(1);
        }
    }
    out
}

/// 时效 dates inside the 项目期 (or 建设周期) the form prints, and the period itself in order.
fn check_dates(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(period) = evaluation
        .project
        .as_ref()
        .map(|p| p.period.trim())
        .filter(|p| !p.is_empty())
    else {
        return;
    };
    let bounds = months_in(period);
    let (Some(first), Some(last)) = (bounds.first(), bounds.last()) else {
        return;
    };
    let start = (first.0, first.1.unwrap_or(1));
    let end = (last.0, last.1.unwrap_or(12));
    if start > end {
        checker.push(
            Severity::Error,
            Code::TargetPeriodReversed,
            FieldPath::tree(),
            format!("项目期“{period}”的开始晚于结束"),
        );
        return;
    }
    for top in &evaluation.indicators {
        for second in top
            .children
            .iter()
            .filter(|s| bare(&s.name).contains("时效"))
        {
            for leaf in leaves_of(second) {
                let text = value_text(leaf);
                let Some(&(year, Some(month))) = months_in(&text).first() else {
                    continue;
                };
                if (year, month) < start || (year, month) > end {
                    checker.push(
                        Severity::Warning,
                        Code::TargetDateOutsidePeriod,
                        FieldPath::of_indicator(&leaf.id, IndicatorField::Target),
                        format!(
                            "时效指标“{}”的日期“{text}”不在项目期“{period}”之内",
                            leaf.name.trim()
                        ),
                    );
                }
            }
        }
    }
}

/// The share of 三级 indicators with a numeric value (定量) among those that have a real value: below
/// the profile's threshold → 提示. Rows still blank or a template placeholder are found elsewhere and
/// are left out of both counts; fewer than three valued rows say nothing about a habit.
fn check_quantified_share(leaves: &[&Indicator], threshold: Decimal, checker: &mut Checker) {
    let valued: Vec<&&Indicator> = leaves
        .iter()
        .filter(|n| n.target.is_some() || !n.target_text.trim().is_empty())
        .filter(|n| !placeholder(&n.name) && !placeholder(&n.target_text))
        .collect();
    if valued.len() < 3 {
        return;
    }
    let quantified = valued.iter().filter(|n| n.target.is_some()).count();
    let share = Decimal::from(quantified) * Decimal::ONE_HUNDRED / Decimal::from(valued.len());
    if share < threshold {
        let qualitative: Vec<&str> = valued
            .iter()
            .filter(|n| n.target.is_none())
            .map(|n| n.name.trim())
            .collect();
        checker.push(
            Severity::Info,
            Code::TargetQuantifiedShare,
            FieldPath::tree(),
            format!(
                "定量指标 {quantified} 个，占有指标值的三级指标 {} 个的 {}%，低于 {}%；定性指标（{}）中能量化的宜改为数值",
                valued.len(),
                crate::core::number::fmt_score(share.round_dp(1)),
                crate::core::number::fmt_score(threshold),
                qualitative.join("、")
            ),
        );
    }
}

/// 指标值设定依据: where the table has the column (some row fills it), each row without it is noted;
/// where no row has one, the table is noted once.
fn check_basis(leaves: &[&Indicator], checker: &mut Checker) {
    let with_basis = leaves.iter().filter(|n| !n.basis.trim().is_empty()).count();
    if leaves.is_empty() || with_basis == leaves.len() {
        return;
    }
    if with_basis == 0 {
        checker.push(
            Severity::Info,
            Code::TargetBasisMissing,
            FieldPath::tree(),
            format!(
                "{} 个三级指标均未写明指标值设定依据（计划标准、行业标准、历史标准或其他标准）",
                leaves.len()
            ),
        );
        return;
    }
    for leaf in leaves.iter().filter(|n| n.basis.trim().is_empty()) {
        checker.push(
            Severity::Info,
            Code::TargetBasisMissing,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Basis),
            format!("“{}”未写明指标值设定依据", leaf.name.trim()),
        );
    }
}

fn leaves_of(node: &Indicator) -> Vec<&Indicator> {
    let mut out = Vec::new();
    crate::core::model::walk_tree(std::slice::from_ref(node), &mut |_, n| {
        if n.is_leaf() {
            out.push(n);
        }
    });
    out
}

fn check_benefit(benefit: &Indicator, checker: &mut Checker) {
    let leaves: Vec<&Indicator> = benefit.children.iter().flat_map(leaves_of).collect();
    if !leaves.is_empty() && leaves.iter().all(|n| n.name.contains("满意")) {
        checker.push(
            Severity::Warning,
            Code::TargetBenefitOnlySatisfaction,
            FieldPath::of_indicator(&benefit.id, IndicatorField::Name),
            format!(
                "“{}”下只有满意度（{}）：满意度另属一级指标，效益应写明项目带来的经济、社会、生态或可持续影响",
                benefit.name,
                leaves
                    .iter()
                    .map(|n| n.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        );
    }
}

fn check_level2(category: Category, second: &Indicator, checker: &mut Checker) {
    // "数量指标(或建筑规模指标)", "时效指标(工期指标)": the form's own gloss in brackets is no other name.
    let name = crate::core::keys::without_brackets(&bare(&second.name));
    if name.is_empty() {
        return;
    }
    let known = category
        .level2()
        .iter()
        .any(|l| name == *l || name.contains(l))
        // Under 满意度 any 满意度 (社会公众满意度, 群众满意度) is one.
        || (category == Category::Satisfaction && name.contains("满意"));
    if !known {
        checker.push(
            Severity::Warning,
            Code::TargetLevel2Unknown,
            FieldPath::of_indicator(&second.id, IndicatorField::Name),
            format!(
                "二级指标“{}”不在{}的常用列表中（{}）",
                second.name,
                category.label(),
                category.level2().join("、")
            ),
        );
    }
}

fn check_leaf(
    category: Option<Category>,
    second: &Indicator,
    leaf: &Indicator,
    operators_used: bool,
    checker: &mut Checker,
) {
    let at = |field| FieldPath::of_indicator(&leaf.id, field);
    let name = leaf.name.trim();
    let blank_value = leaf.target.is_none() && leaf.target_text.trim().is_empty();
    if name.contains("**") && !blank_value && !placeholder(&leaf.target_text) {
        // The value is filled in; the template's "(≥**%)" was left in the name.
        checker.push(
            Severity::Warning,
            Code::TargetPlaceholder,
            at(IndicatorField::Name),
            format!(
                "“{name}”的名称中仍留有模板的占位“**”（指标值已填为“{}”），请删去",
                value_text(leaf)
            ),
        );
    } else if placeholder(name) || placeholder(&leaf.target_text) {
        checker.push(
            Severity::Error,
            Code::TargetPlaceholder,
            at(IndicatorField::Target),
            format!(
                "“{name}”仍是模板占位（指标值“{}”），申报前须填写实际的指标和指标值",
                value_text(leaf)
            ),
        );
        return;
    }
    if blank_value {
        checker.push(
            Severity::Error,
            Code::TargetValueMissing,
            at(IndicatorField::Target),
            format!("“{name}”没有指标值"),
        );
    }
    let second_name = bare(&second.name);
    if category == Some(Category::Benefit) && QUALITY_WORDS.iter().any(|w| name.contains(w)) {
        checker.push(
            Severity::Warning,
            Code::TargetMisplaced,
            at(IndicatorField::Name),
            format!(
                "“{name}”列在效益指标（{}）下，按名称应属产出指标中的质量指标",
                second.name.trim()
            ),
        );
    }
    let spending = FUNDS_WORDS.iter().any(|w| name.contains(w));
    if spending
        && matches!(category, Some(Category::Output | Category::Benefit))
        && !second_name.contains("成本")
    {
        checker.push(
            Severity::Warning,
            Code::TargetFundsAsResult,
            at(IndicatorField::Name),
            format!(
                "“{name}”衡量资金使用，不是{}；宜删去或改为反映产出、效益的指标",
                category.map(Category::label).unwrap_or("产出或效益")
            ),
        );
    }
    let cost = category == Some(Category::Cost) || second_name.contains("成本");
    if cost
        && matches!(
            leaf.target_op,
            Some(crate::core::rule::Comparison::Ge | crate::core::rule::Comparison::Gt)
        )
    {
        checker.push(
            Severity::Warning,
            Code::TargetCostFloor,
            at(IndicatorField::Target),
            format!(
                "成本指标“{name}”的指标值 {} 写成了下限：成本是花费的上限，应写“≤”",
                value_text(leaf)
            ),
        );
    }
    check_prior(leaf, checker);
    super::target_values::check_value(
        &super::target_values::Row {
            leaf,
            cost,
            timeliness: second_name.contains("时效"),
            printed: value_text(leaf),
            operators_used,
        },
        checker,
    );
    let percent = leaf.unit.contains('%') || leaf.target_text.contains('%');
    let upper_bounded = !matches!(
        leaf.target_op,
        Some(crate::core::rule::Comparison::Le | crate::core::rule::Comparison::Lt)
    );
    if let (true, true, Some(value)) = (percent, upper_bounded, leaf.target) {
        if value > Decimal::ONE_HUNDRED {
            checker.push(
                Severity::Error,
                Code::TargetPercentOver100,
                at(IndicatorField::Target),
                format!("“{name}”的指标值 {} 超过 100%", value_text(leaf)),
            );
        }
    }
}

/// A 正向 target below last year's actual printed beside it (same unit, or none printed).
fn check_prior(leaf: &Indicator, checker: &mut Checker) {
    use crate::core::measure::{same_unit, Measure};
    let prior = Measure::parse(&leaf.prior_actual);
    let (Some(before), Some(target)) = (prior.value(), leaf.target) else {
        return;
    };
    let unit_agrees = match prior.unit().filter(|u| !u.is_empty()) {
        Some(unit) => leaf.unit.trim().is_empty() || same_unit(unit, leaf.unit.trim()),
        None => true,
    };
    let upper_bound = leaf.sets_a_ceiling();
    if unit_agrees && !upper_bound && target < before {
        checker.push(
            Severity::Warning,
            Code::TargetBelowPrior,
            FieldPath::of_indicator(&leaf.id, IndicatorField::Target),
            format!(
                "“{}”的目标值 {} 低于上年实际 {}：目标值低于上年实际，请提高目标或说明原因",
                leaf.name.trim(),
                value_text(leaf),
                leaf.prior_actual.trim()
            ),
        );
    }
}

/// Changes to the approved targets (批复, or the last 调整) that no adjustment records: an error once the
/// year is scored against them, a warning while the targets are still being filed.
pub fn check_target_versions(evaluation: &Evaluation, checker: &mut Checker) {
    let changes = evaluation.targets.unrecorded(&evaluation.indicators);
    let severity = match evaluation.stage {
        crate::core::model::Stage::Target => Severity::Warning,
        _ => Severity::Error,
    };
    for change in changes {
        let path = if evaluation.indicator(&change.id).is_some() {
            FieldPath::of_indicator(&change.id, IndicatorField::Target)
        } else {
            FieldPath::tree()
        };
        checker.push(
            severity,
            Code::TargetUnrecordedChange,
            path,
            format!(
                "批复后的目标有变动，未记录为调整（{}）：请记录调整日期和原因",
                change.sentence()
            ),
        );
    }
}

/// The value as the table printed it.
fn value_text(leaf: &Indicator) -> String {
    if !leaf.target_text.trim().is_empty() {
        return leaf.target_text.trim().to_string();
    }
    let op = leaf.target_op.map(|o| o.symbol()).unwrap_or("");
    match leaf.target {
        Some(v) => format!("{op}{}{}", crate::core::number::fmt_score(v), leaf.unit),
        None => "空".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_from_periods_and_dates() {
        assert_eq!(
            months_in("2023年4月-2024年2月"),
            [(2023, Some(4)), (2024, Some(2))]
        );
        assert_eq!(months_in("2022年"), [(2022, None)]);
        assert_eq!(months_in("2021-2023年"), [(2021, None), (2023, None)]);
        assert_eq!(months_in("2023年12月31日前"), [(2023, Some(12))]);
        assert_eq!(months_in("2023.06"), [(2023, Some(6))]);
        assert_eq!(months_in("≥300人次"), []);
    }

    #[test]
    fn placeholders_are_the_templates_not_real_names() {
        for text in [
            "指标1",
            "指标2：",
            "*",
            "/",
            "无",
            "≥**人",
            "≧ %",
            "公里",
            "≥万人",
            "≤",
        ] {
            assert!(placeholder(text), "{text}");
        }
        for text in [
            "指标1:开展精品示范村建设数量",
            "100%",
            "群众满意度",
            "无事故",
            "≥1个",
            "按期完成",
        ] {
            assert!(!placeholder(text), "{text}");
        }
    }
}
