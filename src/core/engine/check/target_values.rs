//! The values of a 申报表's 三级 as a reviewer reads them: a unit column that holds a number (Excel turned
//! a date into its serial), a 定量 value without 指标性质 or unit, a figure in the name that the value
//! contradicts, a share written "≥100%", and 成本 rows that are no cost (a rate, zero, the whole budget
//! restated). Each looks at one row and names its figures; the tree-level checks are in `targets.rs`.
//!
//! ```
//! let table = "项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\n\
//!     产出指标\t数量指标\t培训人次\t1200人次\n效益指标\t社会效益指标\t能力提升\t明显提升\n";
//! let e = jixiao::core::import::parse_tsv(table).unwrap().into_evaluation();
//! let a = jixiao::core::assess(&e);
//! assert!(a.findings.iter().any(|f| f.code.as_str() == "target.operator_missing"));
//! ```

use super::{Checker, FieldPath, Severity};
use crate::core::code::Code;
use crate::core::measure::normalise_unit;
use crate::core::model::Indicator;
use crate::core::number::fmt_score;
use crate::core::path::IndicatorField;
use crate::core::rule::Comparison;
use rust_decimal::Decimal;

/// What the row's checks need to know of where it stands.
pub(super) struct Row<'a> {
    pub leaf: &'a Indicator,
    /// Under a 成本 一级 or 二级.
    pub cost: bool,
    /// Under a 时效 二级.
    pub timeliness: bool,
    /// The value as printed, for the messages.
    pub printed: String,
    /// Some 定量 row of the table writes its 指标性质 (≥ ≤ =): a row without one is a slip, not the
    /// form's habit (some provinces' forms print bare figures throughout; that is said once).
    pub operators_used: bool,
}

/// Whether most of a table's 定量 values write their 指标性质 (≥ ≤ =): then a value without one is a
/// slip, each told; else bare figures are the form's habit (some provinces print them throughout), said
/// once by [`check_operators_habit`].
pub(super) fn operators_used(leaves: &[&Indicator]) -> bool {
    let figures = leaves.iter().filter(|l| l.target.is_some()).count();
    let written = leaves
        .iter()
        .filter(|l| l.target.is_some() && l.target_op.is_some())
        .count();
    written * 2 > figures
}

/// Said once for a table most of whose 定量 values write no 指标性质.
pub(super) fn check_operators_habit(leaves: &[&Indicator], checker: &mut Checker) {
    let figures = leaves.iter().filter(|l| l.target.is_some()).count();
    let bare = leaves
        .iter()
        .filter(|l| l.target.is_some() && l.target_op.is_none())
        .count();
    if bare > 0 && !operators_used(leaves) {
        checker.push(
            Severity::Info,
            Code::TargetOperatorMissing,
            FieldPath::tree(),
            format!("本表 {figures} 个定量指标值中 {bare} 个未写明 ≥、≤ 或 =：年终按确数还是下限评判，宜在申报时写明"),
        );
    }
}

