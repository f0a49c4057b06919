//! Exports read back: the .xlsx annex through calamine, and its round trip through the importer.

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use jixiao::core::{assess, import, template};
use jixiao::export::xlsx::scoring_workbook;
use std::io::Cursor;

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    workbook.worksheet_range(name).unwrap()
}

#[test]
fn the_annex_sheet_holds_every_figure_merged_like_the_report() {
    let e = template::load("nanjing-2024").unwrap();
    let bytes = scoring_workbook(&e).unwrap();
    let range = sheet(&bytes, "指标体系得分情况");
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert!(matches!(cell(0, 0), Data::String(ref s) if s.ends_with("指标体系得分情况")));
    assert_eq!(cell(1, 0), Data::String("一级指标".into()));
    assert_eq!(cell(1, 6), Data::String("自评分".into()));
    assert_eq!(cell(2, 0), Data::String("部门决策（15分）".into()));
    assert_eq!(cell(3, 0), Data::Empty, "merged 一级 cell");
    // 32 leaves + 2 加减分项 rows from row 2; the total row after them.
    let mut points = 0.0;
    let mut scores = 0.0;
    for r in 2..36 {
        if let Data::Float(p) = cell(r, 5) {
            points += p;
        }
        if let Data::Float(s) = cell(r, 6) {
            scores += s;
        }
    }
    assert_eq!(points, 100.0);
    assert_eq!(scores, 99.5);
    assert_eq!(cell(36, 0), Data::String("合计".into()));
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.clone())).unwrap();
    let formulas = workbook.worksheet_formula("指标体系得分情况").unwrap();
    assert_eq!(
        formulas.get_value((36, 6)).map(String::as_str),
        Some("SUM(G3:G36)")
    );
    let mut xlsx: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let merges = xlsx.merge_cells_by_sheet_name("指标体系得分情况").unwrap();
    let has = |start: (u32, u32), end: (u32, u32)| {
        merges.iter().any(|d| d.start == start && d.end == end)
    };
    assert!(has((2, 0), (9, 0)), "部门决策 spans its 8 rows: {merges:?}");
    assert!(has((10, 0), (25, 0)), "部门管理 spans its 16 rows");
    assert!(has((2, 1), (3, 1)), "决策机制 spans 2 rows");
    assert!(has((36, 0), (36, 4)), "合计 label");
    let checks = sheet(&bytes, "检查结果");
    assert_eq!(checks.height(), 1 + assess(&e).findings.len());
}

#[test]
fn an_exported_annex_imports_back_to_the_same_tree() {
    let e = template::load("nanjing-2024").unwrap();
    let bytes = scoring_workbook(&e).unwrap();
    let table = import::parse_xlsx(&bytes).unwrap();
    assert_eq!(table.stated_total.unwrap().to_string(), "99.5");
    let mut back = e.clone();
    table.apply_to(&mut back);
    let shape = |e: &jixiao::core::Evaluation| {
        let mut out = Vec::new();
        e.walk_indicators(&mut |n, d| {
            out.push((
                d,
                n.name.clone(),
                n.points.normalize(),
                n.score.map(|s| s.normalize()),
            ))
        });
        out
    };
    assert_eq!(shape(&back), shape(&e));
    assert_eq!(assess(&back).total.to_string(), "99.5");
}

#[test]
fn not_an_xlsx_is_a_chinese_error() {
    let err = import::parse_xlsx(b"PK\x03\x04garbage").unwrap_err();
    assert!(err.to_string().contains("不是可读取的 Excel 文件"), "{err}");
}
