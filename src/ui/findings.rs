//! 检查: findings grouped by severity with counts; clicking one goes to its field.

use super::state::{Derived, Document, Navigator};
use crate::core::edit::EditScope;
use crate::core::{Finding, Severity};
use leptos::prelude::*;

/// The 检查 tab.
#[component]
pub fn FindingsList() -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let nav = expect_context::<Navigator>();
    let group = move |severity: Severity| {
        let items = Memo::new(move |_| {
            derived.assessment.with(|a| {
                a.findings
                    .iter()
                    .filter(|f| f.severity == severity)
                    .cloned()
                    .collect::<Vec<Finding>>()
            })
        });
        let class = match severity {
            Severity::Error => "jx-sev-error",
            Severity::Warning => "jx-sev-warning",
            Severity::Info => "jx-sev-info",
        };
        view! {
            <section class=format!("jx-findings-group {class}") data-testid=format!("findings-{}", class.trim_start_matches("jx-sev-"))>
                <h2>{severity.label()}" "<span class="jx-count">{move || items.with(Vec::len)}</span></h2>
                <Show when=move || items.with(Vec::is_empty)>
                    <p class="jx-muted">"无"</p>
                </Show>
                <ul>
                    {move || items.get().into_iter().map(|f| {
                        let path = f.path.clone();
                        view! {
                            <li>
                                <button type="button" class="jx-finding" data-testid="finding" data-code=f.code.as_str()
                                    title=format!("{}（依据：{}）", f.code.explanation(), f.code.basis().label()) on:click=move |_| nav.go_to(&path)>
                                    <span class="jx-finding-msg">{f.message.clone()}</span>
                                    <span class="jx-finding-code">{f.code.as_str()}" · "{f.path.to_string()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    let notes = Memo::new(move |_| doc.evaluation.with(|e| e.import_notes.len()));
    view! {
        <div class="jx-findings-list" data-testid="findings-list">
            <Show when=move || { notes.get() > 0 }>
                <p class="jx-import-notes">
                    {move || format!("导入表时有 {} 行被跳过或按假设读入（见下列“导入表第 N 行”）。核对后可清除这些说明。", notes.get())}
                    <button type="button" class="jx-btn" data-testid="clear-import-notes"
                        on:click=move |_| doc.edit(EditScope::Whole, |e| e.import_notes.clear())>"清除导入说明"</button>
                </p>
            </Show>
            {group(Severity::Error)}
            {group(Severity::Warning)}
            {group(Severity::Info)}
        </div>
    }
}
