//! Editing (编辑): tree operations on the indicator tree and the undo / redo history. Pure functions on
//! the [`Evaluation`], so the UI only forwards the user's intent and the behaviour is tested natively.
//!
//! ```
//! use jixiao::core::edit::{History, EditScope, add_child};
//! let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let mut history = History::new(100);
//! history.record(&e, EditScope::Whole);
//! let id = add_child(&mut e, Some("1.1")).unwrap();
//! assert_eq!(e.indicator(&id).unwrap().points.to_string(), "0");
//! let restored = history.undo(&e).unwrap();
//! assert!(restored.indicator(&id).is_none());
//! ```

use crate::core::model::{Evaluation, Indicator};

/// What an edit touches (编辑范围): it decides undo steps (typing in one field is one step) and what
/// the UI re-reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditScope<'a> {
    /// A structural or whole-evaluation edit (add, move, remove, replace, import): its own undo step.
    Whole,
    /// Typing in one field, by its path (e.g. `unit/name`): consecutive edits merge into one step.
    Field(&'a str),
}

impl EditScope<'_> {
    /// Whether the edit may change the indicator tree (so every row re-reads).
    pub fn touches_tree(self) -> bool {
        match self {
            EditScope::Whole => true,
            EditScope::Field(path) => path.starts_with("indicators"),
        }
    }
}

/// Where a node sits: the sibling list that holds it and its index there.
fn locate<'a>(nodes: &'a mut Vec<Indicator>, id: &str) -> Option<(&'a mut Vec<Indicator>, usize)> {
    if let Some(index) = nodes.iter().position(|n| n.id == id) {
        return Some((nodes, index));
    }
    for node in nodes.iter_mut() {
        if let Some(found) = locate(&mut node.children, id) {
            return Some(found);
        }
    }
    None
}

/// A fresh id: one more than the largest numeric id segment in use, prefixed "n" to stay unique.
pub fn next_id(evaluation: &Evaluation) -> String {
    let mut max = 0u64;
    evaluation.walk_indicators(&mut |node, _| {
        let digits: String = node.id.chars().filter(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<u64>() {
            max = max.max(n);
        }
    });
    let mut candidate = max.saturating_add(1);
    loop {
        let id = format!("n{candidate}");
        if evaluation.indicator(&id).is_none() {
            return id;
        }
        candidate = candidate.saturating_add(1);
    }
}

fn blank(id: String) -> Indicator {
    Indicator {
        id,
        name: "新指标".to_string(),
        ..Default::default()
    }
}

/// Appends a new, empty indicator under `parent` (or at the top level); returns its id.
pub fn add_child(evaluation: &mut Evaluation, parent: Option<&str>) -> Option<String> {
    let id = next_id(evaluation);
    let node = blank(id.clone());
    match parent {
        None => evaluation.indicators.push(node),
        Some(parent) => {
            let parent = evaluation.indicator_mut(parent)?;
            parent.children.push(node);
        }
    }
    Some(id)
}

/// Inserts a new, empty indicator right after `sibling`; returns its id.
pub fn add_sibling(evaluation: &mut Evaluation, sibling: &str) -> Option<String> {
    let id = next_id(evaluation);
    let (list, index) = locate(&mut evaluation.indicators, sibling)?;
    list.insert(index + 1, blank(id.clone()));
    Some(id)
}

/// Removes a node and its subtree; returns it.
pub fn remove(evaluation: &mut Evaluation, id: &str) -> Option<Indicator> {
    let (list, index) = locate(&mut evaluation.indicators, id)?;
    Some(list.remove(index))
}

/// Moves a node one place up (`-1`) or down (`+1`) among its siblings; false at either end.
pub fn shift(evaluation: &mut Evaluation, id: &str, up: bool) -> bool {
    let Some((list, index)) = locate(&mut evaluation.indicators, id) else {
        return false;
    };
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < list.len())
    };
    match target {
        Some(target) => {
            list.swap(index, target);
            true
        }
        None => false,
    }
}

/// What a row's buttons and keys do to its indicator (行操作).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// 上移 (Alt+↑).
    MoveUp,
    /// 下移 (Alt+↓).
    MoveDown,
    /// 添加同级 (Alt+Enter).
    AddSibling,
    /// 添加下级 (Alt+Shift+Enter).
    AddChild,
    /// 删除 (Alt+Delete).
    Remove,
}

impl RowAction {
    /// Applies the action to the node `id`; returns the node to focus afterwards: the moved or new
    /// node, or after a removal the row above it (so the keyboard stays in the table).
    pub fn apply(self, evaluation: &mut Evaluation, id: &str) -> Option<String> {
        match self {
            RowAction::MoveUp | RowAction::MoveDown => {
                shift(evaluation, id, self == RowAction::MoveUp);
                Some(id.to_string())
            }
            RowAction::AddSibling => add_sibling(evaluation, id),
            RowAction::AddChild => add_child(evaluation, Some(id)),
            RowAction::Remove => {
                let mut above = None;
                let mut previous: Option<&str> = None;
                evaluation.walk_indicators(&mut |node, _| {
                    if node.id == id && above.is_none() {
                        above = previous.map(str::to_string);
                    }
                    previous = Some(node.id.as_str());
                });
                remove(evaluation, id);
                above
            }
        }
    }
}

