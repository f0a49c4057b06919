//! 评分口径: the profile an evaluation is scored under (grade bands, whether a band's lower bound is in
//! it, rounding), chosen once from the built-in ones or set by hand; stated in the report.

use super::fields::{CountField, DecimalField, TextField};
use super::state::Document;
use crate::core::edit::EditScope;
use crate::core::number::RoundingMode;
use crate::core::profile::{apply, current, describe, find, PROFILES};
use leptos::prelude::*;

/// Applies a hand edit of the settings: the evaluation is then under its own 自定义 profile, unless
/// the edit brought it back to the one it names.
fn edit_settings(doc: Document, path: &str, change: impl FnOnce(&mut crate::core::Settings)) {
    doc.edit(EditScope::Field(path), |e| {
        change(&mut e.settings);
        e.settings.profile = current(&e.settings)
            .map(|p| p.key.to_string())
            .unwrap_or_default();
    });
}

/// The 评分口径 section of 单位概况.
#[component]
pub fn ProfileForm() -> impl IntoView {
    let doc = expect_context::<Document>();
    let chosen = move || {
        doc.evaluation
            .with(|e| current(&e.settings).map(|p| p.key).unwrap_or(""))
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some(profile) = find(&key) {
            doc.edit(EditScope::Field("settings/profile"), |e| {
                apply(&mut e.settings, profile)
            });
        }
    };
    let source = move || {
        doc.evaluation.with(|e| {
            current(&e.settings)
                .map(|p| format!("依据：{}", p.source))
                .unwrap_or_else(|| "自定义：按下方设置。".into())
        })
    };
    let count = move || doc.evaluation.with(|e| e.settings.grade_bands.len());
    view! {
        <h2>"评分口径"</h2>
        <div class="jx-grid">
            <label class="jx-field" data-path="settings/profile">
                <span class="jx-field-label">"口径"</span>
                <select class="jx-input jx-select" data-testid="profile-select" aria-label="评分口径"
                    prop:value=chosen on:change=on_pick>
                    <option value="">"自定义"</option>
                    {PROFILES.iter().map(|p| view! { <option value=p.key>{p.name}</option> }).collect_view()}
                </select>
            </label>
            <CountField label="计算得分保留小数位" path="settings/rounding/decimals" unit="位"
                value=Signal::derive(move || doc.evaluation.with(|e| Some(i64::from(e.settings.rounding.decimals))))
                on_change=Callback::new(move |v: Option<i64>| {
                    if let Some(n) = v.and_then(|n| u32::try_from(n).ok()).filter(|n| *n <= 6) {
                        edit_settings(doc, "settings/rounding/decimals", |s| s.rounding.decimals = n);
                    }
                })/>
            <label class="jx-field" data-path="settings/rounding/mode">
                <span class="jx-field-label">"取舍方式"</span>
                <select class="jx-input jx-select" aria-label="取舍方式"
                    prop:value=move || doc.evaluation.with(|e| if e.settings.rounding.mode == RoundingMode::Truncate { "truncate" } else { "half_up" })
                    on:change=move |ev| {
                        let mode = if event_target_value(&ev) == "truncate" { RoundingMode::Truncate } else { RoundingMode::HalfUp };
                        edit_settings(doc, "settings/rounding/mode", |s| s.rounding.mode = mode);
                    }>
                    <option value="half_up">"四舍五入"</option>
                    <option value="truncate">"截断（不进位）"</option>
                </select>
            </label>
        </div>
        <p class="jx-muted" data-testid="profile-source">{source}</p>
        <table class="jx-bands" data-testid="grade-bands">
            <thead><tr><th>"等级"</th><th>"最低分"</th><th>"含最低分"</th></tr></thead>
            <tbody>
                {move || (0..count()).map(|i| {
                    let band = move || doc.evaluation.with(|e| e.settings.grade_bands.get(i).cloned());
                    let grade_path = format!("settings/grade_bands/{i}/grade");
                    let min_path = format!("settings/grade_bands/{i}/min");
                    let incl_path = format!("settings/grade_bands/{i}/min_inclusive");
                    let incl_cell = incl_path.clone();
                    view! {
                        <tr>
                            <td><TextField label="等级" path=grade_path.clone() compact=true
                                value=Signal::derive(move || band().map(|b| b.grade).unwrap_or_default())
                                on_change=Callback::new(move |v: String| edit_settings(doc, &grade_path, |s| {
                                    if let Some(b) = s.grade_bands.get_mut(i) { b.grade = v }
                                }))/></td>
                            <td><DecimalField label="最低分" path=min_path.clone() compact=true unit="分"
                                value=Signal::derive(move || band().map(|b| b.min))
                                on_change=Callback::new(move |v: Option<rust_decimal::Decimal>| {
                                    if let Some(v) = v {
                                        edit_settings(doc, &min_path, |s| if let Some(b) = s.grade_bands.get_mut(i) { b.min = v });
                                    }
                                })/></td>
                            <td data-path=incl_cell><input type="checkbox" aria-label="最低分本身属于该等级"
                                prop:checked=move || band().is_some_and(|b| b.min_inclusive)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit_settings(doc, &incl_path, |s| if let Some(b) = s.grade_bands.get_mut(i) { b.min_inclusive = on });
                                }/></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <p class="jx-muted" data-testid="profile-text">{move || doc.evaluation.with(|e| describe(&e.settings))}</p>
    }
}
