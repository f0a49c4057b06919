//! Numbers as users type and print them: parsing of typed decimals, explicit rounding, formatting.
//!
//! Every amount (万元), rate (%) and score is a [`Decimal`]. Rounding happens only where this module says:
//!
//! * **rates** ([`percent`]) are computed exactly, then rounded half-up to 2 decimals *before any use*, so
//!   that a scoring rule judges the very figure the report prints (95.04 %, not 95.0391…);
//! * **rule-computed scores** are rounded by the evaluation's [`Rounding`] policy (2 decimals, half-up by
//!   default; truncation is available for provinces that forbid rounding a score up);
//! * typed figures are never rounded.
//!
//! ```
//! use jixiao::core::number::{parse_decimal, percent};
//! let typed = parse_decimal("１，２３４．５６ 万元").unwrap();
//! assert_eq!(typed.to_string(), "1234.56");
//! let rate = percent("3089.41".parse().unwrap(), "3342.54".parse().unwrap()).unwrap();
//! assert_eq!(rate.to_string(), "92.43");
//! ```

use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How rule-computed scores are rounded (保留位数与舍入方式).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rounding {
    /// Decimal places kept (default 2).
    pub decimals: u32,
    /// Half-up (四舍五入) or truncation (截断, never rounds a score up).
    pub mode: RoundingMode,
}

/// The two rounding modes in use in evaluation rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 四舍五入: 0.005 → 0.01.
    HalfUp,
    /// 截断 (舍去): 9.999 → 9.99.
    Truncate,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        }
    }
}

impl Rounding {
    /// Applies the policy to a computed score.
    pub fn apply(&self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::Truncate => RoundingStrategy::ToZero,
        };
        value
            .round_dp_with_strategy(self.decimals.min(10), strategy)
            .normalize()
    }

    /// A Chinese description, e.g. "保留2位小数，四舍五入".
    pub fn describe(&self) -> String {
        let mode = match self.mode {
            RoundingMode::HalfUp => "四舍五入",
            RoundingMode::Truncate => "截断（不进位）",
        };
        format!("保留{}位小数，{}", self.decimals, mode)
    }
}

/// How far a printed score may exceed (first) and fall short of (second) the score its figures support:
/// half a unit of its last printed decimal, taken to at least one decimal (a printed 9 is 9.0 → 0.05);
/// nothing above under truncation, which never rounds a score up.
pub fn printed_tolerance(printed: Decimal, rounding: &Rounding) -> (Decimal, Decimal) {
    let scale = printed.normalize().scale().clamp(1, 10);
    let half = Decimal::new(5, scale + 1);
    let up = match rounding.mode {
        RoundingMode::HalfUp => half,
        RoundingMode::Truncate => Decimal::ZERO,
    };
    (up, half)
}

/// Where a printed score stands against the score its figures support.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Departure {
    /// Within [`printed_tolerance`]: the printed score stands.
    Within,
    /// Above it by more than the tolerance (given).
    Above {
        /// How far above the supported score a printed one may be.
        tolerance: Decimal,
    },
    /// Below it by more than the tolerance.
    Below,
}

/// Compares a printed score with the supported one, within [`printed_tolerance`] of the printed digits.
pub fn departure(printed: Decimal, supported: Decimal, rounding: &Rounding) -> Departure {
    let (up, down) = printed_tolerance(printed, rounding);
    if printed > supported.saturating_add(up) {
        Departure::Above { tolerance: up }
    } else if printed < supported.saturating_sub(down) {
        Departure::Below
    } else {
        Departure::Within
    }
}

/// A sum that is the same whatever the order of its figures. Decimal's addition rounds once a sum
/// needs more than 28 digits, so with extreme figures (a score of 10⁻²⁸ beside 8) the order of the rows
/// would change a total. Ordinary figures (at most 10 decimals, below 10¹⁵) are added exactly as
/// integers of 10⁻¹⁰; the rare others are kept and added in sorted order with that exact part.
///
/// ```
/// use jixiao::core::number::OrderFreeSum;
/// use rust_decimal::Decimal;
/// let tiny = Decimal::new(1, 28);
/// let (mut a, mut b) = (OrderFreeSum::default(), OrderFreeSum::default());
/// a.add(Decimal::from(8));
/// for _ in 0..6 { a.add(tiny); b.add(tiny); }
/// b.add(Decimal::from(8));
/// assert_eq!(a.total(), b.total());
/// ```
#[derive(Debug, Default)]
pub struct OrderFreeSum {
    /// Σ of the ordinary figures × 10¹⁰, exact.
    units: i128,
    /// The figures too fine or too large to be ordinary.
    extremes: Vec<Decimal>,
}

