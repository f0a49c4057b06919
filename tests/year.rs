//! Year over year: pairing last year's indicators with this year's (in place, moved, renamed by hand,
//! missing), 变动率, next year made from this one, what moves the grade; the CLI's compare and next-year.

mod common;

use common::{d, jixiao};
use jixiao::core::check::Code;
use jixiao::core::compare::{compare, Pairing};
use jixiao::core::margin::margin;
use jixiao::core::next_year::next_year;
use jixiao::core::{assess, template, to_json, Evaluation};

fn nanjing() -> Evaluation {
    template::load("nanjing-2024").unwrap()
}

fn find<'a>(e: &'a mut Evaluation, name: &str) -> &'a mut jixiao::core::Indicator {
    fn go<'a>(
        nodes: &'a mut [jixiao::core::Indicator],
        name: &str,
    ) -> Option<&'a mut jixiao::core::Indicator> {
        for n in nodes {
            if n.name == name {
                return Some(n);
            }
            if let Some(found) = go(&mut n.children, name) {
                return Some(found);
            }
        }
        None
    }
    go(&mut e.indicators, name).unwrap()
}

#[test]
fn indicators_pair_in_place_when_moved_and_by_hand_when_renamed() {
    let last = nanjing();
    let mut this = nanjing();
    this.unit.year = 2025;
    // Renamed: the names cannot pair it.
    find(&mut this, "绩效信息公开").name = "绩效信息公开情况".into();
    // Moved: 专项资金执行率 from 预算执行 to 收支管理 (the only row of that name in each year).
    let moved = {
        let group = find(&mut this, "预算执行");
        let i = group
            .children
            .iter()
            .position(|c| c.name == "专项资金执行率")
            .unwrap();
        group.children.remove(i)
    };
    find(&mut this, "收支管理").children.push(moved);
    // Dropped, and a new one.
    let group = find(&mut this, "政府采购管理");
    group
        .children
        .retain(|c| c.name != "政府采购管理是否按制度执行");
    let mut new_row = group.children[0].clone();
    new_row.id = "new-1".into();
    new_row.name = "政府采购意向公开".into();
    group.children.push(new_row);

    let c = compare(&last, &this, &[]);
    let row = |name: &str| c.rows.iter().find(|r| r.path.as_str().ends_with(name));
    assert_eq!(row("专项资金执行率").unwrap().pairing, Pairing::Name);
    assert!(row("专项资金执行率")
        .unwrap()
        .path
        .as_str()
        .contains("收支管理"));
    assert_eq!(row("部门预算执行率").unwrap().pairing, Pairing::Place);
    assert!(row("绩效信息公开情况").is_none());
    assert!(
        c.only_last
            .iter()
            .any(|u| u.path.as_str().ends_with("/ 绩效信息公开")),
        "{:?}",
        c.only_last
    );
    assert!(c
        .only_last
        .iter()
        .any(|u| u.path.as_str().ends_with("政府采购管理是否按制度执行")));
    assert!(c
        .only_this
        .iter()
        .any(|u| u.path.as_str().ends_with("政府采购意向公开")));
    assert!(c
        .only_this
        .iter()
        .any(|u| u.path.as_str().ends_with("绩效信息公开情况")));

    // Paired by hand, the renamed row is matched and no longer listed.
    let last_id = |e: &Evaluation, name: &str| {
        let mut id = String::new();
        jixiao::core::model::walk_tree(&e.indicators, &mut |_, n| {
            if n.name == name {
                id = n.id.clone();
            }
        });
        id
    };
    let pair = (
        last_id(&last, "绩效信息公开"),
        last_id(&this, "绩效信息公开情况"),
    );
    let c = compare(&last, &this, &[pair]);
    let renamed = c
        .rows
        .iter()
        .find(|r| r.path.as_str().ends_with("绩效信息公开情况"))
        .unwrap();
    assert_eq!(renamed.pairing, Pairing::Hand);
    assert_eq!(
        (renamed.score.last, renamed.score.this),
        (Some(d("1")), Some(d("1")))
    );
    assert!(!c
        .only_this
        .iter()
        .any(|u| u.path.as_str().ends_with("绩效信息公开情况")));
}

