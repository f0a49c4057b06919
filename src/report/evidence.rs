//! 佐证材料清单: the list of evidence files as an annex — per file its indicator, name, description,
//! size and SHA-256 (a reviewer can check a received file against it).

use super::{Block, FormCell, FormTable};
use crate::core::evidence::{layout, size_text};
use crate::core::model::Evaluation;

/// The annex (page break, label, title, table), or nothing when no file is attached.
pub(super) fn evidence_annex(e: &Evaluation, label: &str) -> Vec<Block> {
    let files = layout(e);
    if files.is_empty() {
        return Vec::new();
    }
    let name_of = |id: &str| e.indicator(id).map(|i| i.name.clone()).unwrap_or_default();
    let mut rows = vec![["序号", "指标", "文件名称", "说明", "大小", "SHA-256"]
        .iter()
        .map(|h| FormCell::label(*h, 1))
        .collect::<Vec<_>>()];
    for (i, (_, file)) in files.iter().enumerate() {
        rows.push(vec![
            FormCell::value((i + 1).to_string(), 1),
            FormCell::value(name_of(&file.indicator), 1),
            FormCell::value(file.name.clone(), 1),
            FormCell::value(file.description.clone(), 1),
            FormCell::value(size_text(file.size), 1),
            FormCell::value(file.sha256.clone(), 1),
        ]);
    }
    vec![
        Block::PageBreak,
        Block::Annex {
            label: label.into(),
            title: "佐证材料清单".into(),
        },
        Block::Form(FormTable {
            widths: vec![5, 18, 20, 18, 8, 31],
            rows,
        }),
    ]
}
