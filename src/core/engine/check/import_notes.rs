//! The import notes kept with an evaluation, as findings (导入说明).

use super::{clip, Checker, Severity};
use crate::core::model::{Evaluation, ImportNoteKind};

/// The import notes, as findings.
pub fn check_import_notes(evaluation: &Evaluation, checker: &mut Checker) {
    for (i, note) in evaluation.import_notes.iter().enumerate() {
        let (severity, code) = match note.kind {
            ImportNoteKind::Placeholder => (Severity::Info, "import.placeholder"),
            ImportNoteKind::Unreadable => (Severity::Warning, "import.unreadable"),
            ImportNoteKind::Assumed => (Severity::Info, "import.assumed"),
            ImportNoteKind::Blank => (Severity::Warning, "import.blank"),
            ImportNoteKind::Repeated => (Severity::Warning, "import.repeated"),
            ImportNoteKind::Unscored => (Severity::Info, "import.unscored"),
        };
        let cells = if note.cells.is_empty() {
            String::new()
        } else {
            format!("（“{}”）", clip(&note.cells, 60))
        };
        checker.push(
            severity,
            code,
            format!("import_notes/{i}"),
            format!("导入表第 {} 行：{}{cells}", note.row, note.message),
        );
    }
}
