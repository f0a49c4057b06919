//! The evaluation being edited (文档): its undo history, its autosave and the what-if (模拟) copy.
//! Every edit goes through [`Document::edit`] or [`Document::edit_node`], which record undo history
//! and schedule the autosave.
//!
//! A row reads its node through [`Document::with_node`] and so re-runs when its own indicator is
//! edited or the tree changes as a whole, not on every keystroke elsewhere (see [`super::keyed`]).

use super::keyed::Keyed;
use super::notices::Notices;
use crate::core::edit::{EditScope, History};
use crate::core::{Evaluation, Indicator};
use crate::ui::storage::{Autosave, SaveOutcome};
use leptos::prelude::*;
use std::collections::HashMap;

/// The evaluation of one workbench instance and what keeps it (context).
#[derive(Clone, Copy)]
pub struct Document {
    /// The evaluation being edited.
    pub evaluation: RwSignal<Evaluation>,
    /// Where each indicator sits (id → child indexes), so a row finds its node without a search.
    pub index: Memo<HashMap<String, Vec<usize>>>,
    /// Notified by every change that may touch more than one indicator (structure, undo, open …).
    pub tree: Trigger,
    /// Whether undo is possible.
    pub can_undo: RwSignal<bool>,
    /// Whether redo is possible.
    pub can_redo: RwSignal<bool>,
    /// In 模拟 (what-if): the evaluation as it was when the simulation started; the one being edited is
    /// then a scratch copy, never saved, applied or discarded as a whole.
    pub baseline: RwSignal<Option<Evaluation>>,
    /// The undo history as it was when the simulation started (restored when it is discarded).
    baseline_history: StoredValue<Option<History>, LocalStorage>,
    history: StoredValue<History, LocalStorage>,
    autosave: StoredValue<Autosave, LocalStorage>,
    /// Per indicator id: notified when that indicator was edited (or the tree changed).
    nodes: Keyed,
    /// Where a failed save or a clash with another tab is said.
    notices: Notices,
}

impl Document {
    pub(super) fn new(initial: Evaluation, autosave: Autosave, notices: Notices) -> Self {
        let evaluation = RwSignal::new(initial);
        let tree = Trigger::new();
        let index = Memo::new(move |_| {
            tree.track();
            evaluation.with_untracked(index_of)
        });
        Document {
            evaluation,
            index,
            tree,
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            baseline: RwSignal::new(None),
            baseline_history: StoredValue::new_local(None),
            history: StoredValue::new_local(History::new(200)),
            autosave: StoredValue::new_local(autosave),
            nodes: Keyed::new(),
            notices,
        }
    }

    /// The name evidence bytes are kept under in the browser: this instance's storage key, so two
    /// portal instances never share files.
    pub fn scope(&self) -> String {
        self.autosave
            .try_with_value(|a| a.key().to_string())
            .unwrap_or_default()
    }

    /// The tree may have changed as a whole: every row re-reads its node.
    fn tree_changed(&self) {
        self.tree.notify();
        self.nodes.notify_all();
    }

    /// Reads the indicator `id` (O(depth) through the index, not a search of the tree). A memo or effect
    /// that calls this re-runs when this indicator or the tree changes, not on every edit.
    pub fn with_node<T>(&self, id: &str, f: impl FnOnce(&Indicator) -> T) -> Option<T> {
        self.nodes.track(id);
        let path = self.index.with_untracked(|ix| ix.get(id).cloned())?;
        self.evaluation.with_untracked(|e| {
            let mut nodes = &e.indicators;
            let mut found = None;
            for i in path {
                let node = nodes.get(i)?;
                nodes = &node.children;
                found = Some(node);
            }
            found.filter(|n| n.id == id).map(f)
        })
    }

    /// Applies an edit. Consecutive edits of the same field are one undo step; unless the scope is a
    /// field outside the indicator tree (`unit/…`, `accounts/…`), every row re-reads.
    pub fn edit(&self, scope: EditScope, change: impl FnOnce(&mut Evaluation)) {
        self.evaluation
            .with_untracked(|current| self.history.update_value(|h| h.record(current, scope)));
        self.evaluation.update(change);
        if scope.touches_tree() {
            self.tree_changed();
        }
        self.after_change();
    }

    /// Edits the one indicator `id` (its fields, never its id or children): only its row re-reads.
    pub fn edit_node(&self, id: &str, scope: EditScope, change: impl FnOnce(&mut Indicator)) {
        self.evaluation
            .with_untracked(|current| self.history.update_value(|h| h.record(current, scope)));
        self.evaluation.update(|e| {
            if let Some(node) = e.indicator_mut(id) {
                change(node);
            }
        });
        self.nodes.notify(id);
        self.after_change();
    }

    /// Replaces the whole evaluation (open a file, new from template) as one undoable step. A
    /// simulation in progress is discarded first: what is replaced is the real evaluation.
    pub fn replace(&self, evaluation: Evaluation) {
        self.discard_what_if();
        self.edit(EditScope::Whole, move |e| *e = evaluation);
        self.history.update_value(|h| h.seal());
    }

    /// Ends the current typing step (on blur), so the next edit of the field is a new undo step.
    pub fn seal(&self) {
        self.history.update_value(|h| h.seal());
    }

