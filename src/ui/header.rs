//! Header: unit, year, kind, live total, grade badge and findings count.

use super::state::Workbench;
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
    let errors = move || state.assessment.with(|a| a.count(Severity::Error));
    let warnings = move || state.assessment.with(|a| a.count(Severity::Warning));
    view! {
        <header class="jx-header">
            <div class="jx-title">
                <h1 data-testid="unit-title">{title}</h1>
                <span class="jx-kind">{kind}"绩效自评"</span>
            </div>
            <div class="jx-score">
                <span class="jx-label">"总分"</span>
                <strong data-testid="total-score">{total}</strong>
                <span class="jx-grade" data-testid="grade">{grade}</span>
                <span class="jx-findings" data-testid="findings-count">
                    "错误 "{errors}" · 警告 "{warnings}
                </span>
            </div>
        </header>
    }
}
