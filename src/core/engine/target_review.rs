//! 审核意见 (target review): the grade a finance bureau gives a 绩效目标申报表 after its checks, with the
//! reasons that decided it.
//!
//! The four grades and what follows from each are those of 财预〔2015〕88号《中央部门预算绩效目标管理办法》
//! (the article that grades the review): 优 goes straight on to the budget; 良 is completed with the
//! department and goes on; 中 is revised and filed again; 差 does not go on. The document does not say which
//! defects make which grade; the mapping here is the common practice of reviewers, stated so a unit can
//! see why:
//!
//! - **差**: the targets cannot be used — 产出 or 效益 is missing, or half the 三级 indicators or more have no
//!   real value (blank or a template placeholder);
//! - **中**: any error (a placeholder, a missing value, a rate over 100 %, …);
//! - **良**: warnings only (a misplaced indicator, a cost written as a floor, …);
//! - **优**: no error and no warning (notes may remain).
//!
//! ```
//! use jixiao::core::target_review::{ReviewGrade, TargetReview};
//! let review = TargetReview::of(&[], 5);
//! assert_eq!(review.grade, Some(ReviewGrade::Excellent));
//! assert_eq!(review.label(), "优");
//! ```

use super::check::{Code, Finding, Severity};
use serde::{Deserialize, Serialize};

/// The grade of a target review (审核结果).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewGrade {
    /// 优.
    Excellent,
    /// 良.
    Good,
    /// 中.
    Fair,
    /// 差.
    Poor,
}

impl ReviewGrade {
    /// Every grade, best first.
    pub const ALL: [ReviewGrade; 4] = [
        ReviewGrade::Excellent,
        ReviewGrade::Good,
        ReviewGrade::Fair,
        ReviewGrade::Poor,
    ];

    /// 优 / 良 / 中 / 差.
    pub fn label(self) -> &'static str {
        match self {
            ReviewGrade::Excellent => "优",
            ReviewGrade::Good => "良",
            ReviewGrade::Fair => "中",
            ReviewGrade::Poor => "差",
        }
    }

    /// What follows from the grade, in 88号's terms.
    pub fn consequence(self) -> &'static str {
        match self {
            ReviewGrade::Excellent => "可直接进入下一步预算安排流程",
            ReviewGrade::Good => "与单位协商完善绩效目标后，进入下一步预算安排流程",
            ReviewGrade::Fair => "由单位修改完善绩效目标，按程序重新报送审核",
            ReviewGrade::Poor => "不得进入下一步预算安排流程",
        }
    }
}

/// The review of a target table: its grade and the reasons, most serious first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetReview {
    /// 审核结果; `None` when no 三级 indicator was read (nothing to review: a table the import could not
    /// read is not a bad table).
    pub grade: Option<ReviewGrade>,
    /// Why, one line per kind of defect ("错误 3 项：三级指标没有指标值（2）、…").
    pub reasons: Vec<String>,
}

/// Findings that make targets unusable, not merely wrong.
const UNUSABLE: [Code; 1] = [Code::TargetLevel1Missing];
/// Findings that leave a 三级 indicator without a real value.
const VALUELESS: [Code; 2] = [Code::TargetValueMissing, Code::TargetPlaceholder];

impl TargetReview {
    /// The review of a target table with these findings and `leaves` 三级 indicators.
    pub fn of(findings: &[Finding], leaves: usize) -> TargetReview {
        let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
        let valueless = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && VALUELESS.contains(&f.code))
            .count();
        let mut reasons = Vec::new();
        let unusable: Vec<&Finding> = findings
            .iter()
            .filter(|f| UNUSABLE.contains(&f.code))
            .collect();
        for finding in &unusable {
            reasons.push(finding.message.clone());
        }
        if leaves > 0 && valueless * 2 >= leaves {
            reasons.push(format!(
                "{leaves} 个三级指标中 {valueless} 个没有实际的指标值（空白或模板占位）"
            ));
        }
        if leaves == 0 {
            return TargetReview {
                grade: None,
                reasons: Vec::new(),
            };
        }
        let grade = if !reasons.is_empty() {
            ReviewGrade::Poor
        } else if count(Severity::Error) > 0 {
            ReviewGrade::Fair
        } else if count(Severity::Warning) > 0 {
            ReviewGrade::Good
        } else {
            ReviewGrade::Excellent
        };
        // The unusable findings are named above already.
        let rest: Vec<Finding> = findings
            .iter()
            .filter(|f| !UNUSABLE.contains(&f.code))
            .cloned()
            .collect();
        for severity in [Severity::Error, Severity::Warning] {
            if let Some(line) = summary(&rest, severity) {
                reasons.push(line);
            }
        }
        if reasons.is_empty() {
            reasons.push("未发现错误或警告".to_string());
        }
        TargetReview {
            grade: Some(grade),
            reasons,
        }
    }

    /// "审核意见：中。由单位修改完善绩效目标，按程序重新报送审核。"
    pub fn sentence(&self) -> String {
        format!("审核意见：{}", self.verdict())
    }

    /// "中。由单位修改完善绩效目标，按程序重新报送审核。" (no lead, for a line that has its own).
    pub fn verdict(&self) -> String {
        match self.grade {
            Some(grade) => format!("{}。{}。", grade.label(), grade.consequence()),
            None => "无法给出（未读到三级指标）。".to_string(),
        }
    }

    /// The grade's label, "—" when there is none.
    pub fn label(&self) -> &'static str {
        self.grade.map(ReviewGrade::label).unwrap_or("—")
    }
}

