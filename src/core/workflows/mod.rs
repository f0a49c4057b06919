//! Layer 3, workflows: what a user does with evaluations — import real tables, compare two years, start
//! next year, the 指标库, the reviewer's desk, evidence packages, tree edits with undo, the built-in
//! templates, the stages of the year and the targets' versions. Uses the vocabulary and the engine.

pub mod compare;
pub mod edit;
pub mod evidence;
pub mod import;
pub mod library;
pub mod next_year;
pub mod review;
pub mod stage;
pub mod template;
