//! Importing indicator tables pasted from Excel / WPS.

use jixiao::core::check::Code;
use jixiao::core::import::parse_tsv;
use jixiao::core::{assess, leaves, template, Evaluation, Severity};
use std::path::Path;

mod common;
use common::{has, has_code};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn shape(e: &Evaluation) -> Vec<(usize, String, String, Option<String>)> {
    let mut out = Vec::new();
    e.walk_indicators(&mut |n, depth| {
        out.push((
            depth,
            n.name.clone(),
            n.points.normalize().to_string(),
            n.score.map(|s| s.normalize().to_string()),
        ))
    });
    out
}

#[test]
fn the_reference_table_gives_the_built_in_tree() {
    let table = parse_tsv(&fixture("nanjing-12345-2024-indicators.tsv")).unwrap();
    let mut imported = template::load("nanjing-2024").unwrap();
    let example = imported.clone();
    table.apply_to(&mut imported);
    assert_eq!(shape(&imported), shape(&example));
    assert_eq!(imported.adjustments.bonus.name, "受嘉奖情况");
    assert_eq!(imported.adjustments.penalty.name, "部门或工作人员违法违纪");
    assert_eq!(imported.adjustments.cap.to_string(), "5");
    let a = assess(&imported);
    assert_eq!(a.total.to_string(), "99.5");
    assert_eq!(a.counts, vec![6, 17, 34]);
}

#[test]
fn merged_cells_points_in_names_and_the_total_row() {
    let tsv = "2024年度指标体系得分情况\n\
               一级指标\t二级指标\t三级指标\t分值\t自评分\n\
               部门决策（15分）\t决策机制（15分）\t决策规范\t15\t14\n\
               部门管理（85分）\t预算执行（85分）\t执行率\t45\t45\n\
               \t\t公开\t40\t40\n\
               合计\t\t\t100\t99\n";
    let table = parse_tsv(tsv).unwrap();
    assert_eq!(table.stated_total.unwrap().to_string(), "99");
    let e = table.into_evaluation();
    assert_eq!(e.indicators.len(), 2);
    assert_eq!(e.indicators[1].name, "部门管理");
    assert_eq!(e.indicators[1].points.to_string(), "85");
    assert_eq!(
        e.indicators[1].children[0].children.len(),
        2,
        "blank cells mean same as above"
    );
    let a = assess(&e);
    assert_eq!(a.total.to_string(), "99");
    assert!(
        has_code(&a, Code::ScoreReason),
        "the lost point needs a reason"
    );
    assert!(!has_code(&a, Code::StatedTotal));
}

#[test]
fn a_stated_total_that_does_not_add_up_is_caught() {
    let tsv = "三级指标\t分值\t得分\nA\t50\t50\nB\t50\t45\n总分\t100\t100\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(has(&a, Code::StatedTotal, Severity::Error));
}

#[test]
fn project_tables_and_quoted_cells() {
    let tsv = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
               产出指标\t数量指标\t培训人次\t100\t95\t50\t47.5\t\"部分学员\n因故缺席\"\n\
               效益指标\t社会效益\t群众知晓率\t按期完成\t已完成\t50\t50\t\n";
    let table = parse_tsv(tsv).unwrap();
    assert!(table.project);
    let e = table.into_evaluation();
    let leaf = &e.indicators[0].children[0].children[0];
    assert_eq!(leaf.target.unwrap().to_string(), "100");
    assert_eq!(leaf.reason, "部分学员\n因故缺席");
    assert_eq!(
        e.indicators[1].children[0].children[0].target_text,
        "按期完成"
    );
}

#[test]
fn only_a_table_without_a_header_is_refused() {
    let err = parse_tsv("随便\t什么\n1\t2\n").unwrap_err();
    assert!(err.to_string().contains("未找到指标表的表头"), "{err}");
    assert!(
        err.to_string().contains("三级指标"),
        "names the columns looked for: {err}"
    );
}

#[test]
fn a_bad_cell_is_a_finding_on_its_row_and_the_rest_imports() {
    let table = parse_tsv("三级指标\t分值\t自评分\nA\t十\t5\nB\t50\t50\nC\t-1\t0\n").unwrap();
    let e = table.into_evaluation();
    assert_eq!(e.indicators.len(), 3, "every row imports");
    let a = assess(&e);
    let on_row_2 = a
        .findings
        .iter()
        .find(|f| f.code == Code::ImportUnreadable && f.message.contains("第 2 行"))
        .expect("row 2 is named");
    assert!(on_row_2.message.contains("“十”"), "{}", on_row_2.message);
    assert_eq!(on_row_2.severity, Severity::Warning);
    assert!(a
        .findings
        .iter()
        .any(|f| f.message.contains("第 4 行") && f.message.contains("负数")));
}

