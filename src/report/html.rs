//! HTML rendering of a report: the live preview, the print iframe and the standalone .html export all
//! come from here. Every piece of user text is escaped; the stylesheet is the report's own (A4, GB/T
//! 9704-like: margins 37 / 35 / 28 / 26 mm, 小标宋 title 2号, 仿宋 3号 body, 黑体 / 楷体 headings, page numbers,
//! table headers repeated and rows kept whole across pages), scoped under `.jx-report`.

use super::{labelled, Block, FormTable, Report, ScoreTable};
use crate::core::number::fmt_score;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Bidirectional overrides could visually reorder the figures of a signed report.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("&#x{:X};", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Page setup for printing the report alone (never put into a host page: it would change its printing).
pub const PAGE_STYLE: &str = r#"
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 14pt; } }
"#;

/// The same on landscape A4, for a report that asks for it ([`Report::landscape`]).
pub const PAGE_STYLE_LANDSCAPE: &str = r#"
@page { size: A4 landscape; margin: 28mm 26mm 26mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", SimSun, "Noto Serif CJK SC", serif; font-size: 14pt; } }
"#;

/// The page setup a report prints with.
pub fn page_style(report: &Report) -> &'static str {
    if report.landscape {
        PAGE_STYLE_LANDSCAPE
    } else {
        PAGE_STYLE
    }
}

/// The report's stylesheet, scoped to `.jx-report` (safe inside the app and a portal page).
pub const STYLE: &str = r#"
.jx-report { --jx-fangsong: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-family: var(--jx-fangsong); font-size: 16pt; line-height: 28.8pt; color: #000; background: #fff; text-align: justify; }
.jx-report .jx-r-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif;
  font-size: 22pt; line-height: 1.5; text-align: center; font-weight: normal; margin: 0 0 28.8pt; }
.jx-report h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
.jx-report h3 { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
.jx-report p { margin: 0; text-indent: 2em; }
.jx-report .jx-r-annex-label { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; text-indent: 0; }
.jx-report .jx-r-annex-title { font-family: "方正小标宋简体", "小标宋", "Noto Serif CJK SC", serif; font-size: 18pt; text-align: center; text-indent: 0; margin: 12pt 0; }
.jx-report .jx-r-break { break-before: page; page-break-before: always; }
.jx-report .jx-r-cover { text-align: center; padding-top: 40mm; }
.jx-report .jx-r-cover-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif;
  font-size: 26pt; line-height: 1.6; font-weight: normal; margin: 0 0 60mm; text-indent: 0; }
.jx-report .jx-r-cover-lines p { text-indent: 0; text-align: left; margin: 0 0 0 30mm; line-height: 2.2; }
.jx-report .jx-r-signature { margin: 28.8pt 0 0 50%; }
.jx-report .jx-r-label { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; text-align: center; }
.jx-report .jx-r-form { table-layout: fixed; }
.jx-report .jx-r-signature p { text-indent: 0; }
.jx-report table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; margin: 6pt 0 12pt; }
.jx-report th, .jx-report td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; text-indent: 0; }
.jx-report th { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; text-align: center; }
.jx-report thead { display: table-header-group; }
.jx-report tr { break-inside: avoid; page-break-inside: avoid; }
.jx-report .jx-r-num { text-align: center; white-space: nowrap; }
.jx-report .jx-r-form .jx-r-num { white-space: normal; overflow-wrap: anywhere; font-size: 0.92em; }
.jx-report .jx-r-total td { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
@media screen {
  .jx-report { width: 210mm; min-height: 297mm; padding: 37mm 26mm 35mm 28mm; margin: 0 auto 16px; box-shadow: 0 2px 12px rgba(0,0,0,.15); box-sizing: border-box; }
}
@media print { .jx-report { width: auto; padding: 0; box-shadow: none; } }
"#;

/// The report as an HTML fragment (`<article class="jx-report">…`), for the preview and print.
pub fn render_fragment(report: &Report) -> String {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<article class=\"jx-report\" data-testid=\"report\">");
    if let Some(cover) = report.cover() {
        out.push_str(&format!(
            "<section class=\"jx-r-cover\" data-testid=\"report-cover\"><p class=\"jx-r-cover-title\">{}</p><div class=\"jx-r-cover-lines\">",
            escape(&cover.title)
        ));
        for (label, value) in &cover.lines {
            out.push_str(&format!("<p>{}</p>", escape(&labelled(label, value))));
        }
        out.push_str("</div></section><div class=\"jx-r-break\"></div>");
    }
    out.push_str(&format!(
        "<h1 class=\"jx-r-title\">{}</h1>",
        escape(&report.title)
    ));
    for block in &report.blocks {
        match block {
            Block::Heading1(h) => out.push_str(&format!("<h2>{}</h2>", escape(h))),
            Block::Heading2(h) => out.push_str(&format!("<h3>{}</h3>", escape(h))),
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>", escape(p))),
            Block::PageBreak => out.push_str("<div class=\"jx-r-break\"></div>"),
            Block::Annex { label, title } => out.push_str(&format!(
                "<p class=\"jx-r-annex-label\">{}</p><p class=\"jx-r-annex-title\">{}</p>",
                escape(label),
                escape(title)
            )),
            Block::Scores(table) => scores(table, &mut out),
            Block::Cover(_) => {}
            Block::Form(form) => form_html(form, &mut out),
            Block::Signature(lines) => {
                out.push_str("<div class=\"jx-r-signature\" data-testid=\"report-signature\">");
                for (label, value) in lines {
                    out.push_str(&format!("<p>{}</p>", escape(&labelled(label, value))));
                }
                out.push_str("</div>");
            }
        }
    }
    out.push_str("</article>");
    out
}

