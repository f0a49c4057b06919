//! One built row of the indicator table: the group row (name, 分值, sum, score) or the leaf row (rule,
//! figures, score, reason, details), its inputs bound to the node's fields, its buttons and keys.

use super::super::choice::{options_of, ChoiceSelect};
use super::super::fields::{DecimalField, TextArea, TextField};
use super::super::inferred_rule::InferredRule;
use super::super::rule_editor::{leaf_text, RuleInputs, RuleSelect};
use super::super::state::{Derived, Document, Navigator};
use crate::core::edit::{EditScope, RowAction};
use crate::core::field::{self, Field};
use crate::core::model::{CauseKind, Likelihood, Stage};
use crate::core::number::fmt_score;
use crate::core::{Direction, Indicator, NodeResult};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::window::{focus_name, focus_neighbour, RowInfo, RowWindow, LEVELS};

/// A row's inputs bound to its node's fields: each reads the field through the node's own trigger and
/// edits through [`Document::edit_node`], one undo step per field typed in.
#[derive(Clone)]
struct RowBinder {
    doc: Document,
    id: String,
    /// `indicators/<id>`: the row's path, before each field's key.
    path: String,
}

impl RowBinder {
    fn text(&self, field: Field<Indicator, String>) -> Signal<String> {
        let (doc, id) = (self.doc, self.id.clone());
        Memo::new(move |_| doc.with_node(&id, field.get).unwrap_or_default()).into()
    }

    fn decimal(&self, field: Field<Indicator, Option<Decimal>>) -> Signal<Option<Decimal>> {
        let (doc, id) = (self.doc, self.id.clone());
        Memo::new(move |_| doc.with_node(&id, field.get).flatten()).into()
    }

    fn key(&self, key: &str) -> String {
        format!("{}/{key}", self.path)
    }

    fn set<T: 'static>(&self, field: Field<Indicator, T>) -> Callback<T> {
        let (doc, id, key) = (self.doc, self.id.clone(), self.key(field.key));
        Callback::new(move |v: T| {
            doc.edit_node(&id, EditScope::Field(&key), move |n| (field.set)(n, v))
        })
    }

    /// A compact figure input for `field`.
    fn figure_input(
        &self,
        field: Field<Indicator, Option<Decimal>>,
        allow_negative: bool,
    ) -> impl IntoView {
        view! {
            <DecimalField label=field.label path=self.key(field.key) value=self.decimal(field)
                on_change=self.set(field) compact=true allow_negative=allow_negative/>
        }
    }

    /// A compact one-line text input for `field`.
    fn text_field(&self, field: Field<Indicator, String>) -> impl IntoView {
        view! {
            <TextField label=field.label path=self.key(field.key) value=self.text(field) on_change=self.set(field) compact=true/>
        }
    }

    /// A text area for `field` (in the details row, or compact in the row).
    fn text_area(&self, field: Field<Indicator, String>, compact: bool) -> impl IntoView {
        view! {
            <TextArea label=field.label path=self.key(field.key) value=self.text(field)
                on_change=self.set(field) compact=compact rows=2/>
        }
    }
}

/// What the row's buttons and keys do: a tree edit, then the focus on the row it names.
fn row_action(
    doc: Document,
    nav: Navigator,
    window: RowWindow,
    id: String,
) -> impl Fn(RowAction) + Clone {
    move |action: RowAction| {
        let mut focus = None;
        doc.edit(EditScope::Whole, |e| focus = action.apply(e, &id));
        if let Some(target) = focus {
            focus_name(nav, window, &target);
        }
    }
}

/// The row's keys: Alt+↑ / Alt+↓ move it, Alt+Enter adds a sibling (with Shift a child), Alt+Delete
/// removes it; ↑ / ↓ outside a text area move between rows.
fn row_keys(act: impl Fn(RowAction) + Clone) -> impl Fn(web_sys::KeyboardEvent) + Clone {
    move |ev: web_sys::KeyboardEvent| {
        let in_textarea = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .is_some();
        let action = match (ev.alt_key(), ev.key().as_str()) {
            (true, "ArrowUp") => Some(RowAction::MoveUp),
            (true, "ArrowDown") => Some(RowAction::MoveDown),
            (true, "Enter") if ev.shift_key() => Some(RowAction::AddChild),
            (true, "Enter") => Some(RowAction::AddSibling),
            (true, "Delete") => Some(RowAction::Remove),
            (false, "ArrowUp") if !in_textarea => return focus_neighbour(&ev, true),
            (false, "ArrowDown") if !in_textarea => return focus_neighbour(&ev, false),
            _ => None,
        };
        if let Some(action) = action {
            ev.prevent_default();
            act(action);
        }
    }
}

