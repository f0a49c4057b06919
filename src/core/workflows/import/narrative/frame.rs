//! The report's frame: its year, its unit (from a 单位名称 line or the title) and the sections the
//! evaluation keeps as its words (评价结论, 存在问题, 有关建议).

use super::text::{find_all, heading};
use super::Sections;

pub(super) fn read_sections(text: &str) -> Sections {
    let mut sections = Sections::default();
    let mut current: Option<&mut String> = None;
    for line in text.lines() {
        if heading(line) {
            current = if line.contains("问题") {
                Some(&mut sections.problems)
            } else if line.contains("建议") || line.contains("改进措施") {
                Some(&mut sections.suggestions)
            } else if line.contains("结论") {
                Some(&mut sections.conclusion)
            } else {
                None
            };
            continue;
        }
        if let Some(section) = current.as_deref_mut() {
            if !section.is_empty() {
                section.push('\n');
            }
            section.push_str(line);
        }
    }
    sections
}

pub(super) fn year_of(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    for at in find_all(&chars, "年") {
        if at >= 4 {
            let digits: String = chars[at - 4..at].iter().collect();
            if let Ok(year) = digits.parse::<i32>() {
                if (2000..=2100).contains(&year) {
                    return Some(year);
                }
            }
        }
    }
    None
}

/// The unit from a 单位名称 / 评价单位 line, or the title: what stands between 年度 and 部门整体 / 整体支出
/// / 绩效, when it reads as a unit's name (short, no clause marks, ending as units' names end).
pub(super) fn unit_of(text: &str) -> String {
    let is_name = |name: &str| {
        const ENDINGS: [&str; 24] = [
            "局", "委", "办", "中心", "院", "会", "所", "站", "队", "馆", "厅", "室", "处", "团",
            "部", "校", "学", "政府", "社", "联", "公司", "镇", "乡", "街道",
        ];
        let count = name.chars().count();
        (2..=40).contains(&count)
            && !name.contains([',', '。', ':', ';', '《', '》', '(', ')'])
            && ENDINGS.iter().any(|e| name.ends_with(e))
    };
    for line in text.lines().take(40) {
        if let Some(rest) = line
            .strip_prefix("单位名称:")
            .or_else(|| line.strip_prefix("评价单位:"))
        {
            let name = rest.trim_end_matches(['。', ',']);
            if is_name(name) {
                return name.to_string();
            }
        }
    }
    for line in text.lines().take(5) {
        // "南县财政局2020年度机关整体支出…": the name before the year.
        let chars: Vec<char> = line.chars().take(160).collect();
        let years = (0..chars.len().saturating_sub(4)).filter(|&i| {
            chars[i..i + 4].iter().all(char::is_ascii_digit) && chars.get(i + 4) == Some(&'年')
        });
        for at in years {
            // The name starts after the last mark before the year (a file name, a heading).
            let from = chars[..at]
                .iter()
                .rposition(|c| matches!(c, '.' | ':' | '。' | ' ' | 'x' | ')'))
                .map_or(0, |p| p + 1);
            let before: String = chars[from..at].iter().collect();
            if is_name(&before) {
                return before;
            }
        }
        let Some((_, after)) = line.split_once("年度") else {
            continue;
        };
        for end in [
            "部门整体",
            "整体支出",
            "单位整体",
            "整体绩效",
            "整体预算",
            "绩效自评",
        ] {
            if let Some((unit, _)) = after.split_once(end) {
                let unit = unit.trim_end_matches(['的', '—', '-']);
                if is_name(unit) {
                    return unit.to_string();
                }
            }
        }
    }
    String::new()
}