#[test]
fn the_cli_checks_a_pasted_table() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/nanjing-12345-2024-indicators.tsv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("总分 99.5  等级 优"), "{text}");
}

#[test]
fn a_project_form_with_its_budget_block() {
    let tsv = "2025年度项目支出绩效自评表\n\
               项目名称\t热线平台运维\n\
               项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
               年度资金总额\t100\t120\t113.9\t10\t94.92%\t9.49\n\
               其中：财政拨款\t100\t120\t113.9\t—\t94.92%\t—\n\
               其他资金\t0\t0\t0\t—\t\t—\n\
               一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
               产出指标\t数量指标\t培训人次\t100\t100\t50\t50\t\n\
               效益指标\t社会效益\t知晓率\t90\t90\t40\t40\t\n\
               总分\t\t\t\t\t100\t99.49\t\n";
    let table = parse_tsv(tsv).unwrap();
    let budget = table.budget.clone().unwrap();
    assert_eq!(budget.funds.len(), 2);
    assert_eq!(budget.funds[0].source, "财政拨款");
    assert_eq!(budget.points.unwrap().to_string(), "10");
    let e = table.into_evaluation();
    assert_eq!(e.kind, jixiao::core::EvaluationKind::Project);
    let a = assess(&e);
    assert_eq!(a.node("0").unwrap().computed.unwrap().to_string(), "9.49");
    assert_eq!(a.total.to_string(), "99.49");
    assert!(
        !a.findings.iter().any(|f| f.severity == Severity::Error),
        "{:#?}",
        a.findings
    );
}

#[test]
fn a_first_level_met_again_later_joins_its_group_and_a_total_may_come_first() {
    let tsv = "一级指标\t二级指标\t三级指标\t分值\t得分\n\
               合计\t\t\t100\t95\n\
               产出指标\t数量指标\tA\t30\t30\n\
               效益指标\t社会效益\tB\t40\t35\n\
               产出指标\t质量指标\tC\t30\t30\n";
    let table = parse_tsv(tsv).unwrap();
    assert_eq!(table.stated_total.unwrap().to_string(), "95");
    let e = table.into_evaluation();
    assert_eq!(e.indicators.len(), 2, "产出指标 once");
    assert_eq!(e.indicators[0].children.len(), 2);
    assert_eq!(e.indicators[0].points.to_string(), "60");
    let a = assess(&e);
    assert!(
        !a.findings.iter().any(|f| f.code.area() == "stated"),
        "{:#?}",
        a.findings
    );
}

#[test]
fn header_variants_units_print() {
    let tsv = "序号\t一级指标\t二级指标\t三级指标\t指标性质\t目标值\t计量单位\t完成值\t是否核心指标\t指标权重\t得分系数\t自评得分\t扣分原因\n\
               1\t产出指标\t数量指标\t培训人次\t≥\t100\t人次\t90\t是\t50\t90%\t45\t部分学员缺席\n\
               2\t效益指标\t满意度\t满意度\t≥\t90\t%\t95\t否\t50\t1\t50\t\n";
    let e = parse_tsv(tsv).unwrap().into_evaluation();
    let leaf = &e.indicators[0].children[0].children[0];
    assert_eq!(leaf.points.to_string(), "50");
    assert_eq!(leaf.score.unwrap().to_string(), "45");
    assert_eq!(leaf.target_op, Some(jixiao::core::rule::Comparison::Ge));
    assert_eq!(leaf.unit, "人次");
    assert_eq!(leaf.score_rate.unwrap().to_string(), "90");
    assert_eq!(leaf.reason, "部分学员缺席");
    let a = assess(&e);
    assert!(
        !a.findings.iter().any(|f| f.severity == Severity::Error),
        "{:#?}",
        a.findings
    );
}

