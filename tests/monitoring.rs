//! The monitoring stage (运行监控) on a constructed 1—7 月 report: the lights with their formulas, the
//! findings a 监控表 is sent back for, and the reviewer's CLI. (Real 监控表 are still to be collected.)

use jixiao::core::lights::Light;
use jixiao::core::model::{CauseKind, IndicatorMonitoring, Likelihood, MonitoringPeriod, Stage};
use rust_decimal::Decimal;
use std::path::Path;

mod common;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A 申报表 carried into monitoring: 1—7 月, budget 100 万 with 30 spent (30 % of a 58.33 % year).
fn report() -> jixiao::core::Evaluation {
    let table = "项目支出绩效目标申报表\n\
        项目名称\t干部培训\t\t\n\
        资金情况（万元）\t年度资金总额：\t100\t\n\
        \t其中：财政拨款\t100\t\n\
        一级指标\t二级指标\t三级指标\t指标值\n\
        产出指标\t数量指标\t培训人次\t≥1200人次\n\
        \t质量指标\t培训合格率\t≥95%\n\
        \t时效指标\t按期开班\t按期完成\n\
        \t成本指标\t人均培训成本\t≤800元\n\
        效益指标\t社会效益指标\t课程开发\t≥10门\n";
    let mut e = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    e.stage = Stage::Monitoring;
    e.monitoring = Some(MonitoringPeriod { month: 7 });
    let project = e.project.as_mut().unwrap();
    project.stated_total.as_mut().unwrap().executed = Some(d("30"));
    project.stated_total.as_mut().unwrap().forecast = Some(d("110"));
    let set = |e: &mut jixiao::core::Evaluation, id: &str, m: IndicatorMonitoring| {
        e.indicator_mut(id).unwrap().monitoring = Some(m);
    };
    // 700 of 1200 × 7/12 = 700: green. Likely, with cause and measure.
    set(
        &mut e,
        "1.1.1",
        IndicatorMonitoring {
            to_date: Some(d("700")),
            forecast: Some(d("1200")),
            likelihood: Some(Likelihood::Certain),
            ..Default::default()
        },
    );
    // 40 % of 95 × 7/12: red, 确定能, nothing explained.
    set(
        &mut e,
        "1.2.1",
        IndicatorMonitoring {
            to_date: Some(d("22.1666")),
            forecast: Some(d("90")),
            likelihood: Some(Likelihood::Certain),
            ..Default::default()
        },
    );
    // 定性, 部分达成: yellow, 有可能, a cause ticked but no measure.
    set(
        &mut e,
        "1.3.1",
        IndicatorMonitoring {
            to_date_text: "部分达成".into(),
            likelihood: Some(Likelihood::Possible),
            causes: vec![CauseKind::Staff],
            ..Default::default()
        },
    );
    // A ceiling passed already.
    set(
        &mut e,
        "1.4.1",
        IndicatorMonitoring {
            to_date: Some(d("850")),
            ..Default::default()
        },
    );
    // 10 of 10 by July, one-off: green; explained anyway.
    set(
        &mut e,
        "2.1.1",
        IndicatorMonitoring {
            to_date: Some(d("10")),
            year_end_only: true,
            likelihood: Some(Likelihood::Certain),
            ..Default::default()
        },
    );
    e
}

#[test]
fn the_lights_say_their_formulas_and_the_project_shows_its_worst() {
    let a = jixiao::core::assess(&report());
    let lights = a.lights.as_ref().expect("lights in the monitoring stage");
    assert_eq!(lights.period, "1—7月");
    let budget = lights.budget.as_ref().unwrap();
    // 30 % ÷ 58.33 % = 51.43 %: red.
    assert_eq!(budget.light, Light::Red, "{}", budget.formula);
    assert!(
        budget.formula.contains("= 30%") && budget.formula.contains("= 51.43% → 红灯"),
        "{}",
        budget.formula
    );
    let of = |id: &str| lights.indicators.iter().find(|l| l.id == id).unwrap();
    assert_eq!(of("1.1.1").light, Light::Green, "{}", of("1.1.1").formula);
    assert_eq!(of("1.2.1").light, Light::Red, "{}", of("1.2.1").formula);
    assert_eq!(of("1.3.1").light, Light::Yellow);
    assert_eq!(of("1.4.1").light, Light::Red);
    assert_eq!(of("2.1.1").light, Light::Green, "{}", of("2.1.1").formula);
    assert!(of("2.1.1").formula.contains("年末一次性完成"));
    assert_eq!(lights.project, Some(Light::Red));
    assert_eq!(a.grade_text(), "监控·红灯");
    assert!(a.target_review.is_none());
}