/// The row's buttons: move, add, remove, and a leaf's 佐证材料.
fn row_buttons(act: impl Fn(RowAction) + Clone + 'static, leaf: bool, id: String) -> impl IntoView {
    let button = move |action: RowAction,
                       label: &'static str,
                       title: &'static str,
                       text: &'static str,
                       testid: Option<&'static str>,
                       danger: bool| {
        let act = act.clone();
        view! {
            <button type="button" class=if danger { "jx-icon jx-danger" } else { "jx-icon" } aria-label=label title=title
                data-testid=testid on:click=move |_| act(action)>{text}</button>
        }
    };
    view! {
        <td role="cell" class="jx-ops">
            {button(RowAction::MoveUp, "上移", "上移（Alt+↑）", "↑", None, false)}
            {button(RowAction::MoveDown, "下移", "下移（Alt+↓）", "↓", None, false)}
            {button(RowAction::AddSibling, "添加同级指标", "添加同级（Alt+Enter）", "+同级", Some("add-sibling"), false)}
            {button(RowAction::AddChild, "添加下级指标", "添加下级（Alt+Shift+Enter）", "+下级", Some("add-child"), false)}
            {button(RowAction::Remove, "删除指标", "删除（Alt+Delete，可撤销）", "✕", Some("remove"), true)}
            {leaf.then(|| view! { <super::super::evidence_tab::EvidenceButton id=id/> })}
        </td>
    }
}

