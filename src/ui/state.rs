//! The one source of truth of a workbench instance: the evaluation in a signal; the assessment and
//! the per-field finding marks are memos derived from it. Edits go through [`Workbench::edit`] or
//! [`Workbench::edit_node`], which record undo history and schedule the autosave.
//!
//! Thousands of rows must not subscribe to one shared signal: when N subscribers of one source re-run,
//! the reactive graph's ordered subscriber sets cost O(N²) (a 2,000-row tree took 2 s per keystroke).
//! So every row depends on its own keys ([`Keyed`]): its node ([`Workbench::with_node`], notified by
//! [`Workbench::edit_node`] or when the tree as a whole may have changed), its result and the finding
//! marks and focus of its fields (notified by effects that diff the new assessment against the last).

use super::storage::{Autosave, SaveOutcome};
pub use super::tabs::Tab;
use crate::core::edit::{EditScope, History};
use crate::core::path::FieldPath;
use crate::core::{assess, template, Assessment, Evaluation, Indicator, NodeResult, Severity};
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::HashMap;

/// A message shown in the banner (提示条).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Error (red) or information (blue).
    pub error: bool,
    /// Chinese text.
    pub text: String,
}

/// Triggers by key (an indicator id, a field path): lets each row depend on its own key instead of on
/// one signal that thousands of rows share.
#[derive(Clone, Copy)]
pub struct Keyed(StoredValue<HashMap<String, ArcTrigger>, LocalStorage>);

impl Keyed {
    fn new() -> Self {
        Keyed(StoredValue::new_local(HashMap::new()))
    }

