//! The target stage (目标申报) on published 绩效目标申报表 (`tests/fixtures/real/targets/`, sources in its
//! README): each opens in the target stage, none gets a scoring finding (a target table has no scores
//! yet), and the target checks' findings are pinned in `tests/golden/targets/NAME.check.txt`.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test --test targets` and review the diff.

use std::path::{Path, PathBuf};

mod common;
use common::{golden, jixiao as check};
use jixiao::core::model::Stage;

fn tables() -> Vec<PathBuf> {
    common::tsv_files("tests/fixtures/real/targets")
}

#[test]
fn every_target_table_opens_in_the_target_stage_without_scoring_findings() {
    let files = tables();
    assert!(files.len() >= 8, "{} tables", files.len());
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/targets/README.md"),
    )
    .unwrap();
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        assert!(readme.contains(&name), "README.md names {name}");
        let text = std::fs::read_to_string(&file).unwrap();
        let evaluation = jixiao::core::import::parse_tsv(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .into_evaluation();
        assert_eq!(evaluation.stage, Stage::Target, "{name}");
        let relative = format!("tests/fixtures/real/targets/{name}.tsv");
        let (out, code) = check(&["check", &relative]);
        assert!(code == 0 || code == 1, "{name} was refused:\n{out}");
        assert!(out.contains("· 目标申报）"), "{name}:\n{out}");
        for scoring in [
            "score.",
            "tree.total_points",
            "tree.points_",
            "import.unscored",
        ] {
            assert!(
                !out.contains(scoring),
                "{name} got a scoring finding {scoring}:\n{out}"
            );
        }
        golden(&format!("targets/{name}.check.txt"), &out);
    }
}

#[test]
fn a_self_evaluation_table_stays_in_the_self_evaluation_stage() {
    let (out, _) = check(&["check", "tests/fixtures/nanjing-12345-2024-indicators.tsv"]);
    assert!(!out.contains("目标申报"), "{out}");
    for file in common::real_table_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        if let Ok(table) = jixiao::core::import::parse_tsv(&text) {
            let stage = table.into_evaluation().stage;
            assert_eq!(stage, Stage::SelfEvaluation, "{}", file.display());
        }
    }
}

/// A pasted table of targets, assessed (it must open in the target stage).
fn assessed(table: &str) -> jixiao::core::Assessment {
    let evaluation = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    assert_eq!(evaluation.stage, Stage::Target);
    jixiao::core::assess(&evaluation)
}

/// The findings' codes of a pasted table.
fn codes_of(table: &str) -> Vec<String> {
    assessed(table)
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect()
}

/// The findings of a pasted table, with their messages ("code path message").
fn messages_of(table: &str) -> Vec<String> {
    assessed(table)
        .findings
        .iter()
        .map(|f| format!("{} {} {}", f.code, f.path, f.message))
        .collect()
}

#[test]
fn each_target_check_fires_on_both_vintages_of_the_form() {
    // Constructed tables (not published ones): the 88号 二级 list, then the layout with 成本 as its own
    // 一级. Each carries the same mistakes: 合格率 under 效益, 预算执行率 as an output, a rate over
    // 100 %, a blank value, a template row, 效益 made only of 满意度.
    let vintage_2015 = "项目支出绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥300人次\n\
        \t质量指标\t培训合格率\t≥120%\n\
        \t时效指标\t预算执行率\t≥90%\n\
        \t成本指标\t人均培训成本\t\n\
        \t\t场地租赁费\t≥2万元\n\
        效益指标\t社会效益指标\t学员满意度\t≥90%\n\
        \t\t验收合格率\t100%\n\
        满意度指标\t服务对象满意度指标\t指标1\t*\n";
    let vintage_2021 = "项目绩效目标表（2024年度）\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t新建道路\t≥10公里\n\
        \t质量指标\t工程验收合格率\t≥101%\n\
        \t时效指标\t资金支付率\t100%\n\
        成本指标\t经济成本指标\t每公里造价\t\n\
        \t\t材料费\t>50万元\n\
        效益指标\t社会效益指标\t群众满意度\t≥95%\n\
        \t可持续影响指标\t验收达标率\t100%\n\
        满意度指标\t服务对象满意度指标\t指标2\t≥**%\n";
    for (name, table) in [("2015", vintage_2015), ("2021", vintage_2021)] {
        let codes = codes_of(table).join("\n");
        for expected in [
            "target.percent_over_100 indicators/1.2.1/target",
            "target.funds_as_result indicators/1.3.1/name",
            "target.value_missing",
            "target.misplaced",
            "target.placeholder",
            "target.cost_floor",
        ] {
            assert!(
                codes.contains(expected),
                "{name}: {expected} missing in\n{codes}"
            );
        }
        assert!(!codes.contains("target.level1_missing"), "{name}:\n{codes}");
        assert!(!codes.contains("target.level2_unknown"), "{name}:\n{codes}");
    }
    // 效益 made only of 满意度, and no 满意度 一级.
    let only_satisfaction = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥300人次\n\
        效益指标\t社会效益指标\t学员满意度\t≥90%\n";
    let codes = codes_of(only_satisfaction).join("\n");
    assert!(
        codes.contains("target.benefit_only_satisfaction"),
        "{codes}"
    );
    assert!(codes.contains("target.no_satisfaction"), "{codes}");
    // A correct table: no finding.
    let clean = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\t指标值设定依据\n\
        产出指标\t数量指标\t培训人次\t≥300人次\t计划标准\n\
        \t质量指标\t培训合格率\t≥95%\t行业标准\n\
        \t成本指标\t人均培训成本\t≤800元\t历史标准\n\
        效益指标\t社会效益指标\t基层干部业务能力提升\t明显提升\t其他标准\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t行业标准\n";
    assert_eq!(codes_of(clean), Vec::<String>::new());
    let evaluation = jixiao::core::import::parse_tsv(clean)
        .unwrap()
        .into_evaluation();
    let review = jixiao::core::assess(&evaluation).target_review.unwrap();
    assert_eq!(review.label(), "优", "{review:?}");
}

