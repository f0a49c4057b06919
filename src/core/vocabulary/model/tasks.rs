//! 年度主要任务: the tasks a 部门整体支出绩效目标申报表 (财预〔2015〕88号 附2) lists between the unit and its
//! 年度总体目标, each with what it does and its budget (总额, 其中 财政拨款 and 其他资金, 万元), and the
//! form's 金额合计.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A task's budget in 万元, as printed (`None` where a cell is blank).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskAmounts {
    /// 总额.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Decimal>,
    /// 财政拨款.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal: Option<Decimal>,
    /// 其他资金.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<Decimal>,
}

/// One of a task's amounts: its label, its key in the file, and its accessors.
#[derive(Clone, Copy)]
pub struct TaskColumn {
    /// 总额 / 财政拨款 / 其他资金.
    pub label: &'static str,
    /// `total` / `fiscal` / `other`.
    pub key: &'static str,
    /// The amount.
    pub get: fn(&TaskAmounts) -> Option<Decimal>,
    /// Sets the amount.
    pub set: fn(&mut TaskAmounts, Option<Decimal>),
}

impl TaskAmounts {
    /// The three amounts, in the form's order.
    pub const COLUMNS: [TaskColumn; 3] = [
        TaskColumn {
            label: "总额",
            key: "total",
            get: |a| a.total,
            set: |a, v| a.total = v,
        },
        TaskColumn {
            label: "财政拨款",
            key: "fiscal",
            get: |a| a.fiscal,
            set: |a, v| a.fiscal = v,
        },
        TaskColumn {
            label: "其他资金",
            key: "other",
            get: |a| a.other,
            set: |a, v| a.other = v,
        },
    ];

    /// 财政拨款 + 其他资金, when either is printed.
    pub fn parts(&self) -> Option<Decimal> {
        (self.fiscal.is_some() || self.other.is_some()).then(|| {
            self.fiscal
                .unwrap_or_default()
                .saturating_add(self.other.unwrap_or_default())
        })
    }
}

/// One 年度主要任务.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnualTask {
    /// 任务名称.
    pub name: String,
    /// 主要内容.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub content: String,
    /// 预算金额.
    pub amounts: TaskAmounts,
}

/// The 年度主要任务 block: the tasks and the 金额合计 the form prints under them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnualTasks {
    /// The tasks, in the form's order.
    pub tasks: Vec<AnnualTask>,
    /// 金额合计 as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<TaskAmounts>,
}

impl AnnualTasks {
    /// Whether the block is empty (no task, no total).
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty() && self.stated_total.is_none()
    }

    /// The tasks' sum of one amount (`get`), 0 when none prints it; `None` past Decimal's range.
    pub fn column_sum(&self, get: fn(&TaskAmounts) -> Option<Decimal>) -> Option<Decimal> {
        self.tasks
            .iter()
            .filter_map(|t| get(&t.amounts))
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b))
    }
}
