//! The evaluation file: everything a unit types, as plain serde types (no signals, no computed copies).
//!
//! Computed figures (totals, rates, grade, findings) are never stored here; [`crate::core::assess`]
//! derives them. Optional figures are `Option`: "not stated" differs from zero.

use crate::core::number::Rounding;
use crate::core::rule::{Comparison, ScoringRule};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The file format version this build writes and reads; older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 2;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

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
    pub evidence_files: Vec<super::evidence::Evidence>,
    #[serde(default, skip_serializing_if = "Filing::is_default")]
    pub filing: Filing,
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
    /// A `其中` row repeating its parent's 分值 / 得分: counted once (a warning: summing double-counts).
    Repeated,
    /// The table has neither 分值 nor 得分 (a 指标完成情况表): its rows are checked for completion, not
    /// scored, and missing scores are not reported while this note is kept.
    Unscored,
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

/// The unit's profile (单位基本情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitProfile {
    /// 单位名称.
    pub name: String,
    /// 主管部门.
    pub parent_department: String,
    /// 评价年度.
    pub year: i32,
    /// 成立年份.
    pub founded: Option<i32>,
    /// 单位性质, e.g. 全额拨款事业单位.
    pub nature: String,
    /// 职能简述 (main duties, one sentence).
    pub duties: String,
    /// 内设科室.
    pub sections: Vec<String>,
    /// 人员编制.
    pub staffing: Staffing,
    /// 资产.
    pub assets: Assets,
}

/// Staffing (人员编制情况).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Staffing {
    /// 核定编制.
    pub authorized: Option<u32>,
    /// 实际在编.
    pub on_staff: Option<u32>,
    /// 编外聘用.
    pub contract: Option<u32>,
}

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
    /// Fund lines (资金来源): 财政拨款, 其他资金 …; the 合计 row is computed.
    pub funds: Vec<FundLine>,
    /// The 年度资金总额 row as printed, checked against the sum of the lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<FundLine>,
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
    /// 全年执行数.
    pub executed: Option<Decimal>,
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

/// A business metric quoted in the report (业务指标), e.g. 受理量 424.76 万件.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessMetric {
    /// Stable key used by rules and placeholders, e.g. `accepted`.
    pub key: String,
    /// 名称, e.g. 受理各类诉求.
    pub name: String,
    /// 单位, e.g. 万件 or %.
    pub unit: String,
    /// 本年值.
    pub value: Option<Decimal>,
    /// 上年值.
    pub prior: Option<Decimal>,
    /// 同比增长 as printed (%).
    pub stated_growth: Option<Decimal>,
    /// Ways the value is broken down; each should add up to it.
    pub breakdowns: Vec<Breakdown>,
}

/// One breakdown of a metric into parts (e.g. by channel: 电话 / 互联网 / 承办转办).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Breakdown {
    /// What the parts are split by, e.g. 按渠道.
    pub label: String,
    /// The parts.
    pub parts: Vec<MetricPart>,
}

/// One part of a breakdown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricPart {
    /// 名称, e.g. 电话渠道.
    pub name: String,
    /// 数值.
    pub value: Option<Decimal>,
}

/// Goals (绩效目标).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goals {
    /// 中长期目标.
    pub long_term: String,
    /// 年度目标 (项目: 年度总体目标 预期).
    pub annual: String,
    /// 项目: 年度总体目标 实际完成情况.
    pub annual_actual: String,
}

/// The user's report text blocks; `{总分}`-style placeholders are filled from data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Narrative {
    /// 二、评价结论.
    pub conclusion: String,
    /// 三、部门履职成效.
    pub achievements: String,
    /// 四、存在问题及原因分析.
    pub problems: String,
    /// 五、有关建议.
    pub suggestions: String,
    /// 六、评价工作开展情况.
    pub process: String,
    /// 上年存在问题: last year's 存在问题, carried into this year by 新建下一年度 or from last year's
    /// file, for the unit to report on under 整改落实情况.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prior_problems: String,
    /// 上年有关建议: the measures last year's report proposed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prior_suggestions: String,
    /// 整改落实情况: what was done about last year's problems.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rectification: String,
}

