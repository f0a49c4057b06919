//! 指标体系与评分: the scoring table laid out like the annex, editable in place. Rows carry
//! `data-testid="indicator-row"` and `data-path="indicators/<id>"`.
//!
//! Keyboard, in any row: ↑ / ↓ move between rows; Alt+↑ / Alt+↓ move the indicator among its siblings;
//! Alt+Enter adds a sibling below, Alt+Shift+Enter a sub-indicator; Alt+Delete removes the indicator.
//!
//! [`window`] decides which rows of a large tree are built; [`row`] is one built row.

mod row;
mod window;

use super::lazy::Lazy;
use super::library_panel::{LibraryOpen, LIBRARY};
use super::state::{Derived, Document, Navigator, Notices};
use crate::core::edit::{self, EditScope};
use crate::core::model::Stage;
use crate::core::number::fmt_score;
use crate::core::EvaluationKind;
use leptos::prelude::*;
use row::BuiltRow;
use wasm_bindgen::JsCast;
use window::{focus_name, structure, RowInfo, RowWindow, LAZY_FROM, LEVELS, PENDING_INDENT};

/// The indicator table with its totals and the 加减分项.
#[component]
pub fn IndicatorTable() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let nav = expect_context::<Navigator>();
    let window = RowWindow::new();
    let rows = Memo::new(move |_| {
        doc.tree.track();
        let rows = doc.evaluation.with_untracked(structure);
        window.large.set_value(rows.len() >= LAZY_FROM);
        rows
    });
    let table = NodeRef::<leptos::html::Table>::new();
    window.observe(table, rows);
    let project = Memo::new(move |_| doc.evaluation.with(|e| e.kind == EvaluationKind::Project));
    let target = Memo::new(move |_| doc.evaluation.with(|e| e.stage == Stage::Target));
    let monitoring = Memo::new(move |_| doc.evaluation.with(|e| e.stage == Stage::Monitoring));
    let period = Memo::new(move |_| {
        doc.evaluation
            .with(|e| e.monitoring.unwrap_or_default().label())
    });
    let reason_header = move || {
        if project.get() {
            "偏差原因分析及改进措施"
        } else {
            "扣分原因"
        }
    };
    let totals = move || {
        derived.assessment.with(|a| {
            if let Some(review) = &a.target_review {
                let leaves = a.counts.last().copied().unwrap_or(0);
                return format!("三级指标 {leaves} 个 · 自查{}", review.sentence());
            }
            if let Some(lights) = &a.lights {
                let count = |l: crate::core::lights::Light| {
                    lights.indicators.iter().filter(|x| x.light == l).count()
                };
                return format!(
                    "运行监控（{}）：项目{} · 指标 红灯 {} · 黄灯 {} · 绿灯 {} · 蓝灯 {}",
                    lights.period,
                    lights.project.map_or("无法判断", |l| l.label()),
                    count(crate::core::lights::Light::Red),
                    count(crate::core::lights::Light::Yellow),
                    count(crate::core::lights::Light::Green),
                    count(crate::core::lights::Light::Blue)
                );
            }
            format!(
                "分值合计 {} · 指标得分 {} · 加分 {} · 减分 {} · 总分 {}",
                fmt_score(a.points_total),
                fmt_score(a.base_score),
                fmt_score(a.bonus),
                fmt_score(a.penalty),
                fmt_score(a.total)
            )
        })
    };
    let library = RwSignal::new(false);
    provide_context(LibraryOpen(library));
    // The row last focused is where the 指标库 inserts (one listener, not one per row).
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("tr[data-path]").ok().flatten())
            .and_then(|tr| tr.get_attribute("data-path"));
        if let Some(id) = row.as_deref().and_then(|p| p.strip_prefix("indicators/")) {
            if nav.selected.with_untracked(|s| s.as_deref() != Some(id)) {
                nav.selected.set(Some(id.to_string()));
            }
        }
    };
    let (on_dragover, on_drop, on_paste) = evidence_listeners(doc, notices);
    view! {
        <section class="jx-tree" data-testid="indicator-section">
            <Show when=move || library.get()>
                <Lazy capability=&LIBRARY/>
            </Show>
            <div class="jx-tree-tools">
                <button type="button" class="jx-btn" data-testid="library-open" aria-expanded=move || library.get().to_string()
                    title="从指标库选用标准指标及其评分规则"
                    on:click=move |_| library.update(|o| *o = !*o)>"指标库"</button>
                <button type="button" class="jx-btn" data-testid="add-top" on:click=move |_| {
                    let mut new_id = None;
                    doc.edit(EditScope::Whole, |e| new_id = edit::add_child(e, None));
                    if let Some(id) = new_id { focus_name(nav, window, &id) }
                }>"+ 一级指标"</button>
                <span class="jx-muted">"键盘：↑↓ 切换行 · Alt+↑↓ 移动 · Alt+Enter 添加同级 · Alt+Shift+Enter 添加下级 · Alt+Delete 删除"</span>
            </div>
            // Laid out as a grid per row (see style/main.css), so the table roles are spelt out.
            <table class="jx-table jx-indicators" class:jx-project=move || project.get() && !target.get() && !monitoring.get()
                class:jx-target=move || target.get() class:jx-monitoring=move || monitoring.get() role="table" data-testid="indicator-table" node_ref=table
                on:focusin=on_focusin on:dragover=on_dragover on:drop=on_drop on:paste=on_paste>
                <thead role="rowgroup">
                    <Show when=move || target.get()>
                        <tr role="row">
                            <th role="columnheader" class="jx-col-name">"指标"</th>
                            <th role="columnheader">"指标值"</th>
                            <th role="columnheader">"计量单位"</th>
                            <th role="columnheader">"指标值设定依据"</th>
                            <th role="columnheader" class="jx-col-reason">"指标解释"</th>
                            <th role="columnheader">"操作"</th>
                        </tr>
                    </Show>
                    <Show when=move || monitoring.get()>
                        <tr role="row">
                            <th role="columnheader" class="jx-col-name">"指标"</th>
                            <th role="columnheader">"年度指标值"</th>
                            <th role="columnheader">{move || format!("{}完成值", period.get())}</th>
                            <th role="columnheader">"全年预计完成值"</th>
                            <th role="columnheader">"完成目标可能性"</th>
                            <th role="columnheader">"预警"</th>
                            <th role="columnheader">"偏差原因"</th>
                            <th role="columnheader" class="jx-col-reason">"纠偏措施"</th>
                            <th role="columnheader">"操作"</th>
                        </tr>
                    </Show>
                    <Show when=move || !target.get() && !monitoring.get()>
                    <tr role="row">
                        <th role="columnheader" class="jx-col-name">"指标"</th>
                        <th role="columnheader">"分值"</th>
                        <Show when=move || project.get()>
                            <th role="columnheader">"年度指标值"</th>
                            <th role="columnheader">"实际完成值"</th>
                        </Show>
                        <th role="columnheader">"评分规则"</th>
                        <th role="columnheader">"自评分"</th>
                        <th role="columnheader">"得分"</th>
                        <th role="columnheader" class="jx-col-reason">{reason_header}</th>
                        <th role="columnheader">"操作"</th>
                    </tr>
                    </Show>
                </thead>
                <For each=move || rows.get() key=|r| (r.id.clone(), r.order, r.leaf, r.depth, r.stage) let:row>
                    <IndicatorRow row=row project=project window=window/>
                </For>
                <tfoot role="rowgroup">
                    <tr role="row"><td role="cell" colspan="9" class="jx-totals" data-testid="tree-totals">{totals}</td></tr>
                </tfoot>
            </table>
            <super::adjustments::AdjustmentsEditor/>
        </section>
    }
}

