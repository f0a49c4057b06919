//! Opening a file the user picks or drops (打开): an evaluation (JSON), a table (.tsv / .txt, or through
//! the Word / Excel module .xlsx / .xls / .docx / a saved web page), a whole Word report, or a package
//! (.zip, with its evidence). On any problem the current evaluation stays exactly as it was.

use super::state::Workbench;
use crate::core::from_json;
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before reading (an evaluation is tens of KB).
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Whether a file named `name` is one for the Word / Excel module to read (.xlsx, .xls, .docx, a saved
/// web page, whose charset may be GBK), or to name as a format it does not read (.doc, .wps, .et).
pub fn is_office_file(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        ".xlsx", ".xls", ".docx", ".doc", ".wps", ".et", ".html", ".htm", ".mht", ".mhtml", ".pdf",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext))
}

/// The file types the pickers offer for an evaluation or a table.
pub const ACCEPT_TABLES: &str =
    ".json,.tsv,.txt,.xlsx,.xls,.docx,.pdf,.html,.htm,.mht,application/json,application/pdf,text/tab-separated-values,text/plain";

/// Reads `file` and opens it; on any problem the current evaluation stays exactly as it was.
pub fn open_file(state: Workbench, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES {
        state.notices.tell(
            true,
            format!("无法打开“{name}”：文件过大（超过 20 MB），不是评价文件。当前内容未改动。"),
        );
        return;
    }
    let lower = name.to_lowercase();
    if lower.ends_with(".zip") {
        // A package (导出全部): the evaluation with its evidence.
        super::evidence_tab::open_package_file(state, file);
        return;
    }
    if is_office_file(&name) {
        leptos::task::spawn_local(async move {
            let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                state
                    .notices
                    .tell(true, format!("无法读取“{name}”。当前内容未改动。"));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            // The cells come from the Word / Excel module (loaded on first use), which also names the
            // formats it does not read (.doc, .wps); the core reads them.
            let read =
                match super::export_module::run(super::export_module::Job::ReadDocument, &bytes)
                    .await
                {
                    Ok(json) => {
                        serde_json::from_slice::<crate::core::import::OpenedDocument>(&json)
                            .map_err(|e| format!("无法读取“{name}”（{e}）。当前内容未改动。"))
                    }
                    Err(message) => Err(format!("无法读取“{name}”：{message}。当前内容未改动。")),
                };
            match read {
                // A report's words come with it: the whole report opens as a new evaluation.
                Ok(crate::core::import::OpenedDocument {
                    report: Some(json), ..
                }) => match from_json(&json) {
                    Ok(evaluation) => {
                        state.document.replace(evaluation);
                        state.notices.tell(
                        false,
                        format!("已将报告“{name}”作为新的评价打开：附表的指标与得分、正文所述的单位、收支和资产数字、扣分原因和存在问题均已读入，正文与附表不一致之处见“检查”。可用“撤销”回到之前的评价。"),
                    );
                    }
                    Err(e) => state
                        .notices
                        .tell(true, format!("无法读取“{name}”：{e}。当前内容未改动。")),
                },
                Ok(read) => {
                    let parsed = crate::core::import::parse_rows(&read.cells);
                    super::import_panel::apply_table(state, parsed, &format!("“{name}”"), None);
                }
                Err(message) => state.notices.tell(true, message),
            }
        });
        return;
    }
    leptos::task::spawn_local(async move {
        let text = match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
        {
            Some(text) => text,
            None => {
                state
                    .notices
                    .tell(true, format!("无法读取“{name}”。当前内容未改动。"));
                return;
            }
        };
        // A tab-separated table (.tsv / .txt) is an indicator table, not an evaluation file.
        if !text.trim_start().starts_with('{') && (name.ends_with(".tsv") || name.ends_with(".txt"))
        {
            super::import_panel::import_table(state, &text, &format!("“{name}”"), None);
            return;
        }
        match from_json(&text) {
            Ok(evaluation) => {
                state.document.replace(evaluation);
                state.notices.tell(
                    false,
                    format!("已打开“{name}”。如需回到之前的内容，可点“撤销”。"),
                );
            }
            Err(error) => state
                .notices
                .tell(true, format!("无法打开“{name}”：{error}。当前内容未改动。")),
        }
    });
}
