//! The report's words: goals (绩效目标) and the text blocks (报告文字) the unit writes.

use serde::{Deserialize, Serialize};

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
    /// The text of one block.
    pub fn text(&self, field: crate::core::path::NarrativeField) -> &str {
        use crate::core::path::NarrativeField::*;
        match field {
            Conclusion => &self.conclusion,
            Achievements => &self.achievements,
            Problems => &self.problems,
            Suggestions => &self.suggestions,
            Process => &self.process,
            PriorProblems => &self.prior_problems,
            PriorSuggestions => &self.prior_suggestions,
            Rectification => &self.rectification,
        }
    }

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
