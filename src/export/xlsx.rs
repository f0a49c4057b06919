//! The scoring table as an Excel workbook (指标体系得分情况.xlsx; for a 项目支出 evaluation the whole
//! 项目支出绩效自评表 as one sheet): the annex with merged 一级 / 二级 cells,
//! number formats and SUM formulas for the totals (with their computed results stored, so viewers that
//! do not recalculate still show them), plus sheets for the findings and the reconciliations. Printed on
//! A4 landscape with the header row repeated.

use super::documents::{Documents, EvidenceLine};
use crate::core::model::Evaluation;
use crate::core::number::fmt_score;
use crate::report::{Block, Cell, Figure, Report, ScoreTable};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

pub(super) fn err(e: XlsxError) -> String {
    format!("生成 Excel 文件失败：{e}")
}

/// A figure as Excel's double: the one place a Decimal becomes binary floating point.
pub(super) fn excel_number(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

/// Column letter of a 0-based index (A–Z is enough here).
fn col_letter(col: u16) -> char {
    (b'A' + (col as u8).min(25)) as char
}

pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) number: Format,
    pub(super) total: Format,
    pub(super) total_number: Format,
}

pub(super) fn formats() -> Formats {
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_size(10.5)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        title: Format::new()
            .set_font_name("黑体")
            .set_font_size(14)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        header: base
            .clone()
            .set_font_name("黑体")
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_background_color("#EEF1F5"),
        text: base.clone(),
        number: base
            .clone()
            .set_align(FormatAlign::Center)
            .set_num_format("0.##"),
        total: base
            .clone()
            .set_font_name("黑体")
            .set_bold()
            .set_align(FormatAlign::Center),
        total_number: base
            .set_font_name("黑体")
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_num_format("0.##"),
    }
}

fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, text, &f.text)?;
    Ok(())
}

fn write_figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    figure: Figure,
    f: &Formats,
) -> Result<(), XlsxError> {
    match figure.value() {
        Some(v) => sheet.write_number_with_format(row, col, excel_number(v), &f.number)?,
        None => sheet.write_string_with_format(row, col, "", &f.text)?,
    };
    Ok(())
}

/// Column widths of a scoring table (Excel units).
fn score_widths(with_reason: bool) -> &'static [f64] {
    if with_reason {
        &[14.0, 16.0, 24.0, 14.0, 14.0, 8.0, 8.0, 32.0]
    } else {
        &[14.0, 16.0, 26.0, 32.0, 40.0, 8.0, 8.0]
    }
}

/// Prints on A4 landscape, one page wide.
fn a4_landscape(sheet: &mut Worksheet) {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
}

