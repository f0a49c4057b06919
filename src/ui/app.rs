//! The application shell: header and the scoring table.

use super::header::Header;
use super::indicator_table::IndicatorTable;
use super::state::Workbench;
use leptos::prelude::*;

/// The whole workbench.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Workbench::new());
    view! {
        <div class="jx-app" data-testid="workbench">
            <Header/>
            <main class="jx-main">
                <IndicatorTable/>
            </main>
        </div>
    }
}