#[test]
fn a_monitoring_table_is_sent_back_for_what_it_leaves_out() {
    let a = jixiao::core::assess(&report());
    let found: Vec<String> = a
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    for expected in [
        // Red without a cause or measure, and 确定能 beside it.
        "monitor.light_unexplained indicators/1.2.1/monitoring",
        "monitor.likelihood_mismatch indicators/1.2.1/monitoring",
        // 有可能 with a cause but no measure.
        "monitor.cause_missing indicators/1.3.1/monitoring",
        // 850 > 800 on a ceiling.
        "monitor.past_ceiling indicators/1.4.1/monitoring",
        // 90 < 95 with 确定能.
        "monitor.forecast_below_target indicators/1.2.1/monitoring",
        // 110 > 100.
        "monitor.forecast_over_budget project/stated_total/forecast",
        // Red money, green 培训人次: results without spending.
        "monitor.double_deviation indicators",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} missing in {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|f| f.contains("1.1.1") || f.contains("2.1.1")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.starts_with("score.") || f.starts_with("tree.")),
        "{found:?}"
    );
    let measure = a
        .findings
        .iter()
        .find(|f| f.code.as_str() == "monitor.cause_missing")
        .unwrap();
    assert!(
        measure.message.contains("未写明纠偏措施"),
        "{}",
        measure.message
    );
    // Explained, the errors go; the mismatch stays until the likelihood is changed.
    let mut e = report();
    for id in ["1.2.1", "1.3.1", "1.4.1"] {
        let m = e.indicator_mut(id).unwrap().monitoring.as_mut().unwrap();
        m.cause = "教材延期".into();
        m.causes = vec![CauseKind::Other];
        m.measure = "8月补开两期".into();
    }
    let codes: Vec<String> = jixiao::core::assess(&e)
        .findings
        .iter()
        .map(|f| f.code.to_string())
        .collect();
    assert!(
        !codes
            .iter()
            .any(|c| c == "monitor.light_unexplained" || c == "monitor.cause_missing"),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|c| c == "monitor.likelihood_mismatch"),
        "{codes:?}"
    );
}

#[test]
fn the_cli_prints_the_lights_and_the_desk_the_projects_light() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("monitoring");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("1-7.json");
    std::fs::write(&file, jixiao::core::to_json(&report())).unwrap();
    let path = file.to_string_lossy().to_string();
    let (out, code) = common::jixiao(&["check", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("· 运行监控）"), "{out}");
    assert!(out.contains("运行监控（1—7月）：项目红灯"), "{out}");
    assert!(
        out.contains("红灯 预算执行：执行率 = 1—7月执行数 30 ÷ 预算数 100 = 30%"),
        "{out}"
    );
    // The form: its title with the period, the ticks where a cause is given, the 监控情况 from the data.
    let (form, _) = common::jixiao(&["export", &path, "--to", "txt"]);
    assert!(form.contains("项目支出绩效运行监控表（1—7月）"), "{form}");
    assert!(form.contains("☑人员保障"), "{form}");
    assert!(
        form.contains("“培训合格率”红灯") && form.contains("未说明偏差原因；未提出纠偏措施"),
        "{form}"
    );
    // --json carries the stage and the lights with their formulas.
    let (json, _) = common::jixiao(&["check", "--json", &path]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["stage"], "monitoring", "{json}");
    assert_eq!(value[0]["lights"]["project"], "red", "{json}");
    assert!(value[0]["lights"]["budget"]["formula"]
        .as_str()
        .is_some_and(|f| f.contains("51.43%")));
    // Read back, the file keeps its stage, period and figures.
    let back = jixiao::core::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(back, report());
}

