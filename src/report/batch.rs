//! What `jixiao check` prints for a [`Batch`]: [`BatchJson`], one object per file for scripts, and
//! [`BatchText`], each file's findings then, for more than one file, one line per file.
//!
//! The JSON's keys come out in alphabetical order (it goes through `serde_json::Value`), as the CLI
//! has printed them from its first version: reviewers' scripts read them.
//!
//! ```
//! use jixiao::core::review::{batch::Batch, intake};
//! use jixiao::report::batch::BatchText;
//! let json = jixiao::core::template::json("nanjing-2024").unwrap();
//! let batch = Batch::check(intake::open_all("南京.json", json.as_bytes()));
//! assert!(BatchText(&batch).to_string().contains("总分 99.5  等级 优"));
//! ```

use crate::core::check::{Finding, Reconciliation, Severity};
use crate::core::margin::{margin, Margin};
use crate::core::model::EvaluationKind;
use crate::core::review::batch::{Batch, Checked};
use crate::core::review::ReviewRow;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// One file in `check --json`.
#[derive(Serialize)]
struct FileJson<'a> {
    file: &'a str,
    ok: bool,
    #[serde(flatten)]
    outcome: OutcomeJson<'a>,
    #[serde(flatten)]
    desk: Option<DeskJson<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum OutcomeJson<'a> {
    Checked(Box<CheckedJson<'a>>),
    Unreadable { error: &'a str },
    Skipped { skipped: bool, reason: &'a str },
}

/// A file read and assessed: its figures, findings and reconciliations.
#[derive(Serialize)]
struct CheckedJson<'a> {
    unit: &'a str,
    year: i32,
    kind: EvaluationKind,
    total: Decimal,
    stated_total: Option<Decimal>,
    grade: &'a str,
    points_total: Decimal,
    bonus: Decimal,
    penalty: Decimal,
    counts: &'a [usize],
    errors: usize,
    warnings: usize,
    infos: usize,
    findings: &'a [Finding],
    reconciliations: &'a [Reconciliation],
    execution_rate: Option<Decimal>,
    margin: Margin,
    /// 目标申报 / 运行监控 / 年度自评.
    stage: crate::core::model::Stage,
    /// A 申报表's 审核意见.
    #[serde(skip_serializing_if = "Option::is_none")]
    target_review: Option<&'a crate::core::target_review::TargetReview>,
    /// A 监控表's lights, each with its formula.
    #[serde(skip_serializing_if = "Option::is_none")]
    lights: Option<&'a crate::core::lights::MonitoringLights>,
}

/// What the desk marked on the file.
#[derive(Serialize)]
struct DeskJson<'a> {
    key: &'a str,
    flag: &'static str,
    flags: &'a [crate::core::review::Flag],
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<&'a str>,
}

/// `check --json`: an array with one object per file.
pub struct BatchJson<'a>(pub &'a Batch);

impl fmt::Display for BatchJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let batch = self.0;
        let items: Vec<FileJson> = batch
            .files
            .iter()
            .map(|(file, checked)| file_json(file, checked, batch.row_of(file)))
            .collect();
        let value = serde_json::to_value(&items).map_err(|_| fmt::Error)?;
        let text = serde_json::to_string_pretty(&value).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

fn file_json<'a>(file: &'a str, checked: &'a Checked, row: Option<&'a ReviewRow>) -> FileJson<'a> {
    let outcome = match checked {
        Checked::Ok(evaluation, a) => OutcomeJson::Checked(Box::new(CheckedJson {
            unit: &evaluation.unit.name,
            year: evaluation.unit.year,
            kind: evaluation.kind,
            total: a.total,
            stated_total: evaluation.stated.total,
            grade: &a.grade,
            points_total: a.points_total,
            bonus: a.bonus,
            penalty: a.penalty,
            counts: &a.counts,
            errors: a.count(Severity::Error),
            warnings: a.count(Severity::Warning),
            infos: a.count(Severity::Info),
            findings: &a.findings,
            reconciliations: &a.reconciliations,
            execution_rate: row.and_then(|r| r.summary()).and_then(|s| s.execution_rate),
            margin: margin(evaluation, a),
            stage: evaluation.stage,
            target_review: a.target_review.as_ref(),
            lights: a.lights.as_ref(),
        })),
        Checked::Unreadable(message) => OutcomeJson::Unreadable { error: message },
        Checked::Skipped(message) => OutcomeJson::Skipped {
            skipped: true,
            reason: message,
        },
    };
    FileJson {
        file,
        ok: matches!(checked, Checked::Ok(..)),
        outcome,
        desk: row.map(|row| DeskJson {
            key: &row.key,
            flag: row.flag_level().key(),
            flags: &row.flags,
            duplicate_of: row.duplicate_of.as_deref(),
        }),
    }
}

