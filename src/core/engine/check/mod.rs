//! Checks (检查): findings with a severity, a stable code, a Chinese message and the path of the field
//! they concern, plus the reconciliations (核对) of figures that must add up, passing or not.
//!
//! Paths are `/`-separated: `indicators/<id>/score`, `accounts/income_total`, `unit/assets/total`,
//! `metrics/<key>/breakdowns/<i>`, `adjustments/bonus/items/<i>`, `stated/total`, `project/funds/<i>`.
//!
//! Figures that should add up are compared exactly; a gap no larger than the rounding of the printed
//! digits (half a unit of the last decimal, per figure involved) is a *warning that says so*, a larger
//! one an error.

mod accounts;
mod adjustments;
mod budget;
mod evidence;
mod figures;
mod import_notes;
mod leaf;
mod metrics;
mod monitoring;
mod narrative;
mod report_text;
mod stated;
mod target_tasks;
mod target_values;
mod targets;
mod tree;

pub use accounts::check_accounts;
pub use adjustments::check_adjustments;
pub use budget::check_budget;
pub use evidence::check_evidence;
pub use figures::{
    check_completion, check_execution_twice, check_execution_vs_results, check_figures,
};
pub use import_notes::check_import_notes;
pub use leaf::{check_leaf, stated_deduction};
pub use metrics::check_metrics;
pub use monitoring::{check_carried, check_cross_stage, check_monitoring};
pub use narrative::check_narrative;
pub use report_text::check_report_text;
pub use stated::{check_stated, Printed};
pub use targets::{check_target_versions, check_targets};
pub use tree::{check_group_points, check_node};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::core::code::{Basis, Code, Severity};
pub use crate::core::path::FieldPath;

/// One problem found (检查发现).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// 严重程度.
    pub severity: Severity,
    /// Stable code, e.g. `accounts.income_sum`.
    pub code: Code,
    /// Chinese message.
    pub message: String,
    /// Path of the field or node concerned.
    pub path: FieldPath,
}

impl Finding {
    /// A new finding.
    pub fn new(
        severity: Severity,
        code: Code,
        path: FieldPath,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity,
            code,
            message: message.into(),
            path,
        }
    }
}

/// Outcome of one reconciliation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReconcileStatus {
    /// Adds up exactly (or the recomputed rate equals the printed one).
    Pass,
    /// Off by no more than the rounding of the printed digits.
    RoundingGap,
    /// Does not add up.
    Mismatch,
    /// Cannot be verified with the data given.
    Unverifiable,
}

/// A figure checked against its parts (核对项), kept whether it passes or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reconciliation {
    /// Stable code, e.g. `accounts.income_sum`.
    pub code: Code,
    /// What is checked, e.g. 本年收入 = 财政拨款 + 其他收入.
    pub label: String,
    /// The arithmetic with figures, e.g. "3086.64 + 3.01 = 3089.65".
    pub detail: String,
    /// Outcome.
    pub status: ReconcileStatus,
    /// Path of the total's field.
    pub path: FieldPath,
}

/// Half a unit of the last printed decimal of the least precise figure.
pub(crate) fn half_unit(figures: &[Decimal]) -> Decimal {
    let scale = figures.iter().map(|d| d.scale()).max().unwrap_or(0).min(20);
    Decimal::new(5, scale + 1)
}

pub(crate) fn fmt_fig(d: Decimal) -> String {
    d.to_string()
}

/// Collects findings and reconciliations.
#[derive(Default)]
pub struct Checker {
    /// Findings so far.
    pub findings: Vec<Finding>,
    /// Reconciliations so far.
    pub reconciliations: Vec<Reconciliation>,
}

impl Checker {
    /// Records a finding.
    pub fn push(
        &mut self,
        severity: Severity,
        code: Code,
        path: FieldPath,
        message: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(severity, code, path, message));
    }

    /// Checks `total = Σ parts` (signed parts: `(value, negative?)`); skipped when a figure is missing.
    pub fn sum(
        &mut self,
        code: Code,
        label: &str,
        path: FieldPath,
        total: Option<Decimal>,
        parts: &[(Option<Decimal>, bool)],
    ) {
        let Some(total) = total else { return };
        let mut values = Vec::with_capacity(parts.len());
        for (part, negative) in parts {
            match part {
                Some(v) => values.push((*v, *negative)),
                None => return,
            }
        }
        let mut sum = Decimal::ZERO;
        let mut expr = String::new();
        for (i, (v, negative)) in values.iter().enumerate() {
            sum = match if *negative {
                sum.checked_sub(*v)
            } else {
                sum.checked_add(*v)
            } {
                Some(s) => s,
                None => return,
            };
            if i > 0 {
                expr.push_str(if *negative { " − " } else { " + " });
            } else if *negative {
                expr.push('−');
            }
            expr.push_str(&fmt_fig(*v));
        }
        let mut figures: Vec<Decimal> = values.iter().map(|(v, _)| *v).collect();
        figures.push(total);
        self.compare(code, label, path, total, sum, &expr, &figures);
    }

    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        code: Code,
        label: &str,
        path: FieldPath,
        stated: Decimal,
        sum: Decimal,
        expr: &str,
        figures: &[Decimal],
    ) {
        let gap = sum
            .checked_sub(stated)
            .map(|g| g.abs())
            .unwrap_or(Decimal::MAX);
        let tolerance = half_unit(figures) * Decimal::from(figures.len());
        let detail = format!(
            "{expr} = {}，所列为 {}",
            fmt_fig(sum.normalize()),
            fmt_fig(stated)
        );
        let status = if gap.is_zero() {
            ReconcileStatus::Pass
        } else if gap <= tolerance {
            self.push(
                Severity::Warning,
                code,
                path.clone(),
                format!(
                    "{label}：{expr} = {}，与所列 {} 相差 {}，在各数四舍五入的误差（±{}）之内，请核实是否为尾差",
                    fmt_fig(sum.normalize()),
                    fmt_fig(stated),
                    fmt_fig(gap.normalize()),
                    fmt_fig(tolerance.normalize())
                ),
            );
            ReconcileStatus::RoundingGap
        } else {
            self.push(
                Severity::Error,
                code,
                path.clone(),
                format!(
                    "{label}不平：{expr} = {}，而所列为 {}，相差 {}",
                    fmt_fig(sum.normalize()),
                    fmt_fig(stated),
                    fmt_fig(gap.normalize())
                ),
            );
            ReconcileStatus::Mismatch
        };
        self.note(code, label, path, detail, status);
    }

    /// Records a reconciliation that passed or could not be made, without a finding.
    fn note(
        &mut self,
        code: Code,
        label: &str,
        path: FieldPath,
        detail: String,
        status: ReconcileStatus,
    ) {
        self.reconciliations.push(Reconciliation {
            code,
            label: label.to_string(),
            detail,
            status,
            path,
        });
    }
}

/// Non-negative amounts: an amount field below zero is an error.
pub(crate) fn check_non_negative(
    checker: &mut Checker,
    path: FieldPath,
    label: &str,
    value: Option<Decimal>,
) {
    if let Some(v) = value {
        if v < Decimal::ZERO {
            checker.push(
                Severity::Error,
                Code::AmountNegative,
                path,
                format!("{label}不能为负数（填写为 {}）", fmt_fig(v)),
            );
        }
    }
}

/// `text` cut to `max` characters with an ellipsis, for quoting a row or a sentence in a message.
fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}