#[test]
fn notes_under_the_table_go_to_the_report_text() {
    let tsv = "三级指标\t分值\t得分\nA\t100\t90\n总分\t100\t90\n\
               偏差大或目标未完成原因分析\t部分任务延期\n改进措施及结果应用方案\t加强调度\n项目负责人：张三\t\n";
    let e = parse_tsv(tsv).unwrap().into_evaluation();
    assert_eq!(e.narrative.problems, "部分任务延期");
    assert_eq!(e.narrative.suggestions, "加强调度");
    assert_eq!(e.indicators.len(), 1);
}

#[test]
fn the_report_jixiao_writes_as_word_reads_back_as_its_annex() {
    let nanjing = template::load("nanjing-2024").unwrap();
    let docx = jixiao::export::docx::evaluation_docx(&nanjing).unwrap();
    let table = jixiao::core::import::parse_document(&docx).unwrap();
    let evaluation = table.into_evaluation();
    let a = assess(&evaluation);
    assert_eq!(
        (a.total.to_string().as_str(), a.grade.as_str()),
        ("99.5", "优")
    );
    assert_eq!(
        leaves(&evaluation.indicators).len(),
        leaves(&nanjing.indicators).len()
    );
    // The same tree: every indicator's name, 分值 and 得分 as in the example.
    let rows = |e: &Evaluation| {
        let a = assess(e);
        leaves(&e.indicators)
            .iter()
            .map(|l| {
                (
                    l.name.clone(),
                    a.node(&l.id).unwrap().points,
                    a.node(&l.id).unwrap().score,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&evaluation), rows(&nanjing));
}

#[test]
fn word_files_without_a_table_and_old_word_files_are_refused_in_chinese() {
    use jixiao::core::import::document_cells;
    // A Word file with paragraphs only.
    let docx = common::word_file("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
    let err = document_cells(&docx).unwrap_err();
    assert!(err.message.contains("没有表格"), "{err}");
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend("WordDocument".encode_utf16().flat_map(|u| u.to_le_bytes()));
    let err = document_cells(&doc).unwrap_err();
    assert!(
        err.message.contains(".doc") && err.message.contains("另存为 .docx"),
        "{err}"
    );
}

#[test]
fn a_whole_form_starts_a_new_evaluation_and_a_bare_tree_replaces_only_the_tree() {
    use jixiao::core::import::ImportTarget;
    let nanjing = template::load("nanjing-2024").unwrap();
    // Another unit's whole 项目支出 form: its own title, unit, budget block and scores.
    let form = parse_tsv(&fixture(
        "real/xiangmu-yunnan-linxiang-linchaoju-2023-shourongsuo.tsv",
    ))
    .unwrap();
    assert!(form.is_whole_form());
    assert_eq!(form.default_target(), ImportTarget::NewEvaluation);
    let opened = form.into_evaluation();
    assert!(opened.unit.name.contains("临翔"), "{}", opened.unit.name);
    assert_ne!(opened.stated.total, nanjing.stated.total);
    assert!(opened.narrative.problems.is_empty() && opened.metrics.is_empty());
    // A bare tree (header and rows only) replaces the tree of the open evaluation; the old tree's
    // printed total goes with it, the unit and its texts stay.
    let bare = parse_tsv(&fixture("nanjing-12345-2024-indicators.tsv")).unwrap();
    assert!(!bare.is_whole_form());
    assert_eq!(bare.default_target(), ImportTarget::ReplaceTree);
    let mut department = template::load("department").unwrap();
    department.unit.name = "某单位".into();
    department.stated.total = Some("88".parse().unwrap());
    bare.replace_tree_of(&mut department);
    assert_eq!(department.unit.name, "某单位");
    assert_eq!(department.stated.total, None);
    assert_eq!(assess(&department).total.to_string(), "99.5");
    // The explicit choice on a whole form: the tree and budget come, the unit and texts stay.
    let mut kept = nanjing.clone();
    parse_tsv(&fixture(
        "real/xiangmu-yunnan-linxiang-linchaoju-2023-shourongsuo.tsv",
    ))
    .unwrap()
    .replace_tree_of(&mut kept);
    assert_eq!(kept.unit.name, nanjing.unit.name);
    assert_eq!(kept.narrative.problems, nanjing.narrative.problems);
    assert_ne!(kept.indicators, nanjing.indicators);
}

#[test]
fn breakdown_rows_are_details_of_their_indicator_on_two_layouts() {
    // A 项目支出 layout (target, actual, points, score) with 其中： rows under a count.
    let project = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                   产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t50\t50\n\
                   \t\t其中：农民\t300人次\t310人次\t\t\n\
                   \t\t其中：村干部\t200人次\t210人次\t\t\n\
                   效益指标\t社会效益\t满意度\t≥90%\t95%\t50\t50\n";
    // A 部门整体 scoring layout (points, score, criteria) with 含 / 包括 rows.
    let department = "一级指标\t二级指标\t三级指标\t分值\t评分标准\t自评得分\n\
                      决策\t预算编制\t预算编制规范性\t40\t规范的得满分\t40\n\
                      \t\t含部门预算\t\t按规定编制\t\n\
                      \t\t包括专项资金\t\t单独编列\t\n\
                      履职\t产出\t重点工作完成率\t60\t全部完成得满分\t60\n";
    for table in [project, department] {
        let a = assess(&parse_tsv(table).unwrap().into_evaluation());
        assert_eq!(a.total.to_string(), "100");
        assert_eq!(
            leaves(&parse_tsv(table).unwrap().indicators).len(),
            2,
            "{table}"
        );
        assert!(
            !a.findings.iter().any(|f| f.severity != Severity::Info),
            "no warning for details: {:?}",
            a.findings
        );
        assert_eq!(
            a.findings
                .iter()
                .filter(|f| f.code == Code::ImportAssumed)
                .count(),
            1
        );
    }
    // A 其中 row with its own 分值 is an indicator of its own.
    let scored = "一级指标\t二级指标\t三级指标\t分值\t得分\n产出\t数量\t完成量\t60\t60\n\t\t其中：A\t40\t38\n";
    assert_eq!(leaves(&parse_tsv(scored).unwrap().indicators).len(), 2);
}

#[test]
fn header_words_vary_and_an_unplaced_header_is_named_on_two_layouts() {
    // Period words, letters and units in brackets: the columns are placed and the audit runs.
    let project = "一级指标\t二级指标\t三级指标\t2023年度指标值（A）\t全年实际完成值（B）\t分值（分）\t得分（分）\t核查人\n\
                   产出指标\t数量指标\t培训人次\t≥100人次\t80人次\t100\t100\t张三\n";
    let table = parse_tsv(project).unwrap();
    let summary = table.summary().sentence();
    assert!(summary.contains("未识别的列：核查人"), "{summary}");
    let a = assess(&table.into_evaluation());
    assert!(
        has_code(&a, Code::AuditInflated),
        "the actual column is placed: {:?}",
        a.findings
    );
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::ImportAssumed && f.message.contains("“核查人”")));
    // A 部门整体 scoring layout with a column nobody prints elsewhere.
    let department = "一级指标\t二级指标\t三级指标\t本年分值\t佐证资料清单\t自评得分\n\
                      决策\t目标\t目标明确性\t100\t文件3份\t100\n";
    let table = parse_tsv(department).unwrap();
    assert_eq!(table.unplaced, vec!["佐证资料清单".to_string()]);
    assert_eq!(assess(&table.into_evaluation()).total.to_string(), "100");
}

#[test]
fn a_score_printed_once_for_a_merged_block_is_one_indicator_on_two_layouts() {
    // A 部门整体 scoring layout: 分值 and 得分 merged over two rows of one 二级.
    let department = "一级指标\t二级指标\t三级指标\t分值\t评分标准\t得分\n\
                      决策(40分)\t目标设定\t目标明确\t40\t明确的得满分\t38\n\
                      \t\t目标细化\t\t细化的得满分\t\n\
                      履职(60分)\t产出\t重点工作完成率\t60\t全部完成得满分\t60\n";
    // A 项目支出 layout without a 分值 column: 得分 merged over two rows.
    let project = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分\n\
                   产出指标\t数量指标\t设备采购\t5台\t5台\t50\n\
                   \t\t安装调试\t5台\t5台\t\n\
                   效益指标\t满意度\t用户满意度\t≥90%\t95%\t50\n";
    for table in [department, project] {
        let imported = parse_tsv(table).unwrap();
        assert_eq!(leaves(&imported.indicators).len(), 2, "{table}");
        let a = assess(&imported.into_evaluation());
        assert!(
            !a.findings
                .iter()
                .any(|f| f.code == Code::ScoreMissing || f.code == Code::TreePointsZero),
            "no per-row warning: {:?}",
            a.findings
        );
        assert_eq!(
            a.findings
                .iter()
                .filter(|f| f.message.contains("合并单元格"))
                .count(),
            1,
            "one info for the block: {:?}",
            a.findings
        );
    }
    // A row with neither under another 二级 is still an indicator left unscored.
    let unscored = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                    产出\t数量\t完成量\t5台\t5台\t50\t50\n\t质量\t合格率\t100%\t98%\t\t\n";
    assert!(has_code(
        &assess(&parse_tsv(unscored).unwrap().into_evaluation()),
        Code::ScoreMissing
    ));
}

#[test]
fn a_category_with_only_a_zero_score_is_an_unused_part_of_the_form_on_two_layouts() {
    let project = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
                   效益指标\t社会效益\t受益人数\t≥100人\t120人\t100\t100\n\
                   \t生态效益指标\t\t\t\t\t0\n";
    let department = "一级指标\t二级指标\t三级指标\t分值\t评分标准\t得分\n\
                      履职\t产出\t完成率\t100\t全部完成得满分\t100\n\
                      \t可持续影响\t\t\t\t0\n";
    for table in [project, department] {
        let a = assess(&parse_tsv(table).unwrap().into_evaluation());
        assert!(
            !a.findings.iter().any(|f| f.severity != Severity::Info),
            "{:?}",
            a.findings
        );
        assert!(has_code(&a, Code::ImportPlaceholder));
    }
    // A category with a score other than 0 is still read as an indicator whose 分值 is missing.
    let scored =
        "一级指标\t二级指标\t三级指标\t分值\t得分\n产出\t数量\t完成量\t90\t90\n\t质量\t\t\t8\n";
    assert!(has_code(
        &assess(&parse_tsv(scored).unwrap().into_evaluation()),
        Code::ImportBlank
    ));
}

#[test]
fn an_excel_97_workbook_reads_like_its_xlsx() {
    let xls = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/xls/project-annex.xls"),
    )
    .unwrap();
    let from_xls = jixiao::core::import::parse_document(&xls)
        .unwrap()
        .into_evaluation();
    let e = jixiao::core::template::load("project").unwrap();
    let xlsx = jixiao::export::xlsx::scoring_workbook(&e).unwrap();
    let from_xlsx = jixiao::core::import::parse_document(&xlsx)
        .unwrap()
        .into_evaluation();
    let a = jixiao::core::assess(&from_xls);
    assert_eq!(a.counts, jixiao::core::assess(&from_xlsx).counts);
    assert_eq!(a.points_total.to_string(), "100");
}