    /// Makes the running memo or effect re-run when `key` is notified.
    pub fn track(&self, key: &str) {
        // Looked up before inserting: this runs on every re-run of thousands of memos.
        let trigger = self
            .0
            .try_with_value(|m| m.get(key).cloned())
            .flatten()
            .or_else(|| {
                self.0
                    .try_update_value(|m| m.entry(key.to_string()).or_default().clone())
            });
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Re-runs what tracks `key`.
    pub fn notify(&self, key: &str) {
        if let Some(trigger) = self.0.try_with_value(|m| m.get(key).cloned()).flatten() {
            trigger.notify();
        }
    }

    /// Re-runs what tracks a key whose value differs between `previous` and `now` (added, changed or gone).
    pub fn notify_changes<V: PartialEq>(
        &self,
        previous: &HashMap<String, V>,
        now: &HashMap<String, V>,
    ) {
        let changed = now
            .iter()
            .filter(|(key, value)| previous.get(*key) != Some(value));
        let gone = previous.keys().filter(|key| !now.contains_key(*key));
        for key in changed.map(|(key, _)| key).chain(gone) {
            self.notify(key);
        }
    }

    /// Re-runs what tracks any key.
    pub fn notify_all(&self) {
        let triggers: Vec<ArcTrigger> = self
            .0
            .try_with_value(|m| m.values().cloned().collect())
            .unwrap_or_default();
        for trigger in triggers {
            trigger.notify();
        }
    }
}

/// Shared state of one workbench instance, provided through context.
#[derive(Clone, Copy)]
pub struct Workbench {
    /// The evaluation being edited.
    pub evaluation: RwSignal<Evaluation>,
    /// Scores, grade and findings, recomputed when the evaluation changes.
    pub assessment: Memo<Assessment>,
    /// The worst severity of the findings at each path, for marking fields (read it through [`Workbench::mark`]).
    marks: Memo<HashMap<String, Severity>>,
    /// Where each indicator sits (id → child indexes), so a row finds its node without a search.
    pub index: Memo<HashMap<String, Vec<usize>>>,
    /// Notified by every change that may touch more than one indicator (structure, undo, open …).
    pub tree: Trigger,
    /// The open tab.
    pub tab: RwSignal<Tab>,
    /// The indicator row last focused in the table (where the 指标库 inserts).
    pub selected: RwSignal<Option<String>>,
    /// The path of the field to highlight (after clicking a finding; read it through [`Workbench::is_focused`]).
    pub focus: RwSignal<Option<String>>,
    /// The banner message.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether undo / redo are possible.
    pub can_undo: RwSignal<bool>,
    /// Whether redo is possible.
    pub can_redo: RwSignal<bool>,
    /// The instance's root element (queries stay inside it, also in a shadow root).
    pub root: NodeRef<Div>,
    /// Last year's evaluation, opened beside this one for comparison (上年对比); kept in the browser.
    pub comparison: RwSignal<Option<Evaluation>>,
    /// Indicators paired by hand in the comparison (last year's id, this year's id): renamed rows.
    pub pairs: RwSignal<Vec<(String, String)>>,
    /// In 模拟 (what-if): the evaluation as it was when the simulation started; the one being edited is
    /// then a scratch copy, never saved, applied or discarded as a whole.
    pub baseline: RwSignal<Option<Evaluation>>,
    /// The undo history as it was when the simulation started (restored when it is discarded).
    baseline_history: StoredValue<Option<History>, LocalStorage>,
    history: StoredValue<History, LocalStorage>,
    autosave: StoredValue<Autosave, LocalStorage>,
    /// Per indicator id: notified when that indicator was edited (or the tree changed).
    nodes: Keyed,
    /// Per indicator id: notified when its result in the assessment changed.
    results: Keyed,
    /// Per field path: notified when its finding mark changed.
    mark_keys: Keyed,
    /// How many evidence files each indicator has (read it through [`Workbench::evidence_count`]).
    evidence_counts: Memo<HashMap<String, usize>>,
    /// Per indicator id: notified when its evidence count changed.
    evidence_keys: Keyed,
    /// Per field path: notified when it gains or loses the focus highlight.
    focus_keys: Keyed,
}

impl Workbench {
    /// A workbench keyed by `storage_key`: restores the autosaved evaluation, else opens `template`.
    pub fn new(storage_key: &str, template_name: &str) -> Self {
        let mut autosave = Autosave::new(storage_key);
        let mut notice = None;
        let restored = match autosave.restore() {
            Ok(Some(evaluation)) => Some(evaluation),
            Ok(None) => None,
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
        let evaluation = RwSignal::new(initial);
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
        let tree = Trigger::new();
        let index = Memo::new(move |_| {
            tree.track();
            evaluation.with_untracked(index_of)
        });
        Workbench {
            evaluation,
            assessment,
            marks,
            index,
            tree,
            tab: RwSignal::new(Tab::Indicators),
            selected: RwSignal::new(None),
            focus: RwSignal::new(None),
            notice: RwSignal::new(notice),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            root: NodeRef::new(),
            comparison: RwSignal::new(autosave.restore_aside(COMPARISON)),
            pairs: RwSignal::new(Vec::new()),
            baseline: RwSignal::new(None),
            baseline_history: StoredValue::new_local(None),
            history: StoredValue::new_local(History::new(200)),
            autosave: StoredValue::new_local(autosave),
            nodes: Keyed::new(),
            results: Keyed::new(),
            mark_keys: Keyed::new(),
            evidence_counts,
            evidence_keys: Keyed::new(),
            focus_keys: Keyed::new(),
        }
        .with_diffs()
    }

    /// Effects that turn a new assessment, new marks or a new focus into per-key notifications.
    fn with_diffs(self) -> Self {
        let (results, mark_keys, focus_keys) = (self.results, self.mark_keys, self.focus_keys);
        let assessment = self.assessment;
        Effect::new(move |previous: Option<HashMap<String, NodeResult>>| {
            let now: HashMap<String, NodeResult> =
                assessment.with(|a| a.nodes.iter().map(|n| (n.id.clone(), n.clone())).collect());
            if let Some(previous) = previous {
                results.notify_changes(&previous, &now);
            }
            now
        });
        let marks = self.marks;
        Effect::new(move |previous: Option<HashMap<String, Severity>>| {
            let now = marks.get();
            if let Some(previous) = previous {
                mark_keys.notify_changes(&previous, &now);
            }
            now
        });
        let (counts, evidence_keys) = (self.evidence_counts, self.evidence_keys);
        Effect::new(move |previous: Option<HashMap<String, usize>>| {
            let now = counts.get();
            if let Some(previous) = previous {
                evidence_keys.notify_changes(&previous, &now);
            }
            now
        });
        let focus = self.focus;
        Effect::new(move |previous: Option<Option<String>>| {
            let now = focus.get();
            for path in [previous.flatten(), now.clone()].into_iter().flatten() {
                focus_keys.notify(&path);
            }
            now
        });
        self
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

    /// The name evidence bytes are kept under in the browser: this instance's storage key, so two
    /// portal instances never share files.
    pub fn scope(&self) -> String {
        self.autosave
            .try_with_value(|a| a.key().to_string())
            .unwrap_or_default()
    }

    /// Whether `path` is the field a finding pointed at; the caller re-runs only when that changes.
    pub fn is_focused(&self, path: &str) -> bool {
        self.focus_keys.track(path);
        self.focus.with_untracked(|f| f.as_deref() == Some(path))
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
            self.tell(
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
    /// made to a scratch copy until [`Workbench::apply_what_if`] or [`Workbench::discard_what_if`].
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
            self.notice.set(Some(Notice {
                error: true,
                text: message,
            }));
        }
    }

    /// Sets (or clears) last year's evaluation for comparison, and keeps it in the browser.
    pub fn set_comparison(&self, evaluation: Option<Evaluation>) {
        let outcome = self
            .autosave
            .try_with_value(|a| a.save_aside(COMPARISON, evaluation.as_ref()));
        if let Some(Err(message)) = outcome {
            self.tell(true, message);
        }
        self.pairs.set(Vec::new());
        self.comparison.set(evaluation);
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

    /// Shows a message in the banner.
    pub fn tell(&self, error: bool, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error,
            text: text.into(),
        }));
    }

