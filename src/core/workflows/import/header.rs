//! Recognising the columns of an indicator table by their headers, in any order and in the variants
//! units print (得分 / 自评分 / 自评得分, 年度指标值 / 指标值 / 年初目标值(A), 权重 as the points …), on
//! one header row or two (a merged `年度指标值` over `指标性质 | 指标值 | 度量单位`).

use crate::core::number::parse_decimal;
use rust_decimal::Decimal;

/// A recognised column of the indicator table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// 一级指标.
    Level1,
    /// 一级指标的分值.
    Level1Points,
    /// 二级指标.
    Level2,
    /// 二级指标的分值.
    Level2Points,
    /// 三级指标 (the leaf's name).
    Name,
    /// 绩效指标 (a leaf name only when no 一级 / 二级 / 三级 column exists).
    Indicator,
    /// 指标说明 / 指标解释.
    Description,
    /// 评价要点 / 评分标准.
    Criteria,
    /// 分值 / 权重.
    Points,
    /// 得分 / 自评分 / 折算得分.
    Score,
    /// 单项指标得分 / 得分系数 (a weighted form's rate).
    ScoreRate,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 偏差原因 / 扣分原因.
    Reason,
    /// 计量单位.
    Unit,
    /// 指标性质: an operator (≥ / ═) or words such as 共性 / 个性.
    Nature,
    /// 指标值设定依据 (a target table's 计划 / 行业 / 历史 / 其他标准).
    Basis,
    /// 中期指标值: the 中期 (three-year) target beside the 年度 one, kept as printed.
    MidTermTarget,
    /// Last year's actual printed beside a target (上年实际值, "2021年实际实现值" under 指标值).
    PriorActual,
    /// 运行监控: 1—N 月 完成值 ("1-7月实际完成值", "半年度指标执行情况").
    ToDate,
    /// 运行监控: 全年预计完成值.
    Forecast,
    /// 运行监控: 完成目标可能性.
    Likelihood,
    /// 运行监控: 纠偏措施.
    Measure,
    /// 运行监控: a 偏差原因 category's tick column (经费保障 …).
    CauseTick(crate::core::model::CauseKind),
    /// Known columns that carry nothing scored (序号, 是否核心指标).
    Ignored,
}

/// Header texts, compared after [`normalise`]; the first list that holds the text wins.
const EXACT: &[(Column, &[&str])] = &[
    (
        Column::Level1Points,
        &["一级分值", "一级指标分值", "一级权重", "一级指标权重"],
    ),
    (
        Column::Level2Points,
        &["二级分值", "二级指标分值", "二级权重", "二级指标权重"],
    ),
    (Column::Level1, &["一级指标", "一级"]),
    (Column::Level2, &["二级指标", "二级"]),
    (
        Column::Name,
        &["三级指标", "三级", "指标名称", "指标内容", "具体指标"],
    ),
    (Column::Indicator, &["绩效指标", "指标"]),
    (
        Column::Description,
        &["指标说明", "指标解释", "指标内涵", "指标定义"],
    ),
    (
        Column::Criteria,
        &[
            "评价要点",
            "评分标准",
            "评分要点",
            "评分细则",
            "计分标准",
            "计分方法",
            "评分方法",
            "指标说明及评分标准",
            "评价标准",
            "得分计算方法",
        ],
    ),
    (
        Column::Points,
        &[
            "分值",
            "权重",
            "指标权重",
            "标准分",
            "指标分值",
            "满分",
            "分数",
        ],
    ),
    (
        Column::ScoreRate,
        &["单项指标得分", "得分系数", "得分率", "单项得分"],
    ),
    (
        Column::Score,
        &[
            "自评分",
            "得分",
            "自评得分",
            "评分",
            "折算得分",
            "实际得分",
            "指标得分",
            "自评分数",
        ],
    ),
    (
        Column::Target,
        &[
            "年度指标值",
            "目标值",
            "指标值",
            "预期指标值",
            "预期目标",
            "年初目标值",
            "年度目标值",
            "计划值",
            "全年目标值",
            "预期值",
            "指标目标值",
        ],
    ),
    (
        Column::Actual,
        &[
            "实际完成值",
            "完成值",
            "实际值",
            "全年实际值",
            "实际完成情况",
            "实际完成",
            "完成情况",
            "全年完成值",
        ],
    ),
    (Column::Unit, &["计量单位", "度量单位", "单位"]),
    (
        Column::MidTermTarget,
        &["中期指标值", "中期目标值", "中期指标", "中期值"],
    ),
    (Column::Nature, &["指标性质", "指标方向"]),
    (
        Column::Basis,
        &[
            "指标值设定依据",
            "设定依据",
            "目标值设定依据",
            "指标设定依据",
        ],
    ),
    (Column::Reason, &["备注", "说明"]),
    (
        Column::Ignored,
        &["序号", "是否核心指标", "核心指标", "指标类型"],
    ),
];

