//! A 监控表's red and yellow lights as a list: the light, the row, its formula and what the unit said of
//! it (完成目标可能性, 偏差原因, 纠偏措施) — shown under a row of the league table and above a file opened.

use crate::core::review::Alert;
use leptos::prelude::*;

/// The alerts, worst first (as [`Alert::of`] orders them).
#[component]
pub fn AlertList(alerts: Vec<Alert>) -> impl IntoView {
    view! {
        <ol class="jx-alert-list">
            {alerts.into_iter().map(|a| {
                let reasons = a.reasons();
                let unexplained = a.cause.is_empty() || a.measure.is_empty();
                view! {
                    <li data-testid="alert" data-light=a.light.label()>
                        <span class=format!("jx-light jx-light-{}", a.light.position())>{a.light.label()}</span>
                        " "<strong>{a.name}</strong>"："{a.formula}
                        <br/><span class:jx-alert-missing=unexplained>{reasons}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
