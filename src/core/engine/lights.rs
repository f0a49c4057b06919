//! 运行监控's lights (预警): each 三级 indicator and the budget coloured from what the period should have
//! reached, each with its formula and figures, and the project's light (its worst).
//!
//! - Budget: v = 执行率 ÷ 序时进度 (序时进度 = N / 12); below 60 % red, below 80 % yellow, else green.
//! - 正向 indicator: v = 1–N 月 完成值 ÷ (年度指标值 × 序时进度), or ÷ 年度指标值 for a row that completes
//!   only at year end; below 60 % red, below 80 % yellow, from 120 % blue (target probably too low), else
//!   green; 0 done with time elapsed is red.
//! - 反向 indicator (≤): within the target green, else red. 定性: 达成 green, 部分达成 yellow, 未达成 red.
//!
//! Thresholds are the 评分口径's ([`crate::core::model::LightThresholds`]). The common practice of the
//! finance systems (the issue's defaults); the monitoring rules' own wording could not be read here.
//!
//! ```
//! use jixiao::core::lights::{band, Light};
//! let t = jixiao::core::model::LightThresholds::default();
//! assert_eq!(band("59.99".parse().unwrap(), &t, true), Light::Red);
//! assert_eq!(band("60".parse().unwrap(), &t, true), Light::Yellow);
//! assert_eq!(band("120".parse().unwrap(), &t, true), Light::Blue);
//! ```

use crate::core::measure::Measure;
use crate::core::model::{Evaluation, Indicator, LightThresholds, MonitoringPeriod};
use crate::core::number::fmt_score;
use crate::core::rule::QualitativeLevel;
use rust_decimal::Decimal;
use serde::Serialize;

/// A light (预警灯).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// 红灯: far behind.
    Red,
    /// 黄灯: behind.
    Yellow,
    /// 绿灯: on track.
    Green,
    /// 蓝灯: far ahead — the target was probably set too low.
    Blue,
}

impl Light {
    /// 红灯 / 黄灯 / 绿灯 / 蓝灯.
    pub fn label(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Green => "绿灯",
            Light::Blue => "蓝灯",
        }
    }

    /// Position from behind to ahead (red 0 … blue 3): the steps between two lights.
    pub fn position(self) -> u8 {
        match self {
            Light::Red => 0,
            Light::Yellow => 1,
            Light::Green => 2,
            Light::Blue => 3,
        }
    }

    /// How serious (red worst, then yellow, green, blue): the project shows its worst.
    pub fn severity(self) -> u8 {
        match self {
            Light::Red => 3,
            Light::Yellow => 2,
            Light::Green => 1,
            Light::Blue => 0,
        }
    }
}

/// One light with what it was computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LightResult {
    /// The indicator's id; empty for the budget.
    pub id: String,
    /// What it is (the indicator's name, or 预算执行).
    pub name: String,
    /// The light.
    pub light: Light,
    /// "1—7月完成 150 ÷ (年度指标值 300 × 序时进度 58.33%) = 85.71% → 绿灯".
    pub formula: String,
}

/// The lights of a monitoring report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonitoringLights {
    /// "1—7月".
    pub period: String,
    /// The budget's light, when 预算 and 执行数 are known.
    pub budget: Option<LightResult>,
    /// Each 三级 indicator's light that could be computed.
    pub indicators: Vec<LightResult>,
    /// The project's light: the worst of all (red > yellow > green > blue).
    pub project: Option<Light>,
}

/// The band of a ratio `v` (in %): red, yellow, green, or blue from the blue threshold when `blue`.
pub fn band(v: Decimal, t: &LightThresholds, blue: bool) -> Light {
    if v < t.red_below {
        Light::Red
    } else if v < t.yellow_below {
        Light::Yellow
    } else if blue && v >= t.blue_from {
        Light::Blue
    } else {
        Light::Green
    }
}

fn pct(v: Decimal) -> String {
    format!("{}%", fmt_score(v.round_dp(2)))
}

