//! 年度主要任务 of a 部门整体 申报表 (88号 附2), edited in the 单位概况 tab: per task 任务名称, 主要内容 and
//! 预算金额 (总额, 财政拨款, 其他资金, 万元), added and removed; the 金额合计 as the form prints it, beside
//! the tasks' sum. The checks (each task's 总额, the 合计, the 年度资金总额) are the core's.

use super::fields::{DecimalField, TextField};
use super::state::Document;
use crate::core::edit::EditScope;
use crate::core::model::{AnnualTask, TaskAmounts, TaskColumn};
use crate::core::number::fmt_score;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The 年度主要任务 table.
#[component]
pub fn AnnualTasksForm() -> impl IntoView {
    let doc = expect_context::<Document>();
    let count = Memo::new(move |_| doc.evaluation.with(|e| e.tasks.tasks.len()));
    let amount = move |i: Option<usize>, column: TaskColumn| {
        let TaskColumn {
            label,
            key,
            get,
            set,
        } = column;
        // `None`: the 金额合计 row.
        let path = match i {
            Some(i) => format!("tasks/tasks/{i}/amounts/{key}"),
            None => format!("tasks/stated_total/{key}"),
        };
        let value = Signal::derive(move || {
            doc.evaluation.with(|e| match i {
                Some(i) => e.tasks.tasks.get(i).and_then(|t| get(&t.amounts)),
                None => e.tasks.stated_total.as_ref().and_then(get),
            })
        });
        let scope = path.clone();
        let on_change = Callback::new(move |v: Option<Decimal>| {
            doc.edit(EditScope::Field(&scope), |e| match i {
                Some(i) => {
                    if let Some(task) = e.tasks.tasks.get_mut(i) {
                        set(&mut task.amounts, v)
                    }
                }
                None => {
                    let total = e.tasks.stated_total.get_or_insert_with(Default::default);
                    set(total, v);
                    if *total == TaskAmounts::default() {
                        e.tasks.stated_total = None;
                    }
                }
            })
        });
        view! { <DecimalField label=label path=path value=value on_change=on_change compact=true/> }
    };
    let words = move |i: usize, label: &'static str, key: &'static str| {
        let path = format!("tasks/tasks/{i}/{key}");
        let value = Signal::derive(move || {
            doc.evaluation.with(|e| {
                e.tasks
                    .tasks
                    .get(i)
                    .map(|t| {
                        if key == "name" {
                            t.name.clone()
                        } else {
                            t.content.clone()
                        }
                    })
                    .unwrap_or_default()
            })
        });
        let scope = path.clone();
        let on_change = Callback::new(move |v: String| {
            doc.edit(EditScope::Field(&scope), |e| {
                if let Some(task) = e.tasks.tasks.get_mut(i) {
                    if key == "name" {
                        task.name = v
                    } else {
                        task.content = v
                    }
                }
            })
        });
        view! { <TextField label=label path=path value=value on_change=on_change compact=true/> }
    };
    // The tasks' sum per column, beside the 金额合计 as printed.
    let sums = move || {
        doc.evaluation.with(|e| {
            TaskAmounts::COLUMNS
                .map(|c| e.tasks.column_sum(c.get).map(fmt_score).unwrap_or_default())
                .join(" / ")
        })
    };
    view! {
        <h2>"年度主要任务（万元）"</h2>
        <table class="jx-table jx-funds" data-testid="annual-tasks">
            <thead><tr><th>"任务名称"</th><th>"主要内容"</th><th>"总额"</th><th>"财政拨款"</th><th>"其他资金"</th><th></th></tr></thead>
            <tbody>
                {move || (0..count.get()).map(|i| view! {
                    <tr data-testid="annual-task">
                        <td>{words(i, "任务名称", "name")}</td>
                        <td>{words(i, "主要内容", "content")}</td>
                        {TaskAmounts::COLUMNS.map(|a| view! { <td>{amount(Some(i), a)}</td> })}
                        <td><button type="button" class="jx-icon" aria-label="删除任务" data-testid="remove-task"
                            on:click=move |_| doc.edit(EditScope::Whole, |e| {
                                if i < e.tasks.tasks.len() {
                                    e.tasks.tasks.remove(i);
                                }
                            })>"×"</button></td>
                    </tr>
                }).collect_view()}
                <tr>
                    <th colspan="2">"金额合计（如表所列）"</th>
                    {TaskAmounts::COLUMNS.map(|a| view! { <td>{amount(None, a)}</td> })}
                    <td></td>
                </tr>
            </tbody>
        </table>
        <p class="jx-muted" data-testid="annual-tasks-sum">"各任务合计（总额 / 财政拨款 / 其他资金）："{sums}</p>
        <button type="button" class="jx-btn" data-testid="add-task" on:click=move |_| doc.edit(EditScope::Whole, |e| {
            e.tasks.tasks.push(AnnualTask::default())
        })>"+ 任务"</button>
    }
}
