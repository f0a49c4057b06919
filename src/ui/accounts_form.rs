//! 收支与资产: budget and accounts, assets, 专项资金 / “三公”经费, project funds, and their reconciliation.

use super::bind::{amount, decimal};
use super::charts::BudgetChart;
use super::fields::{show_decimal, DecimalField, TextField};
use super::state::{Derived, Document, Tab};
use crate::core::amounts;
use crate::core::check::ReconcileStatus;
use crate::core::edit::EditScope;
use crate::core::field::{self, Field};
use crate::core::{FundLine, ProjectBudget};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The 收支与资产 tab.
#[component]
pub fn AccountsForm() -> impl IntoView {
    let doc = expect_context::<Document>();
    let has_project = move || doc.evaluation.with(|e| e.project.is_some());
    let rate = move || {
        doc.evaluation.with(|e| {
            let source = crate::core::metric::execution_rate_source(e);
            match source.resolve(e) {
                Ok(m) => format!("{}%（{}）", show_decimal(Some(m.value)), m.basis),
                Err(why) => why,
            }
        })
    };
    view! {
        <section class="jx-form" data-testid="accounts-form">
            <Show when=has_project>
                <ProjectFunds/>
            </Show>
            <h2>"年初预算（万元）"</h2>
            <div class="jx-grid">
                {amount(amounts::INITIAL_INCOME)}
                {amount(amounts::INITIAL_EXPENSE)}
                {amount(amounts::INITIAL_EXPENSE_BASIC)}
                {amount(amounts::INITIAL_EXPENSE_PROJECT)}
                {amount(amounts::ADJUSTED_BUDGET)}
            </div>
            <h2>"本年收支（万元）"</h2>
            <div class="jx-grid">
                {amount(amounts::INCOME_TOTAL)}
                {amount(amounts::INCOME_FISCAL)}
                {amount(amounts::INCOME_OTHER)}
                {amount(amounts::EXPENSE_TOTAL)}
                {amount(amounts::EXPENSE_BASIC)}
                {amount(amounts::EXPENSE_PROJECT)}
                {amount(amounts::CARRYOVER_START)}
                {amount(amounts::CARRYOVER_END)}
                {decimal(field::ACCOUNTS_STATED_EXECUTION_RATE, "%")}
            </div>
            <p class="jx-computed" data-testid="execution-rate">"预算执行率（计算）："{rate}</p>
            <h2>"专项资金与“三公”经费（万元）"</h2>
            <div class="jx-grid">
                {amount(amounts::SPECIAL_FUNDS_BUDGET)}
                {amount(amounts::SPECIAL_FUNDS_ACTUAL)}
                {amount(amounts::THREE_PUBLIC_BUDGET)}
                {amount(amounts::THREE_PUBLIC_ACTUAL)}
            </div>
            <h2>"上年数（万元，用于变动率）"</h2>
            <div class="jx-grid">
                {amounts::PRIOR.map(amount).into_iter().collect_view()}
            </div>
            <h2>"资产（万元）"</h2>
            <div class="jx-grid">
                {amount(amounts::ASSETS_TOTAL)}
                {amount(amounts::ASSETS_CURRENT)}
                {amount(amounts::ASSETS_FIXED)}
                {amount(amounts::ASSETS_INTANGIBLE)}
                {amount(amounts::ASSETS_OTHER)}
            </div>
            <Reconciliations tab=Tab::Accounts/>
            <BudgetChart/>
        </section>
    }
}