/// The report as an HTML document without any stylesheet (the print iframe adopts [`PAGE_STYLE`] and
/// [`STYLE`] as constructable stylesheets, which a strict CSP allows where a `<style>` is refused).
pub fn render_bare_document(report: &Report) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>{}</body></html>\n",
        escape(&report.title),
        render_fragment(report)
    )
}

/// A complete, self-contained HTML document of the report (the .html export).
pub fn render_document(report: &Report) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>{}{}\nbody {{ margin: 0; background: #f0f0f0; }}\n@media print {{ body {{ background: #fff; }} }}</style></head><body>{}</body></html>\n",
        escape(&report.title),
        page_style(report),
        STYLE,
        render_fragment(report)
    )
}

fn td(out: &mut String, class: &str, rowspan: usize, text: &str) {
    let span = if rowspan > 1 {
        format!(" rowspan=\"{rowspan}\"")
    } else {
        String::new()
    };
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    out.push_str(&format!("<td{class}{span}>{}</td>", escape(text)));
}

fn scores(table: &ScoreTable, out: &mut String) {
    out.push_str("<table class=\"jx-r-scores\"><thead><tr>");
    for h in &table.headers {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        if let Some(span) = &row.level1 {
            td(out, "", span.rows, &span.text);
        }
        if let Some(span) = &row.level2 {
            td(out, "", span.rows, &span.text);
        }
        td(out, "", 1, &row.name);
        let numeric = if table.with_reason { "jx-r-num" } else { "" };
        td(out, numeric, 1, &row.description);
        td(out, numeric, 1, &row.criteria);
        td(out, "jx-r-num", 1, &row.points.text());
        td(out, "jx-r-num", 1, &row.score.text());
        if table.with_reason {
            td(out, "", 1, &row.reason);
        }
        out.push_str("</tr>");
    }
    let (label, points, total) = &table.total;
    out.push_str(&format!(
        "<tr class=\"jx-r-total\"><td colspan=\"5\" class=\"jx-r-num\">{}</td><td class=\"jx-r-num\">{}</td><td class=\"jx-r-num\" data-testid=\"report-total\">{}</td>{}</tr>",
        escape(label),
        fmt_score(*points),
        fmt_score(*total),
        if table.with_reason { "<td></td>" } else { "" }
    ));
    out.push_str("</tbody></table>");
}

/// A form as one table. Column widths are `width` attributes of `<col>`, not styles: a strict CSP refuses
/// style attributes in the preview.
fn form_html(form: &FormTable, out: &mut String) {
    let total = form.widths.iter().sum::<usize>().max(1);
    out.push_str("<table class=\"jx-r-form\"><colgroup>");
    for w in &form.widths {
        out.push_str(&format!("<col width=\"{}%\">", w * 100 / total));
    }
    out.push_str("</colgroup><tbody>");
    for row in &form.rows {
        out.push_str("<tr>");
        for c in row {
            let mut attrs = String::new();
            if c.cols > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", c.cols));
            }
            if c.rows > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", c.rows));
            }
            let class = match (&c.cell, c.label) {
                (_, true) => " class=\"jx-r-label\"",
                (crate::report::Cell::Figure(_), false) => " class=\"jx-r-num\"",
                _ => "",
            };
            out.push_str(&format!(
                "<td{attrs}{class}>{}</td>",
                escape(&c.cell.text())
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_bidi_overrides() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("a\"b'c&"), "a&quot;b&#39;c&amp;");
        assert_eq!(escape("\u{202E}123"), "&#x202E;123");
    }
}
