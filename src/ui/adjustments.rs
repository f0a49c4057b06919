//! 加减分项: commendations earned (by level, the same work counted once) and deductions with reasons.

use super::fields::{DecimalField, TextField};
use super::state::{Derived, Document};
use crate::core::edit::EditScope;
use crate::core::field::{self, Field};
use crate::core::number::fmt_score;
use crate::core::{BonusItem, PenaltyItem};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The 加减分项 editor under the indicator table.
#[component]
pub fn AdjustmentsEditor() -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let bonus_count = Memo::new(move |_| doc.evaluation.with(|e| e.adjustments.bonus.items.len()));
    let penalty_count =
        Memo::new(move |_| doc.evaluation.with(|e| e.adjustments.penalty.items.len()));
    let levels = Memo::new(move |_| doc.evaluation.with(|e| e.adjustments.bonus.levels.clone()));
    let summary = move || {
        derived.assessment.with(|a| {
            format!(
                "加分 {} 分 · 减分 {} 分（各自上限见右）",
                fmt_score(a.bonus),
                fmt_score(a.penalty)
            )
        })
    };
    let cap = Signal::derive(move || doc.evaluation.with(|e| Some(e.adjustments.cap)));
    let criteria = move || {
        doc.evaluation
            .with(|e| e.adjustments.bonus.criteria.clone())
    };
    view! {
        <div class="jx-adjust" data-testid="adjustments" data-path="adjustments">
            <h3>"加减分项"</h3>
            <div class="jx-inline">
                <span>{summary}</span>
                <DecimalField label="每组上限" path="adjustments/cap" value=cap unit="分"
                    on_change=Callback::new(move |v: Option<Decimal>| doc.edit(EditScope::Field("adjustments/cap"), |e| e.adjustments.cap = v.unwrap_or_default()))/>
            </div>
            <h4>"加分项"</h4>
            <p class="jx-muted">{criteria}</p>
            <table class="jx-table" data-path="adjustments/bonus">
                <thead><tr><th>"工作事项"</th><th>"嘉奖级别"</th><th>"佐证"</th><th></th></tr></thead>
                <tbody>
                    {move || (0..bonus_count.get()).map(|i| {
                        let path = format!("adjustments/bonus/items/{i}");
                        let text = move |f: fn(&BonusItem) -> String| Signal::derive(move || doc.evaluation.with(|e| e.adjustments.bonus.items.get(i).map(f).unwrap_or_default()));
                        let set = move |field: Field<BonusItem, String>| Callback::new(move |v: String| doc.edit(EditScope::Field(&format!("bonus{i}{}", field.key)), |e| {
                            if let Some(item) = e.adjustments.bonus.items.get_mut(i) {
                                (field.set)(item, v)
                            }
                        }));
                        let level = move || doc.evaluation.with(|e| e.adjustments.bonus.items.get(i).map(|x| x.level.clone()).unwrap_or_default());
                        view! {
                            <tr data-path=path.clone()>
                                <td><TextField label=field::BONUS_WORK.label path=format!("{path}/{}", field::BONUS_WORK.key) value=text(field::BONUS_WORK.get) on_change=set(field::BONUS_WORK) compact=true/></td>
                                <td>
                                    <select class="jx-input jx-select" aria-label="嘉奖级别" prop:value=level on:change=move |ev| {
                                        let chosen = event_target_value(&ev);
                                        doc.edit(EditScope::Whole, |e| if let Some(item) = e.adjustments.bonus.items.get_mut(i) { item.level = chosen });
                                    }>
                                        <option value="">"请选择"</option>
                                        {move || levels.get().into_iter().map(|l| {
                                            let label = format!("{}（{} 分）", l.label, fmt_score(l.points));
                                            view! { <option value=l.label>{label}</option> }
                                        }).collect_view()}
                                    </select>
                                </td>
                                <td><TextField label=field::BONUS_EVIDENCE.label path=format!("{path}/{}", field::BONUS_EVIDENCE.key) value=text(field::BONUS_EVIDENCE.get) on_change=set(field::BONUS_EVIDENCE) compact=true/></td>
                                <td><button type="button" class="jx-icon jx-danger" aria-label="删除加分事项" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                                    if i < e.adjustments.bonus.items.len() { e.adjustments.bonus.items.remove(i); }
                                })>"✕"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="jx-btn" data-testid="add-bonus" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                e.adjustments.bonus.items.push(BonusItem::default())
            })>"+ 加分事项"</button>
            <h4>"减分项"</h4>
            <table class="jx-table" data-path="adjustments/penalty">
                <thead><tr><th>"事项"</th><th>"减分"</th><th>"扣分原因"</th><th></th></tr></thead>
                <tbody>
                    {move || (0..penalty_count.get()).map(|i| {
                        let path = format!("adjustments/penalty/items/{i}");
                        let text = move |f: fn(&PenaltyItem) -> String| Signal::derive(move || doc.evaluation.with(|e| e.adjustments.penalty.items.get(i).map(f).unwrap_or_default()));
                        let set = move |field: Field<PenaltyItem, String>| Callback::new(move |v: String| doc.edit(EditScope::Field(&format!("penalty{i}{}", field.key)), |e| {
                            if let Some(item) = e.adjustments.penalty.items.get_mut(i) {
                                (field.set)(item, v)
                            }
                        }));
                        let points = Signal::derive(move || doc.evaluation.with(|e| e.adjustments.penalty.items.get(i).map(|x| x.points)));
                        view! {
                            <tr data-path=path.clone()>
                                <td><TextField label=field::PENALTY_DESCRIPTION.label path=format!("{path}/{}", field::PENALTY_DESCRIPTION.key) value=text(field::PENALTY_DESCRIPTION.get) on_change=set(field::PENALTY_DESCRIPTION) compact=true/></td>
                                <td><DecimalField label="减分" path=format!("{path}/points") value=points compact=true unit="分"
                                    on_change=Callback::new(move |v: Option<Decimal>| doc.edit(EditScope::Field(&format!("penalty{i}points")), |e| {
                                        if let Some(item) = e.adjustments.penalty.items.get_mut(i) { item.points = v.unwrap_or_default() }
                                    }))/></td>
                                <td><TextField label=field::PENALTY_REASON.label path=format!("{path}/{}", field::PENALTY_REASON.key) value=text(field::PENALTY_REASON.get) on_change=set(field::PENALTY_REASON) compact=true/></td>
                                <td><button type="button" class="jx-icon jx-danger" aria-label="删除减分事项" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                                    if i < e.adjustments.penalty.items.len() { e.adjustments.penalty.items.remove(i); }
                                })>"✕"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="jx-btn" data-testid="add-penalty" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                e.adjustments.penalty.items.push(PenaltyItem::default())
            })>"+ 减分事项"</button>
        </div>
    }
}
