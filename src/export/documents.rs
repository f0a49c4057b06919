//! What the files handed on are made of (交付文件的内容): the assessed report and the lines of the
//! workbook's other sheets, built once from an evaluation by [`Documents::of`]. The CLI writes from it
//! natively; the page builds it (it has the assessment already) and hands it to the Word / Excel module
//! ([`super::module`]), which therefore never assesses an evaluation again and carries neither the
//! core's scoring and checks nor the evaluation's deserialiser.
//!
//! ```
//! use jixiao::export::documents::Documents;
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let documents = Documents::of(&e);
//! assert!(documents.checks.iter().any(|c| c.status == "相符"));
//! assert_eq!(documents.report.title, jixiao::report::title(&e));
//! let again: Documents = serde_json::from_str(&serde_json::to_string(&documents).unwrap()).unwrap();
//! assert_eq!(again, documents);
//! ```

use crate::core::assess::{assess, Assessment};
use crate::core::check::ReconcileStatus;
use crate::core::evidence::{layout, size_text, Manifest};
use crate::core::model::{Evaluation, EvaluationKind};
use crate::report::{build_assessed, Report};
use serde::{Deserialize, Serialize};

/// The report and the lines of the workbook's lists, as they are printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Documents {
    /// The report (the Word file; its scoring table or 项目支出 form is the workbook's first sheet).
    pub report: Report,
    /// 部门整体 or 项目支出: which first sheet the workbook has.
    pub kind: EvaluationKind,
    /// The 检查结果 sheet.
    pub findings: Vec<FindingLine>,
    /// The 核对 sheet.
    pub checks: Vec<CheckLine>,
    /// The 佐证材料清单 sheet (absent when there is no evidence).
    pub evidence: Vec<EvidenceLine>,
}

/// A finding as its sheet prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingLine {
    /// 严重程度 (错误 / 警告 / 提示).
    pub severity: String,
    /// Its stable code.
    pub code: String,
    /// Where (the field's path).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// A reconciliation as its sheet prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckLine {
    /// What is checked.
    pub label: String,
    /// The arithmetic with its figures.
    pub detail: String,
    /// 相符 / 尾差 / 不符 / 无法核实.
    pub status: String,
}

/// An evidence file as its sheet prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLine {
    /// The indicator's name.
    pub indicator: String,
    /// The file's name.
    pub name: String,
    /// What it shows.
    pub description: String,
    /// Its size, printed ("1.2 MB").
    pub size: String,
    /// Its SHA-256.
    pub sha256: String,
}

/// The words of a reconciliation's outcome.
pub fn status_label(status: ReconcileStatus) -> &'static str {
    match status {
        ReconcileStatus::Pass => "相符",
        ReconcileStatus::RoundingGap => "尾差",
        ReconcileStatus::Mismatch => "不符",
        ReconcileStatus::Unverifiable => "无法核实",
    }
}

impl Documents {
    /// The documents of `evaluation`, assessed here.
    pub fn of(evaluation: &Evaluation) -> Documents {
        Documents::assessed(evaluation, &assess(evaluation))
    }

    /// The documents of `evaluation` with its `assessment` (the page's, already made).
    pub fn assessed(evaluation: &Evaluation, assessment: &Assessment) -> Documents {
        Documents {
            report: build_assessed(evaluation, assessment),
            kind: evaluation.kind,
            findings: assessment
                .findings
                .iter()
                .map(|f| FindingLine {
                    severity: f.severity.label().into(),
                    code: f.code.as_str().into(),
                    path: f.path.as_str().into(),
                    message: f.message.clone(),
                })
                .collect(),
            checks: assessment
                .reconciliations
                .iter()
                .map(|r| CheckLine {
                    label: r.label.clone(),
                    detail: r.detail.clone(),
                    status: status_label(r.status).into(),
                })
                .collect(),
            evidence: layout(evaluation)
                .into_iter()
                .map(|(_, file)| EvidenceLine {
                    indicator: evaluation
                        .indicator(&file.indicator)
                        .map(|n| n.name.clone())
                        .unwrap_or_default(),
                    name: file.name.clone(),
                    description: file.description.clone(),
                    size: size_text(file.size),
                    sha256: file.sha256.clone(),
                })
                .collect(),
        }
    }
}

/// What the package (导出全部) is made of besides the evidence bytes: the evaluation's JSON as saved,
/// its manifest, its documents and the report's HTML.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackageParts {
    /// `evaluation.json`, written as is.
    pub evaluation: String,
    /// `manifest.json`: where each evidence file goes.
    pub manifest: Manifest,
    /// The .docx and .xlsx.
    pub documents: Documents,
    /// The report as one HTML page.
    pub html: String,
}

impl PackageParts {
    /// The parts of `evaluation`'s package, assessed here.
    pub fn of(evaluation: &Evaluation) -> PackageParts {
        PackageParts::assessed(evaluation, &assess(evaluation))
    }

    /// The parts of `evaluation`'s package with its `assessment`.
    pub fn assessed(evaluation: &Evaluation, assessment: &Assessment) -> PackageParts {
        let documents = Documents::assessed(evaluation, assessment);
        PackageParts {
            evaluation: crate::core::to_json(evaluation),
            manifest: crate::core::evidence::manifest(evaluation),
            html: crate::report::html::render_document(&documents.report),
            documents,
        }
    }
}
