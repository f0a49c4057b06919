//! 上年对比 and 等级差距: last year's evaluation opened beside this one (the indicators, accounts and metrics
//! with their changes, the unpaired listed; nothing in this year's evaluation changes), and how far the
//! total is from the neighbouring grades, with the rows that lost points.

use super::export_module::{run, Job};
use super::state::{Derived, Document, Navigator, Tab, Workbench, YearComparison};
use crate::core::compare::compare;
use crate::core::import::parse_tsv;
use crate::core::margin::margin;
use crate::core::number::fmt_score;
use crate::core::path::FieldPath;
use crate::core::{from_json, Evaluation};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::report::change::{figure as show, rate};

/// Reads a comparison file: an evaluation (.json) or an indicator table (.tsv / .txt / .xlsx / .xls, or
/// last year's Word report, .docx).
async fn read_comparison(file: web_sys::File) -> Result<Evaluation, String> {
    let name = file.name();
    if super::open::is_office_file(&name) {
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("无法读取“{name}”"))?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        let json = run(Job::ReadDocument, &bytes).await?;
        let read: crate::core::import::OpenedDocument =
            serde_json::from_slice(&json).map_err(|e| e.to_string())?;
        if let Some(report) = read.report {
            return from_json(&report).map_err(|e| format!("无法读取“{name}”：{e}"));
        }
        return crate::core::import::parse_rows(&read.cells)
            .map(|t| t.into_evaluation())
            .map_err(|e| format!("无法识别“{name}”中的指标表：{e}"));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("无法读取“{name}”"))?;
    if text.trim_start().starts_with('{') {
        from_json(&text).map_err(|e| format!("无法打开“{name}”：{e}"))
    } else {
        parse_tsv(&text)
            .map(|t| t.into_evaluation())
            .map_err(|e| format!("无法识别“{name}”中的指标表：{e}"))
    }
}

/// The 上年对比 tab.
#[component]
pub fn CompareTab() -> impl IntoView {
    let state = Workbench::from_context();
    let Workbench { notices, year, .. } = state;
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            match read_comparison(file).await {
                Ok(e) => {
                    let opened = e.unit.year;
                    year.set_comparison(Some(e));
                    notices.tell(
                        false,
                        format!("已打开 {opened} 年度评价作为对比；本年评价未改动。"),
                    );
                }
                Err(message) => notices.tell(true, format!("{message}。本年评价未改动。")),
            }
        });
    };
    let has = move || year.comparison.with(Option::is_some);
    view! {
        <section class="jx-form jx-compare" data-testid="compare-tab">
            <GradeMargin/>
            <h2>"上年对比"</h2>
            <div class="jx-toolbar jx-inline-toolbar">
                <label class="jx-btn jx-file-btn">
                    "打开上年评价…"
                    <input type="file" class="jx-file-overlay" data-testid="compare-open"
                        accept=super::open::ACCEPT_TABLES aria-label="选择上年的评价文件或指标表"
                        on:change=on_pick/>
                </label>
                <Show when=has>
                    <button type="button" class="jx-btn" data-testid="compare-fill-prior"
                        title="上年支出合计、上年末结转和结余、上年“三公”经费支出和业务指标的上年值"
                        on:click=move |_| fill_prior(state)>"用上年文件填入上年数"</button>
                    <button type="button" class="jx-btn" data-testid="compare-clear"
                        on:click=move |_| year.set_comparison(None)>"关闭对比"</button>
                </Show>
            </div>
            <Show when=has fallback=|| view! {
                <p class="jx-muted">"打开上年的评价文件（JSON）或指标表，即可逐项对比分值、得分和各项数据的变动率；本年评价不会被改动。"</p>
            }>
                <Comparison/>
            </Show>
        </section>
    }
}

/// How far the total is from the neighbouring grades, and the rows that lost points.
#[component]
fn GradeMargin() -> impl IntoView {
    let doc = expect_context::<Document>();
    let derived = expect_context::<Derived>();
    let nav = expect_context::<Navigator>();
    let m = Memo::new(move |_| {
        doc.evaluation
            .with(|e| derived.assessment.with(|a| margin(e, a)))
    });
    view! {
        <h2>"等级差距"</h2>
        <div class="jx-margin" data-testid="grade-margin">
            <p>
                {move || m.with(|m| format!("总分 {}，等级“{}”。", fmt_score(m.total), m.grade))}
                {move || m.with(|m| m.up.as_ref().map(|b| format!("{}；", b.up_text())))}
                {move || m.with(|m| m.down.as_ref().map(|b| format!("{}。", b.down_text())))}
            </p>
            <ol class="jx-lost" data-testid="points-lost">
                {move || m.with(|m| m.lost.iter().take(10).map(|l| {
                    let path = FieldPath::indicator(&l.id);
                    let text = format!("{}：失 {} 分", l.name, fmt_score(l.points));
                    view! { <li><button type="button" class="jx-linkish" on:click=move |_| nav.go_to(&path)>{text}</button></li> }
                }).collect_view())}
            </ol>
        </div>
    }
}