fn annex_sheet(
    sheet: &mut Worksheet,
    title: &str,
    table: &ScoreTable,
    f: &Formats,
) -> Result<(), XlsxError> {
    let columns = table.headers.len() as u16;
    sheet.set_name("指标体系得分情况")?;
    a4_landscape(sheet);
    sheet.set_repeat_rows(1, 1)?;
    let widths = score_widths(table.with_reason);
    for (i, w) in widths.iter().enumerate() {
        sheet.set_column_width(i as u16, *w)?;
    }
    sheet.merge_range(0, 0, 0, columns - 1, title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    score_rows(sheet, 1, table, widths, f)?;
    Ok(())
}

/// Writes a scoring table from row `header_row` (its header there, merged 一级 / 二级 cells, the total
/// row with SUM formulas); the first row after it.
fn score_rows(
    sheet: &mut Worksheet,
    header_row: u32,
    table: &ScoreTable,
    widths: &[f64],
    f: &Formats,
) -> Result<u32, XlsxError> {
    for (i, h) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, i as u16, h, &f.header)?;
    }
    let first = header_row + 1;
    // Row heights for the wrapped text (Excel does not size rows written by a library): each row fits
    // its tallest cell; a merged 一级 / 二级 cell that needs more than its rows gets it on its last row.
    let lines = |text: &str, col: usize| super::fit::excel_lines(text, widths[col]);
    let mut heights: Vec<usize> = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                (row.name.as_str(), 2),
                (row.description.as_str(), 3),
                (row.criteria.as_str(), 4),
            ];
            if table.with_reason {
                cells.push((row.reason.as_str(), 7));
            }
            for (col, span) in [(0, &row.level1), (1, &row.level2)] {
                if let Some(span) = span.as_ref().filter(|s| s.rows == 1) {
                    cells.push((span.text.as_str(), col));
                }
            }
            cells.iter().map(|(t, c)| lines(t, *c)).max().unwrap_or(1)
        })
        .collect();
    for (i, row) in table.rows.iter().enumerate() {
        for (col, span) in [(0, &row.level1), (1, &row.level2)] {
            if let Some(span) = span.as_ref().filter(|s| s.rows > 1) {
                let end = (i + span.rows).min(heights.len());
                let have: usize = heights[i..end].iter().sum();
                let need = lines(&span.text, col);
                if need > have && end > i {
                    heights[end - 1] += need - have;
                }
            }
        }
    }
    for (i, h) in heights.iter().enumerate() {
        sheet.set_row_height(first + i as u32, super::fit::excel_row_height(*h))?;
    }
    sheet.set_row_height(
        1,
        super::fit::excel_row_height(
            table
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| lines(h, i))
                .max()
                .unwrap_or(1),
        ),
    )?;
    for (i, row) in table.rows.iter().enumerate() {
        let r = first + i as u32;
        for (col, span) in [(0u16, &row.level1), (1u16, &row.level2)] {
            if let Some(span) = span {
                if span.rows > 1 {
                    sheet.merge_range(
                        r,
                        col,
                        r + span.rows as u32 - 1,
                        col,
                        &span.text,
                        &f.text,
                    )?;
                } else {
                    sheet.write_string_with_format(r, col, &span.text, &f.text)?;
                }
            }
        }
        // 年度指标值 / 实际完成值 stay text as printed ("≥100%").
        write_text(sheet, r, 2, &row.name, f)?;
        write_text(sheet, r, 3, &row.description, f)?;
        write_text(sheet, r, 4, &row.criteria, f)?;
        write_figure(sheet, r, 5, row.points, f)?;
        write_figure(sheet, r, 6, row.score, f)?;
        if table.with_reason {
            write_text(sheet, r, 7, &row.reason, f)?;
        }
    }
    let total_row = first + table.rows.len() as u32;
    let last = total_row; // 1-based number of the last data row = the 0-based index of the total row
    let (label, points, total) = &table.total;
    sheet.merge_range(total_row, 0, total_row, 4, label, &f.total)?;
    for (col, result) in [(5u16, points), (6u16, total)] {
        let letter = col_letter(col);
        let formula = Formula::new(format!("=SUM({letter}{}:{letter}{last})", first + 1))
            .set_result(fmt_score(*result));
        sheet.write_formula_with_format(total_row, col, formula, &f.total_number)?;
    }
    if table.with_reason {
        sheet.write_blank(total_row, 7, &f.text)?;
    }
    Ok(total_row + 1)
}

