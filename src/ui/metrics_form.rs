//! 业务指标: business metrics with their prior-year value, stated growth and breakdowns.

use super::accounts_form::Reconciliations;
use super::fields::{DecimalField, TextField};
use super::state::{Document, Tab};
use crate::core::edit::EditScope;
use crate::core::field::{self, Field};
use crate::core::metric::growth;
use crate::core::{Breakdown, BusinessMetric, MetricPart};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The 业务指标 tab.
#[component]
pub fn MetricsForm() -> impl IntoView {
    let doc = expect_context::<Document>();
    let count = Memo::new(move |_| doc.evaluation.with(|e| e.metrics.len()));
    view! {
        <section class="jx-form" data-testid="metrics-form">
            <h2>"业务指标"</h2>
            <p class="jx-muted">"报告中引用的业务数据。分项合计与总数、所列同比增长都会自动核对。"</p>
            {move || (0..count.get()).map(|i| view! { <MetricCard index=i/> }).collect_view()}
            <button type="button" class="jx-btn" data-testid="add-metric" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                let key = format!("m{}", e.metrics.len() + 1);
                e.metrics.push(BusinessMetric { key, name: "新业务指标".into(), ..Default::default() })
            })>"+ 业务指标"</button>
            <Reconciliations tab=Tab::Metrics/>
        </section>
    }
}

fn metric_text(i: usize, field: Field<BusinessMetric, String>) -> impl IntoView {
    let label = field.label;
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || {
        doc.evaluation
            .with(|e| e.metrics.get(i).map(field.get))
            .unwrap_or_default()
    });
    let path = doc.evaluation.with_untracked(|e| {
        e.metrics
            .get(i)
            .map(|m| format!("metrics/{}/{}", m.key, field.key))
            .unwrap_or_default()
    });
    let on_change = Callback::new(move |v: String| {
        doc.edit(
            EditScope::Field(&format!("metrics/{i}/{}", field.key)),
            |e| {
                if let Some(m) = e.metrics.get_mut(i) {
                    (field.set)(m, v)
                }
            },
        )
    });
    view! { <TextField label=label path=path value=value on_change=on_change/> }
}

fn metric_number(
    i: usize,
    field: Field<BusinessMetric, Option<Decimal>>,
    unit: String,
) -> impl IntoView {
    let doc = expect_context::<Document>();
    let value = Signal::derive(move || {
        doc.evaluation
            .with(|e| e.metrics.get(i).and_then(field.get))
    });
    let path = doc.evaluation.with_untracked(|e| {
        e.metrics
            .get(i)
            .map(|m| format!("metrics/{}/{}", m.key, field.key))
            .unwrap_or_default()
    });
    let on_change = Callback::new(move |v: Option<Decimal>| {
        doc.edit(
            EditScope::Field(&format!("metrics/{i}/{}", field.key)),
            |e| {
                if let Some(m) = e.metrics.get_mut(i) {
                    (field.set)(m, v)
                }
            },
        )
    });
    // A growth may be negative; counts and values may not.
    let allow_negative = field.key == field::METRIC_STATED_GROWTH.key;
    view! { <DecimalField label=field.label path=path value=value on_change=on_change unit=unit allow_negative=allow_negative/> }
}

#[component]
fn MetricCard(index: usize) -> impl IntoView {
    let doc = expect_context::<Document>();
    let i = index;
    let growth_text = move || {
        doc.evaluation.with(|e| {
            e.metrics
                .get(i)
                .and_then(|m| growth(m.value, m.prior))
                .map(|g| format!("{g}%"))
                .unwrap_or_else(|| "—".into())
        })
    };
    let breakdowns = Memo::new(move |_| {
        doc.evaluation
            .with(|e| e.metrics.get(i).map_or(0, |m| m.breakdowns.len()))
    });
    let unit = doc
        .evaluation
        .with_untracked(|e| e.metrics.get(i).map(|m| m.unit.clone()).unwrap_or_default());
    view! {
        <div class="jx-card" data-testid="metric-card">
            <div class="jx-grid">
                {metric_text(i, field::METRIC_NAME)}
                {metric_text(i, field::METRIC_UNIT)}
                {metric_text(i, field::METRIC_KEY)}
                {metric_number(i, field::METRIC_VALUE, unit.clone())}
                {metric_number(i, field::METRIC_PRIOR, unit)}
                {metric_number(i, field::METRIC_STATED_GROWTH, "%".to_string())}
            </div>
            <p class="jx-computed">"同比增长（计算）："{growth_text}</p>
            {move || (0..breakdowns.get()).map(|b| view! { <BreakdownEditor metric=i index=b/> }).collect_view()}
            <div class="jx-actions">
                <button type="button" class="jx-btn" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                    if let Some(m) = e.metrics.get_mut(i) {
                        m.breakdowns.push(Breakdown { label: "分项".into(), parts: vec![MetricPart::default(), MetricPart::default()] })
                    }
                })>"+ 分项构成"</button>
                <button type="button" class="jx-btn jx-danger" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                    if i < e.metrics.len() { e.metrics.remove(i); }
                })>"删除此指标"</button>
            </div>
        </div>
    }
}

