//! The desk's face: open files, the progress bar, filters, charts, the league table and the summary
//! downloads; a row's 查看 opens the file ([`super::detail::Detail`]) and 返回 comes back to the same
//! sort and filter.

use super::detail::Detail;
use super::intake::{files_of, receive};
use super::slot::DeskSlot;
use super::state::Review;
use crate::core::number::{fmt2, fmt_score};
use crate::core::review::{Conclusion, FlagLevel, SortKey};
use crate::core::EvaluationKind;
use crate::report::review as docs;
use crate::ui::export_module::{run, Job};
use crate::ui::files::{download, download_bytes};
use crate::ui::state::Navigator;
use leptos::prelude::*;

/// The reviewer's desk.
#[component]
pub fn ReviewDesk() -> impl IntoView {
    // Made (restored) the first time the desk is shown, kept by the app across mode switches.
    let review = expect_context::<DeskSlot>().open(Review::new, receive);
    provide_context(review);
    view! {
        <section class="jx-review" data-testid="review-desk">
            {move || match review.opened.get() {
                Some(file) => view! { <Detail file=file/> }.into_any(),
                None => view! { <ListView/> }.into_any(),
            }}
        </section>
    }
}

/// The list: toolbar, progress, banner, filters, charts, table.
#[component]
fn ListView() -> impl IntoView {
    let review = expect_context::<Review>();
    let counts = move || review.desk.with(docs::counts_sentence);
    let empty = move || review.desk.with(|d| d.rows.is_empty());
    view! {
        <div class="jx-review-head">
            <h1>"绩效自评复核台"</h1>
            <p class="jx-muted" data-testid="review-counts">{counts}</p>
        </div>
        <DeskToolbar/>
        <ProgressBar/>
        <DeskBanner/>
        <Show when=move || !empty() fallback=|| view! {
            <p class="jx-review-empty">"把各单位报送的评价文件（.json）、指标表或报告（.xlsx、.xls、.docx、.tsv）或其压缩包（.zip，可含文件夹）拖到此处，或点“打开文件”。文件只在本机浏览器中读取，不会上传。"</p>
        }>
            <Filters/>
            <Charts/>
            <LeagueTable/>
        </Show>
    }
}

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}年{}月{}日",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[component]
fn DeskToolbar() -> impl IntoView {
    let review = expect_context::<Review>();
    let navigator = expect_context::<Navigator>();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        receive(review, files);
    };
    let summary_xlsx = move |_| {
        let json = review
            .desk
            .with_untracked(|d| serde_json::to_vec(d).unwrap_or_default());
        leptos::task::spawn_local(async move {
            let result = run(Job::ReviewXlsx, &json).await.and_then(|bytes| {
                download_bytes(
                    "绩效自评复核汇总.xlsx",
                    &bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            });
            if let Err(message) = result {
                review.tell(true, message);
            }
        });
    };
    let order = move || {
        let (sort, filter) = (review.sort.get_untracked(), review.filter.get_untracked());
        review.desk.with_untracked(|d| d.view(sort, &filter))
    };
    let summary_html = move |_| {
        let html = review
            .desk
            .with_untracked(|d| docs::summary_document(d, &order(), &today()));
        if let Err(message) = download("绩效自评复核汇总.html", &html, "text/html") {
            review.tell(true, message);
        }
    };
    let print = move |_| {
        let Some(root) = navigator.root.get_untracked() else {
            return;
        };
        let body = review
            .desk
            .with_untracked(|d| docs::summary_body(d, &order(), &today()));
        crate::ui::print::print_document(
            &root,
            &docs::bare_document("绩效自评复核汇总表", &body),
            docs::STYLE.to_string(),
        );
    };
    let clear = move |_| {
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(
                    "清空复核列表？已填写的复核意见会保留，重新打开同样的文件即可找回。",
                )
                .ok()
            })
            .unwrap_or(false);
        if ok {
            review.clear();
        }
    };
    let busy = move || review.progress.with(Option::is_some);
    view! {
        <div class="jx-toolbar" role="toolbar" aria-label="复核">
            <label class="jx-btn jx-file-btn">
                "打开文件…"
                <input type="file" multiple class="jx-file-overlay" data-testid="review-open"
                    accept=format!("{},.zip,application/zip", crate::ui::open::ACCEPT_TABLES)
                    aria-label="选择要复核的文件（可多选）" on:change=on_pick/>
            </label>
            <label class="jx-btn jx-file-btn">
                "打开文件夹…"
                <input type="file" multiple prop:webkitdirectory=true class="jx-file-overlay" data-testid="review-open-folder"
                    aria-label="选择要复核的文件夹" on:change=on_pick/>
            </label>
            <span class="jx-sep"></span>
            <button type="button" class="jx-btn" data-testid="review-summary-xlsx" prop:disabled=busy on:click=summary_xlsx>"下载汇总（Excel）"</button>
            <button type="button" class="jx-btn" data-testid="review-summary-html" prop:disabled=busy on:click=summary_html>"下载汇总（HTML）"</button>
            <button type="button" class="jx-btn" data-testid="review-print" prop:disabled=busy on:click=print>"打印汇总及复核意见"</button>
            <span class="jx-sep"></span>
            <button type="button" class="jx-btn" data-testid="review-clear" prop:disabled=busy on:click=clear>"清空列表"</button>
        </div>
    }
}

