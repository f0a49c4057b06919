//! One indicator row at a time: the row's cells read ([`RowCells`]), what kind of row it is
//! ([`RowKind`], decided by [`Rows::classify`] alone) and a handler per kind. The walk's memory of the
//! rows before (the current 一级 / 二级, the last leaf, the notes being gathered) is [`Walk`].

use super::names::{is_placeholder_name, split_points, strip_numbering};
use super::Rows;
use crate::core::measure::Measure;
use crate::core::model::{ImportNoteKind, Indicator};
use crate::core::number::fmt_score;
use crate::core::workflows::import::header::Column;
use crate::core::workflows::import::{cell_number, ImportedTable};
use rust_decimal::Decimal;

/// What the walk remembers of the rows before.
#[derive(Default)]
pub(super) struct Walk {
    /// The 一级 and 二级 cells last printed (merged cells print once).
    current1: Option<String>,
    current2: Option<String>,
    /// Leaves read so far.
    pub(super) leaves: usize,
    /// A total row came after leaves: the rows below are no indicators.
    pub(super) after_total: bool,
    /// "分值按得分计" is said once per table.
    assumed_points_noted: bool,
    /// The last leaf's 分值 and 得分.
    previous: Option<(Decimal, Option<Decimal>)>,
    /// The last leaf's name, and the note gathering the 其中 rows that break it down.
    previous_name: Option<String>,
    breakdown_note: Option<usize>,
    /// The 一级 / 二级 of the last leaf, and the note on a score cell merged over several rows.
    previous_group: Option<(String, String)>,
    merged_note: Option<usize>,
    /// The first 一级 label came in the middle of its block (a merged cell's text centred): the rows read
    /// before it, under no 一级, are to be put under it.
    pub(super) centred_label: bool,
}

/// One row's cells, read.
pub(super) struct RowCells {
    pub(super) line: usize,
    /// The 一级 / 二级 cells as printed on this row (blank under a merged cell).
    pub(super) raw1: String,
    pub(super) raw2: String,
    /// The 一级 / 二级 this row is under, and points their names carry.
    pub(super) name1: String,
    pub(super) points1: Option<Decimal>,
    pub(super) name2: String,
    pub(super) points2: Option<Decimal>,
    /// The indicator-name cell as printed, and the name without numbering and points.
    pub(super) raw_name: String,
    pub(super) leaf_name: String,
    pub(super) leaf_points_in_name: Option<Decimal>,
}

/// The figures of a row that is no 加减分 row.
pub(super) struct RowFigures {
    points: Option<Decimal>,
    score: Option<Decimal>,
    rate: Option<Decimal>,
    target_text: String,
    actual_text: String,
    placeholder: bool,
}

impl RowFigures {
    fn unscored(&self) -> bool {
        self.points.is_none() && self.score.is_none()
    }

    fn no_targets(&self) -> bool {
        self.target_text.is_empty() && self.actual_text.is_empty()
    }
}

/// What an indicator row is (行的种类).
pub(super) enum RowKind {
    /// 其中 / 含 / 包括 with nothing scored: a detail of the indicator above.
    Breakdown,
    /// No 分值 / 得分 under the same 二级 as a scored row above: the block's score cell is merged.
    MergedScore,
    /// A name and nothing else (部门特性指标, left for the unit to fill).
    Bare,
    /// A placeholder or a category without an indicator, nothing scored.
    EmptyCategory,
    /// A category with no indicator and only a 0 in 得分 (生态效益指标 | | | 0).
    ZeroCategory,
    /// An indicator to read.
    Leaf,
}

