//! How a report's text is read: normalised (full-width made half-width, a PDF's spaces and broken lines
//! joined), cut into sentences, and searched for a figure with its unit after a label.

use rust_decimal::Decimal;

/// How far after a label its figure may stand (characters), so a figure is not taken from a later clause.
pub(super) const REACH: usize = 12;

/// A figure in the text: value, unit as printed, and where it ends (char index).
pub(super) struct Number {
    pub(super) value: Decimal,
    pub(super) unit: String,
    pub(super) end: usize,
}

/// Text as the reader sees it: full-width digits and punctuation made half-width, spaces and line
/// breaks dropped between characters of one sentence (a PDF breaks lines and words anywhere), but kept
/// as a sentence end after 。 and between paragraphs.
pub(super) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '：' => ':',
            '％' => '%',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '\u{3000}' | '\u{a0}' => ' ',
            c => c,
        };
        out.push(c);
    }
    // A blank line ends a paragraph only after a sentence's end or a heading: text pulled from a PDF
    // puts blank lines inside sentences too (a page break). Spaces and single breaks are layout.
    let mut paragraphs: Vec<String> = Vec::new();
    for block in out.split("\n\n") {
        let block: String = block.chars().filter(|c| !c.is_whitespace()).collect();
        if block.is_empty() {
            continue;
        }
        match paragraphs.last_mut() {
            Some(last) if !ends_paragraph(last) => last.push_str(&block),
            _ => paragraphs.push(block),
        }
    }
    paragraphs.join("\n")
}

/// Whether a paragraph so far ends where a paragraph may end: after a sentence's end, or a heading.
pub(super) fn ends_paragraph(text: &str) -> bool {
    text.ends_with(['。', ':', ';', '!', '?', '！', '？', '”'])
        || heading(text)
        || text.chars().count() <= 30 && !text.ends_with([',', '、'])
}

/// Sentences: split after 。 ; ! ? and at paragraph ends.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c == '\n' {
            out.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
        if matches!(c, '。' | ';' | '!' | '！' | '?' | '？') {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

/// The first figure within [`REACH`] characters from `from` (chars of `sentence`), with its unit.
pub(super) fn number_after(chars: &[char], from: usize) -> Option<Number> {
    let limit = (from + REACH).min(chars.len());
    let start = (from..limit).find(|&i| chars[i].is_ascii_digit())?;
    // A figure belongs to the label only if no other clause starts between them.
    if chars[from..start]
        .iter()
        .any(|c| matches!(c, ',' | '。' | ';' | '、'))
    {
        return None;
    }
    let mut end = start;
    let mut digits = String::new();
    while end < chars.len() {
        let c = chars[end];
        if c.is_ascii_digit() || c == '.' {
            digits.push(c);
        } else if c == ','
            && chars.get(end + 1).is_some_and(|d| d.is_ascii_digit())
            && chars.get(end + 4).is_none_or(|d| !d.is_ascii_digit())
            && chars[end + 1..].iter().take(3).all(|d| d.is_ascii_digit())
        {
            // A thousands separator: exactly three digits follow.
        } else {
            break;
        }
        end += 1;
    }
    let digits = digits.trim_end_matches('.');
    let value: Decimal = digits.parse().ok()?;
    let rest: String = chars[end..chars.len().min(end + 2)].iter().collect();
    let unit = ["万元", "亿元", "元", "%", "分"]
        .iter()
        .find(|u| rest.starts_with(**u))
        .map(|u| u.to_string())
        .unwrap_or_default();
    let end = end + unit.chars().count();
    Some(Number { value, unit, end })
}

pub(super) fn find_all(chars: &[char], word: &str) -> Vec<usize> {
    let word: Vec<char> = word.chars().collect();
    if word.is_empty() || chars.len() < word.len() {
        return Vec::new();
    }
    (0..=chars.len() - word.len())
        .filter(|&i| chars[i..i + word.len()] == word[..])
        .collect()
}

/// A grade word at the start of `text`, as the grade's name: 优秀 → 优, 良好 → 良, 中等 / 合格 → 中,
/// 差 / 较差 / 不合格 → 差.
pub(super) fn grade_at(text: &str) -> Option<&'static str> {
    for (word, grade) in [
        ("优秀", "优"),
        ("良好", "良"),
        ("中等", "中"),
        ("不合格", "差"),
        ("较差", "差"),
        ("优", "优"),
        ("良", "良"),
        ("中", "中"),
        ("差", "差"),
    ] {
        if text.starts_with(word) {
            return Some(grade);
        }
    }
    None
}

/// A section heading: 一、 … 十、 (or a numbered line such as "四 存在问题") at the start of a line.
pub(super) fn heading(line: &str) -> bool {
    let numeral: String = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty()
        && line[numeral.len()..].starts_with(['、', '.', ' '])
        && line.chars().count() <= 40
}