impl Narrative {
    /// Whether the report has a 整改落实情况 section (last year's problems carried, or its text written).
    pub fn has_rectification(&self) -> bool {
        [
            &self.prior_problems,
            &self.prior_suggestions,
            &self.rectification,
        ]
        .iter()
        .any(|t| !t.trim().is_empty())
    }
}

/// Direction of a target (指标方向): how 实际完成值 is judged against 年度指标值.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 按指标值推断: from the printed operator (≥ / ≤ / =), else from the indicator's name
    /// (see [`crate::core::direction`]). Version 1 files stored no direction for 正向 rows: their
    /// 比例计分 leaves are migrated to an explicit `Positive`, so their scores do not change.
    #[default]
    Auto,
    /// 正向: more is better (≥ target).
    Positive,
    /// 反向: less is better (≤ target), e.g. cost.
    Reverse,
    /// 等于目标: the target itself is wanted (= target), e.g. 事故次数 = 0.
    Equal,
}

impl Direction {
    /// Every direction, in the order offered.
    pub const ALL: [Direction; 4] = [
        Direction::Auto,
        Direction::Positive,
        Direction::Reverse,
        Direction::Equal,
    ];

    /// A stable key (the file format's value).
    pub fn key(self) -> &'static str {
        match self {
            Direction::Auto => "auto",
            Direction::Positive => "positive",
            Direction::Reverse => "reverse",
            Direction::Equal => "equal",
        }
    }

    /// The label with what it means, e.g. "反向（越小越好）".
    pub fn label_long(self) -> &'static str {
        match self {
            Direction::Auto => "按指标值推断（比较符号或名称）",
            Direction::Positive => "正向（越大越好）",
            Direction::Reverse => "反向（越小越好）",
            Direction::Equal => "等于目标",
        }
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Auto => "按指标值推断",
            Direction::Positive => "正向",
            Direction::Reverse => "反向",
            Direction::Equal => "等于目标",
        }
    }
}

/// A node of the indicator tree (指标): a group when it has children, otherwise a scored leaf.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicator {
    /// Stable id, unique in the tree; paths in findings use it.
    pub id: String,
    /// 指标名称.
    pub name: String,
    /// 分值 (maximum points).
    pub points: Decimal,
    /// Sub-indicators (下级指标); empty for a leaf.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Indicator>,
    /// 指标说明.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// 评价要点 (scoring criteria as printed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub criteria: String,
    /// How the leaf is scored.
    #[serde(skip_serializing_if = "is_default")]
    pub rule: ScoringRule,
    /// 自评分 as typed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
    /// 扣分原因 / 偏差原因分析及改进措施: demanded when the score is below 分值.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Why a typed score departs from the rule's (调整理由); without it the computed score wins.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub override_reason: String,
    /// 佐证材料 (evidence note).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// 项目支出: 年度指标值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Decimal>,
    /// The comparison printed with the 年度指标值 (`≥95%` → ≥), which decides the direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_op: Option<Comparison>,
    /// 项目支出: 实际完成值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Decimal>,
    /// 项目支出: the target as words when it is not a number (e.g. 按期完成).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub target_text: String,
    /// 项目支出: the actual as words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual_text: String,
    /// 计量单位 of target and actual.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The 实际完成值's unit when it was printed with another one than the target's (`50个` / `8次`);
    /// empty means the same as [`Indicator::unit`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub actual_unit: String,
    /// 得分率 as printed, in % of 分值: a weighted form's 单项指标得分 (out of 100) or a 得分系数; the
    /// 得分 (折算得分) must equal 分值 × 得分率.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_rate: Option<Decimal>,
    /// 指标方向.
    #[serde(skip_serializing_if = "is_default")]
    pub direction: Direction,
    /// 佐证材料情况 as stated (else it follows the attached files).
    #[serde(skip_serializing_if = "is_default")]
    pub evidence_status: super::evidence::EvidenceStatus,
}

