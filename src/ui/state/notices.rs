//! The banner's message (提示条): what components and the document say to the user.

use leptos::prelude::*;

/// A message shown in the banner (提示条).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Error (red) or information (blue).
    pub error: bool,
    /// Chinese text.
    pub text: String,
}

/// The banner's message of one workbench instance (context).
#[derive(Clone, Copy)]
pub struct Notices {
    /// The message shown, if any.
    pub notice: RwSignal<Option<Notice>>,
}

impl Notices {
    pub(super) fn new(initial: Option<Notice>) -> Self {
        Notices {
            notice: RwSignal::new(initial),
        }
    }

    /// Shows a message in the banner.
    pub fn tell(&self, error: bool, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error,
            text: text.into(),
        }));
    }

    /// Hides the message.
    pub fn dismiss(&self) {
        self.notice.set(None);
    }
}