/// Check 9, 年度 against 中期, where the table prints a 中期指标值 column: a 年度 indicator the 中期 set
/// lacks (warning), and a cumulative 年度 value — a count or an amount, not a rate, a share or a ceiling,
/// which are levels — above its 中期 one (error). Units are compared as printed, or scaled where they
/// name one quantity (万元 and 亿元).
pub(super) fn check_mid_term(leaves: &[&Indicator], checker: &mut Checker) {
    use crate::core::measure::{unit_scale, Measure};
    if leaves.iter().all(|l| l.mid_term.trim().is_empty()) {
        return;
    }
    for leaf in leaves {
        let name = leaf.name.trim();
        let at = FieldPath::of_indicator(&leaf.id, IndicatorField::Target);
        let mid = leaf.mid_term.trim();
        let annual = leaf.target.is_some() || !leaf.target_text.trim().is_empty();
        if mid.is_empty() {
            if annual {
                checker.push(
                    Severity::Warning,
                    Code::TargetMidTermMissing,
                    at,
                    format!(
                        "“{name}”有年度指标值，中期指标值却为空：年度指标应从中期指标中分解而来"
                    ),
                );
            }
            continue;
        }
        let (
            Measure::Figure {
                value: whole,
                unit: mid_unit,
                ..
            },
            Some(part),
        ) = (Measure::parse(mid), leaf.target)
        else {
            continue;
        };
        let unit = leaf.unit.trim();
        let level = normalise_unit(unit) == "%"
            || normalise_unit(&mid_unit) == "%"
            || crate::core::direction::is_share(name)
            || leaf.sets_a_ceiling();
        if level {
            continue;
        }
        let scaled = |value: Decimal, unit: &str| -> Option<(&'static str, Decimal)> {
            let (quantity, scale) = unit_scale(unit)?;
            Some((quantity, value.checked_mul(scale)?))
        };
        let exceeds = match (scaled(part, unit), scaled(whole, &mid_unit)) {
            (Some((q1, a)), Some((q2, b))) if q1 == q2 => a > b,
            _ if mid_unit.is_empty() || mid_unit == unit => part > whole,
            _ => false,
        };
        if exceeds {
            checker.push(
                Severity::Error,
                Code::TargetMidTermExceeded,
                at,
                format!(
                    "“{name}”的年度指标值 {}{unit} 超过中期指标值“{mid}”：年度是中期的一部分",
                    fmt_score(part)
                ),
            );
        }
    }
}

/// The checks of one 三级's value.
pub(super) fn check_value(row: &Row, checker: &mut Checker) {
    let leaf = row.leaf;
    let name = leaf.name.trim();
    let at = FieldPath::of_indicator(&leaf.id, IndicatorField::Target);
    if let Some(serial) = numeric_unit(&leaf.unit) {
        let date = excel_date(serial)
            .map(|(y, m, d)| format!("；若是 Excel 日期序号，即 {y}年{m}月{d}日"))
            .unwrap_or_default();
        checker.push(
            Severity::Error,
            Code::TargetUnitNumeric,
            at,
            format!(
                "“{name}”的计量单位是数字“{}”，不是单位{date}：请改回单位并核对指标值（{}）",
                leaf.unit.trim(),
                leaf.target.map(fmt_score).unwrap_or_else(|| "空".into())
            ),
        );
        return;
    }
    let Some(value) = leaf.target else {
        return;
    };
    let unit = normalise_unit(leaf.unit.trim());
    let percent = unit == "%";
    let hundred = value == Decimal::ONE_HUNDRED;
    if row.cost {
        check_cost(row, value, percent, checker);
    } else if leaf.target_op.is_none() && row.operators_used && !(percent && hundred) {
        // "2km", "年增粮食 3500公斤": a floor, a ceiling or an exact figure? (100 % cannot be passed.)
        checker.push(
            Severity::Warning,
            Code::TargetOperatorMissing,
            at.clone(),
            format!("“{name}”的指标值“{}”未写明 ≥、≤ 或 =", row.printed),
        );
    }
    if unit.is_empty() {
        checker.push(
            Severity::Warning,
            Code::TargetUnitMissing,
            at.clone(),
            format!("“{name}”的指标值“{}”没有计量单位", row.printed),
        );
    }
    if percent {
        if let Some(named) = percent_in_name(name).filter(|n| *n != value) {
            checker.push(
                Severity::Warning,
                Code::TargetNameValueConflict,
                at.clone(),
                format!(
                    "“{name}”的名称写的是 {}%，指标值却是“{}”：请统一，数值只写在指标值中",
                    fmt_score(named),
                    row.printed
                ),
            );
        }
        // 按期完成率 ≥95 %: the plan itself lets one task in twenty be late.
        let on_time = ["及时", "按期", "按时"].iter().any(|w| name.contains(w));
        let floor = !matches!(leaf.target_op, Some(Comparison::Le | Comparison::Lt));
        if row.timeliness && on_time && floor && value < Decimal::ONE_HUNDRED {
            checker.push(
                Severity::Warning,
                Code::TargetTimelinessBelowFull,
                at.clone(),
                format!(
                    "时效指标“{name}”的目标“{}”低于 100%：计划即允许部分工作不按时完成，宜写“=100%”或说明原因",
                    row.printed
                ),
            );
        }
        let share = crate::core::direction::is_share(name);
        if share && hundred && matches!(leaf.target_op, Some(Comparison::Ge)) {
            checker.push(
                Severity::Warning,
                Code::TargetShareFloorAtFull,
                at,
                format!(
                    "“{name}”是部分占全体的比率，不会超过 100%：“{}”应写为“=100%”",
                    row.printed
                ),
            );
        }
    }
}

