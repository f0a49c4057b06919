//! The evaluation file: everything a unit types, as plain serde types (no signals, no computed copies).
//!
//! Computed figures (totals, rates, grade, findings) are never stored here; [`crate::core::assess`]
//! derives them. Optional figures are `Option`: "not stated" differs from zero.
//!
//! One file per concept: the evaluation and its form ([`evaluation`]), the unit, accounts, business
//! metrics, the report's words, the indicator tree, 加减分项, settings, the evidence records and the
//! targets' versions.

mod accounts;
mod adjustments;
mod evaluation;
mod evidence;
mod indicator;
mod metrics;
mod monitoring;
mod narrative;
mod settings;
mod targets;
mod tasks;
mod unit;

pub use accounts::*;
pub use adjustments::*;
pub use evaluation::*;
pub use evidence::*;
pub use indicator::*;
pub use metrics::*;
pub use monitoring::*;
pub use narrative::*;
pub use settings::*;
pub use targets::*;
pub use tasks::*;
pub use unit::*;

/// The file format version this build writes and reads; older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 2;

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
