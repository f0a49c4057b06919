//! Keys that find the same thing again: an indicator by its name without its printed points (across
//! years, and a library entry's group in the tree), a file by its bytes (a 复核意见 across sessions).
//!
//! ```
//! use jixiao::core::keys::{content_key, match_name};
//! assert_eq!(match_name("数量指标（20分）"), "数量指标");
//! assert_eq!(content_key(b"abc"), content_key(b"abc"));
//! ```

use crate::core::model::{leaves, Indicator};

/// The first leaf of `nodes` whose name matches `name` ([`match_name`]): the row a report's text names.
pub fn leaf_named<'a>(nodes: &'a [Indicator], name: &str) -> Option<&'a Indicator> {
    let wanted = match_name(name);
    leaves(nodes)
        .into_iter()
        .find(|leaf| match_name(&leaf.name) == wanted)
}

/// An indicator name without its printed points ("数量指标（20分）" → "数量指标") or blanks, so the same
/// indicator matches when its points moved (across years, and a library entry's group in the tree).
pub fn match_name(name: &str) -> String {
    let mut name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(open) = name.rfind(['（', '(']) {
        let tail = &name[open..];
        if tail.contains('分') && tail.ends_with(['）', ')']) {
            name.truncate(open);
        }
    }
    name
}

/// A label or name without its bracketed parts, its blanks and a required-field mark: "*部门(单位)职责"
/// → "部门职责", "预算(或投资规模)控制指标" → "预算控制指标" — a form's gloss or option in brackets is no
/// other name.
///
/// ```
/// assert_eq!(jixiao::core::keys::without_brackets("*部门(单位)职责"), "部门职责");
/// ```
pub fn without_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() && !matches!(c, '*' | '＊' | '★') => {
                out.push(c)
            }
            _ => {}
        }
    }
    out
}

/// The content key of a file: FNV-1a (64 bits) of its bytes, as 16 hex digits. Stable across platforms
/// and versions, so a 复核意见 saved under it finds its file again when the batch is reopened.
pub fn content_key(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_keys_are_stable() {
        // Fixed values: a key saved by one version must find its file in the next.
        assert_eq!(content_key(b""), "cbf29ce484222325");
        assert_eq!(content_key(b"a"), "af63dc4c8601ec8c");
    }
}