/// The lights of an evaluation reported through `period`.
pub fn lights(e: &Evaluation, period: MonitoringPeriod) -> MonitoringLights {
    let t = &e.settings.lights;
    let budget = budget_light(e, period, t);
    let mut indicators = Vec::new();
    e.walk_indicators(&mut |node, _| {
        if node.is_leaf() {
            if let Some(light) = indicator_light(node, period, t) {
                indicators.push(light);
            }
        }
    });
    let project = budget
        .iter()
        .chain(&indicators)
        .map(|l| l.light)
        .max_by_key(|l| l.severity());
    MonitoringLights {
        period: period.label(),
        budget,
        indicators,
        project,
    }
}

/// The budget's light: 执行率 against 序时进度.
pub fn budget_light(
    e: &Evaluation,
    period: MonitoringPeriod,
    t: &LightThresholds,
) -> Option<LightResult> {
    budget_light_of(e, period, t, |l| l.executed)
}

/// In the self-evaluation of a monitored year, the budget light the monitoring gave (from the 1—N 月
/// 执行数 kept in `monitored`); `None` for a year that was not monitored.
pub fn monitored_budget_light(e: &Evaluation) -> Option<LightResult> {
    let period = e.monitoring?;
    if e.stage != crate::core::model::Stage::SelfEvaluation {
        return None;
    }
    budget_light_of(e, period, &e.settings.lights, |l| l.monitored)
}

fn budget_light_of(
    e: &Evaluation,
    period: MonitoringPeriod,
    t: &LightThresholds,
    executed_of: fn(&crate::core::model::FundLine) -> Option<Decimal>,
) -> Option<LightResult> {
    let project = e.project.as_ref()?;
    let sum = |get: fn(&crate::core::model::FundLine) -> Option<Decimal>| {
        let parts: Vec<Decimal> = project.funds.iter().filter_map(get).collect();
        (!parts.is_empty()).then(|| {
            parts
                .iter()
                .fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
        })
    };
    let total = project.stated_total.as_ref();
    let budget = total
        .and_then(|l| l.adjusted.or(l.initial))
        .or_else(|| sum(|l| l.adjusted.or(l.initial)))?;
    let executed = total.and_then(executed_of).or_else(|| sum(executed_of))?;
    if budget <= Decimal::ZERO {
        return None;
    }
    // Figures typed without bound: an overflow gives no light rather than a panic.
    let rate = executed
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(budget)?;
    let elapsed = period.elapsed_percent();
    let month = Decimal::from(period.month.clamp(1, 12));
    // One division of the printed figures: 序时进度 (7/12 = 58.333…) divided first would put a figure
    // exactly at a threshold a hair below it.
    let v = executed
        .checked_mul(Decimal::from(1200))?
        .checked_div(budget.checked_mul(month)?)?;
    let light = band(v, t, false);
    Some(LightResult {
        id: String::new(),
        name: "预算执行".into(),
        light,
        formula: format!(
            "执行率 = {}执行数 {} ÷ 预算数 {} = {}；序时进度 {}/12 = {}；{} ÷ {} = {} → {}",
            period.label(),
            fmt_score(executed),
            fmt_score(budget),
            pct(rate),
            period.month.clamp(1, 12),
            pct(elapsed),
            pct(rate),
            pct(elapsed),
            pct(v),
            light.label()
        ),
    })
}

