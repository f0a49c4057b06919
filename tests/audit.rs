//! The score audit on small tables, one mechanism per test: operators, direction words, units,
//! qualitative values, the budget block's shapes, totals, double counting, size limits.

use jixiao::core::check::Code;
use jixiao::core::import::{parse_tsv, parse_xlsx, MAX_BYTES};
use jixiao::core::{assess, Assessment, Severity};

/// A 项目支出 table with one indicator row (plus one full row so 分值 add to 100).
fn one_row(name: &str, target: &str, actual: &str, points: &str, score: &str) -> Assessment {
    let rest = 100 - points.parse::<i32>().unwrap();
    let tsv = format!(
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
         产出指标\t数量指标\t{name}\t{target}\t{actual}\t{points}\t{score}\t说明\n\
         \t\t其他\t1\t1\t{rest}\t{rest}\t\n"
    );
    assess(&parse_tsv(&tsv).unwrap().into_evaluation())
}

fn codes(a: &Assessment) -> Vec<Code> {
    a.findings.iter().map(|f| f.code).collect()
}

fn finding(a: &Assessment, code: Code) -> &jixiao::core::Finding {
    a.findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", a.findings))
}

#[test]
fn each_operator_decides_the_direction() {
    for op in ["≥", "≧", ">=", "＞", ">", "不低于"] {
        let a = one_row("培训人次", &format!("{op}100"), "80", "10", "10");
        let f = finding(&a, Code::AuditInflated);
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.contains("正向") && f.message.contains("= 8"),
            "{op}: {}",
            f.message
        );
    }
    for op in ["≤", "≦", "<=", "＜", "<", "不超过"] {
        let a = one_row("培训人次", &format!("{op}100"), "120", "10", "10");
        let f = finding(&a, Code::AuditInflated);
        assert!(
            f.message.contains("反向") && f.message.contains("= 8"),
            "{op}: {}",
            f.message
        );
        // Met: no alarm.
        let a = one_row("培训人次", &format!("{op}100"), "90", "10", "10");
        assert!(
            !codes(&a).iter().any(|c| c.area() == "audit"),
            "{op}: {:?}",
            codes(&a)
        );
    }
    for op in ["=", "═", "＝"] {
        let a = one_row("培训人次", &format!("{op}100"), "98", "10", "10");
        let f = finding(&a, Code::AuditInflated);
        assert!(
            f.message.contains("等于目标") && f.message.contains("9.8"),
            "{op}: {}",
            f.message
        );
    }
    // A target of 0 with "=": met only by 0.
    let a = one_row("安全事故", "=0", "0", "10", "10");
    assert!(!codes(&a).contains(&Code::AuditInflated));
    let a = one_row("安全事故", "=0", "1", "10", "10");
    assert!(finding(&a, Code::AuditInflated).message.contains("不得分"));
}

#[test]
fn without_an_operator_the_name_decides_and_says_which_word() {
    for (name, word) in [
        ("人员控制率", "控制率"),
        ("预算调整率", "调整率"),
        ("结转结余率", "结余率"),
        ("“三公”经费变动率", "变动率"),
        ("差错率", "差错率"),
        ("群众投诉率", "投诉率"),
        ("项目成本", "成本"),
        ("会议费用", "费用"),
        ("办结时限", "时限"),
        ("安全事故次数", "事故"),
    ] {
        // Exceeded 反向 target: the supported score falls, with the word in the message.
        let a = one_row(name, "10", "12", "10", "10");
        let f = finding(&a, Code::AuditInflated);
        assert!(
            f.message.contains(&format!("名称中的“{word}”")),
            "{name}: {}",
            f.message
        );
        // A met 反向 target (差错率 0.4% against 1%) earns full marks: no alarm.
        let a = one_row(name, "1%", "0.4%", "10", "10");
        assert!(
            !codes(&a).iter().any(|c| c.area() == "audit"),
            "{name}: {:?}",
            a.findings
        );
    }
    let a = one_row("培训人次", "100", "95", "10", "10");
    assert!(finding(&a, Code::AuditInflated)
        .message
        .contains("名称中无反向用词"));
}

