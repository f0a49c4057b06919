//! Totals, grading, rounding and the audit's thresholds (评价设置).

use super::is_default;
use crate::core::number::Rounding;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
    /// 运行监控's light thresholds.
    #[serde(skip_serializing_if = "is_default")]
    pub lights: super::LightThresholds,
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
            lights: Default::default(),
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
    /// A target table whose 定量 三级 indicators are below this share of all is noted (提示). Default 50.
    pub quantified_share: Decimal,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            low_execution_rate: Decimal::from(80),
            high_score_share: Decimal::from(95),
            quantified_share: Decimal::from(50),
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