/// What the monitoring said of a row, for the self-evaluation that follows it (shown read-only beside the
/// year-end figures): "1—7月监控：完成 700，全年预计 1150，有可能，红灯；偏差原因：场地改造；纠偏措施：…".
/// `None` when the row was not monitored or nothing was filled in.
pub fn monitored_line(
    leaf: &Indicator,
    period: MonitoringPeriod,
    t: &LightThresholds,
) -> Option<String> {
    let m = leaf.monitoring.as_ref()?;
    let mut parts = Vec::new();
    match (m.to_date, m.to_date_text.trim()) {
        (Some(done), _) => parts.push(format!("完成 {}", fmt_score(done))),
        (None, words) if !words.is_empty() => parts.push(format!("完成情况“{words}”")),
        _ => {}
    }
    if let Some(forecast) = m.forecast {
        parts.push(format!("全年预计 {}", fmt_score(forecast)));
    }
    if let Some(likelihood) = m.likelihood {
        parts.push(likelihood.label().to_string());
    }
    if let Some(light) = indicator_light(leaf, period, t) {
        parts.push(light.light.label().to_string());
    }
    let cause = m.cause_text();
    let measure = m.measure.trim();
    if parts.is_empty() && cause.is_empty() && measure.is_empty() {
        return None;
    }
    let mut line = format!("{}监控：{}", period.label(), parts.join("，"));
    if !cause.is_empty() {
        line.push_str(&format!("；偏差原因：{cause}"));
    }
    if !measure.is_empty() {
        line.push_str(&format!("；纠偏措施：{measure}"));
    }
    Some(line)
}