#[test]
fn below_the_supported_score_is_a_warning_and_still_needs_a_reason() {
    let tsv = "三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
               覆盖率\t≥95%\t96%\t10\t8\t\n\
               其他\t1\t1\t90\t90\t\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert_eq!(finding(&a, Code::AuditDeflated).severity, Severity::Warning);
    assert_eq!(finding(&a, Code::ScoreReason).severity, Severity::Error);
}

#[test]
fn the_tolerance_follows_the_printed_precision() {
    // 8 × 40 / 50 = 6.4 exactly; 6.43 is not supported at two decimals, 6.4 is.
    assert!(!codes(&one_row("人次", "50", "40", "8", "6.4")).contains(&Code::AuditInflated));
    assert!(codes(&one_row("人次", "50", "40", "8", "6.43")).contains(&Code::AuditInflated));
    // 10 × 86.02 / 100 = 8.602: a printed 8.6 stands, a printed 9 is rounded up.
    assert!(!codes(&one_row("人次", "100", "86.02", "10", "8.6")).contains(&Code::AuditInflated));
    let f = finding(
        &one_row("人次", "100", "86.02", "10", "9"),
        Code::AuditInflated,
    )
    .message
    .clone();
    assert!(f.contains("容差 0.05"), "{f}");
}

#[test]
fn the_score_of_points_times_the_actual_percent_is_named() {
    // Target 90 %, actual 85 %: 分值 × 实际% = 8.5, but 实际 / 目标 gives 9.44.
    let a = one_row("知晓率", "90%", "85%", "10", "8.5");
    let f = finding(&a, Code::AuditDeflated);
    assert!(f.message.contains("分值 × 实际完成值%"), "{}", f.message);
}

#[test]
fn different_units_make_no_score_claim() {
    let a = one_row("培训人数", "≥50个", "48次", "10", "10");
    assert!(finding(&a, Code::AuditUnits).message.contains("个"));
    assert!(!codes(&a).contains(&Code::AuditInflated));
    let a = one_row("项目资金", "≤90万元", "900000元", "10", "10");
    assert!(codes(&a).contains(&Code::AuditUnits));
}

#[test]
fn qualitative_values_give_bands() {
    assert!(
        !codes(&one_row("社会效益", "效果明显", "达成预期指标", "10", "9"))
            .iter()
            .any(|c| c.area() == "audit")
    );
    assert!(!codes(&one_row("社会效益", "高", "好", "10", "10"))
        .iter()
        .any(|c| c.area() == "audit"));
    let a = one_row("社会效益", "效果明显", "部分达成", "10", "10");
    assert!(finding(&a, Code::AuditInflated)
        .message
        .contains("部分达成"));
    let a = one_row("社会效益", "效果明显", "未达成", "10", "7");
    assert!(codes(&a).contains(&Code::AuditInflated));
    let a = one_row("社会效益", "效果明显", "达成", "10", "5");
    assert!(codes(&a).contains(&Code::AuditDeflated));
}

const INDICATORS: &str = "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
    \t产出指标(90分)\t数量指标\t培训人次\t100\t100\t90\t90\t\n";

fn project(budget: &str, total: &str) -> Assessment {
    assess(
        &parse_tsv(&format!("{budget}{INDICATORS}{total}"))
            .unwrap()
            .into_evaluation(),
    )
}

#[test]
fn execution_rate_from_the_full_year_budget_with_the_projects_rounding() {
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t120\t103.22\t10\t86.02%\t9\n\
                 \t其中：财政拨款\t100\t120\t103.22\t—\t—\t—\n";
    let a = project(block, "总分\t\t\t\t\t\t100\t99\t\n");
    let f = finding(&a, Code::AuditExecutionInflated);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("8.6") && f.message.contains("103.22 / 120"),
        "{}",
        f.message
    );
    // The total counts 8.6 + 90, and the printed 99 is wrong.
    assert_eq!(a.total.to_string(), "98.6");
    assert!(codes(&a).contains(&Code::StatedTotal));
    // A printed rate computed on the 年初 budget is named.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t120\t90\t10\t90%\t7.5\n";
    let a = project(block, "");
    assert!(finding(&a, Code::BudgetRate).message.contains("年初预算数"));
    // Executed above budget, and a total below its part.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t0\t0\t0\t10\t0\t0\n\
                 \t其中：本年财政拨款\t90\t80\t85\t\t\t\n";
    let a = project(block, "");
    assert!(codes(&a).contains(&Code::BudgetTotalBelowPart));
    assert!(codes(&a).contains(&Code::ProjectOverBudget));
}