#[test]
fn the_basis_and_the_quantified_share_are_noted_at_their_boundaries() {
    // Two of four rows name their 设定依据: the other two are noted, each at its row.
    let some_basis = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\t指标值设定依据\n\
        产出指标\t数量指标\t培训人次\t≥300人次\t计划标准\n\
        \t质量指标\t培训合格率\t≥95%\t\n\
        效益指标\t社会效益指标\t服务能力\t≥10项\t历史标准\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\t\n";
    let codes = codes_of(some_basis);
    assert_eq!(
        codes,
        [
            "target.basis_missing indicators/1.2.1/basis",
            "target.basis_missing indicators/3.1.1/basis"
        ],
        "{codes:?}"
    );
    // No row names one: a single note for the table.
    let no_basis = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥300人次\n\
        效益指标\t社会效益指标\t服务能力\t明显提升\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t较满意\n";
    let codes = codes_of(no_basis);
    // One of three valued rows is 定量 (33.3 %) < 50 %: noted.
    assert_eq!(
        codes,
        [
            "target.quantified_share indicators",
            "target.basis_missing indicators"
        ],
        "{codes:?}"
    );
    // Two of four (50 %) is not below 50 %.
    let half = no_basis.replace("较满意", "≥90%");
    let codes = codes_of(&half);
    assert_eq!(codes, ["target.basis_missing indicators"], "{codes:?}");
    // The threshold is the profile's: at 70 %, two of three is below it.
    let mut evaluation = jixiao::core::import::parse_tsv(&half)
        .unwrap()
        .into_evaluation();
    evaluation.settings.audit.quantified_share = rust_decimal::Decimal::from(70);
    let a = jixiao::core::assess(&evaluation);
    let share = a
        .findings
        .iter()
        .find(|f| f.code.as_str() == "target.quantified_share")
        .expect("below 70 %");
    assert!(
        share
            .message
            .contains("定量指标 2 个，占有指标值的三级指标 3 个的 66.7%，低于 70%"),
        "{}",
        share.message
    );
    assert!(share.message.contains("服务能力"), "{}", share.message);
}

#[test]
fn a_value_whose_unit_disagrees_with_the_unit_column_is_noted_in_both_stages() {
    // Constructed: a self-evaluation with a 计量单位 column, then a target table without 分值.
    let self_evaluation = "项目支出绩效自评表\n\
        一级指标\t二级指标\t三级指标\t年度指标值\t计量单位\t实际完成值\t分值\t得分\n\
        产出指标\t数量指标\t培训人次\t300人次\t人次\t320\t50\t50\n\
        \t质量指标\t合格率\t5个\t%\t100\t50\t50\n";
    let target = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\t计量单位\n\
        产出指标\t数量指标\t培训人次\t≥300\t人次\n\
        \t质量指标\t合格率\t≥95%\t%\n\
        效益指标\t社会效益指标\t基层保障\t应保尽保\t%\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t≥90\t%\n";
    for (name, table) in [("自评", self_evaluation), ("目标", target)] {
        let evaluation = jixiao::core::import::parse_tsv(table)
            .unwrap()
            .into_evaluation();
        let findings: Vec<String> = jixiao::core::assess(&evaluation)
            .findings
            .iter()
            .filter(|f| f.code.as_str() == "import.unit_conflict")
            .map(|f| f.message.clone())
            .collect();
        assert_eq!(findings.len(), 1, "{name}: {findings:?}");
        assert!(
            findings[0].contains("“5个”与计量单位“%”")
                || findings[0].contains("“应保尽保”与计量单位“%”"),
            "{name}: {findings:?}"
        );
    }
}

#[test]
fn last_years_actual_under_a_merged_value_header_is_read_and_a_lower_target_is_warned() {
    // Constructed: 指标值 merged over 上年实际值 | 本年目标值 (the 黄石 批复表 prints "2021年实际实现值 |
    // 预期2022年实现值"), here with a 计量单位 column and the columns in another order.
    let table = "部门预算项目绩效目标表\n\
        一级指标\t二级指标\t三级指标\t计量单位\t指标值\t\n\
        \t\t\t\t本年目标值\t上年实际值\n\
        产出指标\t数量指标\t培训人次\t人次\t≥300\t320\n\
        \t质量指标\t培训合格率\t%\t≥95\t90\n\
        \t成本指标\t人均培训成本\t元\t≤800\t900\n\
        效益指标\t社会效益指标\t服务能力\t项\t≥10\t10\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t%\t≥90\t92\n";
    let evaluation = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    let leaf = evaluation.indicator("1.1.1").expect("培训人次");
    assert_eq!(leaf.target, Some(rust_decimal::Decimal::from(300)));
    assert_eq!(leaf.prior_actual, "320");
    let codes = codes_of(table);
    let below: Vec<&String> = codes.iter().filter(|c| c.contains("below_prior")).collect();
    // 300 < 320 and 90 % < 92 %: warned; 95 % > 90 %, 10 = 10 and a ceiling (≤800 under 900) are not.
    assert_eq!(
        below,
        [
            "target.below_prior indicators/1.1.1/target",
            "target.below_prior indicators/3.1.1/target"
        ],
        "{codes:?}"
    );
}

