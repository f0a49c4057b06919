//! Reading a report's words (报告正文): the figures real published reports state, read by the standard
//! wording; the worked example's report round-trips through Word with its unit, figures, texts and
//! reasons; the text is held against the annex table and arithmetic, and findings quote the sentence.

mod common;

use jixiao::core::check::Code;
use jixiao::core::import::narrative::read_report_text;
use jixiao::core::import::read_document;
use jixiao::core::{assess, template, Severity};
use std::path::Path;

fn report(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real/reports")
        .join(format!("{name}.txt"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn figure(r: &jixiao::core::import::narrative::ReportText, path: &str) -> Option<String> {
    r.figures
        .iter()
        .find(|f| f.path.as_str() == path)
        .map(|f| f.value.normalize().to_string())
}

#[test]
fn real_reports_state_their_figures_in_many_wordings() {
    // (report, [(field, value)]) as each report prints them (tests/fixtures/real/reports/README.md).
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "hunan-yiyang-nanxian-zhengxie-2021",
            &[
                ("accounts/income_total", "792.22"),
                ("accounts/income_fiscal", "792.22"),
                ("accounts/expense_total", "799.12"),
                ("accounts/expense_project", "286.83"),
            ],
        ),
        (
            "hunan-yiyang-nanxian-fagaiju-2021",
            &[
                ("accounts/income_total", "1432.33"),
                ("accounts/income_fiscal", "1420.09"),
                ("accounts/income_other", "12.24"),
            ],
        ),
        (
            "hunan-yiyang-nanxian-zhengfuban-2020",
            &[
                ("accounts/income_total", "842.26"),
                ("accounts/expense_total", "806.17"),
            ],
        ),
        (
            "hunan-zhuzhou-hetang-fulian-2022",
            &[
                ("accounts/initial_income", "69.06"),
                ("accounts/expense_total", "76.36"),
                ("accounts/expense_basic", "76.36"),
                ("accounts/expense_project", "0"),
                ("accounts/carryover_end", "0"),
            ],
        ),
        (
            "henan-xuchang-hehushuixi-2022",
            &[
                ("accounts/initial_expense", "803.74"),
                ("accounts/initial_expense_basic", "757.49"),
                ("accounts/initial_expense_project", "46.25"),
            ],
        ),
        (
            "guangdong-sheng-kejiting-2020",
            &[("accounts/expense_total", "282796.9")],
        ),
        (
            "guangxi-wuzhou-yibao-2024",
            &[
                ("accounts/adjusted_budget", "1781.86"),
                ("accounts/expense_total", "1767.21"),
            ],
        ),
    ];
    for (name, expected) in cases {
        let r = read_report_text(&report(name));
        for (path, value) in *expected {
            assert_eq!(figure(&r, path).as_deref(), Some(*value), "{name}: {path}");
        }
    }
    // Scores, grades and units, worded differently.
    let r = read_report_text(&report("hunan-yiyang-nanxian-caizhengju-2020"));
    assert_eq!(r.total.unwrap().value.to_string(), "97"); // 综合评分为97分
    assert_eq!(r.unit, "南县财政局");
    let r = read_report_text(&report("sichuan-unknown-unnamed-2017"));
    assert_eq!(r.total.unwrap().value.to_string(), "90"); // 自评得分\n90 分
    let r = read_report_text(&report("henan-xuchang-hehushuixi-2022"));
    assert_eq!(r.grade.unwrap().0, "优"); // 整体绩效自评为优 秀
    assert_eq!(r.unit, "许昌市河湖水系水源调度中心");
    // 总支出 printed in 元 among 万元: not taken, said.
    let fagaiju = read_report_text(&report("hunan-yiyang-nanxian-fagaiju-2021"));
    assert_eq!(figure(&fagaiju, "accounts/expense_total"), None);
    assert_eq!(fagaiju.yuan.len(), 1);
}

#[test]
fn the_worked_example_pdf_text_reads_its_figures() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_186ec8cb4241d4a9.txt");
    let Ok(text) = std::fs::read_to_string(seed) else {
        return; // the seed lives beside the repository, not in it
    };
    let r = read_report_text(&text);
    let nanjing = template::load("nanjing-2024").unwrap();
    for amount in jixiao::core::amounts::ACCOUNTS
        .iter()
        .chain(jixiao::core::amounts::ASSETS.iter())
    {
        if let Some(value) = figure(&r, amount.key) {
            assert_eq!(
                Some(value),
                (amount.get)(&nanjing).map(|d| d.normalize().to_string()),
                "{}",
                amount.key
            );
        }
    }
    assert!(r.figures.len() >= 14, "{} figures", r.figures.len());
    assert_eq!(r.execution_rate.unwrap().value.to_string(), "95.04");
    assert_eq!(r.total.unwrap().value.to_string(), "99.5");
}