#[test]
fn department_blocks_with_basic_and_project_lines_each_scored() {
    let block = "部门整体支出绩效自评表\n\
                 总体资金（万元）\t资金来源\t年初预算数(A)\t全年执行数(B)\t分值(10分)\t得分\n\
                 \t年度资金总额:\t1172.55\t1268.72\t10\t10\n\
                 \t基本支出\t985.19\t914.97\t10\t10\n\
                 \t项目支出\t187.36\t353.75\t10\t10\n";
    let table = parse_tsv(block).unwrap();
    assert!(!table.project, "the title says 部门整体");
    let a = assess(&table.into_evaluation());
    assert!(finding(&a, Code::BudgetScoreInflated)
        .message
        .contains("9.29"));
    assert!(codes(&a).contains(&Code::ProjectOverBudget));
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::BudgetDoubleCount && f.severity == Severity::Info));
}

#[test]
fn a_table_that_is_only_the_budget_block_imports() {
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t10\t10\t5\t10\t50%\t5\n";
    let e = parse_tsv(block).unwrap().into_evaluation();
    assert_eq!(e.indicators.len(), 1);
    assert_eq!(assess(&e).total.to_string(), "5");
}

#[test]
fn totals_with_and_without_the_execution_row() {
    // Rows adding to 110 under a printed 100.
    let tsv = "一级指标\t三级指标\t分值\t得分\n产出(60分)\tA\t60\t60\n效益(50分)\tB\t50\t50\n合计\t\t100\t100\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(finding(&a, Code::TreeTotalPoints).message.contains("110"));
    // With the execution row, the total is its score plus the indicators'.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t100\t100\t10\t100%\t10\n";
    let a = project(block, "总分\t\t\t\t\t\t100\t100\t\n");
    assert_eq!(a.total.to_string(), "100");
    assert!(
        !a.findings.iter().any(|f| f.severity == Severity::Error),
        "{:#?}",
        a.findings
    );
    // A printed total beyond full marks on every blank row is impossible; within, unverifiable.
    let tsv = "三级指标\t分值\t得分\nA\t50\t40\nB\t50\t\n合计\t100\t85\n";
    assert!(codes(&assess(&parse_tsv(tsv).unwrap().into_evaluation()))
        .contains(&Code::StatedTotalUnverifiable));
    let tsv = "三级指标\t分值\t得分\nA\t50\t40\nB\t30\t\nC\t20\t\n合计\t100\t99\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(finding(&a, Code::StatedTotalImpossible)
        .message
        .contains("90"));
}

#[test]
fn a_repeated_sub_row_counts_once_with_a_warning() {
    let tsv = "三级指标\t分值\t得分\n资金到位率\t10\t9\n其中：财政资金到位率\t10\t9\n其他\t90\t90\n合计\t100\t99\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert_eq!(a.total.to_string(), "99");
    assert_eq!(
        finding(&a, Code::ImportRepeated).severity,
        Severity::Warning
    );
}

#[test]
fn two_skins_results_outrunning_spending() {
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t100\t60\t10\t60%\t6\n";
    let a = project(block, "");
    assert_eq!(finding(&a, Code::AuditTwoSkins).severity, Severity::Warning);
    let lower = INDICATORS.replace("100\t100\t90\t90", "100\t50\t90\t45");
    let a = assess(
        &parse_tsv(&format!("{block}{lower}"))
            .unwrap()
            .into_evaluation(),
    );
    assert_eq!(
        finding(&a, Code::AuditLowExecution).severity,
        Severity::Info
    );
    assert!(!codes(&a).contains(&Code::AuditTwoSkins));
}

#[test]
fn weighted_forms_apply_the_weight_once() {
    let tsv =
        "三级指标\t权重\t单项指标得分\t折算得分\nA\t25\t100\t25\nB\t25\t80\t20\nC\t50\t50\t12.5\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    let f = finding(&a, Code::AuditWeighted);
    assert!(
        f.message.contains("“C”") && f.message.contains("权重被重复折算"),
        "{}",
        f.message
    );
    assert_eq!(
        a.findings
            .iter()
            .filter(|f| f.code == Code::AuditWeighted)
            .count(),
        1,
        "A and B apply the weight once: {:#?}",
        a.findings
    );
}

