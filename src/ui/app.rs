//! The application shell: header, toolbar, banner, tabs and the open tab's content.

use super::accounts_form::AccountsForm;
use super::charts::ScoreChart;
use super::files::open_file;
use super::findings::FindingsList;
use super::header::Header;
use super::indicator_table::IndicatorTable;
use super::metrics_form::MetricsForm;
use super::report_tab::ReportTab;
use super::state::{ReadOnly, Tab, Workbench};
use super::toolbar::Toolbar;
use super::unit_form::UnitForm;
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
) -> impl IntoView {
    let state = state.unwrap_or_else(|| {
        Workbench::new(
            storage_key.as_deref().unwrap_or("default"),
            template.as_deref().unwrap_or("nanjing-2024"),
        )
    });
    provide_context(state);
    provide_context(ReadOnly(readonly));
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
    // Shortcuts are scoped to the workbench, never the host page.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() {
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
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(state, file);
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
            <Header/>
            {(!readonly).then(|| view! { <Toolbar/> })}
            <Banner/>
            <TabBar/>
            <main class="jx-main">
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
                                _ => view! { <ScoreChart/><IndicatorTable/> }.into_any(),
                            }}
                        </fieldset>
                    }
                    .into_any(),
                }}
            </main>
            <div class="jx-drop-hint" aria-hidden="true">"松开以打开评价文件（JSON）"</div>
        </div>
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