/// The 项目支出绩效自评表 as one sheet laid out like the form: title, 项目名称 / 主管部门 / 实施单位, the
/// 预算执行情况 block, 年度总体目标, the indicator table with its merges and total, the signature rows.
fn form_sheet(sheet: &mut Worksheet, report: &Report, f: &Formats) -> Result<(), XlsxError> {
    let form_widths = form_widths(report);
    let widths: &[f64] = form_widths.as_deref().unwrap_or(score_widths(true));
    let columns = widths.len() as u16;
    sheet.set_name("项目支出绩效自评表")?;
    a4_landscape(sheet);
    for (i, w) in widths.iter().enumerate() {
        sheet.set_column_width(i as u16, *w)?;
    }
    sheet.merge_range(0, 0, 0, columns - 1, &report.title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    let mut row = 1u32;
    for block in &report.blocks {
        match block {
            Block::Heading1(h) | Block::Heading2(h) => {
                let heading = Cell::Text(h.clone());
                put(sheet, (row, 0, columns - 1), &heading, &f.header, f)?;
                row += 1;
            }
            Block::Paragraph(p) => {
                put(
                    sheet,
                    (row, 0, columns - 1),
                    &Cell::Text(p.clone()),
                    &f.text,
                    f,
                )?;
                fit_row(sheet, row, &[(p, span_width(widths, 0, columns - 1))])?;
                row += 1;
            }
            Block::Scores(table) => row = score_rows(sheet, row, table, widths, f)?,
            Block::Form(form) => row = form_rows(sheet, row, form, widths, f)?,
            Block::Signature(lines) => row = signature_rows(sheet, row, lines, widths, f)?,
            Block::PageBreak | Block::Annex { .. } | Block::Cover(_) => {}
        }
    }
    Ok(())
}

/// The form's relative widths, scaled to about 150 characters across (A4 landscape, one page wide).
fn form_widths(report: &Report) -> Option<Vec<f64>> {
    report.blocks.iter().find_map(|b| match b {
        Block::Form(form) => {
            let total = form.widths.iter().sum::<usize>().max(1) as f64;
            Some(
                form.widths
                    .iter()
                    .map(|w| *w as f64 * 150.0 / total)
                    .collect(),
            )
        }
        _ => None,
    })
}

/// The width (in Excel units) of columns [from, to].
fn span_width(widths: &[f64], from: u16, to: u16) -> f64 {
    widths[from as usize..=to as usize].iter().sum::<f64>()
}

/// A cell over columns [from, to] of row `r` (`at` = (r, from, to)), merged when it spans more than
/// one; a figure alone in its cell is written as a number.
fn put(
    sheet: &mut Worksheet,
    (r, from, to): (u32, u16, u16),
    cell: &Cell,
    format: &Format,
    f: &Formats,
) -> Result<(), XlsxError> {
    match (cell, from == to) {
        (Cell::Figure(figure), true) => match figure.value() {
            Some(v) => sheet
                .write_number_with_format(r, from, excel_number(v), &f.number)
                .map(|_| ()),
            None => sheet
                .write_string_with_format(r, from, figure.text(), format)
                .map(|_| ()),
        },
        (cell, true) => sheet
            .write_string_with_format(r, from, cell.text(), format)
            .map(|_| ()),
        (cell, false) => sheet
            .merge_range(r, from, r, to, &cell.text(), format)
            .map(|_| ()),
    }
}

/// The form's grid from `row` on, merges as placed and each row as tall as its longest text needs;
/// returns the row after it.
fn form_rows(
    sheet: &mut Worksheet,
    row: u32,
    form: &crate::report::FormTable,
    widths: &[f64],
    f: &Formats,
) -> Result<u32, XlsxError> {
    let columns = widths.len() as u16;
    let mut lines = vec![1usize; form.rows.len()];
    for (r, c, fc) in &form.placed() {
        let (r0, c0) = (row + *r as u32, *c as u16);
        let c1 = (c0 + fc.cols.max(1) as u16 - 1).min(columns - 1);
        let r1 = r0 + fc.rows.max(1) as u32 - 1;
        let format = if fc.label { &f.header } else { &f.text };
        if c1 > c0 || r1 > r0 {
            sheet.merge_range(r0, c0, r1, c1, &fc.cell.text(), format)?;
        } else {
            put(sheet, (r0, c0, c1), &fc.cell, format, f)?;
        }
        if fc.rows == 1 {
            let needed = super::fit::excel_lines(&fc.cell.text(), span_width(widths, c0, c1));
            lines[*r] = lines[*r].max(needed);
        }
    }
    for (r, n) in lines.iter().enumerate() {
        sheet.set_row_height(row + r as u32, super::fit::excel_row_height(*n))?;
    }
    Ok(row + form.rows.len() as u32)
}

/// Two labelled values a row: each label over a quarter of the columns, its value next; returns the
/// row after them. A row is as tall as its longest wrapped value (a long 单位名称 stays in its cell).
fn signature_rows(
    sheet: &mut Worksheet,
    mut row: u32,
    lines: &[(String, String)],
    widths: &[f64],
    f: &Formats,
) -> Result<u32, XlsxError> {
    let columns = widths.len() as u16;
    let quarter = (columns / 4).max(1);
    for pair in lines.chunks(2) {
        let mut cells: Vec<(&str, f64)> = Vec::new();
        for (k, (label, value)) in pair.iter().enumerate() {
            let c = k as u16 * quarter * 2;
            let end = if k == 1 {
                columns - 1
            } else {
                c + quarter * 2 - 1
            };
            let heading = Cell::Text(label.clone());
            put(sheet, (row, c, c + quarter - 1), &heading, &f.header, f)?;
            put(
                sheet,
                (row, c + quarter, end),
                &Cell::Text(value.clone()),
                &f.text,
                f,
            )?;
            cells.push((label, span_width(widths, c, c + quarter - 1)));
            cells.push((value, span_width(widths, c + quarter, end)));
        }
        sheet.set_row_height(row, 24)?;
        fit_row(sheet, row, &cells)?;
        row += 1;
    }
    Ok(row)
}

/// A new sheet named `name` with a header row of (title, column width).
pub(super) fn list_sheet<'a>(
    workbook: &'a mut Workbook,
    name: &str,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<&'a mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    // Printed on A4 landscape, one page wide, the header row on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    for (i, (title, width)) in columns.iter().enumerate() {
        sheet.set_column_width(i as u16, *width)?;
        sheet.write_string_with_format(0, i as u16, *title, &f.header)?;
    }
    Ok(sheet)
}