/// The reconciliations of the figures a tab shows (by the total's path), with their outcome.
#[component]
pub fn Reconciliations(tab: Tab) -> impl IntoView {
    let derived = expect_context::<Derived>();
    let items = Memo::new(move |_| {
        derived.assessment.with(|a| {
            a.reconciliations
                .iter()
                .filter(|r| Tab::for_path(&r.path) == tab)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <h2>"核对"</h2>
        <ul class="jx-recon" data-testid="reconciliations">
            {move || items.get().into_iter().map(|r| {
                let (class, mark) = match r.status {
                    ReconcileStatus::Pass => ("jx-pass", "✓ 相符"),
                    ReconcileStatus::RoundingGap => ("jx-round", "≈ 尾差"),
                    ReconcileStatus::Mismatch => ("jx-fail", "✗ 不符"),
                    ReconcileStatus::Unverifiable => ("jx-unknown", "? 无法核实"),
                };
                view! {
                    <li class=class>
                        <span class="jx-recon-mark">{mark}</span>
                        <span class="jx-recon-label">{r.label}</span>
                        <span class="jx-recon-detail">{r.detail}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// 项目支出: the fund lines (年初预算数 / 全年预算数 / 全年执行数) and the execution rate.
#[component]
fn ProjectFunds() -> impl IntoView {
    let doc = expect_context::<Document>();
    let count = Memo::new(move |_| {
        doc.evaluation
            .with(|e| e.project.as_ref().map_or(0, |p| p.funds.len()))
    });
    let line_field = move |i: usize, field: Field<FundLine, Option<Decimal>>| {
        let label = field.label;
        let path = format!("project/funds/{i}/{}", field.key);
        let value = Signal::derive(move || {
            doc.evaluation.with(|e| {
                e.project
                    .as_ref()
                    .and_then(|p| p.funds.get(i))
                    .and_then(field.get)
            })
        });
        let key = path.clone();
        let on_change = Callback::new(move |v: Option<Decimal>| {
            doc.edit(EditScope::Field(&key), |e| {
                if let Some(line) = e.project.as_mut().and_then(|p| p.funds.get_mut(i)) {
                    (field.set)(line, v)
                }
            })
        });
        view! { <DecimalField label=label path=path value=value on_change=on_change compact=true/> }
    };
    let name = Signal::derive(move || {
        doc.evaluation.with(|e| {
            e.project
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <h2>"项目预算执行情况（万元）"</h2>
        <TextField label="项目名称" path="project/name" value=name on_change=Callback::new(move |v: String| {
            doc.edit(EditScope::Field("project/name"), |e| e.project.get_or_insert_with(ProjectBudget::default).name = v)
        })/>
        <table class="jx-table jx-funds" data-testid="project-funds">
            <thead><tr><th>"资金来源"</th><th>"年初预算数"</th><th>"全年预算数"</th><th>"全年执行数"</th><th>"执行率"</th></tr></thead>
            <tbody>
                {move || (0..count.get()).map(|i| {
                    let source = Signal::derive(move || doc.evaluation.with(|e| {
                        e.project.as_ref().and_then(|p| p.funds.get(i)).map(|l| l.source.clone()).unwrap_or_default()
                    }));
                    let rate = move || doc.evaluation.with(|e| {
                        e.project.as_ref().and_then(|p| p.funds.get(i)).and_then(|l| {
                            crate::core::number::percent(l.executed?, l.adjusted?)
                        }).map(|r| format!("{r}%")).unwrap_or_else(|| "—".into())
                    });
                    view! {
                        <tr>
                            <td><TextField label="资金来源" path=format!("project/funds/{i}/source") value=source compact=true
                                on_change=Callback::new(move |v: String| doc.edit(EditScope::Field(&format!("project/funds/{i}/source")), |e| {
                                    if let Some(l) = e.project.as_mut().and_then(|p| p.funds.get_mut(i)) { l.source = v }
                                }))/></td>
                            <td>{line_field(i, field::FUND_INITIAL)}</td>
                            <td>{line_field(i, field::FUND_ADJUSTED)}</td>
                            <td>{line_field(i, field::FUND_EXECUTED)}</td>
                            <td class="jx-num">{rate}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <button type="button" class="jx-btn" on:click=move |_| doc.edit(EditScope::Whole, |e| {
            e.project.get_or_insert_with(ProjectBudget::default).funds.push(FundLine { source: "其他资金".into(), ..Default::default() })
        })>"+ 资金来源"</button>
    }
}

super::lazy::capability!(pub ACCOUNTS, accounts, "收支与资产", || view! { <AccountsForm/> }.into_any());
