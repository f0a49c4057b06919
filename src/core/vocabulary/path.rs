//! Field paths (字段路径): where in an evaluation a finding or a reconciliation points, as a type.
//!
//! On the wire a path is its `/`-separated text (`indicators/1.2/score`, `accounts/income_total`,
//! `unit/assets/total`, `metrics/<key>/breakdowns/<i>`, `adjustments/bonus/items/<i>`, `stated/total`,
//! `project/funds/<i>`, `narrative/rectification`, `import_notes/<i>`), so files and goldens read as
//! before; in Rust it is built only by the constructors below from typed parts, and read back by
//! [`FieldPath::section`] and [`FieldPath::indicator_id`] — nobody parses the text by prefix.
//!
//! ```
//! use jixiao::core::path::{FieldPath, IndicatorField, Section};
//! let p = FieldPath::of_indicator("1.2", IndicatorField::Score);
//! assert_eq!(p.as_str(), "indicators/1.2/score");
//! assert_eq!(p.section(), Section::Indicators);
//! assert_eq!(p.indicator_id(), Some("1.2"));
//! let assets = jixiao::core::amounts::ASSETS_TOTAL.field_path();
//! assert_eq!(assets.section(), Section::Assets);
//! ```

use serde::{Deserialize, Serialize};

/// A field's path (字段路径).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldPath(String);

/// The part of an evaluation a path is in (what a tab or a listing groups by).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// 单位基本情况.
    Unit,
    /// 资产 (kept under the unit, shown with the accounts).
    Assets,
    /// 收支 (部门整体).
    Accounts,
    /// 项目资金 and the 项目支出 form's lines.
    Project,
    /// 业务指标.
    Metrics,
    /// The indicator tree.
    Indicators,
    /// 加减分.
    Adjustments,
    /// 所列总分 / 等级 and the report's words about them.
    Stated,
    /// The report's text blocks.
    Narrative,
    /// 佐证材料 files.
    EvidenceFiles,
    /// Notes on how a pasted table was read.
    ImportNotes,
    /// A path of none of these (an older file's).
    Other,
}

/// A field of an indicator that findings point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndicatorField {
    /// 编号.
    Id,
    /// 名称.
    Name,
    /// 分值.
    Points,
    /// 自评分.
    Score,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 扣分原因.
    Reason,
    /// 评分规则.
    Rule,
    /// 佐证材料状态.
    EvidenceStatus,
    /// 指标值设定依据.
    Basis,
    /// 运行监控's figures (完成值, 预计, 可能性, 原因, 措施).
    Monitoring,
}

impl IndicatorField {
    fn key(self) -> &'static str {
        match self {
            IndicatorField::Id => "id",
            IndicatorField::Name => "name",
            IndicatorField::Points => "points",
            IndicatorField::Score => "score",
            IndicatorField::Target => "target",
            IndicatorField::Actual => "actual",
            IndicatorField::Reason => "reason",
            IndicatorField::Rule => "rule",
            IndicatorField::EvidenceStatus => "evidence_status",
            IndicatorField::Basis => "basis",
            IndicatorField::Monitoring => "monitoring",
        }
    }
}

/// A field of the accounts that is no amount of [`crate::core::amounts`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountField {
    /// 所列预算执行率.
    StatedExecutionRate,
}

/// What the evaluation states of itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatedField {
    /// 所列总分.
    Total,
    /// 所列等级.
    Grade,
    /// What the report's words state.
    Text,
}

/// 加分 or 减分.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdjustmentSide {
    /// 加分项.
    Bonus,
    /// 减分项.
    Penalty,
}

/// A row of the 项目资金 block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundRow {
    /// One 资金来源 line, by its index.
    Line(usize),
    /// The printed 年度资金总额.
    Total,
}

/// A column of the 项目资金 block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundColumn {
    /// 年初预算数.
    Initial,
    /// 全年预算数.
    Adjusted,
    /// 全年执行数.
    Executed,
    /// 所列执行率.
    StatedRate,
    /// 得分.
    Score,
    /// 全年预计执行数 (运行监控).
    Forecast,
}

impl FundColumn {
    /// The column's key in paths.
    pub fn key(self) -> &'static str {
        match self {
            FundColumn::Initial => "initial",
            FundColumn::Adjusted => "adjusted",
            FundColumn::Executed => "executed",
            FundColumn::StatedRate => "stated_rate",
            FundColumn::Score => "score",
            FundColumn::Forecast => "forecast",
        }
    }
}

