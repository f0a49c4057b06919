//! What a 绩效运行监控表 must contain (监控表的审核要点): a deviation explained and a measure taken, the
//! likelihood consistent with the light, the year's forecast within the budget and consistent with the
//! likelihood, a 反向 ceiling not already passed, and no 双偏离 between money and results. The lights
//! come from [`crate::core::lights`].

use super::{Checker, FieldPath, Severity};
use crate::core::code::Code;
use crate::core::lights::{Light, MonitoringLights};
use crate::core::model::{Evaluation, Likelihood};
use crate::core::number::fmt_score;
use crate::core::path::{FundColumn, FundRow, IndicatorField};

/// Runs the monitoring checks with the lights already computed.
pub fn check_monitoring(e: &Evaluation, lights: &MonitoringLights, checker: &mut Checker) {
    e.walk_indicators(&mut |leaf, _| {
        let Some(m) = leaf.monitoring.as_ref().filter(|_| leaf.is_leaf()) else {
            return;
        };
        let at = FieldPath::of_indicator(&leaf.id, IndicatorField::Monitoring);
        let name = leaf.name.trim();
        let no_target = leaf.target.is_none() && leaf.target_text.trim().is_empty();
        if no_target && m.to_date.is_none() && m.to_date_text.trim().is_empty() {
            checker.push(
                Severity::Warning,
                Code::MonitorRowBlank,
                at.clone(),
                format!("“{name}”既无年度指标值，也无{}完成情况", lights.period),
            );
        }
        let light = lights.indicators.iter().find(|l| l.id == leaf.id);
        let doubtful = matches!(
            m.likelihood,
            Some(Likelihood::Possible | Likelihood::Impossible)
        );
        let lagging = light.is_some_and(|l| matches!(l.light, Light::Red | Light::Yellow));
        if doubtful && !m.explained() {
            checker.push(
                Severity::Error,
                Code::MonitorCauseMissing,
                at.clone(),
                format!(
                    "“{name}”完成目标可能性为“{}”，未写明{}",
                    m.likelihood.map_or("", Likelihood::label),
                    missing_parts(m)
                ),
            );
        } else if lagging && !m.explained() {
            let l = light.map_or(String::new(), |l| {
                format!("{}（{}）", l.light.label(), l.formula)
            });
            checker.push(
                Severity::Error,
                Code::MonitorLightUnexplained,
                at.clone(),
                format!("“{name}”为{l}，未写明{}", missing_parts(m)),
            );
        }
        if let (Some(Likelihood::Certain), Some(l)) = (m.likelihood, light) {
            if l.light == Light::Red {
                checker.push(
                    Severity::Warning,
                    Code::MonitorLikelihoodMismatch,
                    at.clone(),
                    format!(
                        "“{name}”为红灯（{}），完成目标可能性却填“确定能”",
                        l.formula
                    ),
                );
            }
        }
        let ceiling = leaf.sets_a_ceiling();
        if let (Some(target), Some(forecast), Some(Likelihood::Certain), false) =
            (leaf.target, m.forecast, m.likelihood, ceiling)
        {
            if forecast < target {
                checker.push(
                    Severity::Warning,
                    Code::MonitorForecastBelowTarget,
                    at.clone(),
                    format!(
                        "“{name}”全年预计完成 {} 低于年度指标值 {}，完成目标可能性却填“确定能”",
                        fmt_score(forecast),
                        fmt_score(target)
                    ),
                );
            }
        }
        if let (Some(target), Some(done), true) = (leaf.target, m.to_date, ceiling) {
            if done > target {
                checker.push(
                    Severity::Error,
                    Code::MonitorPastCeiling,
                    at,
                    format!(
                        "反向指标“{name}”1—N月已达 {}，超过全年指标值 {}",
                        fmt_score(done),
                        fmt_score(target)
                    ),
                );
            }
        }
    });
    check_forecast_budget(e, checker);
    check_double_deviation(lights, checker);
}

fn missing_parts(m: &crate::core::model::IndicatorMonitoring) -> &'static str {
    let cause = !m.causes.is_empty() || !m.cause.trim().is_empty();
    match (cause, !m.measure.trim().is_empty()) {
        (false, false) => "偏差原因和纠偏措施",
        (false, true) => "偏差原因",
        _ => "纠偏措施",
    }
}

/// 全年预计执行数 within the 全年预算数 (调整后), per line and for the total.
fn check_forecast_budget(e: &Evaluation, checker: &mut Checker) {
    let Some(project) = &e.project else {
        return;
    };
    let lines = project
        .funds
        .iter()
        .enumerate()
        .map(|(i, l)| (FundRow::Line(i), l));
    let total = project.stated_total.iter().map(|l| (FundRow::Total, l));
    let rows: Vec<_> = lines.chain(total).collect();
    // The form asks for the year's forecast wherever it has a budget: said once, at the total if any.
    if let Some((row, _)) = rows
        .iter()
        .rev()
        .find(|(_, l)| l.adjusted.or(l.initial).is_some() && l.forecast.is_none())
    {
        if rows.iter().all(|(_, l)| l.forecast.is_none()) {
            checker.push(
                Severity::Warning,
                Code::MonitorForecastMissing,
                FieldPath::fund(*row, Some(FundColumn::Forecast)),
                "未填全年预计执行数",
            );
        }
    }
    for (row, line) in rows {
        let (Some(forecast), Some(budget)) = (line.forecast, line.adjusted.or(line.initial)) else {
            continue;
        };
        if forecast > budget {
            checker.push(
                Severity::Error,
                Code::MonitorForecastOverBudget,
                FieldPath::fund(row, Some(FundColumn::Forecast)),
                format!(
                    "{}全年预计执行数 {} 万元超过预算数 {} 万元",
                    if line.source.is_empty() {
                        "年度资金总额"
                    } else {
                        &line.source
                    },
                    fmt_score(forecast),
                    fmt_score(budget)
                ),
            );
        }
    }
}

