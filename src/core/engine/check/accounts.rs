//! The unit's accounts and assets: parts against totals, carry-over, the printed execution rate, overspending.

use super::{check_non_negative, fmt_fig, Checker, ReconcileStatus, Severity};
use crate::core::amounts;
use crate::core::code::Code;
use crate::core::model::{Assets, BudgetAccounts, Evaluation};
use crate::core::number::{percent, percent_exact, printed_precision, rounded_like, Precision};
use crate::core::path::*;

/// Checks the unit's accounts: parts against totals, carry-over, execution rate, overspending.
pub fn check_accounts(evaluation: &Evaluation, checker: &mut Checker) {
    let a: &BudgetAccounts = &evaluation.accounts;
    for amount in crate::core::amounts::ACCOUNTS {
        check_non_negative(
            checker,
            amount.field_path(),
            amount.label,
            (amount.get)(evaluation),
        );
    }
    checker.sum(
        Code::AccountsBudgetSum,
        "年初支出预算 = 基本支出 + 项目支出",
        amounts::INITIAL_EXPENSE.field_path(),
        a.initial_expense,
        &[
            (a.initial_expense_basic, false),
            (a.initial_expense_project, false),
        ],
    );
    checker.sum(
        Code::AccountsIncomeSum,
        "本年收入 = 财政拨款收入 + 其他收入",
        amounts::INCOME_TOTAL.field_path(),
        a.income_total,
        &[(a.income_fiscal, false), (a.income_other, false)],
    );
    checker.sum(
        Code::AccountsExpenseSum,
        "本年支出 = 基本支出 + 项目支出",
        amounts::EXPENSE_TOTAL.field_path(),
        a.expense_total,
        &[(a.expense_basic, false), (a.expense_project, false)],
    );
    checker.sum(
        Code::AccountsCarryover,
        "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
        amounts::CARRYOVER_END.field_path(),
        a.carryover_end,
        &[
            (a.carryover_start, false),
            (a.income_total, false),
            (a.expense_total, true),
        ],
    );
    for amount in crate::core::amounts::ASSETS
        .iter()
        .chain(&crate::core::amounts::BUDGET_LINES)
    {
        check_non_negative(
            checker,
            amount.field_path(),
            amount.label,
            (amount.get)(evaluation),
        );
    }
    check_assets(&evaluation.unit.assets, checker);
    check_execution_rate(a, checker);
    for (path, label, line, severity) in [
        (
            amounts::SPECIAL_FUNDS_ACTUAL.field_path(),
            "专项资金",
            &a.special_funds,
            Severity::Warning,
        ),
        (
            amounts::THREE_PUBLIC_ACTUAL.field_path(),
            "“三公”经费",
            &a.three_public,
            Severity::Error,
        ),
    ] {
        if let (Some(budget), Some(actual)) = (line.budget, line.actual) {
            if actual > budget {
                checker.push(
                    severity,
                    Code::AccountsOverspent,
                    path.clone(),
                    format!(
                        "{label}实际支出 {} 万元超过预算 {} 万元",
                        fmt_fig(actual),
                        fmt_fig(budget)
                    ),
                );
            }
        }
    }
}

fn check_assets(assets: &Assets, checker: &mut Checker) {
    let mut parts = vec![
        (assets.current, false),
        (assets.fixed, false),
        (assets.intangible, false),
    ];
    if assets.other.is_some() {
        parts.push((assets.other, false));
    }
    checker.sum(
        Code::AssetsSum,
        "总资产 = 流动资产 + 固定资产 + 无形资产（+ 其他）",
        amounts::ASSETS_TOTAL.field_path(),
        assets.total,
        &parts,
    );
}

fn check_execution_rate(a: &BudgetAccounts, checker: &mut Checker) {
    let code = Code::AccountsExecutionRate;
    let label = "预算执行率 = 本年支出 / 全年预算数";
    let path = FieldPath::account(AccountField::StatedExecutionRate);
    match (a.expense_total, a.adjusted_budget) {
        (Some(spent), Some(budget)) => {
            if spent > budget {
                checker.push(
                    Severity::Error,
                    Code::AccountsOverBudget,
                    amounts::EXPENSE_TOTAL.field_path(),
                    format!(
                        "本年支出 {} 万元超过全年预算数 {} 万元",
                        fmt_fig(spent),
                        fmt_fig(budget)
                    ),
                );
            }
            let Some(rate) = percent(spent, budget) else {
                return;
            };
            let detail = format!("{} / {} = {}%", fmt_fig(spent), fmt_fig(budget), rate);
            let exact = percent_exact(spent, budget).unwrap_or(rate);
            let precision = a
                .stated_execution_rate
                .map(|stated| printed_precision(stated.normalize(), exact));
            match a.stated_execution_rate {
                Some(stated) if precision == Some(Precision::Truncated) => {
                    checker.push(
                        Severity::Warning,
                        Code::AccountsExecutionRateTruncated,
                        path.clone(),
                        format!(
                            "所列预算执行率 {}% 是 {}% 截尾所得（{}），按四舍五入应为 {}%",
                            fmt_fig(stated),
                            exact.round_dp(4).normalize(),
                            detail,
                            rounded_like(exact, stated.normalize())
                        ),
                    );
                    checker.note(code, label, path, detail, ReconcileStatus::Mismatch);
                }
                Some(stated) if precision == Some(Precision::Differs) => {
                    checker.push(
                        Severity::Error,
                        code,
                        path.clone(),
                        format!(
                            "所列预算执行率 {}% 与重新计算的 {}（{}）不符",
                            fmt_fig(stated),
                            format_args!("{rate}%"),
                            detail
                        ),
                    );
                    checker.note(code, label, path, detail, ReconcileStatus::Mismatch);
                }
                _ => checker.note(code, label, path, detail, ReconcileStatus::Pass),
            }
        }
        (spent, None) => {
            let Some(stated) = a.stated_execution_rate else {
                return;
            };
            let hint = match (spent, a.initial_expense.or(a.initial_income)) {
                (Some(spent), Some(initial)) => match percent(spent, initial) {
                    Some(r) => format!(
                        "；若以年初预算 {} 万元计算，{} / {} 为 {}%",
                        fmt_fig(initial),
                        fmt_fig(spent),
                        fmt_fig(initial),
                        r
                    ),
                    None => String::new(),
                },
                _ => String::new(),
            };
            checker.push(
                Severity::Info,
                code,
                amounts::ADJUSTED_BUDGET.field_path(),
                format!(
                    "所列预算执行率 {}% 无法核实：未填写全年预算数（调整后预算）{hint}",
                    fmt_fig(stated)
                ),
            );
            checker.note(
                code,
                label,
                path,
                format!("所列 {}%，缺少全年预算数", fmt_fig(stated)),
                ReconcileStatus::Unverifiable,
            );
        }
        (None, Some(_)) => {}
    }
}
