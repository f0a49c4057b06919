//! 指标值 as units print them (年度指标值 / 实际完成值): a figure with an operator and a unit
//! (`≥100%`, `≧100%`, `＞90%`, `≤90万元`, `═100%`, `=0`, `100百分比`, `≥8次`, `1200篇`, `90%以上`), a
//! qualitative level (`达成预期指标`, `部分达成`, `未达成`, `高`, `好`, `效果明显`), or words that are
//! neither (`按期完成`, `2024年12月底前`).
//!
//! ```
//! use jixiao::core::measure::Measure;
//! use jixiao::core::rule::{Comparison, QualitativeLevel};
//! let m = Measure::parse("≧１００百分比");
//! assert_eq!(m, Measure::Figure { op: Some(Comparison::Ge), value: "100".parse().unwrap(), unit: "%".into() });
//! assert_eq!(Measure::parse("≤90万元").unit(), Some("万元"));
//! assert_eq!(Measure::parse("达成预期指标"), Measure::Level(QualitativeLevel::Achieved));
//! assert_eq!(Measure::parse("按期完成"), Measure::Level(QualitativeLevel::Achieved));
//! assert_eq!(Measure::parse("2024年12月底前"), Measure::Words);
//! ```

use crate::core::number::parse_decimal;
use crate::core::rule::{Comparison, QualitativeLevel};
use rust_decimal::Decimal;

/// One printed 指标值, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Nothing printed.
    Empty,
    /// A figure: operator (when printed), value, unit (normalised: `％` and `百分比` are `%`).
    Figure {
        /// The comparison printed before (or, as 以上 / 以下, after) the figure.
        op: Option<Comparison>,
        /// The figure.
        value: Decimal,
        /// Its unit, possibly empty.
        unit: String,
    },
    /// A qualitative level (定性).
    Level(QualitativeLevel),
    /// Words that are neither a figure nor a level.
    Words,
}

/// Operators written before the figure, longest first (so `>=` wins over `>`).
const PREFIX_OPS: &[(&str, Comparison)] = &[
    ("大于等于", Comparison::Ge),
    ("大于或等于", Comparison::Ge),
    ("小于等于", Comparison::Le),
    ("小于或等于", Comparison::Le),
    ("不低于", Comparison::Ge),
    ("不少于", Comparison::Ge),
    ("不小于", Comparison::Ge),
    ("不高于", Comparison::Le),
    ("不超过", Comparison::Le),
    ("不多于", Comparison::Le),
    ("不大于", Comparison::Le),
    ("控制在", Comparison::Le),
    (">=", Comparison::Ge),
    ("<=", Comparison::Le),
    ("==", Comparison::Eq),
    ("≥", Comparison::Ge),
    ("≧", Comparison::Ge),
    ("⩾", Comparison::Ge),
    ("≤", Comparison::Le),
    ("≦", Comparison::Le),
    ("⩽", Comparison::Le),
    ("＞", Comparison::Gt),
    (">", Comparison::Gt),
    ("大于", Comparison::Gt),
    ("高于", Comparison::Gt),
    ("超过", Comparison::Gt),
    ("＜", Comparison::Lt),
    ("<", Comparison::Lt),
    ("小于", Comparison::Lt),
    ("低于", Comparison::Lt),
    ("═", Comparison::Eq),
    ("＝", Comparison::Eq),
    ("=", Comparison::Eq),
    ("等于", Comparison::Eq),
];

/// Operators written after the figure ("90%以上").
const SUFFIX_OPS: &[(&str, Comparison)] = &[
    ("及以上", Comparison::Ge),
    ("以上", Comparison::Ge),
    ("及以下", Comparison::Le),
    ("以下", Comparison::Le),
    ("以内", Comparison::Le),
    ("之内", Comparison::Le),
];

/// Words after a time that make it a deadline (at the latest), longest first.
const DEADLINE_WORDS: &[&str] = &["底之前", "底以前", "底前", "之前", "以前", "前"];

/// Units a deadline counts in (a month of the year, a day of the month …).
const TIME_UNITS: &[&str] = &["月", "月份", "日", "号", "天", "年", "季度", "周"];