#[test]
fn a_damaged_xls_is_refused_in_chinese_not_a_panic() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls");
    let damaged = std::fs::read(fixtures.join("damaged-record.xls")).unwrap();
    let message = jixiao::core::import::parse_document(&damaged)
        .unwrap_err()
        .to_string();
    assert!(message.contains("已损坏"), "{message}");
    assert!(message.contains("另存为"), "{message}");
}

#[test]
fn an_xls_declaring_billions_of_rows_is_refused_before_room_is_made_for_them() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls");
    let mut xls = std::fs::read(fixtures.join("project-annex.xls")).unwrap();
    // The sheet's DIMENSIONS record (type 0x0200, 14 bytes): its last row becomes 4,294,967,280.
    let at = xls
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a DIMENSIONS record");
    xls[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let message = jixiao::core::import::parse_document(&xls)
        .unwrap_err()
        .to_string();
    assert!(message.contains("单元格"), "{message}");
    // Declared before the first row (last row below the first): calamine's arithmetic wraps too.
    let mut xls = std::fs::read(fixtures.join("project-annex.xls")).unwrap();
    xls[at + 4..at + 8].copy_from_slice(&0x0000_0100u32.to_le_bytes());
    xls[at + 8..at + 12].copy_from_slice(&0x0000_0010u32.to_le_bytes());
    assert!(jixiao::core::import::parse_document(&xls).is_err());
}

