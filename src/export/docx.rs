//! The report as a Word document (.docx) that Word and WPS render as a 公文 on A4: margins 37 / 35 / 28 /
//! 26 mm, title 小标宋 2号, body 仿宋_GB2312 3号 with a two-character first-line indent and exact 28.8 pt
//! lines, 一级标题 黑体, 二级标题 楷体, page numbers in the footer. Chinese fonts are set on the East-Asian
//! slot (`w:eastAsia`), else Word falls back to a Latin font for 汉字. Tables carry their widths in
//! `w:tblW` and `w:gridCol` (WPS ignores one without the other), 一级 / 二级 cells are merged vertically,
//! and rows do not split across pages.

use crate::core::model::Evaluation;
use crate::core::number::fmt_score;
use crate::report::{
    build, labelled, Block, Cell, Figure, FormCell, FormTable, Report, ScoreRow, ScoreTable, Span,
};
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableRow, VAlignType, VMergeType, WidthType,
};

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// A4 width / height in twips.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;

const FANGSONG: &str = "仿宋_GB2312";
const HEITI: &str = "黑体";
const KAITI: &str = "楷体_GB2312";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const SONG: &str = "宋体";

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, half_points: usize) -> Run {
    Run::new()
        .add_text(text)
        .fonts(fonts(font))
        .size(half_points)
}

fn exact(line_twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line_twips)
}

/// A body paragraph: 仿宋 3号, first line indented two characters, exact 28.8 pt.
fn body(text: &str, font: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, font, 32))
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .line_spacing(exact(576))
        .align(AlignmentType::Both)
}

fn cell_paragraph(text: &str, center: bool) -> Paragraph {
    let p = Paragraph::new()
        .add_run(run(text, SONG, 21))
        .line_spacing(exact(300));
    if center {
        p.align(AlignmentType::Center)
    } else {
        p
    }
}

fn cell(text: &str, width: usize, center: bool) -> TableCell {
    TableCell::new()
        .add_paragraph(cell_paragraph(text, center))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

fn header_cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(run(text, HEITI, 21))
                .align(AlignmentType::Center),
        )
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// Text width of a portrait page in twips.
fn text_width() -> usize {
    page_text_width(false)
}

/// Text width of a portrait or landscape page in twips (the same margins either way).
fn page_text_width(landscape: bool) -> usize {
    let width = if landscape { PAGE_H } else { PAGE_W };
    (width as i32 - mm(28.0) - mm(26.0)) as usize
}

fn merged(span: &Option<Span>, carry: &mut (usize, String), width: usize) -> TableCell {
    match span {
        Some(span) => {
            *carry = (span.rows.saturating_sub(1), span.text.clone());
            let c = cell(&span.text, width, true);
            if span.rows > 1 {
                c.vertical_merge(VMergeType::Restart)
            } else {
                c
            }
        }
        None if carry.0 > 0 => {
            carry.0 -= 1;
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .width(width, WidthType::Dxa)
                .vertical_merge(VMergeType::Continue)
        }
        None => cell("", width, false),
    }
}

fn score_table(table: &ScoreTable) -> Table {
    let weights: &[usize] = if table.with_reason {
        &[12, 14, 20, 11, 11, 7, 7, 18]
    } else {
        &[11, 12, 18, 22, 25, 6, 6]
    };
    // 分值 and 自评分 are as wide as their header or widest figure on one line (never "自 / 评 / 分"
    // one character per line); the text columns share the rest.
    let (label, points, total) = &table.total;
    let mut fixed = vec![None; weights.len()];
    for (col, figure, sum) in [
        (
            5,
            (|r: &ScoreRow| r.points) as fn(&ScoreRow) -> Figure,
            *points,
        ),
        (6, |r: &ScoreRow| r.score, *total),
    ] {
        let header = table.headers.get(col).map(String::as_str).unwrap_or("");
        fixed[col] = table
            .rows
            .iter()
            .map(|r| figure(r).text())
            .chain([fmt_score(sum), header.to_string()])
            .map(|text| super::fit::word_twips(&text))
            .max();
    }
    let widths = super::fit::word_widths(text_width(), weights, &fixed);
    let mut rows = vec![TableRow::new(
        table
            .headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| header_cell(h, *w))
            .collect(),
    )
    .cant_split()];
    let mut carry1 = (0usize, String::new());
    let mut carry2 = (0usize, String::new());
    for row in &table.rows {
        let mut cells = vec![
            merged(&row.level1, &mut carry1, widths[0]),
            merged(&row.level2, &mut carry2, widths[1]),
        ];
        cells.push(cell(&row.name, widths[2], false));
        cells.push(cell(&row.description, widths[3], table.with_reason));
        cells.push(cell(&row.criteria, widths[4], table.with_reason));
        cells.push(cell(&row.points.text(), widths[5], true));
        cells.push(cell(&row.score.text(), widths[6], true));
        if table.with_reason {
            cells.push(cell(&row.reason, widths[7], false));
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let label_width: usize = widths[..5].iter().sum();
    let mut total_cells = vec![
        TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(label, HEITI, 21))
                    .align(AlignmentType::Center),
            )
            .grid_span(5)
            .width(label_width, WidthType::Dxa),
        cell(&fmt_score(*points), widths[5], true),
        cell(&fmt_score(*total), widths[6], true),
    ];
    if table.with_reason {
        total_cells.push(cell("", widths[7], false));
    }
    rows.push(TableRow::new(total_cells).cant_split());
    Table::new(rows)
        .set_grid(widths)
        .width(text_width(), WidthType::Dxa)
}

