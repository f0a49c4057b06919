//! Header: unit, year, kind, live total, grade badge and findings count.

use super::state::{Derived, Document, Navigator, Tab};
use crate::core::number::fmt_score;
use crate::core::Severity;
use leptos::prelude::*;

/// The header bar.
#[component]
pub fn Header() -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let nav = expect_context::<Navigator>();
    let title = move || doc.evaluation.with(|e| e.title());
    let kind = move || doc.evaluation.with(|e| e.kind.label());
    let total = move || derived.assessment.with(|a| fmt_score(a.total));
    let grade = move || derived.assessment.with(|a| a.grade.clone());
    let count = move |s: Severity| move || derived.assessment.with(|a| a.count(s));
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
                    on:click=move |_| nav.tab.set(Tab::Findings) title="查看检查结果">
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
