//! Last year's evaluation opened beside this one (上年对比), kept in the browser with the autosave.

use super::document::Document;
use super::notices::Notices;
use crate::core::Evaluation;
use leptos::prelude::*;

/// The autosave's side record of the comparison evaluation.
const COMPARISON: &str = "comparison";

/// Last year's evaluation and the hand-made pairs of one workbench instance (context).
#[derive(Clone, Copy)]
pub struct YearComparison {
    /// Last year's evaluation, if one was opened.
    pub comparison: RwSignal<Option<Evaluation>>,
    /// Indicators paired by hand (last year's id, this year's id): renamed rows.
    pub pairs: RwSignal<Vec<(String, String)>>,
    document: Document,
    notices: Notices,
}

impl YearComparison {
    pub(super) fn new(document: Document, notices: Notices) -> Self {
        YearComparison {
            comparison: RwSignal::new(document.restore_aside(COMPARISON)),
            pairs: RwSignal::new(Vec::new()),
            document,
            notices,
        }
    }

    /// Sets (or clears) last year's evaluation for comparison, and keeps it in the browser.
    pub fn set_comparison(&self, evaluation: Option<Evaluation>) {
        if let Err(message) = self.document.save_aside(COMPARISON, evaluation.as_ref()) {
            self.notices.tell(true, message);
        }
        self.pairs.set(Vec::new());
        self.comparison.set(evaluation);
    }
}