/// Removes blanks, a required-field mark ("*指标值", "★分值"), a trailing "(A)"-style mark and a
/// "(10分)"-style points mark.
pub fn normalise(header: &str) -> String {
    let squeezed: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{3000}' | '*' | '＊' | '★'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    let mut text = squeezed.as_str();
    // Drop trailing parenthesised parts: 年初目标值(A), 分值(10分), 执行率(B/A), 预算数(万元).
    while let Some(body) = text.strip_suffix(')') {
        match body.rfind('(') {
            Some(at) => text = &body[..at],
            None => break,
        }
    }
    text.trim_end_matches([':', '：']).to_string()
}

/// A header without the period it names in front: a year (2023年 / 2023年度), 全年 / 本年 / 当年 /
/// 年度 — "2023年实际完成值" names the 实际完成值 column, "全年预算数" the 预算数.
fn without_period(header: &str) -> &str {
    let mut text = header;
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        text = text[4..].trim_start_matches('年');
        text = text.strip_prefix("度").unwrap_or(text);
    }
    for period in ["全年", "本年度", "本年", "当年", "年度", "本期"] {
        if let Some(rest) = text.strip_prefix(period) {
            return rest;
        }
    }
    text
}

/// The column a header names, if any: its text as printed (blanks, brackets and a trailing mark
/// dropped, [`normalise`]), else without the period in front ([`without_period`]).
pub fn recognise(header: &str) -> Option<Column> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    let exact = |text: &str| {
        EXACT
            .iter()
            .find(|(_, names)| names.contains(&text))
            .map(|(column, _)| *column)
    };
    if let Some(column) = monitoring_column(&h) {
        return Some(column);
    }
    if let Some(column) = exact(&h).or_else(|| exact(without_period(&h))) {
        return Some(column);
    }
    // Longer variants: 偏差原因分析及改进措施, 扣分原因和其他说明, 未完成原因及拟采取的改进措施 …
    if h.contains("原因") || h.contains("改进措施") {
        return Some(Column::Reason);
    }
    // 指标值设定依据及数据来源, 目标值设定依据说明 …
    if h.contains("设定依据") || (h.contains("依据") && h.contains("标准") && !h.contains("分"))
    {
        return Some(Column::Basis);
    }
    if h.contains("评分标准") || h.contains("计分标准") || h.contains("评分细则") {
        return Some(Column::Criteria);
    }
    // A label over the indicator block: 年度绩效目标(80分), 年度绩效指标完成情况 — known, nothing scored.
    if h.contains("绩效目标") || h.contains("绩效指标") {
        return Some(Column::Ignored);
    }
    None
}

/// The last month of a monitoring period a header or title names: "1-7月" / "1—7月" / "1至7月" /
/// "截至7月" → 7, "半年" / "上半年" → 6, "三季度" / "前三季度" → 9; with the text after it.
pub fn monitoring_period(text: &str) -> Option<(u8, &str)> {
    for (word, month) in [
        ("前三季度", 9),
        ("三季度", 9),
        ("上半年", 6),
        ("半年度", 6),
        ("半年", 6),
    ] {
        if let Some(at) = text.find(word) {
            return Some((month, &text[at + word.len()..]));
        }
    }
    let start = text
        .find("1-")
        .or_else(|| text.find("1—"))
        .or_else(|| text.find("1至"))
        .or_else(|| text.find("1～"))
        .or_else(|| text.find("1~"))
        .map(|at| at + 1 + text[at + 1..].chars().next().map_or(0, char::len_utf8))
        .or_else(|| text.find("截至").map(|at| at + "截至".len()))?;
    let rest = &text[start..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].strip_prefix('月')?;
    let month: u8 = digits.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((month, after))
}

/// A monitoring form's own columns: a 1—N 月 figure, the year's forecast, the likelihood, the measure
/// and the cause categories' tick columns.
fn monitoring_column(h: &str) -> Option<Column> {
    use crate::core::model::CauseKind;
    if h.contains("可能性") {
        return Some(Column::Likelihood);
    }
    if h.contains("预计") && (h.contains("完成") || h.contains("实现")) && !h.contains("执行数")
    {
        return Some(Column::Forecast);
    }
    if h.contains("纠偏措施") || h.contains("完善措施") || h == "纠偏举措" {
        return Some(Column::Measure);
    }
    for kind in [
        CauseKind::Funds,
        CauseKind::Rules,
        CauseKind::Staff,
        CauseKind::Facilities,
    ] {
        if h == kind.label() {
            return Some(Column::CauseTick(kind));
        }
    }
    let (_, after) = monitoring_period(h)?;
    let figure = ["完成值", "完成情况", "执行情况", "实际值", "完成", "实现值"];
    (figure.iter().any(|w| after.contains(w)) && !after.contains("执行数"))
        .then_some(Column::ToDate)
}

