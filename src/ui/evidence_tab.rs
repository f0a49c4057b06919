//! 佐证材料: attach files to indicator rows (a row's 📎 button, a drop on the row, a pasted picture),
//! list, preview and remove them, state each indicator's 已提供 / 缺失 / 不适用, and hand everything on
//! as one package (导出全部（.zip）) or open such a package. The records are part of the evaluation
//! (undoable, autosaved); the bytes are in IndexedDB ([`super::evidence_store`]).

use super::evidence_store as store;
use super::export_module::{run, Job};
use super::files::download_bytes;
use super::state::{Derived, Document, Notices, Workbench};
use crate::core::edit::EditScope;
use crate::core::evidence::{check_size, open_package, sha256_hex, size_text};
use crate::core::model::{Evidence, EvidenceStatus};
use crate::core::path::{FieldPath, IndicatorField};
use crate::core::review::intake::{decode_unpacked, encode_unpacked, Unpacked};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Reads `file`'s bytes.
async fn bytes_of(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Attaches `files` to the indicator `id`: each checked for size, hashed, stored, then recorded (one
/// undoable step per file). A file that cannot be stored changes nothing.
pub fn attach(doc: Document, notices: Notices, id: String, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let first_ever = doc
            .evaluation
            .with_untracked(|e| e.evidence_files.is_empty());
        let mut added = Vec::new();
        for file in files {
            let name = file.name();
            if let Err(message) = check_size(&name, file.size() as u64) {
                notices.tell(true, message);
                continue;
            }
            let Some(bytes) = bytes_of(&file).await else {
                notices.tell(true, format!("无法读取“{name}”，未添加。"));
                continue;
            };
            let sha256 = sha256_hex(&bytes);
            let twice = doc.evaluation.with_untracked(|e| {
                e.evidence_files
                    .iter()
                    .any(|f| f.indicator == id && f.sha256 == sha256)
            });
            if twice {
                notices.tell(false, format!("“{name}”已附在此指标下，未重复添加。"));
                continue;
            }
            if let Err(message) = store::put(&doc.scope(), &sha256, &bytes).await {
                notices.tell(true, message);
                return;
            }
            let record = Evidence {
                indicator: id.clone(),
                name: name.clone(),
                description: String::new(),
                size: bytes.len() as u64,
                sha256,
                mime: file.type_(),
            };
            doc.edit(EditScope::Field("evidence_files"), |e| {
                e.evidence_files.push(record)
            });
            doc.seal();
            added.push(name);
        }
        if !added.is_empty() {
            if first_ever {
                store::ask_persist();
            }
            notices.tell(false, format!("已添加佐证材料：{}。", added.join("、")));
        }
    });
}

/// The files of `ev` (a drop or a paste), if any.
pub fn dropped_files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A row's evidence button: the count, and a file input to add more.
#[component]
pub fn EvidenceButton(id: String) -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let notices = expect_context::<Notices>();
    let count_id = id.clone();
    let count = Memo::new(move |_| derived.evidence_count(&count_id));
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = dropped_files(input.files());
        input.set_value("");
        attach(doc, notices, id.clone(), files);
    };
    view! {
        <label title="添加佐证材料（也可把文件拖到此行，或在此行粘贴截图）"
            class=move || { if count.get() > 0 { "jx-evidence-btn jx-evidence-has" } else { "jx-evidence-btn" } }>
            "📎"<span data-testid="evidence-count">{move || count.get()}</span>
            <input type="file" multiple class="jx-file-overlay" data-testid="evidence-add" aria-label="添加佐证材料"
                on:change=on_pick/>
        </label>
    }
}

/// Removes the record at `index` (undoable). The bytes stay in the browser, so an undo finds them.
fn remove_at(state: Workbench, index: usize) {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    let Some(file) = doc
        .evaluation
        .with_untracked(|e| e.evidence_files.get(index).cloned())
    else {
        return;
    };
    doc.edit(EditScope::Field("evidence_files"), |e| {
        if index < e.evidence_files.len() {
            e.evidence_files.remove(index);
        }
    });
    doc.seal();
    notices.tell(false, format!("已删除佐证材料“{}”（可撤销）。", file.name));
}