#[test]
fn a_points_column_holding_text_is_read_as_criteria() {
    let tsv = "三级指标\t分值\t得分\nA\t完成得10分，否则不得分\t10\nB\t按比例得分\t5\n";
    let e = parse_tsv(tsv).unwrap().into_evaluation();
    assert_eq!(e.indicators[0].criteria, "完成得10分，否则不得分");
    assert!(e
        .import_notes
        .iter()
        .any(|n| n.message.contains("评分标准")));
}

#[test]
fn size_limits_refuse_before_expanding() {
    let big = "a".repeat(MAX_BYTES + 1);
    assert!(parse_tsv(&big).unwrap_err().to_string().contains("MB"));
    // An .xlsx whose parts declare more than the limit uncompressed (zeros compress ~1000:1).
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    std::io::Write::write_all(&mut zip, &vec![b' '; MAX_BYTES + 1024]).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1_000_000, "{} bytes", bytes.len());
    let err = parse_xlsx(&bytes).unwrap_err();
    assert!(err.to_string().contains("解压后"), "{err}");
}

#[test]
fn an_xlsx_form_with_merged_cells_and_percent_formats_reads_like_the_paste() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let pct = Format::new().set_num_format("0.00%");
    let rows: [&[&str]; 3] = [
        &[
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        &["", "年度资金总额", "100", "120", "103.22", "10", "", "8.6"],
        &[
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r as u32, c as u16, v).map(|_| ()),
                Err(_) if !cell.is_empty() => {
                    sheet.write_string(r as u32, c as u16, *cell).map(|_| ())
                }
                Err(_) => Ok(()),
            }
            .unwrap();
        }
    }
    // 执行率 as Excel keeps it: 0.8602 shown as 86.02%.
    sheet.write_number_with_format(1, 6, 0.8602, &pct).unwrap();
    sheet
        .merge_range(3, 1, 4, 1, "产出指标(90分)", &Format::new())
        .unwrap();
    for (r, row) in [
        ["数量指标", "培训人次", "≥100人次", "80人次", "45", "45"],
        ["质量指标", "合格率", "≥95%", "96%", "45", "45"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (3 + r as u32, 2 + c as u16);
            match cell.parse::<f64>() {
                Ok(v) => sheet.write_number(r, c, v).map(|_| ()),
                Err(_) => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let e = parse_xlsx(&bytes).unwrap().into_evaluation();
    let a = assess(&e);
    assert!(
        !codes(&a).contains(&Code::BudgetRate),
        "0.8602 reads as 86.02%: {:#?}",
        a.findings
    );
    let f = finding(&a, Code::AuditInflated);
    assert!(
        f.message.contains("培训人次") && f.message.contains("= 36"),
        "{}",
        f.message
    );
    assert_eq!(
        e.indicators[1].children.len(),
        2,
        "the merged 一级 cell spans both rows"
    );
}

#[test]
fn a_table_of_targets_and_actuals_only_is_checked_for_completion_not_scored() {
    let tsv = "一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施\n\
               产出指标\t数量指标\t储备到位率\t100%\t100%\t\n\
               \t\t保障率\t100%\t无\t没有轮换\n\
               \t质量指标\t满意度\t≥90%\t85%\t\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(codes(&a).contains(&Code::ImportUnscored));
    assert!(
        !codes(&a).contains(&Code::ScoreMissing),
        "no 得分 column: nothing to report per row"
    );
    assert!(!codes(&a).contains(&Code::TreeTotalPoints));
    assert!(finding(&a, Code::AuditNotMet).message.contains("满意度"));
    assert!(finding(&a, Code::AuditNotVerifiable)
        .message
        .contains("“无”"));
    assert_eq!(
        a.findings
            .iter()
            .filter(|f| f.code == Code::AuditNotMet)
            .count(),
        1
    );
}

/// A leaf named 预算执行率 scored by another rule counts the execution a second time only when the tree
/// also scores it by the execution rule; without such a row the name alone is no finding.
#[test]
fn execution_counted_twice_only_beside_an_execution_rule_row() {
    use jixiao::core::rule::ScoringRule;
    use jixiao::core::{template, Indicator};
    let with_rule = template::load("project").expect("project template");
    let mut e = with_rule.clone();
    let second = Indicator {
        id: "9.9".into(),
        name: "项目资金执行率".into(),
        rule: ScoringRule::Manual { step: None },
        ..Default::default()
    };
    // Under a group (the first 一级 is the execution row itself, a leaf).
    let group = e
        .indicators
        .iter_mut()
        .find(|n| !n.children.is_empty())
        .expect("a group");
    group.children.push(second.clone());
    let a = assess(&e);
    assert_eq!(
        finding(&a, Code::AuditExecutionTwice).severity,
        Severity::Warning
    );
    assert!(finding(&a, Code::AuditExecutionTwice)
        .message
        .contains("项目资金执行率"));

    // The same name in a tree without an execution-rule row: nothing to count twice.
    let mut e = with_rule;
    fn drop_execution(nodes: &mut Vec<Indicator>) {
        nodes.retain(|n| !matches!(n.rule, ScoringRule::ExecutionRate));
        nodes
            .iter_mut()
            .for_each(|n| drop_execution(&mut n.children));
    }
    drop_execution(&mut e.indicators);
    let group = e
        .indicators
        .iter_mut()
        .find(|n| !n.children.is_empty())
        .expect("a group");
    group.children.push(second);
    assert!(!codes(&assess(&e)).contains(&Code::AuditExecutionTwice));
}

#[test]
fn one_unit_spelled_two_ways_compares_and_different_sizes_do_not() {
    // 万 / 万元, 10GB / 10 GB, 天 / 日: the same unit, so the figures are audited.
    for (target, actual) in [("≥3万", "3万元"), ("≥10GB", "10 GB"), ("≥30天", "30日")] {
        let a = one_row("完成量", target, actual, "10", "10");
        assert!(
            !codes(&a).contains(&Code::AuditUnits),
            "{target} / {actual}: {:?}",
            a.findings
        );
        let a = one_row("完成量", target, "0.5", "10", "10");
        assert!(
            codes(&a).iter().any(|c| c.area() == "audit"),
            "{target}: a bare figure is audited too"
        );
    }
    // Different sizes of one quantity, or different quantities: said, no score claim.
    for (target, actual) in [
        ("≤90万元", "900000元"),
        ("≥10GB", "10MB"),
        ("≥50个", "48次"),
    ] {
        let a = one_row("完成量", target, actual, "10", "10");
        assert!(codes(&a).contains(&Code::AuditUnits), "{target} / {actual}");
        assert!(!codes(&a).contains(&Code::AuditInflated));
    }
}

#[test]
fn an_inferred_direction_makes_a_warning_and_a_printed_one_an_error() {
    // Printed ≥: the full score is not supported — an error.
    let printed = one_row("培训人次", "≥100人次", "80人次", "10", "10");
    assert_eq!(
        finding(&printed, Code::AuditInflated).severity,
        Severity::Error
    );
    // No operator, direction assumed from the name: the same figures make a warning that says so.
    let assumed = one_row("培训人次", "100人次", "80人次", "10", "10");
    let f = finding(&assumed, Code::AuditInflated);
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("按正向"), "{}", f.message);
    // A cost item (…费) within its target meets it.
    let cost = one_row("宣传片制作费", "200万", "195.5万元", "10", "10");
    assert!(
        !codes(&cost).iter().any(|c| c.area() == "audit"),
        "{:?}",
        cost.findings
    );
}

#[test]
fn a_rate_cut_instead_of_rounded_is_a_warning_that_says_so_on_two_layouts() {
    // A 项目支出 budget block: 27.79 / 28.99 = 95.8606…%.
    let block = |rate: &str| {
        format!(
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
             \t年度资金总额\t28.99\t28.99\t27.79\t10\t{rate}\t9.59\n"
        )
    };
    let codes_at = |rate: &str| {
        let a = assess(&parse_tsv(&block(rate)).unwrap().into_evaluation());
        a.findings
            .iter()
            .filter(|f| f.code.as_str().starts_with("budget.rate"))
            .map(|f| (f.code, f.severity, f.message.clone()))
            .collect::<Vec<_>>()
    };
    assert!(codes_at("95.86%").is_empty());
    assert!(codes_at("95.9%").is_empty(), "rounded at its own precision");
    let cut = codes_at("95.8%");
    assert_eq!(
        (cut[0].0, cut[0].1),
        (Code::BudgetRateTruncated, Severity::Warning)
    );
    assert!(
        cut[0].2.contains("截尾") && cut[0].2.contains("95.9%"),
        "{}",
        cut[0].2
    );
    assert_eq!(codes_at("95.7%")[0].1, Severity::Error);
    // A 部门整体 evaluation's stated 预算执行率: 3089.41 / 3222.76 = 95.8622…%.
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.accounts.adjusted_budget = Some("3222.76".parse().unwrap());
    let severity_at = |e: &jixiao::core::Evaluation, stated: &str| {
        let mut e = e.clone();
        e.accounts.stated_execution_rate = Some(stated.parse().unwrap());
        assess(&e)
            .findings
            .iter()
            .find(|f| f.code.as_str().starts_with("accounts.execution_rate"))
            .map(|f| (f.code, f.severity))
    };
    assert_eq!(severity_at(&e, "95.86"), None);
    assert_eq!(severity_at(&e, "95.9"), None);
    assert_eq!(
        severity_at(&e, "95.8"),
        Some((Code::AccountsExecutionRateTruncated, Severity::Warning))
    );
    assert_eq!(severity_at(&e, "95.5").map(|f| f.1), Some(Severity::Error));
}

#[test]
fn a_rate_message_never_divides_by_a_figure_not_printed() {
    // No 全年预算数 column: the rate is computed on the 年初预算数, and the message says so.
    let block = "项目资金（万元）\t\t年初预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t80\t10\t90%\t8\n";
    let a = assess(&parse_tsv(block).unwrap().into_evaluation());
    let f = finding(&a, Code::BudgetRate);
    assert!(f.message.contains("80 / 100 = 80%"), "{}", f.message);
    assert!(!f.message.contains("/ 0 "), "{}", f.message);
}

#[test]
fn textual_targets_are_read_on_two_layouts() {
    // The national 项目支出 layout.
    let standard = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
                    产出指标\t时效指标\t完成时间\t2023年12月底前\t2023年12月底前\t20\t18\t\n\
                    \t质量指标\t服务时间\t全天候\t全天候\t20\t20\t\n\
                    \t数量指标\t建设道路\t5公里\t建设中\t20\t20\t\n\
                    \t数量指标\t培训人次\t100人次\t\t20\t20\t\n\
                    \t质量指标\t验收\t达到标准\t达到标准\t20\t20\t\n";
    // The Yunnan layout: 指标性质 | 指标值 | 度量单位 under a two-row header.
    let yunnan = "绩效指标\t\t\t年度指标值\t\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
                  一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t\t\t\t\n\
                  产出指标\t时效指标\t完成时间\t定性\t2023年12月底前\t\t2023年12月底前\t20\t18\t\n\
                  \t质量指标\t服务时间\t定性\t全天候\t\t全天候\t20\t20\t\n\
                  \t数量指标\t建设道路\t≥\t5\t公里\t正在实施\t20\t20\t\n\
                  \t数量指标\t培训人次\t≥\t100\t人次\t\t20\t20\t\n\
                  \t质量指标\t验收\t定性\t达到标准\t\t达到标准\t20\t20\t\n";
    for table in [standard, yunnan] {
        let a = assess(&parse_tsv(table).unwrap().into_evaluation());
        let at = |code: Code| {
            a.findings
                .iter()
                .filter(|f| f.code == code)
                .map(|f| (f.severity, f.message.clone()))
                .collect::<Vec<_>>()
        };
        let deflated = at(Code::AuditTextMetDeflated);
        assert_eq!(deflated.len(), 1, "{:?}", a.findings);
        assert!(deflated[0].1.contains("完成时间") && deflated[0].0 == Severity::Warning);
        let not_met = at(Code::AuditTextNotMet);
        assert_eq!(not_met.len(), 1, "{:?}", a.findings);
        assert!(not_met[0].1.contains("建设道路"));
        assert_eq!(at(Code::AuditActualBlank).len(), 1, "{:?}", a.findings);
        // Met text targets with full scores: nothing.
        assert!(!a
            .findings
            .iter()
            .any(|f| f.message.contains("服务时间") || f.message.contains("“验收”")));
        assert!(!a
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error && f.code.area() == "audit"));
    }
}

