//! The workbench's tabs and which one shows a field (tab routing): the state only holds the current tab.

use crate::core::path::{FieldPath, Section};

/// The tabs of the workbench (no router: the host page's history never changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// 单位概况.
    Unit,
    /// 收支与资产.
    Accounts,
    /// 业务指标.
    Metrics,
    /// 指标体系与评分.
    Indicators,
    /// 检查.
    Findings,
    /// 报告预览.
    Report,
    /// 上年对比 and 等级差距.
    Compare,
    /// 佐证材料.
    Evidence,
}

impl Tab {
    /// All tabs in order.
    pub const ALL: [Tab; 8] = [
        Tab::Unit,
        Tab::Accounts,
        Tab::Metrics,
        Tab::Indicators,
        Tab::Evidence,
        Tab::Findings,
        Tab::Compare,
        Tab::Report,
    ];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Unit => "单位概况",
            Tab::Accounts => "收支与资产",
            Tab::Metrics => "业务指标",
            Tab::Indicators => "指标体系与评分",
            Tab::Findings => "检查",
            Tab::Report => "报告预览",
            Tab::Compare => "上年对比",
            Tab::Evidence => "佐证材料",
        }
    }

    /// A stable id for tests.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Unit => "unit",
            Tab::Accounts => "accounts",
            Tab::Metrics => "metrics",
            Tab::Indicators => "indicators",
            Tab::Findings => "findings",
            Tab::Report => "report",
            Tab::Compare => "compare",
            Tab::Evidence => "evidence",
        }
    }

    /// The tab that shows the field at `path` (a finding's or a reconciliation's).
    pub fn for_path(path: &FieldPath) -> Tab {
        match path.section() {
            Section::Indicators | Section::Adjustments | Section::Stated => Tab::Indicators,
            Section::Accounts | Section::Project | Section::Assets => Tab::Accounts,
            Section::Metrics => Tab::Metrics,
            Section::EvidenceFiles => Tab::Evidence,
            Section::Narrative => Tab::Report,
            // Import notes are findings about the pasted table, listed in 检查.
            Section::ImportNotes => Tab::Findings,
            Section::Unit | Section::Other => Tab::Unit,
        }
    }
}