#[component]
pub(super) fn BuiltRow(row: RowInfo, project: Memo<bool>, window: RowWindow) -> impl IntoView {
    let doc = expect_context::<Document>();
    let nav = expect_context::<Navigator>();
    let derived = expect_context::<Derived>();
    let RowInfo {
        id,
        depth,
        leaf,
        order,
        stage,
    } = row;
    let bind = RowBinder {
        doc,
        id: id.clone(),
        path: format!("indicators/{id}"),
    };
    let path = bind.path.clone();
    let result = {
        let id = id.clone();
        Memo::new(move |_| derived.result(&id, order))
    };
    let score_text = move || result.get().map(|r| fmt_score(r.score)).unwrap_or_default();
    let open = RwSignal::new(false);
    let name = bind.text(field::NAME);
    let act = row_action(doc, nav, window, id.clone());
    let on_keydown = row_keys(act.clone());
    let level = LEVELS.get(depth).copied().unwrap_or("下级");
    let buttons = row_buttons(act, leaf, id.clone());
    let name_cell = view! {
        <td role="cell" class="jx-col-name">
            <div class=format!("jx-name jx-indent-{}", depth.min(5))>
                <span class="jx-level">{level}</span>
                <TextField label=format!("{level}指标名称") path=bind.key(field::NAME.key) value=name on_change=bind.set(field::NAME) compact=true/>
                {leaf.then(|| view! {
                    <button type="button" class="jx-icon" aria-label="展开详情" aria-expanded=move || open.get().to_string()
                        data-testid="toggle-details" on:click=move |_| open.update(|o| *o = !*o)>
                        {move || if open.get() { "▾" } else { "▸" }}
                    </button>
                })}
            </div>
        </td>
    };
    match stage {
        Stage::Target => {
            return target_row(
                bind, leaf, depth, name, name_cell, buttons, on_keydown, open,
            )
        }
        Stage::Monitoring => {
            return monitoring_row(
                bind, leaf, depth, name, name_cell, buttons, on_keydown, open,
            )
        }
        Stage::SelfEvaluation => {}
    }
    let points_cell = view! { <td role="cell">{bind.figure_input(field::POINTS, false)}</td> };
    if !leaf {
        let sum = move || result.get().and_then(|r| r.sum_text()).unwrap_or_default();
        return view! {
            <tbody class="jx-group-body" role="rowgroup">
                <tr class=format!("jx-group jx-depth-{depth}") role="row" data-testid="indicator-row" data-path=path data-level=depth + 1
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
    let reason_required = Signal::derive(move || {
        result.with(|r| r.as_ref().is_some_and(|r| r.leaf && r.score < r.points))
    });
    let computed = move || {
        result
            .get()
            .and_then(|r| r.computed)
            .map(|c| format!("计算 {}", fmt_score(c)))
            .unwrap_or_default()
    };
    // A year that was monitored: what the monitoring said of the row, read-only beside the year-end
    // figures the 偏差原因 must answer.
    let monitored = {
        let doc = bind.doc;
        let id = id.clone();
        Memo::new(move |_| {
            // Untracked: the period was fixed in the monitoring stage, and a row tracking the whole
            // evaluation would rerun on every edit of every row.
            let (period, thresholds) = doc
                .evaluation
                .with_untracked(|e| e.monitoring.map(|p| (p, e.settings.lights.clone())))?;
            doc.with_node(&id, |n| {
                crate::core::lights::monitored_line(n, period, &thresholds)
            })
            .flatten()
        })
    };
    let project_cells = {
        let bind = bind.clone();
        move || {
            project.get().then(|| {
                view! {
                    <td role="cell">{bind.figure_input(field::TARGET, true)}</td>
                    <td role="cell">{bind.figure_input(field::ACTUAL, true)}</td>
                }
            })
        }
    };
    view! {
        <tbody class="jx-leaf-body" role="rowgroup">
            <tr class="jx-leaf" role="row" data-testid="indicator-row" data-path=path data-level=depth + 1
                data-name=move || name.get() on:keydown=on_keydown>
                {name_cell}
                {points_cell}
                {project_cells}
                <td role="cell" class="jx-rule">
                    <RuleSelect id=id.clone()/>
                    <RuleInputs id=id.clone()/>
                    <InferredRule id=id.clone()/>
                </td>
                <td role="cell">
                    {bind.figure_input(field::SCORE, false)}
                    <span class="jx-computed-score">{computed}</span>
                </td>
                <td role="cell" class="jx-num jx-row-score" data-testid="row-score">{score_text}</td>
                <td role="cell" class="jx-col-reason">
                    <TextArea label=field::REASON.label path=bind.key(field::REASON.key) value=bind.text(field::REASON) on_change=bind.set(field::REASON)
                        compact=true rows=2 required=reason_required/>
                    {move || monitored.get().map(|line| view! { <p class="jx-explain jx-monitored" data-testid="monitored">{line}</p> })}
                </td>
                {buttons}
            </tr>
            <Show when=move || open.get()>
                <LeafDetails bind=bind.clone() result=result project=project/>
            </Show>
        </tbody>
    }
    .into_any()
}

/// A group row of a stage that shows no figures for groups: its name, `blanks` empty cells, its buttons.
fn plain_group_row(
    depth: usize,
    path: String,
    name: Signal<String>,
    name_cell: impl IntoView + 'static,
    buttons: impl IntoView + 'static,
    on_keydown: impl Fn(web_sys::KeyboardEvent) + Clone + 'static,
    blanks: usize,
) -> AnyView {
    let blanks = (0..blanks)
        .map(|_| view! { <td role="cell"></td> })
        .collect_view();
    view! {
        <tbody class="jx-group-body" role="rowgroup">
            <tr class=format!("jx-group jx-depth-{depth}") role="row" data-testid="indicator-row" data-path=path data-level=depth + 1
                data-name=move || name.get() on:keydown=on_keydown>
                {name_cell}
                {blanks}
                {buttons}
            </tr>
        </tbody>
    }
    .into_any()
}

/// A row in the target stage (目标申报): a group's name, or a leaf's 指标值 (typed as printed, ≥300人次),
/// 计量单位, 指标值设定依据 and 指标解释; its details hold the 评(扣)分标准 and the direction.
#[allow(clippy::too_many_arguments)]
fn target_row(
    bind: RowBinder,
    leaf: bool,
    depth: usize,
    name: Signal<String>,
    name_cell: impl IntoView + 'static,
    buttons: impl IntoView + 'static,
    on_keydown: impl Fn(web_sys::KeyboardEvent) + Clone + 'static,
    open: RwSignal<bool>,
) -> AnyView {
    let path = bind.path.clone();
    if !leaf {
        return plain_group_row(depth, path, name, name_cell, buttons, on_keydown, 4);
    }
    let id = bind.id.clone();
    view! {
        <tbody class="jx-leaf-body" role="rowgroup">
            <tr class="jx-leaf" role="row" data-testid="indicator-row" data-path=path.clone() data-level=depth + 1
                data-name=move || name.get() on:keydown=on_keydown>
                {name_cell}
                <td role="cell" data-testid="target-value">{bind.text_field(field::TARGET_VALUE)}</td>
                <td role="cell">{bind.text_field(field::UNIT)}</td>
                <td role="cell">{bind.text_field(field::BASIS)}</td>
                <td role="cell" class="jx-col-reason">{bind.text_area(field::DESCRIPTION, true)}</td>
                {buttons}
            </tr>
            <Show when=move || open.get()>
                <tr class="jx-detail" role="row">
                    <td role="cell" colspan="9">
                        <div class="jx-grid">{bind.text_area(field::CRITERIA, false)}</div>
                        <ProjectLeafDetails id=id.clone()/>
                    </td>
                </tr>
            </Show>
        </tbody>
    }
    .into_any()
}

/// A row in the monitoring stage (运行监控): a group's name, or a leaf's 年度指标值 (as approved, read
/// only), 1—N 月 完成值 (a figure or 达成 / 部分达成 / 未达成), 全年预计完成值, 完成目标可能性, its light with the
/// formula, 偏差原因 and 纠偏措施; its details hold the cause categories and 年末一次性完成.
#[allow(clippy::too_many_arguments)]
fn monitoring_row(
    bind: RowBinder,
    leaf: bool,
    depth: usize,
    name: Signal<String>,
    name_cell: impl IntoView + 'static,
    buttons: impl IntoView + 'static,
    on_keydown: impl Fn(web_sys::KeyboardEvent) + Clone + 'static,
    open: RwSignal<bool>,
) -> AnyView {
    let path = bind.path.clone();
    if !leaf {
        return plain_group_row(depth, path, name, name_cell, buttons, on_keydown, 7);
    }
    let doc = bind.doc;
    let derived = expect_context::<Derived>();
    let id = bind.id.clone();
    let target = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with_node(&id, crate::core::model::target_value)
                .unwrap_or_default()
        })
    };
    let light = {
        let id = id.clone();
        Memo::new(move |_| {
            derived.assessment.with(|a| {
                a.lights
                    .as_ref()
                    .and_then(|l| l.indicators.iter().find(|x| x.id == id))
                    .map(|x| (x.light, x.formula.clone()))
            })
        })
    };
    let likelihood = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with_node(&id, |n| n.monitoring.as_ref().and_then(|m| m.likelihood))
                .flatten()
        })
    };
    let set_likelihood = {
        let id = id.clone();
        Callback::new(move |chosen: Option<Likelihood>| {
            doc.edit_node(&id, EditScope::Whole, move |n| {
                n.monitoring.get_or_insert_with(Default::default).likelihood = chosen
            });
        })
    };
    view! {
        <tbody class="jx-leaf-body" role="rowgroup">
            <tr class="jx-leaf" role="row" data-testid="indicator-row" data-path=path.clone() data-level=depth + 1
                data-name=move || name.get() on:keydown=on_keydown>
                {name_cell}
                <td role="cell" class="jx-muted" data-testid="approved-target">{move || target.get()}</td>
                <td role="cell">{bind.text_field(field::MONITOR_TO_DATE)}</td>
                <td role="cell">{bind.figure_input(field::MONITOR_FORECAST, false)}</td>
                <td role="cell">
                    <ChoiceSelect label="完成目标可能性" testid="likelihood" path=bind.key("monitoring/likelihood") none="—"
                        options=Signal::stored(options_of(&Likelihood::ALL, Likelihood::key, |l| l.label().to_string()))
                        value=Signal::derive(move || likelihood.get()) on_change=set_likelihood/>
                </td>
                <td role="cell" data-testid="light">
                    {move || light.get().map(|(l, formula)| view! {
                        <span class=format!("jx-light jx-light-{}", l.position()) title=formula data-light=l.label()>{l.label()}</span>
                    })}
                </td>
                <td role="cell">{bind.text_area(field::MONITOR_CAUSE, true)}</td>
                <td role="cell" class="jx-col-reason">{bind.text_area(field::MONITOR_MEASURE, true)}</td>
                {buttons}
            </tr>
            <Show when=move || open.get()>
                <MonitoringDetails id=id.clone() light=light/>
            </Show>
        </tbody>
    }
    .into_any()
}

