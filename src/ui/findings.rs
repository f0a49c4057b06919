//! 检查: findings grouped by severity with counts; clicking one goes to its field.

use super::state::Workbench;
use crate::core::{Finding, Severity};
use leptos::prelude::*;

/// The 检查 tab.
#[component]
pub fn FindingsList() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let group = move |severity: Severity| {
        let items = Memo::new(move |_| {
            state.assessment.with(|a| {
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
                                <button type="button" class="jx-finding" data-testid="finding" data-code=f.code.clone()
                                    on:click=move |_| state.go_to(&path)>
                                    <span class="jx-finding-msg">{f.message.clone()}</span>
                                    <span class="jx-finding-code">{f.code.clone()}" · "{f.path.clone()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    view! {
        <div class="jx-findings-list" data-testid="findings-list">
            {group(Severity::Error)}
            {group(Severity::Warning)}
            {group(Severity::Info)}
        </div>
    }
}