/// A file being previewed: its name, a blob URL of its bytes, and how the page can show it.
#[derive(Clone, PartialEq)]
struct Shown {
    name: String,
    url: String,
    /// `image`, `pdf` or `other` (a link only).
    kind: &'static str,
}

/// Shows the stored bytes of `file` below the list: pictures and PDFs inline where the browser can, a
/// link to open it in a new window always (the previous preview's URL is released).
fn preview(state: Workbench, file: Evidence, shown: RwSignal<Option<Shown>>) {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    leptos::task::spawn_local(async move {
        match store::get(&doc.scope(), &file.sha256).await {
            Ok(Some(bytes)) => {
                let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(if file.mime.is_empty() { "application/octet-stream" } else { &file.mime });
                let url = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
                    .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
                match url {
                    Ok(url) => {
                        let lower = file.name.to_lowercase();
                        let kind = if file.mime.starts_with("image/") {
                            "image"
                        } else if file.mime == "application/pdf" || lower.ends_with(".pdf") {
                            "pdf"
                        } else {
                            "other"
                        };
                        let previous = shown.get_untracked();
                        shown.set(Some(Shown { name: file.name.clone(), url, kind }));
                        if let Some(old) = previous {
                            let _ = web_sys::Url::revoke_object_url(&old.url);
                        }
                    }
                    Err(_) => notices.tell(true, "浏览器无法预览此文件。"),
                }
            }
            Ok(None) => notices.tell(
                true,
                format!("“{}”的文件内容不在本机（可能在另一台电脑添加，或浏览器数据已清除）：请重新添加。", file.name),
            ),
            Err(message) => notices.tell(true, message),
        }
    });
}

/// Writes the package: the evaluation, its report and every evidence file.
fn export_package(state: Workbench) {
    let Workbench {
        document: doc,
        derived,
        notices,
        ..
    } = state;
    leptos::task::spawn_local(async move {
        let evaluation = doc.evaluation.get_untracked();
        // Built from the page's assessment: the Word / Excel module only writes.
        let package = derived
            .assessment
            .with_untracked(|a| crate::export::documents::PackageParts::assessed(&evaluation, a));
        let mut parts = vec![Unpacked {
            name: crate::export::module::PACKAGE_PARTS.into(),
            bytes: Ok(serde_json::to_vec(&package).unwrap_or_default()),
        }];
        let mut shas: Vec<&str> = evaluation
            .evidence_files
            .iter()
            .map(|f| f.sha256.as_str())
            .collect();
        shas.sort_unstable();
        shas.dedup();
        for sha in shas {
            match store::get(&doc.scope(), sha).await {
                Ok(Some(bytes)) => parts.push(Unpacked {
                    name: sha.to_string(),
                    bytes: Ok(bytes),
                }),
                Ok(None) => {}
                Err(message) => {
                    notices.tell(true, message);
                    return;
                }
            }
        }
        match run(Job::Package, &encode_unpacked(&parts)).await {
            Ok(zip) => {
                let name = format!(
                    "{}材料包.zip",
                    super::files::safe_file_text(&evaluation.title())
                );
                if let Err(message) = download_bytes(&name, &zip, "application/zip") {
                    notices.tell(true, message);
                }
            }
            Err(message) => notices.tell(true, format!("材料包未能导出：{message}")),
        }
    });
}

