//! Triggers by key (an indicator id, a field path), so each of thousands of rows depends on its own key.
//!
//! When N subscribers of one source re-run, the reactive graph's ordered subscriber sets cost O(N²) (a
//! 2,000-row tree took 2 s per keystroke). A row therefore tracks its own key here, and the parts of
//! the state notify the keys whose value changed (by diffing the new value against the last).

use leptos::prelude::*;
use std::collections::HashMap;

/// Triggers by key: lets each row depend on its own key instead of on one signal that thousands of
/// rows share.
#[derive(Clone, Copy)]
pub struct Keyed(StoredValue<HashMap<String, ArcTrigger>, LocalStorage>);

impl Keyed {
    pub(super) fn new() -> Self {
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

    /// An effect that notifies the keys whose value changed each time `read` yields a new map.
    pub(super) fn follow<V: PartialEq + 'static>(
        self,
        read: impl Fn() -> HashMap<String, V> + 'static,
    ) {
        Effect::new(move |previous: Option<HashMap<String, V>>| {
            let now = read();
            if let Some(previous) = previous {
                self.notify_changes(&previous, &now);
            }
            now
        });
    }
}