#[test]
fn points_that_moved_still_pair_and_changes_are_computed() {
    let last = nanjing();
    let mut this = nanjing();
    this.unit.year = 2025;
    find(&mut this, "工作开展情况").score = Some(d("1"));
    this.metrics[0].prior = None;
    this.metrics[0].value = Some(d("470.16"));
    let c = compare(&last, &this, &[]);
    assert_eq!(c.total.delta(), Some(d("0.5")));
    assert_eq!(c.grades, ("优".to_string(), "优".to_string()));
    let row = c
        .rows
        .iter()
        .find(|r| r.path.as_str().ends_with("工作开展情况"))
        .unwrap();
    assert_eq!(row.score.delta(), Some(d("0.5")));
    // Last year's value comes from last year's file: 424.76 → 470.16 is +10.69 %.
    let accepted = c.metrics.iter().find(|m| m.key == "accepted").unwrap();
    assert_eq!(accepted.change.rate(), Some(d("10.69")));
    assert!(c.only_last.is_empty() && c.only_this.is_empty());
}

#[test]
fn next_year_keeps_the_system_and_clears_the_year() {
    let this = nanjing();
    let next = next_year(&this);
    assert_eq!(next.unit.year, 2025);
    assert_eq!(next.unit.name, this.unit.name);
    assert_eq!(next.indicators.len(), this.indicators.len());
    assert_eq!(next.settings, this.settings);
    // Only last year's figures (this year's, now 上年数) remain in the accounts.
    let mut cleared = next.accounts.clone();
    cleared.prior = Default::default();
    assert_eq!(cleared, Default::default());
    assert!(next
        .metrics
        .iter()
        .zip(&this.metrics)
        .all(|(n, t)| n.prior == t.value && n.value.is_none()));
    let a = assess(&next);
    assert_eq!(a.total, d("0"));
    assert!(
        !to_json(&next).contains("2024年"),
        "the year advanced everywhere"
    );
    // Compared with the year it came from, every row pairs in place.
    let c = compare(&this, &next, &[]);
    assert!(c.only_last.is_empty() && c.only_this.is_empty());
    assert!(c.rows.iter().all(|r| r.pairing == Pairing::Place));
}

#[test]
fn the_grade_margins_and_the_rows_that_lost_points() {
    let mut e = nanjing();
    let m = margin(&e, &assess(&e));
    assert_eq!((m.grade.as_str(), m.up.as_ref()), ("优", None));
    assert_eq!(
        m.down.as_ref().map(|b| (b.grade.as_str(), b.points)),
        Some(("良", d("9.5")))
    );
    for (name, score) in [
        ("绩效信息公开", "0"),
        ("服务企业群众质效双提升，推动高质量热线建设", "0"),
    ] {
        let leaf = find(&mut e, name);
        leaf.rule = jixiao::core::ScoringRule::Manual { step: None };
        leaf.score = Some(d(score));
        leaf.reason = "未完成".into();
    }
    let a = assess(&e);
    let m = margin(&e, &a);
    assert_eq!(a.total, d("88.5"));
    assert_eq!(m.grade, "良");
    assert_eq!(
        m.up.as_ref().map(|b| (b.grade.as_str(), b.points)),
        Some(("优", d("1.5")))
    );
    assert_eq!(
        m.down.as_ref().map(|b| (b.grade.as_str(), b.points)),
        Some(("中", d("8.5")))
    );
    let lost: Vec<(&str, String)> = m
        .lost
        .iter()
        .map(|l| (l.name.as_str(), l.points.to_string()))
        .collect();
    assert_eq!(
        lost,
        [
            ("服务企业群众质效双提升，推动高质量热线建设", "10".into()),
            ("绩效信息公开", "1".into()),
            ("工作开展情况", "0.5".into())
        ]
    );
}

