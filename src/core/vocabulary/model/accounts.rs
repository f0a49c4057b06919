//! Money, 万元: the budget and accounts (预算与收支), assets, last year's figures and the project
//! funds by source (项目资金).

use super::Evaluation;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Assets at year end, 万元 (资产情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assets {
    /// 总资产.
    pub total: Option<Decimal>,
    /// 流动资产.
    pub current: Option<Decimal>,
    /// 固定资产.
    pub fixed: Option<Decimal>,
    /// 无形资产.
    pub intangible: Option<Decimal>,
    /// 其他资产.
    pub other: Option<Decimal>,
}

/// The unit's budget and accounts for the year, 万元 (预算与收支).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetAccounts {
    /// 年初收入预算.
    pub initial_income: Option<Decimal>,
    /// 年初支出预算 (total).
    pub initial_expense: Option<Decimal>,
    /// 年初支出预算 — 基本支出.
    pub initial_expense_basic: Option<Decimal>,
    /// 年初支出预算 — 项目支出.
    pub initial_expense_project: Option<Decimal>,
    /// 全年预算数 (budget after adjustments); the base of 预算执行率.
    pub adjusted_budget: Option<Decimal>,
    /// 本年收入合计.
    pub income_total: Option<Decimal>,
    /// 财政拨款收入.
    pub income_fiscal: Option<Decimal>,
    /// 其他收入.
    pub income_other: Option<Decimal>,
    /// 本年支出合计.
    pub expense_total: Option<Decimal>,
    /// 基本支出.
    pub expense_basic: Option<Decimal>,
    /// 项目支出.
    pub expense_project: Option<Decimal>,
    /// 年初结转和结余.
    pub carryover_start: Option<Decimal>,
    /// 年末结转和结余.
    pub carryover_end: Option<Decimal>,
    /// 预算执行率 as printed (%).
    pub stated_execution_rate: Option<Decimal>,
    /// 专项资金.
    pub special_funds: BudgetActual,
    /// “三公”经费.
    pub three_public: BudgetActual,
    /// 上年数: last year's figures the 变动率 are computed from (filled from last year's file, or by
    /// 新建下一年度, or typed).
    #[serde(skip_serializing_if = "PriorYear::is_empty")]
    pub prior: PriorYear,
}

/// Last year's figures (上年数), 万元, for the 变动率 metrics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriorYear {
    /// 上年支出合计.
    pub expense_total: Option<Decimal>,
    /// 上年末结转和结余.
    pub carryover_end: Option<Decimal>,
    /// 上年“三公”经费实际支出.
    pub three_public_actual: Option<Decimal>,
}

impl PriorYear {
    /// The figures of `year` that the following year keeps as its 上年数.
    pub fn of(year: &Evaluation) -> PriorYear {
        PriorYear {
            expense_total: year.accounts.expense_total,
            carryover_end: year.accounts.carryover_end,
            three_public_actual: year.accounts.three_public.actual,
        }
    }

    /// Nothing stated (such files do not store the section).
    pub fn is_empty(&self) -> bool {
        *self == PriorYear::default()
    }
}

/// A budget line with its actual spending, 万元.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetActual {
    /// 预算数.
    pub budget: Option<Decimal>,
    /// 实际支出.
    pub actual: Option<Decimal>,
}

/// 预算执行情况: a project's funds by source (项目支出), or the 基本支出 / 项目支出 lines of an imported
/// 部门整体 table's budget block.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectBudget {
    /// 项目名称.
    pub name: String,
    /// 主管部门 / 实施单位 are the unit profile's; 项目负责人.
    pub manager: String,
    /// 项目期 / 建设周期 as printed ("2023年4月-2024年2月"); the target stage holds 时效 dates to it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Fund lines (资金来源): 财政拨款, 其他资金 …; the 合计 row is computed.
    pub funds: Vec<FundLine>,
    /// The 年度资金总额 row as printed, checked against the sum of the lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<FundLine>,
    /// Breakdowns printed as labelled amounts under the block (按收入性质分 / 按支出性质分), each
    /// checked against the budget it breaks down.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<FundBreakdown>,
}

/// A breakdown of the budget printed as "label:amount" cells (分项构成), e.g. 按支出性质分:1925.67 with
/// 基本支出:900.47 and 项目支出:1025.20 beneath, 万元.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundBreakdown {
    /// What it breaks down by, e.g. 按支出性质分.
    pub label: String,
    /// The amount printed beside the label, if any.
    pub stated: Option<Decimal>,
    /// The parts: (label, amount; `None` when only the label is printed).
    pub parts: Vec<(String, Option<Decimal>)>,
}

/// One fund source of a project, 万元.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundLine {
    /// 资金来源, e.g. 财政拨款.
    pub source: String,
    /// 年初预算数.
    pub initial: Option<Decimal>,
    /// 全年预算数.
    pub adjusted: Option<Decimal>,
    /// 全年执行数 (运行监控: 1–N 月 执行数).
    pub executed: Option<Decimal>,
    /// 运行监控: 全年预计执行数.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Decimal>,
    /// 运行监控's 1–N 月 执行数, kept when the year moves on to 年度自评 (the 执行数 then becomes the
    /// year's, typed anew): what the monitoring's budget light was computed from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monitored: Option<Decimal>,
    /// 执行率 as printed (%).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_rate: Option<Decimal>,
    /// 分值 printed on this line (部门整体 blocks score 基本支出 and 项目支出 separately).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<Decimal>,
    /// 得分 printed on this line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
}