#[test]
fn a_target_table_goes_through_monitoring_to_the_self_evaluation() {
    // 申报 → 监控 (1—7 月, every 三级 with its monitoring figures) → 自评 (a 三级 without a 实际完成值
    // starts from its 全年预计完成值, said until it is typed over).
    let target = jixiao::core::import::parse_tsv(
        "绩效目标申报表\n一级指标\t二级指标\t三级指标\t指标值\n\
         产出指标\t数量指标\t培训人次\t≥1200人次\n\
         效益指标\t社会效益指标\t能力提升\t明显提升\n",
    )
    .unwrap()
    .into_evaluation();
    let mut watched = jixiao::core::stage::next_stage(&target, "2025-01-20").unwrap();
    assert_eq!(watched.stage, Stage::Monitoring);
    assert_eq!(watched.monitoring, Some(MonitoringPeriod { month: 7 }));
    assert!(watched.indicator("1.1.1").unwrap().monitoring.is_some());
    assert_eq!(
        watched.indicator("1.1.1").unwrap().target,
        target.indicator("1.1.1").unwrap().target,
        "the 指标值 unchanged"
    );
    let m = watched
        .indicator_mut("1.1.1")
        .unwrap()
        .monitoring
        .as_mut()
        .unwrap();
    m.to_date = Some(d("700"));
    m.forecast = Some(d("1150"));
    m.likelihood = Some(Likelihood::Possible);
    m.cause = "场地改造".into();
    m.measure = "四季度加开两期".into();
    let year = jixiao::core::stage::next_stage(&watched, "2025-08-10").unwrap();
    assert_eq!(year.stage, Stage::SelfEvaluation);
    let leaf = year.indicator("1.1.1").unwrap();
    assert_eq!(leaf.actual, Some(d("1150")));
    assert_eq!(leaf.monitoring.as_ref().unwrap().measure, "四季度加开两期");
    let carried = |e: &jixiao::core::Evaluation| {
        jixiao::core::assess(e)
            .findings
            .iter()
            .filter(|f| f.code.as_str() == "monitor.carried_forecast")
            .count()
    };
    assert_eq!(carried(&year), 1);
    // Typing the year-end figure ends it.
    let mut typed = year.clone();
    let leaf = typed.indicator_mut("1.1.1").unwrap();
    (jixiao::core::field::ACTUAL.set)(leaf, Some(d("1180")));
    assert_eq!(carried(&typed), 0);
}

#[test]
fn a_published_monitoring_table_opens_in_the_monitoring_stage_with_its_lights() {
    // 黄石市文物局 2019, 1—6 月 (tests/fixtures/real/monitoring/README.md): the period from the budget
    // block's "1-6月执行数", no 二级 column, the indicators' likelihood in words.
    let name = "jiankong-hubei-huangshi-wenwuju-2019";
    let text =
        std::fs::read_to_string(format!("tests/fixtures/real/monitoring/{name}.tsv")).unwrap();
    let e = jixiao::core::import::parse_tsv(&text)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.stage, Stage::Monitoring);
    assert_eq!(e.monitoring, Some(MonitoringPeriod { month: 6 }));
    let a = jixiao::core::assess(&e);
    let budget = a.lights.as_ref().unwrap().budget.as_ref().unwrap();
    // 87.57 of 220 = 39.8 % against half a year: 79.61 % → yellow.
    assert_eq!(budget.light, Light::Yellow, "{}", budget.formula);
    let cost = e
        .indicators
        .iter()
        .flat_map(|n| n.children.iter())
        .find(|n| n.name == "成本")
        .unwrap();
    let m = cost.monitoring.as_ref().unwrap();
    assert_eq!(m.likelihood, Some(Likelihood::Certain));
    assert_eq!(m.to_date_text, "按进度执行,已使用约40%");
    let (out, _) = common::jixiao(&[
        "check",
        &format!("tests/fixtures/real/monitoring/{name}.tsv"),
    ]);
    assert!(
        !out.contains("score.") && !out.contains("import.unscored"),
        "{out}"
    );
    common::golden(&format!("monitoring/{name}.check.txt"), &out);
}

