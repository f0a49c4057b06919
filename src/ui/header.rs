//! Header: unit, year, kind, live total, grade badge and findings count.

use super::state::{Tab, Workbench};
use crate::core::number::fmt_score;
use crate::core::Severity;
use leptos::prelude::*;

/// The header bar.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let title = move || state.evaluation.with(|e| e.title());
    let kind = move || state.evaluation.with(|e| e.kind.label());
    let total = move || state.assessment.with(|a| fmt_score(a.total));
    let grade = move || state.assessment.with(|a| a.grade.clone());
    let count = move |s: Severity| move || state.assessment.with(|a| a.count(s));
    let grade_class = move || format!("jx-grade jx-grade-{}", grade());
    view! {
        <header class="jx-header">
            <div class="jx-title">
                <h1 data-testid="unit-title">{title}</h1>
                <span class="jx-kind">{kind}"绩效自评"</span>
            </div>
            <div class="jx-score" aria-live="polite">
                <span class="jx-label">"总分"</span>
                <strong data-testid="total-score">{total}</strong>
                <span class=grade_class data-testid="grade">{grade}</span>
                <button type="button" class="jx-findings-count" data-testid="findings-count"
                    on:click=move |_| state.tab.set(Tab::Findings) title="查看检查结果">
                    <span class="jx-c-err">"错误 "{count(Severity::Error)}</span>
                    " · "
                    <span class="jx-c-warn">"警告 "{count(Severity::Warning)}</span>
                    " · "
                    <span class="jx-c-info">"提示 "{count(Severity::Info)}</span>
                </button>
            </div>
        </header>
    }
}
