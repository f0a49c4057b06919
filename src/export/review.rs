//! The batch summary as an Excel workbook (复核汇总.xlsx): 汇总 (one row per file, with its flags and
//! 复核意见), 问题清单 (one row per finding), 监控预警 (a 监控表's red and yellow lights with their causes and
//! measures, when the batch has any), 复核意见 (the conclusions alone, for the letter back to the
//! units) and 统计 (grade and score-band counts). Every sheet prints on A4 landscape, one page wide, its
//! header row repeated.
//!
//! ```
//! use jixiao::core::review::{Desk, ReviewRow};
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let mut desk = Desk::default();
//! desk.add(ReviewRow::opened("南京.json", b"{}", &e));
//! let bytes = jixiao::export::review::summary_workbook(&desk).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

use super::xlsx::{err, excel_number, fit_row, formats, list_sheet, Formats};
use crate::core::code::Code;
use crate::core::review::{Desk, ReviewRow};
use crate::core::Severity;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

/// The 汇总 sheet's columns (heading, width).
pub const SUMMARY_COLUMNS: [(&str, f64); 16] = [
    ("序号", 6.0),
    ("文件", 30.0),
    ("单位", 28.0),
    ("年度", 7.0),
    ("类型", 22.0),
    ("所列总分", 9.0),
    ("计算总分", 9.0),
    ("所列等级", 8.0),
    ("计算等级", 8.0),
    ("错误", 6.0),
    ("警告", 6.0),
    ("提示", 6.0),
    ("执行率（%）", 10.0),
    ("标记", 24.0),
    ("复核结论", 10.0),
    ("复核意见", 40.0),
];

fn number(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    value: Option<Decimal>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(r, c, excel_number(v), &f.number)?,
        None => sheet.write_blank(r, c, &f.text)?,
    };
    Ok(())
}

fn text(sheet: &mut Worksheet, r: u32, c: u16, value: &str, f: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(r, c, value, &f.text)?;
    Ok(())
}

/// The flags, with the reason a file was refused or the file it repeats.
fn problem_or_flags(row: &ReviewRow) -> String {
    match (row.problem(), row.duplicate_of.as_deref()) {
        (problem, _) if !problem.is_empty() => format!("{}：{problem}", row.flag_text()),
        (_, Some(first)) => format!("{}（与 {first} 相同）", row.flag_text()),
        _ => row.flag_text(),
    }
}

fn summary_sheet(workbook: &mut Workbook, desk: &Desk, f: &Formats) -> Result<(), XlsxError> {
    let sheet = list_sheet(workbook, "汇总", &SUMMARY_COLUMNS, f)?;
    for (i, row) in desk.rows.iter().enumerate() {
        let r = i as u32 + 1;
        let verdict = desk.verdict(&row.key);
        sheet.write_number_with_format(r, 0, (i + 1) as f64, &f.number)?;
        text(sheet, r, 1, &row.file, f)?;
        text(sheet, r, 2, row.unit(), f)?;
        match row.summary() {
            Some(s) => {
                sheet.write_number_with_format(r, 3, f64::from(s.year), &f.number)?;
                text(sheet, r, 4, &row.form(), f)?;
                number(sheet, r, 5, s.stated_total, f)?;
                // A 申报表 or 监控表 scores nothing: no 0 that reads as a score.
                let scored = s.stage == crate::core::model::Stage::SelfEvaluation;
                number(sheet, r, 6, scored.then_some(s.total), f)?;
                text(sheet, r, 7, s.stated_grade.as_deref().unwrap_or(""), f)?;
                text(sheet, r, 8, &s.grade, f)?;
                for (c, n) in [(9, s.errors), (10, s.warnings), (11, s.infos)] {
                    sheet.write_number_with_format(r, c, n as f64, &f.number)?;
                }
                number(
                    sheet,
                    r,
                    12,
                    s.execution_rate.map(crate::core::number::round2),
                    f,
                )?;
            }
            None => {
                for c in 3..=12 {
                    sheet.write_blank(r, c, &f.text)?;
                }
            }
        }
        let flags = problem_or_flags(row);
        text(sheet, r, 13, &flags, f)?;
        text(sheet, r, 14, verdict.conclusion.label(), f)?;
        text(sheet, r, 15, &verdict.comment, f)?;
        let width = |c: usize| SUMMARY_COLUMNS[c].1;
        fit_row(
            sheet,
            r,
            &[
                (&row.file, width(1)),
                (row.unit(), width(2)),
                (&row.form(), width(4)),
                (&flags, width(13)),
                (&verdict.comment, width(15)),
            ],
        )?;
    }
    sheet.autofilter(
        0,
        0,
        desk.rows.len() as u32,
        SUMMARY_COLUMNS.len() as u16 - 1,
    )?;
    Ok(())
}