/// 双偏离: the budget's light and the indicators' worst two steps apart.
fn check_double_deviation(lights: &MonitoringLights, checker: &mut Checker) {
    let Some(budget) = &lights.budget else {
        return;
    };
    let Some(worst) = lights.indicators.iter().min_by_key(|l| l.light.position()) else {
        return;
    };
    let best = lights
        .indicators
        .iter()
        .max_by_key(|l| l.light.position())
        .unwrap_or(worst);
    let (b, w, h) = (
        budget.light.position(),
        worst.light.position(),
        best.light.position(),
    );
    let (apart, what) = if b >= w + 2 {
        (
            true,
            format!(
                "资金已按进度支出（{}），“{}”却为{}：花了钱未见产出",
                budget.light.label(),
                worst.name,
                worst.light.label()
            ),
        )
    } else if h >= b + 2 {
        (
            true,
            format!(
                "预算执行为{}（{}），“{}”却为{}：有产出却未支出",
                budget.light.label(),
                budget.formula,
                best.name,
                best.light.label()
            ),
        )
    } else {
        (false, String::new())
    };
    if apart {
        checker.push(
            Severity::Warning,
            Code::MonitorDoubleDeviation,
            FieldPath::tree(),
            format!("双偏离：{what}"),
        );
    }
}

/// In the self-evaluation: a 实际完成值 still the monitoring's 全年预计完成值 it was filled from.
pub fn check_carried(e: &Evaluation, checker: &mut Checker) {
    e.walk_indicators(&mut |leaf, _| {
        let (Some(m), Some(actual)) = (leaf.monitoring.as_ref(), leaf.actual) else {
            return;
        };
        if m.carried {
            checker.push(
                Severity::Warning,
                Code::MonitorCarriedForecast,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Actual),
                format!(
                    "“{}”的实际完成值 {} 是按监控时的全年预计完成值预填的，请按年末实际填写",
                    leaf.name.trim(),
                    fmt_score(actual)
                ),
            );
        }
    });
}

/// In the self-evaluation, what monitoring promised: a row judged 确定能 that ended below its target,
/// a 纠偏措施 the year-end 偏差原因分析 does not mention, a row blue at monitoring that met its target
/// (next year's target should rise).
pub fn check_cross_stage(e: &Evaluation, checker: &mut Checker) {
    let Some(period) = e.monitoring else {
        return;
    };
    e.walk_indicators(&mut |leaf, _| {
        let Some(m) = leaf.monitoring.as_ref().filter(|_| leaf.is_leaf()) else {
            return;
        };
        let name = leaf.name.trim();
        let ceiling = leaf.sets_a_ceiling();
        let met = match (leaf.actual, leaf.target) {
            (Some(actual), Some(target)) if ceiling => Some(actual <= target),
            (Some(actual), Some(target)) => Some(actual >= target),
            _ => None,
        };
        let at = FieldPath::of_indicator(&leaf.id, IndicatorField::Reason);
        if let (Some(false), Some(Likelihood::Certain), false) = (met, m.likelihood, m.carried) {
            checker.push(
                Severity::Warning,
                Code::MonitorCertainMissed,
                at.clone(),
                format!(
                    "“{name}”在{}监控时判断“确定能”完成，年末实际 {} 未达到年度指标值 {}：请在偏差原因中说明监控之后的变化",
                    period.label(),
                    leaf.actual.map(fmt_score).unwrap_or_default(),
                    leaf.target.map(fmt_score).unwrap_or_default()
                ),
            );
        }
        let measure = m.measure.trim();
        if !measure.is_empty() && !mentions(&leaf.reason, measure) {
            checker.push(
                Severity::Info,
                Code::MonitorMeasureUnanswered,
                at,
                format!("“{name}”监控时提出的纠偏措施“{measure}”，偏差原因分析及改进措施中未交代落实情况"),
            );
        }
        let light = crate::core::lights::indicator_light(leaf, period, &e.settings.lights);
        if let (Some(true), Some(Light::Blue)) = (met, light.as_ref().map(|l| l.light)) {
            checker.push(
                Severity::Info,
                Code::MonitorTargetLow,
                FieldPath::of_indicator(&leaf.id, IndicatorField::Target),
                format!(
                    "“{name}”{}监控时已为蓝灯（{}），年末完成目标：下一年度目标宜提高",
                    period.label(),
                    light.map(|l| l.formula).unwrap_or_default()
                ),
            );
        }
    });
}

/// Whether `text` speaks of `measure`: holds it, or any four characters of it in a row.
fn mentions(text: &str, measure: &str) -> bool {
    if text.contains(measure) {
        return true;
    }
    let chars: Vec<char> = measure.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .windows(4)
        .any(|w| text.contains(&w.iter().collect::<String>()))
}
