//! The evaluation domain: model, scoring rules, checks and templates. No web dependencies.

pub mod amounts;
pub mod assess;
pub mod audit;
pub mod check;
pub mod compare;
pub mod direction;
pub mod edit;
pub mod error;
pub mod evidence;
pub mod import;
pub mod library;
pub mod margin;
pub mod measure;
pub mod metric;
pub mod model;
pub mod next_year;
pub mod number;
pub mod placeholder;
pub mod profile;
pub mod review;
pub mod rule;
pub mod scoring;
pub mod template;
pub mod what_if;

pub use assess::{assess, Assessment, NodeResult};
pub use check::{Finding, Reconciliation, Severity};
pub use error::{from_json, to_json, LoadError};
pub use model::*;
pub use rule::ScoringRule;
