//! 阶段与目标版本: the bar above the indicator table. In the target stage it moves the evaluation on
//! (进入下一阶段 to 运行监控, or straight to 年度自评; the targets approved on the date given); in the
//! monitoring stage it sets the period (1—N 月) and moves on; it shows the approved targets and
//! their adjustments, and records the changes made since as an adjustment with its date and reason. Each
//! step is one undoable edit; a refused step says why in the banner and changes nothing.

use super::state::{Document, Notices};
use crate::core::edit::EditScope;
use crate::core::model::Stage;
use crate::core::stage;
use leptos::prelude::*;

/// Today as the date input holds it ("2025-01-20").
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The stage and target-version bar.
#[component]
pub fn StageBar() -> impl IntoView {
    let doc = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let stage = Memo::new(move |_| doc.evaluation.with(|e| e.stage));
    let approved = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            e.targets
                .approved
                .as_ref()
                .map(|a| (a.date.clone(), e.targets.adjustments.len()))
        })
    });
    let unrecorded = Memo::new(move |_| {
        doc.evaluation
            .with(|e| e.targets.unrecorded(&e.indicators).len())
    });
    let adjustments = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            e.targets
                .adjustments
                .iter()
                .map(|a| {
                    let changes: Vec<String> = a.changes.iter().map(|c| c.sentence()).collect();
                    format!("{}（{}）：{}", a.date, a.reason, changes.join("；"))
                })
                .collect::<Vec<_>>()
        })
    });
    let date = RwSignal::new(today());
    let reason = RwSignal::new(String::new());
    // Moves to `to` (the following stage when `None`), one undoable step.
    let go = move |to: Option<Stage>| {
        let day = date.get_untracked();
        let moved = doc.evaluation.with_untracked(|e| match to {
            Some(to) => stage::move_to(e, to, &day),
            None => stage::next_stage(e, &day),
        });
        match moved {
            Ok(next) => {
                let label = next.stage.label();
                let approved = next
                    .targets
                    .approved
                    .as_ref()
                    .map_or(String::new(), |a| format!("，绩效目标于 {} 批复", a.date));
                doc.edit(EditScope::Whole, move |e| *e = next);
                notices.tell(
                    false,
                    format!("已进入{label}阶段：指标体系和指标值不变{approved}（可撤销）"),
                );
            }
            Err(error) => notices.tell(true, error.to_string()),
        }
    };
    let month = Memo::new(move |_| {
        doc.evaluation
            .with(|e| e.monitoring.unwrap_or_default().month)
    });
    let set_month = move |ev: leptos::ev::Event| {
        if let Ok(month) = event_target_value(&ev).parse::<u8>() {
            doc.edit(EditScope::Whole, move |e| {
                e.monitoring = Some(crate::core::model::MonitoringPeriod { month })
            });
        }
    };
    let record = move |_| {
        let (day, why) = (date.get_untracked(), reason.get_untracked());
        let mut adjusted = doc.evaluation.get_untracked();
        match stage::record_adjustment(&mut adjusted, &day, &why) {
            Ok(count) => {
                doc.edit(EditScope::Whole, move |e| *e = adjusted);
                reason.set(String::new());
                notices.tell(false, format!("已记录目标调整：{count} 项（{day}，{why}）"));
            }
            Err(error) => notices.tell(true, error.to_string()),
        }
    };
    let date_input = move || {
        view! {
            <input type="date" class="jx-input jx-date" aria-label="日期" data-testid="stage-date"
                prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
        }
    };
    view! {
        <Show when=move || stage.get() == Stage::Target>
            <div class="jx-stage-bar" data-testid="stage-bar">
                <span>"绩效目标（申报）：审核通过、预算批复后进入运行监控，指标值原样带入。批复日期"</span>
                {date_input}
                <button type="button" class="jx-btn jx-primary" data-testid="next-stage" on:click=move |_| go(None)>
                    "进入下一阶段：运行监控"
                </button>
                <button type="button" class="jx-btn" data-testid="to-self-evaluation" on:click=move |_| go(Some(Stage::SelfEvaluation))
                    title="不开展运行监控的项目">"直接进入年度自评"</button>
            </div>
        </Show>
        <Show when=move || stage.get() == Stage::Monitoring>
            <div class="jx-stage-bar" data-testid="monitoring-bar">
                <label>"监控期：1—"
                    <select class="jx-input" aria-label="监控期截至月份" data-testid="monitoring-month" on:change=set_month>
                        {(1..=12u8).map(|m| view! {
                            <option value=m.to_string() selected=move || month.get() == m>{m}</option>
                        }).collect_view()}
                    </select>
                    "月（序时进度 = 月数 ÷ 12）"
                </label>
                <button type="button" class="jx-btn jx-primary" data-testid="next-stage" on:click=move |_| go(None)>
                    "进入下一阶段：年度自评"
                </button>
            </div>
        </Show>
        <Show when=move || stage.get() != Stage::Target && approved.get().is_some()>
            <div class="jx-stage-bar" data-testid="target-versions">
                <span data-testid="target-approved">
                    {move || approved.get().map(|(day, n)| {
                        let adjusted = if n == 0 { "，未调整".to_string() } else { format!("，调整 {n} 次") };
                        format!("绩效目标于 {day} 批复{adjusted}")
                    })}
                </span>
                <Show when=move || { unrecorded.get() > 0 }>
                    <span class="jx-c-err" data-testid="unrecorded">
                        {move || format!("有 {} 项指标值与批复（或上次调整）后不同：", unrecorded.get())}
                    </span>
                    <input type="text" class="jx-input" aria-label="调整原因" placeholder="调整原因" data-testid="adjust-reason"
                        prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                    {date_input}
                    <button type="button" class="jx-btn" data-testid="record-adjustment" on:click=record>"记录目标调整"</button>
                </Show>
                <ul class="jx-adjustments">
                    <For each=move || adjustments.get() key=|line| line.clone() let:line>
                        <li data-testid="adjustment">{line}</li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
