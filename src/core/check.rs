//! Checks (检查): findings with a severity, a stable code, a Chinese message and the path of the field
//! they concern, plus the reconciliations (核对) of figures that must add up, passing or not.
//!
//! Paths are `/`-separated: `indicators/<id>/score`, `accounts/income_total`, `unit/assets/total`,
//! `metrics/<key>/breakdowns/<i>`, `adjustments/bonus/items/<i>`, `stated/total`, `project/funds/<i>`.
//!
//! Figures that should add up are compared exactly; a gap no larger than the rounding of the printed
//! digits (half a unit of the last decimal, per figure involved) is a *warning that says so*, a larger
//! one an error.

use crate::core::metric::{growth, growth_exact};
use crate::core::model::{Assets, BudgetAccounts, Evaluation};
use crate::core::number::{fmt_score, percent};
use rust_decimal::Decimal;
use serde::Serialize;

/// How serious a finding is (严重程度).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 错误: the report would be wrong.
    Error,
    /// 警告: worth a look (rounding, ambiguity, missing score).
    Warning,
    /// 提示: cannot be verified, or for information.
    Info,
}

impl Severity {
    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// One problem found (检查发现).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 严重程度.
    pub severity: Severity,
    /// Stable code, e.g. `accounts.income_sum`.
    pub code: String,
    /// Chinese message.
    pub message: String,
    /// Path of the field or node concerned.
    pub path: String,
}

impl Finding {
    /// A new finding.
    pub fn new(
        severity: Severity,
        code: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity,
            code: code.to_string(),
            message: message.into(),
            path: path.into(),
        }
    }
}

/// Outcome of one reconciliation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReconcileStatus {
    /// Adds up exactly (or the recomputed rate equals the printed one).
    Pass,
    /// Off by no more than the rounding of the printed digits.
    RoundingGap,
    /// Does not add up.
    Mismatch,
    /// Cannot be verified with the data given.
    Unverifiable,
}

/// A figure checked against its parts (核对项), kept whether it passes or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reconciliation {
    /// Stable code, e.g. `accounts.income_sum`.
    pub code: String,
    /// What is checked, e.g. 本年收入 = 财政拨款 + 其他收入.
    pub label: String,
    /// The arithmetic with figures, e.g. "3086.64 + 3.01 = 3089.65".
    pub detail: String,
    /// Outcome.
    pub status: ReconcileStatus,
    /// Path of the total's field.
    pub path: String,
}

/// Half a unit of the last printed decimal of the least precise figure.
fn half_unit(figures: &[Decimal]) -> Decimal {
    let scale = figures.iter().map(|d| d.scale()).max().unwrap_or(0).min(20);
    Decimal::new(5, scale + 1)
}

fn fmt_fig(d: Decimal) -> String {
    d.to_string()
}

/// Collects findings and reconciliations.
#[derive(Default)]
pub struct Checker {
    /// Findings so far.
    pub findings: Vec<Finding>,
    /// Reconciliations so far.
    pub reconciliations: Vec<Reconciliation>,
}

