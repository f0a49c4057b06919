//! Metrics that feed scoring rules (指标取数): rates derived from the accounts, business metrics, or a
//! typed figure. Every derived rate goes through [`percent`], i.e. it is rounded half-up to 2 decimals
//! before a rule sees it, so a rule judges the figure the report prints.

use crate::core::model::{BudgetActual, Evaluation};
use crate::core::number::{fmt2, percent, percent_exact};
pub use crate::core::rule::MetricSource;
use rust_decimal::Decimal;

/// A figure last year and this year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// 上年.
    pub last: Option<Decimal>,
    /// 本年.
    pub this: Option<Decimal>,
}

impl Change {
    /// This year minus last year, when both are known.
    pub fn delta(&self) -> Option<Decimal> {
        self.this?.checked_sub(self.last?)
    }

    /// 变动率 in % (rounded half-up to 2 decimals): the change over last year's figure taken positive,
    /// so a smaller loss reads as a rise; `None` when last year's figure is 0 or either is unknown.
    pub fn rate(&self) -> Option<Decimal> {
        percent(self.delta()?, self.last?.abs())
    }
}

/// A metric's value with where it came from, for the explanation of a score.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricValue {
    /// The figure (rates in %).
    pub value: Decimal,
    /// Its unit ("%" for rates).
    pub unit: String,
    /// Chinese name, e.g. 预算执行率.
    pub name: String,
    /// How it was obtained, e.g. "3089.41 / 3342.54".
    pub basis: String,
}

impl MetricValue {
    /// "预算执行率 95.04%".
    pub fn describe(&self) -> String {
        format!("{} {}{}", self.name, self.value.normalize(), self.unit)
    }
}

/// Why a metric has no value (shown instead of a computed score).
pub type MissingMetric = String;

/// The execution rate an evaluation is scored with (the one place that decides): a project's
/// Σ 执行数 / Σ 预算数 when it has 预算执行情况 lines, else the unit's 预算执行率.
pub fn execution_rate_source(evaluation: &Evaluation) -> MetricSource {
    if evaluation.project.is_some() {
        MetricSource::ProjectExecutionRate
    } else {
        MetricSource::BudgetExecutionRate
    }
}

impl MetricSource {
    /// The sources a rule can take its metric from in `evaluation`, with their labels.
    pub fn choices(evaluation: &Evaluation) -> Vec<(MetricSource, String)> {
        let mut options: Vec<(MetricSource, String)> = [
            MetricSource::BudgetExecutionRate,
            MetricSource::SpecialFundsExecutionRate,
            MetricSource::ThreePublicControlRate,
            MetricSource::ProjectExecutionRate,
            MetricSource::ExpenseGrowth,
            MetricSource::CarryoverChange,
            MetricSource::ThreePublicChange,
        ]
        .into_iter()
        .map(|m| {
            let name = m.name(evaluation);
            (m, name)
        })
        .collect();
        for metric in &evaluation.metrics {
            options.push((
                MetricSource::Business {
                    key: metric.key.clone(),
                },
                format!("业务指标：{}", metric.name),
            ));
            options.push((
                MetricSource::BusinessGrowth {
                    key: metric.key.clone(),
                },
                format!("业务指标同比增长：{}", metric.name),
            ));
        }
        options.push((MetricSource::default_typed(), "直接填写".into()));
        options
    }

    /// The metric's Chinese name.
    pub fn name(&self, evaluation: &Evaluation) -> String {
        match self {
            MetricSource::BudgetExecutionRate => "预算执行率".into(),
            MetricSource::SpecialFundsExecutionRate => "专项资金执行率".into(),
            MetricSource::ThreePublicControlRate => "“三公”经费控制率".into(),
            MetricSource::ProjectExecutionRate => "项目预算执行率".into(),
            MetricSource::ExpenseGrowth => "支出增长率".into(),
            MetricSource::CarryoverChange => "结转结余变动率".into(),
            MetricSource::ThreePublicChange => "“三公”经费变动率".into(),
            MetricSource::Business { key } => evaluation
                .metric(key)
                .map(|m| m.name.clone())
                .unwrap_or_else(|| key.clone()),
            MetricSource::BusinessGrowth { key } => {
                let base = evaluation
                    .metric(key)
                    .map(|m| m.name.as_str())
                    .unwrap_or(key);
                format!("{base}同比增长")
            }
            MetricSource::Typed { name, .. } if !name.is_empty() => name.clone(),
            MetricSource::Typed { .. } => "指标值".into(),
        }
    }

