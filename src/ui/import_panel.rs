//! 导入指标表: paste a table copied from Excel / WPS, or open one. A unit's whole form (its own title,
//! unit, budget block or total) opens as a new evaluation; a bare indicator tree, or a form when the user
//! chooses 只替换指标体系, replaces the current tree. Both are one undoable step; a table that cannot be
//! read is explained in Chinese (row and column) and changes nothing.

use super::state::Workbench;
use crate::core::edit::EditScope;
use crate::core::import::{parse_rows, parse_tsv, ImportError, ImportTarget, ImportedTable};
use leptos::prelude::*;

/// Imports pasted `text` (where it goes: `target`, else the table's own default); returns whether it
/// worked.
pub fn import_table(
    state: Workbench,
    text: &str,
    source: &str,
    target: Option<ImportTarget>,
) -> bool {
    apply_table(state, parse_tsv(text), source, target)
}

/// Reads a paste: the clipboard's HTML when it carried a table (merged cells known from its `rowspan` /
/// `colspan`; laid out by the Word / Excel module, which holds the HTML reader), else — or when the HTML
/// reads as no table — the tab-separated text.
async fn read_paste(text: String, html: Option<String>) -> Result<ImportedTable, ImportError> {
    if let Some(html) = html {
        let opened =
            super::export_module::run(super::export_module::Job::ReadDocument, html.as_bytes())
                .await
                .ok()
                .and_then(|json| {
                    serde_json::from_slice::<crate::core::import::OpenedDocument>(&json).ok()
                });
        if let Some(Ok(table)) = opened.map(|o| parse_rows(&o.cells)) {
            return Ok(table);
        }
    }
    parse_tsv(&text)
}

/// Puts a parsed table (pasted text, .xlsx, .xls, .docx) in as one undoable step, or tells why not.
pub fn apply_table(
    state: Workbench,
    parsed: Result<ImportedTable, ImportError>,
    source: &str,
    target: Option<ImportTarget>,
) -> bool {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    match parsed {
        Ok(table) => {
            let summary = table.summary().sentence();
            match target.unwrap_or_else(|| table.default_target()) {
                ImportTarget::NewEvaluation => {
                    doc.replace(table.into_evaluation());
                    notices.tell(
                        false,
                        format!(
                            "已将{source}作为新的评价打开（单位、预算和所列总分均取自该表）：{summary}。详见“检查”；可用“撤销”回到之前的评价。"
                        ),
                    );
                }
                ImportTarget::ReplaceTree => {
                    doc.edit(EditScope::Whole, move |e| table.replace_tree_of(e));
                    doc.seal();
                    notices.tell(
                        false,
                        format!(
                            "已从{source}导入指标表，替换了当前评价的指标体系：{summary}。详见“检查”；可用“撤销”恢复原指标体系。"
                        ),
                    );
                }
            }
            true
        }
        Err(error) => {
            notices.tell(true, format!("无法导入{source}：{error}。当前内容未改动。"));
            false
        }
    }
}

/// The paste panel, shown from the toolbar.
#[component]
pub fn ImportPanel(open: RwSignal<bool>) -> impl IntoView {
    let state = Workbench::from_context();
    let text = RwSignal::new(String::new());
    // The HTML the last paste carried (Excel, WPS and browsers put the table there with its merges);
    // dropped as soon as the text is typed over.
    let html = RwSignal::new(None::<String>);
    let pasting = StoredValue::new(false);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        pasting.set_value(true);
        let pasted = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/html").ok())
            .filter(|h| h.to_ascii_lowercase().contains("<table"));
        html.set(pasted);
    };
    let apply = move |target: Option<ImportTarget>| {
        let (pasted, pasted_html) = (text.get_untracked(), html.get_untracked());
        leptos::task::spawn_local(async move {
            let parsed = read_paste(pasted, pasted_html).await;
            if apply_table(state, parsed, "粘贴的表格", target) {
                text.set(String::new());
                html.set(None);
                open.set(false);
            }
        });
    };
    view! {
        <Show when=move || open.get()>
            <div class="jx-import" data-testid="import-panel">
                <label class="jx-field jx-field-wide">
                    <span class="jx-field-label">
                        "从 Excel / WPS 复制整张自评表（可含项目名称、预算执行情况和表头：一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分等），粘贴到此处。合并单元格或空白的一级 / 二级单元格视为“同上”；总分 / 合计行作为报告所列总分核对；空白占位行跳过，无法识别的单元格作为文字保留并在“检查”中列出。"
                    </span>
                    <textarea class="jx-input jx-textarea" rows="8" aria-label="粘贴指标表" data-testid="import-text"
                        prop:value=move || text.get() on:paste=on_paste
                        on:input=move |ev| {
                            // The input a paste causes keeps its HTML; any edit by hand drops it.
                            if !pasting.get_value() {
                                html.set(None);
                            }
                            pasting.set_value(false);
                            text.set(event_target_value(&ev));
                        }></textarea>
                </label>
                <div class="jx-actions">
                    <button type="button" class="jx-btn" data-testid="import-apply"
                        title="整张表（含单位、预算执行情况或总分）作为新的评价打开；只有指标行的表替换当前指标体系"
                        on:click=move |_| apply(None)>"导入"</button>
                    <button type="button" class="jx-btn" data-testid="import-tree-only"
                        title="保留当前评价的单位、文字和财务数据，只换成该表的指标体系"
                        on:click=move |_| apply(Some(ImportTarget::ReplaceTree))>"只替换指标体系"</button>
                    <button type="button" class="jx-btn" on:click=move |_| open.set(false)>"取消"</button>
                </div>
            </div>
        </Show>
    }
}