/// A text block of the report (报告文字).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NarrativeField {
    /// 评价结论.
    Conclusion,
    /// 履职成效.
    Achievements,
    /// 存在问题.
    Problems,
    /// 有关建议.
    Suggestions,
    /// 评价工作开展情况.
    Process,
    /// 上年存在问题.
    PriorProblems,
    /// 上年有关建议.
    PriorSuggestions,
    /// 整改落实情况.
    Rectification,
}

impl NarrativeField {
    /// Every block, in the report's order of the editor.
    pub const ALL: [NarrativeField; 8] = [
        NarrativeField::Conclusion,
        NarrativeField::Achievements,
        NarrativeField::Problems,
        NarrativeField::Suggestions,
        NarrativeField::Process,
        NarrativeField::PriorProblems,
        NarrativeField::PriorSuggestions,
        NarrativeField::Rectification,
    ];

    /// The block's key in paths and files.
    pub fn key(self) -> &'static str {
        match self {
            NarrativeField::Conclusion => "conclusion",
            NarrativeField::Achievements => "achievements",
            NarrativeField::Problems => "problems",
            NarrativeField::Suggestions => "suggestions",
            NarrativeField::Process => "process",
            NarrativeField::PriorProblems => "prior_problems",
            NarrativeField::PriorSuggestions => "prior_suggestions",
            NarrativeField::Rectification => "rectification",
        }
    }

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            NarrativeField::Conclusion => "评价结论",
            NarrativeField::Achievements => "履职成效",
            NarrativeField::Problems => "存在问题",
            NarrativeField::Suggestions => "有关建议",
            NarrativeField::Process => "评价工作开展情况",
            NarrativeField::PriorProblems => "上年存在问题",
            NarrativeField::PriorSuggestions => "上年有关建议",
            NarrativeField::Rectification => "整改落实情况",
        }
    }
}

impl FieldPath {
    /// The indicator tree as a whole: `indicators`.
    pub fn tree() -> FieldPath {
        FieldPath("indicators".into())
    }

    /// An indicator as a whole: `indicators/<id>`.
    pub fn indicator(id: &str) -> FieldPath {
        FieldPath(format!("indicators/{id}"))
    }

    /// A field of an indicator: `indicators/<id>/score`.
    pub fn of_indicator(id: &str, field: IndicatorField) -> FieldPath {
        FieldPath(format!("indicators/{id}/{}", field.key()))
    }

    /// An amount's path as its registry ([`crate::core::amounts`]) spells it, through
    /// `Amount::field_path`: the one place paths of amounts are written.
    pub(crate) fn registered(text: &'static str) -> FieldPath {
        FieldPath(text.to_string())
    }

    /// A breakdown of the budget block: `project/breakdowns/<index>`.
    pub fn fund_breakdown(index: usize) -> FieldPath {
        FieldPath(format!("project/breakdowns/{index}"))
    }

    /// An accounts field that is no single amount.
    pub fn account(field: AccountField) -> FieldPath {
        FieldPath(
            match field {
                AccountField::StatedExecutionRate => "accounts/stated_execution_rate",
            }
            .to_string(),
        )
    }

    /// What the evaluation states: `stated/total`, `stated/grade`, `stated/text`.
    pub fn stated(field: StatedField) -> FieldPath {
        FieldPath(
            match field {
                StatedField::Total => "stated/total",
                StatedField::Grade => "stated/grade",
                StatedField::Text => "stated/text",
            }
            .to_string(),
        )
    }

    /// A deduction the report's words state: `stated/text/deductions/<i>`.
    pub fn stated_deduction(index: usize) -> FieldPath {
        FieldPath(format!("stated/text/deductions/{index}"))
    }

    /// The project as a whole (its budget against its results): `project`.
    pub fn project() -> FieldPath {
        FieldPath("project".into())
    }

    /// The 项目资金 lines as a whole: `project/funds`.
    pub fn fund_lines() -> FieldPath {
        FieldPath("project/funds".into())
    }

    /// A 项目资金 row (`project/funds/<i>`, `project/stated_total`), or one of its cells.
    pub fn fund(row: FundRow, column: Option<FundColumn>) -> FieldPath {
        let row = match row {
            FundRow::Line(i) => format!("project/funds/{i}"),
            FundRow::Total => "project/stated_total".into(),
        };
        match column {
            Some(c) => FieldPath(format!("{row}/{}", c.key())),
            None => FieldPath(row),
        }
    }