/// Opens a package: after confirming, the evaluation replaces the current one (undoable) and its
/// evidence is stored; anything missing or altered refuses the whole package.
pub fn open_package_file(state: Workbench, file: web_sys::File) {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    leptos::task::spawn_local(async move {
        let name = file.name();
        let Some(bytes) = bytes_of(&file).await else {
            notices.tell(true, format!("无法读取“{name}”。当前内容未改动。"));
            return;
        };
        let files = match run(Job::Unzip, &bytes).await.map(|b| decode_unpacked(&b)) {
            Ok(Some(files)) => files,
            Ok(None) => {
                notices.tell(true, format!("“{name}”无法解开。当前内容未改动。"));
                return;
            }
            Err(message) => {
                notices.tell(true, format!("“{name}”：{message}。当前内容未改动。"));
                return;
            }
        };
        let files: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .filter_map(|f| Some((f.name, f.bytes.ok()?)))
            .collect();
        let opened = match open_package(&files) {
            Ok(o) => o,
            Err(message) => {
                notices.tell(true, format!("“{name}”：{message}。当前内容未改动。"));
                return;
            }
        };
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!(
                    "打开材料包“{name}”（{} 个佐证材料）？当前评价将被替换，可用“撤销”找回。",
                    opened.files.len()
                ))
                .ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
        for (evidence, bytes) in &opened.files {
            if let Err(message) = store::put(&doc.scope(), &evidence.sha256, bytes).await {
                notices.tell(true, format!("{message}。当前内容未改动。"));
                return;
            }
        }
        let count = opened.files.len();
        doc.replace(opened.evaluation);
        notices.tell(
            false,
            format!("已打开材料包“{name}”：评价和 {count} 个佐证材料。"),
        );
    });
}

/// One indicator row of the 佐证材料 list.
#[derive(Clone, PartialEq)]
struct EvidenceRow {
    id: String,
    name: String,
    status: EvidenceStatus,
    /// Its files with their index in `evidence_files`.
    files: Vec<(usize, Evidence)>,
}

/// The 佐证材料 tab.
#[component]
pub fn EvidenceTab() -> impl IntoView {
    let state = Workbench::from_context();
    let doc = state.document;
    let usage = RwSignal::new(None::<(f64, f64)>);
    let shown = RwSignal::new(None::<Shown>);
    Effect::new(move |_| {
        doc.evaluation.with(|e| e.evidence_files.len());
        leptos::task::spawn_local(async move { usage.set(store::estimate().await) });
    });
    let rows = Memo::new(move |_| {
        doc.evaluation.with(|e| {
            let mut out: Vec<EvidenceRow> = Vec::new();
            e.walk_indicators(&mut |node, _| {
                if !node.is_leaf() {
                    return;
                }
                let files: Vec<(usize, Evidence)> = e
                    .evidence_files
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.indicator == node.id)
                    .map(|(i, f)| (i, f.clone()))
                    .collect();
                out.push(EvidenceRow {
                    id: node.id.clone(),
                    name: node.name.clone(),
                    status: node.evidence_status,
                    files,
                });
            });
            out
        })
    });
    let on_open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        if let Some(file) = file {
            open_package_file(state, file);
        }
    };
    let total = move || {
        doc.evaluation.with(|e| {
            (
                e.evidence_files.len(),
                e.evidence_files.iter().map(|f| f.size).sum::<u64>(),
            )
        })
    };
    view! {
        <section class="jx-form jx-evidence" data-testid="evidence-tab">
            <h2>"佐证材料"</h2>
            <div class="jx-toolbar jx-inline-toolbar">
                <button type="button" class="jx-btn" data-testid="export-package" on:click=move |_| export_package(state)>"导出全部（.zip）"</button>
                <label class="jx-btn jx-file-btn">
                    "打开材料包…"
                    <input type="file" class="jx-file-overlay" data-testid="open-package" accept=".zip,application/zip"
                        aria-label="选择材料包" on:change=on_open/>
                </label>
                <span class="jx-muted" data-testid="evidence-usage">
                    {move || { let (n, bytes) = total(); format!("共 {n} 个文件，{}", size_text(bytes)) }}
                    {move || usage.get().map(|(used, quota)| format!("；本站已用存储 {}，可用上限约 {}", size_text(used as u64), size_text(quota as u64)))}
                </span>
            </div>
            <p class="jx-muted">"在“指标体系与评分”中点行末的 📎 添加文件，或把文件拖到该行、在该行粘贴截图；文件只保存在本机浏览器中，导出材料包即可交给复核人员。单个文件不超过 50 MB。"</p>
            <table class="jx-compare-table jx-evidence-table">
                <thead><tr><th>"指标"</th><th>"佐证材料情况"</th><th>"文件"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| view! { <EvidenceLine row=row shown=shown/> }).collect_view()}
                </tbody>
            </table>
            <Preview shown=shown/>
        </section>
    }
}