/// A form as one Word table: row spans become vertical merges (a restarting cell, then continuing
/// cells in the rows below), column spans grid spans. Columns holding figures are as wide as their
/// widest figure or label; the others share the rest by the form's widths.
fn form_table(form: &FormTable, text_width: usize) -> Table {
    let columns = form.widths.len().max(1);
    let placed = form.placed();
    // A column is sized to its content when every value in it (outside spans) is a figure: 分值, 得分,
    // 执行率. Columns that also hold words keep the form's proportions.
    let mut fixed: Vec<Option<usize>> = vec![None; columns];
    for (c, width) in fixed.iter_mut().enumerate() {
        let cells: Vec<&FormCell> = placed
            .iter()
            .filter(|(_, col, fc)| *col == c && fc.cols == 1)
            .map(|(_, _, fc)| *fc)
            .collect();
        let figures_only = cells
            .iter()
            .all(|fc| fc.label || matches!(fc.cell, Cell::Figure(_)));
        if figures_only && cells.iter().any(|fc| !fc.label) {
            *width = cells
                .iter()
                .map(|fc| super::fit::word_twips(&fc.cell.text()))
                .max();
        }
    }
    if fixed.iter().flatten().sum::<usize>() > text_width / 2 {
        fixed = vec![None; columns];
    }
    let widths = super::fit::word_widths(text_width, &form.widths, &fixed);
    let height = form.rows.len();
    // Which placed cell covers each grid slot.
    let mut owner: Vec<Vec<Option<usize>>> = vec![vec![None; columns]; height];
    for (i, (r, c, fc)) in placed.iter().enumerate() {
        for row in owner.iter_mut().take((r + fc.rows).min(height)).skip(*r) {
            for slot in row.iter_mut().take((c + fc.cols).min(columns)).skip(*c) {
                *slot = Some(i);
            }
        }
    }
    let rows = owner
        .iter()
        .enumerate()
        .map(|(r, slots)| {
            let mut cells = Vec::new();
            let mut c = 0;
            while c < columns {
                let Some(i) = slots[c] else {
                    cells.push(cell("", widths[c], false));
                    c += 1;
                    continue;
                };
                let (r0, c0, fc) = placed[i];
                let span = fc.cols.clamp(1, columns - c0);
                let width: usize = widths[c0..c0 + span].iter().sum();
                let mut tc = if r0 == r {
                    let text = fc.cell.text();
                    let tc = if fc.label {
                        header_cell(&text, width)
                    } else {
                        cell(&text, width, matches!(fc.cell, Cell::Figure(_)))
                    };
                    if fc.rows > 1 {
                        tc.vertical_merge(VMergeType::Restart)
                    } else {
                        tc
                    }
                } else {
                    TableCell::new()
                        .add_paragraph(Paragraph::new())
                        .width(width, WidthType::Dxa)
                        .vertical_merge(VMergeType::Continue)
                };
                if span > 1 {
                    tc = tc.grid_span(span);
                }
                cells.push(tc);
                c = c0 + span;
            }
            TableRow::new(cells).cant_split()
        })
        .collect();
    Table::new(rows)
        .set_grid(widths)
        .width(text_width, WidthType::Dxa)
}