    /// Undoes one step.
    pub fn undo(&self) {
        let previous = self
            .evaluation
            .with_untracked(|current| self.history.try_update_value(|h| h.undo(current)).flatten());
        if let Some(previous) = previous {
            self.evaluation.set(previous);
            self.tree_changed();
            self.after_change();
        }
    }

    /// Redoes one step.
    pub fn redo(&self) {
        let next = self
            .evaluation
            .with_untracked(|current| self.history.try_update_value(|h| h.redo(current)).flatten());
        if let Some(next) = next {
            self.evaluation.set(next);
            self.tree_changed();
            self.after_change();
        }
    }

    /// Mirrors the history's undo / redo availability into the toolbar's signals.
    fn sync_undo_flags(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    fn after_change(&self) {
        self.sync_undo_flags();
        let this = *self;
        self.autosave
            .update_value(|a| a.schedule(move || this.save_now()));
    }

    /// Replaces the evaluation without an undo step (content fetched for an embedded instance).
    pub fn load(&self, evaluation: Evaluation) {
        self.discard_what_if();
        self.evaluation.set(evaluation);
        self.tree_changed();
    }

    /// Handles a `storage` event from another tab: warns once and pauses autosave if it is our key.
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        let ours = self
            .autosave
            .try_update_value(|a| a.changed_elsewhere(key.as_deref(), new_value.as_deref()));
        if ours == Some(true) {
            self.notices.tell(
                true,
                "另一个窗口（标签页）刚保存了同一份评价。为避免互相覆盖，本窗口已暂停自动保存：请用“保存 JSON”另存本窗口的内容，或刷新页面载入另一窗口的版本。",
            );
        }
    }

    /// Whether a simulation (模拟) is in progress.
    pub fn in_what_if(&self) -> bool {
        self.baseline.with(Option::is_some)
    }

    /// Starts a simulation: what is saved stays the evaluation as it is now; edits from here on are
    /// made to a scratch copy until [`Document::apply_what_if`] or [`Document::discard_what_if`].
    pub fn start_what_if(&self) {
        if self.baseline.with_untracked(Option::is_some) {
            return;
        }
        self.save_now();
        self.seal();
        let history = self.history.get_value();
        self.baseline_history.set_value(Some(history));
        self.baseline.set(Some(self.evaluation.get_untracked()));
    }

    /// Keeps the simulated changes as the evaluation (each still undoable) and saves it.
    pub fn apply_what_if(&self) {
        if self.baseline.with_untracked(Option::is_some) {
            self.baseline.set(None);
            self.baseline_history.set_value(None);
            self.seal();
            self.after_change();
        }
    }

    /// Drops the simulated changes: the evaluation and its undo history are as before the simulation.
    pub fn discard_what_if(&self) {
        let Some(original) = self.baseline.get_untracked() else {
            return;
        };
        if let Some(history) = self.baseline_history.get_value() {
            self.history.set_value(history);
        }
        self.baseline_history.set_value(None);
        self.baseline.set(None);
        self.evaluation.set(original);
        self.tree_changed();
        self.sync_undo_flags();
    }

    /// Writes the autosave now (debounce elapsed, or the page is being hidden). Not during a
    /// simulation: the saved evaluation is the one it started from.
    pub fn save_now(&self) {
        if self.baseline.with_untracked(Option::is_some) {
            return;
        }
        let outcome = self
            .evaluation
            .with_untracked(|e| self.autosave.try_update_value(|a| a.save(e)));
        if let Some(SaveOutcome::Failed(message)) = outcome {
            self.notices.tell(true, message);
        }
    }

    /// An evaluation kept beside the autosave under `<key>:<name>` (last year's, for 上年对比).
    pub fn restore_aside(&self, name: &str) -> Option<Evaluation> {
        self.autosave
            .try_with_value(|a| a.restore_aside(name))
            .flatten()
    }

    /// Keeps (or, with `None`, forgets) an evaluation beside the autosave.
    pub fn save_aside(&self, name: &str, evaluation: Option<&Evaluation>) -> Result<(), String> {
        self.autosave
            .try_with_value(|a| a.save_aside(name, evaluation))
            .unwrap_or(Ok(()))
    }

    /// A text kept beside the autosave under `<key>:<name>` (e.g. the unit's own 指标库).
    pub fn read_aside(&self, name: &str) -> Option<String> {
        self.autosave
            .try_with_value(|a| a.read_aside(name))
            .flatten()
    }

    /// Keeps a text beside the autosave; a full or refused storage is said in Chinese.
    pub fn write_aside(&self, name: &str, text: &str) -> Result<(), String> {
        self.autosave
            .try_with_value(|a| a.write_aside(name, text))
            .unwrap_or(Ok(()))
    }
}

/// The child-index path of every indicator, by id.
fn index_of(e: &Evaluation) -> HashMap<String, Vec<usize>> {
    fn walk(nodes: &[Indicator], path: &mut Vec<usize>, out: &mut HashMap<String, Vec<usize>>) {
        for (i, node) in nodes.iter().enumerate() {
            path.push(i);
            out.insert(node.id.clone(), path.clone());
            walk(&node.children, path, out);
            path.pop();
        }
    }
    let mut out = HashMap::new();
    walk(&e.indicators, &mut Vec::new(), &mut out);
    out
}
