//! 指标体系与评分: the scoring table laid out like the annex, editable in place. Rows carry
//! `data-testid="indicator-row"` and `data-path="indicators/<id>"`.
//!
//! Keyboard, in any row: ↑ / ↓ move between rows; Alt+↑ / Alt+↓ move the indicator among its siblings;
//! Alt+Enter adds a sibling below, Alt+Shift+Enter a sub-indicator; Alt+Delete removes the indicator.

use super::choice::{options_of, ChoiceSelect};
use super::fields::{DecimalField, TextArea, TextField};
use super::inferred_rule::InferredRule;
use super::rule_editor::{leaf_text, RuleInputs, RuleSelect};
use super::state::Workbench;
use crate::core::edit::{self, EditScope, RowAction};
use crate::core::field::{self, Field};
use crate::core::number::fmt_score;
use crate::core::{Direction, Evaluation, EvaluationKind, Indicator, NodeResult};
use leptos::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A row's place in the tree (structure only: changes when nodes are added, removed or moved).
#[derive(Clone, Debug, PartialEq)]
struct RowInfo {
    id: String,
    depth: usize,
    leaf: bool,
    /// Pre-order position, which is also its position in the assessment's nodes.
    order: usize,
}

fn structure(e: &Evaluation) -> Vec<RowInfo> {
    let mut rows = Vec::new();
    e.walk_indicators(&mut |node, depth| {
        rows.push(RowInfo {
            id: node.id.clone(),
            depth,
            leaf: node.is_leaf(),
            order: rows.len(),
        });
    });
    rows
}

const LEVELS: [&str; 4] = ["一级", "二级", "三级", "四级"];

/// From this many rows on, a row is built when it comes near the screen (按需生成): a 2,000-row tree
/// opens with its first screen editable instead of first building some 80,000 elements. Until then a row
/// is its level and name only, so the scroll height, Ctrl+F and the row count stay as they will be.
const LAZY_FROM: usize = 300;
/// Rows built at once in a large tree: the first screen, before the observer has measured anything.
const FIRST_ROWS: usize = 30;
/// The indentation of a waiting row by depth (static strings: no `format!` per row).
const PENDING_INDENT: [&str; 6] = [
    "jx-pending-0",
    "jx-pending-1",
    "jx-pending-2",
    "jx-pending-3",
    "jx-pending-4",
    "jx-pending-5",
];
/// How far beyond the screen rows are built: ↑ / ↓ through the rows never meets an unbuilt one.
const BUILD_MARGIN: &str = "800px 0px";

/// The rows of a large tree still waiting to be built, and the ids built once: a row re-created after a
/// move or an insertion (which shifts every later row) is built again at once, as is a row about to take
/// the focus.
#[derive(Clone, Copy)]
struct RowWindow {
    large: StoredValue<bool>,
    waiting: StoredValue<FxHashMap<String, RwSignal<bool>>>,
    built: StoredValue<FxHashSet<String>>,
}

impl RowWindow {
    fn new() -> Self {
        Self {
            large: StoredValue::new(false),
            waiting: StoredValue::new(FxHashMap::default()),
            built: StoredValue::new(FxHashSet::default()),
        }
    }

    /// The signal the row waits on, or `None` when it is built now.
    fn wait(&self, row: &RowInfo) -> Option<RwSignal<bool>> {
        if !self.large.get_value()
            || row.order < FIRST_ROWS
            || self.built.with_value(|b| b.contains(&row.id))
        {
            self.built.update_value(|b| {
                b.insert(row.id.clone());
            });
            return None;
        }
        let shown = RwSignal::new(false);
        self.waiting.update_value(|w| {
            w.insert(row.id.clone(), shown);
        });
        Some(shown)
    }

    /// Builds the row now if it waits, and whenever it is made again.
    fn show(&self, id: &str) {
        self.built.update_value(|b| {
            b.insert(id.to_string());
        });
        if let Some(shown) = self.waiting.try_update_value(|w| w.remove(id)).flatten() {
            shown.set(true);
        }
    }

    /// A waiting row is gone (its place in the tree changed): forgotten, unless a newer row of that id
    /// already waits.
    fn forget(&self, id: &str, shown: RwSignal<bool>) {
        self.waiting.update_value(|w| {
            if w.get(id) == Some(&shown) {
                w.remove(id);
            }
        });
    }