impl OrderFreeSum {
    const SCALE: u32 = 10;

    /// Adds a figure.
    pub fn add(&mut self, value: Decimal) {
        let ordinary =
            value.scale() <= Self::SCALE && value.abs() < Decimal::from(1_000_000_000_000_000i64);
        let units = 10i128
            .checked_pow(Self::SCALE - value.scale().min(Self::SCALE))
            .and_then(|f| value.mantissa().checked_mul(f))
            .and_then(|u| self.units.checked_add(u));
        match units {
            Some(units) if ordinary => self.units = units,
            _ => self.extremes.push(value),
        }
    }

    /// The exact part as a Decimal (its last digits dropped in the unreachable case that it has more
    /// than 28).
    fn exact(&self) -> Decimal {
        (0..=Self::SCALE)
            .find_map(|k| {
                Decimal::try_from_i128_with_scale(self.units / 10i128.pow(k), Self::SCALE - k).ok()
            })
            .unwrap_or(Decimal::MAX)
            .normalize()
    }

    /// The sum, saturating at Decimal's range.
    pub fn total(&self) -> Decimal {
        if self.extremes.is_empty() {
            return self.exact();
        }
        let mut all = self.extremes.clone();
        all.push(self.exact());
        all.sort_unstable();
        all.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b))
    }

    /// The sum, `None` past Decimal's range (for a figure that is shown, where a saturated sum would
    /// be a wrong one).
    pub fn checked_total(&self) -> Option<Decimal> {
        if self.extremes.is_empty() {
            return Some(self.exact());
        }
        let mut all = self.extremes.clone();
        all.push(self.exact());
        all.sort_unstable();
        all.iter().try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
    }
}

/// `part / whole` in percent, exact (unrounded); `None` when `whole` is zero.
pub fn percent_exact(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// `part / whole` in percent, rounded half-up to 2 decimals; `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    percent_exact(part, whole).map(round2)
}

/// Whether a printed figure equals an exact one rounded half-up to the printed figure's own decimals
/// (a printed 99% agrees with 99.10…%, a printed 99.2% does not).
pub fn agrees_at_printed_precision(printed: Decimal, exact: Decimal) -> bool {
    rounded_like(exact, printed) == printed
}

/// `exact` rounded half-up to `printed`'s own decimals: what the printed figure should read.
pub fn rounded_like(exact: Decimal, printed: Decimal) -> Decimal {
    exact.round_dp_with_strategy(printed.scale(), RoundingStrategy::MidpointAwayFromZero)
}

/// How a printed figure stands to the exact one, at the printed figure's own last decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// The exact figure rounded half-up (a printed 95.9% for 95.86%).
    Rounded,
    /// The exact figure cut at the last decimal instead of rounded (95.8% for 95.86%): the last digit
    /// is off by the way it was rounded, not by a wrong figure.
    Truncated,
    /// Another figure.
    Differs,
}

/// Whether `printed` is `exact` rounded, truncated, or another figure, at `printed`'s decimals.
///
/// ```
/// use jixiao::core::number::{printed_precision, Precision};
/// let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
/// assert_eq!(printed_precision(d("95.9"), d("95.8621")), Precision::Rounded);
/// assert_eq!(printed_precision(d("95.8"), d("95.8621")), Precision::Truncated);
/// assert_eq!(printed_precision(d("95.7"), d("95.8621")), Precision::Differs);
/// ```
pub fn printed_precision(printed: Decimal, exact: Decimal) -> Precision {
    if agrees_at_printed_precision(printed, exact) {
        Precision::Rounded
    } else if exact.round_dp_with_strategy(printed.scale(), RoundingStrategy::ToZero) == printed {
        Precision::Truncated
    } else {
        Precision::Differs
    }
}

/// Half-up rounding to 1 decimal (a change or a share said in a sentence: +135.8%).
pub fn round1(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// Half-up rounding to 2 decimals (the printed precision of 万元 and %).
pub fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Formats with exactly 2 decimals ("3089.41", "1209.00"), as amounts and rates are printed.
pub fn fmt2(value: Decimal) -> String {
    format!("{:.2}", round2(value))
}

/// Formats a score without trailing zeros ("99.5", "10", "2.5").
pub fn fmt_score(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Why a typed number could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but blanks was typed.
    Empty,
    /// The text is not a number.
    NotANumber(String),
    /// Too many digits for an exact decimal.
    TooLarge(String),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::Empty => write!(f, "请输入数字"),
            NumberError::NotANumber(text) => {
                write!(f, "“{}”不是有效数字，请输入如 1234.56 的数字", clip(text))
            }
            NumberError::TooLarge(text) => write!(f, "“{}”位数过多，无法精确计算", clip(text)),
        }
    }
}

