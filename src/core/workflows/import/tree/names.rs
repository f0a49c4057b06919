//! The words of an indicator table's rows: a name with its points in brackets, the form's numbering and
//! placeholders, total rows, the labels of the text rows under a table, grade words.

use rust_decimal::Decimal;

/// "部门决策（15分）" → ("部门决策", Some(15)); "相关性(5 分)" too. A name that is only points
/// ("(50分)", its words lost) keeps its text as the name.
pub(super) fn split_points(cell: &str) -> (String, Option<Decimal>) {
    let (name, points) = split_points_raw(cell);
    if name.is_empty() && points.is_some() {
        return (cell.trim().to_string(), points);
    }
    (name, points)
}

fn split_points_raw(cell: &str) -> (String, Option<Decimal>) {
    let cell = cell.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(body) = cell.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let inner: String = body[at + open.len_utf8()..]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if let Some(number) = inner.strip_suffix('分') {
                    let number = number.trim_start_matches(['≤', '<', '=']);
                    if let Ok(points) = crate::core::number::parse_decimal(number) {
                        return (body[..at].trim().to_string(), Some(points));
                    }
                }
            }
        }
    }
    (cell.to_string(), None)
}

/// "指标1:全县参合人数" → "全县参合人数" (the form's numbering is not part of the name).
pub(super) fn strip_numbering(name: &str) -> &str {
    let Some(rest) = name.strip_prefix("指标") else {
        return name;
    };
    let digits = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(c)))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if digits == 0 {
        return name;
    }
    let after = &rest[digits..];
    match after.strip_prefix([':', '：', '、', '.', '．']) {
        Some(body) => body.trim(),
        None if after.is_empty() => "",
        // "指标1工程资金金额": numbering run into the name.
        None if !after.starts_with(|c: char| c.is_ascii()) => after.trim(),
        None => name,
    }
}

/// The form's placeholders: "……", "…", "指标2", "指标2：".
pub(super) fn is_placeholder_name(name: &str) -> bool {
    let squeezed: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.is_empty()
        || squeezed
            .chars()
            .all(|c| matches!(c, '…' | '.' | '。' | '-' | '—' | '·' | '、'))
        || strip_numbering(&squeezed).is_empty()
}

pub(super) fn is_total_label(text: &str) -> bool {
    let (name, _) = split_points(text);
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.trim_end_matches([':', '：']);
    matches!(
        name,
        "合计"
            | "总分"
            | "总计"
            | "合计得分"
            | "总得分"
            | "自评总分"
            | "综合得分"
            | "总分值"
            | "得分合计"
    )
}

/// Labels of the text rows under a table, and where their text goes.
pub(super) const REMARK_LABELS: &[(&str, u8)] = &[
    ("评价结论", 0),
    ("自评结论", 0),
    ("存在问题", 1),
    ("偏差大或目标未完成原因分析", 1),
    ("目标未完成原因", 1),
    ("改进措施", 2),
    ("其他需要说明", 3),
    ("单位主要负责人", 3),
    ("项目负责人", 3),
    ("财务负责人", 3),
    ("填表人", 3),
    ("填报人", 3),
    ("联系电话", 3),
    ("备注", 3),
    ("注：", 3),
    ("注:", 3),
    ("说明：", 3),
    ("说明:", 3),
];

pub(super) fn normalise_grade(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    Some(
        match t.as_str() {
            "优" | "优秀" => "优",
            "良" | "良好" => "良",
            "中" | "中等" | "合格" | "一般" => "中",
            "差" | "较差" | "不合格" => "差",
            _ => return None,
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_placeholders() {
        assert_eq!(strip_numbering("指标1:全县参合人数"), "全县参合人数");
        assert_eq!(strip_numbering("指标2："), "");
        assert_eq!(strip_numbering("指标库"), "指标库");
        assert!(is_placeholder_name("……"));
        assert!(is_placeholder_name("指标2"));
        assert!(!is_placeholder_name("指标名称"));
        assert_eq!(split_points("相关性(5 分)").1.unwrap().to_string(), "5");
        assert!(is_total_label("总分(100分)"));
        assert!(is_total_label("合 计"));
    }
}