#[test]
fn a_budget_line_holding_the_whole_forms_points_is_named_not_rescored() {
    // The national 项目支出 layout, with indicators: 分值 100 on the budget line, 得分 10.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t50\t50\t50\t100\t100%\t10\n";
    let a = project(block, "");
    let f = finding(&a, Code::AuditExecutionPoints);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("分值 100") && f.message.contains("得分 10"),
        "{}",
        f.message
    );
    assert!(f.path.as_str().ends_with("/points"));
    assert!(!codes(&a).contains(&Code::AuditExecutionDeflated));
    // A weighted provincial layout (权重), budget block alone, 权重 120 at 80 % executed.
    let block =
        "预算执行情况(10分)\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\n\
                 总额\t200\t200\t160\t80%\t120\t8\t\n";
    let a = assess(&parse_tsv(block).unwrap().into_evaluation());
    assert!(
        codes(&a).contains(&Code::AuditExecutionPoints),
        "{:#?}",
        a.findings
    );
    assert!(!codes(&a).contains(&Code::AuditExecutionDeflated));
    // 分值 10, as printed in most forms: no such finding.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t50\t50\t50\t10\t100%\t10\n";
    assert!(!codes(&project(block, "")).contains(&Code::AuditExecutionPoints));
}

#[test]
fn a_budget_changed_in_the_year_by_a_tenth_is_asked_about_once() {
    // The national 项目支出 block: 年初 100, 全年 80 (−20 %), on the 年度资金总额.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t80\t80\t10\t100%\t10\n\
                 \t其中：财政拨款\t100\t80\t80\t\t\t\n";
    let a = project(block, "");
    let found: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::BudgetAdjusted)
        .collect();
    assert_eq!(found.len(), 1, "once per block: {:#?}", a.findings);
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(found[0].message.contains("-20%"), "{}", found[0].message);
    // A 部门整体 block (Hunan layout): 年初 861.1, 全年 2030.12 on the total line.
    let block = "部门整体支出绩效自评表\n\
                 年度预算申请(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t861.1\t2030.12\t2030.12\t10\t100%\t10\n";
    let a = assess(&parse_tsv(block).unwrap().into_evaluation());
    assert!(finding(&a, Code::BudgetAdjusted)
        .message
        .contains("+135.8%"));
    // Within a tenth (+5 %), or no 全年 column: nothing asked.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t105\t105\t10\t100%\t10\n";
    assert!(!codes(&project(block, "")).contains(&Code::BudgetAdjusted));
    let block = "项目资金（万元）\t\t年初预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t100\t100\t10\t100%\t10\n";
    assert!(!codes(&project(block, "")).contains(&Code::BudgetAdjusted));
}

