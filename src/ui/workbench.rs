//! The workbench of one evaluation (自评工作台): header, toolbar, banner, what-if bar, tab bar and the
//! open tab. Used by the app for the unit's own evaluation and, read-only, by the reviewer's desk for a
//! received file — so neither needs the other.

use super::accounts_form::ACCOUNTS;
use super::charts::ScoreChart;
use super::compare_tab::COMPARE;
use super::evidence_tab::EVIDENCE;
use super::findings::FindingsList;
use super::header::Header;
use super::indicator_table::IndicatorTable;
use super::lazy::Lazy;
use super::metrics_form::METRICS;
use super::report_tab::REPORT;
use super::stage_bar::StageBar;
use super::state::{Derived, Document, Navigator, Notices, Tab};
use super::toolbar::Toolbar;
use super::unit_form::UNIT;
use super::what_if::WhatIfBar;
use crate::core::model::Stage;
use crate::core::Severity;
use leptos::prelude::*;

/// The workbench of the evaluation in context: header, toolbar (unless read-only), banner, tabs and
/// the open tab (also the read-only view of a file on the reviewer's desk).
#[component]
pub fn WorkbenchView(readonly: bool) -> impl IntoView {
    let doc = expect_context::<Document>();
    let nav = expect_context::<Navigator>();
    view! {
        <Header/>
        {(!readonly).then(|| view! { <Toolbar/> })}
        <Banner/>
        <WhatIfBar/>
        <TabBar/>
        <main class="jx-main" class:jx-main-what-if=move || doc.in_what_if()>
            {move || match nav.tab.get() {
                // The report stays printable in read-only mode; it hides its own editors.
                Tab::Report => view! { <Lazy capability=&REPORT/> }.into_any(),
                tab => view! {
                    // A disabled fieldset makes every control inside read-only in one place.
                    <fieldset class="jx-main-fieldset" disabled=readonly>
                        {match tab {
                            Tab::Unit => view! { <Lazy capability=&UNIT/> }.into_any(),
                            Tab::Accounts => view! { <Lazy capability=&ACCOUNTS/> }.into_any(),
                            Tab::Metrics => view! { <Lazy capability=&METRICS/> }.into_any(),
                            Tab::Findings => view! { <FindingsList/> }.into_any(),
                            Tab::Compare => view! { <Lazy capability=&COMPARE/> }.into_any(),
                            Tab::Evidence => view! { <Lazy capability=&EVIDENCE/> }.into_any(),
                            _ => view! {
                                <StageBar/>
                                // Targets and monitoring have no scores to chart.
                                <Show when=move || doc.evaluation.with(|e| e.stage == Stage::SelfEvaluation)>
                                    <ScoreChart/>
                                </Show>
                                <IndicatorTable/>
                            }
                            .into_any(),
                        }}
                    </fieldset>
                }
                .into_any(),
            }}
        </main>
    }
}

/// The message banner (errors in red), dismissible.
#[component]
fn Banner() -> impl IntoView {
    let notices = expect_context::<Notices>();
    move || {
        notices.notice.get().map(|notice| {
            view! {
                <div class="jx-banner" class:jx-banner-error=notice.error role=if notice.error { "alert" } else { "status" }
                    data-testid="notice">
                    <span>{notice.text}</span>
                    <button type="button" class="jx-icon" aria-label="关闭提示" on:click=move |_| notices.notice.set(None)>"✕"</button>
                </div>
            }
        })
    }
}

/// The tab bar (a state signal, not a router).
#[component]
fn TabBar() -> impl IntoView {
    let derived = expect_context::<Derived>();
    let nav = expect_context::<Navigator>();
    let errors = move || derived.assessment.with(|a| a.count(Severity::Error));
    view! {
        <nav class="jx-tabs" role="tablist" aria-label="工作区">
            {Tab::ALL.iter().map(|tab| {
                let tab = *tab;
                let show_badge = move || tab == Tab::Findings && errors() > 0;
                view! {
                    <button type="button" role="tab" class="jx-tab"
                        class:jx-tab-active=move || nav.tab.get() == tab
                        aria-selected=move || (nav.tab.get() == tab).to_string()
                        data-testid=format!("tab-{}", tab.key())
                        on:click=move |_| nav.tab.set(tab)>
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