#[test]
fn the_word_report_reads_back_with_its_unit_figures_texts_and_reasons() {
    let nanjing = template::load("nanjing-2024").unwrap();
    let docx = jixiao::export::docx::evaluation_docx(&nanjing).unwrap();
    let e = read_document(&docx).unwrap().into_evaluation().unwrap();
    assert!(e.unit.name.contains("12345"), "{}", e.unit.name);
    assert_eq!(e.unit.year, 2024);
    for amount in jixiao::core::amounts::ACCOUNTS
        .iter()
        .chain(jixiao::core::amounts::ASSETS.iter())
    {
        if (amount.get)(&e).is_some() {
            assert_eq!((amount.get)(&e), (amount.get)(&nanjing), "{}", amount.key);
        }
    }
    assert_eq!(e.accounts.income_total, nanjing.accounts.income_total);
    assert_eq!(
        e.accounts.stated_execution_rate,
        nanjing.accounts.stated_execution_rate
    );
    assert!(!e.narrative.problems.is_empty() && !e.narrative.suggestions.is_empty());
    let a = assess(&e);
    assert_eq!(
        (a.total.to_string().as_str(), a.grade.as_str()),
        ("99.5", "优")
    );
    // The deducted row's reason comes back from the text, so no "须说明扣分原因".
    assert_eq!(a.count(Severity::Error), 0, "{:?}", a.findings);
    assert!(common::has_code(&a, Code::AccountsExecutionRate));
}

/// A Word file with these paragraphs and one table of rows.
fn word(paragraphs: &[&str], rows: &[&[&str]]) -> Vec<u8> {
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let body: String = paragraphs.iter().map(|t| p(t)).collect::<String>()
        + "<w:tbl>"
        + &rows
            .iter()
            .map(|r| {
                format!(
                    "<w:tr>{}</w:tr>",
                    r.iter().map(|c| cell(c)).collect::<String>()
                )
            })
            .collect::<String>()
        + "</w:tbl>";
    common::word_file(&body)
}

#[test]
fn the_text_is_held_against_the_table_and_arithmetic_and_quoted() {
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "分值", "得分"],
        &["产出", "数量", "完成量", "60", "60"],
        &["", "质量", "合格率", "40", "38"],
        &["合计", "", "", "100", "98"],
    ];
    let docx = word(
        &[
            "2024年度某某局部门整体支出绩效自评报告",
            "2024年单位收入情况：总收入1000万元，其中财政拨款收入900万元，其他收入50万元。",
            "本次自评价得分为96分，等级为优。",
            "“完成量”指标扣1分，原因是进度滞后。",
        ],
        rows,
    );
    let e = read_document(&docx).unwrap().into_evaluation().unwrap();
    assert_eq!(e.unit.name, "某某局");
    let a = assess(&e);
    let find = |code: Code| {
        a.findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{code}: {:?}", a.findings))
    };
    // The text's score against the table's total.
    assert!(
        find(Code::TextTotal).message.contains("96")
            && find(Code::TextTotal).message.contains("98")
    );
    // Parts that do not add up, with the sentence quoted.
    let income = find(Code::AccountsIncomeSum);
    assert!(
        income.message.contains("报告原文：“2024年单位收入情况"),
        "{}",
        income.message
    );
    // A deduction the text names that the table does not show, and the one it leaves out.
    assert!(find(Code::TextDeduction).message.contains("完成量"));
    assert!(find(Code::TextDeductionMissing).message.contains("合格率"));
    // The same table without a text: none of these.
    let plain = jixiao::core::import::parse_rows(
        &rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect::<Vec<_>>(),
    )
    .unwrap()
    .into_evaluation();
    let a = assess(&plain);
    assert!(!a.findings.iter().any(|f| f.code.area() == "text"));
}

#[test]
fn a_report_without_a_table_reads_as_its_text_and_is_not_graded_against_an_empty_tree() {
    let docx = word(
        &[
            "2023年度某某中心部门整体支出绩效自评报告",
            "综合评分为97分。",
        ],
        &[&["说明"]],
    );
    let e = read_document(&docx).unwrap().into_evaluation().unwrap();
    assert_eq!(e.stated.total.unwrap().to_string(), "97");
    let a = assess(&e);
    assert!(common::has_code(&a, Code::TreeNone));
    assert!(!common::has_code(&a, Code::TreeTotalPoints));
    assert!(!common::has_code(&a, Code::StatedTotal), "{:?}", a.findings);
}
