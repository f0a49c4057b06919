//! The evaluation domain: model, scoring rules, checks and templates. No web dependencies.
//!
//! Three layers, each a folder; a layer uses only the layers before it (checked by
//! `tests/architecture.rs`, which also refuses any import circle between modules):
//!
//! 1. [`vocabulary`] — what a file says: the model, rules, numbers, printed measures, amounts, metrics,
//!    direction, 评分口径, keys, loading and migrations.
//! 2. [`engine`] — what follows from it: scoring, the score audit, checks, assessment, margins, what-if.
//! 3. [`workflows`] — what a user does with it: import tables, compare years, start next year, the
//!    指标库, the reviewer's desk, evidence packages, edits and undo, templates.
//!
//! Every module is re-exported here, so a path names the concept (`core::model`, `core::check`), not
//! its floor; the folder says where it stands.

pub mod engine;
pub mod vocabulary;
pub mod workflows;

pub use engine::{assess, audit, check, lights, margin, node, scoring, target_review, what_if};
pub use vocabulary::{
    amounts, code, direction, error, field, keys, measure, metric, model, number, path,
    placeholder, profile, rule,
};
pub use workflows::{compare, edit, evidence, import, library, next_year, review, stage, template};

pub use assess::{assess, Assessment, NodeResult};
pub use check::{Finding, Reconciliation, Severity};
pub use error::{from_json, to_json, LoadError};
pub use model::*;
pub use rule::ScoringRule;
