//! The evaluation (自评价) itself: what a file holds at its top level, its form and the figures the
//! unit printed, with the lookups every layer uses.

use super::AnnualTasks;
use super::{
    walk_tree, Adjustments, BudgetAccounts, BusinessMetric, Evidence, Goals, Indicator, Narrative,
    ProjectBudget, Settings, TargetVersions, UnitProfile, SCHEMA_VERSION,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One evaluation (自评价): a unit's year, its accounts and metrics, and the scored indicator tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// File format version (see [`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// 部门整体 or 项目支出.
    pub kind: EvaluationKind,
    /// The unit (单位概况).
    #[serde(default)]
    pub unit: UnitProfile,
    /// Whole-unit budget and accounts (单位收支情况), in 万元.
    #[serde(default)]
    pub accounts: BudgetAccounts,
    /// 项目支出 only: the project and its funds (预算执行情况).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<ProjectBudget>,
    /// Business metrics (业务指标) quoted in the report.
    #[serde(default)]
    pub metrics: Vec<BusinessMetric>,
    /// 中长期目标 / 年度目标 (and 项目 预期 / 实际).
    #[serde(default)]
    pub goals: Goals,
    /// The user's report text blocks, with placeholders.
    #[serde(default)]
    pub narrative: Narrative,
    /// The indicator tree (指标体系), top level = 一级指标.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// 加减分项.
    #[serde(default)]
    pub adjustments: Adjustments,
    /// Totals, grade bands and rounding.
    #[serde(default)]
    pub settings: Settings,
    /// Figures as the unit printed them, checked against the computed ones.
    #[serde(default)]
    pub stated: StatedFigures,
    /// Rows of an imported table that were skipped or read with an assumption (导入说明); every
    /// check lists them until the user clears them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_notes: Vec<ImportNote>,
    /// Who signs and files the report, and whether it carries a cover and a signature block (填报信息).
    /// 佐证材料: the files attached to indicators (their bytes are kept elsewhere, by SHA-256).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_files: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Filing::is_default")]
    pub filing: Filing,
    /// Where in the year this evaluation is (阶段): a file that does not say is a 年度自评.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub stage: Stage,
    /// The targets as approved (批复) and adjusted (调整) during the year.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub targets: TargetVersions,
    /// 年度主要任务 of a 部门整体 申报表 (empty for the other forms).
    #[serde(default, skip_serializing_if = "AnnualTasks::is_empty")]
    pub tasks: AnnualTasks,
    /// 运行监控: the period reported; `None` outside the monitoring stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<super::MonitoringPeriod>,
}

/// The stage of the year an evaluation is in (阶段): the targets filed with the budget (目标申报), the
/// mid-year monitoring (运行监控), the year-end self-evaluation (年度自评). One indicator tree goes
/// through all three; each stage adds its own figures and checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 目标申报: the 绩效目标申报表, no scores yet; its targets are checked, not scored.
    Target,
    /// 运行监控: the 绩效运行监控表.
    Monitoring,
    /// 年度自评: the self-evaluation, scored.
    #[default]
    SelfEvaluation,
}

impl Stage {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Target => "目标申报",
            Stage::Monitoring => "运行监控",
            Stage::SelfEvaluation => "年度自评",
        }
    }
}

/// 填报信息: the people and date of the signature block (签章栏) and the cover's facts. Empty fields print
/// as lines to sign or fill by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filing {
    /// 单位负责人.
    pub head: String,
    /// 财务负责人.
    pub finance_head: String,
    /// 填报人.
    pub preparer: String,
    /// 联系电话.
    pub phone: String,
    /// 填报日期 / 报告日期, as printed ("2025年3月20日").
    pub date: String,
    /// 评价方式 on the cover ("单位自评").
    pub method: String,
    /// The 部门整体 report starts with a cover page.
    pub cover: bool,
    /// The report (and the 项目支出 form) ends with the signature block.
    pub signature: bool,
}

impl Default for Filing {
    /// Nothing filled in; cover and signature block on (units print them).
    fn default() -> Self {
        Filing {
            head: String::new(),
            finance_head: String::new(),
            preparer: String::new(),
            phone: String::new(),
            date: String::new(),
            method: String::new(),
            cover: true,
            signature: true,
        }
    }
}

impl Filing {
    /// Whether nothing differs from the default (such files do not store the section).
    pub fn is_default(&self) -> bool {
        *self == Filing::default()
    }
}

/// One row of an imported table that was not read as it stands (导入说明).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportNote {
    /// Row of the pasted table or sheet, 1-based.
    pub row: usize,
    /// What was done with it.
    pub kind: ImportNoteKind,
    /// The row's cells as printed, joined by " | " (the row kept as text).
    pub cells: String,
    /// Chinese explanation.
    pub message: String,
}

/// What the import did with a row it could not read as it stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportNoteKind {
    /// An empty placeholder row (`指标2`, `……`, a category with nothing after it): left out.
    Placeholder,
    /// A cell or row that could not be interpreted: kept as text, the rest imported (a warning).
    #[default]
    Unreadable,
    /// Read with an assumption the message states (e.g. an operator in the 实际完成值).
    Assumed,
    /// A figure the form asks for is blank (a 分值 or an execution 得分): a warning.
    Blank,
    /// A 实际完成值 written as a bound (`≥266米`): the target's notation, not a measured result (a
    /// warning: a full score then rests on nothing measured).
    Bound,
    /// A `其中` row repeating its parent's 分值 / 得分: counted once (a warning: summing double-counts).
    Repeated,
    /// The table has neither 分值 nor 得分 (a 指标完成情况表): its rows are checked for completion, not
    /// scored, and missing scores are not reported while this note is kept.
    Unscored,
    /// A 指标值 printed with a unit other than its 计量单位 column's (`28.8万元` beside `%`), or words
    /// (`应保尽保`) beside a numeric unit: read by the column, the conflict noted (a warning).
    UnitConflict,
}

