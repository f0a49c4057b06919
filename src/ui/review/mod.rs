//! 复核台 — the reviewer's desk in the browser: many units' files opened at once into a league table
//! (sortable, filterable, flagged), each file viewable read-only in the normal workbench views, a
//! 复核意见 per file kept locally, and the summary as .xlsx, HTML and print. The rows, flags, sorting and
//! documents are the core's ([`crate::core::review`], [`crate::report::review`]); this layer reads the
//! files, keeps the state and renders.

mod alerts;
mod desk;
mod detail;
mod intake;
mod slot;
mod state;
mod store;

use alerts::AlertList;
pub use desk::ReviewDesk;
pub use intake::files_of;
pub use slot::DeskSlot;

/// Which face the app shows: the unit's own workbench, or the reviewer's desk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// 自评工作台.
    Workbench,
    /// 复核台.
    Review,
}

impl Mode {
    /// The name stored and accepted by [`Mode::from_name`].
    pub fn name(self) -> &'static str {
        match self {
            Mode::Workbench => "workbench",
            Mode::Review => "review",
        }
    }

    /// From the embed option or URL parameter (`review`; anything else is the workbench).
    pub fn from_name(name: Option<&str>) -> Mode {
        match name {
            Some("review") => Mode::Review,
            _ => Mode::Workbench,
        }
    }
}

crate::ui::lazy::capability!(pub DESK, review_desk, "复核台", || {
    use leptos::prelude::*;
    view! { <ReviewDesk/> }.into_any()
});