#[test]
fn a_level1_label_printed_in_the_middle_of_its_rows_takes_the_rows_above() {
    // Constructed self-evaluation (scored) table: 产出指标's merged cell text sits on its third row, as a
    // PDF or web copy prints a vertically centred cell.
    let table = "项目支出绩效自评表\n\
        一级指标\t二级指标\t三级指标\t分值\t得分\n\
        \t数量指标\t培训人次\t20\t20\n\
        \t\t培训班次\t10\t10\n\
        产出指标\t\t教材册数\t10\t10\n\
        \t质量指标\t合格率\t20\t20\n\
        效益指标\t社会效益指标\t能力提升\t30\t30\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t10\t10\n";
    let evaluation = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    let names: Vec<&str> = evaluation
        .indicators
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(names, ["产出指标", "效益指标", "满意度指标"]);
    let output = &evaluation.indicators[0];
    assert_eq!(output.children.len(), 2, "{output:?}");
    assert_eq!(output.children[0].name, "数量指标");
    assert_eq!(output.children[0].children.len(), 3);
    let a = jixiao::core::assess(&evaluation);
    assert_eq!(a.total, rust_decimal::Decimal::from(100));
    assert!(
        a.findings
            .iter()
            .any(|f| f.message.contains("印在其所辖各行的中间")),
        "{:?}",
        a.findings
    );
}

