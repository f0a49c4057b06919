//! What is computed from the evaluation (派生): the assessment, the finding marks of each field and the
//! evidence count of each indicator, each readable per key so a row re-runs only when its own value
//! changes (see [`super::keyed`]).

use super::document::Document;
use super::keyed::Keyed;
use crate::core::{assess, Assessment, NodeResult, Severity};
use leptos::prelude::*;
use std::collections::HashMap;

/// The assessment of one workbench instance and the per-key views of it (context).
#[derive(Clone, Copy)]
pub struct Derived {
    /// Scores, grade and findings, recomputed when the evaluation changes.
    pub assessment: Memo<Assessment>,
    /// The worst severity of the findings at each path (read it through [`Derived::mark`]).
    marks: Memo<HashMap<String, Severity>>,
    /// How many evidence files each indicator has (read it through [`Derived::evidence_count`]).
    evidence_counts: Memo<HashMap<String, usize>>,
    /// Per indicator id: notified when its result in the assessment changed.
    results: Keyed,
    /// Per field path: notified when its finding mark changed.
    mark_keys: Keyed,
    /// Per indicator id: notified when its evidence count changed.
    evidence_keys: Keyed,
}

impl Derived {
    pub(super) fn new(document: Document) -> Self {
        let evaluation = document.evaluation;
        let assessment = Memo::new(move |_| evaluation.with(assess));
        let marks = Memo::new(move |_| {
            assessment.with(|a| {
                let mut marks: HashMap<String, Severity> = HashMap::new();
                for f in &a.findings {
                    let worst = marks.entry(f.path.to_string()).or_insert(f.severity);
                    *worst = (*worst).min(f.severity);
                }
                marks
            })
        });
        let evidence_counts = Memo::new(move |_| {
            evaluation.with(|e| {
                let mut counts: HashMap<String, usize> = HashMap::new();
                for f in &e.evidence_files {
                    *counts.entry(f.indicator.clone()).or_default() += 1;
                }
                counts
            })
        });
        let derived = Derived {
            assessment,
            marks,
            evidence_counts,
            results: Keyed::new(),
            mark_keys: Keyed::new(),
            evidence_keys: Keyed::new(),
        };
        derived.results.follow(move || {
            assessment.with(|a| a.nodes.iter().map(|n| (n.id.clone(), n.clone())).collect())
        });
        derived.mark_keys.follow(move || marks.get());
        derived.evidence_keys.follow(move || evidence_counts.get());
        derived
    }

    /// The result of indicator `id` in the assessment; the caller re-runs only when it changes.
    pub fn result(&self, id: &str, order: usize) -> Option<NodeResult> {
        self.results.track(id);
        self.assessment.with_untracked(|a| {
            a.nodes
                .get(order)
                .filter(|n| n.id == id)
                .or_else(|| a.node(id))
                .cloned()
        })
    }

    /// The worst finding at `path`; the caller re-runs only when it changes.
    pub fn mark(&self, path: &str) -> Option<Severity> {
        self.mark_keys.track(path);
        self.marks.with_untracked(|m| m.get(path).copied())
    }

    /// How many evidence files indicator `id` has; the caller re-runs only when that changes.
    pub fn evidence_count(&self, id: &str) -> usize {
        self.evidence_keys.track(id);
        self.evidence_counts
            .with_untracked(|c| c.get(id).copied().unwrap_or(0))
    }
}