impl Indicator {
    /// A leaf has no children and carries a rule and a score.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// Visits this node and its descendants in pre-order with their depth (`depth` = this node's).
    pub fn walk<'a>(&'a self, depth: usize, visit: &mut dyn FnMut(&'a Indicator, usize)) {
        visit(self, depth);
        walk_tree(&self.children, &mut |ancestors, node| {
            visit(node, depth + 1 + ancestors.len())
        });
    }
}

/// The one tree walk: visits every node of `nodes` in pre-order with its ancestors (一级 first). Depth is
/// `ancestors.len()`; a leaf is a node without children.
///
/// ```
/// let e = jixiao::core::template::load("nanjing-2024").unwrap();
/// let mut leaves = 0;
/// jixiao::core::model::walk_tree(&e.indicators, &mut |ancestors, node| {
///     if node.is_leaf() && ancestors.len() == 2 { leaves += 1 }
/// });
/// assert_eq!(leaves, 32);
/// ```
pub fn walk_tree<'a>(
    nodes: &'a [Indicator],
    visit: &mut dyn FnMut(&[&'a Indicator], &'a Indicator),
) {
    fn go<'a>(
        nodes: &'a [Indicator],
        trail: &mut Vec<&'a Indicator>,
        visit: &mut dyn FnMut(&[&'a Indicator], &'a Indicator),
    ) {
        for node in nodes {
            visit(trail, node);
            if !node.children.is_empty() {
                trail.push(node);
                go(&node.children, trail, visit);
                trail.pop();
            }
        }
    }
    go(nodes, &mut Vec::new(), visit);
}

/// The leaves of a tree, in order.
pub fn leaves(nodes: &[Indicator]) -> Vec<&Indicator> {
    let mut out = Vec::new();
    walk_tree(nodes, &mut |_, node| {
        if node.is_leaf() {
            out.push(node)
        }
    });
    out
}

/// 加减分项: a bonus group and a deduction group, both capped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Adjustments {
    /// Cap of each group (≤ 5 分).
    pub cap: Decimal,
    /// 加分项.
    pub bonus: BonusGroup,
    /// 减分项.
    pub penalty: PenaltyGroup,
}

impl Default for Adjustments {
    fn default() -> Self {
        Adjustments {
            cap: Decimal::from(5),
            bonus: BonusGroup::default(),
            penalty: PenaltyGroup::default(),
        }
    }
}

/// 加分项: commendations, by level; the same piece of work counts once, at its highest level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusGroup {
    /// 指标名称, e.g. 受嘉奖情况.
    pub name: String,
    /// 指标说明.
    pub description: String,
    /// 评价要点.
    pub criteria: String,
    /// The schedule: level → points (国务院 3, 省级 2 …).
    pub levels: Vec<BonusLevel>,
    /// What the unit earned.
    pub items: Vec<BonusItem>,
}

/// A level of the bonus schedule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusLevel {
    /// e.g. 国务院嘉奖.
    pub label: String,
    /// Points it earns.
    pub points: Decimal,
}

/// A commendation earned (加分事项).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BonusItem {
    /// The piece of work commended (工作事项); items of the same work do not add up.
    pub work: String,
    /// The level's label, from the schedule.
    pub level: String,
    /// 佐证 (document, date).
    pub evidence: String,
}

/// 减分项: deductions at discretion (酌情扣分), each with its reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyGroup {
    /// 指标名称, e.g. 部门或工作人员违法违纪.
    pub name: String,
    /// 指标说明.
    pub description: String,
    /// 评价要点.
    pub criteria: String,
    /// Deductions made.
    pub items: Vec<PenaltyItem>,
}

