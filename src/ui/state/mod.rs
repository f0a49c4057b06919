//! The state of one workbench instance, split by what components read, each part its own context:
//!
//! - [`Document`]: the evaluation, its undo history, autosave and what-if copy — every edit goes here;
//! - [`Derived`]: the assessment and the per-row views of it;
//! - [`Navigator`]: the open tab, the selected row, the highlighted field;
//! - [`Notices`]: the banner's message;
//! - [`YearComparison`]: last year's evaluation opened beside this one.
//!
//! [`Workbench`] makes the five together and provides them; a component asks only for the parts it
//! reads (`expect_context::<Document>()`), so a banner does not know the undo history.
//!
//! Thousands of rows must not subscribe to one shared signal, so rows read per key ([`keyed`]).
//! Leptos's `reactive_stores` would key by field instead, but its `#[derive(Store)]` would have to sit
//! on the core's `Evaluation` and `Indicator` (a web crate in the core) or on a mirror of them.

mod comparison;
mod derived;
mod document;
mod keyed;
mod navigator;
mod notices;

pub use comparison::YearComparison;
pub use derived::Derived;
pub use document::Document;
pub use navigator::{Navigator, Tab};
pub use notices::{Notice, Notices};

use super::storage::Autosave;
use crate::core::{template, Evaluation};
use leptos::prelude::*;

/// The five parts of one workbench instance's state, made together.
#[derive(Clone, Copy)]
pub struct Workbench {
    /// The evaluation and its history.
    pub document: Document,
    /// What is computed from it.
    pub derived: Derived,
    /// Tab, selection and focus.
    pub navigator: Navigator,
    /// The banner.
    pub notices: Notices,
    /// Last year's evaluation.
    pub year: YearComparison,
}

impl Workbench {
    /// A workbench keyed by `storage_key`: restores the autosaved evaluation, else opens `template`.
    pub fn new(storage_key: &str, template_name: &str) -> Self {
        let mut autosave = Autosave::new(storage_key);
        let mut notice = None;
        let restored = match autosave.restore() {
            Ok(restored) => restored,
            Err(message) => {
                notice = Some(Notice {
                    error: true,
                    text: message,
                });
                None
            }
        };
        if let Some(message) = autosave.unavailable_message() {
            notice = Some(Notice {
                error: false,
                text: message,
            });
        }
        let initial = restored
            .or_else(|| template::load(template_name))
            .or_else(|| template::load("nanjing-2024"))
            .unwrap_or_else(empty_evaluation);
        Self::with(initial, autosave, notice)
    }

    /// A workbench over `evaluation` that never saves (a file opened on the reviewer's desk).
    pub fn detached(evaluation: Evaluation) -> Self {
        Self::with(evaluation, Autosave::off(), None)
    }

    fn with(initial: Evaluation, autosave: Autosave, notice: Option<Notice>) -> Self {
        let notices = Notices::new(notice);
        let document = Document::new(initial, autosave, notices);
        Workbench {
            document,
            derived: Derived::new(document),
            navigator: Navigator::new(),
            notices,
            year: YearComparison::new(document, notices),
        }
    }

    /// The parts provided above, together: for a workflow that spans them (open a file, attach
    /// evidence), not for a component's own reads.
    pub fn from_context() -> Self {
        Workbench {
            document: expect_context(),
            derived: expect_context(),
            navigator: expect_context(),
            notices: expect_context(),
            year: expect_context(),
        }
    }

    /// Provides each part as its own context, for the components below.
    pub fn provide(self) {
        provide_context(self.document);
        provide_context(self.derived);
        provide_context(self.navigator);
        provide_context(self.notices);
        provide_context(self.year);
    }
}

/// An evaluation with nothing in it (only if every built-in template failed to load).
pub fn empty_evaluation() -> Evaluation {
    Evaluation::empty(Default::default())
}

/// Whether the workbench is view-and-print only (context).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadOnly(pub bool);