/// One 三级 indicator's light, when its monitoring figures allow one.
pub fn indicator_light(
    leaf: &Indicator,
    period: MonitoringPeriod,
    t: &LightThresholds,
) -> Option<LightResult> {
    let m = leaf.monitoring.as_ref()?;
    let name = leaf.name.trim().to_string();
    let result = |light: Light, formula: String| LightResult {
        id: leaf.id.clone(),
        name: name.clone(),
        light,
        formula,
    };
    let label = period.label();
    let (Some(done), Some(target)) = (m.to_date, leaf.target) else {
        // 定性: the words say how far it is.
        let Measure::Level(level) = Measure::parse(&m.to_date_text) else {
            return None;
        };
        let light = match level {
            QualitativeLevel::Achieved => Light::Green,
            QualitativeLevel::Partial => Light::Yellow,
            QualitativeLevel::NotAchieved => Light::Red,
        };
        return Some(result(
            light,
            format!(
                "{label}完成情况“{}”→ {}",
                m.to_date_text.trim(),
                light.label()
            ),
        ));
    };
    let ceiling = leaf.sets_a_ceiling();
    if ceiling {
        let light = if done <= target {
            Light::Green
        } else {
            Light::Red
        };
        let relation = if light == Light::Green { "≤" } else { ">" };
        return Some(result(
            light,
            format!(
                "反向指标：{label}完成 {} {relation} 年度指标值 {} → {}",
                fmt_score(done),
                fmt_score(target),
                light.label()
            ),
        ));
    }
    let elapsed = period.elapsed_percent();
    let month = Decimal::from(period.month.clamp(1, 12));
    // v = done ÷ expected, as one division of the printed figures (see the budget's light).
    let (numerator, denominator, basis) = if m.year_end_only {
        (
            done.checked_mul(Decimal::ONE_HUNDRED)?,
            target,
            format!("年度指标值 {}（年末一次性完成）", fmt_score(target)),
        )
    } else {
        (
            done.checked_mul(Decimal::from(1200))?,
            target.checked_mul(month)?,
            format!(
                "年度指标值 {} × 序时进度 {}",
                fmt_score(target),
                pct(elapsed)
            ),
        )
    };
    if denominator <= Decimal::ZERO {
        return None;
    }
    if done.is_zero() {
        return Some(result(
            Light::Red,
            format!("{label}完成 0（时间已过 {}）→ 红灯", pct(elapsed)),
        ));
    }
    let v = numerator.checked_div(denominator)?;
    let light = band(v, t, true);
    Some(result(
        light,
        format!(
            "{label}完成 {} ÷ ({basis}) = {} → {}",
            fmt_score(done),
            pct(v),
            light.label()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::IndicatorMonitoring;
    use crate::core::rule::Comparison;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn each_threshold_of_a_positive_indicator() {
        let t = LightThresholds::default();
        for (v, light) in [
            ("59.99", Light::Red),
            ("60", Light::Yellow),
            ("79.99", Light::Yellow),
            ("80", Light::Green),
            ("119.99", Light::Green),
            ("120", Light::Blue),
        ] {
            assert_eq!(band(d(v), &t, true), light, "{v}");
        }
        // The budget has no blue.
        assert_eq!(band(d("150"), &t, false), Light::Green);
    }

    #[test]
    fn every_period_gives_its_pro_rata_target() {
        // A target of 1200 reached exactly pro rata in each period is green at 100 %; 60 % of it is yellow.
        for month in 1..=12u8 {
            let period = MonitoringPeriod { month };
            let leaf = |done: Decimal| Indicator {
                id: "1".into(),
                name: "培训人次".into(),
                target: Some(d("1200")),
                target_op: Some(Comparison::Ge),
                monitoring: Some(IndicatorMonitoring {
                    to_date: Some(done),
                    ..Default::default()
                }),
                ..Default::default()
            };
            let t = LightThresholds::default();
            let on_time = Decimal::from(month) * d("100");
            let green = indicator_light(&leaf(on_time), period, &t).unwrap();
            assert_eq!(green.light, Light::Green, "{month}: {}", green.formula);
            assert!(green.formula.contains("= 100% → 绿灯"), "{}", green.formula);
            // Exactly 60 % of the pro-rata figure is yellow in every month (7/12, 11/12 … repeat).
            let behind = indicator_light(&leaf(on_time * d("0.6")), period, &t).unwrap();
            assert_eq!(behind.light, Light::Yellow, "{month}: {}", behind.formula);
            let below = indicator_light(&leaf(on_time * d("0.5999")), period, &t).unwrap();
            assert_eq!(below.light, Light::Red, "{month}: {}", below.formula);
            let blue = indicator_light(&leaf(on_time * d("1.2")), period, &t).unwrap();
            assert_eq!(blue.light, Light::Blue, "{month}: {}", blue.formula);
        }
    }

    #[test]
    fn figures_at_the_edge_of_decimal_give_no_light_rather_than_a_panic() {
        let t = LightThresholds::default();
        let leaf = Indicator {
            target: Some(Decimal::MAX),
            monitoring: Some(IndicatorMonitoring {
                to_date: Some(Decimal::MAX),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert!(indicator_light(&leaf, MonitoringPeriod { month: 7 }, &t).is_none());
    }

    #[test]
    fn reverse_qualitative_year_end_and_zero_rows() {
        let t = LightThresholds::default();
        let period = MonitoringPeriod { month: 7 };
        let row = |op: Comparison, target: &str, m: IndicatorMonitoring| Indicator {
            id: "1".into(),
            name: "x".into(),
            target: Some(d(target)),
            target_op: Some(op),
            monitoring: Some(m),
            ..Default::default()
        };
        let done = |v: &str| IndicatorMonitoring {
            to_date: Some(d(v)),
            ..Default::default()
        };
        let light = |leaf: Indicator| indicator_light(&leaf, period, &t).unwrap().light;
        assert_eq!(light(row(Comparison::Le, "800", done("800"))), Light::Green);
        assert_eq!(
            light(row(Comparison::Le, "800", done("800.01"))),
            Light::Red
        );
        assert_eq!(light(row(Comparison::Ge, "10", done("0"))), Light::Red);
        // 时效 / one-off: 1 of 1 by July is green against the full target, not blue against 7/12 of it.
        let mut once = done("1");
        once.year_end_only = true;
        assert_eq!(light(row(Comparison::Ge, "1", once)), Light::Green);
        assert_eq!(light(row(Comparison::Ge, "1", done("1"))), Light::Blue);
        for (words, expected) in [
            ("达成", Light::Green),
            ("部分达成", Light::Yellow),
            ("未达成", Light::Red),
        ] {
            let mut leaf = row(
                Comparison::Ge,
                "1",
                IndicatorMonitoring {
                    to_date_text: words.into(),
                    ..Default::default()
                },
            );
            leaf.target = None;
            assert_eq!(light(leaf), expected, "{words}");
        }
    }
}
