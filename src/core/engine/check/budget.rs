//! The 预算执行情况 block (a project's funds, or an imported table's 基本支出 / 项目支出 lines): amounts,
//! spending above budget, the printed 年度资金总额 against its lines, printed 执行率, lines scored on
//! their own, and lines that repeat the total's 分值 (double counting).

use super::{check_non_negative, fmt_fig, Checker, Severity};
use crate::core::code::Code;
use crate::core::model::{Evaluation, FundBreakdown, FundLine};
use crate::core::number::{
    agrees_at_printed_precision, departure, fmt_score, percent, percent_exact, printed_precision,
    round1, rounded_like, Departure, Precision, Rounding,
};
use crate::core::path::*;
use rust_decimal::Decimal;

/// Checks the 预算执行情况: no amount below zero, no line (nor the printed 年度资金总额) spending above its
/// budget, then the block's sums, printed rates and scores.
pub fn check_budget(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    let lines = project
        .funds
        .iter()
        .enumerate()
        .map(|(i, line)| (FundRow::Line(i), line));
    let total = project
        .stated_total
        .iter()
        .map(|line| (FundRow::Total, line));
    for (row, line) in lines.chain(total) {
        for (column, label, value) in [
            (FundColumn::Initial, "年初预算数", line.initial),
            (FundColumn::Adjusted, "全年预算数", line.adjusted),
            (FundColumn::Executed, "全年执行数", line.executed),
        ] {
            check_non_negative(
                checker,
                FieldPath::fund(row, Some(column)),
                &format!("{}{label}", line.source),
                value,
            );
        }
        let budget = line
            .adjusted
            .map(|v| (v, "全年预算数"))
            .or(line.initial.map(|v| (v, "年初预算数（未列全年预算数）")));
        if let (Some(executed), Some((budget, which))) = (line.executed, budget) {
            if executed > budget {
                checker.push(
                    Severity::Error,
                    Code::ProjectOverBudget,
                    FieldPath::fund(row, Some(FundColumn::Executed)),
                    format!(
                        "{}全年执行数 {} 万元超过{which} {} 万元，执行率 {}%",
                        if line.source.is_empty() {
                            "年度资金总额"
                        } else {
                            &line.source
                        },
                        fmt_fig(executed),
                        fmt_fig(budget),
                        percent(executed, budget).map(fmt_score).unwrap_or_default()
                    ),
                );
            }
        }
    }
    check_adjustment(evaluation, checker);
    check_breakdowns(evaluation, checker);
    check_budget_block(evaluation, checker);
}

/// A breakdown printed as labelled amounts (按收入性质分 / 按支出性质分): its parts add up to the
/// amount printed beside its heading, and what it breaks down is the block's budget or its execution
/// — a breakdown that matches neither 年初预算数, 全年预算数 nor 全年执行数 leaves an amount
/// unaccounted for.
fn check_breakdowns(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    for (i, breakdown) in project.breakdowns.iter().enumerate() {
        let amounts: Vec<Decimal> = breakdown.parts.iter().filter_map(|(_, a)| *a).collect();
        if amounts.is_empty() {
            continue;
        }
        let sum = amounts
            .iter()
            .fold(Decimal::ZERO, |s, a| s.saturating_add(*a));
        let path = FieldPath::fund_breakdown(i);
        let heading = if breakdown.label.is_empty() {
            "分项"
        } else {
            &breakdown.label
        };
        let terms = terms_of(breakdown);
        if let Some(stated) = breakdown.stated.filter(|s| *s != sum) {
            let message = format!(
                "{heading}所列 {} 万元，各项合计 {} = {} 万元，相差 {}",
                fmt_fig(stated),
                terms,
                fmt_fig(sum),
                fmt_fig((stated - sum).abs())
            );
            checker.push(Severity::Error, Code::BudgetBreakdown, path, message);
            continue;
        }
        let Some(total) = &project.stated_total else {
            continue;
        };
        let against = [
            ("全年预算数", total.adjusted),
            ("年初预算数", total.initial),
            ("全年执行数", total.executed),
        ];
        // Compared with the first figure the total prints; accepted when it matches any of them.
        let Some((which, reference)) = against.iter().find_map(|(w, v)| v.map(|v| (*w, v))) else {
            continue;
        };
        if against.iter().any(|(_, v)| *v == Some(sum)) {
            continue;
        }
        let message = format!(
            "{heading} {} 万元（{terms}）与年度资金总额的{which} {} 万元不符，相差 {} 万元，也不等于其年初预算数或全年执行数",
            fmt_fig(sum),
            fmt_fig(reference),
            fmt_fig((reference - sum).abs())
        );
        checker.push(Severity::Error, Code::BudgetBreakdown, path, message);
    }
}

