//! One file of the batch as a row of the league table (汇总表): who, what form, the printed and the
//! computed total, the finding counts, the 执行率 and the flags a reviewer sorts by.

use super::intake::Refusal;
use crate::core::code::Code;
use crate::core::lights::{Light, MonitoringLights};
use crate::core::metric::execution_basis;
use crate::core::model::{IndicatorMonitoring, Likelihood, Stage};
use crate::core::target_review::{ReviewGrade, TargetReview};
use crate::core::Evaluation;
use crate::core::{assess, audit, Assessment, EvaluationKind, Finding, Severity};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// How urgently a row needs the reviewer (红 / 黄 / 无).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FlagLevel {
    /// 红: the figures are wrong or the file cannot be read.
    Red,
    /// 黄: worth a look.
    Yellow,
    /// No flag.
    #[default]
    None,
}

impl FlagLevel {
    /// All levels, worst first.
    pub const ALL: [FlagLevel; 3] = [FlagLevel::Red, FlagLevel::Yellow, FlagLevel::None];

    /// The level a [`FlagLevel::key`] names.
    pub fn from_key(key: &str) -> Option<FlagLevel> {
        FlagLevel::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The stable key (`red`, `yellow`, `none`: the page's `data-flag`).
    pub fn key(self) -> &'static str {
        match self {
            FlagLevel::Red => "red",
            FlagLevel::Yellow => "yellow",
            FlagLevel::None => "none",
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            FlagLevel::Red => "红色",
            FlagLevel::Yellow => "黄色",
            FlagLevel::None => "无",
        }
    }
}

/// Why a row is flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The file could not be read.
    Unreadable,
    /// 所列总分 differs from the computed total.
    TotalDiffers,
    /// 所列等级 differs from the grade of the computed total.
    GradeDiffers,
    /// At least one error-severity finding.
    Errors,
    /// 两张皮: full marks beside a figure that misses its target.
    TwoSkins,
    /// 执行率 below the low-execution threshold (80 % by default).
    LowExecution,
    /// No 全年预算数: the 执行率 cannot be verified.
    NoFullYearBudget,
    /// The same content as another file of the batch.
    Duplicate,
    /// A 监控表 whose project light is red (红灯).
    RedLight,
    /// A 监控表 whose project light is yellow (黄灯).
    YellowLight,
}

impl Flag {
    /// Red or yellow.
    pub fn level(self) -> FlagLevel {
        match self {
            Flag::Unreadable
            | Flag::TotalDiffers
            | Flag::GradeDiffers
            | Flag::Errors
            | Flag::TwoSkins
            | Flag::RedLight => FlagLevel::Red,
            Flag::LowExecution | Flag::NoFullYearBudget | Flag::Duplicate | Flag::YellowLight => {
                FlagLevel::Yellow
            }
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Flag::Unreadable => "无法读取",
            Flag::TotalDiffers => "总分不符",
            Flag::GradeDiffers => "等级不符",
            Flag::Errors => "存在错误",
            Flag::TwoSkins => "两张皮",
            Flag::LowExecution => "执行率偏低",
            Flag::NoFullYearBudget => "缺全年预算数",
            Flag::Duplicate => "重复文件",
            Flag::RedLight => "监控红灯",
            Flag::YellowLight => "监控黄灯",
        }
    }
}

/// The figures of a file that opened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    /// 单位名称 (the parent department joined, as the report titles it).
    pub unit: String,
    /// 年度.
    pub year: i32,
    /// 部门整体 or 项目支出.
    pub kind: EvaluationKind,
    /// 项目名称 (项目支出 only).
    pub project: Option<String>,
    /// 所列总分.
    pub stated_total: Option<Decimal>,
    /// 计算总分.
    pub total: Decimal,
    /// 所列等级.
    pub stated_grade: Option<String>,
    /// 计算等级.
    pub grade: String,
    /// Σ 分值 of the 一级指标.
    pub points_total: Decimal,
    /// 错误 / 警告 / 提示 counts.
    pub errors: usize,
    /// 警告.
    pub warnings: usize,
    /// 提示.
    pub infos: usize,
    /// 预算执行率 (%), computed where the figures allow, else as printed.
    pub execution_rate: Option<Decimal>,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
    /// 目标申报 / 运行监控 / 年度自评: only a self-evaluation has a total.
    #[serde(skip_serializing_if = "is_self_evaluation")]
    pub stage: Stage,
    /// A 申报表's 审核意见 (grade and reasons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_review: Option<TargetReview>,
    /// A 监控表's project light (its worst).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub light: Option<Light>,
    /// A 监控表's red and yellow lights, worst first, each with what the unit said of it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<Alert>,
}