#[test]
fn the_national_layout_reads_its_figures_ticks_causes_and_measures() {
    // Constructed in the 1—7 月 layout (年度指标值 | 1-7月实际完成值 | 全年预计完成值 | 完成目标可能性 | the
    // cause categories as tick columns | 偏差原因 | 纠偏措施).
    let table = "项目支出绩效目标执行监控表（1-7月）\n\
        一级指标\t二级指标\t三级指标\t年度指标值\t1-7月实际完成值\t全年预计完成值\t完成目标可能性\t经费保障\t制度保障\t人员保障\t硬件条件保障\t偏差原因\t纠偏措施\n\
        产出指标\t数量指标\t培训人次\t≥1200人次\t400\t1100\t有可能\t\t\t√\t\t师资不足\t外聘讲师\n\
        \t质量指标\t合格率\t≥95%\t96\t96\t确定能\t\t\t\t\t\t\n\
        效益指标\t社会效益指标\t能力提升\t明显提升\t部分达成\t\t有可能\t\t\t\t\t\t\n";
    let e = jixiao::core::import::parse_tsv(table)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.stage, Stage::Monitoring);
    assert_eq!(e.monitoring, Some(MonitoringPeriod { month: 7 }));
    let m = e.indicator("1.1.1").unwrap().monitoring.clone().unwrap();
    assert_eq!(m.to_date, Some(d("400")));
    assert_eq!(m.forecast, Some(d("1100")));
    assert_eq!(m.likelihood, Some(Likelihood::Possible));
    assert_eq!(m.causes, [CauseKind::Staff]);
    assert_eq!(
        (m.cause.as_str(), m.measure.as_str()),
        ("师资不足", "外聘讲师")
    );
    let a = jixiao::core::assess(&e);
    let lights = a.lights.as_ref().unwrap();
    let light = |id: &str| lights.indicators.iter().find(|l| l.id == id).unwrap().light;
    // 400 ÷ 700 = 57.14 % red; 96 ÷ 55.42 = 173 % blue; 部分达成 yellow.
    assert_eq!(
        (light("1.1.1"), light("1.2.1"), light("2.1.1")),
        (Light::Red, Light::Blue, Light::Yellow)
    );
    let found: Vec<String> = a
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    // The red row is explained; the yellow 有可能 row is not.
    assert_eq!(
        found,
        ["monitor.cause_missing indicators/2.1.1/monitoring"],
        "{found:?}"
    );
}

#[test]
fn the_self_evaluation_answers_what_monitoring_promised() {
    // Monitoring 1—7 月, then the year's results: 合格率 judged 确定能 ends below target; 培训人次's measure
    // is not mentioned in the year-end reason; 课程开发 blue at July and met at year end.
    let mut watched = report();
    {
        let m = watched
            .indicator_mut("1.2.1")
            .unwrap()
            .monitoring
            .as_mut()
            .unwrap();
        m.cause = "教材延期".into();
        m.measure = "八月补开两期培训班".into();
    }
    let watched = {
        let mut w = watched;
        // Explain the other reds so the stage can move on cleanly (findings there are not the point).
        for id in ["1.3.1", "1.4.1"] {
            let m = w.indicator_mut(id).unwrap().monitoring.as_mut().unwrap();
            m.cause = "x".into();
            m.measure = "y".into();
        }
        // 10 of 10 by July, judged pro rata: blue.
        w.indicator_mut("2.1.1")
            .unwrap()
            .monitoring
            .as_mut()
            .unwrap()
            .year_end_only = false;
        w
    };
    let mut year = jixiao::core::stage::next_stage(&watched, "2025-08-10").unwrap();
    let set = |year: &mut jixiao::core::Evaluation, id: &str, actual: &str, reason: &str| {
        let leaf = year.indicator_mut(id).unwrap();
        (jixiao::core::field::ACTUAL.set)(leaf, Some(d(actual)));
        leaf.reason = reason.into();
    };
    set(&mut year, "1.2.1", "90", "年末合格率未达标");
    set(&mut year, "2.1.1", "12", "");
    let found: Vec<String> = jixiao::core::assess(&year)
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.path))
        .collect();
    for expected in [
        "monitor.certain_missed indicators/1.2.1/reason",
        "monitor.measure_unanswered indicators/1.2.1/reason",
        "monitor.target_low indicators/2.1.1/target",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} missing in {found:?}"
        );
    }
    // Said in the reason, the measure is answered.
    set(&mut year, "1.2.1", "90", "八月已补开两期，但合格率仍未达标");
    let found: Vec<String> = jixiao::core::assess(&year)
        .findings
        .iter()
        .map(|f| f.code.to_string())
        .collect();
    assert_eq!(
        found
            .iter()
            .filter(|c| *c == "monitor.measure_unanswered")
            .count(),
        // 1.3.1 and 1.4.1 promised "y", never answered.
        2,
        "{found:?}"
    );
    // The self-evaluation form recalls the monitoring: its lights and the measures it promised.
    let report = jixiao::report::text::render(&jixiao::report::build(&year));
    assert!(
        report.contains(
            "运行监控情况：1—7月监控时，预算执行为红灯，三级指标红灯 2 个、黄灯 1 个、绿灯 1 个、蓝灯 1 个。"
        ) && report.contains("“培训合格率”：八月补开两期培训班"),
        "{report}"
    );
    // The July 执行数 is not the year's: kept for the light, the year's left to type.
    let total = year.project.as_ref().unwrap().stated_total.clone().unwrap();
    assert_eq!((total.executed, total.monitored), (None, Some(d("30"))));
    // The year ends at 70 %: the low execution names the red light monitoring gave; at 96 % it is fine.
    let monitored = |executed: &str| {
        let mut y = year.clone();
        let line = y.project.as_mut().unwrap().stated_total.as_mut().unwrap();
        line.adjusted = Some(d("100"));
        line.executed = Some(d(executed));
        jixiao::core::assess(&y)
            .findings
            .iter()
            .filter(|f| f.message.contains("运行监控（1—7月）时预算执行已亮红灯"))
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    let low = monitored("70");
    assert_eq!(low.len(), 1, "{low:?}");
    assert!(
        low[0].contains("预算执行率") && low[0].contains("70%") && low[0].contains("51.43%"),
        "{low:?}"
    );
    assert!(monitored("96").is_empty());
}