/// Sets row `row`'s height for its wrapped `cells` (text and the width of its column).
pub(super) fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let lines = cells
        .iter()
        .map(|(text, width)| super::fit::excel_lines(text, *width))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        sheet.set_row_height(row, super::fit::excel_row_height(lines))?;
    }
    Ok(())
}

/// The 佐证材料清单 sheet (none when no file is attached): indicator, file, 说明, size, SHA-256.
fn evidence_sheet(
    workbook: &mut Workbook,
    files: &[EvidenceLine],
    f: &Formats,
) -> Result<(), String> {
    if files.is_empty() {
        return Ok(());
    }
    let columns = [
        ("序号", 6.0),
        ("指标", 30.0),
        ("文件名称", 30.0),
        ("说明", 30.0),
        ("大小", 10.0),
        ("SHA-256", 68.0),
    ];
    let sheet = list_sheet(workbook, "佐证材料清单", &columns, f).map_err(err)?;
    for (i, file) in files.iter().enumerate() {
        let row = i as u32 + 1;
        let number = (i + 1).to_string();
        let cells = [
            &number,
            &file.indicator,
            &file.name,
            &file.description,
            &file.size,
            &file.sha256,
        ];
        for (c, text) in cells.iter().enumerate() {
            sheet
                .write_string_with_format(row, c as u16, *text, &f.text)
                .map_err(err)?;
        }
        fit_row(
            sheet,
            row,
            &[(cells[1], 30.0), (cells[2], 30.0), (cells[3], 30.0)],
        )
        .map_err(err)?;
    }
    Ok(())
}

/// The scoring workbook of an evaluation, as .xlsx bytes.
pub fn scoring_workbook(evaluation: &Evaluation) -> Result<Vec<u8>, String> {
    workbook(&Documents::of(evaluation))
}

/// The scoring workbook of assessed [`Documents`], as .xlsx bytes.
pub fn workbook(documents: &Documents) -> Result<Vec<u8>, String> {
    let report = &documents.report;
    let f = formats();
    let mut workbook = Workbook::new();
    let title = report
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Annex { title, .. } => Some(title.clone()),
            _ => None,
        })
        .unwrap_or_else(|| report.title.clone());
    let table = report.blocks.iter().find_map(|b| match b {
        Block::Scores(t) => Some(t),
        _ => None,
    });
    // A report that is a form (the 项目支出 自评表, a 绩效目标申报表 of either kind: the form comes first)
    // is its own sheet, laid out as printed.
    if matches!(report.blocks.first(), Some(Block::Form(_))) {
        form_sheet(workbook.add_worksheet(), report, &f).map_err(err)?;
    } else if let Some(table) = table {
        annex_sheet(workbook.add_worksheet(), &title, table, &f).map_err(err)?;
    }
    let sheet = list_sheet(
        &mut workbook,
        "检查结果",
        &[
            ("严重程度", 10.0),
            ("代码", 24.0),
            ("位置", 36.0),
            ("说明", 80.0),
        ],
        &f,
    )
    .map_err(err)?;
    for (i, finding) in documents.findings.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, text) in [
            &finding.severity,
            &finding.code,
            &finding.path,
            &finding.message,
        ]
        .iter()
        .enumerate()
        {
            sheet
                .write_string_with_format(r, c as u16, *text, &f.text)
                .map_err(err)?;
        }
        fit_row(
            sheet,
            r,
            &[(finding.path.as_str(), 36.0), (&finding.message, 80.0)],
        )
        .map_err(err)?;
    }
    let sheet = list_sheet(
        &mut workbook,
        "核对",
        &[("核对项", 44.0), ("计算", 60.0), ("结果", 10.0)],
        &f,
    )
    .map_err(err)?;
    for (i, r) in documents.checks.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, text) in [&r.label, &r.detail, &r.status].iter().enumerate() {
            sheet
                .write_string_with_format(row, c as u16, *text, &f.text)
                .map_err(err)?;
        }
        fit_row(sheet, row, &[(&r.label, 44.0), (&r.detail, 60.0)]).map_err(err)?;
    }
    evidence_sheet(&mut workbook, &documents.evidence, &f)?;
    workbook.save_to_buffer().map_err(err)
}