/// Points written in a header or a label: "分值(10分)", "得分(20分*执行率)", "预算执行情况(万元)(20分)".
pub fn points_in(text: &str) -> Option<Decimal> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('分') {
        let before = &rest[..at];
        let digits: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || ('０'..='９').contains(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !digits.is_empty() {
            if let Ok(points) = parse_decimal(&digits) {
                return Some(points);
            }
        }
        rest = &rest[at + '分'.len_utf8()..];
    }
    None
}

/// The header of the indicator table: its row index (the last header row) and a column per cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// Index of the (last) header row.
    pub row: usize,
    /// The column each cell position holds.
    pub columns: Vec<Option<Column>>,
    /// Header cells no column was recognised in, as printed: kept as text, named in the summary.
    pub unplaced: Vec<String>,
    /// The 三级 column is printed twice: two blocks side by side (中期 and 年度, as 东莞's 批复表
    /// prints them); the first is read, and that is said.
    pub repeated_block: bool,
}

impl Header {
    /// The position of a column (the first, when a kind appears twice).
    pub fn find(&self, wanted: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(wanted))
    }
}

fn names_indicators(c: &Option<Column>) -> bool {
    matches!(
        c,
        Some(Column::Level1 | Column::Level2 | Column::Name | Column::Indicator)
    )
}

fn recognise_row(row: &[String]) -> Vec<Option<Column>> {
    row.iter().map(|c| recognise(c)).collect()
}

/// A row that starts the indicator table: it names indicators and at least one other column.
fn is_header(columns: &[Option<Column>]) -> bool {
    let named = columns.iter().flatten().count();
    named >= 2 && columns.iter().any(names_indicators)
}

/// A 指标值 header merged over blank cells and refined by the row below ("指标值" over "2021年实际实现值 |
/// 预期2022年实现值"): the sub-cell that names an actual (实际 / 上年) is last year's, the other is the
/// target. Returns whether the span was refined (the row below is then part of the header).
fn refine_target_span(
    columns: &mut Vec<Option<Column>>,
    parent: &[String],
    below: &[String],
) -> bool {
    let Some(start) = columns.iter().position(|c| *c == Some(Column::Target)) else {
        return false;
    };
    let blank = |i: usize| parent.get(i).is_none_or(|t| t.trim().is_empty());
    let mut end = start + 1;
    while end < below.len() && blank(end) && columns.get(end).is_none_or(|c| c.is_none()) {
        end += 1;
    }
    let filled: Vec<usize> = (start..end.min(below.len()))
        .filter(|&k| !below[k].trim().is_empty())
        .collect();
    let prior = |k: &usize| below[*k].contains("实际") || below[*k].contains("上年");
    if filled.len() < 2 || filled.iter().all(prior) || !filled.iter().any(prior) {
        return false;
    }
    columns.resize(columns.len().max(end), None);
    for column in &mut columns[start..end] {
        *column = None;
    }
    for k in filled {
        columns[k] = Some(if prior(&k) {
            Column::PriorActual
        } else {
            Column::Target
        });
    }
    true
}

