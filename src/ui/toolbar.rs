//! The toolbar: new from a template, open / save JSON, undo / redo, reset to the example.

use super::choice::ChoiceSelect;
use super::files::save_json;
use super::import_panel::ImportPanel;
use super::open::open_file;
use super::state::Workbench;
use crate::core::template;
use leptos::html::Input;
use leptos::prelude::*;

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = Workbench::from_context();
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    let importing = RwSignal::new(false);
    let picker = NodeRef::<Input>::new();
    // Nothing chosen at first: the select must not name a template other than what is open.
    let chosen = RwSignal::new(None::<&'static str>);
    let new_from = move |_| {
        let Some(name) = chosen.get_untracked() else {
            notices.tell(true, "请先选择模板，再点“新建”。");
            return;
        };
        match template::load(name) {
            Some(evaluation) => {
                doc.replace(evaluation);
                let title = template::TEMPLATES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, t)| *t)
                    .unwrap_or("");
                notices.tell(
                    false,
                    format!("已新建：{title}。之前的内容可用“撤销”找回。"),
                );
            }
            None => notices.tell(true, "模板无法载入"),
        }
    };
    let reset = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(
                    "恢复为内置示例（南京12345 2024年度）？当前内容可用“撤销”找回。",
                )
                .ok()
            })
            .unwrap_or(false);
        if ok {
            if let Some(example) = template::load("nanjing-2024") {
                doc.replace(example);
            }
        }
    };
    view! {
        <div class="jx-toolbar" role="toolbar" aria-label="文件与编辑">
            <label class="jx-inline">
                <span class="jx-sr">"模板"</span>
                <ChoiceSelect label="选择模板" testid="template-select" none="选择模板…"
                    options=Signal::stored(template::TEMPLATES.iter().map(|(name, title)| (*name, name.to_string(), title.to_string())).collect::<Vec<_>>())
                    value=chosen
                    on_change=Callback::new(move |name: Option<&'static str>| chosen.set(name))/>
            </label>
            <button type="button" class="jx-btn" data-testid="new-from-template" on:click=new_from>"新建"</button>
            <button type="button" class="jx-btn" data-testid="open-json" on:click=move |_| {
                if let Some(input) = picker.get_untracked() { input.click() }
            }>"打开 JSON"</button>
            <input type="file" accept=format!("{},.zip", super::open::ACCEPT_TABLES) class="jx-hidden" node_ref=picker data-testid="file-input"
                aria-label="选择评价文件"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) { open_file(state, file) }
                    input.set_value("");
                }/>
            <button type="button" class="jx-btn" data-testid="save-json" on:click=move |_| save_json(state)>"保存 JSON"</button>
            <button type="button" class="jx-btn" data-testid="import-open" on:click=move |_| importing.update(|o| *o = !*o)>"粘贴指标表"</button>
            <span class="jx-sep"></span>
            <button type="button" class="jx-btn" data-testid="undo" title="撤销（Ctrl+Z）"
                prop:disabled=move || !doc.can_undo.get() on:click=move |_| doc.undo()>"撤销"</button>
            <button type="button" class="jx-btn" data-testid="redo" title="重做（Ctrl+Shift+Z / Ctrl+Y）"
                prop:disabled=move || !doc.can_redo.get() on:click=move |_| doc.redo()>"重做"</button>
            <span class="jx-sep"></span>
            <super::what_if::WhatIfButton/>
            <button type="button" class="jx-btn" data-testid="next-year" title="保留指标体系，清空得分和数据，本年作为上年对比"
                on:click=move |_| super::compare_tab::start_next_year(state)>"新建下一年度"</button>
            <button type="button" class="jx-btn" data-testid="reset-example" on:click=reset>"恢复示例"</button>
        </div>
        <ImportPanel open=importing/>
    }
}
