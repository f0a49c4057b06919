//! The generated report: golden files of the full text and HTML of the built-in templates, and the
//! figures that must appear in it. Regenerate with `UPDATE_GOLDEN=1 cargo test --test report`.

use jixiao::core::template;
use jixiao::report::{build, html, text};

mod common;
use common::golden;

#[test]
fn nanjing_report_text() {
    let report = build(&template::load("nanjing-2024").unwrap());
    let text = text::render(&report);
    golden("nanjing-2024.report.txt", &text);
    for figure in [
        "2024年度南京市数据局—南京市“12345”政务热线服务中心部门整体绩效自评价报告",
        "总收入3089.65万元，其中财政拨款收入3086.64万元，其他收入3.01万元",
        "总支出3089.41万元，其中基本支出2117.35万元，项目支出972.06万元",
        "全年预算执行率95.04%",
        "自评价得分为99.5分，评价等级为“优”",
        "较上年（383.75万件）增长10.69%",
        "“工作开展情况”指标（分值1分，自评0.5分，扣0.5分）",
        "共设置一级指标 6 个、二级指标 17 个、三级指标 34 个",
        "合计\t\t\t\t\t100\t99.5",
    ] {
        assert!(text.contains(figure), "missing: {figure}");
    }
}

#[test]
fn nanjing_report_html_is_golden_and_escaped() {
    let report = build(&template::load("nanjing-2024").unwrap());
    let document = html::render_document(&report);
    golden("nanjing-2024.report.html", &document);
    assert!(
        document.contains("rowspan=\"16\""),
        "部门管理 spans its 16 rows"
    );
    assert!(document.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm;"));
    assert!(
        document.contains("<thead>"),
        "table headers repeat on each page"
    );
}

#[test]
fn project_form_layout() {
    let mut e = template::load("project").unwrap();
    e.unit.name = "某单位".into();
    e.project.as_mut().unwrap().name = "热线平台运维".into();
    let funds = &mut e.project.as_mut().unwrap().funds;
    funds[0].initial = Some("100".parse().unwrap());
    funds[0].adjusted = Some("120".parse().unwrap());
    funds[0].executed = Some("113.9".parse().unwrap());
    funds[1].initial = Some("0".parse().unwrap());
    funds[1].adjusted = Some("0".parse().unwrap());
    funds[1].executed = Some("0".parse().unwrap());
    let text = text::render(&build(&e));
    golden("project.report.txt", &text);
    assert!(text.starts_with("2025年度项目支出绩效自评表"));
    assert!(
        text.contains("\t年度资金总额\t\t100.00\t120.00\t113.90\t10\t94.92%\t9.49"),
        "{text}"
    );
    assert!(text.contains("偏差原因分析及改进措施"));
    assert!(text.contains("总分\t\t\t\t\t\t100\t9.49"), "{text}");
    // One table as the form prints it: the row labels to the left of their blocks.
    assert!(text.contains("项目资金（万元）\t\t\t年初预算数"), "{text}");
    assert!(text.contains("绩效指标\t一级指标\t二级指标"), "{text}");
    assert!(
        !text.contains("预算执行率\t"),
        "the execution-rate row sits in the budget block only"
    );
}

#[test]
fn hostile_text_is_inert_in_html() {
    let mut e = template::load("nanjing-2024").unwrap();
    e.unit.name = "<script>alert(1)</script>".into();
    e.indicators[0].name = "<img src=x onerror=alert(2)>".into();
    e.narrative.problems = "\"><svg onload=alert(3)>".into();
    let document = html::render_document(&build(&e));
    assert!(!document.contains("<script>alert"));
    assert!(!document.contains("<img src=x"));
    assert!(!document.contains("<svg onload"));
    assert!(document.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
