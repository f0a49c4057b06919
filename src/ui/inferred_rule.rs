//! The rule a row's figures imply (由指标值推断), shown under a 人工评判 leaf's rule: what the score
//! audit checks the typed score against. "采用" makes it the leaf's scoring rule; the direction can be
//! chosen in the row's details (指标方向).

use super::state::Document;
use crate::core::audit::{self, Standard};
use crate::core::edit::EditScope;
use crate::core::rule::{ReverseFormula, ScoringRule};
use leptos::prelude::*;

/// The inferred standard of leaf `id`, when its rule is 人工评判 and its figures allow one.
#[component]
pub fn InferredRule(id: String) -> impl IntoView {
    let doc = expect_context::<Document>();
    let id_read = id.clone();
    let inferred = Memo::new(move |_| {
        doc.with_node(&id_read, |n| {
            if !audit::audits(&n.rule) {
                return None;
            }
            audit::infer(n).map(|i| (i.standard, i.describe()))
        })
        .flatten()
    });
    view! {
        {move || inferred.get().map(|(standard, text)| {
            let id = id.clone();
            view! {
                <p class="jx-inferred" data-testid="inferred-rule">
                    <span>{text}</span>
                    <button type="button" class="jx-link" data-testid="adopt-inferred"
                        title="把推断的规则设为本指标的计分规则（可撤销）"
                        on:click=move |_| {
                            doc.edit_node(&id, EditScope::Whole, move |n| {
                                n.rule = match standard {
                                    Standard::Proportional(direction) => {
                                        n.direction = direction;
                                        ScoringRule::Proportional { reverse: ReverseFormula::Linear }
                                    }
                                    Standard::Level(level) => ScoringRule::Qualitative { level: Some(level) },
                                };
                            });
                        }>"采用"</button>
                </p>
            }
        })}
    }
}