/// `check` for a person: each file's totals and findings, then a line per file when there are several.
pub struct BatchText<'a>(pub &'a Batch);

impl fmt::Display for BatchText<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let batch = self.0;
        for (path, checked) in &batch.files {
            match checked {
                Checked::Skipped(_) => {}
                Checked::Unreadable(message) => {
                    // A refusal's own message may already say 无法读取.
                    let message = message.strip_prefix("无法读取：").unwrap_or(message);
                    writeln!(out, "== {path} ==\n  无法读取：{message}")?;
                }
                Checked::Ok(evaluation, a) => {
                    writeln!(out, "== {path} ==")?;
                    // The stage is named unless it is the year-end self-evaluation (every file so far).
                    let stage = match evaluation.stage {
                        crate::core::model::Stage::SelfEvaluation => String::new(),
                        stage => format!(" · {}", stage.label()),
                    };
                    writeln!(
                        out,
                        "  {}（{}{stage}）",
                        evaluation.title(),
                        evaluation.kind.label()
                    )?;
                    if let Some(review) = &a.target_review {
                        // A target table is reviewed, not scored: its 审核意见 stands where a total would.
                        writeln!(out, "  {}", review.sentence())?;
                        for reason in &review.reasons {
                            writeln!(out, "    · {reason}")?;
                        }
                    } else if let Some(lights) = &a.lights {
                        // A monitoring table shows its lights, each with its formula.
                        writeln!(
                            out,
                            "  运行监控（{}）：项目{}",
                            lights.period,
                            lights.project.map_or("无法判断", |l| l.label())
                        )?;
                        for l in lights.budget.iter().chain(&lights.indicators) {
                            writeln!(out, "    {} {}：{}", l.light.label(), l.name, l.formula)?;
                        }
                    } else {
                        writeln!(
                            out,
                            "  总分 {}  等级 {}  （分值合计 {}，加分 {}，减分 {}）",
                            a.total.normalize(),
                            a.grade,
                            a.points_total.normalize(),
                            a.bonus.normalize(),
                            a.penalty.normalize()
                        )?;
                    }
                    writeln!(out, "  {}", a.counts_sentence())?;
                    writeln!(
                        out,
                        "  检查：错误 {}，警告 {}，提示 {}",
                        a.count(Severity::Error),
                        a.count(Severity::Warning),
                        a.count(Severity::Info)
                    )?;
                    for f in &a.findings {
                        writeln!(
                            out,
                            "  [{}] {}  {}\n        {}",
                            f.severity.label(),
                            f.code,
                            f.path,
                            f.message
                        )?;
                    }
                }
            }
        }
        if batch.files.len() > 1 {
            summary_lines(out, batch)?;
        }
        Ok(())
    }
}

/// Display width: CJK characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

fn pad(text: &str, to: usize) -> String {
    let mut out = text.to_string();
    for _ in width(text)..to {
        out.push(' ');
    }
    out
}

/// One line per file: unit, printed and computed totals, grade, finding counts, the desk's flags.
fn summary_lines(out: &mut fmt::Formatter<'_>, batch: &Batch) -> fmt::Result {
    let name = |path: &str| {
        std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.to_string())
    };
    let file_width = batch
        .files
        .iter()
        .map(|(p, _)| width(&name(p)))
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(
        out,
        "\n{} {} {:>8} {:>8} {} {:>4} {:>4} {:>4}  标记",
        pad("文件", file_width),
        pad("单位", 24),
        "所列总分",
        "计算总分",
        pad("等级", 4),
        "错误",
        "警告",
        "提示"
    )?;
    for (path, checked) in &batch.files {
        let file = pad(&name(path), file_width);
        let flags = batch
            .row_of(path)
            .map(|r| r.flag_text())
            .unwrap_or_default();
        match checked {
            Checked::Ok(evaluation, a) => {
                let unit: String = evaluation.unit.name.chars().take(12).collect();
                let stated = evaluation.stated.total;
                writeln!(
                    out,
                    "{file} {} {:>8} {:>8} {} {:>4} {:>4} {:>4}  {flags}",
                    pad(if unit.is_empty() { "—" } else { &unit }, 24),
                    stated
                        .map(|t| t.normalize().to_string())
                        .unwrap_or_else(|| "—".into()),
                    match (&a.target_review, &a.lights) {
                        (None, None) => a.total.normalize().to_string(),
                        _ => "—".to_string(),
                    },
                    pad(&a.grade_text(), 4),
                    a.count(Severity::Error),
                    a.count(Severity::Warning),
                    a.count(Severity::Info)
                )?;
            }
            Checked::Unreadable(message) => writeln!(out, "{file} {message}")?,
            Checked::Skipped(message) => writeln!(out, "{file} 跳过：{message}")?,
        }
    }
    Ok(())
}
