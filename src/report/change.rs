//! A figure last year and this year, written out: the one formatter of a year-over-year [`Change`] that
//! the CLI's `compare`, the 上年对比 tab and the report's sentences share.
//!
//! ```
//! use jixiao::core::metric::Change;
//! use jixiao::report::change;
//! use rust_decimal::Decimal;
//! let c = Change { last: Some(Decimal::from(80)), this: Some(Decimal::from(88)) };
//! assert_eq!(change::rate(&c), "10%");
//! assert_eq!(change::against_last_year(&c), "，较上年增长10.00%");
//! assert_eq!(change::figure(None), "—");
//! ```

use crate::core::metric::Change;
use crate::core::number::{fmt2, fmt_score};
use rust_decimal::Decimal;

/// A figure without trailing zeros, "—" when unknown.
pub fn figure(value: Option<Decimal>) -> String {
    value.map(fmt_score).unwrap_or_else(|| "—".into())
}

/// The 变动率 with its %, "—" when it cannot be computed (last year 0 or unknown).
pub fn rate(change: &Change) -> String {
    change
        .rate()
        .map(|r| format!("{}%", fmt_score(r)))
        .unwrap_or_else(|| "—".into())
}

/// "，较上年增长10.00%" / "，较上年下降5.00%" / "，与上年持平" when last year's figure is known (上年数),
/// else nothing: the customary comparison in a report's sentence, computed, never typed.
pub fn against_last_year(change: &Change) -> String {
    match change.rate() {
        Some(r) if r.is_zero() => "，与上年持平".into(),
        Some(r) if r > Decimal::ZERO => format!("，较上年增长{}%", fmt2(r)),
        Some(r) => format!("，较上年下降{}%", fmt2(-r)),
        None => String::new(),
    }
}