impl Checker {
    /// Records a finding.
    pub fn push(
        &mut self,
        severity: Severity,
        code: &str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(severity, code, path, message));
    }

    /// Checks `total = Σ parts` (signed parts: `(value, negative?)`); skipped when a figure is missing.
    pub fn sum(
        &mut self,
        code: &str,
        label: &str,
        path: &str,
        total: Option<Decimal>,
        parts: &[(Option<Decimal>, bool)],
    ) {
        let Some(total) = total else { return };
        let mut values = Vec::with_capacity(parts.len());
        for (part, negative) in parts {
            match part {
                Some(v) => values.push((*v, *negative)),
                None => return,
            }
        }
        let mut sum = Decimal::ZERO;
        let mut expr = String::new();
        for (i, (v, negative)) in values.iter().enumerate() {
            sum = match if *negative {
                sum.checked_sub(*v)
            } else {
                sum.checked_add(*v)
            } {
                Some(s) => s,
                None => return,
            };
            if i > 0 {
                expr.push_str(if *negative { " − " } else { " + " });
            } else if *negative {
                expr.push('−');
            }
            expr.push_str(&fmt_fig(*v));
        }
        let mut figures: Vec<Decimal> = values.iter().map(|(v, _)| *v).collect();
        figures.push(total);
        self.compare(code, label, path, total, sum, &expr, &figures);
    }

    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        code: &str,
        label: &str,
        path: &str,
        stated: Decimal,
        sum: Decimal,
        expr: &str,
        figures: &[Decimal],
    ) {
        let gap = sum
            .checked_sub(stated)
            .map(|g| g.abs())
            .unwrap_or(Decimal::MAX);
        let tolerance = half_unit(figures) * Decimal::from(figures.len());
        let detail = format!(
            "{expr} = {}，所列为 {}",
            fmt_fig(sum.normalize()),
            fmt_fig(stated)
        );
        let status = if gap.is_zero() {
            ReconcileStatus::Pass
        } else if gap <= tolerance {
            self.push(
                Severity::Warning,
                code,
                path,
                format!(
                    "{label}：{expr} = {}，与所列 {} 相差 {}，在各数四舍五入的误差（±{}）之内，请核实是否为尾差",
                    fmt_fig(sum.normalize()),
                    fmt_fig(stated),
                    fmt_fig(gap.normalize()),
                    fmt_fig(tolerance.normalize())
                ),
            );
            ReconcileStatus::RoundingGap
        } else {
            self.push(
                Severity::Error,
                code,
                path,
                format!(
                    "{label}不平：{expr} = {}，而所列为 {}，相差 {}",
                    fmt_fig(sum.normalize()),
                    fmt_fig(stated),
                    fmt_fig(gap.normalize())
                ),
            );
            ReconcileStatus::Mismatch
        };
        self.reconciliations.push(Reconciliation {
            code: code.to_string(),
            label: label.to_string(),
            detail,
            status,
            path: path.to_string(),
        });
    }

    /// Records a reconciliation that passed or could not be made, without a finding.
    fn note(
        &mut self,
        code: &str,
        label: &str,
        path: &str,
        detail: String,
        status: ReconcileStatus,
    ) {
        self.reconciliations.push(Reconciliation {
            code: code.to_string(),
            label: label.to_string(),
            detail,
            status,
            path: path.to_string(),
        });
    }
}

/// Non-negative amounts: an amount field below zero is an error.
fn check_non_negative(checker: &mut Checker, path: &str, label: &str, value: Option<Decimal>) {
    if let Some(v) = value {
        if v < Decimal::ZERO {
            checker.push(
                Severity::Error,
                "amount.negative",
                path,
                format!("{label}不能为负数（填写为 {}）", fmt_fig(v)),
            );
        }
    }
}

