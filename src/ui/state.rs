//! The one source of truth: the evaluation in a signal; the assessment is a memo derived from it.

use crate::core::{assess, template, Assessment, Evaluation};
use leptos::prelude::*;

/// Shared state of one workbench instance, provided through context.
#[derive(Clone, Copy)]
pub struct Workbench {
    /// The evaluation being edited.
    pub evaluation: RwSignal<Evaluation>,
    /// Scores, grade and findings, recomputed when the evaluation changes.
    pub assessment: Memo<Assessment>,
}

impl Workbench {
    /// A workbench on the built-in example (南京 12345, 2024).
    pub fn new() -> Self {
        let initial = template::load("nanjing-2024").unwrap_or_else(|| Evaluation {
            schema_version: crate::core::SCHEMA_VERSION,
            kind: Default::default(),
            unit: Default::default(),
            accounts: Default::default(),
            project: None,
            metrics: Vec::new(),
            goals: Default::default(),
            narrative: Default::default(),
            indicators: Vec::new(),
            adjustments: Default::default(),
            settings: Default::default(),
            stated: Default::default(),
        });
        let evaluation = RwSignal::new(initial);
        let assessment = Memo::new(move |_| evaluation.with(assess));
        Workbench { evaluation, assessment }
    }
}

impl Default for Workbench {
    fn default() -> Self {
        Self::new()
    }
}