/// Undo / redo by snapshots (撤销 / 重做), with consecutive edits of the same field merged into one step.
#[derive(Clone, Debug)]
pub struct History {
    past: Vec<(Evaluation, String)>,
    future: Vec<Evaluation>,
    limit: usize,
    last_key: Option<String>,
}

impl History {
    /// A history keeping at most `limit` steps.
    pub fn new(limit: usize) -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            limit: limit.max(1),
            last_key: None,
        }
    }

    /// Records the state *before* an edit. Edits with the same non-empty `key` in a row (typing in one
    /// field) make one step; an empty key always starts a new step.
    pub fn record(&mut self, before: &Evaluation, scope: EditScope) {
        self.future.clear();
        let key = match scope {
            EditScope::Whole => "",
            EditScope::Field(path) => path,
        };
        if !key.is_empty() && self.last_key.as_deref() == Some(key) {
            return;
        }
        self.past.push((before.clone(), key.to_string()));
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.last_key = Some(key.to_string());
    }

    /// Ends the current merged step, so the next edit of the same field is a new step.
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    /// The state to go back to, given the current one (which becomes redoable).
    pub fn undo(&mut self, current: &Evaluation) -> Option<Evaluation> {
        let (previous, _) = self.past.pop()?;
        self.future.push(current.clone());
        self.last_key = None;
        Some(previous)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: &Evaluation) -> Option<Evaluation> {
        let next = self.future.pop()?;
        self.past.push((current.clone(), String::new()));
        self.last_key = None;
        Some(next)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets everything (after opening another file).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last_key = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::template;

    #[test]
    fn add_remove_and_move() {
        let mut e = template::load("nanjing-2024").unwrap();
        let id = add_child(&mut e, Some("1.1")).unwrap();
        assert_eq!(e.indicator("1.1").unwrap().children.last().unwrap().id, id);
        let sibling = add_sibling(&mut e, "1.1.1").unwrap();
        assert_eq!(e.indicator("1.1").unwrap().children[1].id, sibling);
        assert_ne!(id, sibling);
        assert!(shift(&mut e, &sibling, true));
        assert_eq!(e.indicator("1.1").unwrap().children[0].id, sibling);
        assert!(!shift(&mut e, &sibling, true), "already first");
        assert!(remove(&mut e, &sibling).is_some());
        assert!(e.indicator(&sibling).is_none());
        assert!(add_child(&mut e, Some("nope")).is_none());
        let top = add_child(&mut e, None).unwrap();
        assert_eq!(e.indicators.last().unwrap().id, top);
    }

    #[test]
    fn history_merges_typing_and_limits_steps() {
        let mut e = template::load("nanjing-2024").unwrap();
        let original = e.clone();
        let mut h = History::new(3);
        for name in ["a", "ab", "abc"] {
            h.record(&e, EditScope::Field("unit/name"));
            e.unit.name = name.into();
        }
        let back = h.undo(&e).unwrap();
        assert_eq!(back, original, "typing in one field is one step");
        let forward = h.redo(&back).unwrap();
        assert_eq!(forward.unit.name, "abc");
        let mut e = forward;
        for i in 0..5 {
            h.record(&e, EditScope::Whole);
            e.unit.year = 2000 + i;
        }
        let mut steps = 0;
        while let Some(prev) = h.undo(&e) {
            e = prev;
            steps += 1;
        }
        assert_eq!(steps, 3, "limit");
    }
}

#[cfg(test)]
mod row_action_tests {
    use super::*;

    #[test]
    fn each_action_edits_and_names_the_row_to_focus() {
        let mut e = crate::core::template::load("nanjing-2024").unwrap();
        let first = e.indicators[0].children[0].children[0].id.clone();
        let second = e.indicators[0].children[0].children[1].id.clone();
        assert_eq!(
            RowAction::MoveDown.apply(&mut e, &first),
            Some(first.clone())
        );
        assert_eq!(e.indicators[0].children[0].children[1].id, first);
        let added = RowAction::AddSibling.apply(&mut e, &first).unwrap();
        assert_eq!(e.indicators[0].children[0].children[2].id, added);
        let child = RowAction::AddChild.apply(&mut e, &added).unwrap();
        assert_eq!(
            e.indicators[0].children[0].children[2].children[0].id,
            child
        );
        // Removing the first leaf of the group focuses the group row above it.
        let group = e.indicators[0].children[0].id.clone();
        assert_eq!(RowAction::Remove.apply(&mut e, &second), Some(group));
    }
}
