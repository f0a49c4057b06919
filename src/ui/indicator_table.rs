//! The scoring table (指标体系与评分), laid out like the scoring annex.

use super::state::Workbench;
use crate::core::number::fmt_score;
use leptos::prelude::*;

/// One printed row: a leaf with its ancestors' names.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    path: Vec<String>,
    name: String,
    points: String,
    score: String,
    explanation: String,
    criteria: String,
}

/// The indicator table.
#[component]
pub fn IndicatorTable() -> impl IntoView {
    let state = expect_context::<Workbench>();
    let rows = Memo::new(move |_| {
        let assessment = state.assessment.get();
        let mut rows = Vec::new();
        state.evaluation.with(|e| {
            let mut trail: Vec<String> = Vec::new();
            e.walk_indicators(&mut |node, depth| {
                trail.truncate(depth);
                trail.push(format!("{}（{}分）", node.name, fmt_score(node.points)));
                if node.is_leaf() {
                    let result = assessment.node(&node.id);
                    rows.push(Row {
                        id: node.id.clone(),
                        path: trail[..depth].to_vec(),
                        name: node.name.clone(),
                        points: fmt_score(node.points),
                        score: result.map(|r| fmt_score(r.score)).unwrap_or_default(),
                        explanation: result.map(|r| r.explanation.clone()).unwrap_or_default(),
                        criteria: node.criteria.clone(),
                    });
                }
            });
        });
        rows
    });
    view! {
        <table class="jx-table" data-testid="indicator-table">
            <thead>
                <tr>
                    <th>"上级指标"</th>
                    <th>"指标"</th>
                    <th>"评价要点"</th>
                    <th>"分值"</th>
                    <th>"得分"</th>
                    <th>"计分说明"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|row| (row.id.clone(), row.score.clone(), row.name.clone()) let:row>
                    <tr data-id=row.id.clone()>
                        <td class="jx-path">{row.path.join(" / ")}</td>
                        <td>{row.name}</td>
                        <td class="jx-criteria">{row.criteria}</td>
                        <td class="jx-num">{row.points}</td>
                        <td class="jx-num">{row.score}</td>
                        <td class="jx-explain">{row.explanation}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}