/// Qualitative words, most specific first: negations before the words they negate.
const LEVEL_WORDS: &[(&str, QualitativeLevel)] = &[
    ("不满意", QualitativeLevel::NotAchieved),
    ("不明显", QualitativeLevel::NotAchieved),
    ("不符合", QualitativeLevel::NotAchieved),
    ("较差", QualitativeLevel::NotAchieved),
    ("差", QualitativeLevel::NotAchieved),
    ("否", QualitativeLevel::NotAchieved),
    ("未达成", QualitativeLevel::NotAchieved),
    ("未达到", QualitativeLevel::NotAchieved),
    ("未完成", QualitativeLevel::NotAchieved),
    ("未达标", QualitativeLevel::NotAchieved),
    ("不达标", QualitativeLevel::NotAchieved),
    ("没有达成", QualitativeLevel::NotAchieved),
    ("不合格", QualitativeLevel::NotAchieved),
    ("无效果", QualitativeLevel::NotAchieved),
    ("部分达成", QualitativeLevel::Partial),
    ("部分达到", QualitativeLevel::Partial),
    ("部分完成", QualitativeLevel::Partial),
    ("基本达成", QualitativeLevel::Partial),
    ("基本达到", QualitativeLevel::Partial),
    ("基本完成", QualitativeLevel::Partial),
    ("一般", QualitativeLevel::Partial),
    ("达成", QualitativeLevel::Achieved),
    ("达到", QualitativeLevel::Achieved),
    ("已完成", QualitativeLevel::Achieved),
    ("完成", QualitativeLevel::Achieved),
    ("达标", QualitativeLevel::Achieved),
    ("合格", QualitativeLevel::Achieved),
    ("明显", QualitativeLevel::Achieved),
    ("显著", QualitativeLevel::Achieved),
    ("良好", QualitativeLevel::Achieved),
    ("较好", QualitativeLevel::Achieved),
    ("提升", QualitativeLevel::Achieved),
    ("提高", QualitativeLevel::Achieved),
    ("改善", QualitativeLevel::Achieved),
    ("有效", QualitativeLevel::Achieved),
    ("符合", QualitativeLevel::Achieved),
    ("满意", QualitativeLevel::Achieved),
    ("高", QualitativeLevel::Achieved),
    ("好", QualitativeLevel::Achieved),
    ("优", QualitativeLevel::Achieved),
    ("是", QualitativeLevel::Achieved),
];

/// Longest text read as a level: a sentence that happens to contain 完成 is not a verdict.
const LEVEL_MAX_CHARS: usize = 12;

/// Longest unit after a figure (计量单位 such as 人次, 平方米, 万元).
const UNIT_MAX_CHARS: usize = 6;

impl Measure {
    /// Reads a printed 指标值.
    pub fn parse(text: &str) -> Measure {
        let squeezed: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .collect();
        if squeezed.is_empty() || matches!(squeezed.as_str(), "—" | "-" | "/" | "／" | "——")
        {
            return Measure::Empty;
        }
        if let Some(figure) = figure(&squeezed) {
            return figure;
        }
        let has_digit = squeezed
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if !has_digit && squeezed.chars().count() <= LEVEL_MAX_CHARS {
            if let Some((_, level)) = LEVEL_WORDS.iter().find(|(w, _)| squeezed.contains(w)) {
                return Measure::Level(*level);
            }
        }
        Measure::Words
    }

