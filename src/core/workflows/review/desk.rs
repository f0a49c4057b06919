//! The batch on the reviewer's desk: its rows, the 复核意见 per file, and the league table's sorting,
//! filtering and counts.

use super::row::{FlagLevel, ReviewRow, Summary};
use crate::core::EvaluationKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// The reviewer's conclusion on a file (复核结论).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    /// 待定: not decided yet.
    #[default]
    Pending,
    /// 通过.
    Pass,
    /// 退回修改.
    Return,
}

impl Conclusion {
    /// All conclusions, in the order offered.
    pub const ALL: [Conclusion; 3] = [Conclusion::Pending, Conclusion::Pass, Conclusion::Return];

    /// All conclusions, in the order a printed sheet ticks them.
    pub const ALL_IN_PRINT: [Conclusion; 3] =
        [Conclusion::Pass, Conclusion::Return, Conclusion::Pending];

    /// The Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Conclusion::Pending => "待定",
            Conclusion::Pass => "通过",
            Conclusion::Return => "退回修改",
        }
    }

    /// The conclusion a [`Conclusion::key`] names.
    pub fn from_key(key: &str) -> Option<Conclusion> {
        Conclusion::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Conclusion::Pending => "pending",
            Conclusion::Pass => "pass",
            Conclusion::Return => "return",
        }
    }
}

/// 复核意见: the conclusion and the reviewer's comment on one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Verdict {
    /// 通过 / 退回修改 / 待定.
    pub conclusion: Conclusion,
    /// 意见 (free text).
    pub comment: String,
}

/// What the league table can be sorted by (one per column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// 文件.
    File,
    /// 单位.
    Unit,
    /// 年度.
    Year,
    /// 类型.
    Form,
    /// 所列总分.
    StatedTotal,
    /// 计算总分.
    Total,
    /// 等级.
    Grade,
    /// 错误.
    Errors,
    /// 警告.
    Warnings,
    /// 提示.
    Infos,
    /// 执行率.
    ExecutionRate,
    /// 标记.
    Flag,
    /// 复核结论.
    Conclusion,
}

impl SortKey {
    /// Every column, in table order.
    pub const ALL: [SortKey; 13] = [
        SortKey::Flag,
        SortKey::File,
        SortKey::Unit,
        SortKey::Year,
        SortKey::Form,
        SortKey::StatedTotal,
        SortKey::Total,
        SortKey::Grade,
        SortKey::Errors,
        SortKey::Warnings,
        SortKey::Infos,
        SortKey::ExecutionRate,
        SortKey::Conclusion,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::File => "文件",
            SortKey::Unit => "单位",
            SortKey::Year => "年度",
            SortKey::Form => "类型",
            SortKey::StatedTotal => "所列总分",
            SortKey::Total => "计算总分",
            SortKey::Grade => "等级",
            SortKey::Errors => "错误",
            SortKey::Warnings => "警告",
            SortKey::Infos => "提示",
            SortKey::ExecutionRate => "执行率",
            SortKey::Flag => "标记",
            SortKey::Conclusion => "复核结论",
        }
    }

    /// A stable id (test hooks).
    pub fn key(self) -> &'static str {
        match self {
            SortKey::File => "file",
            SortKey::Unit => "unit",
            SortKey::Year => "year",
            SortKey::Form => "form",
            SortKey::StatedTotal => "stated-total",
            SortKey::Total => "total",
            SortKey::Grade => "grade",
            SortKey::Errors => "errors",
            SortKey::Warnings => "warnings",
            SortKey::Infos => "infos",
            SortKey::ExecutionRate => "execution-rate",
            SortKey::Flag => "flag",
            SortKey::Conclusion => "conclusion",
        }
    }
}

/// A sort order: a column, ascending or descending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (or worst flag) first.
    pub descending: bool,
}

impl Default for Sort {
    /// Worst flag first, as a reviewer starts.
    fn default() -> Self {
        Sort {
            key: SortKey::Flag,
            descending: false,
        }
    }
}