/// One leaf's row: its 佐证材料情况 and its files.
#[component]
fn EvidenceLine(row: EvidenceRow, shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let doc = expect_context::<Document>();
    let EvidenceRow {
        id,
        name,
        status,
        files,
    } = row;
    let status_path = FieldPath::of_indicator(&id, IndicatorField::EvidenceStatus).to_string();
    let status_cell = status_path.clone();
    let files_view = files
        .into_iter()
        .map(|(index, file)| view! { <FileLine index=index file=file shown=shown/> })
        .collect_view();
    let row_name = name.clone();
    view! {
        <tr data-testid="evidence-row" data-name=row_name>
            <td>{name}</td>
            <td data-path=status_cell>
                <select class="jx-input jx-select" aria-label="佐证材料情况"
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        let status = EvidenceStatus::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default();
                        doc.edit_node(&id, EditScope::Field(&status_path), |n| n.evidence_status = status);
                    }>
                    {EvidenceStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.key() selected=s == status>{s.label()}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>{files_view}</td>
        </tr>
    }
}

/// One file: previewed on a click, described, removed.
#[component]
fn FileLine(index: usize, file: Evidence, shown: RwSignal<Option<Shown>>) -> impl IntoView {
    let state = Workbench::from_context();
    let doc = state.document;
    let this = file.clone();
    let desc_path = format!("evidence_files/{index}/description");
    view! {
        <div class="jx-evidence-file" data-testid="evidence-file">
            <button type="button" class="jx-linkish" data-testid="evidence-preview" on:click=move |_| preview(state, this.clone(), shown)>{file.name.clone()}</button>
            <span class="jx-muted">{format!(" {} · SHA-256 {}…", size_text(file.size), &file.sha256[..12.min(file.sha256.len())])}</span>
            <input class="jx-input" placeholder="说明（如：会议纪要、合同）" aria-label="佐证材料说明"
                prop:value=file.description.clone()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    doc.edit(EditScope::Field(&desc_path), |e| {
                        if let Some(f) = e.evidence_files.get_mut(index) { f.description = v }
                    });
                }/>
            <button type="button" class="jx-btn" data-testid="evidence-remove" on:click=move |_| remove_at(state, index)>"删除"</button>
        </div>
    }
}

/// The file shown: an image or a PDF in the page, anything else to open in a new window.
#[component]
fn Preview(shown: RwSignal<Option<Shown>>) -> impl IntoView {
    move || {
        shown.get().map(|s| view! {
        <figure class="jx-evidence-preview" data-testid="evidence-shown">
            <figcaption>
                {s.name.clone()}" "
                <a href=s.url.clone() target="_blank" rel="noopener">"在新窗口打开"</a>" "
                <button type="button" class="jx-linkish" on:click=move |_| shown.set(None)>"关闭预览"</button>
            </figcaption>
            {match s.kind {
                "image" => view! { <img src=s.url.clone() alt=s.name.clone()/> }.into_any(),
                "pdf" => view! { <iframe src=s.url.clone() title=s.name.clone()></iframe> }.into_any(),
                _ => view! { <p class="jx-muted">"此类文件无法在页面内预览，请在新窗口打开或下载查看。"</p> }.into_any(),
            }}
        </figure>
    })
    }
}

super::lazy::capability!(pub EVIDENCE, evidence, "佐证材料", || view! { <EvidenceTab/> }.into_any());