#[test]
fn breakdowns_printed_as_labelled_amounts_add_up() {
    // The Hunan 部门整体 block: two breakdowns side by side, each amount inside its label's cell.
    let head = "部门整体支出绩效自评表\n\
                年度预算申请(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                \t年度资金总额\t861.10\t2030.12\t2030.12\t10\t100%\t10\n";
    let halves = |spending: &str| {
        format!(
            "{head}\t按收入性质分:2030.12\t\t\t按支出性质分:{spending}\t\t\t\n\
             \t其中: 一般公共预算:1325.68\t\t\t其中:基本支出:900.47\t\t\t\n\
             \t政府性基金拨款:118.82\t\t\t项目支出:1025.20\t\t\t\n\
             \t纳入专户管理的非税收入拨款:\t\t\t\t\t\t\n\
             \t其他资金:585.62\t\t\t\t\t\t\n"
        )
    };
    let e = parse_tsv(&halves("1925.67")).unwrap().into_evaluation();
    let breakdowns = &e.project.as_ref().unwrap().breakdowns;
    assert_eq!(breakdowns.len(), 2);
    assert_eq!(breakdowns[1].label, "按支出性质分");
    assert_eq!(breakdowns[1].parts[0].0, "基本支出");
    let a = assess(&e);
    assert!(
        !codes(&a).contains(&Code::ImportUnreadable),
        "read, not refused"
    );
    let f = finding(&a, Code::BudgetBreakdown);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("1925.67") && f.message.contains("104.45"),
        "{}",
        f.message
    );
    // The income breakdown adds up to the 全年预算数: one finding only.
    assert_eq!(
        codes(&a)
            .iter()
            .filter(|c| **c == Code::BudgetBreakdown)
            .count(),
        1
    );
    // A printed subtotal its parts do not add up to.
    let off = halves("1925.67").replace("项目支出:1025.20", "项目支出:1129.65");
    let a = assess(&parse_tsv(&off).unwrap().into_evaluation());
    assert!(finding(&a, Code::BudgetBreakdown)
        .message
        .contains("所列 1925.67"));
    // Subtotal, parts and budget agreeing: nothing.
    let balanced = halves("2030.12").replace("项目支出:1025.20", "项目支出:1129.65");
    let a = assess(&parse_tsv(&balanced).unwrap().into_evaluation());
    assert!(
        !codes(&a).contains(&Code::BudgetBreakdown),
        "{:#?}",
        a.findings
    );
    // One column, no subtotal, adding to the 全年执行数 (800) rather than the budget: accepted.
    let block = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
                 \t年度资金总额\t1000\t1000\t800\t10\t80%\t8\n\
                 \t其中:财政拨款:600\t\t\t\t\t\t\n\
                 \t其他资金:200\t\t\t\t\t\t\n";
    let a = project(block, "");
    assert!(
        !codes(&a).contains(&Code::BudgetBreakdown),
        "{:#?}",
        a.findings
    );
    let a = project(&block.replace("其他资金:200", "其他资金:150"), "");
    assert!(finding(&a, Code::BudgetBreakdown).message.contains("750"));
}