/// The report as a Word document.
pub fn report_docx(report: &Report) -> Result<Vec<u8>, String> {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run("— ", SONG, 28))
            .add_page_num(PageNum::new())
            .add_run(run(" —", SONG, 28))
            .align(AlignmentType::Center),
    );
    let (page_w, page_h) = if report.landscape {
        (PAGE_H, PAGE_W)
    } else {
        (PAGE_W, PAGE_H)
    };
    let mut docx = Docx::new().page_size(page_w, page_h);
    if report.landscape {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    let mut docx = docx
        .page_margin(
            PageMargin::new()
                .top(mm(37.0))
                .bottom(mm(35.0))
                .left(mm(28.0))
                .right(mm(26.0))
                .footer(mm(25.0)),
        )
        .default_fonts(fonts(FANGSONG))
        .default_size(32)
        .footer(footer);
    if let Some(cover) = report.cover() {
        // The cover page carries no page number (a first-page footer of its own, empty).
        docx = docx
            .title_pg()
            .first_footer(Footer::new().add_paragraph(Paragraph::new()))
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(&cover.title, XIAOBIAOSONG, 52))
                    .align(AlignmentType::Center)
                    .line_spacing(
                        LineSpacing::new()
                            .line_rule(LineSpacingType::Auto)
                            .line(400)
                            .before(2400)
                            .after(3600),
                    ),
            );
        for (label, value) in &cover.lines {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .add_run(run(&labelled(label, value), FANGSONG, 32))
                    .indent(Some(mm(25.0)), None, None, None)
                    .line_spacing(exact(640)),
            );
        }
    }
    docx = docx.add_paragraph(
        Paragraph::new()
            .add_run(run(&report.title, XIAOBIAOSONG, 44))
            .align(AlignmentType::Center)
            .page_break_before(report.cover().is_some())
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(360)
                    .after(576),
            ),
    );
    let mut break_next = false;
    for block in &report.blocks {
        match block {
            Block::Heading1(h) => docx = docx.add_paragraph(body(h, HEITI)),
            Block::Heading2(h) => docx = docx.add_paragraph(body(h, KAITI)),
            Block::Paragraph(p) => docx = docx.add_paragraph(body(p, FANGSONG)),
            Block::PageBreak => break_next = true,
            Block::Annex { label, title } => {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .add_run(run(label, HEITI, 32))
                        .page_break_before(std::mem::take(&mut break_next)),
                );
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .add_run(run(title, XIAOBIAOSONG, 36))
                        .align(AlignmentType::Center)
                        .line_spacing(
                            LineSpacing::new()
                                .line_rule(LineSpacingType::Auto)
                                .line(360)
                                .before(240)
                                .after(240),
                        ),
                );
            }
            Block::Scores(table) => docx = docx.add_table(score_table(table)),
            Block::Cover(_) => {}
            Block::Form(form) => {
                docx = docx.add_table(form_table(form, page_text_width(report.landscape)))
            }
            Block::Signature(lines) => {
                // On the right half of the page, after a blank line, as a 公文's 署名 and 日期.
                for (i, (label, value)) in lines.iter().enumerate() {
                    let spacing = exact(560);
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .add_run(run(&labelled(label, value), FANGSONG, 32))
                            .indent(Some((text_width() / 2) as i32), None, None, None)
                            .line_spacing(if i == 0 { spacing.before(560) } else { spacing }),
                    );
                }
            }
        }
    }
    package(docx.build()).map_err(|e| format!("生成 Word 文件失败：{e}"))
}

/// The package (.docx zip) of docx-rs's XML parts, written here rather than by docx-rs's own `pack`: so
/// that the Word / Excel module carries one zip crate (the version rust_xlsxwriter and calamine use,
/// not docx-rs's older one), deflates every part, and marks the annex's header rows
/// ([`mark_headers`]) before writing instead of unpacking and rewriting the package.
fn package(xml: docx_rs::XMLDocx) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let document = mark_headers(&String::from_utf8_lossy(&xml.document)).into_bytes();
    let mut parts: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), &xml.content_type),
        ("_rels/.rels".into(), &xml.rels),
        ("docProps/app.xml".into(), &xml.doc_props.app),
        ("docProps/core.xml".into(), &xml.doc_props.core),
        ("docProps/custom.xml".into(), &xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), &xml.document_rels),
        ("word/document.xml".into(), &document),
        ("word/styles.xml".into(), &xml.styles),
        ("word/settings.xml".into(), &xml.settings),
        ("word/fontTable.xml".into(), &xml.font_table),
        ("word/comments.xml".into(), &xml.comments),
        ("word/numbering.xml".into(), &xml.numberings),
        ("word/commentsExtended.xml".into(), &xml.comments_extended),
        ("word/footnotes.xml".into(), &xml.footnotes),
    ];
    // Headers and footers are numbered from 1 in the order docx-rs built them, as its relations name them.
    for (kind, files, rels) in [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ] {
        for (i, part) in files.iter().enumerate() {
            parts.push((format!("word/{kind}{}.xml", i + 1), part));
            if let Some(rel) = rels.get(i) {
                parts.push((format!("word/_rels/{kind}{}.xml.rels", i + 1), rel));
            }
        }
    }
    for (path, bytes) in parts {
        out.start_file(path, options)?;
        out.write_all(bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// In each table whose first row is the annex header (starts with 一级指标), adds `<w:tblHeader />`.
fn mark_headers(xml: &str) -> String {
    let mut result = String::with_capacity(xml.len() + 256);
    let mut parts = xml.split("<w:tbl>");
    if let Some(first) = parts.next() {
        result.push_str(first);
    }
    for table in parts {
        result.push_str("<w:tbl>");
        let first_row_end = table.find("</w:tr>").unwrap_or(0);
        if table[..first_row_end].contains("一级指标") {
            result.push_str(&table.replacen(
                "<w:cantSplit />",
                "<w:cantSplit /><w:tblHeader />",
                1,
            ));
        } else {
            result.push_str(table);
        }
    }
    result
}

/// The report of an evaluation as .docx bytes.
pub fn evaluation_docx(evaluation: &Evaluation) -> Result<Vec<u8>, String> {
    report_docx(&build(evaluation))
}
