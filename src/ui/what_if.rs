//! 模拟 (what-if): the bar shown while the user tries changes in a scratch copy — total, grade and
//! findings before and after, the rows that moved — with 应用 and 放弃. The editing itself is the
//! ordinary workbench; [`Workbench`] keeps the original and saves only it.

use super::state::{Derived, Document, Navigator, Notices};
use crate::core::number::fmt_score;
use crate::core::path::FieldPath;
use crate::core::what_if::movement;
use crate::core::{assess, Assessment};
use leptos::prelude::*;

/// The button that starts a simulation.
#[component]
pub fn WhatIfButton() -> impl IntoView {
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    view! {
        <button type="button" class="jx-btn" data-testid="what-if"
            title="在草稿副本中改动得分或数据，看总分、等级和检查结果如何变化，再决定应用或放弃"
            prop:disabled=move || doc.in_what_if()
            on:click=move |_| {
                doc.start_what_if();
                notices.tell(false, "已进入模拟：以下改动只在草稿中，不会保存；用上方的“应用改动”或“放弃”结束模拟。");
            }>"模拟（假如…）"</button>
    }
}

fn signed(v: rust_decimal::Decimal) -> String {
    if v.is_sign_negative() {
        fmt_score(v)
    } else {
        format!("+{}", fmt_score(v))
    }
}

/// The bar of a simulation in progress (nothing when none is).
#[component]
pub fn WhatIfBar() -> impl IntoView {
    let doc = expect_context::<Document>();
    let nav = expect_context::<Navigator>();
    let notices = expect_context::<Notices>();
    let derived = expect_context::<Derived>();
    // The original is scored once, when the simulation starts.
    let before = Memo::new(move |_| doc.baseline.with(|b| b.as_ref().map(assess)));
    let moved = Memo::new(move |_| {
        let before: Option<Assessment> = before.get();
        let before = before?;
        doc.baseline.with(|original| {
            let original = original.as_ref()?;
            Some(doc.evaluation.with(|copy| {
                derived
                    .assessment
                    .with(|after| movement(original, &before, copy, after))
            }))
        })
    });
    move || {
        moved.get().map(|m| {
            let (was, now) = (m.total.last.unwrap_or_default(), m.total.this.unwrap_or_default());
            let head = format!(
                "总分 {} → {}（{}），等级“{}” → “{}”；新增问题 {} 项，消除问题 {} 项。",
                fmt_score(was),
                fmt_score(now),
                signed(now - was),
                m.grades.0,
                m.grades.1,
                m.appeared.len(),
                m.resolved.len()
            );
            let rows = m.rows.iter().take(8).map(|r| {
                let text = format!(
                    "{}：{} → {}",
                    r.name,
                    r.score.last.map(fmt_score).unwrap_or_else(|| "—".into()),
                    r.score.this.map(fmt_score).unwrap_or_else(|| "—".into())
                );
                let path = FieldPath::indicator(&r.id);
                view! { <li data-testid="what-if-row"><button type="button" class="jx-linkish" on:click=move |_| nav.go_to(&path)>{text}</button></li> }
            }).collect_view();
            let findings = m.appeared.iter().take(5).map(|f| {
                let path = f.path.clone();
                let text = format!("新增{}：{}", f.severity.label(), f.message);
                view! { <li data-testid="what-if-finding"><button type="button" class="jx-linkish" on:click=move |_| nav.go_to(&path)>{text}</button></li> }
            }).collect_view();
            view! {
                <section class="jx-what-if" data-testid="what-if-bar" role="region" aria-label="模拟">
                    <div class="jx-what-if-head">
                        <strong>"模拟中（草稿，不保存）"</strong>
                        <span data-testid="what-if-summary">{head}</span>
                        <button type="button" class="jx-btn" data-testid="what-if-apply"
                            on:click=move |_| {
                                doc.apply_what_if();
                                notices.tell(false, "已应用模拟改动并保存（可撤销）。");
                            }>"应用改动"</button>
                        <button type="button" class="jx-btn" data-testid="what-if-discard"
                            on:click=move |_| {
                                doc.discard_what_if();
                                notices.tell(false, "已放弃模拟改动，评价恢复为模拟前。");
                            }>"放弃"</button>
                    </div>
                    <ul class="jx-what-if-list">{rows}{findings}</ul>
                </section>
            }
        })
    }
}
