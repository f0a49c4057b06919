//! The desk's state (context): the batch, the league table's sort and filter (kept while a file is
//! viewed), the reading progress, the file being viewed, and the evaluations read in this session.

use super::store::DeskStore;
use crate::core::review::{Conclusion, Desk, Filter, Sort, Verdict};
use crate::core::Evaluation;
use crate::ui::state::Notice;
use leptos::prelude::*;
use std::collections::HashMap;

/// How far the reading of a batch is.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Files read.
    pub done: usize,
    /// Files known so far (grows as .zip files are opened).
    pub total: usize,
    /// Files that could not be read so far.
    pub refused: usize,
}

/// The desk's shared state.
#[derive(Clone, Copy)]
pub struct Review {
    /// The rows and 复核意见.
    pub desk: RwSignal<Desk>,
    /// The league table's order.
    pub sort: RwSignal<Sort>,
    /// The league table's filter.
    pub filter: RwSignal<Filter>,
    /// Reading progress, while a batch is read.
    pub progress: RwSignal<Option<Progress>>,
    /// The file (its name in the batch) being viewed.
    pub opened: RwSignal<Option<String>>,
    /// The desk's banner message.
    pub notice: RwSignal<Option<Notice>>,
    /// Evaluations read in this session, by file name (not kept across reloads: see the store).
    evaluations: StoredValue<HashMap<String, Evaluation>, LocalStorage>,
    store: StoredValue<DeskStore, LocalStorage>,
}

impl Review {
    /// The desk of the instance keyed `key`, restored from the browser.
    pub fn new(key: &str) -> Self {
        let store = DeskStore::new(key);
        let (desk, message) = store.restore();
        Review {
            desk: RwSignal::new(desk),
            sort: RwSignal::new(Sort::default()),
            filter: RwSignal::new(Filter::default()),
            progress: RwSignal::new(None),
            opened: RwSignal::new(None),
            notice: RwSignal::new(message.map(|text| Notice { error: true, text })),
            evaluations: StoredValue::new_local(HashMap::new()),
            store: StoredValue::new_local(store),
        }
    }

    /// Shows a message in the desk's banner.
    pub fn tell(&self, error: bool, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error,
            text: text.into(),
        }));
    }

    /// Keeps `evaluation`, read from file `name`, for viewing.
    pub fn keep(&self, name: &str, evaluation: Evaluation) {
        self.evaluations
            .update_value(|m| drop(m.insert(name.to_string(), evaluation)));
    }

    /// The evaluation of file `name`, if read in this session.
    pub fn evaluation(&self, name: &str) -> Option<Evaluation> {
        self.evaluations.with_value(|m| m.get(name).cloned())
    }

    /// Writes the desk to the browser; a failure is told once.
    pub fn save(&self) {
        let result = self
            .desk
            .with_untracked(|d| self.store.try_update_value(|s| s.save(d)));
        if let Some(Err(message)) = result {
            self.tell(true, message);
        }
    }

    /// Records the 复核意见 on the file with content `key`. `whole` writes the rows too (a conclusion
    /// changes the table); typing a comment writes the small 复核意见 record only.
    pub fn set_verdict(&self, key: &str, verdict: Verdict, whole: bool) {
        self.desk.update(|d| d.set_verdict(key, verdict));
        if whole {
            self.save();
        } else {
            self.desk
                .with_untracked(|d| self.store.with_value(|s| s.save_verdicts(d)));
        }
    }

    /// Records a conclusion on the file with content `key`, its comment kept.
    pub fn set_conclusion(&self, key: &str, conclusion: Conclusion) {
        let comment = self.desk.with_untracked(|d| d.verdict(key).comment);
        self.set_verdict(
            key,
            Verdict {
                conclusion,
                comment,
            },
            true,
        );
    }

    /// Empties the list (the 复核意见 stay, found again when the same files are opened).
    pub fn clear(&self) {
        self.desk.update(Desk::clear_rows);
        self.evaluations.update_value(HashMap::clear);
        self.opened.set(None);
        self.save();
    }
}