impl std::error::Error for NumberError {}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(20).collect();
    if text.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// Units a user may type after a number; they are dropped (the field knows its own unit).
const UNIT_SUFFIXES: &[&str] = &[
    "万元", "万件", "元", "万", "件", "分", "%", "％", "人", "个",
];

/// Reads a decimal the way users type it: "1,234.56", full-width digits and punctuation
/// ("１２３４．５６"), surrounding blanks, a leading "+", and a trailing unit such as 万元 or %.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let mut s: String = text
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' | '。' => Some('.'),
            '－' | '−' | '—' => Some('-'),
            '＋' => Some('+'),
            ',' | '，' | '_' | '\u{3000}' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect();
    loop {
        let before = s.len();
        for unit in UNIT_SUFFIXES {
            if let Some(stripped) = s.strip_suffix(unit) {
                s = stripped.to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    let s = s.strip_prefix('+').unwrap_or(&s);
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let well_formed = {
        let body = s.strip_prefix('-').unwrap_or(s);
        let mut dots = 0;
        !body.is_empty()
            && body.chars().all(|c| {
                if c == '.' {
                    dots += 1;
                    true
                } else {
                    c.is_ascii_digit()
                }
            })
            && dots <= 1
            && body != "."
    };
    if !well_formed {
        return Err(NumberError::NotANumber(text.trim().to_string()));
    }
    Decimal::from_str_exact(s)
        .or_else(|_| Decimal::from_str(s))
        .map(|d| d.normalize())
        .map_err(|_| NumberError::TooLarge(text.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_what_users_type() {
        assert_eq!(parse_decimal("1,234.56"), Ok(d("1234.56")));
        assert_eq!(parse_decimal("１２３４．５６"), Ok(d("1234.56")));
        assert_eq!(parse_decimal(" 3089.41 万元"), Ok(d("3089.41")));
        assert_eq!(parse_decimal("95.04%"), Ok(d("95.04")));
        assert_eq!(parse_decimal("95.04％"), Ok(d("95.04")));
        assert_eq!(parse_decimal("-3"), Ok(d("-3")));
        assert_eq!(parse_decimal("+0.5分"), Ok(d("0.5")));
        assert_eq!(parse_decimal(".5"), Ok(d("0.5")));
    }

    #[test]
    fn rejects_with_a_chinese_message() {
        assert_eq!(parse_decimal("  "), Err(NumberError::Empty));
        let err = parse_decimal("十二").unwrap_err();
        assert!(err.to_string().contains("不是有效数字"), "{err}");
        assert!(parse_decimal("1.2.3").is_err());
        assert!(parse_decimal("1e5").is_err());
        assert!(parse_decimal("-").is_err());
        assert!(parse_decimal(".").is_err());
        assert!(matches!(
            parse_decimal("123456789012345678901234567890123"),
            Err(NumberError::TooLarge(_))
        ));
    }

    #[test]
    fn percent_rounds_half_up_to_two_places() {
        assert_eq!(percent(d("3089.41"), d("3342.54")), Some(d("92.43")));
        assert_eq!(percent(d("1"), d("0")), None);
        assert_eq!(percent(d("1"), d("8")), Some(d("12.50")));
        assert_eq!(percent(d("0.00045"), d("1")), Some(d("0.05")));
    }

    #[test]
    fn rounding_policy_is_explicit() {
        let half_up = Rounding::default();
        let truncate = Rounding {
            decimals: 2,
            mode: RoundingMode::Truncate,
        };
        assert_eq!(half_up.apply(d("9.995")), d("10"));
        assert_eq!(truncate.apply(d("9.999")), d("9.99"));
        assert_eq!(half_up.describe(), "保留2位小数，四舍五入");
    }

    #[test]
    fn formats_as_printed() {
        assert_eq!(fmt2(d("1209")), "1209.00");
        assert_eq!(fmt_score(d("99.50")), "99.5");
        assert_eq!(fmt_score(d("10.00")), "10");
    }
}