    /// Resolves the metric against the evaluation's data.
    pub fn resolve(&self, evaluation: &Evaluation) -> Result<MetricValue, MissingMetric> {
        let name = self.name(evaluation);
        let rate = |value: Decimal, basis: String| MetricValue {
            value,
            unit: "%".into(),
            name: name.clone(),
            basis,
        };
        match self {
            MetricSource::BudgetExecutionRate => {
                let accounts = &evaluation.accounts;
                match (accounts.expense_total, accounts.adjusted_budget) {
                    (Some(spent), Some(budget)) => percent(spent, budget)
                        .map(|r| rate(r, format!("{} / {}", fmt2(spent), fmt2(budget))))
                        .ok_or_else(|| "全年预算数为 0，无法计算预算执行率".to_string()),
                    _ => accounts
                        .stated_execution_rate
                        .map(|r| rate(r, "报告所述（未填写全年预算数，无法核实）".into()))
                        .ok_or_else(|| {
                            "缺少本年支出合计或全年预算数，无法计算预算执行率".to_string()
                        }),
                }
            }
            MetricSource::SpecialFundsExecutionRate => {
                budget_actual_rate(&evaluation.accounts.special_funds, "专项资金")
                    .map(|(r, b)| rate(r, b))
            }
            MetricSource::ThreePublicControlRate => {
                budget_actual_rate(&evaluation.accounts.three_public, "“三公”经费")
                    .map(|(r, b)| rate(r, b))
            }
            MetricSource::ProjectExecutionRate => {
                let basis = execution_basis(evaluation)
                    .ok_or_else(|| "缺少项目全年预算数或全年执行数，无法计算执行率".to_string())?;
                let note = match (basis.initial_budget, basis.total_row) {
                    (true, _) => "，未列全年预算数，按年初预算数",
                    (false, true) => "，按年度资金总额行",
                    _ => "",
                };
                percent(basis.executed, basis.budget)
                    .map(|r| {
                        rate(
                            r,
                            format!("{} / {}{note}", fmt2(basis.executed), fmt2(basis.budget)),
                        )
                    })
                    .ok_or_else(|| "项目全年预算数为 0，无法计算执行率".to_string())
            }
            MetricSource::ExpenseGrowth => {
                let a = &evaluation.accounts;
                change_rate(
                    a.expense_total,
                    a.prior.expense_total,
                    "本年支出合计",
                    "上年支出合计",
                )
                .map(|(r, b)| rate(r, b))
            }
            MetricSource::CarryoverChange => {
                let a = &evaluation.accounts;
                change_rate(
                    a.carryover_end,
                    a.prior.carryover_end,
                    "年末结转和结余",
                    "上年末结转和结余",
                )
                .map(|(r, b)| rate(r, b))
            }
            MetricSource::ThreePublicChange => {
                let a = &evaluation.accounts;
                change_rate(
                    a.three_public.actual,
                    a.prior.three_public_actual,
                    "本年“三公”经费支出",
                    "上年“三公”经费支出",
                )
                .map(|(r, b)| rate(r, b))
            }
            MetricSource::Business { key } => {
                let metric = evaluation
                    .metric(key)
                    .ok_or_else(|| format!("未找到业务指标“{key}”"))?;
                let value = metric
                    .value
                    .ok_or_else(|| format!("业务指标“{}”未填写数值", metric.name))?;
                Ok(MetricValue {
                    value,
                    unit: metric.unit.clone(),
                    name,
                    basis: "业务指标".into(),
                })
            }
            MetricSource::BusinessGrowth { key } => {
                let metric = evaluation
                    .metric(key)
                    .ok_or_else(|| format!("未找到业务指标“{key}”"))?;
                growth(metric.value, metric.prior)
                    .map(|g| rate(g, "（本年 − 上年）/ 上年".into()))
                    .ok_or_else(|| format!("业务指标“{}”缺少本年值或上年值", metric.name))
            }
            MetricSource::Typed { unit, value, .. } => value
                .map(|value| MetricValue {
                    value,
                    unit: unit.clone(),
                    name: name.clone(),
                    basis: "填报".into(),
                })
                .ok_or_else(|| format!("请填写{name}")),
        }
    }
}