/// Finds the header among the first rows, merging a second header row beneath it.
pub fn find(table: &[Vec<String>], from: usize) -> Option<Header> {
    let (index, mut columns) = table
        .iter()
        .enumerate()
        .skip(from)
        .take(60)
        .map(|(i, row)| (i, recognise_row(row)))
        .find(|(_, columns)| is_header(columns))?;
    let mut last = index;
    // A second header row: "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位" under a
    // merged "绩效指标 | | | 年度指标值 | | |".
    if let Some(next) = table.get(index + 1) {
        let below = recognise_row(next);
        let below_named = below.iter().flatten().count();
        let has_figures = next.iter().any(|c| parse_decimal(c).is_ok());
        if below_named >= 2 && !has_figures {
            columns.resize(columns.len().max(below.len()), None);
            for (i, column) in below.into_iter().enumerate() {
                if column.is_some() {
                    columns[i] = column;
                }
            }
            last = index + 1;
        } else if !has_figures && refine_target_span(&mut columns, &table[index], next) {
            last = index + 1;
        }
    }
    // 绩效指标 names leaves only when no 一级 / 二级 / 三级 column exists (else it labels the block).
    let has_levels = columns
        .iter()
        .any(|c| matches!(c, Some(Column::Level1 | Column::Level2 | Column::Name)));
    for column in columns.iter_mut() {
        if *column == Some(Column::Indicator) {
            *column = if has_levels { None } else { Some(Column::Name) };
        }
    }
    // 分值 printed after each level ("一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分"): each
    // belongs to the level on its left, and only the last is the leaf's.
    if columns
        .iter()
        .filter(|c| **c == Some(Column::Points))
        .count()
        > 1
    {
        for i in 0..columns.len() {
            if columns[i] != Some(Column::Points) {
                continue;
            }
            let left = columns[..i].iter().rev().flatten().next().copied();
            columns[i] = match left {
                Some(Column::Level1) => Some(Column::Level1Points),
                Some(Column::Level2) => Some(Column::Level2Points),
                _ => Some(Column::Points),
            };
        }
    }
    // A kind named twice (e.g. 单位 as 计量单位 and again): keep the first. 指标性质 and 指标方向 both stay:
    // forms print 正向 / 反向 in one and the operator in the other (the row reads the one that holds an
    // operator).
    let mut seen = Vec::new();
    let mut repeated_block = false;
    for column in columns.iter_mut() {
        if let Some(kind) = column {
            let repeatable = matches!(kind, Column::Ignored | Column::Nature);
            if !repeatable && seen.contains(kind) {
                repeated_block |= *kind == Column::Name;
                *column = None;
            } else {
                seen.push(*kind);
            }
        }
    }
    // Header cells that name no known column (on the header rows, where no column was placed).
    let unplaced = (index..=last)
        .filter_map(|r| table.get(r))
        .flat_map(|row| row.iter().enumerate())
        .filter(|(i, text)| {
            !text.trim().is_empty()
                && columns.get(*i).is_none_or(|c| c.is_none())
                && recognise(text).is_none()
        })
        .map(|(_, text)| text.trim().to_string())
        .fold(Vec::new(), |mut out: Vec<String>, text| {
            if !out.contains(&text) {
                out.push(text);
            }
            out
        });
    Some(Header {
        row: last,
        columns,
        unplaced,
        repeated_block,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants() {
        for (text, column) in [
            ("年初目标值(A)", Column::Target),
            ("实际完成值(B)", Column::Actual),
            ("全年实际值", Column::Actual),
            ("未完成原因及拟采取的改进措施", Column::Reason),
            ("偏差原因分析及改进措施", Column::Reason),
            ("扣分原因和其他说明", Column::Reason),
            ("自 评 得 分", Column::Score),
            ("指标权重", Column::Points),
            ("分值（10分）", Column::Points),
            ("单项指标得分", Column::ScoreRate),
            ("折算得分", Column::Score),
            ("度量单位", Column::Unit),
            ("指标说明及评分标准", Column::Criteria),
            ("2023年度指标值（A）", Column::Target),
            ("全年实际完成值（B）", Column::Actual),
            ("2024年实际完成值", Column::Actual),
            ("本年实际值", Column::Actual),
            ("得分（分）", Column::Score),
            ("年度指标值", Column::Target),
            ("年度绩效目标1(80分)", Column::Ignored),
            ("年度绩效指标完成情况", Column::Ignored),
        ] {
            assert_eq!(recognise(text), Some(column), "{text}");
        }
        assert_eq!(points_in("得分(20分*执行率)").unwrap().to_string(), "20");
        assert_eq!(
            points_in("预算执行情况(万元)(20分)").unwrap().to_string(),
            "20"
        );
        assert_eq!(points_in("部门决策(25 分)").unwrap().to_string(), "25");
        assert_eq!(points_in("得分"), None);
    }

    #[test]
    fn two_header_rows_merge() {
        let row = |cells: &[&str]| cells.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let table = vec![
            row(&[
                "绩效指标",
                "",
                "",
                "年度指标值",
                "",
                "",
                "实际完成值",
                "分值",
                "得分",
            ]),
            row(&[
                "一级指标",
                "二级指标",
                "三级指标",
                "指标性质",
                "指标值",
                "度量单位",
                "",
                "",
                "",
            ]),
        ];
        let header = find(&table, 0).unwrap();
        assert_eq!(header.row, 1);
        assert_eq!(header.find(Column::Level1), Some(0));
        assert_eq!(header.find(Column::Nature), Some(3));
        assert_eq!(header.find(Column::Target), Some(4));
        assert_eq!(header.find(Column::Unit), Some(5));
        assert_eq!(header.find(Column::Actual), Some(6));
    }
}