#[component]
fn ProgressBar() -> impl IntoView {
    let review = expect_context::<Review>();
    move || {
        review.progress.get().map(|p| {
            view! {
                <div class="jx-review-progress" role="status" data-testid="review-progress">
                    <progress max=p.total value=p.done></progress>
                    <span>{format!("正在读取 {} / {} 个文件…", p.done, p.total)}
                        {(p.refused > 0).then(|| format!("（其中 {} 个无法读取）", p.refused))}</span>
                </div>
            }
        })
    }
}

#[component]
fn DeskBanner() -> impl IntoView {
    let review = expect_context::<Review>();
    move || {
        review.notice.get().map(|notice| {
            view! {
                <div class="jx-banner" class:jx-banner-error=notice.error role=if notice.error { "alert" } else { "status" }
                    data-testid="review-notice">
                    <span>{notice.text}</span>
                    <button type="button" class="jx-icon" aria-label="关闭提示" on:click=move |_| review.notice.set(None)>"✕"</button>
                </div>
            }
        })
    }
}

/// One `<select>` of the filter bar: "全部" or one of `options` (key, label).
fn filter_select(
    label: &'static str,
    testid: &'static str,
    options: Signal<Vec<(String, String)>>,
    current: Signal<String>,
    set: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="jx-inline">
            <span>{label}</span>
            <select data-testid=testid aria-label=label
                prop:value=move || current.get()
                on:change=move |ev| set.run(event_target_value(&ev))>
                <option value="">"全部"</option>
                {move || options.get().into_iter().map(|(key, text)| {
                    let selected = current.get_untracked() == key;
                    view! { <option value=key selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Filters() -> impl IntoView {
    let review = expect_context::<Review>();
    let filter = review.filter;
    let flag_options = Signal::derive(move || {
        review.desk.with(|d| {
            d.flag_counts()
                .iter()
                .map(|(l, n)| (l.key().to_string(), format!("{}（{n}）", l.label())))
                .collect()
        })
    });
    let grade_options = Signal::derive(move || {
        review.desk.with(|d| {
            d.grade_counts()
                .into_iter()
                .map(|(g, n)| (g.clone(), format!("{g}（{n}）")))
                .collect()
        })
    });
    let forms = Signal::stored(
        [EvaluationKind::Department, EvaluationKind::Project]
            .iter()
            .map(|k| (k.label().to_string(), k.label().to_string()))
            .collect::<Vec<_>>(),
    );
    let conclusions = Signal::stored(
        Conclusion::ALL
            .iter()
            .map(|c| (c.key().to_string(), c.label().to_string()))
            .collect::<Vec<_>>(),
    );
    let shown = move || {
        let (sort, f) = (review.sort.get(), filter.get());
        review.desk.with(|d| (d.view(sort, &f).len(), d.rows.len()))
    };
    view! {
        <div class="jx-review-filters" role="search" aria-label="筛选">
            {filter_select("标记", "review-filter-flag", flag_options,
                Signal::derive(move || filter.with(|f| f.flag.map(|l| l.key().to_string()).unwrap_or_default())),
                Callback::new(move |v: String| filter.update(|f| f.flag = FlagLevel::from_key(&v))))}
            {filter_select("等级", "review-filter-grade", grade_options,
                Signal::derive(move || filter.with(|f| f.grade.clone().unwrap_or_default())),
                Callback::new(move |v: String| filter.update(|f| f.grade = (!v.is_empty()).then_some(v))))}
            {filter_select("类型", "review-filter-form", forms,
                Signal::derive(move || filter.with(|f| f.form.map(|k| k.label().to_string()).unwrap_or_default())),
                Callback::new(move |v: String| filter.update(|f| f.form = [EvaluationKind::Department, EvaluationKind::Project].into_iter().find(|k| k.label() == v))))}
            {filter_select("复核结论", "review-filter-conclusion", conclusions,
                Signal::derive(move || filter.with(|f| f.conclusion.map(|c| c.key().to_string()).unwrap_or_default())),
                Callback::new(move |v: String| filter.update(|f| f.conclusion = Conclusion::from_key(&v))))}
            <label class="jx-inline">
                <span>"搜索单位"</span>
                <input type="search" data-testid="review-search" placeholder="单位、项目或文件名"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); filter.update(|f| f.query = v) }/>
            </label>
            <span class="jx-muted" data-testid="review-shown">{move || { let (n, all) = shown(); format!("显示 {n} / {all} 个文件") }}</span>
        </div>
    }
}

#[component]
fn Charts() -> impl IntoView {
    let review = expect_context::<Review>();
    let svg = move || review.desk.with(docs::charts_html);
    view! { <figure class="jx-review-charts" data-testid="review-charts" inner_html=svg></figure> }
}

/// Rows of the league table rendered per task.
const ROWS_PER_TASK: usize = 40;

#[component]
fn LeagueTable() -> impl IntoView {
    let review = expect_context::<Review>();
    // Only what identifies a row's rendering; a row view reads its row once, when it is (re)created.
    let rows = Memo::new(move |_| {
        let (sort, filter) = (review.sort.get(), review.filter.get());
        review.desk.with(|d| {
            d.view(sort, &filter)
                .into_iter()
                .map(|i| {
                    let row = &d.rows[i];
                    let look = (
                        row.key.clone(),
                        d.verdict(&row.key).conclusion,
                        row.flags.clone(),
                    );
                    (i, row.file.clone(), look)
                })
                .collect::<Vec<_>>()
        })
    });
    // Hundreds of rows are rendered a slice per task, so opening a big batch (or the page with one
    // saved) never blocks the page for long.
    let limit = RwSignal::new(ROWS_PER_TASK);
    Effect::new(move |_| {
        let (len, shown) = (rows.with(Vec::len), limit.get());
        if len > shown {
            set_timeout(
                move || limit.update(|l| *l += ROWS_PER_TASK),
                std::time::Duration::ZERO,
            );
        }
    });
    let heading = move |key: SortKey| {
        let arrow = move || {
            let sort = review.sort.get();
            match (sort.key == key, sort.descending) {
                (false, _) => "",
                (true, false) => " ▲",
                (true, true) => " ▼",
            }
        };
        let aria = move || {
            let sort = review.sort.get();
            match (sort.key == key, sort.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="jx-sort" data-testid=format!("review-sort-{}", key.key())
                    on:click=move |_| review.sort.update(|s| *s = s.toggled(key))>
                    {key.label()}{arrow}
                </button>
            </th>
        }
    };
    view! {
        <div class="jx-review-table-wrap">
            <table class="jx-review-table" data-testid="review-table">
                <thead><tr>{SortKey::ALL.iter().map(|k| heading(*k)).collect_view()}<th scope="col">"操作"</th></tr></thead>
                <tbody>
                    <For each=move || { let n = limit.get(); rows.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>()) } key=|(_, file, look)| (file.clone(), look.clone()) let((index, _, _))>
                        <Row index=index/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// The row at `index` of the desk (rows are only appended or replaced in place while listed).
#[component]
fn Row(index: usize) -> impl IntoView {
    let review = expect_context::<Review>();
    let Some((row, verdict)) = review
        .desk
        .with_untracked(|d| d.rows.get(index).map(|r| (r.clone(), d.verdict(&r.key))))
    else {
        return ().into_any();
    };
    let level = row.flag_level();
    let summary = row.summary().cloned();
    let number = |text: String| view! { <td class="jx-num">{text}</td> };
    let figures = match &summary {
        Some(s) => view! {
            {number(s.year.to_string())}
            <td>{row.form()}</td>
            {number(s.stated_total.map(fmt_score).unwrap_or_else(|| "—".into()))}
            {number(s.total_text())}
            <td class="jx-num">{s.grade.clone()}{s.stated_grade.clone().filter(|g| *g != s.grade).map(|g| format!("（所列 {g}）"))}</td>
            {number(s.errors.to_string())}
            {number(s.warnings.to_string())}
            {number(s.infos.to_string())}
            {number(s.execution_rate.map(|r| format!("{}%", fmt2(r))).unwrap_or_else(|| "—".into()))}
        }
        .into_any(),
        None => view! { <td colspan="9" class="jx-review-problem">{row.problem()}</td> }.into_any(),
    };
    let flags = match &row.duplicate_of {
        Some(first) => format!("{}（与 {first} 相同）", row.flag_text()),
        None => row.flag_text(),
    };
    // A 监控表's red and yellow rows, with the unit's causes and measures, one click away.
    let alerts = summary.as_ref().filter(|s| !s.alerts.is_empty()).map(|s| {
        let summary_text = format!("预警 {} 项", s.alerts.len());
        view! {
            <details class="jx-review-alerts" data-testid="review-alerts">
                <summary>{summary_text}</summary>
                <super::AlertList alerts=s.alerts.clone()/>
            </details>
        }
    });
    let key = row.key.clone();
    let file = row.file.clone();
    let set_conclusion = move |ev: leptos::ev::Event| {
        let conclusion = Conclusion::from_key(&event_target_value(&ev)).unwrap_or_default();
        review.set_conclusion(&key, conclusion);
    };
    let can_record = !row.key.is_empty();
    view! {
        <tr data-testid="review-row" data-flag=level.key() data-file=row.file.clone() class=format!("jx-flag-{}", level.key())>
            <td class="jx-review-flag"><span class="jx-flag-dot" aria-hidden="true"></span>{flags}{alerts}</td>
            <td class="jx-review-file">{row.file.clone()}</td>
            <td>{row.unit().to_string()}</td>
            {figures}
            <td>
                <select data-testid="review-row-conclusion" aria-label="复核结论" prop:disabled=!can_record on:change=set_conclusion>
                    {Conclusion::ALL.iter().map(|c| view! { <option value=c.key() selected=*c == verdict.conclusion>{c.label()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <button type="button" class="jx-btn" data-testid="review-drill" on:click=move |_| review.opened.set(Some(file.clone()))>"查看"</button>
            </td>
        </tr>
    }
    .into_any()
}
