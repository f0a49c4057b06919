//! 单位概况: the unit's profile, staffing, goals and the figures as printed.

use super::bind::{area, check, count, decimal, text};
use super::state::Document;
use crate::core::field;
use crate::core::EvaluationKind;
use leptos::prelude::*;

/// The 单位概况 tab.
#[component]
pub fn UnitForm() -> impl IntoView {
    let doc = expect_context::<Document>();
    let is_project = move || doc.evaluation.with(|e| e.kind == EvaluationKind::Project);
    view! {
        <section class="jx-form" data-testid="unit-form">
            <h2>"基本情况"</h2>
            <div class="jx-grid">
                {text(field::UNIT_NAME)}
                {text(field::UNIT_PARENT_DEPARTMENT)}
                {count(field::UNIT_YEAR, "年")}
                {count(field::UNIT_FOUNDED, "年")}
                {text(field::UNIT_NATURE)}
                {text(field::UNIT_SECTIONS)}
            </div>
            {area(field::UNIT_DUTIES, 2)}
            <h2>"人员编制"</h2>
            <div class="jx-grid">
                {count(field::UNIT_STAFFING_AUTHORIZED, "名")}
                {count(field::UNIT_STAFFING_ON_STAFF, "人")}
                {count(field::UNIT_STAFFING_CONTRACT, "人")}
            </div>
            <h2>"绩效目标"</h2>
            {area(field::GOALS_LONG_TERM, 3)}
            {area(field::GOALS_ANNUAL, 3)}
            <Show when=is_project>
                {area(field::GOALS_ANNUAL_ACTUAL, 3)}
            </Show>
            // 部门整体: the 年度主要任务 the targets are set from (88号 附2).
            <Show when=move || !is_project()>
                <super::tasks_form::AnnualTasksForm/>
            </Show>
            <h2>"报告所列结果（用于核对）"</h2>
            <div class="jx-grid">
                {decimal(field::STATED_TOTAL, "分")}
                {text(field::STATED_GRADE)}
                {decimal(field::SETTINGS_TOTAL_POINTS, "分")}
            </div>
            <h2>"填报信息（封面与签章栏）"</h2>
            <div class="jx-grid">
                {text(field::FILING_HEAD)}
                {text(field::FILING_FINANCE_HEAD)}
                {text(field::FILING_PREPARER)}
                {text(field::FILING_PHONE)}
                {text(field::FILING_DATE)}
                {text(field::FILING_METHOD)}
            </div>
            <div class="jx-checks">
                <Show when=move || !is_project()>
                    {check(field::FILING_COVER)}
                </Show>
                {check(field::FILING_SIGNATURE)}
            </div>
            <super::profile_form::ProfileForm/>
            <h2>"评分复核阈值"</h2>
            <div class="jx-grid">
                {decimal(field::SETTINGS_AUDIT_LOW_EXECUTION_RATE, "%")}
                {decimal(field::SETTINGS_AUDIT_HIGH_SCORE_SHARE, "%")}
                {decimal(field::SETTINGS_AUDIT_QUANTIFIED_SHARE, "%")}
                <label class="jx-field" data-path="settings/evidence_check">
                    <span class="jx-field-label">"佐证材料检查（提示）"</span>
                    <select class="jx-input jx-select" data-testid="evidence-check" aria-label="佐证材料检查"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            let check = crate::core::EvidenceCheck::ALL.into_iter().find(|c| c.key() == key).unwrap_or_default();
                            doc.edit(crate::core::edit::EditScope::Field("settings/evidence_check"), |e| e.settings.evidence_check = check);
                        }>
                        {crate::core::EvidenceCheck::ALL.into_iter().map(|c| view! {
                            <option value=c.key() selected=move || doc.evaluation.with(|e| e.settings.evidence_check == c)>{c.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        </section>
    }
}

super::lazy::capability!(pub UNIT, unit_form, "单位概况", || view! { <UnitForm/> }.into_any());
