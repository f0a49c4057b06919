//! Charts drawn as SVG from Rust (no JS chart library). Decimals become f64 only here, for geometry.

use super::state::{Derived, Document};
use crate::core::number::{fmt2, fmt_score};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// One horizontal bar: a label, the full value (light) and the achieved value (dark).
#[derive(Clone, PartialEq)]
struct Bar {
    label: String,
    full: Decimal,
    achieved: Option<Decimal>,
    caption: String,
}

const WIDTH: f64 = 560.0;
const LABEL_W: f64 = 150.0;
const ROW_H: f64 = 26.0;

fn bars_svg(bars: Vec<Bar>, title: &'static str, testid: &'static str) -> impl IntoView {
    let max = bars
        .iter()
        .map(|b| b.full.max(b.achieved.unwrap_or_default()))
        .max()
        .and_then(|m| m.to_f64())
        .filter(|m| *m > 0.0)
        .unwrap_or(1.0);
    let scale = (WIDTH - LABEL_W - 90.0) / max;
    let height = ROW_H * bars.len() as f64 + 8.0;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + ROW_H * i as f64;
            let full_w = bar.full.to_f64().unwrap_or(0.0).max(0.0) * scale;
            let got_w = bar.achieved.and_then(|a| a.to_f64()).unwrap_or(0.0).max(0.0) * scale;
            view! {
                <g>
                    <text x=LABEL_W - 6.0 y=y + 16.0 text-anchor="end" class="jx-chart-label">{bar.label}</text>
                    <rect x=LABEL_W y=y + 3.0 width=full_w height=ROW_H - 8.0 class="jx-bar-full"></rect>
                    <rect x=LABEL_W y=y + 3.0 width=got_w height=ROW_H - 8.0 class="jx-bar-got"></rect>
                    <text x=LABEL_W + full_w.max(got_w) + 6.0 y=y + 16.0 class="jx-chart-value">{bar.caption}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="jx-chart" data-testid=testid>
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") width="100%" role="img" aria-label=title>
                {rows}
            </svg>
        </figure>
    }
}

/// 得分与分值: score achieved against 分值 for each 一级指标.
#[component]
pub fn ScoreChart() -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let bars = Memo::new(move |_| {
        derived.assessment.with(|a| {
            a.nodes
                .iter()
                .filter(|n| n.depth == 0)
                .map(|n| Bar {
                    label: doc.evaluation.with(|e| {
                        e.indicator(&n.id)
                            .map(|i| i.name.clone())
                            .unwrap_or_default()
                    }),
                    full: n.points,
                    achieved: Some(n.score),
                    caption: format!("{} / {}", fmt_score(n.score), fmt_score(n.points)),
                })
                .collect::<Vec<_>>()
        })
    });
    move || bars_svg(bars.get(), "一级指标得分与分值", "score-chart")
}

/// 预算与执行: initial and adjusted budget against spending, 万元.
#[component]
pub fn BudgetChart() -> impl IntoView {
    let doc = expect_context::<Document>();
    let bars = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            let a = &e.accounts;
            let spent = a.expense_total;
            let mut bars = Vec::new();
            for (label, budget) in [
                ("年初预算", a.initial_expense.or(a.initial_income)),
                ("全年预算数", a.adjusted_budget),
            ] {
                if let Some(budget) = budget {
                    bars.push(Bar {
                        label: format!("{label} / 本年支出"),
                        full: budget,
                        achieved: spent,
                        caption: format!(
                            "{} / {} 万元",
                            spent.map(fmt2).unwrap_or_else(|| "—".into()),
                            fmt2(budget)
                        ),
                    });
                }
            }
            if let Some(project) = &e.project {
                for line in &project.funds {
                    if let Some(adjusted) = line.adjusted {
                        bars.push(Bar {
                            label: line.source.clone(),
                            full: adjusted,
                            achieved: line.executed,
                            caption: format!(
                                "{} / {} 万元",
                                line.executed.map(fmt2).unwrap_or_else(|| "—".into()),
                                fmt2(adjusted)
                            ),
                        });
                    }
                }
            }
            bars
        })
    });
    move || {
        let bars = bars.get();
        if bars.is_empty() {
            view! { <p class="jx-muted">"填写预算和支出后显示预算执行图。"</p> }.into_any()
        } else {
            bars_svg(bars, "预算与执行（万元）", "budget-chart").into_any()
        }
    }
}