/// "基本支出 900.47 + 项目支出 1025.2": the printed parts of a breakdown.
fn terms_of(breakdown: &FundBreakdown) -> String {
    breakdown
        .parts
        .iter()
        .filter_map(|(label, a)| a.map(|a| format!("{label} {}", fmt_fig(a))))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// How far the 全年（调整后）预算数 may be from the 年初预算数 before a reviewer asks why: one tenth.
const ADJUSTMENT_ASKED: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// A budget raised or cut in the year by a tenth or more: the execution rate is measured against the
/// adjusted figure only, so a reviewer asks for the reason (the form has no place for it). Said once,
/// on the 年度资金总额 (else the first line that prints both figures).
fn check_adjustment(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    let both = |l: &FundLine| {
        l.initial
            .zip(l.adjusted)
            .filter(|(i, _)| *i > Decimal::ZERO)
    };
    let found = project
        .stated_total
        .as_ref()
        .and_then(|l| both(l).map(|f| (FundRow::Total, l, f)))
        .or_else(|| {
            project
                .funds
                .iter()
                .enumerate()
                .find_map(|(i, l)| both(l).map(|f| (FundRow::Line(i), l, f)))
        });
    let Some((row, line, (initial, adjusted))) = found else {
        return;
    };
    let Some(change) = percent_exact(adjusted - initial, initial) else {
        return;
    };
    if change.abs() < ADJUSTMENT_ASKED {
        return;
    }
    let source = if line.source.is_empty() {
        "年度资金总额"
    } else {
        &line.source
    };
    checker.push(
        Severity::Warning,
        Code::BudgetAdjusted,
        FieldPath::fund(row, Some(FundColumn::Adjusted)),
        format!(
            "{source}年初预算数 {} 万元调整为全年预算数 {} 万元（{}{}%），表中未说明调整原因；执行率只反映调整后的预算",
            fmt_fig(initial),
            fmt_fig(adjusted),
            if change > Decimal::ZERO { "+" } else { "" },
            fmt_score(round1(change))
        ),
    );
}

/// A printed rate equals the exact one at the printed precision (half-up)?
/// A printed rate agrees with the exact one at its own last decimal (a printed "99.10%" reads as 99.1).
fn rate_matches(printed: Decimal, exact: Decimal) -> bool {
    agrees_at_printed_precision(printed.normalize(), exact)
}

/// The 预算执行情况 block: lines against the printed 年度资金总额, printed rates, per-line scores.
fn check_budget_block(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    let rounding = &evaluation.settings.rounding;
    if let Some(total) = &project.stated_total {
        let lines = &project.funds;
        for (column, label, get) in [
            (
                FundColumn::Initial,
                "年初预算数",
                (|l: &FundLine| l.initial) as fn(&FundLine) -> Option<Decimal>,
            ),
            (FundColumn::Adjusted, "全年预算数", |l: &FundLine| {
                l.adjusted
            }),
            (FundColumn::Executed, "全年执行数", |l: &FundLine| {
                l.executed
            }),
        ] {
            let stated = get(total);
            let parts: Vec<Decimal> = lines.iter().filter_map(get).collect();
            if parts.is_empty() {
                continue;
            }
            let stated_value = stated.unwrap_or(Decimal::ZERO);
            if let Some(biggest) = lines
                .iter()
                .filter_map(|l| get(l).map(|v| (l, v)))
                .find(|(_, v)| *v > stated_value)
            {
                checker.push(
                    Severity::Error,
                    Code::BudgetTotalBelowPart,
                    FieldPath::fund(FundRow::Total, Some(column)),
                    format!(
                        "年度资金总额的{label}{}小于其中“{}”的 {}",
                        stated.map_or("未填写，".to_string(), |s| format!(
                            " {} ",
                            fmt_score(s)
                        )),
                        biggest.0.source,
                        fmt_score(biggest.1)
                    ),
                );
                continue;
            }
            let Some(stated) = stated else { continue };
            checker.sum(
                Code::BudgetTotalSum,
                &format!("年度资金总额（{label}）= 其中各项之和"),
                FieldPath::fund(FundRow::Total, Some(column)),
                Some(stated),
                &parts.iter().map(|v| (Some(*v), false)).collect::<Vec<_>>(),
            );
        }
        // The total's own score is the execution-rate indicator's, audited there.
        let unscored = FundLine {
            points: None,
            score: None,
            ..total.clone()
        };
        check_line(&unscored, "年度资金总额", FundRow::Total, rounding, checker);
    }
    let total_points = project.stated_total.as_ref().and_then(|t| t.points);
    for (i, line) in project.funds.iter().enumerate() {
        // A line repeating the total's 分值 is the total again (see below), not a score of its own.
        let line =
            if total_points.is_some() && line.points == total_points && project.funds.len() == 1 {
                FundLine {
                    points: None,
                    score: None,
                    ..line.clone()
                }
            } else {
                line.clone()
            };
        check_line(&line, &line.source, FundRow::Line(i), rounding, checker);
    }
    // Lines that repeat the total's 分值 / 得分 would count it twice if summed. Many forms print the
    // 分值 in every line: the unit made no mistake, so this informs (提示), it does not warn.
    if let Some(total_points) = project.stated_total.as_ref().and_then(|t| t.points) {
        let repeats = project
            .funds
            .iter()
            .filter(|l| l.points == Some(total_points))
            .count();
        if repeats > 0 && !total_points.is_zero() {
            checker.push(
                Severity::Info,
                Code::BudgetDoubleCount,
                FieldPath::fund_lines(),
                format!(
                    "“其中”各行重复列示了年度资金总额的分值 {}：只计一次，将其相加会重复计分",
                    fmt_score(total_points)
                ),
            );
        }
    }
}

/// One budget line: executed ≤ budget, the printed 执行率, the line's own score.
fn check_line(
    line: &FundLine,
    label: &str,
    row: FundRow,
    rounding: &Rounding,
    checker: &mut Checker,
) {
    let label = if label.trim().is_empty() {
        "资金"
    } else {
        label.trim()
    };
    let exact = match (line.executed, line.adjusted.or(line.initial)) {
        (Some(e), Some(a)) => percent_exact(e, a),
        _ => None,
    };
    if let Some(printed) = line.stated_rate {
        check_line_rate(line, label, row, printed, exact, checker);
    }
    // A line scored on its own: 分值 × min(执行率, 100%).
    if let (Some(points), Some(score), Some(exact)) = (line.points, line.score, exact) {
        let expected = points
            .checked_mul(exact.min(Decimal::ONE_HUNDRED))
            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
            .unwrap_or(points);
        let expected = rounding.apply(expected);
        match departure(score, expected, rounding) {
            Departure::Above { .. } => checker.push(
                Severity::Error,
                Code::BudgetScoreInflated,
                FieldPath::fund(row, Some(FundColumn::Score)),
                format!(
                    "{label}执行率得分 {} 高于 分值 {} × 执行率 {}% = {}",
                    fmt_score(score),
                    fmt_score(points),
                    fmt_score(exact.round_dp(2)),
                    fmt_score(expected)
                ),
            ),
            Departure::Below => checker.push(
                Severity::Warning,
                Code::BudgetScoreDeflated,
                FieldPath::fund(row, Some(FundColumn::Score)),
                format!(
                    "{label}执行率得分 {} 低于 分值 {} × 执行率 {}% = {}",
                    fmt_score(score),
                    fmt_score(points),
                    fmt_score(exact.round_dp(2)),
                    fmt_score(expected)
                ),
            ),
            Departure::Within => {}
        }
    }
}

/// A line's printed 执行率 against 执行数 / 预算数 (全年, else 年初): cut instead of rounded, computed on
/// the wrong base, or not to be verified.
fn check_line_rate(
    line: &FundLine,
    label: &str,
    row: FundRow,
    printed: Decimal,
    exact: Option<Decimal>,
    checker: &mut Checker,
) {
    let precision = exact.map(|e| printed_precision(printed.normalize(), e));
    match (exact, line.executed) {
        (Some(exact), Some(executed)) if precision == Some(Precision::Truncated) => {
            checker.push(
                Severity::Warning,
                Code::BudgetRateTruncated,
                FieldPath::fund(row, Some(FundColumn::StatedRate)),
                format!(
                    "{label}所列执行率 {}% 是 {}% 截尾所得（{} / {}），按四舍五入应为 {}%",
                    fmt_score(printed),
                    fmt_score(exact.round_dp(4)),
                    fmt_score(executed),
                    fmt_score(line.adjusted.or(line.initial).unwrap_or_default()),
                    fmt_score(rounded_like(exact, printed.normalize()))
                ),
            );
        }
        (Some(_), Some(executed)) if precision == Some(Precision::Differs) => {
            let initial_hint = line
                .initial
                .and_then(|i| percent_exact(executed, i))
                .filter(|r| rate_matches(printed, *r))
                .map(|_| "；所列执行率是按年初预算数计算的，应以全年预算数为分母")
                .unwrap_or("");
            // The figure divided by is the one the rate was computed from: 全年预算数, else 年初.
            let (base, base_label) = match (line.adjusted, line.initial) {
                (Some(adjusted), _) => (adjusted, ""),
                (None, Some(initial)) => (initial, "（未列全年预算数，按年初预算数）"),
                (None, None) => (Decimal::ZERO, ""),
            };
            checker.push(
                Severity::Error,
                Code::BudgetRate,
                FieldPath::fund(row, Some(FundColumn::StatedRate)),
                format!(
                    "{label}所列执行率 {}% 与重新计算的 {} / {} = {}%{base_label} 不符{initial_hint}",
                    fmt_score(printed),
                    fmt_score(executed),
                    fmt_score(base),
                    percent(executed, base).map(fmt_score).unwrap_or_default()
                ),
            );
        }
        (_, None) => {
            checker.push(
                Severity::Info,
                Code::BudgetRateUnverifiable,
                FieldPath::fund(row, Some(FundColumn::Executed)),
                format!(
                    "{label}所列执行率 {}% 无法核实：未填写全年执行数",
                    fmt_score(printed)
                ),
            );
        }
        (None, _) if line.adjusted.is_none() && line.executed.is_some() => {
            checker.push(
                Severity::Info,
                Code::BudgetRateUnverifiable,
                FieldPath::fund(row, Some(FundColumn::Adjusted)),
                format!(
                    "{label}所列执行率 {}% 无法核实：未填写全年预算数",
                    fmt_score(printed)
                ),
            );
        }
        _ => {}
    }
}