    /// The figure, when this is one.
    pub fn value(&self) -> Option<Decimal> {
        match self {
            Measure::Figure { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// The unit, when this is a figure.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Measure::Figure { unit, .. } => Some(unit),
            _ => None,
        }
    }

    /// The operator, when this is a figure that printed one.
    pub fn op(&self) -> Option<Comparison> {
        match self {
            Measure::Figure { op, .. } => *op,
            _ => None,
        }
    }
}

/// `%` for the ways a percent is written.
pub fn normalise_unit(unit: &str) -> String {
    match unit {
        "％" | "百分比" | "百分点" | "%" => "%".to_string(),
        other => other.to_string(),
    }
}

/// A unit as a quantity and its size in that quantity's base unit, for units that name one quantity
/// in different sizes or spellings: 元 / 千元 / 万 / 万元 / 亿元, B / KB / MB / GB / TB (also G, T,
/// lower case, a space before), 天 / 日, 小时 / h, 分钟 / min, 月 / 个月, 年 / 年度. `None` for a unit that
/// is only itself (人次, 个, 次): such units agree only when spelled alike.
pub fn unit_scale(unit: &str) -> Option<(&'static str, Decimal)> {
    let compact: String = unit.chars().filter(|c| !c.is_whitespace()).collect();
    let pow = |base: i64, n: u32| Decimal::from(base.pow(n));
    Some(match compact.to_ascii_uppercase().as_str() {
        "元" => ("money", Decimal::ONE),
        "千元" => ("money", pow(10, 3)),
        "万" | "万元" => ("money", pow(10, 4)),
        "亿" | "亿元" => ("money", pow(10, 8)),
        "B" | "字节" => ("data", Decimal::ONE),
        "KB" | "K" => ("data", pow(1024, 1)),
        "MB" | "M" | "兆" => ("data", pow(1024, 2)),
        "GB" | "G" => ("data", pow(1024, 3)),
        "TB" | "T" => ("data", pow(1024, 4)),
        "天" | "日" => ("time", Decimal::from(24 * 60)),
        "小时" | "H" => ("time", Decimal::from(60)),
        "分钟" | "MIN" => ("time", Decimal::ONE),
        "月" | "个月" => ("months", Decimal::ONE),
        "年" | "年度" => ("months", Decimal::from(12)),
        _ => return None,
    })
}

/// Whether two units are one unit spelled two ways (万 / 万元, 10GB / 10 GB, 天 / 日): figures in them
/// compare as they stand. Units of one quantity in different sizes (元 / 万元, MB / GB) are not: the
/// form should print one unit, and a reviewer asks for it.
pub fn same_unit(a: &str, b: &str) -> bool {
    a == b || matches!((unit_scale(a), unit_scale(b)), (Some(x), Some(y)) if x == y)
}

fn figure(s: &str) -> Option<Measure> {
    let mut rest = s;
    let mut op = None;
    for (word, comparison) in PREFIX_OPS {
        if let Some(after) = rest.strip_prefix(word) {
            op = Some(*comparison);
            rest = after;
            break;
        }
    }
    // The number: digits (ASCII or full-width), separators, one sign.
    let number_end = rest
        .char_indices()
        .find(|(i, c)| {
            !(c.is_ascii_digit()
                || ('０'..='９').contains(c)
                || matches!(c, '.' | '．' | ',' | '，')
                || (*i == 0 && matches!(c, '-' | '－' | '+' | '＋')))
        })
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let (number, mut tail) = rest.split_at(number_end);
    // "1,200" but not "1，" ending a clause.
    let number = number.trim_end_matches([',', '，']);
    let value = parse_decimal(number).ok()?;
    for (word, comparison) in SUFFIX_OPS {
        if let Some(before) = tail.strip_suffix(word) {
            if op.is_none() {
                op = Some(*comparison);
            }
            tail = before;
            break;
        }
    }
    // A deadline ("9月前", "11月底前"): by that month or day at the latest.
    if let Some((before, _)) = DEADLINE_WORDS
        .iter()
        .find_map(|w| tail.strip_suffix(w).map(|b| (b, w)))
        .filter(|(before, _)| TIME_UNITS.contains(before))
    {
        op = op.or(Some(Comparison::Le));
        tail = before;
    }
    let unit = tail
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    if unit.chars().count() > UNIT_MAX_CHARS
        || unit
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    Some(Measure::Figure {
        op,
        value,
        unit: normalise_unit(unit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(op: Option<Comparison>, value: &str, unit: &str) -> Measure {
        Measure::Figure {
            op,
            value: value.parse().unwrap(),
            unit: unit.into(),
        }
    }

    #[test]
    fn operators_as_printed() {
        use Comparison::*;
        assert_eq!(Measure::parse("≥100%"), fig(Some(Ge), "100", "%"));
        assert_eq!(Measure::parse("≧100%"), fig(Some(Ge), "100", "%"));
        assert_eq!(Measure::parse("＞90%"), fig(Some(Gt), "90", "%"));
        assert_eq!(Measure::parse("≤90万元"), fig(Some(Le), "90", "万元"));
        assert_eq!(Measure::parse("═100%"), fig(Some(Eq), "100", "%"));
        assert_eq!(Measure::parse("=0"), fig(Some(Eq), "0", ""));
        assert_eq!(Measure::parse("100百分比"), fig(None, "100", "%"));
        assert_eq!(Measure::parse("≥8次"), fig(Some(Ge), "8", "次"));
        assert_eq!(Measure::parse("1200篇"), fig(None, "1200", "篇"));
        assert_eq!(Measure::parse("56.8"), fig(None, "56.8", ""));
        assert_eq!(
            Measure::parse("１，２００．５ 万元"),
            fig(None, "1200.5", "万元")
        );
        assert_eq!(Measure::parse("1,234.56"), fig(None, "1234.56", ""));
        assert_eq!(Measure::parse("90%以上"), fig(Some(Ge), "90", "%"));
        assert_eq!(Measure::parse("不低于95％"), fig(Some(Ge), "95", "%"));
        assert_eq!(Measure::parse(">= 3 个"), fig(Some(Ge), "3", "个"));
        assert_eq!(Measure::parse("≥266米"), fig(Some(Ge), "266", "米"));
        // Deadlines: by that month at the latest; a full date stays words.
        assert_eq!(Measure::parse("9月前"), fig(Some(Le), "9", "月"));
        assert_eq!(Measure::parse("11月底前"), fig(Some(Le), "11", "月"));
        assert_eq!(Measure::parse("15日以前"), fig(Some(Le), "15", "日"));
        assert_eq!(
            Measure::parse("3个人前").op(),
            None,
            "前 after no time is no deadline"
        );
    }

    #[test]
    fn levels_and_words() {
        use QualitativeLevel::*;
        for (text, level) in [
            ("达成预期指标", Achieved),
            ("达成", Achieved),
            ("部分达成", Partial),
            ("未达成", NotAchieved),
            ("高", Achieved),
            ("好", Achieved),
            ("效果明显", Achieved),
            ("显著提升", Achieved),
            ("基本完成", Partial),
        ] {
            assert_eq!(Measure::parse(text), Measure::Level(level), "{text}");
        }
        assert_eq!(Measure::parse("2024年12月底前"), Measure::Words);
        assert_eq!(Measure::parse("按期"), Measure::Words);
        assert_eq!(Measure::parse(""), Measure::Empty);
        assert_eq!(Measure::parse(" — "), Measure::Empty);
        assert_eq!(
            Measure::parse("严格按照相关制度规定完成项目全部建设内容并通过验收"),
            Measure::Words
        );
    }
}