/// A red or yellow light of a 监控表 (预警), with its formula and what the unit said of it: the rows a
/// reviewer of monitoring tables reads first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// 红灯 or 黄灯.
    pub light: Light,
    /// The indicator's name, or 预算执行.
    pub name: String,
    /// How the light was computed, with the figures.
    pub formula: String,
    /// 完成目标可能性 as the unit judged it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    /// 偏差原因: the categories ticked and the words ("经费保障、其他：…"); empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause: String,
    /// 纠偏措施; empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
}

impl Alert {
    /// The alerts of a monitoring table: each red or yellow light, red first, in the form's order.
    pub fn of(evaluation: &Evaluation, lights: &MonitoringLights) -> Vec<Alert> {
        let mut monitored: FxHashMap<&str, &IndicatorMonitoring> = FxHashMap::default();
        evaluation.walk_indicators(&mut |node, _| {
            if let Some(m) = node.monitoring.as_ref() {
                monitored.insert(node.id.as_str(), m);
            }
        });
        let mut alerts: Vec<Alert> = lights
            .budget
            .iter()
            .chain(&lights.indicators)
            .filter(|l| matches!(l.light, Light::Red | Light::Yellow))
            .map(|l| {
                let m = monitored.get(l.id.as_str()).filter(|_| !l.id.is_empty());
                let cause = m.map(|m| m.cause_text()).unwrap_or_default();
                Alert {
                    light: l.light,
                    name: l.name.clone(),
                    formula: l.formula.clone(),
                    likelihood: m.and_then(|m| m.likelihood),
                    cause,
                    measure: m.map(|m| m.measure.trim().to_string()).unwrap_or_default(),
                }
            })
            .collect();
        alerts.sort_by_key(|a| std::cmp::Reverse(a.light.severity()));
        alerts
    }

    /// "完成目标可能性：有可能；偏差原因：经费保障：…；纠偏措施：…", or what is missing.
    pub fn reasons(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.likelihood {
            parts.push(format!("完成目标可能性：{}", l.label()));
        }
        parts.push(if self.cause.is_empty() {
            "未说明偏差原因".to_string()
        } else {
            format!("偏差原因：{}", self.cause)
        });
        parts.push(if self.measure.is_empty() {
            "未提出纠偏措施".to_string()
        } else {
            format!("纠偏措施：{}", self.measure)
        });
        parts.join("；")
    }
}

fn is_self_evaluation(stage: &Stage) -> bool {
    *stage == Stage::SelfEvaluation
}

impl Summary {
    /// How a 申报表 or 监控表 ranks in the 等级 column, best first (审核 优 … 差; 监控 蓝 … 红); `None` for
    /// a self-evaluation, which ranks by its total.
    pub fn stage_rank(&self) -> Option<u8> {
        if let Some(grade) = self.target_review.as_ref().and_then(|r| r.grade) {
            return ReviewGrade::ALL
                .iter()
                .position(|g| *g == grade)
                .map(|p| p as u8);
        }
        self.light.map(|l| l.severity())
    }

    /// The computed total as a list prints it: "—" for a 申报表 or a 监控表, which score nothing.
    pub fn total_text(&self) -> String {
        if self.stage == Stage::SelfEvaluation {
            crate::core::number::fmt_score(self.total)
        } else {
            "—".to_string()
        }
    }
}

/// A file opened, or refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Read and assessed.
    Opened(Box<Summary>),
    /// Not read, with the reason.
    Refused(Refusal),
}

/// One file of the batch (one row of the league table).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewRow {
    /// File name, with its .zip and folders (`批次.zip/2024/教育局.xlsx`).
    pub file: String,
    /// [`super::content_key`] of its bytes: the 复核意见 is kept under it.
    pub key: String,
    /// Figures, or why none.
    pub outcome: Outcome,
    /// The first file of the batch with the same content, if this one repeats it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Why it is flagged, worst first.
    #[serde(default)]
    pub flags: Vec<Flag>,
}

impl ReviewRow {
    /// The row of a file read into `evaluation` (`bytes` are the file's, for its content key).
    pub fn opened(file: &str, bytes: &[u8], evaluation: &Evaluation) -> ReviewRow {
        Self::from_key(file, super::content_key(bytes), evaluation)
    }

    /// The row of a file read into `evaluation`, its content key already computed.
    pub fn from_key(file: &str, key: String, evaluation: &Evaluation) -> ReviewRow {
        Self::assessed(file, key, evaluation, &assess(evaluation))
    }

