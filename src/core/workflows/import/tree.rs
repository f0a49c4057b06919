//! The indicator rows under the header: names, levels and points, figures, placeholders, totals,
//! 加减分项 and the notes under the table, into the indicator tree.

use super::header::{Column, Header};
use super::{cell_number, ImportedTable, NotAFigure, Reader};
use crate::core::measure::Measure;
use crate::core::model::{Adjustments, ImportNoteKind, Indicator};
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
const REMARK_LABELS: &[(&str, u8)] = &[
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

fn normalise_grade(text: &str) -> Option<String> {
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

/// Ids "1", "1.1" …; groups without a stated 分值 take their children's sum.
pub(super) fn finish(nodes: &mut [Indicator], prefix: &str) {
    for (i, node) in nodes.iter_mut().enumerate() {
        node.id = if prefix.is_empty() {
            format!("{}", i + 1)
        } else {
            format!("{prefix}.{}", i + 1)
        };
        let id = node.id.clone();
        finish(&mut node.children, &id);
        if !node.children.is_empty() && node.points.is_zero() {
            node.points = node
                .children
                .iter()
                .fold(Decimal::ZERO, |s, c| s.saturating_add(c.points));
        }
    }
}

/// The indicator rows under a header.
pub(super) struct Rows<'h> {
    header: &'h Header,
    reader: &'h mut Reader,
    name_col: Option<usize>,
    level1_col: Option<usize>,
    level2_col: Option<usize>,
    /// The 分值 column holds scoring text, not points.
    points_are_text: bool,
    /// The table has no 分值 column: points come from names, else from the score.
    no_points_column: bool,
}

impl<'h> Rows<'h> {
    pub(super) fn new(header: &'h Header, table: &[Vec<String>], reader: &'h mut Reader) -> Self {
        let name_col = header
            .find(Column::Name)
            .or(header.find(Column::Level2))
            .or(header.find(Column::Level1));
        let level1_col = header.find(Column::Level1).filter(|c| Some(*c) != name_col);
        let level2_col = header.find(Column::Level2).filter(|c| Some(*c) != name_col);
        // A column headed 分值 that holds the scoring standard's text is read as text.
        let points_are_text = header.find(Column::Points).is_some_and(|c| {
            let (mut figures, mut words) = (0, 0);
            for row in table.iter().skip(header.row + 1) {
                match row.get(c).map(|t| cell_number(t)) {
                    Some(Ok(Some(_))) => figures += 1,
                    Some(Err(NotAFigure)) => words += 1,
                    _ => {}
                }
            }
            words > figures
        });
        let no_points_column = header.find(Column::Points).is_none() || points_are_text;
        if points_are_text {
            reader.note(
                header.row + 1,
                &[],
                ImportNoteKind::Assumed,
                "“分值”列填写的是评分标准文字，已按评分标准读入".into(),
            );
        }
        Rows {
            header,
            reader,
            name_col,
            level1_col,
            level2_col,
            points_are_text,
            no_points_column,
        }
    }

    fn col(&self, column: Column) -> Option<usize> {
        match column {
            Column::Points if self.points_are_text => None,
            Column::Criteria if self.points_are_text => self
                .header
                .find(Column::Criteria)
                .or(self.header.find(Column::Points)),
            _ => self.header.find(column),
        }
    }

    fn cell(&self, row: &[String], column: Column) -> String {
        self.col(column)
            .and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// A figure cell; words in it are noted and read as blank.
    fn figure(
        &mut self,
        row: &[String],
        line: usize,
        column: Column,
        what: &str,
    ) -> Option<Decimal> {
        let text = self.cell(row, column);
        match cell_number(&text) {
            Ok(v) => v,
            Err(NotAFigure) => {
                self.reader.note(
                    line,
                    row,
                    ImportNoteKind::Unreadable,
                    format!("{what}“{text}”不是数字，按未填处理"),
                );
                None
            }
        }
    }

    pub(super) fn read(mut self, table: &[Vec<String>], out: &mut ImportedTable) {
        let mut current1: Option<String> = None;
        let mut current2: Option<String> = None;
        let mut leaves = 0usize;
        let mut after_total = false;
        let mut assumed_points_noted = false;
        let mut previous: Option<(Decimal, Option<Decimal>)> = None;
        // The last leaf's name, and the note gathering the 其中 rows that break it down.
        let mut previous_name: Option<String> = None;
        let mut breakdown_note: Option<usize> = None;
        // The 一级 / 二级 of the last leaf, and the note on a score cell merged over several rows.
        let mut previous_group: Option<(String, String)> = None;
        let mut merged_note: Option<usize> = None;
        for (i, row) in table.iter().enumerate().skip(self.header.row + 1) {
            let line = i + 1;
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let first = row
                .iter()
                .map(|c| c.trim())
                .find(|c| !c.is_empty())
                .unwrap_or("");
            if row.iter().take(4).any(|c| is_total_label(c)) {
                self.total_row(row, line, out);
                after_total = leaves > 0;
                continue;
            }
            let squeezed_first: String = first.chars().filter(|c| !c.is_whitespace()).collect();
            if let Some((_, slot)) = REMARK_LABELS
                .iter()
                .find(|(label, _)| squeezed_first.starts_with(label))
            {
                let text = row
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join("；");
                let target = match slot {
                    0 => Some(&mut out.remarks.conclusion),
                    1 => Some(&mut out.remarks.problems),
                    2 => Some(&mut out.remarks.suggestions),
                    _ => None,
                };
                if let Some(target) = target {
                    if target.is_empty() && text != "无" {
                        *target = text;
                    }
                }
                continue;
            }
            if after_total {
                self.reader.note(
                    line,
                    row,
                    ImportNoteKind::Unreadable,
                    "总分行之后的行未作为指标导入".into(),
                );
                continue;
            }
            let raw1 = self
                .level1_col
                .and_then(|c| row.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            let raw2 = self
                .level2_col
                .and_then(|c| row.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            if !raw1.is_empty() {
                current1 = Some(raw1.clone());
                current2 = None;
            }
            if !raw2.is_empty() {
                current2 = Some(raw2.clone());
            }
            let (name1, points1) = split_points(current1.as_deref().unwrap_or(""));
            let (name2, points2) = split_points(current2.as_deref().unwrap_or(""));
            let points1 = match self.header.find(Column::Level1Points) {
                Some(c) if !raw1.is_empty() || row.get(c).is_some_and(|t| !t.trim().is_empty()) => {
                    cell_number(row.get(c).map(String::as_str).unwrap_or(""))
                        .ok()
                        .flatten()
                        .or(points1)
                }
                _ => points1,
            };
            let points2 = match self.header.find(Column::Level2Points) {
                Some(c) => cell_number(row.get(c).map(String::as_str).unwrap_or(""))
                    .ok()
                    .flatten()
                    .or(points2),
                None => points2,
            };
            let raw_name = self
                .name_col
                .and_then(|c| row.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            let (leaf_name, leaf_points_in_name) = split_points(strip_numbering(&raw_name));
            if name1.starts_with("加减分") || name1 == "加分项" || name1 == "减分项" {
                self.adjustment(row, &name1, &name2, leaf_name, points1, out);
                continue;
            }
            let points = self
                .figure(row, line, Column::Points, "分值")
                .or(leaf_points_in_name);
            let score = self.figure(row, line, Column::Score, "得分");
            let rate = self
                .figure(row, line, Column::ScoreRate, "得分率")
                .map(|r| {
                    if r <= Decimal::ONE {
                        r * Decimal::ONE_HUNDRED
                    } else {
                        r
                    }
                });
            let target_text = self.cell(row, Column::Target);
            let actual_text = self.cell(row, Column::Actual);
            let placeholder = is_placeholder_name(&leaf_name);
            // 其中 / 含 / 包括 with nothing scored: a detail of the indicator above (of which apples, of
            // which peaches), not an indicator left unscored. One note per indicator lists them.
            let detail = ["其中", "含", "包括"]
                .iter()
                .any(|w| leaf_name.starts_with(w));
            if detail && !placeholder && points.is_none() && score.is_none() {
                if let Some(parent) = &previous_name {
                    let part = leaf_name
                        .trim_start_matches(['其', '中', ':', '：'])
                        .to_string();
                    match breakdown_note.and_then(|i| self.reader.notes.get_mut(i)) {
                        Some(note) => {
                            note.message = note.message.replace("）按", &format!("、{part}）按"));
                        }
                        None => {
                            breakdown_note = Some(self.reader.notes.len());
                            self.reader.note(
                                line,
                                &[],
                                ImportNoteKind::Assumed,
                                format!("“{parent}”下的“其中”行（{part}）按该指标的组成部分读取，不单独计分"),
                            );
                        }
                    }
                    continue;
                }
            }
            // A 分值 / 得分 printed once for a block (merged cells, pasted as a figure then blanks): a row
            // with neither, under the same 二级 as a scored row just above, shares that row's score —
            // one indicator printed on several rows, not an indicator left unscored.
            let same_group = previous_group
                .as_ref()
                .is_some_and(|(g1, g2)| *g1 == name1 && *g2 == name2);
            if !placeholder
                && points.is_none()
                && score.is_none()
                && same_group
                && previous.is_some_and(|(_, s)| s.is_some())
            {
                let siblings = self.group_path(out, &name1, points1, &name2, points2, false);
                if let Some(block) = siblings.last_mut() {
                    block.name = format!("{}；{}", block.name, leaf_name);
                    let text =
                        format!("“{}”的得分（合并单元格）跨多行，按一项指标读取", block.name);
                    match merged_note.and_then(|i| self.reader.notes.get_mut(i)) {
                        Some(note) => note.message = text,
                        None => {
                            merged_note = Some(self.reader.notes.len());
                            self.reader.note(line, &[], ImportNoteKind::Assumed, text);
                        }
                    }
                    continue;
                }
            }
            // A name and nothing else (部门特性指标, left for the unit to fill): a placeholder too.
            let bare = !placeholder
                && points.is_none()
                && score.is_none()
                && target_text.is_empty()
                && actual_text.is_empty();
            if bare {
                self.group_path(out, &name1, points1, &name2, points2, true);
                self.reader.note(
                    line,
                    row,
                    ImportNoteKind::Placeholder,
                    "只有指标名称、没有分值和得分的行，未导入".into(),
                );
                continue;
            }
            if placeholder && points.is_none() && score.is_none() {
                // Keep a category the form names with its points (履职成效(20分)) even when empty.
                self.group_path(out, &name1, points1, &name2, points2, true);
                if !raw_name.is_empty()
                    || !raw1.is_empty()
                    || !raw2.is_empty()
                    || !target_text.is_empty()
                {
                    self.reader.note(
                        line,
                        row,
                        ImportNoteKind::Placeholder,
                        "空白占位行，未导入".into(),
                    );
                } else {
                    self.reader.note(
                        line,
                        row,
                        ImportNoteKind::Placeholder,
                        "只有分类名称、没有指标的行，未导入".into(),
                    );
                }
                continue;
            }
            // A category with no indicator under it and only a 0 in 得分 (生态效益指标 | | | 0): a part of
            // the form the project does not use, not an indicator whose 分值 was forgotten.
            if placeholder
                && points.is_none()
                && score.is_some_and(|s| s.is_zero())
                && target_text.is_empty()
                && actual_text.is_empty()
            {
                self.group_path(out, &name1, points1, &name2, points2, true);
                self.reader.note(
                    line,
                    row,
                    ImportNoteKind::Placeholder,
                    "只有分类名称、得分为 0 的行，视为未设置指标，未导入".into(),
                );
                continue;
            }
            let leaf_name = if placeholder {
                // Points or a score but no name: the row is its 二级 (or 一级) indicator itself.
                let own = if !raw2.is_empty() {
                    raw2.clone()
                } else {
                    raw1.clone()
                };
                let (own, _) = split_points(&own);
                if own.is_empty() {
                    self.reader.note(
                        line,
                        row,
                        ImportNoteKind::Unreadable,
                        "有分值或得分但没有指标名称，未导入".into(),
                    );
                    continue;
                }
                own
            } else {
                leaf_name
            };
            if leaf_name.starts_with("其中") {
                if let Some((prev_points, prev_score)) = previous {
                    if points == Some(prev_points) && (score.is_none() || score == prev_score) {
                        self.reader.note(
                            line,
                            row,
                            ImportNoteKind::Repeated,
                            format!(
                                "“其中”行重复列示了上一行的分值 {}{}：只计一次，将其相加会重复计分",
                                crate::core::number::fmt_score(prev_points),
                                score
                                    .map(|s| format!(
                                        "、得分 {}",
                                        crate::core::number::fmt_score(s)
                                    ))
                                    .unwrap_or_default()
                            ),
                        );
                        continue;
                    }
                }
            }
            let points = match (points, score) {
                (Some(p), _) => p,
                (None, Some(s)) => {
                    if self.no_points_column {
                        if !assumed_points_noted {
                            assumed_points_noted = true;
                            self.reader.note(
                                line,
                                &[],
                                ImportNoteKind::Assumed,
                                "表中未列分值，指标分值按所列得分计（满分与否无法核实）".into(),
                            );
                        }
                    } else {
                        self.reader.note(
                            line,
                            row,
                            ImportNoteKind::Blank,
                            format!(
                                "“{leaf_name}”分值未填，按得分 {} 计",
                                crate::core::number::fmt_score(s)
                            ),
                        );
                    }
                    s
                }
                (None, None) => {
                    if !self.no_points_column {
                        self.reader.note(
                            line,
                            row,
                            ImportNoteKind::Blank,
                            format!("“{leaf_name}”分值未填"),
                        );
                    }
                    Decimal::ZERO
                }
            };
            if points < Decimal::ZERO {
                self.reader.note(
                    line,
                    row,
                    ImportNoteKind::Unreadable,
                    format!("“{leaf_name}”分值为负数，按 0 计"),
                );
            }
            let mut leaf = Indicator {
                name: leaf_name,
                points: points.max(Decimal::ZERO),
                score,
                score_rate: rate,
                description: self.cell(row, Column::Description),
                criteria: self.cell(row, Column::Criteria),
                reason: self.cell(row, Column::Reason),
                unit: self.cell(row, Column::Unit),
                ..Default::default()
            };
            let nature = self.cell(row, Column::Nature);
            self.figures(&mut leaf, &nature, &target_text, &actual_text, line, row);
            previous = Some((leaf.points, leaf.score));
            previous_name = Some(leaf.name.clone());
            previous_group = Some((name1.clone(), name2.clone()));
            breakdown_note = None;
            merged_note = None;
            let siblings = self.group_path(out, &name1, points1, &name2, points2, false);
            siblings.push(leaf);
            leaves += 1;
        }
        // A table of targets and actuals only (指标完成情况表): nothing to score, only completion to check.
        let no_scores = self.header.find(Column::Score).is_none()
            && self.header.find(Column::ScoreRate).is_none();
        if leaves > 0
            && no_scores
            && self.no_points_column
            && crate::core::model::leaves(&out.indicators)
                .iter()
                .all(|n| n.points.is_zero())
        {
            self.reader.note(
                self.header.row + 1,
                &[],
                ImportNoteKind::Unscored,
                "表中既无分值也无得分：按指标完成情况表读入，只核对各项指标是否达到年度指标值，不评分".into(),
            );
        }
    }

    /// 年度指标值 / 实际完成值 as figures with operator and unit, or as words.
    fn figures(
        &mut self,
        leaf: &mut Indicator,
        nature: &str,
        target: &str,
        actual: &str,
        line: usize,
        row: &[String],
    ) {
        let nature_op = match Measure::parse(&format!("{nature}0")) {
            Measure::Figure { op, .. } if !nature.trim().is_empty() => op,
            _ => None,
        };
        match Measure::parse(target) {
            Measure::Figure { op, value, unit } => {
                leaf.target = Some(value);
                leaf.target_op = op.or(nature_op);
                if leaf.unit.is_empty() {
                    leaf.unit = unit;
                }
            }
            Measure::Empty => {}
            _ => leaf.target_text = target.to_string(),
        }
        match Measure::parse(actual) {
            Measure::Figure { op, value, unit } => {
                leaf.actual = Some(value);
                let unit = crate::core::measure::normalise_unit(&unit);
                if !unit.is_empty() && unit != crate::core::measure::normalise_unit(&leaf.unit) {
                    if leaf.unit.is_empty() {
                        leaf.unit = unit;
                    } else {
                        leaf.actual_unit = unit;
                    }
                }
                if let Some(op) = op {
                    self.reader.note(
                        line,
                        row,
                        ImportNoteKind::Assumed,
                        format!(
                            "“{}”实际完成值“{actual}”带比较符号“{}”，应填写实际数值；按 {} 核算",
                            leaf.name,
                            op.symbol(),
                            crate::core::number::fmt_score(value)
                        ),
                    );
                }
            }
            Measure::Empty => {}
            _ => leaf.actual_text = actual.to_string(),
        }
    }

    /// The children list a leaf goes into, creating its 一级 / 二级 groups on first sight; a group met
    /// again later (non-adjacent) is joined, not duplicated. With `only_named`, groups are created only
    /// when their name carries points (an empty category the form scores).
    fn group_path<'t>(
        &self,
        out: &'t mut ImportedTable,
        name1: &str,
        points1: Option<Decimal>,
        name2: &str,
        points2: Option<Decimal>,
        only_named: bool,
    ) -> &'t mut Vec<Indicator> {
        let mut siblings = &mut out.indicators;
        for (name, points, present) in [
            (name1, points1, self.level1_col.is_some()),
            (name2, points2, self.level2_col.is_some()),
        ] {
            if !present || name.is_empty() {
                continue;
            }
            let at = match siblings.iter().position(|n| {
                n.name == name
                    && (!n.is_leaf()
                        || n.score.is_none()
                            && n.children.is_empty()
                            && n.points == points.unwrap_or(n.points)
                            && n.target.is_none())
            }) {
                Some(at) => at,
                None if only_named && points.is_none() => break,
                None => {
                    siblings.push(Indicator {
                        name: name.to_string(),
                        points: points.unwrap_or_default(),
                        ..Default::default()
                    });
                    siblings.len() - 1
                }
            };
            siblings = &mut siblings[at].children;
        }
        siblings
    }

    fn total_row(&mut self, row: &[String], line: usize, out: &mut ImportedTable) {
        let label = row
            .iter()
            .take(4)
            .find(|c| is_total_label(c))
            .cloned()
            .unwrap_or_default();
        let (_, label_points) = split_points(&label);
        let points_col = self.col(Column::Points);
        let score_col = self.col(Column::Score);
        let at = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|s| s.trim()).unwrap_or("");
        let points = cell_number(at(points_col)).ok().flatten().or(label_points);
        let mut score = cell_number(at(score_col)).ok().flatten();
        if score.is_none() {
            // Printed elsewhere on the row: "总分(100分) | | | 100 | 自评等级 | 优".
            let figures: Vec<Decimal> = row
                .iter()
                .enumerate()
                .filter(|(c, _)| Some(*c) != points_col)
                .filter_map(|(_, t)| match Measure::parse(t) {
                    Measure::Figure {
                        value,
                        unit,
                        op: None,
                    } if unit.is_empty() || unit == "分" => Some(value),
                    _ => None,
                })
                .collect();
            if let [only] = figures.as_slice() {
                score = Some(*only);
            }
        }
        if out.stated_points.is_none() {
            out.stated_points = points;
        }
        if out.stated_total.is_none() {
            out.stated_total = score;
        }
        if let Some(grade) = row.iter().find_map(|c| normalise_grade(c)) {
            out.stated_grade = Some(grade);
        }
        let _ = line;
    }

    fn adjustment(
        &mut self,
        row: &[String],
        name1: &str,
        name2: &str,
        leaf_name: String,
        points1: Option<Decimal>,
        out: &mut ImportedTable,
    ) {
        let adj = out.adjustments.get_or_insert_with(|| Adjustments {
            cap: points1.unwrap_or(Decimal::from(5)),
            bonus: Default::default(),
            penalty: Default::default(),
        });
        let description = self.cell(row, Column::Description);
        let criteria = self.cell(row, Column::Criteria);
        let group_name = if leaf_name.is_empty() {
            name2.to_string()
        } else {
            leaf_name
        };
        if name2.contains('减') || name1 == "减分项" {
            adj.penalty.name = group_name;
            adj.penalty.description = description;
            adj.penalty.criteria = criteria;
        } else {
            adj.bonus.name = group_name;
            adj.bonus.description = description;
            adj.bonus.criteria = criteria;
        }
    }
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
