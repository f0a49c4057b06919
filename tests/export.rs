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

/// The text of word/document.xml of a .docx, checked to be well-formed XML.
fn document_xml(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well-formed: {e}"),
        }
    }
    xml
}

/// All text runs of the document, concatenated.
fn document_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => {
                in_text = false;
                text.push('|');
            }
            quick_xml::events::Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name = r.as_ref().to_string();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    text
}

#[test]
fn the_docx_has_east_asian_fonts_merged_cells_and_every_annex_figure() {
    let e = template::load("nanjing-2024").unwrap();
    let bytes = jixiao::export::docx::evaluation_docx(&e).unwrap();
    let xml = document_xml(&bytes);
    assert!(
        xml.contains("w:eastAsia=\"仿宋_GB2312\""),
        "body font on the East-Asian slot"
    );
    assert!(xml.contains("w:eastAsia=\"黑体\""));
    assert!(xml.contains("w:eastAsia=\"楷体_GB2312\""));
    assert!(xml.contains("w:eastAsia=\"方正小标宋简体\""));
    assert!(
        xml.contains("<w:vMerge w:val=\"restart\""),
        "一级 / 二级 merged vertically"
    );
    assert!(xml.contains("<w:vMerge w:val=\"continue\""));
    assert!(xml.contains("<w:gridCol"), "column widths in the grid");
    assert!(xml.contains("<w:tblW w:w="), "table width");
    assert!(xml.contains("<w:cantSplit"), "rows not split across pages");
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        1,
        "the annex header row repeats on each page"
    );
    assert!(
        xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
        "A4"
    );
    let text = document_text(&xml);
    assert!(text.contains("部门整体绩效自评价报告"));
    assert!(text.contains("自评价得分为99.5分"));
    // Every figure of the annex: each leaf's 分值 and 自评分 cell, and the totals.
    let report = jixiao::report::build(&e);
    let table = report
        .blocks
        .iter()
        .find_map(|b| match b {
            jixiao::report::Block::Scores(t) => Some(t),
            _ => None,
        })
        .unwrap();
    for row in &table.rows {
        assert!(
            text.contains(&format!("|{}|", row.name)),
            "row {}",
            row.name
        );
        if row.points.value().is_some() {
            assert!(
                text.contains(&format!("|{}|{}|", row.points.text(), row.score.text())),
                "figures of {}",
                row.name
            );
        }
    }
    assert!(text.contains("|合计|100|99.5|"));
}

#[test]
fn hostile_text_stays_text_in_the_docx() {
    let mut e = template::load("nanjing-2024").unwrap();
    e.unit.name = "<w:p>\"&'</w:p><script>".into();
    e.indicators[0].children[0].children[0].name = "]]><!--".into();
    let bytes = jixiao::export::docx::evaluation_docx(&e).unwrap();
    let xml = document_xml(&bytes);
    assert!(!xml.contains("<script>"));
    assert!(document_text(&xml).contains("<w:p>\"&'</w:p><script>"));
}

#[test]
fn hostile_text_is_plain_text_in_the_xlsx() {
    let mut e = template::load("nanjing-2024").unwrap();
    let vector = "=HYPERLINK(\"http://x\",\"点我\")<script>&\u{202E}";
    e.indicators[0].children[0].children[0].name = vector.into();
    let bytes = scoring_workbook(&e).unwrap();
    let range = sheet(&bytes, "指标体系得分情况");
    assert_eq!(
        range.get_value((2, 2)),
        Some(&Data::String(vector.into())),
        "a string, not a formula"
    );
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    let formulas = workbook.worksheet_formula("指标体系得分情况").unwrap();
    assert_eq!(
        formulas.get_value((2, 2)).map(String::as_str).unwrap_or(""),
        "",
        "no formula in a text cell"
    );
}
