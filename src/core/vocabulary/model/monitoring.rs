//! 运行监控 (绩效运行监控, 财预〔2019〕136号's practice): the period reported (1–N 月), and per 三级 indicator
//! the figures to date, the year's forecast, how likely the target is (完成目标可能性), the causes of a
//! deviation and the measures taken. The lights are computed from them ([`crate::core::lights`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The period of a monitoring report: 1 to `month` 月 (序时进度 = month / 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringPeriod {
    /// The last month reported (1–12): 6 for 1–6 月, 7 for 1–7 月 (the central practice), 9 for 三季度.
    pub month: u8,
}

impl Default for MonitoringPeriod {
    /// 1–7 月, as the central departments report in August.
    fn default() -> Self {
        MonitoringPeriod { month: 7 }
    }
}

impl MonitoringPeriod {
    /// 序时进度 in %: month / 12 × 100 (the month held within 1–12).
    pub fn elapsed_percent(self) -> Decimal {
        Decimal::from(self.month.clamp(1, 12)) * Decimal::ONE_HUNDRED / Decimal::from(12)
    }

    /// "1–7月".
    pub fn label(self) -> String {
        format!("1—{}月", self.month.clamp(1, 12))
    }
}

/// 完成目标可能性.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// 确定能.
    Certain,
    /// 有可能.
    Possible,
    /// 完全不可能.
    Impossible,
}

impl Likelihood {
    /// Every choice, most confident first.
    pub const ALL: [Likelihood; 3] = [
        Likelihood::Certain,
        Likelihood::Possible,
        Likelihood::Impossible,
    ];

    /// The file format's name.
    pub fn key(self) -> &'static str {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
    }

    /// The Chinese words.
    pub fn label(self) -> &'static str {
        match self {
            Likelihood::Certain => "确定能",
            Likelihood::Possible => "有可能",
            Likelihood::Impossible => "完全不可能",
        }
    }
}

/// A category of 偏差原因 (the monitoring forms' tick boxes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// 经费保障.
    Funds,
    /// 制度保障.
    Rules,
    /// 人员保障.
    Staff,
    /// 硬件条件保障.
    Facilities,
    /// 其他.
    Other,
}

impl CauseKind {
    /// Every category, in the forms' order.
    pub const ALL: [CauseKind; 5] = [
        CauseKind::Funds,
        CauseKind::Rules,
        CauseKind::Staff,
        CauseKind::Facilities,
        CauseKind::Other,
    ];

    /// The Chinese words.
    pub fn label(self) -> &'static str {
        match self {
            CauseKind::Funds => "经费保障",
            CauseKind::Rules => "制度保障",
            CauseKind::Staff => "人员保障",
            CauseKind::Facilities => "硬件条件保障",
            CauseKind::Other => "其他",
        }
    }
}

/// One 三级 indicator's monitoring figures (监控情况).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorMonitoring {
    /// 1–N 月 实际完成值 (定量).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_date: Option<Decimal>,
    /// 1–N 月 完成情况 in words (定性: 达成 / 部分达成 / 未达成).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub to_date_text: String,
    /// 全年预计完成值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Decimal>,
    /// 完成目标可能性.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Likelihood>,
    /// 偏差原因, ticked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<CauseKind>,
    /// 偏差原因 in words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cause: String,
    /// 纠偏措施.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub measure: String,
    /// The indicator completes only at year end (时效, a one-off event): judged against the full target,
    /// not the pro-rata one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub year_end_only: bool,
    /// The self-evaluation's 实际完成值 was filled from this 全年预计完成值 when the year moved on, and not
    /// typed since: a starting point, not a result.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

impl IndicatorMonitoring {
    /// The causes ticked and written: "经费保障、人员保障：师资不足"; empty when none.
    pub fn cause_text(&self) -> String {
        let ticked: Vec<&str> = self.causes.iter().map(|c| c.label()).collect();
        let words = self.cause.trim();
        match (ticked.is_empty(), words.is_empty()) {
            (true, _) => words.to_string(),
            (false, true) => ticked.join("、"),
            (false, false) => format!("{}：{words}", ticked.join("、")),
        }
    }

    /// Whether a deviation is explained: a cause (ticked or in words) and a measure.
    pub fn explained(&self) -> bool {
        (!self.causes.is_empty() || !self.cause.trim().is_empty())
            && !self.measure.trim().is_empty()
    }
}

/// The lights' thresholds (预警阈值), in % of the pro-rata figure: below `red_below` red, below
/// `yellow_below` yellow, from `blue_from` blue (target probably too low), else green.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LightThresholds {
    /// Default 60.
    pub red_below: Decimal,
    /// Default 80.
    pub yellow_below: Decimal,
    /// Default 120.
    pub blue_from: Decimal,
}

impl Default for LightThresholds {
    fn default() -> Self {
        LightThresholds {
            red_below: Decimal::from(60),
            yellow_below: Decimal::from(80),
            blue_from: Decimal::from(120),
        }
    }
}