#[test]
fn a_points_column_after_each_level_belongs_to_that_level() {
    // 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分 (a provincial project form): the leaf's 分值 is the
    // last, the others are the levels' own.
    let tsv = "服务贸易项目绩效自评表\n\
               一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分\n\
               项目决策\t40\t项目目标\t10\t目标内容\t10\t10\n\
               \t\t决策过程\t30\t决策依据\t12\t12\n\
               \t\t\t\t决策程序\t18\t16\n\
               项目绩效\t60\t项目产出\t60\t产出数量\t60\t60\n";
    let table = parse_tsv(tsv).unwrap();
    assert!(table.project, "the title names a project's form");
    let e = table.into_evaluation();
    let points: Vec<String> = leaves(&e.indicators)
        .iter()
        .map(|n| n.points.to_string())
        .collect();
    assert_eq!(points, ["10", "12", "18", "60"]);
    let a = assess(&e);
    assert_eq!(a.points_total.to_string(), "100");
    assert!(!has_code(&a, Code::TreeTotalPoints), "{:#?}", a.findings);
    assert!(!has_code(&a, Code::ImportBlank));
    // The lost 2 points need a reason, on the leaf with its own 分值.
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::ScoreReason && f.message.contains("分值 18")));
    // Two levels only: 一级 | 分值 | 二级 | 分值 | 得分.
    let tsv = "一级指标\t分值\t二级指标\t分值\t得分\n\
               产出\t60\t数量\t30\t30\n\
               \t\t质量\t30\t30\n\
               效益\t40\t社会效益\t40\t40\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert_eq!(a.points_total.to_string(), "100");
    assert!(!has_code(&a, Code::TreeTotalPoints), "{:#?}", a.findings);
    assert!(!has_code(&a, Code::ImportBlank), "{:#?}", a.findings);
}

