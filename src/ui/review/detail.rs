//! One file of the batch opened from the league table: the 复核意见 editor, 返回列表, 编辑副本 and the
//! printable 复核意见 sheet above the normal workbench views of the file, read-only (its own state,
//! which never saves: the reviewer's own workbench and the unit's file are both left untouched).

use super::state::Review;
use super::Mode;
use crate::core::review::{Conclusion, Verdict};
use crate::core::Evaluation;
use crate::report::review as docs;
use crate::ui::state::{Document, Navigator, Notices, ReadOnly, Workbench};
use crate::ui::workbench::WorkbenchView;
use leptos::prelude::*;

/// The file `file` of the batch.
#[component]
pub fn Detail(file: String) -> impl IntoView {
    let review = expect_context::<Review>();
    let document = expect_context::<Document>();
    let notices = expect_context::<Notices>();
    let navigator = expect_context::<Navigator>();
    let mode = expect_context::<RwSignal<Mode>>();
    let index = review
        .desk
        .with_untracked(|d| d.rows.iter().position(|r| r.file == file));
    let Some(index) = index else {
        return view! { <p>"该文件已不在列表中。"</p> }.into_any();
    };
    let row = review.desk.with_untracked(|d| d.rows[index].clone());
    let key = row.key.clone();
    let evaluation = review.evaluation(&file);
    let back = move |_| review.opened.set(None);
    let copy = evaluation.clone();
    let edit_copy = move |_| {
        let Some(evaluation) = copy.clone() else {
            return;
        };
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message("把该文件的副本打开到“自评工作台”进行编辑？当前工作台中的内容将被替换（可用“撤销”找回），报送的原文件不受影响。").ok())
            .unwrap_or(false);
        if ok {
            document.replace(evaluation);
            notices.tell(
                false,
                "已打开副本进行编辑；复核台的列表和复核意见不受影响。之前的内容可用“撤销”找回。",
            );
            mode.set(Mode::Workbench);
        }
    };
    // A 申报表 prints its 绩效目标审核意见书; other files their 复核意见.
    let target = row.summary().is_some_and(|s| s.target_review.is_some());
    let print_name = if target {
        "绩效目标审核意见书"
    } else {
        "复核意见"
    };
    let print = move |_| {
        let Some(root) = navigator.root.get_untracked() else {
            return;
        };
        let (title, body) = review.desk.with_untracked(|d| {
            (
                format!("{}{print_name}", d.rows[index].unit()),
                docs::verdict_sheet(d, index),
            )
        });
        crate::ui::print::print_document(
            &root,
            &docs::bare_document(&title, &body),
            docs::STYLE.to_string(),
        );
    };
    let has_copy = evaluation.is_some();
    let alerts = row.summary().filter(|s| !s.alerts.is_empty()).map(|s| {
        let heading = format!("监控预警（{}）", s.light.map_or("—", |l| l.label()));
        view! {
            <section class="jx-review-detail-alerts" data-testid="review-detail-alerts">
                <h2>{heading}</h2>
                <super::AlertList alerts=s.alerts.clone()/>
            </section>
        }
    });
    view! {
        <div class="jx-review-detail" data-testid="review-detail">
            <div class="jx-toolbar" role="toolbar" aria-label="复核">
                <button type="button" class="jx-btn" data-testid="review-back" on:click=back>"← 返回列表"</button>
                <strong class="jx-review-detail-file" data-testid="review-detail-file">{row.file.clone()}</strong>
                <span class="jx-sep"></span>
                <button type="button" class="jx-btn" data-testid="review-edit-copy" prop:disabled=!has_copy on:click=edit_copy>"编辑副本"</button>
                <button type="button" class="jx-btn" data-testid="review-print-verdict" on:click=print>{format!("打印{print_name}")}</button>
            </div>
            <VerdictEditor key=key/>
            {alerts}
            {match evaluation {
                Some(evaluation) => view! { <Viewer evaluation=evaluation/> }.into_any(),
                None if row.summary().is_some() => view! {
                    <p class="jx-review-empty" data-testid="review-not-kept">"浏览器只保存了该文件的汇总和复核意见，未保存文件本身；请重新打开该文件（或整批文件）以查看详情，复核意见会自动对应。"</p>
                }.into_any(),
                None => view! { <p class="jx-review-empty jx-review-problem">{row.problem()}</p> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The conclusion and the comment on the file with content `key`.
#[component]
fn VerdictEditor(key: String) -> impl IntoView {
    let review = expect_context::<Review>();
    let verdict = {
        let key = key.clone();
        Memo::new(move |_| review.desk.with(|d| d.verdict(&key)))
    };
    if key.is_empty() {
        return view! { <p class="jx-muted">"该文件未能读取，无法记录复核意见。"</p> }.into_any();
    }
    let conclusion_key = key.clone();
    let set_conclusion = move |ev: leptos::ev::Event| {
        let conclusion = Conclusion::from_key(&event_target_value(&ev)).unwrap_or_default();
        review.set_conclusion(&conclusion_key, conclusion);
    };
    let comment_key = key.clone();
    let type_comment = move |ev: leptos::ev::Event| {
        let comment = event_target_value(&ev);
        let conclusion = verdict.get_untracked().conclusion;
        review.set_verdict(
            &comment_key,
            Verdict {
                conclusion,
                comment,
            },
            false,
        );
    };
    view! {
        <fieldset class="jx-review-verdict" data-testid="review-verdict">
            <legend>"复核意见"</legend>
            <label class="jx-inline">
                <span>"复核结论"</span>
                <select data-testid="review-conclusion" on:change=set_conclusion>
                    {Conclusion::ALL.iter().map(|c| {
                        let c = *c;
                        view! { <option value=c.key() selected=move || verdict.with(|v| v.conclusion == c)>{c.label()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="jx-review-comment">
                <span>"意见"</span>
                <textarea data-testid="review-comment" rows="3" placeholder="例如：所列总分与各项得分之和不符，请核实后重新报送。"
                    prop:value=move || verdict.with(|v| v.comment.clone())
                    on:input=type_comment on:change=move |_| review.save()></textarea>
            </label>
        </fieldset>
    }
    .into_any()
}

/// The file in the normal workbench views, read-only, with its own state.
#[component]
fn Viewer(evaluation: Evaluation) -> impl IntoView {
    let viewer = Workbench::detached(evaluation);
    viewer.provide();
    provide_context(ReadOnly(true));
    view! {
        <div class="jx-review-viewer" data-testid="review-viewer" node_ref=viewer.navigator.root>
            <WorkbenchView readonly=true/>
        </div>
    }
}