#[test]
fn a_target_table_goes_to_the_self_evaluation_and_a_later_change_is_an_adjustment() {
    // The CLI on a published 申报表: next-stage keeps every 指标值, a value changed afterwards is an error
    // until `adjust` records it, and the recorded adjustment is in the file.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("next-stage");
    std::fs::create_dir_all(&dir).unwrap();
    let source =
        "tests/fixtures/real/targets/xiangmu-mubiao-hunan-yueyangxian-nongyenongcunju-2022.tsv";
    let year = dir.join("year.json");
    let year_path = year.to_string_lossy().to_string();
    // Straight to the self-evaluation (a project not monitored).
    let (out, code) = check(&[
        "next-stage",
        source,
        "--to",
        "年度自评",
        "--date",
        "2022-05-20",
        "-o",
        &year_path,
    ]);
    assert_eq!(code, 0, "{out}");
    let before = jixiao::core::import::parse_tsv(&std::fs::read_to_string(source).unwrap())
        .unwrap()
        .into_evaluation();
    let mut after = jixiao::core::from_json(&std::fs::read_to_string(&year).unwrap()).unwrap();
    assert_eq!(after.stage, Stage::SelfEvaluation);
    assert_eq!(
        after.indicators, before.indicators,
        "the tree and its 指标值 are unchanged"
    );
    assert_eq!(after.targets.approved.as_ref().unwrap().date, "2022-05-20");
    // Already the last stage: refused (status 2, the message on stderr).
    let (_, code) = check(&["next-stage", &year_path, "--to", "运行监控"]);
    assert_eq!(code, 2, "no way back");
    let (_, code) = check(&["next-stage", &year_path]);
    assert_eq!(code, 2);
    // Change the first 三级's value in the file, as a user editing the self-evaluation would.
    let mut first = None;
    after.walk_indicators(&mut |n, _| {
        if n.is_leaf() && first.is_none() {
            first = Some(n.id.clone());
        }
    });
    let id = first.unwrap();
    let leaf = after.indicator_mut(&id).unwrap();
    let old = jixiao::core::model::target_value(leaf);
    leaf.target = Some(rust_decimal::Decimal::from(80));
    leaf.target_text = "≥80公里".to_string();
    std::fs::write(&year, jixiao::core::to_json(&after)).unwrap();
    let (out, code) = check(&["check", &year_path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[错误] target.unrecorded_change"), "{out}");
    assert!(out.contains(&format!("{old} → ≥80公里")), "{out}");
    let (out, code) = check(&["next-stage", &year_path]);
    assert_eq!(code, 2, "{out}");
    let (out, code) = check(&[
        "adjust",
        &year_path,
        "--reason",
        "省级资金调减",
        "--date",
        "2022-08-01",
        "-o",
        &year_path,
    ]);
    assert_eq!(code, 0, "{out}");
    let (out, _) = check(&["check", &year_path]);
    assert!(!out.contains("target.unrecorded_change"), "{out}");
    let adjusted = jixiao::core::from_json(&std::fs::read_to_string(&year).unwrap()).unwrap();
    let adjustment = &adjusted.targets.adjustments[0];
    assert_eq!(
        (adjustment.date.as_str(), adjustment.reason.as_str()),
        ("2022-08-01", "省级资金调减")
    );
    assert_eq!(adjustment.changes.len(), 1);
    // The self-evaluation form says what was adjusted, when and why.
    let (report, _) = check(&["export", &year_path, "--to", "txt"]);
    assert!(
        report.contains(
            "绩效目标调整情况：年度绩效目标（2022-05-20批复）在执行中调整 1 次：2022-08-01因省级资金调减调整"
        ) && report.contains(&format!("{old} → ≥80公里")),
        "{report}"
    );
}

#[test]
fn a_target_tables_funds_are_read_and_its_costs_stay_within_them() {
    // Constructed, in the 88号 layout: the funds as labels and amounts, then the indicators.
    let table = |total: &str, other: &str, costs: &str| {
        format!(
            "项目支出绩效目标申报表\n\
            项目名称\t干部培训\t\t\n\
            资金情况（万元）\t年度资金总额：\t{total}\t\n\
            \t其中：财政拨款\t8\t\n\
            \t其他资金\t{other}\t\n\
            一级指标\t二级指标\t三级指标\t指标值\n\
            产出指标\t数量指标\t培训人次\t≥300人次\n\
            {costs}\
            效益指标\t社会效益指标\t能力提升\t明显提升\n\
            满意度指标\t服务对象满意度指标\t学员满意度\t≥90%\n"
        )
    };
    let costs = "\t成本指标\t场地费\t≤4万元\n\t\t师资费\t≤50000元\n";
    let evaluation = jixiao::core::import::parse_tsv(&table("10", "2", costs))
        .unwrap()
        .into_evaluation();
    let project = evaluation.project.as_ref().unwrap();
    assert_eq!(project.name, "干部培训");
    let lines: Vec<(&str, Option<rust_decimal::Decimal>)> = project
        .funds
        .iter()
        .map(|l| (l.source.as_str(), l.initial))
        .collect();
    assert_eq!(
        lines,
        [("财政拨款", Some(8.into())), ("其他资金", Some(2.into()))]
    );
    // 4 万 + 5 万 = 9 ≤ 10: nothing; the lines add up: nothing.
    let codes = codes_of(&table("10", "2", costs));
    assert!(
        !codes
            .iter()
            .any(|c| c.contains("cost_over") || c.contains("budget.")),
        "{codes:?}"
    );
    // A total that is not its lines' sum; costs of 9 万 over a total of 8.
    let codes = codes_of(&table("8", "1", costs));
    assert!(
        codes.iter().any(|c| c.starts_with("budget.total_sum")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"target.cost_over_budget indicators".to_string()),
        "{codes:?}"
    );
    // A subtotal row (3 + 2 + 9 = 14 … written as its own row beside its parts) is not counted twice.
    let subtotal = "\t成本指标\t场地费\t≤3万元\n\t\t师资费\t≤2万元\n\t\t总成本\t≤5万元\n";
    let codes = codes_of(&table("10", "2", subtotal));
    assert!(!codes.iter().any(|c| c.contains("cost_over")), "{codes:?}");
}

#[test]
fn a_batch_of_target_tables_lists_each_units_review_grade() {
    // The reviewer's summary over the folder: each 申报表 with its 审核意见, no total, no budget flag that
    // only a year-end file could satisfy.
    let (out, _) = check(&["check", "tests/fixtures/real/targets/"]);
    let summary = out.split("\n文件").nth(1).expect("a summary table");
    // The summary ends where the measurement against the reviewers' expectations begins.
    let summary = summary.split("对照复核预期").next().unwrap_or(summary);
    let rows: Vec<&str> = summary.lines().filter(|l| l.contains(".tsv")).collect();
    assert_eq!(rows.len(), tables().len(), "{summary}");
    for row in rows {
        assert!(row.contains("审核·"), "{row}");
        assert!(!row.contains("缺全年预算数"), "{row}");
    }
    // --json carries each 审核意见 with its reasons.
    let (json, _) = check(&["check", "--json", "tests/fixtures/real/targets/"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reviewed = value
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["stage"] == "target" && f["target_review"]["reasons"].is_array())
        .count();
    assert_eq!(reviewed, tables().len(), "{json}");
}

#[test]
fn next_years_targets_below_this_years_results_are_warned() {
    // Check 8, constructed: last year's self-evaluation beside this year's 申报表 (上年对比).
    let last = "项目支出绩效自评表\n\
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
        产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t30\t30\n\
        \t质量指标\t培训合格率\t≥90%\t98%\t30\t30\n\
        \t时效指标\t按期完成率\t≥80%\t100%\t20\t20\n\
        \t成本指标\t人均成本\t≤800元\t700元\t10\t10\n\
        效益指标\t社会效益指标\t能力提升\t≥10项\t10项\t10\t10\n";
    let this = "绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥310人次\n\
        \t质量指标\t培训合格率\t≥98%\n\
        \t时效指标\t按期完成率\t≥80%\n\
        \t成本指标\t人均成本\t≤750元\n\
        效益指标\t社会效益指标\t能力提升\t≥12项\n";
    let read = |t: &str| {
        jixiao::core::import::parse_tsv(t)
            .unwrap()
            .into_evaluation()
    };
    let (last, this) = (read(last), read(this));
    assert_eq!(this.stage, Stage::Target);
    let c = jixiao::core::compare::compare(&last, &this, &[]);
    let found: Vec<String> = c
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    // 310 < 320: below; 98 % = 98 %: not below; 100 % ≥ 1.2 × 80 % with 80 % kept: maybe low; a ceiling
    // (≤750 元 under 700 元) is not a 正向 target; 12 > 10: fine.
    assert_eq!(
        found,
        [
            "target.below_prior indicators/1.1.1/target",
            "target.maybe_low indicators/1.3.1/target"
        ],
        "{:?}",
        c.findings
    );
    assert!(
        c.findings[0].message.contains("低于上年（"),
        "{}",
        c.findings[0].message
    );
    // The same pair read the other way round (a self-evaluation this year) raises none of these.
    let back = jixiao::core::compare::compare(&this, &last, &[]);
    assert!(!back
        .findings
        .iter()
        .any(|f| f.code.as_str().starts_with("target.")));
}

#[test]
fn timing_targets_fall_inside_the_project_period() {
    // Check 6, constructed: the 建设周期 printed above, 时效 dates inside and outside it.
    let table = |period: &str| {
        format!(
            "项目支出绩效目标申报表\n\
            项目名称\t加工园配套设施\t建设周期\t{period}\n\
            一级指标\t二级指标\t三级指标\t指标值\n\
            产出指标\t数量指标\t晾晒房\t≥1座\n\
            \t时效指标\t开工时间\t2023年5月\n\
            \t\t竣工时间\t2024年6月\n\
            效益指标\t社会效益指标\t带动农户\t≥50户\n\
            满意度指标\t服务对象满意度指标\t农户满意度\t≥90%\n"
        )
    };
    let evaluation = jixiao::core::import::parse_tsv(&table("2023年4月-2024年2月"))
        .unwrap()
        .into_evaluation();
    assert_eq!(
        evaluation.project.as_ref().unwrap().period,
        "2023年4月-2024年2月"
    );
    let codes = codes_of(&table("2023年4月-2024年2月"));
    let dates: Vec<&String> = codes.iter().filter(|c| c.contains("period")).collect();
    assert_eq!(
        dates,
        ["target.date_outside_period indicators/1.2.2/target"],
        "{codes:?}"
    );
    // Inside a whole-year period, nothing; a period that ends before it starts is an error.
    let codes = codes_of(&table("2023年-2024年"));
    assert!(!codes.iter().any(|c| c.contains("period")), "{codes:?}");
    let codes = codes_of(&table("2024年3月-2023年1月"));
    assert!(
        codes.contains(&"target.period_reversed indicators".to_string()),
        "{codes:?}"
    );
}

/// The row value checks (`check/target_values.rs`), each at its boundary, in the layout with 指标性质 and
/// 计量单位 columns (the operator in its own column, as 乌海's form prints it) and in the 88号 layout.
#[test]
fn each_value_check_fires_at_its_boundary_and_not_before() {
    let findings = messages_of;
    let has = |found: &[String], code: &str, id: &str| {
        found
            .iter()
            .any(|f| f.starts_with(&format!("{code} indicators/{id}/")))
    };
    let columns = "项目绩效目标表\n\
        资金情况（万元）\t年度资金总额：\t20\t\t\t\n\
        一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\n\
        产出指标\t数量指标\t培训人次\t正向\t≥\t300\t人次\n\
        \t\t开设课程\t正向\t≥\t12\t\n\
        \t质量指标\t培训合格率\t正向\t≥\t100\t%\n\
        \t\t课程完成率\t正向\t≥\t100\t%\n\
        \t\t考试通过率\t正向\t≥\t99\t%\n\
        \t\t教材达标率100%\t正向\t≥\t98\t%\n\
        \t\t场地达标率100%\t正向\t=\t100\t%\n\
        \t时效指标\t结业时间\t正向\t=\t45291\t45291\n\
        \t成本指标\t人均成本\t反向\t=\t600\t元\n\
        \t\t场地费\t反向\t\t2\t万元\n\
        \t\t资料费\t反向\t≤\t0\t万元\n\
        \t\t成本控制率\t反向\t≤\t100\t%\n\
        \t\t总成本\t反向\t≤\t20\t万元\n\
        \t\t师资费\t反向\t≤\t8\t万元\n\
        效益指标\t社会效益指标\t能力提升\t定性\t\t明显提升\t\n\
        满意度指标\t服务对象满意度指标\t学员满意度\t正向\t≥\t90\t%\n";
    let found = findings(columns);
    // The operator read from the 指标方向 column beside 正向 / 反向.
    assert!(
        !has(&found, "target.operator_missing", "1.1.1"),
        "{found:#?}"
    );
    // No unit at all (12 what?); 人次 is one.
    assert!(has(&found, "target.unit_missing", "1.1.2"), "{found:#?}");
    assert!(!has(&found, "target.unit_missing", "1.1.1"));
    // A share written ≥100 % (合格率), not a completion rate (may pass 100 %) nor ≥99 %.
    assert!(has(&found, "target.share_floor_at_full", "1.2.1"));
    assert!(!has(&found, "target.share_floor_at_full", "1.2.2"));
    assert!(!has(&found, "target.share_floor_at_full", "1.2.3"));
    // The name's 100 % against a value of 98 %; the same figure in both is no conflict.
    assert!(has(&found, "target.name_value_conflict", "1.2.4"));
    assert!(!has(&found, "target.name_value_conflict", "1.2.5"));
    // 45291 as the unit: Excel's serial of 2023-12-31.
    let serial = found
        .iter()
        .find(|f| f.starts_with("target.unit_numeric indicators/1.3.1/"))
        .expect("unit_numeric");
    assert!(serial.contains("2023年12月31日"), "{serial}");
    // Costs: "=" and a bare figure are no ceiling; ≤ 0 is no cost; a % is no cost; the whole budget
    // restated; ≤ 8 万 of 20 is a cost.
    assert!(has(&found, "target.cost_not_ceiling", "1.4.1"));
    assert!(has(&found, "target.cost_not_ceiling", "1.4.2"));
    assert!(has(&found, "target.cost_zero", "1.4.3"));
    assert!(has(&found, "target.cost_as_rate", "1.4.4"));
    assert!(has(&found, "target.cost_is_budget", "1.4.5"));
    for code in [
        "target.cost_not_ceiling",
        "target.cost_zero",
        "target.cost_as_rate",
        "target.cost_is_budget",
    ] {
        assert!(!has(&found, code, "1.4.6"), "{code}: {found:#?}");
    }
    // 88号 layout, operators in the values: the one bare figure among written ones is a slip …
    let written = "项目支出绩效目标申报表\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥300人次\n\
        \t\t新建道路\t2公里\n\
        \t质量指标\t验收合格率\t100%\n\
        \t时效指标\t按期完工率\t≥95%\n\
        效益指标\t社会效益指标\t受益人数\t≥500人\n\
        满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n";
    let found = findings(written);
    assert!(
        has(&found, "target.operator_missing", "1.1.2"),
        "{found:#?}"
    );
    // … 100 % needs none (it cannot be passed).
    assert!(!has(&found, "target.operator_missing", "1.2.1"));
    assert!(!found
        .iter()
        .any(|f| f.starts_with("target.operator_missing indicators ")));
    // … while a form that prints bare figures throughout is told once, as a note.
    let bare = written
        .replace("≥300人次", "300人次")
        .replace("≥95%", "95%")
        .replace("≥500人", "500人");
    let found = findings(&bare);
    assert!(
        !has(&found, "target.operator_missing", "1.1.2"),
        "{found:#?}"
    );
    let habit: Vec<&String> = found
        .iter()
        .filter(|f| f.starts_with("target.operator_missing indicators "))
        .collect();
    assert_eq!(habit.len(), 1, "{found:#?}");
    assert!(habit[0].contains("6 个定量指标值中 5 个"), "{habit:?}");
}

/// The desk prints a 申报表's own 绩效目标审核意见书 (the grade ticked, what follows, the reasons) and
/// sorts a batch by the 审核意见, 优 first.
#[test]
fn the_desk_prints_each_target_tables_review_opinion_and_sorts_by_its_grade() {
    use jixiao::core::review::{Desk, ReviewRow, Sort, SortKey};
    let open = |name: &str| {
        let text =
            std::fs::read_to_string(format!("tests/fixtures/real/targets/{name}.tsv")).unwrap();
        jixiao::core::import::parse_tsv(&text)
            .unwrap()
            .into_evaluation()
    };
    let mut desk = Desk::default();
    // 差 (no 效益指标) first in the batch, then 良.
    for name in [
        "xiangmu-mubiao-hubei-huangshi-shiweidangxiao-2022",
        "xiangmu-mubiao-hunan-yueyangxian-nongyenongcunju-2022",
    ] {
        let e = open(name);
        desk.add(ReviewRow::opened(name, name.as_bytes(), &e));
    }
    let grades: Vec<String> = desk
        .rows
        .iter()
        .map(|r| r.summary().unwrap().grade.clone())
        .collect();
    assert_eq!(grades, ["审核·差", "审核·良"]);
    let best_first = desk.view(
        Sort {
            key: SortKey::Grade,
            descending: false,
        },
        &Default::default(),
    );
    assert_eq!(best_first, [1, 0]);
    let sheet = jixiao::report::review::verdict_sheet(&desk, 1);
    assert!(sheet.contains("<h1>绩效目标审核意见书</h1>"), "{sheet}");
    assert!(sheet.contains("☐ 优　　☑ 良　　☐ 中　　☐ 差"), "{sheet}");
    assert!(sheet.contains("与单位协商完善绩效目标后，进入下一步预算安排流程"));
    assert!(sheet.contains("比率写成≥100%"), "the reasons: {sheet}");
    assert!(sheet.contains("财政部门（盖章）"));
    let poor = jixiao::report::review::verdict_sheet(&desk, 0);
    assert!(
        poor.contains("☑ 差") && poor.contains("不得进入下一步预算安排流程"),
        "{poor}"
    );
    // A self-evaluation keeps its 复核意见 sheet.
    let nanjing = jixiao::core::template::load("nanjing-2024").unwrap();
    desk.add(ReviewRow::opened("南京.json", b"{}", &nanjing));
    assert!(jixiao::report::review::verdict_sheet(&desk, 2).contains("绩效自评复核意见表"));
}

/// Check 9: 年度 against 中期 where the form prints both columns (either order, or under a merged 指标值
/// header): a cumulative 年度 value above its 中期 one, units scaled; levels (%, shares, ceilings) are not
/// cumulative; a 年度 row the 中期 set lacks.
#[test]
fn the_annual_targets_are_a_part_of_the_mid_term_ones() {
    let rows = [
        // (name, 中期, 年度)
        ("新建道路", "≥30公里", "≥12公里"),
        ("培训人次", "≥900人次", "≥1000人次"),
        ("项目投资", "0.1亿元", "≤1200万元"),
        ("设备投入", "0.1亿元", "1200万元"),
        ("验收合格率", "≥95%", "≥98%"),
        ("人均成本", "≤800元", "≤900元"),
        ("新增岗位", "", "≥20个"),
    ];
    let layouts = [
        (
            "一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\n",
            true,
        ),
        (
            "一级指标\t二级指标\t三级指标\t年度指标值\t中期指标值\n",
            false,
        ),
        (
            "一级指标\t二级指标\t三级指标\t指标值\t\n\t\t\t中期指标值\t年度指标值\n",
            true,
        ),
    ];
    for (header, mid_first) in layouts {
        let mut table = format!("项目支出绩效目标申报表\n{header}");
        for (i, (name, mid, annual)) in rows.iter().enumerate() {
            let (a, b) = if mid_first {
                (mid, annual)
            } else {
                (annual, mid)
            };
            let level1 = if i == 0 { "产出指标" } else { "" };
            let level2 = if i == 0 { "数量指标" } else { "" };
            table.push_str(&format!("{level1}\t{level2}\t{name}\t{a}\t{b}\n"));
        }
        table.push_str("效益指标\t社会效益指标\t能力提升\t明显提升\t明显提升\n");
        let found = codes_of(&table);
        let at = |code: &str, id: &str| found.contains(&format!("{code} indicators/{id}/target"));
        assert!(
            at("target.mid_term_exceeded", "1.1.2"),
            "{header}{found:#?}"
        );
        assert!(
            at("target.mid_term_exceeded", "1.1.4"),
            "1200 万 > 0.1 亿: {found:#?}"
        );
        for id in ["1.1.1", "1.1.3", "1.1.5", "1.1.6"] {
            assert!(!at("target.mid_term_exceeded", id), "{id}: {found:#?}");
        }
        assert!(at("target.mid_term_missing", "1.1.7"), "{found:#?}");
        assert_eq!(
            found
                .iter()
                .filter(|f| f.starts_with("target.mid_term"))
                .count(),
            3,
            "{found:#?}"
        );
    }
    // The form prints the 中期 column beside the 年度 one, every row spanning the same width.
    let mut table = "项目支出绩效目标申报表\n项目名称\t干部培训\t\t\t\n一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\n".to_string();
    for (i, (name, mid, annual)) in rows.iter().enumerate() {
        let level = if i == 0 {
            "产出指标\t数量指标"
        } else {
            "\t"
        };
        table.push_str(&format!("{level}\t{name}\t{mid}\t{annual}\n"));
    }
    let e = jixiao::core::import::parse_tsv(&table)
        .unwrap()
        .into_evaluation();
    let report = jixiao::report::build(&e);
    let form = common::first_form(&report);
    assert_eq!(form.widths.len(), 8);
    common::assert_covered(form);
    let text = jixiao::report::text::render(&report);
    assert!(
        text.contains("中期指标值") && text.contains("≥900人次") && text.contains("≥1000人次"),
        "{text}"
    );
    assert!(jixiao::export::docx::report_docx(&report).is_ok());
    // Without a 中期 column, nothing is said.
    let found = codes_of(
        "项目支出绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\n\
         产出指标\t数量指标\t培训人次\t≥1000人次\n效益指标\t社会效益指标\t能力提升\t明显提升\n",
    );
    assert!(!found.iter().any(|f| f.starts_with("target.mid_term")));
}

/// The 部门整体 申报表 (88号 附2): 部门职责 and 年度主要任务 read above the indicators, each task's 总额
/// against its parts, the 金额合计 against the tasks, the tasks against the 年度资金总额; printed back
/// in the form's layout.
#[test]
fn a_department_target_table_reads_and_checks_its_annual_tasks() {
    let table = "部门整体支出绩效目标申报表\n（2025年度）\n\
        部门（单位）名称\t某区文化馆\t\t\t\t\n\
        部门职责\t负责全区群众文化活动的组织、辅导和非遗保护\t\t\t\t\n\
        年度主要任务\t任务名称\t主要内容\t预算金额（万元）\t\t\n\
        \t\t\t总额\t财政拨款\t其他资金\n\
        \t群众文化活动\t全年组织大型文化活动12场\t80\t70\t10\n\
        \t非遗保护\t非遗项目普查与传承人扶持\t45\t40\t4\n\
        \t馆舍运行\t\t30\t30\t\n\
        \t金额合计\t\t150\t140\t14\n\
        年度总体目标\t办好群众文化活动，保护传承非遗\t\t\t\t\n\
        年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\n\
        \t产出指标\t数量指标\t文化活动场次\t≥12场\t\n\
        \t效益指标\t社会效益指标\t群众参与人次\t≥5万人次\t\n\
        \t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t\n";
    let e = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.stage, Stage::Target);
    assert_eq!(e.kind, jixiao::core::model::EvaluationKind::Department);
    assert_eq!(e.unit.duties, "负责全区群众文化活动的组织、辅导和非遗保护");
    let names: Vec<&str> = e.tasks.tasks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["群众文化活动", "非遗保护", "馆舍运行"]);
    let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(e.tasks.tasks[1].amounts.other, Some(d("4")));
    assert_eq!(
        e.tasks.stated_total.as_ref().and_then(|t| t.total),
        Some(d("150"))
    );
    // The indicators are read as before, not the tasks.
    assert_eq!(jixiao::core::model::leaves(&e.indicators).len(), 3);
    let a = jixiao::core::assess(&e);
    let found: Vec<String> = a
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.message))
        .collect();
    let has = |code: &str, words: &str| {
        found
            .iter()
            .any(|f| f.starts_with(code) && f.contains(words))
    };
    assert!(
        has(
            "target.task_sum",
            "“非遗保护”的预算金额总额 45 万元，与财政拨款 40 + 其他资金 4 = 44"
        ),
        "{found:#?}"
    );
    assert!(!has("target.task_sum", "群众文化活动"));
    assert!(
        has("target.task_blank", "“馆舍运行”未填写主要内容"),
        "{found:#?}"
    );
    assert!(
        has("target.tasks_total", "（总额）150 万元，与各任务之和 155"),
        "{found:#?}"
    );
    assert!(
        !has("target.tasks_total", "财政拨款"),
        "140 = 70 + 40 + 30: {found:#?}"
    );
    assert!(!found.iter().any(|f| f.starts_with("target.tasks_missing")));
    // Within a 年度资金总额 of 160 the tasks fit; of 150 they do not.
    let over = |budget: &str| {
        let mut e = e.clone();
        e.project = Some(jixiao::core::model::ProjectBudget {
            stated_total: Some(jixiao::core::model::FundLine {
                initial: Some(d(budget)),
                ..Default::default()
            }),
            ..Default::default()
        });
        jixiao::core::assess(&e)
            .findings
            .iter()
            .any(|f| f.code.as_str() == "target.tasks_over_budget")
    };
    assert!(!over("160"));
    assert!(over("150"));
    // Printed back: 部门职责, the tasks with their amounts and the 金额合计, every row covered.
    let report = jixiao::report::build(&e);
    let form = common::first_form(&report);
    common::assert_covered(form);
    let text = jixiao::report::text::render(&report);
    for words in [
        "部门职责",
        "年度主要任务",
        "非遗项目普查与传承人扶持",
        "金额合计",
        "其他资金",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(jixiao::export::docx::report_docx(&report).is_ok());
    // Read back from its own file, the same tasks.
    let back = jixiao::core::from_json(&jixiao::core::to_json(&e)).unwrap();
    assert_eq!(back.tasks, e.tasks);
    // A 部门 申报表 without the block is told so, once, as a note.
    let (out, _) = check(&[
        "check",
        "tests/fixtures/real/targets/bumen-mubiao-hunan-yueyanglou-jiagerenzheng-2023.tsv",
    ]);
    assert!(out.contains("target.tasks_missing"), "{out}");
}

