//! The application shell: the mode bar (自评工作台 / 复核台), then either the workbench (header, toolbar,
//! banner, tabs and the open tab's content) or the reviewer's desk.

use super::accounts_form::AccountsForm;
use super::charts::ScoreChart;
use super::compare_tab::CompareTab;
use super::files::open_file;
use super::findings::FindingsList;
use super::header::Header;
use super::indicator_table::IndicatorTable;
use super::metrics_form::MetricsForm;
use super::report_tab::ReportTab;
use super::review::{files_of, Mode, Review, ReviewDesk};
use super::state::{ReadOnly, Tab, Workbench};
use super::toolbar::Toolbar;
use super::unit_form::UnitForm;
use super::what_if::WhatIfBar;
use crate::core::Severity;
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
    provide_context(state);
    provide_context(ReadOnly(readonly));
    let review = Review::new(&key);
    provide_context(review);
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
    let flush = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
    let flush_hidden =
        window_event_listener(leptos::ev::visibilitychange, move |_| state.save_now());
    // Two tabs on the same saved evaluation: the one that did not write is warned, not overwritten.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        state.storage_changed(ev.key(), ev.new_value());
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
                state.redo();
            }
            "z" => {
                ev.prevent_default();
                state.undo();
            }
            "y" => {
                ev.prevent_default();
                state.redo();
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
            Mode::Review => super::review::receive(review, files),
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
            node_ref=state.root
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
                Mode::Review => view! { <ReviewDesk/> }.into_any(),
            }}
            <div class="jx-drop-hint" aria-hidden="true">
                {move || if mode.get() == Mode::Review { "松开以读取这些文件（可多个，含 .zip）" } else { "松开以打开评价文件（JSON）" }}
            </div>
        </div>
    }
}

/// The workbench of the evaluation in context: header, toolbar (unless read-only), banner, tabs and
/// the open tab (also the read-only view of a file on the reviewer's desk).
#[component]
pub fn WorkbenchView(readonly: bool) -> impl IntoView {
    let state = expect_context::<Workbench>();
    view! {
        <Header/>
        {(!readonly).then(|| view! { <Toolbar/> })}
        <Banner/>
        <WhatIfBar/>
        <TabBar/>
        <main class="jx-main" class:jx-main-what-if=move || state.in_what_if()>
            {move || match state.tab.get() {
                // The report stays printable in read-only mode; it hides its own editors.
                Tab::Report => view! { <ReportTab/> }.into_any(),
                tab => view! {
                    // A disabled fieldset makes every control inside read-only in one place.
                    <fieldset class="jx-main-fieldset" disabled=readonly>
                        {match tab {
                            Tab::Unit => view! { <UnitForm/> }.into_any(),
                            Tab::Accounts => view! { <AccountsForm/> }.into_any(),
                            Tab::Metrics => view! { <MetricsForm/> }.into_any(),
                            Tab::Findings => view! { <FindingsList/> }.into_any(),
                            Tab::Compare => view! { <CompareTab/> }.into_any(),
                            Tab::Evidence => view! { <super::evidence_tab::EvidenceTab/> }.into_any(),
                            _ => view! { <ScoreChart/><IndicatorTable/> }.into_any(),
                        }}
                    </fieldset>
                }
                .into_any(),
            }}
        </main>
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

/// The message banner (errors in red), dismissible.
#[component]
fn Banner() -> impl IntoView {
    let state = expect_context::<Workbench>();
    move || {
        state.notice.get().map(|notice| {
            view! {
                <div class="jx-banner" class:jx-banner-error=notice.error role=if notice.error { "alert" } else { "status" }
                    data-testid="notice">
                    <span>{notice.text}</span>
                    <button type="button" class="jx-icon" aria-label="关闭提示" on:click=move |_| state.notice.set(None)>"✕"</button>
                </div>
            }
        })
    }
}

/// The tab bar (a state signal, not a router).
#[component]
fn TabBar() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let errors = move || state.assessment.with(|a| a.count(Severity::Error));
    view! {
        <nav class="jx-tabs" role="tablist" aria-label="工作区">
            {Tab::ALL.iter().map(|tab| {
                let tab = *tab;
                let show_badge = move || tab == Tab::Findings && errors() > 0;
                view! {
                    <button type="button" role="tab" class="jx-tab"
                        class:jx-tab-active=move || state.tab.get() == tab
                        aria-selected=move || (state.tab.get() == tab).to_string()
                        data-testid=format!("tab-{}", tab.key())
                        on:click=move |_| state.tab.set(tab)>
                        {tab.label()}
                        <Show when=show_badge>
                            <span class="jx-badge">{errors}</span>
                        </Show>
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}
