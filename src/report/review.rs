//! The reviewer's printable documents: the batch summary (复核汇总: counts, a chart of the grades and one
//! of the score bands, the league table) and a 复核意见 sheet per file, each on its own A4 page, as HTML.
//! The charts are SVG strings, also shown in the page.
//!
//! ```
//! use jixiao::core::review::{Desk, ReviewRow};
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let mut desk = Desk::default();
//! desk.add(ReviewRow::opened("南京.json", b"{}", &e));
//! let html = jixiao::report::review::summary_document(&desk, &[0], "2026年11月29日");
//! assert!(html.contains("南京市“12345”政务热线服务中心") && html.contains("<svg"));
//! ```

use super::html::escape;
use crate::core::number::{fmt2, fmt_score};
use crate::core::review::{Alert, Conclusion, Desk, Summary};
use crate::core::target_review::{ReviewGrade, TargetReview};
use crate::core::Severity;

/// The stylesheet of the reviewer's documents, scoped to `.jx-review-doc`.
pub const STYLE: &str = r#"
@page { size: A4 landscape; margin: 15mm 12mm; }
.jx-review-doc { font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 10.5pt; color: #000; background: #fff; }
.jx-review-doc h1 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; font-weight: normal; margin: 0 0 8pt; }
.jx-review-doc h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 13pt; font-weight: normal; margin: 12pt 0 6pt; }
.jx-review-doc p { margin: 4pt 0; }
.jx-review-doc table { border-collapse: collapse; width: 100%; }
.jx-review-doc th, .jx-review-doc td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
.jx-review-doc th { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #eef1f5; }
.jx-review-doc thead { display: table-header-group; }
.jx-review-doc tr { break-inside: avoid; }
.jx-review-doc .n { text-align: center; white-space: nowrap; }
.jx-review-doc .red { color: #b42318; } .jx-review-doc .yellow { color: #8a5a00; }
.jx-review-doc .charts { display: flex; gap: 24pt; flex-wrap: wrap; }
.jx-review-doc .sheet { break-before: page; }
.jx-review-doc .sheet th { width: 16%; text-align: left; }
.jx-review-doc .comment { height: 60mm; vertical-align: top; }
.jx-review-doc .sign { margin-top: 24pt; display: flex; justify-content: space-between; }
.jx-review-doc svg text { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 12px; }
"#;

/// A vertical bar chart of counts (the grades, the score bands), as SVG.
pub fn count_chart_svg(title: &str, bars: &[(String, usize)], testid: &str) -> String {
    let (width, height, top, bottom) = (360.0_f64, 210.0_f64, 44.0_f64, 36.0_f64);
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let slot = (width - 20.0) / bars.len().max(1) as f64;
    let plot = height - top - bottom;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" data-testid=\"{}\">\
         <text x=\"{}\" y=\"16\" text-anchor=\"middle\">{}</text>",
        escape(title),
        escape(testid),
        width / 2.0,
        escape(title)
    );
    for (i, (label, n)) in bars.iter().enumerate() {
        let h = plot * (*n as f64) / max;
        let x = 10.0 + slot * i as f64;
        let y = top + plot - h;
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"#3b6ea5\"></rect>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{n}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x + slot * 0.15,
            slot * 0.7,
            x + slot / 2.0,
            y - 4.0,
            x + slot / 2.0,
            height - bottom + 18.0,
            escape(label)
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The two charts of the batch: grade counts and score bands.
pub fn charts_html(desk: &Desk) -> String {
    let bands: Vec<(String, usize)> = desk
        .score_bands()
        .into_iter()
        .map(|(l, n)| (l.to_string(), n))
        .collect();
    format!(
        "<div class=\"charts\">{}{}</div>",
        count_chart_svg(
            "等级分布（文件数）",
            &desk.grade_counts(),
            "review-grade-chart"
        ),
        count_chart_svg("得分分布（文件数）", &bands, "review-score-chart")
    )
}

fn cell(text: &str) -> String {
    format!("<td>{}</td>", escape(text))
}

fn number_cell(text: &str) -> String {
    format!("<td class=\"n\">{}</td>", escape(text))
}

/// "共收到 12 个文件：红色标记 3 个，黄色 4 个，无标记 5 个；通过 2 个，退回修改 1 个，待定 9 个。"
pub fn counts_sentence(desk: &Desk) -> String {
    let flags: Vec<String> = desk
        .flag_counts()
        .iter()
        .map(|(level, n)| format!("{}标记 {n} 个", level.label()))
        .collect();
    let conclusions: Vec<String> = Conclusion::ALL
        .iter()
        .map(|c| {
            let n = desk
                .rows
                .iter()
                .filter(|r| desk.verdict(&r.key).conclusion == *c)
                .count();
            format!("{} {n} 个", c.label())
        })
        .collect();
    format!(
        "共收到 {} 个文件：{}；{}。",
        desk.rows.len(),
        flags.join("，"),
        conclusions.join("，")
    )
}

/// The league table's rows in `order`, as an HTML table.
fn league_table(desk: &Desk, order: &[usize]) -> String {
    let mut html = String::from(
        "<table><thead><tr><th>序号</th><th>单位</th><th>类型</th><th>年度</th><th>所列总分</th><th>计算总分</th>\
         <th>等级</th><th>错误</th><th>警告</th><th>提示</th><th>执行率（%）</th><th>标记</th><th>复核结论</th><th>文件</th></tr></thead><tbody>",
    );
    for (n, &i) in order.iter().enumerate() {
        let Some(row) = desk.rows.get(i) else {
            continue;
        };
        let verdict = desk.verdict(&row.key);
        let level = row.flag_level().key();
        html.push_str("<tr>");
        html.push_str(&number_cell(&(n + 1).to_string()));
        html.push_str(&cell(row.unit()));
        html.push_str(&cell(&row.form()));
        match row.summary() {
            Some(s) => {
                html.push_str(&number_cell(&s.year.to_string()));
                html.push_str(&number_cell(
                    &s.stated_total.map(fmt_score).unwrap_or_default(),
                ));
                html.push_str(&number_cell(&s.total_text()));
                html.push_str(&number_cell(&s.grade));
                for count in [s.errors, s.warnings, s.infos] {
                    html.push_str(&number_cell(&count.to_string()));
                }
                html.push_str(&number_cell(
                    &s.execution_rate.map(fmt2).unwrap_or_default(),
                ));
            }
            None => html.push_str(&format!(
                "<td colspan=\"8\">{}</td>",
                escape(&row.problem())
            )),
        }
        html.push_str(&format!(
            "<td class=\"{level}\">{}</td>",
            escape(&row.flag_text())
        ));
        html.push_str(&cell(verdict.conclusion.label()));
        html.push_str(&cell(&row.file));
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// The 复核意见 sheet of the row at `index`: the file's figures and problems, the conclusion ticked,
/// the comment, and lines for the reviewer's signature. A 申报表 gets its 绩效目标审核意见书 instead
/// ([`target_opinion`]).
pub fn verdict_sheet(desk: &Desk, index: usize) -> String {
    let Some(row) = desk.rows.get(index) else {
        return String::new();
    };
    if let Some(review) = row.summary().and_then(|s| s.target_review.as_ref()) {
        return target_opinion(desk, index, review);
    }
    let verdict = desk.verdict(&row.key);
    let mut html = format!(
        "<section class=\"sheet\"><h1>绩效自评复核意见表</h1><table><tbody>\
         <tr><th>单位</th><td colspan=\"3\">{}</td></tr><tr><th>类型</th><td>{}</td><th>文件</th><td>{}</td></tr>",
        escape(row.unit()),
        escape(&row.form()),
        escape(&row.file)
    );
    match row.summary() {
        Some(s) => {
            html.push_str(&format!(
                "<tr><th>所列总分 / 等级</th><td>{} / {}</td><th>复核计算总分 / 等级</th><td>{} / {}</td></tr>\
                 <tr><th>检查结果</th><td>错误 {}，警告 {}，提示 {}</td><th>执行率（%）</th><td>{}</td></tr>",
                s.stated_total.map(fmt_score).unwrap_or_else(|| "未列".into()),
                escape(s.stated_grade.as_deref().unwrap_or("未列")),
                s.total_text(),
                escape(&s.grade),
                s.errors,
                s.warnings,
                s.infos,
                s.execution_rate.map(fmt2).unwrap_or_else(|| "—".into())
            ));
            if !s.alerts.is_empty() {
                html.push_str(&format!(
                    "<tr><th>预警（{}）</th><td colspan=\"3\" data-testid=\"verdict-alerts\">{}</td></tr>",
                    s.light.map_or("—", |l| l.label()),
                    alert_lines(&s.alerts).join("<br>")
                ));
            }
            html.push_str(&format!(
                "<tr><th>主要问题</th><td colspan=\"3\">{}</td></tr>",
                problems(s)
            ));
        }
        None => html.push_str(&format!(
            "<tr><th>文件情况</th><td colspan=\"3\">{}</td></tr>",
            escape(&row.problem())
        )),
    }
    html.push_str(&format!(
        "<tr><th>标记</th><td colspan=\"3\">{}</td></tr><tr><th>复核结论</th><td colspan=\"3\">{}</td></tr>\
         <tr><th>复核意见</th><td colspan=\"3\" class=\"comment\">{}</td></tr></tbody></table>\
         <div class=\"sign\"><span>复核人：＿＿＿＿＿＿</span><span>复核日期：＿＿＿＿年＿＿月＿＿日</span></div></section>",
        escape(&row.flag_text()),
        ticks(Conclusion::ALL_IN_PRINT.iter().map(|c| (c.label(), *c == verdict.conclusion))),
        escape(&verdict.comment).replace('\n', "<br>")
    ));
    html
}

/// A 申报表's 绩效目标审核意见书 (88号's review of targets): the grade the checks give, ticked among 优 良
/// 中 差, what follows from it, the reasons and the problems, then the reviewer's own conclusion and
/// comment, and the signature and seal lines of the finance bureau.
fn target_opinion(desk: &Desk, index: usize, review: &TargetReview) -> String {
    let row = &desk.rows[index];
    let verdict = desk.verdict(&row.key);
    let grade = review.grade;
    let reasons = if review.reasons.is_empty() {
        "未发现错误或警告".to_string()
    } else {
        review
            .reasons
            .iter()
            .map(|r| escape(r))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    format!(
        "<section class=\"sheet\" data-testid=\"target-opinion\"><h1>绩效目标审核意见书</h1><table><tbody>\
         <tr><th>单位</th><td colspan=\"3\">{}</td></tr><tr><th>项目</th><td>{}</td><th>文件</th><td>{}</td></tr>\
         <tr><th>审核结果</th><td colspan=\"3\">{}</td></tr>\
         <tr><th>处理意见</th><td colspan=\"3\">{}</td></tr>\
         <tr><th>审核依据</th><td colspan=\"3\">{reasons}</td></tr>\
         <tr><th>主要问题</th><td colspan=\"3\">{}</td></tr>\
         <tr><th>复核结论</th><td colspan=\"3\">{}</td></tr>\
         <tr><th>审核意见</th><td colspan=\"3\" class=\"comment\">{}</td></tr></tbody></table>\
         <div class=\"sign\"><span>审核人：＿＿＿＿＿＿</span><span>财政部门（盖章）</span><span>审核日期：＿＿＿＿年＿＿月＿＿日</span></div></section>",
        escape(row.unit()),
        escape(&row.form()),
        escape(&row.file),
        ticks(ReviewGrade::ALL.iter().map(|g| (g.label(), Some(*g) == grade))),
        grade.map_or("未能审核：未读到三级指标", |g| g.consequence()),
        row.summary().map(problems).unwrap_or_default(),
        ticks(Conclusion::ALL_IN_PRINT.iter().map(|c| (c.label(), *c == verdict.conclusion))),
        escape(&verdict.comment).replace('\n', "<br>")
    )
}

/// The errors and warnings, numbered, or that there are none.
fn problems(s: &Summary) -> String {
    let lines: Vec<String> = s
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .enumerate()
        .map(|(i, f)| {
            format!(
                "{}. 【{}】{}",
                i + 1,
                f.severity.label(),
                escape(&f.message)
            )
        })
        .collect();
    if lines.is_empty() {
        "未发现错误或警告".to_string()
    } else {
        lines.join("<br>")
    }
}

/// Choices printed as tick boxes, the chosen one ☑: "☑ 通过　　☐ 退回修改".
fn ticks<'a>(choices: impl Iterator<Item = (&'a str, bool)>) -> String {
    choices
        .map(|(label, chosen)| format!("{} {label}", if chosen { "☑" } else { "☐" }))
        .collect::<Vec<_>>()
        .join("　　")
}

/// A 监控表's red and yellow lights, one numbered line each: the light, the row, the formula and what the
/// unit said of it.
pub fn alert_lines(alerts: &[Alert]) -> Vec<String> {
    alerts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            format!(
                "{}. 【{}】{}：{}。{}",
                i + 1,
                a.light.label(),
                escape(&a.name),
                escape(&a.formula),
                escape(&a.reasons())
            )
        })
        .collect()
}

/// A self-contained HTML document (the downloaded .html) of `body` from [`summary_body`] or
/// [`verdict_sheet`].
pub fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head>\
         <body><div class=\"jx-review-doc\">{body}</div></body></html>\n",
        escape(title)
    )
}

/// The same without a stylesheet: the print frame adopts [`STYLE`] (a strict CSP refuses `<style>`).
pub fn bare_document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body><div class=\"jx-review-doc\">{body}</div></body></html>\n",
        escape(title)
    )
}

/// The batch summary's body: counts, charts, the league table in `order`, then a 复核意见 sheet per
/// file in that order. `date` is printed as the summary's date.
pub fn summary_body(desk: &Desk, order: &[usize], date: &str) -> String {
    let mut body = format!(
        "<h1>绩效自评复核汇总表</h1><p>{}</p><p>汇总日期：{}</p>{}<h2>汇总表</h2>{}",
        escape(&counts_sentence(desk)),
        escape(date),
        charts_html(desk),
        league_table(desk, order)
    );
    for &i in order {
        body.push_str(&verdict_sheet(desk, i));
    }
    body
}

/// The batch summary as a self-contained printable document (see [`summary_body`]).
pub fn summary_document(desk: &Desk, order: &[usize], date: &str) -> String {
    document("绩效自评复核汇总表", &summary_body(desk, order, date))
}