/// A monitored leaf's details: the light's formula, the 偏差原因 categories (the forms' tick boxes) and
/// whether the indicator completes only at year end.
#[component]
fn MonitoringDetails(
    id: String,
    light: Memo<Option<(crate::core::lights::Light, String)>>,
) -> impl IntoView {
    let doc = expect_context::<Document>();
    let causes = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with_node(&id, |n| {
                n.monitoring
                    .as_ref()
                    .map(|m| m.causes.clone())
                    .unwrap_or_default()
            })
            .unwrap_or_default()
        })
    };
    let year_end = {
        let id = id.clone();
        Memo::new(move |_| {
            doc.with_node(&id, |n| {
                n.monitoring.as_ref().is_some_and(|m| m.year_end_only)
            })
            .unwrap_or(false)
        })
    };
    let boxes = CauseKind::ALL
        .into_iter()
        .map(|kind| {
            let id = id.clone();
            view! {
                <label class="jx-check">
                    <input type="checkbox" prop:checked=move || causes.get().contains(&kind)
                        on:change=move |_| doc.edit_node(&id, EditScope::Whole, move |n| {
                            let m = n.monitoring.get_or_insert_with(Default::default);
                            match m.causes.iter().position(|c| *c == kind) {
                                Some(at) => { m.causes.remove(at); }
                                None => m.causes.push(kind),
                            }
                        })/>
                    {kind.label()}
                </label>
            }
        })
        .collect_view();
    let id_year_end = id.clone();
    view! {
        <tr class="jx-detail" role="row">
            <td role="cell" colspan="9">
                <p class="jx-explain" data-testid="light-formula">"预警："{move || light.get().map(|(_, f)| f).unwrap_or_else(|| "（填写完成值后计算）".into())}</p>
                <div class="jx-checks"><span>"偏差原因："</span>{boxes}</div>
                <label class="jx-check">
                    <input type="checkbox" data-testid="year-end-only" prop:checked=move || year_end.get()
                        on:change=move |_| doc.edit_node(&id_year_end, EditScope::Whole, |n| {
                            let m = n.monitoring.get_or_insert_with(Default::default);
                            m.year_end_only = !m.year_end_only;
                        })/>
                    "年末一次性完成（按全年指标值而非序时进度判断）"
                </label>
            </td>
        </tr>
    }
}

