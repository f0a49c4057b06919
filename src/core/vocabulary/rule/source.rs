//! Where a rule takes its metric from (取数来源): the accounts' execution rate, a business metric, a
//! growth, or a figure typed for the row.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where a rule takes its metric from (取数来源).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum MetricSource {
    /// 预算执行率 = 本年支出合计 / 全年预算数; the printed rate while 全年预算数 is not stated.
    BudgetExecutionRate,
    /// 专项资金执行率 = 专项资金实际支出 / 专项资金预算.
    SpecialFundsExecutionRate,
    /// “三公”经费控制率 = 实际支出 / 预算 (≤ 100 % means no overspending).
    ThreePublicControlRate,
    /// 项目预算执行率 = Σ 全年执行数 / Σ 全年预算数 over the project's fund lines.
    ProjectExecutionRate,
    /// 支出增长率 = (本年支出合计 − 上年支出合计) / 上年支出合计.
    ExpenseGrowth,
    /// 结转结余变动率 = (年末结转和结余 − 上年末结转和结余) / 上年末结转和结余.
    CarryoverChange,
    /// “三公”经费变动率 = (本年“三公”经费支出 − 上年) / 上年 (≤ 0 means no rise).
    ThreePublicChange,
    /// A business metric's value, by key.
    Business {
        /// [`crate::core::BusinessMetric::key`].
        key: String,
    },
    /// A business metric's computed 同比增长 (%), by key.
    BusinessGrowth {
        /// [`crate::core::BusinessMetric::key`].
        key: String,
    },
    /// A figure typed beside the rule.
    Typed {
        /// What it is, e.g. 满意度.
        #[serde(default)]
        name: String,
        /// Its unit, e.g. %.
        #[serde(default)]
        unit: String,
        /// The figure.
        #[serde(default)]
        value: Option<Decimal>,
    },
}

impl Default for MetricSource {
    fn default() -> Self {
        MetricSource::Typed {
            name: String::new(),
            unit: String::new(),
            value: None,
        }
    }
}

impl MetricSource {
    /// A stable key for choosing the source in a form ("budget_execution_rate", "business:accepted" …).
    pub fn key(&self) -> String {
        match self {
            MetricSource::BudgetExecutionRate => "budget_execution_rate".into(),
            MetricSource::SpecialFundsExecutionRate => "special_funds_execution_rate".into(),
            MetricSource::ThreePublicControlRate => "three_public_control_rate".into(),
            MetricSource::ProjectExecutionRate => "project_execution_rate".into(),
            MetricSource::ExpenseGrowth => "expense_growth".into(),
            MetricSource::CarryoverChange => "carryover_change".into(),
            MetricSource::ThreePublicChange => "three_public_change".into(),
            MetricSource::Business { key } => format!("business:{key}"),
            MetricSource::BusinessGrowth { key } => format!("growth:{key}"),
            MetricSource::Typed { .. } => "typed".into(),
        }
    }

    /// The source a [`MetricSource::key`] names; `None` for a key no source has (never a silent default).
    pub fn from_key(key: &str) -> Option<MetricSource> {
        Some(match key {
            "budget_execution_rate" => MetricSource::BudgetExecutionRate,
            "special_funds_execution_rate" => MetricSource::SpecialFundsExecutionRate,
            "three_public_control_rate" => MetricSource::ThreePublicControlRate,
            "project_execution_rate" => MetricSource::ProjectExecutionRate,
            "expense_growth" => MetricSource::ExpenseGrowth,
            "carryover_change" => MetricSource::CarryoverChange,
            "three_public_change" => MetricSource::ThreePublicChange,
            "typed" => MetricSource::default_typed(),
            k => {
                if let Some(metric) = k.strip_prefix("business:") {
                    MetricSource::Business {
                        key: metric.to_string(),
                    }
                } else if let Some(metric) = k.strip_prefix("growth:") {
                    MetricSource::BusinessGrowth {
                        key: metric.to_string(),
                    }
                } else {
                    return None;
                }
            }
        })
    }

    /// A figure typed beside the rule, not yet filled.
    pub fn default_typed() -> MetricSource {
        MetricSource::Typed {
            name: "指标值".into(),
            unit: "%".into(),
            value: None,
        }
    }
}