    /// Watches the waiting rows of `table` and builds those that come within `BUILD_MARGIN` of the
    /// screen. One observer for the table; it is disconnected when the table goes.
    fn observe(self, table: NodeRef<leptos::html::Table>, rows: Memo<Vec<RowInfo>>) {
        let on_near = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter() {
                    let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                    if entry.is_intersecting() {
                        let target = entry.target();
                        observer.unobserve(&target);
                        if let Some(id) = target.get_attribute("data-wait") {
                            self.show(&id);
                        }
                    }
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(BUILD_MARGIN);
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            on_near.as_ref().unchecked_ref(),
            &options,
        ) else {
            // No observer (a very old engine): build every row, as a small tree does.
            self.large.set_value(false);
            return;
        };
        let kept = StoredValue::new_local((observer.clone(), on_near));
        // After every change of the rows (the DOM is written by then): watch exactly the waiting ones.
        Effect::new(move |_| {
            rows.track();
            let Some(table) = table.get() else { return };
            let observer = observer.clone();
            request_animation_frame(move || {
                observer.disconnect();
                if let Ok(waiting) = table.query_selector_all("tbody[data-wait]") {
                    for i in 0..waiting.length() {
                        if let Some(el) = waiting
                            .get(i)
                            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                        {
                            observer.observe(&el);
                        }
                    }
                }
            });
        });
        on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
    }
}