    /// Switches to the tab of `path`, then scrolls to, highlights and focuses its field.
    pub fn go_to(&self, path: &FieldPath) {
        self.tab.set(Tab::for_path(path));
        self.focus.set(Some(path.to_string()));
        let root = self.root;
        let path = path.to_string();
        request_animation_frame(move || focus_field(root, path, 10));
    }
}

/// Scrolls to and focuses the field at `path`, else the nearest enclosing one (e.g. a row for a rule
/// problem). A row of a large tree not built yet (`tbody[data-wait]`) is built by coming into view: it is
/// scrolled to and tried again on the next frames, `tries` more times.
fn focus_field(root: NodeRef<Div>, path: String, tries: u32) {
    let Some(root_el) = root.get_untracked() else {
        return;
    };
    let mut target = path.as_str();
    loop {
        let selector = format!("[data-path=\"{}\"]", target.replace('"', ""));
        if let Ok(Some(element)) = root_el.query_selector(&selector) {
            element.scroll_into_view_with_bool(false);
            let waiting = element.closest("tbody[data-wait]").ok().flatten().is_some();
            if waiting && tries > 0 {
                request_animation_frame(move || focus_field(root, path, tries - 1));
                return;
            }
            let focusable = element
                .query_selector("input, textarea, select, button")
                .ok()
                .flatten()
                .unwrap_or(element);
            if let Some(html) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&focusable) {
                let _ = html.focus();
            }
            return;
        }
        match target.rfind('/') {
            Some(at) => target = &target[..at],
            None => return,
        }
    }
}

/// The autosave's side record of the comparison evaluation.
const COMPARISON: &str = "comparison";

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

/// An evaluation with nothing in it (only if every built-in template failed to load).
pub fn empty_evaluation() -> Evaluation {
    Evaluation::empty(Default::default())
}

/// Whether the workbench is view-and-print only (context).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReadOnly(pub bool);