/// Which form this is (评价类型).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationKind {
    /// 部门整体支出绩效自评价.
    #[default]
    Department,
    /// 项目支出绩效自评表.
    Project,
}

impl EvaluationKind {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            EvaluationKind::Department => "部门整体",
            EvaluationKind::Project => "项目支出",
        }
    }
}

/// Figures as the unit printed them (报告所述), so a mismatch with the computed ones is caught.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatedFigures {
    /// 自评得分 as printed.
    pub total: Option<Decimal>,
    /// 评价等级 as printed.
    pub grade: Option<String>,
    /// What the report's text states (报告正文), when the evaluation was read from a report.
    #[serde(skip_serializing_if = "StatedText::is_empty")]
    pub text: StatedText,
}

/// What a report's text states beside its annex table (报告正文所述), kept so the checks can hold the
/// text against the table and quote the sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatedText {
    /// 自评得分 as the text states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Decimal>,
    /// 等级 as the text states it (the grade's name: 优秀 read as 优).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// The deductions the text names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deductions: Vec<TextDeduction>,
    /// The sentence stating each figure, by the figure's field path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Sentences printing an amount in 元 where the report's amounts are in 万元.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub yuan: Vec<String>,
}

impl StatedText {
    /// Nothing read from a text.
    pub fn is_empty(&self) -> bool {
        *self == StatedText::default()
    }

    /// The sentence that states the figure at `path`.
    pub fn quote(&self, path: &crate::core::path::FieldPath) -> Option<&str> {
        self.quotes
            .iter()
            .find(|q| &q.path == path)
            .map(|q| q.sentence.as_str())
    }
}

/// A deduction the report's text names (扣分说明).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextDeduction {
    /// The indicator, when the text quotes its name.
    pub name: String,
    /// Points deducted.
    pub points: Decimal,
    /// The sentence.
    pub sentence: String,
}

/// The sentence of the report that states a figure (报告原文).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The figure's field path.
    pub path: crate::core::path::FieldPath,
    /// The sentence as printed.
    pub sentence: String,
}

impl Evaluation {
    /// An evaluation of `kind` with nothing filled in.
    pub fn empty(kind: EvaluationKind) -> Self {
        Evaluation {
            schema_version: SCHEMA_VERSION,
            kind,
            unit: UnitProfile::default(),
            accounts: BudgetAccounts::default(),
            project: None,
            metrics: Vec::new(),
            goals: Goals::default(),
            narrative: Narrative::default(),
            indicators: Vec::new(),
            adjustments: Adjustments::default(),
            settings: Settings::default(),
            stated: StatedFigures::default(),
            import_notes: Vec::new(),
            evidence_files: Vec::new(),
            filing: Filing::default(),
            stage: Stage::SelfEvaluation,
            targets: TargetVersions::default(),
            tasks: AnnualTasks::default(),
            monitoring: None,
        }
    }

    /// Visits every indicator node in pre-order with its depth (0 = 一级).
    pub fn walk_indicators<'a>(&'a self, visit: &mut dyn FnMut(&'a Indicator, usize)) {
        walk_tree(&self.indicators, &mut |ancestors, node| {
            visit(node, ancestors.len())
        });
    }

    /// Finds a node by id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        fn find<'a>(nodes: &'a [Indicator], id: &str) -> Option<&'a Indicator> {
            nodes.iter().find_map(|n| {
                if n.id == id {
                    Some(n)
                } else {
                    find(&n.children, id)
                }
            })
        }
        find(&self.indicators, id)
    }

    /// Finds a node by id, mutably.
    pub fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        fn find<'a>(nodes: &'a mut [Indicator], id: &str) -> Option<&'a mut Indicator> {
            for n in nodes {
                if n.id == id {
                    return Some(n);
                }
                if let Some(found) = find(&mut n.children, id) {
                    return Some(found);
                }
            }
            None
        }
        find(&mut self.indicators, id)
    }

    /// Looks a business metric up by key.
    pub fn metric(&self, key: &str) -> Option<&BusinessMetric> {
        self.metrics.iter().find(|m| m.key == key)
    }

    /// This evaluation's metric matching `other`'s (another year's): by key, else by name.
    pub fn counterpart(&self, other: &BusinessMetric) -> Option<&BusinessMetric> {
        self.metric(&other.key)
            .or_else(|| self.metrics.iter().find(|m| m.name == other.name))
    }

    /// The unit's own name, else its 主管部门 (who stamps the report, who a reviewer lists); "" if neither.
    pub fn unit_name(&self) -> &str {
        [&self.unit.name, &self.unit.parent_department]
            .into_iter()
            .map(|n| n.trim())
            .find(|n| !n.is_empty())
            .unwrap_or("")
    }

    /// A display title, e.g. "2024年度 南京市数据局—南京市“12345”政务热线服务中心".
    pub fn title(&self) -> String {
        let unit = match (self.unit.parent_department.trim(), self.unit.name.trim()) {
            ("", "") => "（未填写单位）".to_string(),
            ("", name) => name.to_string(),
            (parent, "") => format!("{parent}—（未填写单位）"),
            (parent, name) => format!("{parent}—{name}"),
        };
        if self.unit.year > 0 {
            format!("{}年度 {}", self.unit.year, unit)
        } else {
            unit
        }
    }
}