/// The indicator table with its totals and the 加减分项.
#[component]
pub fn IndicatorTable() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let window = RowWindow::new();
    let rows = Memo::new(move |_| {
        state.tree.track();
        let rows = state.evaluation.with_untracked(structure);
        window.large.set_value(rows.len() >= LAZY_FROM);
        rows
    });
    let table = NodeRef::<leptos::html::Table>::new();
    window.observe(table, rows);
    let project = Memo::new(move |_| state.evaluation.with(|e| e.kind == EvaluationKind::Project));
    let reason_header = move || {
        if project.get() {
            "偏差原因分析及改进措施"
        } else {
            "扣分原因"
        }
    };
    let totals = move || {
        state.assessment.with(|a| {
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
    // The row last focused is where the 指标库 inserts (one listener, not one per row).
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let row = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("tr[data-path]").ok().flatten())
            .and_then(|tr| tr.get_attribute("data-path"));
        if let Some(id) = row.as_deref().and_then(|p| p.strip_prefix("indicators/")) {
            if state.selected.with_untracked(|s| s.as_deref() != Some(id)) {
                state.selected.set(Some(id.to_string()));
            }
        }
    };
    // Files dropped or pasted on a leaf row are its evidence: one listener for the table, not per row.
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
            super::evidence_tab::attach(state, id, files);
        }
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let files = super::evidence_tab::dropped_files(ev.clipboard_data().and_then(|d| d.files()));
        // Text pastes into the fields as usual; only files (a screenshot) become evidence.
        if let (false, Some(id)) = (files.is_empty(), leaf_of(ev.target())) {
            ev.prevent_default();
            super::evidence_tab::attach(state, id, files);
        }
    };
    view! {
        <section class="jx-tree" data-testid="indicator-section">
            <super::library_panel::LibraryPanel open=library/>
            <div class="jx-tree-tools">
                <button type="button" class="jx-btn" data-testid="library-open" aria-expanded=move || library.get().to_string()
                    title="从指标库选用标准指标及其评分规则"
                    on:click=move |_| library.update(|o| *o = !*o)>"指标库"</button>
                <button type="button" class="jx-btn" data-testid="add-top" on:click=move |_| {
                    let mut new_id = None;
                    state.edit(EditScope::Whole, |e| new_id = edit::add_child(e, None));
                    if let Some(id) = new_id { focus_name(state, window, &id) }
                }>"+ 一级指标"</button>
                <span class="jx-muted">"键盘：↑↓ 切换行 · Alt+↑↓ 移动 · Alt+Enter 添加同级 · Alt+Shift+Enter 添加下级 · Alt+Delete 删除"</span>
            </div>
            // Laid out as a grid per row (see style/main.css), so the table roles are spelt out.
            <table class="jx-table jx-indicators" class:jx-project=move || project.get() role="table" data-testid="indicator-table" node_ref=table
                on:focusin=on_focusin on:dragover=on_dragover on:drop=on_drop on:paste=on_paste>
                <thead role="rowgroup">
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
                </thead>
                <For each=move || rows.get() key=|r| (r.id.clone(), r.order, r.leaf, r.depth) let:row>
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

fn focus_name(state: Workbench, window: RowWindow, id: &str) {
    window.show(id);
    let root = state.root;
    let selector = format!(
        "[data-path=\"indicators/{}/name\"] input",
        id.replace('"', "")
    );
    request_animation_frame(move || {
        if let Some(el) = root
            .get_untracked()
            .and_then(|r| r.query_selector(&selector).ok().flatten())
        {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Moves focus to the name box of the previous / next row (rows sit in one `<tbody>` each).
fn focus_neighbour(ev: &web_sys::KeyboardEvent, up: bool) {
    let Some(row) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("tr[data-testid='indicator-row']").ok().flatten())
    else {
        return;
    };
    let Some(rows) = row.closest("table").ok().flatten().and_then(|table| {
        table
            .query_selector_all("tr[data-testid='indicator-row']")
            .ok()
    }) else {
        return;
    };
    let count = rows.length();
    let Some(index) = (0..count).find(|i| rows.get(*i).is_some_and(|r| r.is_same_node(Some(&row))))
    else {
        return;
    };
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|i| *i < count)
    };
    let input = target
        .and_then(|i| rows.get(i))
        .and_then(|r| r.dyn_into::<web_sys::Element>().ok())
        .and_then(|r| r.query_selector("input").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        ev.prevent_default();
    }
}

/// A row of the table: built at once, or (in a large tree) its name only until it comes near the screen.
#[component]
fn IndicatorRow(row: RowInfo, project: Memo<bool>, window: RowWindow) -> impl IntoView {
    let Some(shown) = window.wait(&row) else {
        return view! { <BuiltRow row=row project=project window=window/> }.into_any();
    };
    let state = expect_context::<Workbench>();
    let name = {
        let id = row.id.clone();
        Memo::new(move |_| state.with_node(&id, |n| n.name.clone()).unwrap_or_default())
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

#[component]
fn BuiltRow(row: RowInfo, project: Memo<bool>, window: RowWindow) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let RowInfo {
        id,
        depth,
        leaf,
        order,
    } = row;
    let path = format!("indicators/{id}");
    let read = {
        let id = id.clone();
        move |f: fn(&Indicator) -> String| {
            let id = id.clone();
            let text: Signal<String> =
                Memo::new(move |_| state.with_node(&id, f).unwrap_or_default()).into();
            text
        }
    };
    let result = {
        let id = id.clone();
        Memo::new(move |_| state.result(&id, order))
    };
    let score_text = move || result.get().map(|r| fmt_score(r.score)).unwrap_or_default();
    let open = RwSignal::new(false);
    let name = read(field::NAME.get);
    let set_text = {
        let id = id.clone();
        move |field: Field<Indicator, String>| {
            let id = id.clone();
            Callback::new(move |v: String| {
                state.edit_node(
                    &id,
                    EditScope::Field(&format!("indicators/{id}/{}", field.key)),
                    move |n| (field.set)(n, v),
                )
            })
        }
    };
    let decimal_of = {
        let id = id.clone();
        move |f: fn(&Indicator) -> Option<Decimal>| {
            let id = id.clone();
            let value: Signal<Option<Decimal>> =
                Memo::new(move |_| state.with_node(&id, f).flatten()).into();
            value
        }
    };
    let set_decimal = {
        let id = id.clone();
        move |field: Field<Indicator, Option<Decimal>>| {
            let id = id.clone();
            Callback::new(move |v: Option<Decimal>| {
                state.edit_node(
                    &id,
                    EditScope::Field(&format!("indicators/{id}/{}", field.key)),
                    move |n| (field.set)(n, v),
                )
            })
        }
    };
    let act = {
        let id = id.clone();
        move |action: RowAction| {
            let id = id.clone();
            move || {
                let mut focus = None;
                state.edit(EditScope::Whole, |e| focus = action.apply(e, &id));
                if let Some(target) = focus {
                    focus_name(state, window, &target);
                }
            }
        }
    };
    let on_keydown = {
        let act = act.clone();
        move |ev: web_sys::KeyboardEvent| {
            let in_textarea = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .is_some();
            let key = ev.key();
            match (ev.alt_key(), key.as_str()) {
                (true, "ArrowUp") => {
                    ev.prevent_default();
                    act(RowAction::MoveUp)()
                }
                (true, "ArrowDown") => {
                    ev.prevent_default();
                    act(RowAction::MoveDown)()
                }
                (true, "Enter") if ev.shift_key() => {
                    ev.prevent_default();
                    act(RowAction::AddChild)()
                }
                (true, "Enter") => {
                    ev.prevent_default();
                    act(RowAction::AddSibling)()
                }
                (true, "Delete") => {
                    ev.prevent_default();
                    act(RowAction::Remove)()
                }
                (false, "ArrowUp") if !in_textarea => focus_neighbour(&ev, true),
                (false, "ArrowDown") if !in_textarea => focus_neighbour(&ev, false),
                _ => {}
            }
        }
    };
    let level = LEVELS.get(depth).copied().unwrap_or("下级");
    let reason_required = Signal::derive(move || {
        result.with(|r| r.as_ref().is_some_and(|r| r.leaf && r.score < r.points))
    });
    // Built when shown (only for open rows); it also depends on the accounts and metrics, so it follows
    // every assessment, not only this row's score.
    let explanation = {
        let id = id.clone();
        Signal::derive(move || {
            state.assessment.track();
            result
                .get()
                .and_then(|r: NodeResult| {
                    state
                        .evaluation
                        .with_untracked(|e| e.indicator(&id).map(|n| r.explanation(n, e)))
                })
                .unwrap_or_default()
        })
    };
    let computed = move || {
        result
            .get()
            .and_then(|r| r.computed)
            .map(|c| format!("计算 {}", fmt_score(c)))
            .unwrap_or_default()
    };
    let id_dir = id.clone();
    let id_evidence = id.clone();
    let buttons = {
        let act = act.clone();
        view! {
            <td role="cell" class="jx-ops">
                <button type="button" class="jx-icon" aria-label="上移" title="上移（Alt+↑）" on:click={let f = act(RowAction::MoveUp); move |_| f()}>"↑"</button>
                <button type="button" class="jx-icon" aria-label="下移" title="下移（Alt+↓）" on:click={let f = act(RowAction::MoveDown); move |_| f()}>"↓"</button>
                <button type="button" class="jx-icon" aria-label="添加同级指标" title="添加同级（Alt+Enter）" data-testid="add-sibling" on:click={let f = act(RowAction::AddSibling); move |_| f()}>"+同级"</button>
                <button type="button" class="jx-icon" aria-label="添加下级指标" title="添加下级（Alt+Shift+Enter）" data-testid="add-child" on:click={let f = act(RowAction::AddChild); move |_| f()}>"+下级"</button>
                <button type="button" class="jx-icon jx-danger" aria-label="删除指标" title="删除（Alt+Delete，可撤销）" data-testid="remove" on:click={let f = act(RowAction::Remove); move |_| f()}>"✕"</button>
                {leaf.then(|| view! { <super::evidence_tab::EvidenceButton id=id_evidence.clone()/> })}
            </td>
        }
    };
    let name_cell = view! {
        <td role="cell" class="jx-col-name">
            <div class=format!("jx-name jx-indent-{}", depth.min(5))>
                <span class="jx-level">{level}</span>
                <TextField label=format!("{level}指标名称") path=format!("{path}/name") value=name on_change=set_text(field::NAME) compact=true/>
                {leaf.then(|| view! {
                    <button type="button" class="jx-icon" aria-label="展开详情" aria-expanded=move || open.get().to_string()
                        data-testid="toggle-details" on:click=move |_| open.update(|o| *o = !*o)>
                        {move || if open.get() { "▾" } else { "▸" }}
                    </button>
                })}
            </div>
        </td>
    };
    let points_cell = view! {
        <td role="cell"><DecimalField label=field::POINTS.label path=format!("{path}/{}", field::POINTS.key) value=decimal_of(field::POINTS.get) on_change=set_decimal(field::POINTS) compact=true/></td>
    };
    if !leaf {
        let sum = move || result.get().and_then(|r| r.sum_text()).unwrap_or_default();
        return view! {
            <tbody class="jx-group-body" role="rowgroup">
                <tr class=format!("jx-group jx-depth-{depth}") role="row" data-testid="indicator-row" data-path=path.clone() data-level=depth + 1
                    data-name=move || name.get() on:keydown=on_keydown>
                    {name_cell}
                    {points_cell}
                    <Show when=move || project.get()><td role="cell"></td><td role="cell"></td></Show>
                    <td role="cell" class="jx-muted">{sum}</td>
                    <td role="cell"></td>
                    <td role="cell" class="jx-num jx-row-score" data-testid="row-score">{score_text}</td>
                    <td role="cell"></td>
                    {buttons}
                </tr>
            </tbody>
        }
        .into_any();
    }
    let id_select = id.clone();
    let id_inputs = id.clone();
    let project_cells = {
        let (path, decimal_of, set_decimal) =
            (path.clone(), decimal_of.clone(), set_decimal.clone());
        move || {
            project.get().then(|| {
                view! {
                    <td role="cell"><DecimalField label=field::TARGET.label path=format!("{path}/{}", field::TARGET.key) value=decimal_of(field::TARGET.get) on_change=set_decimal(field::TARGET) compact=true allow_negative=true/></td>
                    <td role="cell"><DecimalField label=field::ACTUAL.label path=format!("{path}/{}", field::ACTUAL.key) value=decimal_of(field::ACTUAL.get) on_change=set_decimal(field::ACTUAL) compact=true allow_negative=true/></td>
                }
            })
        }
    };
    view! {
        <tbody class="jx-leaf-body" role="rowgroup">
            <tr class="jx-leaf" role="row" data-testid="indicator-row" data-path=path.clone() data-level=depth + 1
                data-name=move || name.get() on:keydown=on_keydown>
                {name_cell}
                {points_cell}
                {project_cells}
                <td role="cell" class="jx-rule">
                    <RuleSelect id=id_select.clone()/>
                    <RuleInputs id=id_inputs.clone()/>
                    <InferredRule id=id_inputs.clone()/>
                </td>
                <td role="cell">
                    <DecimalField label=field::SCORE.label path=format!("{path}/{}", field::SCORE.key) value=decimal_of(field::SCORE.get) on_change=set_decimal(field::SCORE) compact=true/>
                    <span class="jx-computed-score">{computed}</span>
                </td>
                <td role="cell" class="jx-num jx-row-score" data-testid="row-score">{score_text}</td>
                <td role="cell" class="jx-col-reason">
                    <TextArea label=field::REASON.label path=format!("{path}/{}", field::REASON.key) value=read(field::REASON.get) on_change=set_text(field::REASON)
                        compact=true rows=2 required=reason_required/>
                </td>
                {buttons}
            </tr>
            <Show when=move || open.get()>
                <tr class="jx-detail" role="row">
                    <td role="cell" colspan="9">
                        <p class="jx-explain" data-testid="explanation">"计分说明："{explanation}</p>
                        <div class="jx-grid">
                            <TextArea label=field::DESCRIPTION.label path=format!("{path}/{}", field::DESCRIPTION.key) value=read(field::DESCRIPTION.get) on_change=set_text(field::DESCRIPTION) rows=2/>
                            <TextArea label=field::CRITERIA.label path=format!("{path}/{}", field::CRITERIA.key) value=read(field::CRITERIA.get) on_change=set_text(field::CRITERIA) rows=2/>
                            <TextArea label=field::OVERRIDE_REASON.label path=format!("{path}/{}", field::OVERRIDE_REASON.key) value=read(field::OVERRIDE_REASON.get) on_change=set_text(field::OVERRIDE_REASON) rows=2/>
                            <TextArea label=field::EVIDENCE.label path=format!("{path}/{}", field::EVIDENCE.key) value=read(field::EVIDENCE.get) on_change=set_text(field::EVIDENCE) rows=2/>
                        </div>
                        {
                            let id = id_dir.clone();
                            move || project.get().then(|| view! { <ProjectLeafDetails id=id.clone()/> })
                        }
                    </td>
                </tr>
            </Show>
        </tbody>
    }
    .into_any()
}

/// 项目支出 leaf details: unit, targets as words, direction.
#[component]
fn ProjectLeafDetails(id: String) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let direction = {
        let id = id.clone();
        Memo::new(move |_| state.with_node(&id, |n| n.direction).unwrap_or_default())
    };
    let id_change = id.clone();
    view! {
        <div class="jx-grid">
            {leaf_text(id.clone(), field::UNIT)}
            {leaf_text(id.clone(), field::TARGET_TEXT)}
            {leaf_text(id.clone(), field::ACTUAL_TEXT)}
            <label class="jx-field">
                <span class="jx-field-label">"指标方向"</span>
                <ChoiceSelect label="指标方向" testid="direction-select"
                    options=Signal::stored(options_of(&Direction::ALL, Direction::key, |d| d.label_long().to_string()))
                    value=Signal::derive(move || Some(direction.get()))
                    on_change=Callback::new(move |chosen: Option<Direction>| {
                        if let Some(chosen) = chosen {
                            state.edit_node(&id_change, EditScope::Whole, move |n| n.direction = chosen);
                        }
                    })/>
            </label>
        </div>
    }
}