/// The 一级 indicators' scores, last year (light) beside this year (dark), out of their points.
fn level_one_chart(c: &crate::core::compare::YearComparison) -> impl IntoView {
    use rust_decimal::prelude::ToPrimitive;
    let groups: Vec<&crate::core::compare::RowChange> =
        c.rows.iter().filter(|r| r.depth == 0).collect();
    let max = groups
        .iter()
        .filter_map(|r| r.points.this.max(r.points.last))
        .max()
        .and_then(|m| m.to_f64())
        .filter(|m| *m > 0.0)
        .unwrap_or(1.0);
    let (label_w, width, row_h) = (150.0, 560.0, 34.0);
    let scale = (width - label_w - 70.0) / max;
    let bar = |v: Option<rust_decimal::Decimal>| {
        v.and_then(|v| v.to_f64()).unwrap_or(0.0).max(0.0) * scale
    };
    let height = row_h * groups.len() as f64 + 8.0;
    let rows = groups
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = 4.0 + row_h * i as f64;
            let name = r.path.clone();
            let caption = format!("{} → {}", show(r.score.last), show(r.score.this));
            let (last_w, this_w) = (bar(r.score.last), bar(r.score.this));
            view! {
                <g>
                    <text x=label_w - 6.0 y=y + 18.0 text-anchor="end" class="jx-chart-label">{name}</text>
                    <rect x=label_w y=y + 3.0 width=last_w height=12.0 class="jx-bar-full"></rect>
                    <rect x=label_w y=y + 16.0 width=this_w height=12.0 class="jx-bar-got"></rect>
                    <text x=label_w + last_w.max(this_w) + 6.0 y=y + 20.0 class="jx-chart-value">{caption}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="jx-chart" data-testid="compare-chart">
            <figcaption>{format!("一级指标得分：{}年（浅） / {}年（深）", c.years.0, c.years.1)}</figcaption>
            <svg viewBox=format!("0 0 {width} {height}") width=width height=height role="img" aria-label="一级指标得分上年与本年对比">
                {rows}
            </svg>
        </figure>
    }
}