/// "错误 3 项：三级指标没有指标值（2）、比率超过100%（1）": the kinds of one severity, by their code's
/// short name, most frequent first.
fn summary(findings: &[Finding], severity: Severity) -> Option<String> {
    let mut kinds: Vec<(Code, usize)> = Vec::new();
    for finding in findings.iter().filter(|f| f.severity == severity) {
        match kinds.iter_mut().find(|(code, _)| *code == finding.code) {
            Some((_, n)) => *n += 1,
            None => kinds.push((finding.code, 1)),
        }
    }
    if kinds.is_empty() {
        return None;
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let total: usize = kinds.iter().map(|(_, n)| n).sum();
    let parts: Vec<String> = kinds
        .iter()
        .map(|(code, n)| format!("{}（{n}）", short_name(*code)))
        .collect();
    Some(format!(
        "{} {total} 项：{}",
        severity.label(),
        parts.join("、")
    ))
}

/// A defect's name in a reason line.
fn short_name(code: Code) -> &'static str {
    match code {
        Code::TargetLevel1Missing => "缺少产出或效益指标",
        Code::TargetNoSatisfaction => "没有满意度指标",
        Code::TargetBenefitOnlySatisfaction => "效益指标只有满意度",
        Code::TargetLevel2Unknown => "二级指标不在常用列表",
        Code::TargetMisplaced => "三级指标放错了二级指标",
        Code::TargetFundsAsResult => "以资金指标作产出或效益",
        Code::TargetCostFloor => "成本指标写成下限",
        Code::TargetPercentOver100 => "比率超过100%",
        Code::TargetPlaceholder => "模板占位未填",
        Code::TargetValueMissing => "没有指标值",
        Code::TargetQuantifiedShare => "定量指标偏少",
        Code::TargetBasisMissing => "未写设定依据",
        Code::TargetBelowPrior => "目标值低于上年实际",
        Code::TargetCostOverBudget => "成本合计超过资金总额",
        Code::TargetMaybeLow => "目标可能偏低",
        Code::TargetDateOutsidePeriod => "时效日期不在项目期内",
        Code::TargetPeriodReversed => "项目期开始晚于结束",
        Code::BudgetTotalSum => "资金总额与其中各项不符",
        Code::BudgetTotalBelowPart => "资金总额小于其中一项",
        Code::TargetUnrecordedChange => "批复后变动未记录调整",
        Code::TargetUnitNumeric => "计量单位是数字",
        Code::TargetUnitMissing => "没有计量单位",
        Code::TargetOperatorMissing => "未写指标性质",
        Code::TargetNameValueConflict => "名称与指标值数值不一",
        Code::TargetShareFloorAtFull => "比率写成≥100%",
        Code::TargetCostAsRate => "成本指标写成比率",
        Code::TargetCostZero => "成本指标为零",
        Code::TargetCostNotCeiling => "成本指标未写≤",
        Code::TargetCostIsBudget => "成本指标重述预算",
        Code::TargetMidTermExceeded => "年度指标值超过中期",
        Code::TargetMidTermMissing => "年度指标不在中期指标中",
        Code::TargetTaskBlank => "年度主要任务不完整",
        Code::TargetTimelinessBelowFull => "时效目标低于100%",
        Code::TargetTaskSum => "任务金额与其中各项不符",
        Code::TargetTasksMissing => "未列年度主要任务",
        Code::TargetTasksOverBudget => "任务金额超过资金总额",
        Code::TargetTasksTotal => "任务金额合计不符",
        Code::ImportUnitConflict => "指标值与计量单位不符",
        _ => code.as_str(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::path::FieldPath;

    fn finding(severity: Severity, code: Code) -> Finding {
        Finding::new(severity, code, FieldPath::tree(), "x")
    }

    #[test]
    fn each_grade_at_its_boundary() {
        let warning = finding(Severity::Warning, Code::TargetCostFloor);
        let error = finding(Severity::Error, Code::TargetPercentOver100);
        let missing = finding(Severity::Error, Code::TargetValueMissing);
        let info = finding(Severity::Info, Code::TargetBasisMissing);
        assert_eq!(
            TargetReview::of(std::slice::from_ref(&info), 4).grade,
            Some(ReviewGrade::Excellent)
        );
        assert_eq!(
            TargetReview::of(&[warning.clone(), info], 4).grade,
            Some(ReviewGrade::Good)
        );
        assert_eq!(
            TargetReview::of(&[warning, error], 4).grade,
            Some(ReviewGrade::Fair)
        );
        // One of four rows without a value: 中; two of four (half): 差.
        assert_eq!(
            TargetReview::of(std::slice::from_ref(&missing), 4).grade,
            Some(ReviewGrade::Fair)
        );
        let review = TargetReview::of(&[missing.clone(), missing], 4);
        assert_eq!(review.grade, Some(ReviewGrade::Poor));
        assert!(
            review.reasons[0].contains("4 个三级指标中 2 个"),
            "{:?}",
            review.reasons
        );
        assert!(
            review.reasons[1].contains("错误 2 项：没有指标值（2）"),
            "{:?}",
            review.reasons
        );
        let no_benefit = finding(Severity::Error, Code::TargetLevel1Missing);
        assert_eq!(
            TargetReview::of(&[no_benefit], 9).grade,
            Some(ReviewGrade::Poor)
        );
        // Nothing read, nothing graded.
        assert_eq!(TargetReview::of(&[], 0).grade, None);
    }
}