/// A 变动率 (%) of `now` over last year's figure (taken positive, so a smaller loss reads as a rise), with
/// its basis; a missing figure or a zero base is said.
fn change_rate(
    now: Option<Decimal>,
    prior: Option<Decimal>,
    now_label: &str,
    prior_label: &str,
) -> Result<(Decimal, String), MissingMetric> {
    let (Some(now), Some(prior)) = (now, prior) else {
        return Err(format!("未填写{now_label}或{prior_label}，无法计算"));
    };
    Change {
        last: Some(prior),
        this: Some(now),
    }
    .rate()
    .map(|r| {
        (
            r,
            format!("({} − {}) / {}", fmt2(now), fmt2(prior), fmt2(prior.abs())),
        )
    })
    .ok_or_else(|| format!("{prior_label}为 0，无法计算变动率"))
}

fn budget_actual_rate(line: &BudgetActual, what: &str) -> Result<(Decimal, String), MissingMetric> {
    match (line.actual, line.budget) {
        (Some(actual), Some(budget)) => percent(actual, budget)
            .map(|r| (r, format!("{} / {}", fmt2(actual), fmt2(budget))))
            .ok_or_else(|| format!("{what}预算为 0，无法计算")),
        _ => Err(format!("未填写{what}预算数和实际支出，无法计算")),
    }
}

/// 同比增长 in % ((value − prior) / prior), rounded half-up to 2 decimals.
pub fn growth(value: Option<Decimal>, prior: Option<Decimal>) -> Option<Decimal> {
    let (value, prior) = (value?, prior?);
    percent(value.checked_sub(prior)?, prior)
}

/// 同比增长 in %, exact (unrounded), for comparing with a printed figure at its own precision.
pub fn growth_exact(value: Option<Decimal>, prior: Option<Decimal>) -> Option<Decimal> {
    let (value, prior) = (value?, prior?);
    percent_exact(value.checked_sub(prior)?, prior)
}

/// The figures a project's execution rate is computed from, and where they come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExecutionBasis {
    /// The budget: Σ 全年预算数 (or 年初预算数 where no 全年预算数 is stated).
    pub budget: Decimal,
    /// Σ 全年执行数.
    pub executed: Decimal,
    /// The budget is the 年初预算数 (no 全年预算数 stated).
    pub initial_budget: bool,
    /// Read from the printed 年度资金总额 row (the lines are incomplete).
    pub total_row: bool,
}

/// The project's Σ 全年预算数 and Σ 全年执行数, when the figures allow: the fund lines when every one
/// states both, else the printed 年度资金总额 row; a line without 全年预算数 uses its 年初预算数.
pub fn execution_basis(evaluation: &Evaluation) -> Option<ExecutionBasis> {
    let project = evaluation.project.as_ref()?;
    let from_lines = || {
        if project.funds.is_empty() {
            return None;
        }
        let mut basis = ExecutionBasis {
            budget: Decimal::ZERO,
            executed: Decimal::ZERO,
            initial_budget: false,
            total_row: false,
        };
        for line in &project.funds {
            let budget = match line.adjusted {
                Some(v) => v,
                None => {
                    basis.initial_budget = true;
                    line.initial?
                }
            };
            basis.budget = basis.budget.checked_add(budget)?;
            basis.executed = basis.executed.checked_add(line.executed?)?;
        }
        Some(basis)
    };
    from_lines().or_else(|| {
        let total = project.stated_total.as_ref()?;
        Some(ExecutionBasis {
            budget: total.adjusted.or(total.initial)?,
            executed: total.executed?,
            initial_budget: total.adjusted.is_none(),
            total_row: true,
        })
    })
}

/// The project's Σ 全年预算数 and Σ 全年执行数 (see [`execution_basis`]).
pub fn project_totals(evaluation: &Evaluation) -> Option<(Decimal, Decimal)> {
    execution_basis(evaluation).map(|b| (b.budget, b.executed))
}