/// Files dropped or pasted on a leaf row are its evidence: one listener for the table, not per row.
/// Returns the table's `dragover`, `drop` and `paste` listeners.
fn evidence_listeners(
    doc: Document,
    notices: Notices,
) -> (
    impl Fn(web_sys::DragEvent) + Copy,
    impl Fn(web_sys::DragEvent) + Copy,
    impl Fn(web_sys::ClipboardEvent) + Copy,
) {
    let leaf_of = |target: Option<web_sys::EventTarget>| {
        target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("tr.jx-leaf[data-path]").ok().flatten())
            .and_then(|tr| tr.get_attribute("data-path"))
            .and_then(|p| p.strip_prefix("indicators/").map(str::to_string))
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        if leaf_of(ev.target()).is_some() {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if let Some(id) = leaf_of(ev.target()) {
            // Not a file to open: the row's evidence.
            ev.prevent_default();
            ev.stop_propagation();
            let files =
                super::evidence_tab::dropped_files(ev.data_transfer().and_then(|d| d.files()));
            super::evidence_tab::attach(doc, notices, id, files);
        }
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let files = super::evidence_tab::dropped_files(ev.clipboard_data().and_then(|d| d.files()));
        // Text pastes into the fields as usual; only files (a screenshot) become evidence.
        if let (false, Some(id)) = (files.is_empty(), leaf_of(ev.target())) {
            ev.prevent_default();
            super::evidence_tab::attach(doc, notices, id, files);
        }
    };
    (on_dragover, on_drop, on_paste)
}

/// A row of the table: built at once, or (in a large tree) its name only until it comes near the screen.
#[component]
fn IndicatorRow(row: RowInfo, project: Memo<bool>, window: RowWindow) -> impl IntoView {
    let Some(shown) = window.wait(&row) else {
        return view! { <BuiltRow row=row project=project window=window/> }.into_any();
    };
    let doc = expect_context::<Document>();
    let name = {
        let id = row.id.clone();
        Memo::new(move |_| doc.with_node(&id, |n| n.name.clone()).unwrap_or_default())
    };
    let id = row.id.clone();
    on_cleanup(move || window.forget(&id, shown));
    (move || {
        let row = row.clone();
        if shown.get() {
            return view! { <BuiltRow row=row project=project window=window/> }.into_any();
        }
        // As few nodes and strings as will do: every one is built for each of the waiting rows.
        let level = LEVELS.get(row.depth).copied().unwrap_or("下级");
        view! {
            <tbody class="jx-pending" data-wait=row.id.clone()>
                <tr role="row" data-testid="indicator-row" data-path=format!("indicators/{}", row.id) data-name=move || name.get()>
                    <td colspan="9" class=PENDING_INDENT[row.depth.min(5)]>{level}" "{move || name.get()}</td>
                </tr>
            </tbody>
        }
        .into_any()
    })
    .into_any()
}