/// The desk with a batch of 监控表: each unit's light as a flag and a sortable grade, no total that reads
/// as a score, and the red and yellow rows with the unit's causes and measures in the list, the 复核意见
/// sheet and the summary workbook.
#[test]
fn the_desk_lists_each_monitoring_tables_red_and_yellow_rows_with_their_reasons() {
    use calamine::{open_workbook_auto_from_rs, Reader};
    use jixiao::core::review::{Desk, Flag, FlagLevel, ReviewRow, Sort, SortKey};
    let red = report();
    // The same project on track: every row green, the budget on time.
    let mut green = report();
    green
        .project
        .as_mut()
        .unwrap()
        .stated_total
        .as_mut()
        .unwrap()
        .executed = Some(d("60"));
    for id in ["1.2.1", "1.3.1", "1.4.1"] {
        green.indicator_mut(id).unwrap().monitoring = None;
    }
    let mut desk = Desk::default();
    desk.add(ReviewRow::opened("红.json", b"red", &red));
    desk.add(ReviewRow::opened("绿.json", b"green", &green));
    let red_row = &desk.rows[0];
    assert!(
        red_row.flags.contains(&Flag::RedLight),
        "{:?}",
        red_row.flags
    );
    assert_eq!(red_row.flag_level(), FlagLevel::Red);
    assert!(!desk.rows[1].flags.contains(&Flag::RedLight));
    assert!(!desk.rows[1].flags.contains(&Flag::YellowLight));
    let s = red_row.summary().unwrap();
    assert_eq!(s.light, Some(Light::Red));
    assert_eq!(s.total_text(), "—");
    // Red first (the budget, 合格率, 人均成本), then the yellow 按期开班, each with what the unit said.
    let names: Vec<(&str, Light)> = s
        .alerts
        .iter()
        .map(|a| (a.name.as_str(), a.light))
        .collect();
    assert_eq!(
        names,
        [
            ("预算执行", Light::Red),
            ("培训合格率", Light::Red),
            ("人均培训成本", Light::Red),
            ("按期开班", Light::Yellow)
        ]
    );
    assert_eq!(
        s.alerts[3].reasons(),
        "完成目标可能性：有可能；偏差原因：人员保障；未提出纠偏措施"
    );
    assert!(s.alerts[0].formula.contains("51.43%"));
    // Sorted by the grade column: green before red, and back.
    let by_grade = |descending| {
        desk.view(
            Sort {
                key: SortKey::Grade,
                descending,
            },
            &Default::default(),
        )
    };
    assert_eq!(by_grade(false), [1, 0]);
    assert_eq!(by_grade(true), [0, 1]);
    // The 复核意见 sheet lists them; the league table prints no total of 0.
    let sheet = jixiao::report::review::verdict_sheet(&desk, 0);
    assert!(
        sheet.contains("预警（红灯）") && sheet.contains("【黄灯】按期开班"),
        "{sheet}"
    );
    let summary = jixiao::report::review::summary_document(&desk, &[0, 1], "2026年8月10日");
    assert!(
        summary.contains("监控·红灯") && summary.contains("监控红灯"),
        "{summary}"
    );
    // The summary workbook gains a 监控预警 sheet, one row per light.
    let bytes = jixiao::export::review::summary_workbook(&desk).unwrap();
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert!(book.sheet_names().contains(&"监控预警".to_string()));
    let alerts = book.worksheet_range("监控预警").unwrap();
    assert_eq!(alerts.height(), 5);
    let row4: Vec<String> = (0..9)
        .map(|c| {
            alerts
                .get((4, c))
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(row4[3], "黄灯");
    assert_eq!(row4[4], "按期开班");
    assert_eq!(row4[6], "有可能");
    assert_eq!(row4[7], "人员保障");
    let summary_sheet = book.worksheet_range("汇总").unwrap();
    assert_eq!(
        summary_sheet
            .get((1, 6))
            .map(|v| v.to_string())
            .unwrap_or_default(),
        "",
        "no computed total for a 监控表"
    );
    // A self-evaluation batch has no such sheet.
    let mut plain = Desk::default();
    let nanjing = jixiao::core::template::load("nanjing-2024").unwrap();
    plain.add(ReviewRow::opened("南京.json", b"{}", &nanjing));
    let bytes = jixiao::export::review::summary_workbook(&plain).unwrap();
    let book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert!(!book.sheet_names().contains(&"监控预警".to_string()));
}

/// In the self-evaluation of a monitored year, each row recalls what the monitoring said of it.
#[test]
fn a_row_recalls_its_monitoring_in_the_self_evaluation() {
    let e = report();
    let period = e.monitoring.unwrap();
    let line = |id: &str| {
        jixiao::core::lights::monitored_line(e.indicator(id).unwrap(), period, &e.settings.lights)
    };
    assert_eq!(
        line("1.1.1").as_deref(),
        Some("1—7月监控：完成 700，全年预计 1200，确定能，绿灯")
    );
    assert_eq!(
        line("1.3.1").as_deref(),
        Some("1—7月监控：完成情况“部分达成”，有可能，黄灯；偏差原因：人员保障")
    );
    // A row never monitored says nothing.
    let mut bare = e.clone();
    bare.indicator_mut("1.1.1").unwrap().monitoring = Some(Default::default());
    let period = bare.monitoring.unwrap();
    assert_eq!(
        jixiao::core::lights::monitored_line(
            bare.indicator("1.1.1").unwrap(),
            period,
            &bare.settings.lights
        ),
        None
    );
}

/// The 监控表's funds carry the 136号 附件 columns (年初预算数, 年度预算调整, 调整后预算, 1—N 月 执行数, 执行率,
/// 全年预计执行数, 预计结余) and its 年度总体目标 the target set and the period's result; every row covered.
#[test]
fn the_monitoring_form_prints_the_funds_columns_and_the_annual_goal() {
    let mut e = report();
    {
        let total = e.project.as_mut().unwrap().stated_total.as_mut().unwrap();
        total.adjusted = Some(d("120"));
    }
    e.goals.annual = "全年培训干部1200人次".into();
    e.goals.annual_actual = "1—7月培训700人次".into();
    let report = jixiao::report::build(&e);
    let form = common::first_form(&report);
    common::assert_covered(form);
    let text = jixiao::report::text::render(&report);
    for words in [
        "年初预算数",
        "年度预算调整",
        "调整后预算",
        "1—7月执行数",
        "全年预计执行数",
        "预计结余",
        "年初设定目标",
        "1—7月实际完成情况",
        "全年培训干部1200人次",
        "1—7月培训700人次",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // 120 − 100 = 20 adjusted; 120 − 110 = 10 left at year end.
    let total_row = text
        .lines()
        .find(|l| l.contains("年度资金总额"))
        .expect("the total row");
    assert!(
        total_row.contains("20") && total_row.contains("10"),
        "{total_row}"
    );
    assert!(jixiao::export::docx::report_docx(&report).is_ok());
}
