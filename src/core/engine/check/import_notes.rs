//! The import notes kept with an evaluation, as findings (导入说明).

use super::{clip, Checker, Severity};
use crate::core::code::Code;
use crate::core::model::{Evaluation, ImportNoteKind};
use crate::core::path::*;

/// The import notes, as findings.
pub fn check_import_notes(evaluation: &Evaluation, checker: &mut Checker) {
    for (i, note) in evaluation.import_notes.iter().enumerate() {
        let (severity, code) = match note.kind {
            ImportNoteKind::Placeholder => (Severity::Info, Code::ImportPlaceholder),
            ImportNoteKind::Unreadable => (Severity::Warning, Code::ImportUnreadable),
            ImportNoteKind::Assumed => (Severity::Info, Code::ImportAssumed),
            ImportNoteKind::Blank => (Severity::Warning, Code::ImportBlank),
            ImportNoteKind::Bound => (Severity::Warning, Code::ImportActualBound),
            ImportNoteKind::Repeated => (Severity::Warning, Code::ImportRepeated),
            ImportNoteKind::Unscored => (Severity::Info, Code::ImportUnscored),
            ImportNoteKind::UnitConflict => (Severity::Warning, Code::ImportUnitConflict),
        };
        let cells = if note.cells.is_empty() {
            String::new()
        } else {
            format!("（“{}”）", clip(&note.cells, 60))
        };
        checker.push(
            severity,
            code,
            FieldPath::import_note(i),
            format!("导入表第 {} 行：{}{cells}", note.row, note.message),
        );
    }
}
