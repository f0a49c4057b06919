//! Which rows of a large tree are built (按需生成) and moving the focus between rows.

use super::super::state::Navigator;
use crate::core::Evaluation;
use leptos::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A row's place in the tree (structure only: changes when nodes are added, removed or moved).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RowInfo {
    pub(super) id: String,
    pub(super) depth: usize,
    pub(super) leaf: bool,
    /// Pre-order position, which is also its position in the assessment's nodes.
    pub(super) order: usize,
    /// The evaluation's stage: the target and monitoring stages show their own columns. Part of the row's
    /// key, so moving to the next stage rebuilds the rows.
    pub(super) stage: crate::core::model::Stage,
}

pub(super) fn structure(e: &Evaluation) -> Vec<RowInfo> {
    let mut rows = Vec::new();
    let stage = e.stage;
    e.walk_indicators(&mut |node, depth| {
        rows.push(RowInfo {
            id: node.id.clone(),
            depth,
            leaf: node.is_leaf(),
            order: rows.len(),
            stage,
        });
    });
    rows
}

pub(super) const LEVELS: [&str; 4] = ["一级", "二级", "三级", "四级"];

/// From this many rows on, a row is built when it comes near the screen (按需生成): a 2,000-row tree
/// opens with its first screen editable instead of first building some 80,000 elements. Until then a row
/// is its level and name only, so the scroll height, Ctrl+F and the row count stay as they will be.
pub(super) const LAZY_FROM: usize = 300;
/// Rows built at once in a large tree: the first screen, before the observer has measured anything.
pub(super) const FIRST_ROWS: usize = 30;
/// The indentation of a waiting row by depth (static strings: no `format!` per row).
pub(super) const PENDING_INDENT: [&str; 6] = [
    "jx-pending-0",
    "jx-pending-1",
    "jx-pending-2",
    "jx-pending-3",
    "jx-pending-4",
    "jx-pending-5",
];
/// How far beyond the screen rows are built: ↑ / ↓ through the rows never meets an unbuilt one.
pub(super) const BUILD_MARGIN: &str = "800px 0px";

/// The rows of a large tree still waiting to be built, and the ids built once: a row re-created after a
/// move or an insertion (which shifts every later row) is built again at once, as is a row about to take
/// the focus.
#[derive(Clone, Copy)]
pub(super) struct RowWindow {
    pub(super) large: StoredValue<bool>,
    waiting: StoredValue<FxHashMap<String, RwSignal<bool>>>,
    built: StoredValue<FxHashSet<String>>,
}

impl RowWindow {
    pub(super) fn new() -> Self {
        Self {
            large: StoredValue::new(false),
            waiting: StoredValue::new(FxHashMap::default()),
            built: StoredValue::new(FxHashSet::default()),
        }
    }

    /// The signal the row waits on, or `None` when it is built now.
    pub(super) fn wait(&self, row: &RowInfo) -> Option<RwSignal<bool>> {
        if !self.large.get_value()
            || row.order < FIRST_ROWS
            || self.built.with_value(|b| b.contains(&row.id))
        {
            self.built.update_value(|b| {
                b.insert(row.id.clone());
            });
            return None;
        }
        let shown = RwSignal::new(false);
        self.waiting.update_value(|w| {
            w.insert(row.id.clone(), shown);
        });
        Some(shown)
    }

    /// Builds the row now if it waits, and whenever it is made again.
    pub(super) fn show(&self, id: &str) {
        self.built.update_value(|b| {
            b.insert(id.to_string());
        });
        if let Some(shown) = self.waiting.try_update_value(|w| w.remove(id)).flatten() {
            shown.set(true);
        }
    }

    /// A waiting row is gone (its place in the tree changed): forgotten, unless a newer row of that id
    /// already waits.
    pub(super) fn forget(&self, id: &str, shown: RwSignal<bool>) {
        self.waiting.update_value(|w| {
            if w.get(id) == Some(&shown) {
                w.remove(id);
            }
        });
    }

    /// Watches the waiting rows of `table` and builds those that come within `BUILD_MARGIN` of the
    /// screen. One observer for the table; it is disconnected when the table goes.
    pub(super) fn observe(self, table: NodeRef<leptos::html::Table>, rows: Memo<Vec<RowInfo>>) {
        let on_near = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter() {
                    let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                    if entry.is_intersecting() {
                        let target = entry.target();
                        observer.unobserve(&target);
                        if let Some(id) = target.get_attribute("data-wait") {
                            self.show(&id);
                        }
                    }
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(BUILD_MARGIN);
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            on_near.as_ref().unchecked_ref(),
            &options,
        ) else {
            // No observer (a very old engine): build every row, as a small tree does.
            self.large.set_value(false);
            return;
        };
        let kept = StoredValue::new_local((observer.clone(), on_near));
        // After every change of the rows (the DOM is written by then): watch exactly the waiting ones.
        Effect::new(move |_| {
            rows.track();
            let Some(table) = table.get() else { return };
            let observer = observer.clone();
            request_animation_frame(move || {
                observer.disconnect();
                if let Ok(waiting) = table.query_selector_all("tbody[data-wait]") {
                    for i in 0..waiting.length() {
                        if let Some(el) = waiting
                            .get(i)
                            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                        {
                            observer.observe(&el);
                        }
                    }
                }
            });
        });
        on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
    }
}

pub(super) fn focus_name(nav: Navigator, window: RowWindow, id: &str) {
    window.show(id);
    let root = nav.root;
    let selector = format!(
        "[data-path=\"indicators/{}/name\"] input",
        id.replace('"', "")
    );
    request_animation_frame(move || {
        if let Some(el) = root
            .get_untracked()
            .and_then(|r| r.query_selector(&selector).ok().flatten())
        {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Moves focus to the name box of the previous / next row (rows sit in one `<tbody>` each).
pub(super) fn focus_neighbour(ev: &web_sys::KeyboardEvent, up: bool) {
    let Some(row) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("tr[data-testid='indicator-row']").ok().flatten())
    else {
        return;
    };
    let Some(rows) = row.closest("table").ok().flatten().and_then(|table| {
        table
            .query_selector_all("tr[data-testid='indicator-row']")
            .ok()
    }) else {
        return;
    };
    let count = rows.length();
    let Some(index) = (0..count).find(|i| rows.get(*i).is_some_and(|r| r.is_same_node(Some(&row))))
    else {
        return;
    };
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < count)
    };
    let input = target
        .and_then(|i| rows.get(i))
        .and_then(|r| r.dyn_into::<web_sys::Element>().ok())
        .and_then(|r| r.query_selector("input").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        ev.prevent_default();
    }
}
