//! The application shell: the mode bar (自评工作台 / 复核台), then either the workbench (header, toolbar,
//! banner, tabs and the open tab's content) or the reviewer's desk.

use super::lazy::Lazy;
use super::open::open_file;
use super::review::{files_of, DeskSlot, Mode, DESK};
use super::state::{ReadOnly, Workbench};
use super::workbench::WorkbenchView;
use leptos::prelude::*;

/// The whole workbench. `storage_key` separates the autosave of several instances; `template` is
/// opened when nothing is saved yet.
#[component]
pub fn App(
    /// Autosave key (default "default").
    #[prop(optional, into)]
    storage_key: Option<String>,
    /// Built-in template opened when nothing is saved (default the Nanjing example).
    #[prop(optional, into)]
    template: Option<String>,
    /// A state made by the caller (the embedding code, to listen to it); else one is made here.
    #[prop(optional)]
    state: Option<Workbench>,
    /// View and print only: the forms cannot be edited.
    #[prop(optional)]
    readonly: bool,
    /// The face shown first: `review` for the reviewer's desk, else the workbench.
    #[prop(default = None)]
    mode: Option<String>,
) -> impl IntoView {
    let key = storage_key.unwrap_or_else(|| "default".to_string());
    let state = state
        .unwrap_or_else(|| Workbench::new(&key, template.as_deref().unwrap_or("nanjing-2024")));
    state.provide();
    let doc = state.document;
    provide_context(ReadOnly(readonly));
    let desk = DeskSlot::new(&key);
    provide_context(desk.clone());
    // The face asked for (data-mode, ?mode=), else the one last used: a reviewer who reloads is back
    // at the desk.
    let mode_key = format!("jixiao:{key}:mode");
    let stored = super::storage::local_storage().and_then(|s| s.get_item(&mode_key).ok().flatten());
    let mode = RwSignal::new(Mode::from_name(mode.as_deref().or(stored.as_deref())));
    provide_context(mode);
    Effect::new(move |_| {
        let name = mode.get().name();
        if let Some(storage) = super::storage::local_storage() {
            let _ = storage.set_item(&mode_key, name);
        }
    });
    // Flush the pending autosave when the page is hidden or closed.
    let flush = window_event_listener(leptos::ev::pagehide, move |_| doc.save_now());
    let flush_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| doc.save_now());
    // Two tabs on the same saved evaluation: the one that did not write is warned, not overwritten.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        doc.storage_changed(ev.key(), ev.new_value());
    });
    on_cleanup(move || {
        flush.remove();
        flush_hidden.remove();
        other_tab.remove();
    });
    // Shortcuts are scoped to the workbench, never the host page (nor the desk, which has no undo).
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key())
            || ev.alt_key()
            || mode.get_untracked() != Mode::Workbench
        {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                doc.redo();
            }
            "z" => {
                ev.prevent_default();
                doc.undo();
            }
            "y" => {
                ev.prevent_default();
                doc.redo();
            }
            _ => {}
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        match mode.get_untracked() {
            // The desk takes every file dropped; the workbench opens one.
            Mode::Review => desk.receive(files),
            Mode::Workbench => {
                if let Some(file) = files.into_iter().next() {
                    open_file(state, file);
                }
            }
        }
    };
    view! {
        <div
            class="jx-app"
            class:jx-dragging=move || dragging.get()
            data-testid="workbench"
            node_ref=state.navigator.root
            on:keydown=on_keydown
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <ModeBar/>
            {move || match mode.get() {
                Mode::Workbench => view! { <WorkbenchView readonly=readonly/> }.into_any(),
                Mode::Review => view! { <Lazy capability=&DESK/> }.into_any(),
            }}
            <div class="jx-drop-hint" aria-hidden="true">
                {move || if mode.get() == Mode::Review { "松开以读取这些文件（可多个，含 .zip）" } else { "松开以打开评价文件（JSON）" }}
            </div>
        </div>
    }
}

/// Switches between the unit's workbench and the reviewer's desk (a state signal, not a route).
#[component]
fn ModeBar() -> impl IntoView {
    let mode = expect_context::<RwSignal<Mode>>();
    let button = move |m: Mode, label: &'static str, testid: &'static str| {
        view! {
            <button type="button" role="tab" class="jx-mode" class:jx-mode-active=move || mode.get() == m
                aria-selected=move || (mode.get() == m).to_string() data-testid=testid
                on:click=move |_| mode.set(m)>{label}</button>
        }
    };
    view! {
        <nav class="jx-modes" role="tablist" aria-label="模式">
            {button(Mode::Workbench, "自评工作台", "mode-workbench")}
            {button(Mode::Review, "复核台", "mode-review")}
        </nav>
    }
}