#[test]
fn the_cli_compares_two_years_and_makes_the_next() {
    let dir = std::env::temp_dir().join(format!("jixiao-year-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (this, next) = (dir.join("2024.json"), dir.join("2025.json"));
    std::fs::write(&this, to_json(&nanjing())).unwrap();
    let (_, code) = jixiao(&[
        "next-year",
        this.to_str().unwrap(),
        "-o",
        next.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let (json, code) = jixiao(&[
        "compare",
        "--json",
        this.to_str().unwrap(),
        next.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["years"], serde_json::json!([2024, 2025]));
    assert_eq!(v["total"]["delta"], "-99.5");
    let mut nodes = 0;
    jixiao::core::model::walk_tree(&nanjing().indicators, &mut |_, _| nodes += 1);
    assert_eq!(
        v["rows"].as_array().unwrap().len(),
        nodes,
        "every indicator, paired in place"
    );
    let (text, _) = jixiao(&["compare", this.to_str().unwrap(), next.to_str().unwrap()]);
    assert!(text.starts_with("2024年 → 2025年  总分 99.5 → 0"), "{text}");
    // check --json: the margins to the neighbouring bands.
    let (json, _) = jixiao(&["check", "--json", this.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["margin"]["down"]["grade"], "良");
    assert_eq!(v[0]["margin"]["down"]["points"], "9.5");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn change_rates_from_last_years_figures_feed_rules() {
    use jixiao::core::rule::{MetricSource, Tier};
    use jixiao::core::ScoringRule;
    let mut e = nanjing();
    e.accounts.three_public.actual = Some(d("9.5"));
    e.accounts.prior.three_public_actual = Some(d("10"));
    e.accounts.prior.expense_total = Some(d("2808.55"));
    e.accounts.prior.carryover_end = Some(d("3.69"));
    let value = |m: MetricSource| m.resolve(&e).map(|v| v.value);
    assert_eq!(value(MetricSource::ThreePublicChange), Ok(d("-5")));
    assert_eq!(value(MetricSource::ExpenseGrowth), Ok(d("10")));
    assert_eq!(value(MetricSource::CarryoverChange), Ok(d("6.5")));
    // A rule on it: “三公”经费变动率 ≤ 0 得满分 (2), else 0.
    let leaf = find(&mut e, "“三公”经费控制率");
    leaf.rule = ScoringRule::Tiered {
        metric: MetricSource::ThreePublicChange,
        tiers: vec![
            Tier::above(d("0"), false, d("0")),
            Tier::between(d("-100"), true, d("0"), true, d("1")),
        ],
    };
    let id = leaf.id.clone();
    assert_eq!(assess(&e).node(&id).unwrap().score, d("1"));
    e.accounts.three_public.actual = Some(d("10.5"));
    assert_eq!(assess(&e).node(&id).unwrap().score, d("0"));
    // No base: said, not guessed.
    e.accounts.prior.three_public_actual = Some(d("0"));
    assert!(MetricSource::ThreePublicChange
        .resolve(&e)
        .unwrap_err()
        .contains("为 0"));
    for source in [
        MetricSource::ExpenseGrowth,
        MetricSource::CarryoverChange,
        MetricSource::ThreePublicChange,
    ] {
        assert_eq!(MetricSource::from_key(&source.key()), Some(source));
    }
    // Next year starts with this year's figures as its 上年数.
    let next = next_year(&nanjing());
    assert_eq!(next.accounts.prior.expense_total, Some(d("3089.41")));
    assert_eq!(next.accounts.prior.carryover_end, Some(d("3.93")));
}

#[test]
fn the_report_says_how_the_figures_moved_since_last_year() {
    let mut e = nanjing();
    let text = |e: &Evaluation| jixiao::report::text::render(&jixiao::report::build(e));
    assert!(
        text(&e).contains("总支出3089.41万元，其中"),
        "no 上年数, no comparison"
    );
    e.accounts.prior.expense_total = Some(d("2808.55"));
    e.accounts.prior.carryover_end = Some(d("4.20"));
    let report = text(&e);
    assert!(
        report.contains("总支出3089.41万元，较上年增长10.00%，其中"),
        "{report}"
    );
    assert!(
        report.contains("年末结转和结余3.93万元，较上年下降6.43%。"),
        "{report}"
    );
    e.accounts.prior.carryover_end = Some(d("3.93"));
    assert!(text(&e).contains("年末结转和结余3.93万元，与上年持平。"));
}

#[test]
fn last_years_figures_carry_into_this_years_prior() {
    let mut last = nanjing();
    last.unit.year = 2023;
    last.metrics[0].value = Some(d("383.75"));
    let mut this = nanjing();
    this.metrics[0].prior = None;
    jixiao::core::compare::carry_prior(&last, &mut this);
    assert_eq!(this.accounts.prior.expense_total, Some(d("3089.41")));
    assert_eq!(this.metrics[0].prior, Some(d("383.75")));
}

#[test]
fn last_years_problems_become_this_years_rectification_section() {
    let text = |e: &Evaluation| jixiao::report::text::render(&jixiao::report::build(e));
    let this = nanjing();
    assert!(
        !text(&this).contains("整改落实情况"),
        "no section without last year's problems"
    );
    assert!(text(&this).contains("四、存在问题及原因分析"));
    let mut next = next_year(&this);
    assert_eq!(
        next.narrative.prior_problems,
        this.narrative.problems.trim()
    );
    // A year that wrote no 存在问题 of its own: its deducted rows stand for them.
    let mut silent = this.clone();
    silent.narrative.problems.clear();
    let carried = next_year(&silent).narrative.prior_problems;
    assert!(carried.starts_with("工作开展情况扣0.5分"), "{carried}");
    assert_eq!(
        next.narrative.prior_suggestions,
        this.narrative.suggestions.trim()
    );
    assert!(next.narrative.problems.is_empty() && next.narrative.suggestions.is_empty());
    // Carried but not reported on: a warning pointing at the field, and the section lists last year's.
    let a = assess(&next);
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::NarrativeRectificationMissing
            && f.path.as_str() == "narrative/rectification"));
    let report = text(&next);
    assert!(report.contains("四、上年度问题整改落实情况"), "{report}");
    assert!(report.contains("上年度自评价发现的问题："));
    assert!(report.contains("五、存在问题及原因分析") && report.contains("七、评价工作开展情况"));
    next.narrative.rectification = "已制定跟踪评价工作方案，整改完成。".into();
    let report = text(&next);
    assert!(report.contains("整改落实情况：\n") || report.contains("整改落实情况："));
    assert!(report.contains("已制定跟踪评价工作方案，整改完成。"));
    assert!(!assess(&next)
        .findings
        .iter()
        .any(|f| f.code == Code::NarrativeRectificationMissing));
    // From last year's file: its own 存在问题 text when it has one.
    let mut last = nanjing();
    last.narrative.problems = "部分指标设置不够细化。".into();
    let mut fresh = nanjing();
    jixiao::core::compare::carry_prior(&last, &mut fresh);
    assert_eq!(fresh.narrative.prior_problems, "部分指标设置不够细化。");
}

#[test]
fn this_years_file_disagreeing_with_last_years_is_a_finding() {
    use jixiao::core::compare::disagreements;
    let mut last = nanjing();
    last.unit.year = 2023;
    last.metrics[0].value = Some(d("383.75"));
    let mut this = nanjing();
    this.metrics[0].value = Some(d("424.76"));
    this.metrics[0].prior = Some(d("383.75"));
    this.metrics[0].stated_growth = Some(d("10.69"));
    assert!(
        disagreements(&last, &this).is_empty(),
        "{:?}",
        disagreements(&last, &this)
    );
    // A typed 上年值 other than last year's file, and the growth it gave.
    this.metrics[0].prior = Some(d("380"));
    this.metrics[0].stated_growth = Some(d("11.78"));
    let found = disagreements(&last, &this);
    let codes: Vec<Code> = found.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        [Code::ComparePriorMetric, Code::CompareGrowth],
        "{found:?}"
    );
    assert!(found[1].message.contains("10.69%"), "{}", found[1].message);
    // A figure last year's file does not state makes no claim.
    last.metrics[0].value = None;
    last.accounts.expense_total = None;
    this.accounts.prior.expense_total = Some(d("1"));
    assert!(disagreements(&last, &this).is_empty());
}

#[test]
fn a_profile_decides_whether_the_lower_bound_is_in_the_band_and_the_report_says_so() {
    use jixiao::core::profile::{apply, current, PROFILES};
    let mut e = nanjing();
    // 满意率 85 fails its "> 90" rule: 10 points off, 89.5; full marks on 工作开展情况 then make exactly 90.
    e.metrics
        .iter_mut()
        .find(|m| m.key == "satisfaction")
        .unwrap()
        .value = Some(d("85"));
    find(&mut e, "工作开展情况").score = Some(d("0.5"));
    let a = assess(&e);
    assert_eq!((a.total, a.grade.as_str()), (d("89.5"), "良"));
    find(&mut e, "工作开展情况").score = Some(d("1"));
    find(&mut e, "工作开展情况").reason.clear();
    assert_eq!(assess(&e).total, d("90"));
    assert_eq!(assess(&e).grade, "优", "90（含）-100分为优");
    apply(&mut e.settings, &PROFILES[2]);
    let a = assess(&e);
    assert_eq!(a.grade, "良", "“90分以上” without 90");
    let m = margin(&e, &a);
    assert_eq!(m.up.as_ref().unwrap().up_text(), "距“优”还需多于 0 分");
    assert_eq!(current(&e.settings).unwrap().key, "above-90-exclusive");
    let report = jixiao::report::text::render(&jixiao::report::build(&e));
    assert!(
        report.contains("等级划分：90分（不含）以上为优，80分（不含）至90分为良"),
        "{report}"
    );
    // The 80 / 70 / 60 bands: the same 90 is 优 with room to spare.
    apply(&mut e.settings, &PROFILES[1]);
    let a = assess(&e);
    assert_eq!(a.grade, "优");
    assert_eq!(
        margin(&e, &a).down.unwrap().down_text(),
        "再失 10 分以上将降为“良”"
    );
}
