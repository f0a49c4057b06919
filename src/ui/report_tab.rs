//! 报告预览: the report's text blocks (with placeholders) and the live A4 preview, printing from a
//! hidden iframe that holds only the report (so printing works inside a portal page too), and the
//! standalone .html download.

use super::bind::area;
use super::export_module::{run, Job};
use super::files::{download_bytes, safe_file_text};
use super::state::Workbench;
use super::timing::Timing;
use crate::core::field;
use crate::core::placeholder::KNOWN;
use crate::core::Evaluation;
use crate::report::{build, build_assessed, html, Report};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The 报告预览 tab.
#[component]
pub fn ReportTab() -> impl IntoView {
    let state = Workbench::from_context();
    let Workbench {
        document: doc,
        derived,
        navigator: nav,
        ..
    } = state;
    // Built from the assessment memo: the report never scores the evaluation a second time.
    let fragment = Memo::new(move |_| {
        derived.assessment.with(|a| {
            doc.evaluation
                .with(|e| html::render_fragment(&build_assessed(e, a)))
        })
    });
    let placeholders = KNOWN
        .iter()
        .map(|(k, v)| format!("{{{k}}} {v}"))
        .collect::<Vec<_>>()
        .join("　");
    let print = move |_| print_report(state);
    let save_html = move |_| {
        offer(state, "html", "text/html", |report, _| {
            Ok((
                format!("{}.html", safe_file_text(&report.title)),
                html::render_document(report).into_bytes(),
            ))
        })
    };
    let save_docx =
        move |_| offer_from_module(state, Job::Docx, DOCX, |title| format!("{title}.docx"));
    let save_xlsx = move |_| {
        offer_from_module(state, Job::Xlsx, XLSX, |title| {
            format!("{title}评分表.xlsx")
        })
    };
    let readonly = use_context::<super::state::ReadOnly>().is_some_and(|r| r.0);
    // A memo, so typing elsewhere does not reopen the section the user closed.
    let has_rectification =
        Memo::new(move |_| doc.evaluation.with(|e| e.narrative.has_rectification()));
    // The report's own stylesheet, adopted by the document or shadow root holding the workbench.
    Effect::new(move |_| {
        if let (Some(root), Some(window)) = (nav.root.get(), web_sys::window()) {
            let holder: JsValue = root.get_root_node().into();
            super::styles::adopt(&holder, &window.into(), html::STYLE, "__jixiaoReportStyle");
        }
    });
    view! {
        <section class="jx-report-tab" class:jx-report-only=readonly>
            <div class="jx-report-editor jx-form" class:jx-hidden=readonly>
                <h2>"报告文字"</h2>
                <p class="jx-muted">"可用占位符（自动填入计算结果）：" {placeholders}</p>
                {area(field::NARRATIVE_CONCLUSION, 4)}
                {area(field::NARRATIVE_ACHIEVEMENTS, 6)}
                <details class="jx-rectification" open=move || has_rectification.get()>
                    <summary>"上年度问题整改落实情况"</summary>
                    <p class="jx-muted">"上年的存在问题和有关建议由“新建下一年度”或“用上年文件填入上年数”带入；填写整改落实情况后，报告单列一节。"</p>
                    {area(field::NARRATIVE_PRIOR_PROBLEMS, 3)}
                    {area(field::NARRATIVE_PRIOR_SUGGESTIONS, 3)}
                    {area(field::NARRATIVE_RECTIFICATION, 4)}
                </details>
                {area(field::NARRATIVE_PROBLEMS, 4)}
                {area(field::NARRATIVE_SUGGESTIONS, 4)}
                {area(field::NARRATIVE_PROCESS, 4)}
            </div>
            <div class="jx-report-view">
                <div class="jx-actions">
                    <button type="button" class="jx-btn" data-testid="print-report" on:click=print>"打印 / 另存为 PDF"</button>
                    <button type="button" class="jx-btn" data-testid="save-docx" on:click=save_docx>"下载 Word"</button>
                    <button type="button" class="jx-btn" data-testid="save-html" on:click=save_html>"下载 HTML"</button>
                    <button type="button" class="jx-btn" data-testid="save-xlsx" on:click=save_xlsx>"下载 Excel 评分表"</button>
                </div>
                <div class="jx-report-preview" data-testid="report-preview" inner_html=move || fragment.get()></div>
            </div>
        </section>
    }
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Builds a file from the current report and offers it as a download; a failure is told in the banner.
fn offer(
    state: Workbench,
    kind: &str,
    mime: &str,
    make: impl FnOnce(&Report, &Evaluation) -> Result<(String, Vec<u8>), String>,
) {
    let Workbench {
        document: doc,
        notices,
        ..
    } = state;
    let timing = Timing::start(&format!("jixiao:export-{kind}"));
    let result = doc.evaluation.with_untracked(|e| make(&build(e), e));
    let result = result.and_then(|(name, bytes)| download_bytes(&name, &bytes, mime));
    timing.end();
    if let Err(message) = result {
        notices.tell(true, message);
    }
}

/// Like [`offer`], with the file made by the Word / Excel module (loaded on first use) from the
/// [`Documents`](crate::export::documents::Documents) of the page's assessment. `name` gets the report's
/// title, cleaned for file systems.
fn offer_from_module(
    state: Workbench,
    job: Job,
    mime: &'static str,
    name: impl FnOnce(&str) -> String,
) {
    let Workbench {
        document: doc,
        derived,
        notices,
        ..
    } = state;
    let timing = Timing::start(if matches!(job, Job::Docx) {
        "jixiao:export-docx"
    } else {
        "jixiao:export-xlsx"
    });
    let (name, json) = doc.evaluation.with_untracked(|e| {
        derived.assessment.with_untracked(|a| {
            let documents = crate::export::documents::Documents::assessed(e, a);
            (
                name(&safe_file_text(&documents.report.title)),
                serde_json::to_vec(&documents).unwrap_or_default(),
            )
        })
    });
    leptos::task::spawn_local(async move {
        let result = run(job, &json)
            .await
            .and_then(|bytes| download_bytes(&name, &bytes, mime));
        timing.end();
        if let Err(message) = result {
            notices.tell(true, message);
        }
    });
}

/// Prints the report from a hidden iframe holding only the report and its own stylesheet.
fn print_report(state: Workbench) {
    let Workbench {
        document: doc,
        navigator: nav,
        ..
    } = state;
    let Some(root) = nav.root.get_untracked() else {
        return;
    };
    let report = doc.evaluation.with_untracked(build);
    let doc = html::render_bare_document(&report);
    let css = format!(
        "{}{}\nbody {{ margin: 0; }}",
        html::page_style(&report),
        html::STYLE
    );
    super::print::print_document(&root, &doc, css);
}

super::lazy::capability!(pub REPORT, report, "报告预览", || view! { <ReportTab/> }.into_any());