/// What three unseen published tables (东莞展览馆, 东莞交通运输局, 嘉峪关城市博物馆) showed, tested on other
/// layouts: 效果指标 as the 效益 一级 and a 二级 with its gloss in brackets; a 指标目标值 column and a title
/// with its year in brackets; two blocks side by side said, not silently dropped; a 时效 target below
/// 100 %; a 部门 form cut before its indicators still read for its tasks, with a 合计 row whose 总额 is
/// not its parts and 总额 cells left blank.
#[test]
fn the_unseen_tables_mechanisms_hold_on_other_layouts() {
    let found = messages_of;
    let has = |found: &[String], code: &str| found.iter().any(|f| f.starts_with(code));
    // 效果 for 效益, brackets as glosses: no missing 效益, no unknown 二级.
    let glossed = found(
        "项目支出绩效目标表（2024年度）\n\
         一级指标\t二级指标\t三级指标\t指标目标值\n\
         产出指标\t数量指标（或建设规模）\t新建道路\t≥10公里\n\
         \t预算控制指标（投资规模）\t单位造价\t≤120万元/公里\n\
         \t时效指标（工期）\t按时完成率\t≥98%\n\
         \t\t验收及时率\t≤100%\n\
         效果指标\t社会效益指标（通行）\t通行时间缩短\t≥20分钟\n\
         满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n",
    );
    assert!(!has(&glossed, "target.level1_missing"), "{glossed:#?}");
    assert!(!has(&glossed, "target.level2_unknown"), "{glossed:#?}");
    // The 指标目标值 column read (values checked, not rows dropped), the title's bracketed year ignored.
    assert!(!has(&glossed, "import.placeholder"), "{glossed:#?}");
    let e = jixiao::core::import::parse_tsv(
        "项目支出绩效目标表（2024年度）\n一级指标\t二级指标\t三级指标\t指标目标值\n产出指标\t数量指标\t新建道路\t≥10公里\n",
    )
    .unwrap()
    .into_evaluation();
    assert_eq!(e.kind, jixiao::core::model::EvaluationKind::Project);
    // 按时完成率 ≥98 % under 时效 is planned lateness; ≤100 % is no floor.
    let timely: Vec<&String> = glossed
        .iter()
        .filter(|f| f.starts_with("target.timeliness_below_full"))
        .collect();
    assert_eq!(timely.len(), 1, "{glossed:#?}");
    assert!(timely[0].contains("按时完成率"));
    // Two blocks side by side: the first read, the second said.
    let twin = found(
        "绩效目标批复表\n\
         一级指标\t二级指标\t三级指标\t中期指标\t二级指标\t三级指标\t年度指标\n\
         产出指标\t数量指标\t培训人次\t≥900人次\t数量指标\t培训人次\t≥300人次\n\
         效益指标\t社会效益指标\t能力提升\t明显提升\t社会效益指标\t能力提升\t明显提升\n",
    );
    assert!(twin.iter().any(|f| f.contains("并列两组指标")), "{twin:#?}");
    // A 部门 form with its tasks only (cut before the indicators): read, its 合计 checked.
    let cut = "部门整体支出绩效目标申报表（2025年度）\n\
        部门名称\t某区图书馆\t\t\t\t\n\
        年度主要任务\t任务名称\t主要内容\t总额\t财政拨款\t其他资金\n\
        \t借阅服务\t全年开放300天\t\t60\t\n\
        \t数字阅读\t上线电子书5万册\t\t20\t5\n\
        \t合计\t\t70\t80\t5\n";
    let e = jixiao::core::import::parse_tsv(cut)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.tasks.tasks.len(), 2);
    assert_eq!(e.stage, Stage::Target);
    let tasks = found(cut);
    assert!(
        tasks.iter().any(|f| f.starts_with("target.task_sum")
            && f.contains("金额合计的预算金额总额 70 万元，与财政拨款 80 + 其他资金 5 = 85")),
        "{tasks:#?}"
    );
    assert!(
        tasks
            .iter()
            .any(|f| f.starts_with("target.task_blank") && f.contains("2 项年度主要任务")),
        "{tasks:#?}"
    );
}
