//! 单位概况: the unit's profile, staffing, goals and the figures as printed.

use super::bind::{area, check, count, decimal, text};
use super::state::Workbench;
use crate::core::EvaluationKind;
use leptos::prelude::*;

fn to_u32(v: Option<i64>) -> Option<u32> {
    v.and_then(|n| u32::try_from(n).ok())
}

/// The 单位概况 tab.
#[component]
pub fn UnitForm() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let is_project = move || state.evaluation.with(|e| e.kind == EvaluationKind::Project);
    view! {
        <section class="jx-form" data-testid="unit-form">
            <h2>"基本情况"</h2>
            <div class="jx-grid">
                {text("单位名称", "unit/name", |e| e.unit.name.clone(), |e, v| e.unit.name = v)}
                {text("主管部门", "unit/parent_department", |e| e.unit.parent_department.clone(), |e, v| e.unit.parent_department = v)}
                {count("评价年度", "unit/year", "年", |e| Some(i64::from(e.unit.year)), |e, v| {
                    if let Some(y) = v.and_then(|n| i32::try_from(n).ok()) { e.unit.year = y }
                })}
                {count("成立年份", "unit/founded", "年", |e| e.unit.founded.map(i64::from), |e, v| {
                    e.unit.founded = v.and_then(|n| i32::try_from(n).ok())
                })}
                {text("单位性质", "unit/nature", |e| e.unit.nature.clone(), |e, v| e.unit.nature = v)}
                {text("内设科室（用顿号分隔）", "unit/sections", |e| e.unit.sections.join("、"), |e, v| {
                    e.unit.sections = v.split(['、', ',', '，']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
                })}
            </div>
            {area("主要职能", "unit/duties", 2, |e| e.unit.duties.clone(), |e, v| e.unit.duties = v)}
            <h2>"人员编制"</h2>
            <div class="jx-grid">
                {count("核定编制", "unit/staffing/authorized", "名", |e| e.unit.staffing.authorized.map(i64::from), |e, v| e.unit.staffing.authorized = to_u32(v))}
                {count("实际在编", "unit/staffing/on_staff", "人", |e| e.unit.staffing.on_staff.map(i64::from), |e, v| e.unit.staffing.on_staff = to_u32(v))}
                {count("编外聘用", "unit/staffing/contract", "人", |e| e.unit.staffing.contract.map(i64::from), |e, v| e.unit.staffing.contract = to_u32(v))}
            </div>
            <h2>"绩效目标"</h2>
            {area("中长期目标", "goals/long_term", 3, |e| e.goals.long_term.clone(), |e, v| e.goals.long_term = v)}
            {area("年度目标（预期）", "goals/annual", 3, |e| e.goals.annual.clone(), |e, v| e.goals.annual = v)}
            <Show when=is_project>
                {area("年度总体目标实际完成情况", "goals/annual_actual", 3, |e| e.goals.annual_actual.clone(), |e, v| e.goals.annual_actual = v)}
            </Show>
            <h2>"报告所列结果（用于核对）"</h2>
            <div class="jx-grid">
                {decimal("报告所列总分", "stated/total", "分", |e| e.stated.total, |e, v| e.stated.total = v)}
                {text("报告所列等级", "stated/grade", |e| e.stated.grade.clone().unwrap_or_default(), |e, v| {
                    e.stated.grade = if v.trim().is_empty() { None } else { Some(v) }
                })}
                {decimal("总分值", "settings/total_points", "分", |e| Some(e.settings.total_points), |e, v| {
                    if let Some(v) = v { e.settings.total_points = v }
                })}
            </div>
            <h2>"填报信息（封面与签章栏）"</h2>
            <div class="jx-grid">
                {text("单位负责人", "filing/head", |e| e.filing.head.clone(), |e, v| e.filing.head = v)}
                {text("财务负责人", "filing/finance_head", |e| e.filing.finance_head.clone(), |e, v| e.filing.finance_head = v)}
                {text("填报人", "filing/preparer", |e| e.filing.preparer.clone(), |e, v| e.filing.preparer = v)}
                {text("联系电话", "filing/phone", |e| e.filing.phone.clone(), |e, v| e.filing.phone = v)}
                {text("填报日期 / 报告日期", "filing/date", |e| e.filing.date.clone(), |e, v| e.filing.date = v)}
                {text("评价方式（封面，默认“单位自评”）", "filing/method", |e| e.filing.method.clone(), |e, v| e.filing.method = v)}
            </div>
            <div class="jx-checks">
                <Show when=move || !is_project()>
                    {check("报告加封面", "filing/cover", |e| e.filing.cover, |e, v| e.filing.cover = v)}
                </Show>
                {check("报告末尾加签章栏（单位盖章、负责人签字）", "filing/signature", |e| e.filing.signature, |e, v| e.filing.signature = v)}
            </div>
            <super::profile_form::ProfileForm/>
            <h2>"评分复核阈值"</h2>
            <div class="jx-grid">
                {decimal("执行率低于此值为偏低", "settings/audit/low_execution_rate", "%", |e| Some(e.settings.audit.low_execution_rate), |e, v| {
                    if let Some(v) = v { e.settings.audit.low_execution_rate = v }
                })}
                {decimal("指标得分达分值的此比例视为“两张皮”", "settings/audit/high_score_share", "%", |e| Some(e.settings.audit.high_score_share), |e, v| {
                    if let Some(v) = v { e.settings.audit.high_score_share = v }
                })}
                <label class="jx-field" data-path="settings/evidence_check">
                    <span class="jx-field-label">"佐证材料检查（提示）"</span>
                    <select class="jx-input jx-select" data-testid="evidence-check" aria-label="佐证材料检查"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            let check = crate::core::EvidenceCheck::ALL.into_iter().find(|c| c.key() == key).unwrap_or_default();
                            state.edit(crate::core::edit::EditScope::Field("settings/evidence_check"), |e| e.settings.evidence_check = check);
                        }>
                        {crate::core::EvidenceCheck::ALL.into_iter().map(|c| view! {
                            <option value=c.key() selected=move || state.evaluation.with(|e| e.settings.evidence_check == c)>{c.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        </section>
    }
}
