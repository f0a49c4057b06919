//! Business metrics (业务指标) the report quotes, with their breakdowns into parts.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