/// One deduction (减分事项).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PenaltyItem {
    /// What happened.
    pub description: String,
    /// Points deducted.
    pub points: Decimal,
    /// 扣分原因 / basis.
    pub reason: String,
}

/// A grade band (等级): the grade applies from `min` up to the next band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeBand {
    /// e.g. 优.
    pub grade: String,
    /// Lowest total of the band.
    pub min: Decimal,
    /// Whether `min` itself belongs to the band ("90（含）-100分为优"); false where a document says
    /// "90分以上" and means above 90.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub min_inclusive: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(value: &bool) -> bool {
    *value
}

impl GradeBand {
    /// Whether a total falls in this band or above it.
    pub fn reaches(&self, total: Decimal) -> bool {
        if self.min_inclusive {
            total >= self.min
        } else {
            total > self.min
        }
    }
}

/// Totals, grading and rounding (评价设置).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// 总分值 the 一级指标 must add up to (100).
    pub total_points: Decimal,
    /// Grade bands; default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.
    pub grade_bands: Vec<GradeBand>,
    /// Rounding of rule-computed scores.
    pub rounding: Rounding,
    /// Thresholds of the score audit.
    pub audit: AuditSettings,
    /// When a score without evidence is a finding (提示).
    #[serde(skip_serializing_if = "is_default")]
    pub evidence_check: EvidenceCheck,
    /// The 评分口径 these settings were taken from ([`crate::core::profile`]); empty when set by hand.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub profile: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            total_points: Decimal::ONE_HUNDRED,
            grade_bands: default_grade_bands(),
            rounding: Rounding::default(),
            audit: AuditSettings::default(),
            profile: String::new(),
            evidence_check: EvidenceCheck::default(),
        }
    }
}

/// When an indicator's score without evidence (佐证材料) is a finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceCheck {
    /// Never.
    #[default]
    Off,
    /// A score below 分值: the deduction must be backed.
    BelowFull,
    /// Any score: every point must be backed.
    Scored,
}

impl EvidenceCheck {
    /// Every choice, for the select.
    pub const ALL: [EvidenceCheck; 3] = [
        EvidenceCheck::Off,
        EvidenceCheck::BelowFull,
        EvidenceCheck::Scored,
    ];

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceCheck::Off => "不检查",
            EvidenceCheck::BelowFull => "扣分的指标须有佐证材料",
            EvidenceCheck::Scored => "所有得分的指标须有佐证材料",
        }
    }

    /// The file format's name.
    pub fn key(self) -> &'static str {
        match self {
            EvidenceCheck::Off => "off",
            EvidenceCheck::BelowFull => "below_full",
            EvidenceCheck::Scored => "scored",
        }
    }
}

/// Thresholds of the score audit (评分复核), in %.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSettings {
    /// 执行率 below this is low (提示), and with high indicator scores 两张皮 (警告). Default 80.
    pub low_execution_rate: Decimal,
    /// Indicator scores at or above this share of their points count as high for 两张皮. Default 95.
    pub high_score_share: Decimal,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            low_execution_rate: Decimal::from(80),
            high_score_share: Decimal::from(95),
        }
    }
}

/// 优 ≥ 90, 良 [80, 90), 中 [60, 80), 差 < 60.
pub fn default_grade_bands() -> Vec<GradeBand> {
    [("优", 90), ("良", 80), ("中", 60), ("差", 0)]
        .into_iter()
        .map(|(grade, min)| GradeBand {
            grade: grade.to_string(),
            min: Decimal::from(min),
            min_inclusive: true,
        })
        .collect()
}

/// Figures as the unit printed them (报告所述), so a mismatch with the computed ones is caught.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatedFigures {
    /// 自评得分 as printed.
    pub total: Option<Decimal>,
    /// 评价等级 as printed.
    pub grade: Option<String>,
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