#[component]
fn BreakdownEditor(metric: usize, index: usize) -> impl IntoView {
    let doc = expect_context::<Document>();
    let (i, b) = (metric, index);
    let parts = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            e.metrics
                .get(i)
                .and_then(|m| m.breakdowns.get(b))
                .map_or(0, |x| x.parts.len())
        })
    });
    let label = Signal::derive(move || {
        doc.evaluation.with(|e| {
            e.metrics
                .get(i)
                .and_then(|m| m.breakdowns.get(b))
                .map(|x| x.label.clone())
                .unwrap_or_default()
        })
    });
    let path = doc.evaluation.with_untracked(|e| {
        e.metrics
            .get(i)
            .map(|m| format!("metrics/{}/breakdowns/{b}", m.key))
            .unwrap_or_default()
    });
    view! {
        <fieldset class="jx-breakdown" data-path=path.clone()>
            <legend>
                <TextField label="分项方式" path=format!("{path}/label") value=label compact=true
                    on_change=Callback::new(move |v: String| doc.edit(EditScope::Field(&format!("m{i}b{b}label")), |e| {
                        if let Some(x) = e.metrics.get_mut(i).and_then(|m| m.breakdowns.get_mut(b)) { x.label = v }
                    }))/>
            </legend>
            {let path = path.clone(); move || (0..parts.get()).map(|p| {
                let name = Signal::derive(move || doc.evaluation.with(|e| part(e, i, b, p).map(|x| x.name.clone()).unwrap_or_default()));
                let value = Signal::derive(move || doc.evaluation.with(|e| part(e, i, b, p).and_then(|x| x.value)));
                view! {
                    <div class="jx-part">
                        <TextField label="分项名称" path=format!("{path}/parts/{p}/name") value=name compact=true
                            on_change=Callback::new(move |v: String| doc.edit(EditScope::Field(&format!("m{i}b{b}p{p}n")), |e| {
                                if let Some(x) = part_mut(e, i, b, p) { x.name = v }
                            }))/>
                        <DecimalField label="分项数值" path=format!("{path}/parts/{p}/value") value=value compact=true
                            on_change=Callback::new(move |v: Option<Decimal>| doc.edit(EditScope::Field(&format!("m{i}b{b}p{p}v")), |e| {
                                if let Some(x) = part_mut(e, i, b, p) { x.value = v }
                            }))/>
                        <button type="button" class="jx-icon" aria-label="删除分项" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                            if let Some(x) = e.metrics.get_mut(i).and_then(|m| m.breakdowns.get_mut(b)) {
                                if p < x.parts.len() { x.parts.remove(p); }
                            }
                        })>"✕"</button>
                    </div>
                }
            }).collect_view()}
            <button type="button" class="jx-btn" on:click=move |_| doc.edit(EditScope::Whole, |e| {
                if let Some(x) = e.metrics.get_mut(i).and_then(|m| m.breakdowns.get_mut(b)) { x.parts.push(MetricPart::default()) }
            })>"+ 分项"</button>
        </fieldset>
    }
}

fn part(e: &crate::core::Evaluation, i: usize, b: usize, p: usize) -> Option<&MetricPart> {
    e.metrics.get(i)?.breakdowns.get(b)?.parts.get(p)
}

fn part_mut(
    e: &mut crate::core::Evaluation,
    i: usize,
    b: usize,
    p: usize,
) -> Option<&mut MetricPart> {
    e.metrics
        .get_mut(i)?
        .breakdowns
        .get_mut(b)?
        .parts
        .get_mut(p)
}

super::lazy::capability!(pub METRICS, metrics, "业务指标", || view! { <MetricsForm/> }.into_any());