fn findings_sheet(workbook: &mut Workbook, desk: &Desk, f: &Formats) -> Result<(), XlsxError> {
    let sheet = list_sheet(
        workbook,
        "问题清单",
        &[
            ("序号", 6.0),
            ("文件", 28.0),
            ("单位", 24.0),
            ("严重程度", 9.0),
            ("代码", 22.0),
            ("位置", 26.0),
            ("说明", 70.0),
        ],
        f,
    )?;
    let mut r = 0;
    for (i, row) in desk.rows.iter().enumerate() {
        let findings = row.summary().map(|s| s.findings.as_slice()).unwrap_or(&[]);
        let problem = row.problem();
        let lines: Vec<(&str, &str, &str, &str)> = if problem.is_empty() {
            findings
                .iter()
                .map(|x| {
                    (
                        x.severity.label(),
                        x.code.as_str(),
                        x.path.as_str(),
                        x.message.as_str(),
                    )
                })
                .collect()
        } else {
            vec![(
                Severity::Error.label(),
                Code::ReviewUnreadable.as_str(),
                "",
                problem.as_str(),
            )]
        };
        for (severity, code, path, message) in lines {
            r += 1;
            sheet.write_number_with_format(r, 0, (i + 1) as f64, &f.number)?;
            for (c, value) in [&row.file as &str, row.unit(), severity, code, path, message]
                .iter()
                .enumerate()
            {
                text(sheet, r, c as u16 + 1, value, f)?;
            }
            fit_row(
                sheet,
                r,
                &[
                    (&row.file, 28.0),
                    (row.unit(), 24.0),
                    (path, 26.0),
                    (message, 70.0),
                ],
            )?;
        }
    }
    Ok(())
}

/// 监控预警: one row per red or yellow light of the batch's 监控表, with the unit's causes and measures
/// (written only when a 监控表 has such a light).
fn alerts_sheet(workbook: &mut Workbook, desk: &Desk, f: &Formats) -> Result<(), XlsxError> {
    const COLUMNS: [(&str, f64); 9] = [
        ("序号", 6.0),
        ("文件", 26.0),
        ("单位", 22.0),
        ("预警", 7.0),
        ("指标", 22.0),
        ("计算", 48.0),
        ("完成目标可能性", 10.0),
        ("偏差原因", 36.0),
        ("纠偏措施", 36.0),
    ];
    let sheet = list_sheet(workbook, "监控预警", &COLUMNS, f)?;
    let mut r = 0;
    for (i, row) in desk.rows.iter().enumerate() {
        for alert in row.summary().map(|s| s.alerts.as_slice()).unwrap_or(&[]) {
            r += 1;
            sheet.write_number_with_format(r, 0, (i + 1) as f64, &f.number)?;
            let cells = [
                row.file.as_str(),
                row.unit(),
                alert.light.label(),
                &alert.name,
                &alert.formula,
                alert.likelihood.map_or("", |l| l.label()),
                &alert.cause,
                &alert.measure,
            ];
            for (c, value) in cells.iter().enumerate() {
                text(sheet, r, c as u16 + 1, value, f)?;
            }
            let fit: Vec<(&str, f64)> = cells
                .iter()
                .zip(&COLUMNS[1..])
                .map(|(v, (_, w))| (*v, *w))
                .collect();
            fit_row(sheet, r, &fit)?;
        }
    }
    Ok(())
}

fn verdicts_sheet(workbook: &mut Workbook, desk: &Desk, f: &Formats) -> Result<(), XlsxError> {
    let sheet = list_sheet(
        workbook,
        "复核意见",
        &[
            ("序号", 6.0),
            ("单位", 28.0),
            ("类型", 22.0),
            ("文件", 30.0),
            ("复核结论", 10.0),
            ("复核意见", 70.0),
        ],
        f,
    )?;
    for (i, row) in desk.rows.iter().enumerate() {
        let r = i as u32 + 1;
        let verdict = desk.verdict(&row.key);
        sheet.write_number_with_format(r, 0, (i + 1) as f64, &f.number)?;
        for (c, value) in [
            row.unit(),
            &row.form(),
            &row.file,
            verdict.conclusion.label(),
            &verdict.comment,
        ]
        .iter()
        .enumerate()
        {
            text(sheet, r, c as u16 + 1, value, f)?;
        }
    }
    Ok(())
}

fn stats_sheet(workbook: &mut Workbook, desk: &Desk, f: &Formats) -> Result<(), XlsxError> {
    let sheet = list_sheet(workbook, "统计", &[("项目", 20.0), ("文件数", 10.0)], f)?;
    let mut r = 0;
    let mut line = |sheet: &mut Worksheet, label: &str, n: usize| -> Result<(), XlsxError> {
        r += 1;
        text(sheet, r, 0, label, f)?;
        sheet.write_number_with_format(r, 1, n as f64, &f.number)?;
        Ok(())
    };
    line(sheet, "收到文件", desk.rows.len())?;
    for (level, n) in desk.flag_counts() {
        line(sheet, &format!("标记：{}", level.label()), n)?;
    }
    for (grade, n) in desk.grade_counts() {
        line(sheet, &format!("等级：{grade}"), n)?;
    }
    for (band, n) in desk.score_bands() {
        line(sheet, &format!("得分：{band}"), n)?;
    }
    Ok(())
}

/// The batch summary workbook, as .xlsx bytes.
pub fn summary_workbook(desk: &Desk) -> Result<Vec<u8>, String> {
    let f = formats();
    let mut workbook = Workbook::new();
    summary_sheet(&mut workbook, desk, &f).map_err(err)?;
    findings_sheet(&mut workbook, desk, &f).map_err(err)?;
    let alerted = desk
        .rows
        .iter()
        .any(|r| r.summary().is_some_and(|s| !s.alerts.is_empty()));
    if alerted {
        alerts_sheet(&mut workbook, desk, &f).map_err(err)?;
    }
    verdicts_sheet(&mut workbook, desk, &f).map_err(err)?;
    stats_sheet(&mut workbook, desk, &f).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}