    /// The row of a file read into `evaluation`, already assessed as `a`.
    pub fn assessed(file: &str, key: String, evaluation: &Evaluation, a: &Assessment) -> ReviewRow {
        let execution_rate = audit::execution_rate(evaluation);
        // A form with no indicator tree (仅预算执行部分, a report's text alone): no total to differ.
        let tree_less = a.findings.iter().any(|f| f.code == Code::TreeNone);
        let summary = Summary {
            unit: evaluation.unit_name().to_string(),
            year: evaluation.unit.year,
            kind: evaluation.kind,
            project: evaluation
                .project
                .as_ref()
                .map(|p| p.name.trim().to_string())
                .filter(|n| !n.is_empty()),
            stated_total: evaluation.stated.total,
            total: a.total,
            stated_grade: evaluation
                .stated
                .grade
                .as_ref()
                .map(|g| g.trim().to_string())
                .filter(|g| !g.is_empty()),
            grade: a.grade_text(),
            points_total: a.points_total,
            errors: a.count(Severity::Error),
            warnings: a.count(Severity::Warning),
            infos: a.count(Severity::Info),
            execution_rate,
            findings: a.findings.clone(),
            stage: evaluation.stage,
            target_review: a.target_review.clone(),
            light: a.lights.as_ref().and_then(|l| l.project),
            alerts: a
                .lights
                .as_ref()
                .map(|l| Alert::of(evaluation, l))
                .unwrap_or_default(),
        };
        let mut flags = Vec::new();
        let has = |code: Code| a.findings.iter().any(|f| f.code == code);
        if !tree_less && summary.stated_total.is_some_and(|t| t != a.total) {
            flags.push(Flag::TotalDiffers);
        }
        if has(Code::StatedGrade) {
            flags.push(Flag::GradeDiffers);
        }
        if summary.errors > 0 {
            flags.push(Flag::Errors);
        }
        if has(Code::AuditTwoSkins) {
            flags.push(Flag::TwoSkins);
        }
        match summary.light {
            Some(Light::Red) => flags.push(Flag::RedLight),
            Some(Light::Yellow) => flags.push(Flag::YellowLight),
            _ => {}
        }
        if execution_rate.is_some_and(|r| r < evaluation.settings.audit.low_execution_rate) {
            flags.push(Flag::LowExecution);
        }
        // A 申报表 is filed before the year: it has no 全年预算数 to miss.
        let filed_before_the_year = evaluation.stage == crate::core::model::Stage::Target;
        if !has_full_year_budget(evaluation) && !filed_before_the_year {
            flags.push(Flag::NoFullYearBudget);
        }
        ReviewRow {
            file: file.to_string(),
            key,
            outcome: Outcome::Opened(Box::new(summary)),
            duplicate_of: None,
            flags,
        }
    }

    /// The row of a file that could not be read.
    pub fn refused(file: &str, key: String, refusal: Refusal) -> ReviewRow {
        ReviewRow {
            file: file.to_string(),
            key,
            outcome: Outcome::Refused(refusal),
            duplicate_of: None,
            flags: vec![Flag::Unreadable],
        }
    }

    /// The figures, when the file opened.
    pub fn summary(&self) -> Option<&Summary> {
        match &self.outcome {
            Outcome::Opened(summary) => Some(summary),
            Outcome::Refused(_) => None,
        }
    }

    /// Red when any flag is red, yellow when any is yellow.
    pub fn flag_level(&self) -> FlagLevel {
        self.flags
            .iter()
            .map(|f| f.level())
            .min()
            .unwrap_or(FlagLevel::None)
    }

    /// The flags' labels, joined ("总分不符、存在错误").
    pub fn flag_text(&self) -> String {
        let labels: Vec<&str> = self.flags.iter().map(|f| f.label()).collect();
        labels.join("、")
    }

    /// The unit's name, or "—" when the file gave none.
    pub fn unit(&self) -> &str {
        match self.summary() {
            Some(s) if !s.unit.is_empty() => &s.unit,
            _ => "—",
        }
    }

    /// The form's label, with the project name for a 项目支出 file.
    pub fn form(&self) -> String {
        match self.summary() {
            Some(Summary {
                kind,
                project: Some(project),
                ..
            }) => format!("{}：{project}", kind.label()),
            Some(s) => s.kind.label().to_string(),
            None => "—".to_string(),
        }
    }

    /// The reason a refused file gives, or "".
    pub fn problem(&self) -> String {
        match &self.outcome {
            Outcome::Refused(refusal) => refusal.message(),
            Outcome::Opened(_) => String::new(),
        }
    }
}

/// Whether the budget the 执行率 divides by is a 全年预算数 (not missing, not only the 年初预算数).
fn has_full_year_budget(evaluation: &Evaluation) -> bool {
    match evaluation.kind {
        EvaluationKind::Project => {
            execution_basis(evaluation).is_some_and(|basis| !basis.initial_budget)
        }
        // A 部门整体 table's own budget block counts too (全年预算数 on its total or its lines).
        EvaluationKind::Department => {
            evaluation.accounts.adjusted_budget.is_some()
                || evaluation.project.as_ref().is_some_and(|p| {
                    p.stated_total
                        .iter()
                        .chain(&p.funds)
                        .any(|l| l.adjusted.is_some())
                })
        }
    }
}