fn check_cost(row: &Row, value: Decimal, percent: bool, checker: &mut Checker) {
    let leaf = row.leaf;
    let name = leaf.name.trim();
    let at = FieldPath::of_indicator(&leaf.id, IndicatorField::Target);
    if percent {
        checker.push(
            Severity::Warning,
            Code::TargetCostAsRate,
            at,
            format!(
                "成本指标“{name}”的指标值“{}”是比率，不是成本：宜写单位成本或总成本（≤ 金额）",
                row.printed
            ),
        );
    } else if value.is_zero() {
        checker.push(
            Severity::Error,
            Code::TargetCostZero,
            at,
            format!("成本指标“{name}”的指标值为“{}”：成本不会为零", row.printed),
        );
    } else if matches!(leaf.target_op, None | Some(Comparison::Eq)) {
        let written = if leaf.target_op.is_some() {
            "写成了“=”"
        } else {
            "未写明“≤”"
        };
        checker.push(
            Severity::Warning,
            Code::TargetCostNotCeiling,
            at,
            format!(
                "成本指标“{name}”的指标值“{}”{written}：成本是花费的上限，应写“≤”",
                row.printed
            ),
        );
    }
}

/// The unit column holding a bare number (44561, "1,200"): its value, when whole.
fn numeric_unit(unit: &str) -> Option<i64> {
    let t: String = unit
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，'))
        .collect();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let whole = t.split('.').next().unwrap_or("");
    whole.parse().ok().or(Some(0))
}

/// The date of an Excel serial in the years a 申报表 is filed (2000–2049): 44561 → 2021-12-31.
fn excel_date(serial: i64) -> Option<(i64, u32, u32)> {
    if !(36_526..=54_789).contains(&serial) {
        return None;
    }
    // Days since 1970-01-01 (Excel's day 25569), then the civil date (Howard Hinnant's algorithm).
    let z = serial - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some((year, month, day))
}

/// A percentage written in a name ("质量达标率100%", "合格率（≥95%）"): the last one.
fn percent_in_name(name: &str) -> Option<Decimal> {
    let chars: Vec<char> = name.chars().collect();
    let mut found = None;
    for (i, c) in chars.iter().enumerate() {
        if !matches!(c, '%' | '％') {
            continue;
        }
        let digits: String = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit() || **c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(v) = digits.parse::<Decimal>() {
            found = Some(v);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_dates_of_the_filing_years() {
        assert_eq!(excel_date(44_561), Some((2021, 12, 31)));
        assert_eq!(excel_date(36_526), Some((2000, 1, 1)));
        assert_eq!(excel_date(45_351), Some((2024, 2, 29)));
        assert_eq!(excel_date(1_200), None);
    }

    #[test]
    fn a_unit_column_with_a_number_is_told_a_unit_is_not() {
        assert_eq!(numeric_unit("44561"), Some(44_561));
        assert_eq!(numeric_unit("44,561"), Some(44_561));
        for unit in ["", "人次", "万元", "m2", "%"] {
            assert_eq!(numeric_unit(unit), None, "{unit}");
        }
    }

    #[test]
    fn the_percentage_of_a_name_is_its_last() {
        assert_eq!(
            percent_in_name("*贫困地区旅游基础设施建设质量达标率100%"),
            Some(Decimal::ONE_HUNDRED)
        );
        assert_eq!(percent_in_name("合格率（≥95%）"), Some(Decimal::from(95)));
        assert_eq!(percent_in_name("≥**%"), None);
        assert_eq!(percent_in_name("培训人次"), None);
    }
}