    /// The 加分 or 减分 block (`adjustments/bonus`), or one of its items (`…/items/<i>`).
    pub fn adjustment(side: AdjustmentSide, item: Option<usize>) -> FieldPath {
        let side = match side {
            AdjustmentSide::Bonus => "bonus",
            AdjustmentSide::Penalty => "penalty",
        };
        match item {
            Some(i) => FieldPath(format!("adjustments/{side}/items/{i}")),
            None => FieldPath(format!("adjustments/{side}")),
        }
    }

    /// A breakdown of a business metric: `metrics/<key>/breakdowns/<i>`.
    pub fn metric_breakdown(key: &str, index: usize) -> FieldPath {
        FieldPath(format!("metrics/{key}/breakdowns/{index}"))
    }

    /// A business metric's 上年值: `metrics/<key>/prior`.
    pub fn metric_prior(key: &str) -> FieldPath {
        FieldPath(format!("metrics/{key}/prior"))
    }

    /// A business metric's printed growth: `metrics/<key>/stated_growth`.
    pub fn metric_growth(key: &str) -> FieldPath {
        FieldPath(format!("metrics/{key}/stated_growth"))
    }

    /// A text block of the report: `narrative/<field>`.
    pub fn narrative(field: NarrativeField) -> FieldPath {
        FieldPath(format!("narrative/{}", field.key()))
    }

    /// A note on how the table was read: `import_notes/<i>`.
    pub fn import_note(index: usize) -> FieldPath {
        FieldPath(format!("import_notes/{index}"))
    }

    /// The path's text, as on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part of the evaluation the path is in.
    pub fn section(&self) -> Section {
        let mut parts = self.0.split('/');
        match (parts.next(), parts.next()) {
            (Some("unit"), Some("assets")) => Section::Assets,
            (Some("unit"), _) => Section::Unit,
            (Some("accounts"), _) => Section::Accounts,
            (Some("project"), _) => Section::Project,
            (Some("metrics"), _) => Section::Metrics,
            (Some("indicators"), _) => Section::Indicators,
            (Some("adjustments"), _) => Section::Adjustments,
            (Some("stated"), _) => Section::Stated,
            (Some("narrative"), _) => Section::Narrative,
            (Some("evidence_files"), _) => Section::EvidenceFiles,
            (Some("import_notes"), _) => Section::ImportNotes,
            _ => Section::Other,
        }
    }

    /// The indicator's id when the path is in the tree.
    pub fn indicator_id(&self) -> Option<&str> {
        let rest = self.0.strip_prefix("indicators/")?;
        // Ids may hold dots but no slash: the id ends at the field.
        Some(rest.split('/').next().unwrap_or(rest))
    }

    /// Whether the path is an indicator's 佐证材料 status.
    pub fn is_evidence_status(&self) -> bool {
        self.section() == Section::Indicators
            && self.0.ends_with(IndicatorField::EvidenceStatus.key())
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_constructor_is_in_its_section() {
        use Section::*;
        let cases = [
            (FieldPath::indicator("1"), Indicators),
            (
                FieldPath::account(AccountField::StatedExecutionRate),
                Accounts,
            ),
            (crate::core::amounts::ASSETS_FIXED.field_path(), Assets),
            (FieldPath::stated(StatedField::Grade), Stated),
            (FieldPath::stated_deduction(0), Stated),
            (FieldPath::fund(FundRow::Line(2), None), Project),
            (
                FieldPath::fund(FundRow::Total, Some(FundColumn::Executed)),
                Project,
            ),
            (FieldPath::fund_lines(), Project),
            (
                FieldPath::adjustment(AdjustmentSide::Penalty, Some(1)),
                Adjustments,
            ),
            (FieldPath::metric_breakdown("k", 1), Metrics),
            (
                FieldPath::narrative(NarrativeField::Rectification),
                Narrative,
            ),
            (FieldPath::import_note(3), ImportNotes),
        ];
        for (path, section) in cases {
            assert_eq!(path.section(), section, "{path}");
        }
        assert_eq!(FieldPath::default().section(), Other);
        let status = FieldPath::of_indicator("1.2.3", IndicatorField::EvidenceStatus);
        assert!(status.is_evidence_status());
        assert_eq!(status.indicator_id(), Some("1.2.3"));
        assert_eq!(FieldPath::metric_prior("k").indicator_id(), None);
    }
}
