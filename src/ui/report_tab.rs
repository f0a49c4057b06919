//! 报告预览: placeholder until the report generation lands (issue: report and documents). Shows the
//! figures the report will quote, all computed.

use super::state::Workbench;
use crate::core::number::fmt_score;
use leptos::prelude::*;

/// The 报告预览 tab.
#[component]
pub fn ReportTab() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let line = move || {
        state.assessment.with(|a| {
            format!("自评价得分为 {} 分，评价等级为“{}”；{}。", fmt_score(a.total), a.grade, a.counts_sentence())
        })
    };
    view! {
        <section class="jx-report-placeholder" data-testid="report-preview">
            <h2>"报告预览"</h2>
            <p>{line}</p>
            <p class="jx-muted">"完整的自评价报告（公文版式、Word / Excel 导出）将在此处生成。"</p>
        </section>
    }
}