impl Sort {
    /// Clicking column `key`: the same column turns the order round, another starts ascending.
    pub fn toggled(self, key: SortKey) -> Sort {
        Sort {
            key,
            descending: self.key == key && !self.descending,
        }
    }
}

/// Which rows the league table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Only this flag level.
    pub flag: Option<FlagLevel>,
    /// Only this grade (as computed).
    pub grade: Option<String>,
    /// Only this form.
    pub form: Option<EvaluationKind>,
    /// Only this conclusion.
    pub conclusion: Option<Conclusion>,
    /// Unit name, project or file name contains this (case-insensitive).
    pub query: String,
}

impl Filter {
    /// Whether `row` (with its conclusion) passes.
    pub fn admits(&self, row: &ReviewRow, conclusion: Conclusion) -> bool {
        let summary = row.summary();
        let query = self.query.trim().to_lowercase();
        self.flag.is_none_or(|f| row.flag_level() == f)
            && self
                .grade
                .as_ref()
                .is_none_or(|g| summary.is_some_and(|s| &s.grade == g))
            && self
                .form
                .is_none_or(|k| summary.is_some_and(|s| s.kind == k))
            && self.conclusion.is_none_or(|c| c == conclusion)
            && (query.is_empty()
                || [
                    row.unit(),
                    row.file.as_str(),
                    summary.and_then(|s| s.project.as_deref()).unwrap_or(""),
                ]
                .iter()
                .any(|text| text.to_lowercase().contains(&query)))
    }
}

/// The batch: rows in the order received, and the 复核意见 by content key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Desk {
    /// One row per file received.
    pub rows: Vec<ReviewRow>,
    /// 复核意见 by content key (so it finds its file again when the batch is reopened).
    pub verdicts: BTreeMap<String, Verdict>,
}