#[test]
fn a_form_that_leaves_its_unit_blank_is_told() {
    // An Anhui 部门整体 scoring form: "单位" printed, nothing after it.
    let tsv = "2023年度部门整体支出绩效评价自评表\n\
               单位\t\t\t\n\
               一级指标\t二级指标\t三级指标\t指标分值\t自评得分\n\
               规划(100分)\t基础信息\t基础信息完整性\t100\t100\n";
    let e = parse_tsv(tsv).unwrap().into_evaluation();
    let a = assess(&e);
    let blank = a
        .findings
        .iter()
        .find(|f| f.code == Code::ImportBlank && f.message.contains("单位名称未填写"));
    assert!(
        blank.is_some_and(|f| f.severity == Severity::Warning),
        "{:#?}",
        a.findings
    );
    // A national project form with its 实施单位 filled: nothing said.
    let tsv = "项目支出绩效自评表\n\
               项目名称\t培训经费\t\t\n\
               主管部门\t某某局\t实施单位\t某某中心\n\
               一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
               产出指标\t数量指标\t培训人次\t100\t100\t100\t100\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(
        !a.findings
            .iter()
            .any(|f| f.message.contains("单位名称未填写")),
        "{:#?}",
        a.findings
    );
    // The same form with 实施单位 left blank at the row's end.
    let blank_unit = tsv.replace("实施单位\t某某中心", "实施单位\t");
    let a = assess(&parse_tsv(&blank_unit).unwrap().into_evaluation());
    assert!(
        a.findings
            .iter()
            .any(|f| f.message.contains("单位名称未填写")),
        "{:#?}",
        a.findings
    );
}

#[test]
fn a_total_row_with_points_and_no_score_is_told() {
    // A weighted Sichuan form: 合计 | 权重 100 | 得分 blank.
    let tsv = "一级指标\t二级指标\t三级指标\t权重\t得分\n\
               产出指标\t数量指标\t培训人次\t100\t95\t\n\
               合计\t\t\t100\t\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(
        a.findings
            .iter()
            .any(|f| f.code == Code::ImportBlank && f.message.contains("总分）未填")),
        "{:#?}",
        a.findings
    );
    // The national layout with its 总分 printed: nothing said.
    let tsv = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
               产出指标\t数量指标\t培训人次\t100\t100\t100\t100\n\
               总分\t\t\t\t\t100\t100\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(
        !a.findings.iter().any(|f| f.message.contains("总分）未填")),
        "{:#?}",
        a.findings
    );
    // A 指标完成情况表 with no score column: its 合计 of 分值 asks for no score.
    let tsv = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\n\
               产出指标\t数量指标\t培训人次\t100\t100\t100\n\
               合计\t\t\t\t\t100\n";
    let a = assess(&parse_tsv(tsv).unwrap().into_evaluation());
    assert!(
        !a.findings.iter().any(|f| f.message.contains("总分）未填")),
        "{:#?}",
        a.findings
    );
}
