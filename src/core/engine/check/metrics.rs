//! Business metrics: every breakdown adds up, a printed growth equals the recomputed one.

use super::{Checker, ReconcileStatus, Severity};
use crate::core::code::Code;
use crate::core::metric::{growth, growth_exact};
use crate::core::model::Evaluation;
use crate::core::number::agrees_at_printed_precision;
use crate::core::path::FieldPath;
use rust_decimal::Decimal;

/// Checks business metrics: every breakdown adds up, a printed growth equals the recomputed one.
pub fn check_metrics(evaluation: &Evaluation, checker: &mut Checker) {
    for metric in &evaluation.metrics {
        for (i, breakdown) in metric.breakdowns.iter().enumerate() {
            let parts: Vec<(Option<Decimal>, bool)> =
                breakdown.parts.iter().map(|p| (p.value, false)).collect();
            let names: Vec<&str> = breakdown.parts.iter().map(|p| p.name.as_str()).collect();
            let label = format!(
                "{}（{}）= {}",
                metric.name,
                breakdown.label,
                names.join(" + ")
            );
            checker.sum(
                Code::MetricsBreakdownSum,
                &label,
                FieldPath::metric_breakdown(&metric.key, i),
                metric.value,
                &parts,
            );
        }
        if let Some(stated) = metric.stated_growth {
            let label = format!("{}同比增长 =（本年 − 上年）/ 上年", metric.name);
            let path = FieldPath::metric_growth(&metric.key);
            match (
                growth(metric.value, metric.prior),
                growth_exact(metric.value, metric.prior),
            ) {
                (Some(rate), Some(exact)) => {
                    let (Some(value), Some(prior)) = (metric.value, metric.prior) else {
                        continue;
                    };
                    let detail = format!(
                        "({} − {}) / {} = {}%，所列 {}%",
                        value, prior, prior, rate, stated
                    );
                    // Compared at the printed precision of the stated figure, from the exact quotient.
                    if agrees_at_printed_precision(stated, exact) {
                        checker.note(
                            Code::MetricsGrowth,
                            &label,
                            path.clone(),
                            detail,
                            ReconcileStatus::Pass,
                        );
                    } else {
                        checker.push(
                            Severity::Error,
                            Code::MetricsGrowth,
                            path.clone(),
                            format!(
                                "{}所列同比增长 {}% 与重新计算的 {}%（{}）不符",
                                metric.name, stated, rate, detail
                            ),
                        );
                        checker.note(
                            Code::MetricsGrowth,
                            &label,
                            path.clone(),
                            detail,
                            ReconcileStatus::Mismatch,
                        );
                    }
                }
                _ => checker.push(
                    Severity::Info,
                    Code::MetricsGrowthUnverifiable,
                    path.clone(),
                    format!(
                        "{}所列同比增长 {}% 无法核实：缺少本年值或上年值",
                        metric.name, stated
                    ),
                ),
            }
        }
    }
}