/// Sorts `None` after any value, whichever the direction.
fn by_option<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => {
            let order = a.partial_cmp(&b).unwrap_or(Ordering::Equal);
            if descending {
                order.reverse()
            } else {
                order
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Desk {
    /// Adds a row. The same file with the same content again (the batch reopened) replaces its row;
    /// other content already on the desk marks the row a duplicate of the first file that had it.
    pub fn add(&mut self, mut row: ReviewRow) {
        if let Some(same) = self
            .rows
            .iter_mut()
            .find(|r| r.file == row.file && r.key == row.key)
        {
            row.duplicate_of = same.duplicate_of.take();
            row.flags
                .extend(same.flags.iter().filter(|f| **f == super::Flag::Duplicate));
            *same = row;
            return;
        }
        if !row.key.is_empty() {
            if let Some(first) = self.rows.iter().find(|r| r.key == row.key) {
                row.duplicate_of = Some(first.file.clone());
                row.flags.push(super::Flag::Duplicate);
            }
        }
        self.rows.push(row);
    }

    /// The 复核意见 on the file with content `key` (待定, no comment, when none was given).
    pub fn verdict(&self, key: &str) -> Verdict {
        self.verdicts.get(key).cloned().unwrap_or_default()
    }

    /// Records the 复核意见 on the file with content `key`.
    pub fn set_verdict(&mut self, key: &str, verdict: Verdict) {
        if verdict == Verdict::default() {
            self.verdicts.remove(key);
        } else {
            self.verdicts.insert(key.to_string(), verdict);
        }
    }

    /// Removes every row; the 复核意见 stay (they come back when the same files are reopened).
    pub fn clear_rows(&mut self) {
        self.rows.clear();
    }

    /// The indexes of the rows `filter` admits, in `sort` order (ties keep the order received).
    pub fn view(&self, sort: Sort, filter: &Filter) -> Vec<usize> {
        let conclusion = |row: &ReviewRow| self.verdict(&row.key).conclusion;
        let mut shown: Vec<usize> = (0..self.rows.len())
            .filter(|&i| filter.admits(&self.rows[i], conclusion(&self.rows[i])))
            .collect();
        let d = sort.descending;
        let text = |a: &str, b: &str| if d { b.cmp(a) } else { a.cmp(b) };
        let number = |f: fn(&Summary) -> Option<Decimal>, a: &ReviewRow, b: &ReviewRow| {
            by_option(a.summary().and_then(f), b.summary().and_then(f), d)
        };
        let count = |f: fn(&Summary) -> usize, a: &ReviewRow, b: &ReviewRow| {
            by_option(a.summary().map(f), b.summary().map(f), d)
        };
        shown.sort_by(|&i, &j| {
            let (a, b) = (&self.rows[i], &self.rows[j]);
            match sort.key {
                SortKey::File => text(&a.file, &b.file),
                SortKey::Unit => text(a.unit(), b.unit()),
                SortKey::Form => text(&a.form(), &b.form()),
                SortKey::Year => {
                    by_option(a.summary().map(|s| s.year), b.summary().map(|s| s.year), d)
                }
                SortKey::StatedTotal => number(|s| s.stated_total, a, b),
                SortKey::Total => number(|s| Some(s.total), a, b),
                SortKey::ExecutionRate => number(|s| s.execution_rate, a, b),
                // 申报表 by their 审核意见 (优 first), 监控表 by their light (blue and green before
                // yellow and red), as a higher total before a lower one; the others by their total.
                SortKey::Grade => match (
                    a.summary().and_then(|s| s.stage_rank()),
                    b.summary().and_then(|s| s.stage_rank()),
                ) {
                    (Some(x), Some(y)) => by_option(Some(x), Some(y), d),
                    _ => by_option(
                        a.summary().map(|s| s.total),
                        b.summary().map(|s| s.total),
                        !d,
                    ),
                },
                SortKey::Errors => count(|s| s.errors, a, b),
                SortKey::Warnings => count(|s| s.warnings, a, b),
                SortKey::Infos => count(|s| s.infos, a, b),
                SortKey::Flag => {
                    let order = a
                        .flag_level()
                        .cmp(&b.flag_level())
                        .then(b.flags.len().cmp(&a.flags.len()));
                    if d {
                        order.reverse()
                    } else {
                        order
                    }
                }
                SortKey::Conclusion => {
                    let order = conclusion(a).cmp(&conclusion(b));
                    if d {
                        order.reverse()
                    } else {
                        order
                    }
                }
            }
        });
        shown
    }

    /// The grades present, best band first as the files' settings order them, with their counts.
    pub fn grade_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize, Decimal)> = Vec::new();
        for s in self
            .rows
            .iter()
            .filter(|r| r.duplicate_of.is_none())
            .filter_map(|r| r.summary())
        {
            match counts.iter_mut().find(|(g, _, _)| *g == s.grade) {
                Some((_, n, best)) => {
                    *n += 1;
                    *best = (*best).max(s.total);
                }
                None => counts.push((s.grade.clone(), 1, s.total)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.2));
        counts.into_iter().map(|(g, n, _)| (g, n)).collect()
    }

    /// How many files (duplicates counted once) score in each band: < 60, 60–70, 70–80, 80–90, 90–100
    /// (each band includes its lower bound; 100 counts in the last).
    pub fn score_bands(&self) -> Vec<(&'static str, usize)> {
        const BANDS: [(&str, i64); 5] = [
            ("60 分以下", 0),
            ("60–70", 60),
            ("70–80", 70),
            ("80–90", 80),
            ("90–100", 90),
        ];
        let mut counts: Vec<(&'static str, usize)> = BANDS.iter().map(|(l, _)| (*l, 0)).collect();
        for s in self
            .rows
            .iter()
            .filter(|r| r.duplicate_of.is_none())
            .filter_map(|r| r.summary())
        {
            let band = BANDS
                .iter()
                .rposition(|(_, min)| s.total >= Decimal::from(*min))
                .unwrap_or(0);
            counts[band].1 += 1;
        }
        counts
    }

    /// Counts per flag level (duplicates included: each is a file received).
    pub fn flag_counts(&self) -> [(FlagLevel, usize); 3] {
        FlagLevel::ALL.map(|level| {
            (
                level,
                self.rows.iter().filter(|r| r.flag_level() == level).count(),
            )
        })
    }
}