impl Rows<'_> {
    /// The level and name cells of a row, carrying the merged 一级 / 二级 down.
    pub(super) fn row_cells(&self, row: &[String], line: usize, walk: &mut Walk) -> RowCells {
        let at = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let (raw1, raw2) = (at(self.level1_col), at(self.level2_col));
        // The first 一级 printed on a row that continues the 二级 above, after rows with no 一级: the
        // merged 一级 cell's text sat in its middle, so the 二级 goes on and the rows above belong to it.
        walk.centred_label = !raw1.is_empty()
            && raw2.is_empty()
            && walk.current1.is_none()
            && walk.current2.is_some()
            && walk.leaves > 0
            && self.level1_col.is_some();
        if !raw1.is_empty() {
            walk.current1 = Some(raw1.clone());
            if !walk.centred_label {
                walk.current2 = None;
            }
        }
        if !raw2.is_empty() {
            walk.current2 = Some(raw2.clone());
        }
        let (name1, points1) = split_points(walk.current1.as_deref().unwrap_or(""));
        let (name2, points2) = split_points(walk.current2.as_deref().unwrap_or(""));
        let figure_at = |c: usize| {
            cell_number(row.get(c).map(String::as_str).unwrap_or(""))
                .ok()
                .flatten()
        };
        let points1 = match self.header.find(Column::Level1Points) {
            Some(c) if !raw1.is_empty() || row.get(c).is_some_and(|t| !t.trim().is_empty()) => {
                figure_at(c).or(points1)
            }
            _ => points1,
        };
        let points2 = match self.header.find(Column::Level2Points) {
            Some(c) => figure_at(c).or(points2),
            None => points2,
        };
        let raw_name = at(self.name_col);
        let (leaf_name, leaf_points_in_name) = split_points(strip_numbering(&raw_name));
        RowCells {
            line,
            raw1,
            raw2,
            name1,
            points1,
            name2,
            points2,
            raw_name,
            leaf_name,
            leaf_points_in_name,
        }
    }

    /// Whether the row is a 加减分 row (under 加减分 / 加分项 / 减分项).
    pub(super) fn is_adjustment(cells: &RowCells) -> bool {
        cells.name1.starts_with("加减分") || cells.name1 == "加分项" || cells.name1 == "减分项"
    }

    /// The figures of an indicator row; words in a figure cell are noted and read as blank.
    pub(super) fn row_figures(&mut self, row: &[String], cells: &RowCells) -> RowFigures {
        let line = cells.line;
        let points = self
            .figure(row, line, Column::Points, "分值")
            .or(cells.leaf_points_in_name);
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
        RowFigures {
            points,
            score,
            rate,
            target_text: self.cell(row, Column::Target),
            actual_text: self.cell(row, Column::Actual),
            placeholder: is_placeholder_name(&cells.leaf_name),
        }
    }

    /// What the row is, from its cells, its figures and the rows before.
    pub(super) fn classify(cells: &RowCells, figures: &RowFigures, walk: &Walk) -> RowKind {
        let detail = ["其中", "含", "包括"]
            .iter()
            .any(|w| cells.leaf_name.starts_with(w));
        if detail && !figures.placeholder && figures.unscored() && walk.previous_name.is_some() {
            return RowKind::Breakdown;
        }
        let same_group = walk
            .previous_group
            .as_ref()
            .is_some_and(|(g1, g2)| *g1 == cells.name1 && *g2 == cells.name2);
        if !figures.placeholder
            && figures.unscored()
            && same_group
            && walk.previous.is_some_and(|(_, s)| s.is_some())
        {
            return RowKind::MergedScore;
        }
        Rows::classify_unmerged(figures)
    }

    /// [`Rows::classify`] past the kinds that depend on the rows before.
    fn classify_unmerged(figures: &RowFigures) -> RowKind {
        if !figures.placeholder && figures.unscored() && figures.no_targets() {
            RowKind::Bare
        } else if figures.placeholder && figures.unscored() {
            RowKind::EmptyCategory
        } else if figures.placeholder
            && figures.points.is_none()
            && figures.score.is_some_and(|s| s.is_zero())
            && figures.no_targets()
        {
            RowKind::ZeroCategory
        } else {
            RowKind::Leaf
        }
    }

    /// Reads one indicator row of the kind it is.
    pub(super) fn handle(
        &mut self,
        row: &[String],
        mut cells: RowCells,
        figures: RowFigures,
        walk: &mut Walk,
        out: &mut ImportedTable,
    ) {
        let mut kind = Rows::classify(&cells, &figures, walk);
        if matches!(kind, RowKind::MergedScore) && !self.merged_score(&cells, walk, out) {
            kind = Rows::classify_unmerged(&figures);
        }
        if out.facts.target_title || out.monitoring.is_some() {
            self.as_target(row, &mut cells, &mut kind, out.monitoring.is_some());
        }
        let line = cells.line;
        match kind {
            RowKind::Breakdown => self.breakdown(&cells, walk),
            RowKind::MergedScore => {}
            RowKind::Bare => {
                self.group_of(out, &cells, true);
                let message = "只有指标名称、没有分值和得分的行，未导入";
                self.reader
                    .note(line, row, ImportNoteKind::Placeholder, message.into());
            }
            RowKind::EmptyCategory => {
                // Keep a category the form names with its points (履职成效(20分)) even when empty.
                self.group_of(out, &cells, true);
                let anything = !cells.raw_name.is_empty()
                    || !cells.raw1.is_empty()
                    || !cells.raw2.is_empty()
                    || !figures.target_text.is_empty();
                let message = if anything {
                    "空白占位行，未导入"
                } else {
                    "只有分类名称、没有指标的行，未导入"
                };
                self.reader
                    .note(line, row, ImportNoteKind::Placeholder, message.into());
            }
            RowKind::ZeroCategory => {
                // A part of the form the project does not use, not an indicator whose 分值 was forgotten.
                self.group_of(out, &cells, true);
                let message = "只有分类名称、得分为 0 的行，视为未设置指标，未导入";
                self.reader
                    .note(line, row, ImportNoteKind::Placeholder, message.into());
            }
            RowKind::Leaf => self.leaf(row, cells, figures, walk, out),
        }
    }

    /// A row of a 目标申报表: a named 三级 with no value, or the template's "指标1 | *", is what the target
    /// checks are for, so it is read as an indicator rather than left out as a placeholder — unless the
    /// row has words in a column not read (a value under a sub-header the import does not know), where a
    /// blank 指标值 would be the import's fault, not the unit's.
    fn as_target(
        &self,
        row: &[String],
        cells: &mut RowCells,
        kind: &mut RowKind,
        monitoring: bool,
    ) {
        if cells.leaf_name.trim().is_empty() && !cells.raw_name.trim().is_empty() {
            // "指标1": the numbering is the whole name; kept, so the check can quote it.
            cells.leaf_name = cells.raw_name.trim().to_string();
        }
        let (Some(target), Some(name_col)) = (self.header.find(Column::Target), self.name_col)
        else {
            return;
        };
        // A monitoring form reads its own columns (完成值, 可能性, 原因 …): only words under a header it
        // does not know are unread there.
        let unread_words = row.iter().enumerate().any(|(i, c)| {
            let read = if monitoring {
                self.header.columns.get(i).is_some_and(|c| c.is_some())
            } else {
                i == target
            };
            i > name_col && !read && !c.trim().is_empty()
        });
        if !cells.leaf_name.trim().is_empty()
            && !unread_words
            && matches!(kind, RowKind::Bare | RowKind::EmptyCategory)
        {
            *kind = RowKind::Leaf;
        }
    }

    /// The children list of the row's 一级 / 二级 (see [`Rows::group_path`]).
    fn group_of<'t>(
        &self,
        out: &'t mut ImportedTable,
        cells: &RowCells,
        only_named: bool,
    ) -> &'t mut Vec<Indicator> {
        let (name1, points1) = (&cells.name1, cells.points1);
        self.group_path(out, name1, points1, &cells.name2, cells.points2, only_named)
    }

    /// A 其中 row: named in the one note that lists the parts of the indicator above.
    fn breakdown(&mut self, cells: &RowCells, walk: &mut Walk) {
        let Some(parent) = &walk.previous_name else {
            return;
        };
        let part = cells
            .leaf_name
            .trim_start_matches(['其', '中', ':', '：'])
            .to_string();
        match walk
            .breakdown_note
            .and_then(|i| self.reader.notes.get_mut(i))
        {
            Some(note) => note.message = note.message.replace("）按", &format!("、{part}）按")),
            None => {
                walk.breakdown_note = Some(self.reader.notes.len());
                let message =
                    format!("“{parent}”下的“其中”行（{part}）按该指标的组成部分读取，不单独计分");
                self.reader
                    .note(cells.line, &[], ImportNoteKind::Assumed, message);
            }
        }
    }

    /// A row sharing the score printed once for its block: joined to the block's indicator. `false`
    /// when there is no block to join.
    fn merged_score(&mut self, cells: &RowCells, walk: &mut Walk, out: &mut ImportedTable) -> bool {
        let siblings = self.group_of(out, cells, false);
        let Some(block) = siblings.last_mut() else {
            return false;
        };
        block.name = format!("{}；{}", block.name, cells.leaf_name);
        let text = format!("“{}”的得分（合并单元格）跨多行，按一项指标读取", block.name);
        match walk.merged_note.and_then(|i| self.reader.notes.get_mut(i)) {
            Some(note) => note.message = text,
            None => {
                walk.merged_note = Some(self.reader.notes.len());
                self.reader
                    .note(cells.line, &[], ImportNoteKind::Assumed, text);
            }
        }
        true
    }

    /// An indicator: its name (the row's own 二级 / 一级 when the name is a placeholder), 分值 (from the
    /// score when not printed, noted), figures and texts, under its groups.
    fn leaf(
        &mut self,
        row: &[String],
        cells: RowCells,
        figures: RowFigures,
        walk: &mut Walk,
        out: &mut ImportedTable,
    ) {
        let line = cells.line;
        let leaf_name = if figures.placeholder {
            // Points or a score but no name: the row is its 二级 (or 一级) indicator itself.
            let own = if cells.raw2.is_empty() {
                &cells.raw1
            } else {
                &cells.raw2
            };
            let (own, _) = split_points(own);
            if own.is_empty() {
                let message = "有分值或得分但没有指标名称，未导入";
                self.reader
                    .note(line, row, ImportNoteKind::Unreadable, message.into());
                return;
            }
            own
        } else {
            cells.leaf_name.clone()
        };
        if leaf_name.starts_with("其中") && self.repeats_previous(row, line, &figures, walk) {
            return;
        }
        let points = self.leaf_points(row, line, &leaf_name, &figures, walk);
        let mut leaf = Indicator {
            name: leaf_name,
            points: points.max(Decimal::ZERO),
            score: figures.score,
            score_rate: figures.rate,
            description: self.cell(row, Column::Description),
            criteria: self.cell(row, Column::Criteria),
            reason: self.cell(row, Column::Reason),
            unit: self.cell(row, Column::Unit),
            basis: self.cell(row, Column::Basis),
            prior_actual: self.cell(row, Column::PriorActual),
            mid_term: self.cell(row, Column::MidTermTarget),
            ..Default::default()
        };
        if out.monitoring.is_some() {
            self.monitoring_figures(&mut leaf, row);
        }
        let nature = self.nature(row);
        self.figures(
            &mut leaf,
            &nature,
            &figures.target_text,
            &figures.actual_text,
            line,
            row,
        );
        walk.previous = Some((leaf.points, leaf.score));
        walk.previous_name = Some(leaf.name.clone());
        walk.previous_group = Some((cells.name1.clone(), cells.name2.clone()));
        walk.breakdown_note = None;
        walk.merged_note = None;
        let siblings = self.group_of(out, &cells, false);
        siblings.push(leaf);
        walk.leaves += 1;
    }

    /// A monitoring form's row: its 1—N 月 完成值, forecast, likelihood, cause (the form's 偏差原因 / 备注
    /// column, ticks in its category columns) and measure.
    fn monitoring_figures(&self, leaf: &mut Indicator, row: &[String]) {
        use crate::core::model::{IndicatorMonitoring, Likelihood};
        let to_date = self.cell(row, Column::ToDate);
        let likelihood = self.cell(row, Column::Likelihood);
        let likelihood = if likelihood.contains("确定") {
            Some(Likelihood::Certain)
        } else if likelihood.contains("不可能") {
            Some(Likelihood::Impossible)
        } else if likelihood.contains("可能") {
            Some(Likelihood::Possible)
        } else {
            None
        };
        let causes = self
            .header
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| match c {
                Some(Column::CauseTick(kind)) => Some((i, *kind)),
                _ => None,
            })
            .filter(|(i, _)| {
                row.get(*i).is_some_and(|t| {
                    ["√", "✓", "☑", "✔", "是", "■"]
                        .iter()
                        .any(|m| t.contains(m))
                })
            })
            .map(|(_, kind)| kind)
            .collect();
        leaf.monitoring = Some(IndicatorMonitoring {
            to_date: Measure::parse(&to_date).value(),
            to_date_text: to_date,
            forecast: Measure::parse(&self.cell(row, Column::Forecast)).value(),
            likelihood,
            causes,
            cause: std::mem::take(&mut leaf.reason),
            measure: self.cell(row, Column::Measure),
            ..IndicatorMonitoring::default()
        });
    }

    /// A 其中 row repeating the 分值 (and 得分) of the row above: noted, not read (it would count twice).
    fn repeats_previous(
        &mut self,
        row: &[String],
        line: usize,
        figures: &RowFigures,
        walk: &Walk,
    ) -> bool {
        let Some((prev_points, prev_score)) = walk.previous else {
            return false;
        };
        let score = figures.score;
        if figures.points != Some(prev_points) || !(score.is_none() || score == prev_score) {
            return false;
        }
        let score_text = score
            .map(|s| format!("、得分 {}", fmt_score(s)))
            .unwrap_or_default();
        let message = format!(
            "“其中”行重复列示了上一行的分值 {}{score_text}：只计一次，将其相加会重复计分",
            fmt_score(prev_points)
        );
        self.reader
            .note(line, row, ImportNoteKind::Repeated, message);
        true
    }

    /// A leaf's 分值: as printed, else its 得分 (noted), else 0 (noted where the form has the column).
    fn leaf_points(
        &mut self,
        row: &[String],
        line: usize,
        name: &str,
        figures: &RowFigures,
        walk: &mut Walk,
    ) -> Decimal {
        let points = match (figures.points, figures.score) {
            (Some(p), _) => p,
            (None, Some(s)) => {
                if !self.no_points_column {
                    let message = format!("“{name}”分值未填，按得分 {} 计", fmt_score(s));
                    self.reader.note(line, row, ImportNoteKind::Blank, message);
                } else if !walk.assumed_points_noted {
                    walk.assumed_points_noted = true;
                    let message = "表中未列分值，指标分值按所列得分计（满分与否无法核实）";
                    self.reader
                        .note(line, &[], ImportNoteKind::Assumed, message.into());
                }
                s
            }
            (None, None) => {
                if !self.no_points_column {
                    let message = format!("“{name}”分值未填");
                    self.reader.note(line, row, ImportNoteKind::Blank, message);
                }
                Decimal::ZERO
            }
        };
        if points < Decimal::ZERO {
            let message = format!("“{name}”分值为负数，按 0 计");
            self.reader
                .note(line, row, ImportNoteKind::Unreadable, message);
        }
        points
    }
}
