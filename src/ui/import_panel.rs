//! 导入指标表: paste a table copied from Excel / WPS; it replaces the indicator tree (undoable), or says
//! in Chinese which row and column it could not understand and changes nothing.

use super::state::Workbench;
use crate::core::edit::EditScope;
use crate::core::import::{parse_tsv, ImportError, ImportedTable};
use leptos::prelude::*;

/// Imports pasted `text` into the current evaluation; returns whether it worked.
pub fn import_table(state: Workbench, text: &str, source: &str) -> bool {
    apply_table(state, parse_tsv(text), source)
}

/// Puts a parsed table (pasted text or .xlsx) into the evaluation as one undoable step, or tells why not.
pub fn apply_table(
    state: Workbench,
    parsed: Result<ImportedTable, ImportError>,
    source: &str,
) -> bool {
    match parsed {
        Ok(table) => {
            let summary = table.summary().sentence();
            state.edit(EditScope::Whole, move |e| table.apply_to(e));
            state.seal();
            state.tell(
                false,
                format!(
                    "已从{source}导入指标表：{summary}。详见“检查”；可用“撤销”恢复原指标体系。"
                ),
            );
            true
        }
        Err(error) => {
            state.tell(true, format!("无法导入{source}：{error}。当前内容未改动。"));
            false
        }
    }
}

/// The paste panel, shown from the toolbar.
#[component]
pub fn ImportPanel(open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<Workbench>();
    let text = RwSignal::new(String::new());
    view! {
        <Show when=move || open.get()>
            <div class="jx-import" data-testid="import-panel">
                <label class="jx-field jx-field-wide">
                    <span class="jx-field-label">
                        "从 Excel / WPS 复制整张自评表（可含项目名称、预算执行情况和表头：一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分等），粘贴到此处。合并单元格或空白的一级 / 二级单元格视为“同上”；总分 / 合计行作为报告所列总分核对；空白占位行跳过，无法识别的单元格作为文字保留并在“检查”中列出。"
                    </span>
                    <textarea class="jx-input jx-textarea" rows="8" aria-label="粘贴指标表" data-testid="import-text"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <div class="jx-actions">
                    <button type="button" class="jx-btn" data-testid="import-apply" on:click=move |_| {
                        if import_table(state, &text.get_untracked(), "粘贴的表格") {
                            text.set(String::new());
                            open.set(false);
                        }
                    }>"导入（替换指标体系）"</button>
                    <button type="button" class="jx-btn" on:click=move |_| open.set(false)>"取消"</button>
                </div>
            </div>
        </Show>
    }
}
