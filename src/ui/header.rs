//! Header: unit, year, kind and stage, live total, grade badge and findings count. In the target stage
//! (目标申报) nothing is scored: the header says so instead of a total of 0, with the self-check's grade.

use super::state::{Derived, Document, Navigator, Tab};
use crate::core::model::Stage;
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
    let stage = move || doc.evaluation.with(|e| e.stage);
    let form = move || match stage() {
        Stage::Target => "绩效目标申报",
        Stage::Monitoring => "绩效运行监控",
        Stage::SelfEvaluation => "绩效自评",
    };
    let total = move || derived.assessment.with(|a| fmt_score(a.total));
    let grade = move || derived.assessment.with(|a| a.grade.clone());
    let count = move |s: Severity| move || derived.assessment.with(|a| a.count(s));
    let grade_class = move || format!("jx-grade jx-grade-{}", grade());
    // The monitoring stage's project light.
    let monitoring = move || {
        derived.assessment.with(|a| {
            a.lights.as_ref().map(|l| {
                format!(
                    "运行监控（{}）：不评分，项目{}",
                    l.period,
                    l.project.map_or("无法判断", |p| p.label())
                )
            })
        })
    };
    // The target stage's self-check (审核意见), its reasons on hover.
    let review = move || {
        derived.assessment.with(|a| {
            a.target_review
                .as_ref()
                .map(|r| format!("自查：{}", r.label()))
        })
    };
    let review_reasons = move || {
        derived.assessment.with(|a| {
            a.target_review
                .as_ref()
                .map(|r| format!("{}\n{}", r.sentence(), r.reasons.join("\n")))
        })
    };
    view! {
        <header class="jx-header">
            <div class="jx-title">
                <h1 data-testid="unit-title">{title}</h1>
                <span class="jx-kind" data-testid="stage">{kind}{form}</span>
            </div>
            <div class="jx-score" aria-live="polite">
                <Show when=move || stage() == Stage::Monitoring>
                    <span class="jx-label" data-testid="monitoring-light">{monitoring}</span>
                </Show>
                <Show when=move || stage() != Stage::Target && stage() != Stage::Monitoring
                    fallback=move || (stage() == Stage::Target).then(|| view! {
                        <span class="jx-label" data-testid="not-scored">"目标申报阶段：不评分，检查绩效目标"</span>
                        <span class="jx-grade" data-testid="target-review" title=review_reasons>{review}</span>
                    })>
                    <span class="jx-label">"总分"</span>
                    <strong data-testid="total-score">{total}</strong>
                    <span class=grade_class data-testid="grade">{grade}</span>
                </Show>
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