#[test]
fn an_actual_written_as_a_bound_is_no_measurement() {
    // The national layout: "≥95%" as the 实际完成值 is the target's notation.
    let a = one_row("满意度", "≥95%", "≥95%", "10", "10");
    let f = finding(&a, Code::ImportActualBound);
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("不是实测数值"), "{}", f.message);
    // A word after the figure is how results are reported: noted only.
    let a = one_row("满意度", "≥95%", "95%以上", "10", "10");
    assert!(!codes(&a).contains(&Code::ImportActualBound));
    assert!(codes(&a).contains(&Code::ImportAssumed));
    // The Anhui layout (分值 before the target, 全年实际值): "＞1000人" as the actual.
    let tsv = "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因\n\
               产出指标\t数量指标\t受益人数\t90\t≥1000人\t＞1000人\t90\t\n\
               满意度指标\t满意度\t群众满意度\t10\t≥90%\t96%\t10\t\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    let bounds: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::ImportActualBound)
        .collect();
    assert_eq!(bounds.len(), 1, "{:#?}", a.findings);
    assert!(bounds[0].message.contains("受益人数"));
}

#[test]
fn a_share_above_a_hundred_percent_is_impossible() {
    // The national layout: a 满意度 target printed 290% (a damaged ≥90%).
    let a = one_row("服务对象满意度", "290%", "95%", "10", "10");
    let f = finding(&a, Code::AuditShareOver100);
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.path.as_str().ends_with("/target"), "{}", f.path);
    // A growth or a completion rate may pass 100 %: nothing said.
    assert!(!codes(&one_row("产值增长率", "120%", "125%", "10", "10"))
        .contains(&Code::AuditShareOver100));
    assert!(!codes(&one_row("任务完成率", "100%", "110%", "10", "10"))
        .contains(&Code::AuditShareOver100));
    // An Anhui layout (分值 before the target, 全年实际值): a 覆盖率 actual of 103%.
    let tsv = "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因\n\
               效益指标\t社会效益\t政策覆盖率\t90\t≥95%\t103%\t90\t\n\
               满意度指标\t满意度\t群众满意度\t10\t≥90%\t96%\t10\t\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    let f = finding(&a, Code::AuditShareOver100);
    assert!(
        f.path.as_str().ends_with("/actual") && f.message.contains("103%"),
        "{}",
        f.message
    );
}