/// A leaf's details row: how its score was computed, its texts and (项目支出) its targets as words.
#[component]
fn LeafDetails(
    bind: RowBinder,
    result: Memo<Option<NodeResult>>,
    project: Memo<bool>,
) -> impl IntoView {
    let doc = bind.doc;
    let derived = expect_context::<Derived>();
    // Built when shown; it also depends on the accounts and metrics, so it follows every assessment,
    // not only this row's score.
    let explanation = {
        let id = bind.id.clone();
        Signal::derive(move || {
            derived.assessment.track();
            result
                .get()
                .and_then(|r: NodeResult| {
                    doc.evaluation
                        .with_untracked(|e| e.indicator(&id).map(|n| r.explanation(n, e)))
                })
                .unwrap_or_default()
        })
    };
    let id = bind.id.clone();
    view! {
        <tr class="jx-detail" role="row">
            <td role="cell" colspan="9">
                <p class="jx-explain" data-testid="explanation">"计分说明："{explanation}</p>
                <div class="jx-grid">
                    {bind.text_area(field::DESCRIPTION, false)}
                    {bind.text_area(field::CRITERIA, false)}
                    {bind.text_area(field::OVERRIDE_REASON, false)}
                    {bind.text_area(field::EVIDENCE, false)}
                </div>
                {move || project.get().then(|| view! { <ProjectLeafDetails id=id.clone()/> })}
            </td>
        </tr>
    }
}

/// 项目支出 leaf details: unit, targets as words, direction.
#[component]
fn ProjectLeafDetails(id: String) -> impl IntoView {
    let doc = expect_context::<Document>();
    let direction = {
        let id = id.clone();
        Memo::new(move |_| doc.with_node(&id, |n| n.direction).unwrap_or_default())
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
                            doc.edit_node(&id_change, EditScope::Whole, move |n| n.direction = chosen);
                        }
                    })/>
            </label>
        </div>
    }
}
