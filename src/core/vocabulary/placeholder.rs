//! Placeholders in the user's report text (占位符): `{总分}`, `{等级}`, `{预算执行率}` … are filled from the
//! data, so the text never drifts from the figures. An unknown placeholder is reported, never left blank.
//!
//! This module knows the names and finds them in a text; [`crate::report::placeholder`] fills them.
//!
//! ```
//! use jixiao::core::placeholder::unknown_in;
//! assert_eq!(unknown_in("得分为{总分}分，{未知}"), vec!["未知".to_string()]);
//! ```

/// The placeholders understood, with what they stand for.
pub const KNOWN: &[(&str, &str)] = &[
    ("总分", "自评总分"),
    ("等级", "评价等级"),
    ("年度", "评价年度"),
    ("单位", "单位名称"),
    ("主管部门", "主管部门"),
    ("指标数量", "“共设置一级指标 N 个、二级指标 M 个…”"),
    ("预算执行率", "预算执行率（%）"),
    ("年初预算", "年初支出预算（万元）"),
    ("全年预算数", "全年预算数（万元）"),
    ("本年收入", "本年收入（万元）"),
    ("本年支出", "本年支出（万元）"),
    ("年初结转结余", "年初结转和结余（万元）"),
    ("年末结转结余", "年末结转和结余（万元）"),
    ("加分", "加分"),
    ("减分", "减分"),
];

/// A piece of a text: words as written, or a `{name}` (the name as written, untrimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text outside placeholders (a lone `{` stays text).
    Text(&'a str),
    /// The name between `{` and `}` (at most 24 bytes, no `{` inside).
    Placeholder(&'a str),
}

/// Splits a text into words and placeholders, in order.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut start = 0;
    let mut at = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if close <= 24 && !after[..close].contains('{') => {
                let text_end = at + open;
                if text_end > start {
                    out.push(Segment::Text(&text[start..text_end]));
                }
                out.push(Segment::Placeholder(&after[..close]));
                at = text_end + 1 + close + 1;
                start = at;
                rest = &after[close + 1..];
            }
            _ => {
                at += open + 1;
                rest = after;
            }
        }
    }
    if start < text.len() {
        out.push(Segment::Text(&text[start..]));
    }
    out
}

/// The placeholders in `text` that are not known.
pub fn unknown_in(text: &str) -> Vec<String> {
    segments(text)
        .into_iter()
        .filter_map(|segment| match segment {
            Segment::Placeholder(name) if !KNOWN.iter().any(|(k, _)| *k == name.trim()) => {
                Some(name.to_string())
            }
            _ => None,
        })
        .collect()
}