/// Checks the unit's accounts: parts against totals, carry-over, execution rate, overspending.
pub fn check_accounts(evaluation: &Evaluation, checker: &mut Checker) {
    let a: &BudgetAccounts = &evaluation.accounts;
    for amount in crate::core::amounts::ACCOUNTS {
        check_non_negative(checker, amount.path, amount.label, (amount.get)(evaluation));
    }
    checker.sum(
        "accounts.budget_sum",
        "年初支出预算 = 基本支出 + 项目支出",
        "accounts/initial_expense",
        a.initial_expense,
        &[
            (a.initial_expense_basic, false),
            (a.initial_expense_project, false),
        ],
    );
    checker.sum(
        "accounts.income_sum",
        "本年收入 = 财政拨款收入 + 其他收入",
        "accounts/income_total",
        a.income_total,
        &[(a.income_fiscal, false), (a.income_other, false)],
    );
    checker.sum(
        "accounts.expense_sum",
        "本年支出 = 基本支出 + 项目支出",
        "accounts/expense_total",
        a.expense_total,
        &[(a.expense_basic, false), (a.expense_project, false)],
    );
    checker.sum(
        "accounts.carryover",
        "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
        "accounts/carryover_end",
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
        check_non_negative(checker, amount.path, amount.label, (amount.get)(evaluation));
    }
    check_assets(&evaluation.unit.assets, checker);
    check_execution_rate(a, checker);
    for (path, label, line, severity) in [
        (
            "accounts/special_funds",
            "专项资金",
            &a.special_funds,
            Severity::Warning,
        ),
        (
            "accounts/three_public",
            "“三公”经费",
            &a.three_public,
            Severity::Error,
        ),
    ] {
        if let (Some(budget), Some(actual)) = (line.budget, line.actual) {
            if actual > budget {
                checker.push(
                    severity,
                    "accounts.overspent",
                    format!("{path}/actual"),
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
        "assets.sum",
        "总资产 = 流动资产 + 固定资产 + 无形资产（+ 其他）",
        "unit/assets/total",
        assets.total,
        &parts,
    );
}

fn check_execution_rate(a: &BudgetAccounts, checker: &mut Checker) {
    let code = "accounts.execution_rate";
    let label = "预算执行率 = 本年支出 / 全年预算数";
    let path = "accounts/stated_execution_rate";
    match (a.expense_total, a.adjusted_budget) {
        (Some(spent), Some(budget)) => {
            if spent > budget {
                checker.push(
                    Severity::Error,
                    "accounts.over_budget",
                    "accounts/expense_total",
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
            match a.stated_execution_rate {
                Some(stated) if stated != rate => {
                    checker.push(
                        Severity::Error,
                        code,
                        path,
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
                "accounts/adjusted_budget",
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

/// Checks business metrics: every breakdown adds up, a printed growth equals the recomputed one.
pub fn check_metrics(evaluation: &Evaluation, checker: &mut Checker) {
    for metric in &evaluation.metrics {
        let base = format!("metrics/{}", metric.key);
        for (i, breakdown) in metric.breakdowns.iter().enumerate() {
            let parts: Vec<(Option<Decimal>, bool)> =
                breakdown.parts.iter().map(|p| (p.value, false)).collect();
            let names: Vec<&str> = breakdown.parts.iter().map(|p| p.name.as_str()).collect();
            let label = format!(
                "{}（{}）= {}",
                metric.name,
                breakdown.label,
                names.join(" + ")
            );
            checker.sum(
                "metrics.breakdown_sum",
                &label,
                &format!("{base}/breakdowns/{i}"),
                metric.value,
                &parts,
            );
        }
        if let Some(stated) = metric.stated_growth {
            let label = format!("{}同比增长 =（本年 − 上年）/ 上年", metric.name);
            let path = format!("{base}/stated_growth");
            match (
                growth(metric.value, metric.prior),
                growth_exact(metric.value, metric.prior),
            ) {
                (Some(rate), Some(exact)) => {
                    // Compare at the printed precision of the stated figure, from the exact quotient.
                    let at_printed = exact.round_dp_with_strategy(
                        stated.scale(),
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                    let (Some(value), Some(prior)) = (metric.value, metric.prior) else {
                        continue;
                    };
                    let detail = format!(
                        "({} − {}) / {} = {}%，所列 {}%",
                        value, prior, prior, rate, stated
                    );
                    if at_printed == stated {
                        checker.note(
                            "metrics.growth",
                            &label,
                            &path,
                            detail,
                            ReconcileStatus::Pass,
                        );
                    } else {
                        checker.push(
                            Severity::Error,
                            "metrics.growth",
                            &path,
                            format!(
                                "{}所列同比增长 {}% 与重新计算的 {}%（{}）不符",
                                metric.name, stated, rate, detail
                            ),
                        );
                        checker.note(
                            "metrics.growth",
                            &label,
                            &path,
                            detail,
                            ReconcileStatus::Mismatch,
                        );
                    }
                }
                _ => checker.push(
                    Severity::Info,
                    "metrics.growth_unverifiable",
                    &path,
                    format!(
                        "{}所列同比增长 {}% 无法核实：缺少本年值或上年值",
                        metric.name, stated
                    ),
                ),
            }
        }
    }
}

/// Checks a 项目支出 form's fund lines: no line spends above its 全年预算数.
pub fn check_project(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    for (i, line) in project.funds.iter().enumerate() {
        let path = format!("project/funds/{i}");
        for (field, label, value) in [
            ("initial", "年初预算数", line.initial),
            ("adjusted", "全年预算数", line.adjusted),
            ("executed", "全年执行数", line.executed),
        ] {
            check_non_negative(
                checker,
                &format!("{path}/{field}"),
                &format!("{}{label}", line.source),
                value,
            );
        }
        if let (Some(adjusted), Some(executed)) = (line.adjusted, line.executed) {
            if executed > adjusted {
                checker.push(
                    Severity::Error,
                    "project.over_budget",
                    format!("{path}/executed"),
                    format!(
                        "{}全年执行数 {} 万元超过全年预算数 {} 万元",
                        line.source,
                        fmt_fig(executed),
                        fmt_fig(adjusted)
                    ),
                );
            }
        }
    }
}

/// What the printed rows add up to, beside the computed total.
#[derive(Clone, Copy, Debug, Default)]
pub struct Printed {
    /// Σ printed 得分 of the leaves (with the 加减分 that count); `None` past Decimal's range.
    pub sum: Option<Decimal>,
    /// Leaves with no score at all.
    pub blank_rows: usize,
    /// Σ 分值 of those leaves.
    pub blank_points: Decimal,
}

/// Checks the printed total and grade against the computed ones. With blank rows, a printed total
/// that full marks on them could reach cannot be verified (warning); one beyond it is impossible.
pub fn check_stated(
    evaluation: &Evaluation,
    total: Decimal,
    grade: &str,
    printed: &Printed,
    checker: &mut Checker,
) {
    if let Some(stated) = evaluation.stated.total {
        let reachable = total.saturating_add(printed.blank_points);
        let rows_sum = match printed.sum {
            Some(sum) if sum != total && sum != stated => {
                format!("；按所列各项得分相加为 {}", fmt_score(sum))
            }
            _ => String::new(),
        };
        if stated == total {
        } else if printed.blank_rows > 0 && stated > total && stated <= reachable {
            checker.push(
                Severity::Warning,
                "stated.total_unverifiable",
                "stated/total",
                format!(
                    "报告所列总分 {} 无法核实：计算得分 {}，另有 {} 项未填得分（分值合计 {}）",
                    fmt_score(stated),
                    fmt_score(total),
                    printed.blank_rows,
                    fmt_score(printed.blank_points)
                ),
            );
        } else if printed.blank_rows > 0 && stated > reachable {
            checker.push(
                Severity::Error,
                "stated.total_impossible",
                "stated/total",
                format!(
                    "报告所列总分 {} 不可能达到：即使 {} 项未填得分的指标全部得满分（{}），总分最多为 {}",
                    fmt_score(stated),
                    printed.blank_rows,
                    fmt_score(printed.blank_points),
                    fmt_score(reachable)
                ),
            );
        } else {
            checker.push(
                Severity::Error,
                "stated.total",
                "stated/total",
                format!(
                    "报告所列总分 {} 与计算得分 {} 不符{rows_sum}",
                    fmt_score(stated),
                    fmt_score(total)
                ),
            );
        }
    }
    if let Some(stated) = &evaluation.stated.grade {
        if !stated.trim().is_empty() && stated.trim() != grade {
            checker.push(
                Severity::Error,
                "stated.grade",
                "stated/grade",
                format!("报告所列等级“{}”与按得分评定的“{grade}”不符", stated.trim()),
            );
        }
    }
}

/// Checks the report text blocks: every `{placeholder}` must be one the report can fill.
pub fn check_narrative(evaluation: &Evaluation, checker: &mut Checker) {
    let n = &evaluation.narrative;
    for (field, label, text) in [
        ("conclusion", "评价结论", &n.conclusion),
        ("achievements", "履职成效", &n.achievements),
        ("problems", "存在问题", &n.problems),
        ("suggestions", "有关建议", &n.suggestions),
        ("process", "评价工作开展情况", &n.process),
    ] {
        for name in crate::core::placeholder::unknown_in(text) {
            checker.push(
                Severity::Error,
                "report.placeholder",
                format!("narrative/{field}"),
                format!(
                    "“{label}”中的占位符“{{{name}}}”无法识别，报告中将原样显示；可用的占位符见说明"
                ),
            );
        }
    }
}
