//! The indicator rows under the header: names, levels and points, figures, placeholders, totals,
//! 加减分项 and the notes under the table, into the indicator tree. Row by row: [`rows`] reads a row's
//! cells, says what kind of row it is and reads it as that kind; [`names`] knows the words.

mod names;
mod rows;

use names::{is_total_label, split_points};

use super::header::{Column, Header};
use super::{cell_number, ImportedTable, NotAFigure, Reader};
use crate::core::measure::Measure;
use crate::core::model::{Adjustments, ImportNoteKind, Indicator};
use names::{normalise_grade, REMARK_LABELS};
use rows::Walk;
use rust_decimal::Decimal;

/// Comparison signs that make a printed figure a bound (a target's notation), never a measured result.
const BOUND_SIGNS: [char; 10] = ['≥', '≤', '≧', '≦', '⩾', '⩽', '>', '<', '＞', '＜'];

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

    /// The 指标性质 of a row: of the form's nature columns (指标性质, 指标方向 — some forms print 正向 / 反向
    /// in one and the operator in the other), the first that holds an operator, else the first.
    fn nature(&self, row: &[String]) -> String {
        let cells: Vec<String> = self
            .header
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Some(Column::Nature))
            .filter_map(|(i, _)| row.get(i).map(|s| s.trim().to_string()))
            .collect();
        let operator = |text: &String| {
            matches!(
                Measure::parse(&format!("{text}0")),
                Measure::Figure { op: Some(_), .. }
            )
        };
        cells
            .iter()
            .find(|t| operator(t))
            .or(cells.first())
            .cloned()
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
        let mut walk = Walk::default();
        for (i, row) in table.iter().enumerate().skip(self.header.row + 1) {
            let line = i + 1;
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if row.iter().take(4).any(|c| is_total_label(c)) {
                self.total_row(row, line, out);
                walk.after_total = walk.leaves > 0;
                continue;
            }
            if remark(row, out) {
                continue;
            }
            if walk.after_total {
                let message = "总分行之后的行未作为指标导入";
                self.reader
                    .note(line, row, ImportNoteKind::Unreadable, message.into());
                continue;
            }
            let cells = self.row_cells(row, line, &mut walk);
            if walk.centred_label {
                self.adopt_rows_above(&cells, out);
            }
            if Rows::is_adjustment(&cells) {
                let (name1, name2) = (cells.name1.clone(), cells.name2.clone());
                self.adjustment(row, &name1, &name2, cells.leaf_name, cells.points1, out);
                continue;
            }
            let figures = self.row_figures(row, &cells);
            self.handle(row, cells, figures, &mut walk, out);
        }
        self.note_unscored(walk.leaves, out);
    }

    /// A table of targets and actuals only (指标完成情况表): nothing to score, only completion to check.
    fn note_unscored(&mut self, leaves: usize, out: &ImportedTable) {
        // A 目标申报表 or a 监控表 has no scores by nature: it opens in its own stage.
        if out.facts.target_title || out.monitoring.is_some() {
            return;
        }
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
        let column_unit = crate::core::measure::normalise_unit(&leaf.unit);
        let conflict = match Measure::parse(target) {
            Measure::Figure { op, value, unit } => {
                leaf.target = Some(value);
                leaf.target_op = op.or(nature_op);
                if leaf.unit.is_empty() {
                    leaf.unit = unit;
                    false
                } else {
                    // "28.8万元" beside a 计量单位 of "%": which one the year-end judges is unknown.
                    let own = crate::core::measure::normalise_unit(&unit);
                    !own.is_empty() && own != column_unit
                }
            }
            Measure::Empty => false,
            _ => {
                leaf.target_text = target.to_string();
                // Words ("应保尽保") beside a unit that counts ("%", "个"): a 定性 target with a 定量 unit.
                !column_unit.is_empty() && !target.chars().any(|c| c.is_ascii_digit())
            }
        };
        if conflict {
            let message = format!(
                "指标值“{}”与计量单位“{}”不一致，按计量单位列读取",
                target.trim(),
                leaf.unit.trim()
            );
            self.reader
                .note(line, row, ImportNoteKind::UnitConflict, message);
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
                    // "≥266米" is how a target is written: no measurement can be a bound. A word after
                    // the figure ("2天以内", "95%以上") is how a result is often reported, and is only noted.
                    let bound = actual.contains(BOUND_SIGNS);
                    let (kind, why) = if bound {
                        (
                            ImportNoteKind::Bound,
                            "写的是范围，不是实测数值，满分缺少依据",
                        )
                    } else {
                        (ImportNoteKind::Assumed, "应填写实际数值")
                    };
                    self.reader.note(
                        line,
                        row,
                        kind,
                        format!(
                            "“{}”实际完成值“{actual}”带比较符号“{}”，{why}；按 {} 核算",
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

    /// The first 一级 label printed mid-block ([`Walk::centred_label`]): the groups read so far, under no
    /// 一级, go under it, noted.
    fn adopt_rows_above(&mut self, cells: &rows::RowCells, out: &mut ImportedTable) {
        let above = std::mem::take(&mut out.indicators);
        let names: Vec<String> = above.iter().map(|n| n.name.clone()).collect();
        out.indicators.push(Indicator {
            name: cells.name1.clone(),
            points: cells.points1.unwrap_or_default(),
            children: above,
            ..Default::default()
        });
        let message = format!(
            "一级指标“{}”印在其所辖各行的中间（合并单元格），其上方未标一级指标的“{}”按属于“{}”读取",
            cells.name1,
            names.join("”、“"),
            cells.name1
        );
        self.reader
            .note(cells.line, &[], ImportNoteKind::Assumed, message);
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
        if let (Some(points), None, Some(_)) = (points, score, score_col) {
            // The form's total row with its 分值 and no score: the unit gave no total.
            self.reader.note(
                line,
                row,
                ImportNoteKind::Blank,
                format!(
                    "合计行列有分值 {} 但得分（总分）未填",
                    crate::core::number::fmt_score(points)
                ),
            );
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

/// A text row under the table (评价结论, 存在问题, 改进措施, 联系电话 …): its text kept where the report
/// uses it; `false` when the row is no such row.
fn remark(row: &[String], out: &mut ImportedTable) -> bool {
    let first = row
        .iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .unwrap_or("");
    let squeezed: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((_, slot)) = REMARK_LABELS
        .iter()
        .find(|(label, _)| squeezed.starts_with(label))
    else {
        return false;
    };
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
    true
}
