//! Where the user is (导航): the open tab, the selected row and the highlighted field.

use super::keyed::Keyed;
use crate::core::path::FieldPath;
pub use crate::ui::tabs::Tab;
use leptos::html::Div;
use leptos::prelude::*;

/// The tab, selection and focus of one workbench instance (context).
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The open tab.
    pub tab: RwSignal<Tab>,
    /// The indicator row last focused in the table (where the 指标库 inserts).
    pub selected: RwSignal<Option<String>>,
    /// The path of the field to highlight (after clicking a finding; read it through [`Navigator::is_focused`]).
    pub focus: RwSignal<Option<String>>,
    /// The instance's root element (queries stay inside it, also in a shadow root).
    pub root: NodeRef<Div>,
    /// Per field path: notified when it gains or loses the focus highlight.
    focus_keys: Keyed,
}

impl Navigator {
    pub(super) fn new() -> Self {
        let navigator = Navigator {
            tab: RwSignal::new(Tab::Indicators),
            selected: RwSignal::new(None),
            focus: RwSignal::new(None),
            root: NodeRef::new(),
            focus_keys: Keyed::new(),
        };
        let (focus, focus_keys) = (navigator.focus, navigator.focus_keys);
        Effect::new(move |previous: Option<Option<String>>| {
            let now = focus.get();
            for path in [previous.flatten(), now.clone()].into_iter().flatten() {
                focus_keys.notify(&path);
            }
            now
        });
        navigator
    }

    /// Whether `path` is the field a finding pointed at; the caller re-runs only when that changes.
    pub fn is_focused(&self, path: &str) -> bool {
        self.focus_keys.track(path);
        self.focus.with_untracked(|f| f.as_deref() == Some(path))
    }

    /// Switches to the tab of `path`, then scrolls to, highlights and focuses its field.
    pub fn go_to(&self, path: &FieldPath) {
        self.tab.set(Tab::for_path(path));
        self.focus.set(Some(path.to_string()));
        let root = self.root;
        let path = path.to_string();
        request_animation_frame(move || focus_field(root, path, 60));
    }
}

/// Scrolls to and focuses the field at `path`, else the nearest enclosing one (e.g. a row for a rule
/// problem). A row of a large tree not built yet (`tbody[data-wait]`) is built by coming into view: it is
/// scrolled to and tried again on the next frames, `tries` more times. A tab whose code is still arriving
/// (its chunk, see `ui::lazy`) is waited for from the same budget, every 50 ms: 60 tries cover a cold
/// chunk (under 200 ms measured) with room to spare, and a waiting row's few frames.
fn focus_field(root: NodeRef<Div>, path: String, tries: u32) {
    let Some(root_el) = root.get_untracked() else {
        return;
    };
    let loading = root_el
        .query_selector("[data-testid=\"chunk-loading\"]")
        .ok()
        .flatten()
        .is_some();
    if loading && tries > 0 {
        let again = move || focus_field(root, path, tries - 1);
        set_timeout(again, std::time::Duration::from_millis(50));
        return;
    }
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