/// The comparison itself.
#[component]
fn Comparison() -> impl IntoView {
    let doc = expect_context::<Document>();
    let nav = expect_context::<Navigator>();
    let year = expect_context::<YearComparison>();
    let c = Memo::new(move |_| {
        year.comparison.with(|last| {
            last.as_ref().map(|last| {
                year.pairs
                    .with(|pairs| doc.evaluation.with(|this| compare(last, this, pairs)))
            })
        })
    });
    move || {
        c.get().map(|c| {
            let head = format!(
                "{}年 → {}年：总分 {} → {}，等级“{}” → “{}”。",
                c.years.0,
                c.years.1,
                show(c.total.last),
                show(c.total.this),
                c.grades.0,
                c.grades.1
            );
            let rows = c.rows.iter().map(|r| {
                let moved = r.pairing.note();
                let delta = r.score.delta().filter(|d| !d.is_zero()).map(|d| format!("{:+}", d.normalize())).unwrap_or_default();
                view! {
                    <tr data-testid="compare-row" class=format!("jx-depth-{}", r.depth.min(3))>
                        <td>{r.path.clone()}{moved}</td>
                        <td class="jx-num">{show(r.points.last)}" → "{show(r.points.this)}</td>
                        <td class="jx-num">{show(r.score.last)}" → "{show(r.score.this)}</td>
                        <td class="jx-num">{delta}</td>
                    </tr>
                }
            }).collect_view();
            let amounts = c.accounts.iter().map(|a| (a.label.to_string(), a.change, "万元".to_string()))
                .chain(c.metrics.iter().map(|m| (m.name.clone(), m.change, m.unit.clone())))
                .map(|(label, change, unit)| view! {
                    <tr data-testid="compare-amount">
                        <td>{label}</td>
                        <td class="jx-num">{show(change.last)}" → "{show(change.this)}" "{unit}</td>
                        <td class="jx-num">{rate(&change)}</td>
                    </tr>
                }).collect_view();
            let only_last: Vec<String> = c.only_last.iter().map(|u| u.path.clone()).collect();
            let last_note = (!only_last.is_empty()).then(|| view! {
                <p class="jx-muted" data-testid="compare-only-last">"仅上年有："{only_last.join("；")}</p>
            });
            // Each of this year's unpaired rows can be paired by hand with one of last year's (a renamed row).
            let choices = c.only_last.clone();
            let this_rows = c.only_this.iter().map(|u| {
                let this_id = u.id.clone();
                let options = choices.iter().map(|l| view! { <option value=l.id.clone()>{l.path.clone()}</option> }).collect_view();
                view! {
                    <li data-testid="compare-only-this">
                        <span>{u.path.clone()}</span>" "
                        <select data-testid="compare-pair" aria-label="与上年的指标配对"
                            on:change=move |ev| {
                                let last_id = event_target_value(&ev);
                                if !last_id.is_empty() {
                                    year.pairs.update(|p| p.push((last_id, this_id.clone())));
                                }
                            }>
                            <option value="">"与上年的…配对（指标改名时）"</option>
                            {options}
                        </select>
                    </li>
                }
            }).collect_view();
            let this_note = (!c.only_this.is_empty()).then(|| view! {
                <div class="jx-muted">"仅本年有："<ul class="jx-unpaired">{this_rows}</ul></div>
            });
            let chart = level_one_chart(&c);
            let findings = (!c.findings.is_empty()).then(|| {
                let items = c.findings.iter().map(|f| {
                    let path = f.path.clone();
                    let text = format!("{}：{}", f.severity.label(), f.message);
                    view! {
                        <li data-testid="compare-finding" data-code=f.code.as_str()>
                            <button type="button" class="jx-linkish" on:click=move |_| nav.go_to(&path)>{text}</button>
                        </li>
                    }
                }).collect_view();
                view! { <h3>"与上年文件不符"</h3><ul class="jx-lost">{items}</ul> }
            });
            view! {
                <p data-testid="compare-head">{head}</p>
                {findings}
                {chart}
                {last_note}
                {this_note}
                <table class="jx-compare-table">
                    <thead><tr><th>"指标"</th><th>"分值（上年 → 本年）"</th><th>"得分（上年 → 本年）"</th><th>"得分变动"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <h3>"收支、资产与业务指标"</h3>
                <table class="jx-compare-table">
                    <thead><tr><th>"项目"</th><th>"上年 → 本年"</th><th>"变动率"</th></tr></thead>
                    <tbody>{amounts}</tbody>
                </table>
            }
        })
    }
}

/// Copies last year's figures from the comparison into this year's 上年数 and metrics' 上年值 (one
/// undoable step; see [`crate::core::compare::carry_prior`]).
fn fill_prior(state: Workbench) {
    let Workbench {
        document: doc,
        notices,
        year,
        ..
    } = state;
    let Some(last) = year.comparison.get_untracked() else {
        return;
    };
    doc.edit(crate::core::edit::EditScope::Whole, |e| {
        crate::core::compare::carry_prior(&last, e)
    });
    notices.tell(
        false,
        "已用上年文件填入上年数和业务指标的上年值（可撤销）。",
    );
}

/// Makes next year's evaluation from this one (undoable); this year's becomes the comparison.
pub fn start_next_year(state: Workbench) {
    let Workbench {
        document: doc,
        navigator: nav,
        notices,
        year: comparison,
        ..
    } = state;
    let ok = web_sys::window()
        .and_then(|w| {
            w.confirm_with_message("以本年评价新建下一年度？指标体系和评分规则保留，得分、说明和各项数据清空；本年评价作为“上年对比”保留，也可用“撤销”找回。")
                .ok()
        })
        .unwrap_or(false);
    if !ok {
        return;
    }
    let this = doc.evaluation.get_untracked();
    let next = crate::core::next_year::next_year(&this);
    let year = next.unit.year;
    comparison.set_comparison(Some(this));
    doc.replace(next);
    nav.tab.set(Tab::Compare);
    notices.tell(
        false,
        format!("已新建 {year} 年度评价；上年评价已作为对比打开。"),
    );
}

super::lazy::capability!(pub COMPARE, compare, "上年对比", || view! { <CompareTab/> }.into_any());
