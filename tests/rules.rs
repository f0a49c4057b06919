//! Every scoring rule at and around its boundaries: exactly 90 %, zero targets, negative values.

use jixiao::core::check::Code;
use jixiao::core::metric::MetricSource;
use jixiao::core::number::{Rounding, RoundingMode};
use jixiao::core::rule::{
    Comparison, Condition, QualitativeLevel, ReverseFormula, ScoringRule, Tier,
};
use jixiao::core::{assess, Direction, Evaluation, FundLine, Indicator, ProjectBudget, Severity};
use rust_decimal::Decimal;

mod common;
use common::{d, has, has_code};

fn typed(value: &str) -> MetricSource {
    MetricSource::Typed {
        name: "执行率".into(),
        unit: "%".into(),
        value: Some(d(value)),
    }
}

fn leaf(points: &str, rule: ScoringRule) -> Indicator {
    Indicator {
        id: "x".into(),
        name: "测试指标".into(),
        points: d(points),
        rule,
        ..Default::default()
    }
}

fn evaluation() -> Evaluation {
    jixiao::core::template::load("department").unwrap()
}

fn computed(rule: ScoringRule, points: &str) -> Option<Decimal> {
    let l = leaf(points, rule);
    l.rule
        .evaluate(&l, &evaluation(), &Rounding::default())
        .computed
}

/// 执行率 > 90 → 2, ≤ 90 → 1 (the Nanjing reading of "大于90%得2分，小于90%得1分").
fn execution_ladder(value: &str) -> ScoringRule {
    ScoringRule::Tiered {
        metric: typed(value),
        tiers: vec![
            Tier::above(d("90"), false, d("2")),
            Tier::between(d("0"), true, d("90"), true, d("1")),
        ],
    }
}

#[test]
fn tiered_at_and_around_ninety_percent() {
    assert_eq!(computed(execution_ladder("90.01"), "2"), Some(d("2")));
    assert_eq!(computed(execution_ladder("90"), "2"), Some(d("1")));
    assert_eq!(computed(execution_ladder("89.99"), "2"), Some(d("1")));
    assert_eq!(computed(execution_ladder("0"), "2"), Some(d("1")));
    assert!(execution_ladder("95").tier_problems().is_empty());
}

#[test]
fn a_ladder_with_a_gap_at_exactly_ninety_is_flagged_and_scores_nothing_there() {
    let gap = ScoringRule::Tiered {
        metric: typed("90"),
        tiers: vec![
            Tier::above(d("90"), false, d("2")),
            Tier::between(d("0"), true, d("90"), false, d("1")),
        ],
    };
    let problems = gap.tier_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("恰好等于 90"), "{problems:?}");
    let l = leaf("2", gap);
    let outcome = l.rule.evaluate(&l, &evaluation(), &Rounding::default());
    assert_eq!(outcome.computed, None);
    assert!(outcome.problems.iter().any(|p| p.code == Code::RuleTierGap));
    assert!(outcome.problems.iter().any(|p| p.code == Code::RuleNoTier));
}

#[test]
fn the_five_step_ladder_with_a_closed_zero() {
    // 0 → 8, (0,10] → 6, (10,20] → 4, (20,30] → 2, > 30 → 0
    let ladder = |v: &str| ScoringRule::Tiered {
        metric: typed(v),
        tiers: vec![
            Tier::between(d("0"), true, d("0"), true, d("8")),
            Tier::between(d("0"), false, d("10"), true, d("6")),
            Tier::between(d("10"), false, d("20"), true, d("4")),
            Tier::between(d("20"), false, d("30"), true, d("2")),
            Tier::above(d("30"), false, d("0")),
        ],
    };
    assert!(
        ladder("0").tier_problems().is_empty(),
        "{:?}",
        ladder("0").tier_problems()
    );
    for (value, score) in [
        ("0", "8"),
        ("0.01", "6"),
        ("10", "6"),
        ("10.01", "4"),
        ("20", "4"),
        ("30", "2"),
        ("30.01", "0"),
    ] {
        assert_eq!(
            computed(ladder(value), "8"),
            Some(d(score)),
            "value {value}"
        );
    }
    // Overlap and missing top are flagged.
    let bad = ScoringRule::Tiered {
        metric: typed("5"),
        tiers: vec![
            Tier::between(d("0"), true, d("10"), true, d("1")),
            Tier::between(d("10"), true, d("20"), true, d("2")),
        ],
    };
    let problems = bad.tier_problems();
    assert!(
        problems.iter().any(|p| p.contains("同时属于两个档次")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("高于 20")),
        "{problems:?}"
    );
}

#[test]
fn tier_scores_above_the_points_are_errors_and_clamped() {
    let rule = ScoringRule::Tiered {
        metric: typed("95"),
        tiers: vec![Tier::above(d("0"), true, d("5"))],
    };
    let l = leaf("2", rule);
    let outcome = l.rule.evaluate(&l, &evaluation(), &Rounding::default());
    assert_eq!(outcome.computed, Some(d("2")));
    assert!(outcome
        .problems
        .iter()
        .any(|p| p.code == Code::RuleTierScore));
}

#[test]
fn binary_judged_and_on_a_metric() {
    let judged = |met| ScoringRule::Binary {
        met,
        when: None,
        otherwise: Decimal::ZERO,
    };
    assert_eq!(computed(judged(Some(true)), "2"), Some(d("2")));
    assert_eq!(computed(judged(Some(false)), "2"), Some(d("0")));
    assert_eq!(computed(judged(None), "2"), None);
    let lower = ScoringRule::Binary {
        met: Some(false),
        when: None,
        otherwise: d("1"),
    };
    assert_eq!(computed(lower, "2"), Some(d("1")));
    let over_90 = |v: &str| ScoringRule::Binary {
        met: Some(false), // ignored: the comparison decides
        when: Some(Condition {
            metric: typed(v),
            op: Comparison::Gt,
            value: d("90"),
        }),
        otherwise: Decimal::ZERO,
    };
    assert_eq!(computed(over_90("96.83"), "10"), Some(d("10")));
    assert_eq!(computed(over_90("90"), "10"), Some(d("0")));
    assert_eq!(computed(over_90("90.01"), "10"), Some(d("10")));
}

fn proportional(
    direction: Direction,
    target: &str,
    actual: &str,
    reverse: ReverseFormula,
) -> Option<Decimal> {
    let mut l = leaf("10", ScoringRule::Proportional { reverse });
    l.direction = direction;
    l.target = Some(d(target));
    l.actual = Some(d(actual));
    l.rule
        .evaluate(&l, &evaluation(), &Rounding::default())
        .computed
}

#[test]
fn proportional_positive_reverse_and_zero_targets() {
    use Direction::*;
    use ReverseFormula::*;
    assert_eq!(proportional(Positive, "100", "95", Linear), Some(d("9.5")));
    assert_eq!(proportional(Positive, "100", "120", Linear), Some(d("10")));
    assert_eq!(proportional(Positive, "3", "1", Linear), Some(d("3.33")));
    assert_eq!(proportional(Positive, "0", "0", Linear), Some(d("10")));
    assert_eq!(proportional(Reverse, "100", "100", Linear), Some(d("10")));
    assert_eq!(proportional(Reverse, "100", "110", Linear), Some(d("9")));
    assert_eq!(proportional(Reverse, "100", "250", Linear), Some(d("0")));
    assert_eq!(proportional(Reverse, "100", "125", Ratio), Some(d("8")));
    // "equals 0" targets (e.g. 安全事故 0 起).
    assert_eq!(proportional(Reverse, "0", "0", Linear), Some(d("10")));
    assert_eq!(proportional(Reverse, "0", "1", Linear), Some(d("0")));
    // Negative values are refused, not scored.
    assert_eq!(proportional(Positive, "-1", "5", Linear), None);
    assert_eq!(proportional(Positive, "100", "-5", Linear), None);
}

#[test]
fn deduction_floors_at_zero() {
    let rule = |count: &str, allowance: &str| ScoringRule::Deduction {
        per: d("0.5"),
        count: Some(d(count)),
        allowance: d(allowance),
    };
    assert_eq!(computed(rule("0", "0"), "2"), Some(d("2")));
    assert_eq!(computed(rule("3", "0"), "2"), Some(d("0.5")));
    assert_eq!(computed(rule("4", "0"), "2"), Some(d("0")));
    assert_eq!(computed(rule("10", "0"), "2"), Some(d("0")));
    assert_eq!(computed(rule("3", "2"), "2"), Some(d("1.5")));
    assert_eq!(computed(rule("-1", "0"), "2"), None);
}

#[test]
fn qualitative_bands_check_the_typed_score() {
    let mut e = evaluation();
    let node = e.indicator_mut("1.1.1").unwrap();
    node.rule = ScoringRule::Qualitative {
        level: Some(QualitativeLevel::Partial),
    };
    node.score = Some(d("1.2")); // 60 % of 2: inside [1.2, 1.6)
    node.reason = "部分达成".into();
    let codes = |e: &Evaluation| -> Vec<Code> {
        assess(e)
            .findings
            .iter()
            .filter(|f| f.path.as_str().starts_with("indicators/1.1.1/"))
            .map(|f| f.code)
            .collect()
    };
    assert!(codes(&e).is_empty(), "{:?}", codes(&e));
    e.indicator_mut("1.1.1").unwrap().score = Some(d("1.6")); // 80 %: belongs to 达成, not 部分达成
    assert_eq!(codes(&e), vec![Code::ScoreBand]);
    e.indicator_mut("1.1.1").unwrap().score = Some(d("1.19"));
    assert_eq!(codes(&e), vec![Code::ScoreBand]);
    e.indicator_mut("1.1.1").unwrap().rule = ScoringRule::Qualitative {
        level: Some(QualitativeLevel::Achieved),
    };
    e.indicator_mut("1.1.1").unwrap().score = Some(d("2"));
    assert!(
        codes(&e).is_empty(),
        "full marks are inside 达成: {:?}",
        codes(&e)
    );
}

#[test]
fn manual_scores_respect_range_step_and_reason() {
    let mut e = evaluation();
    let set = |e: &mut Evaluation, score: &str, reason: &str| {
        let n = e.indicator_mut("2.6.2").unwrap(); // 工作开展情况, manual step 0.5
        n.score = Some(d(score));
        n.reason = reason.into();
    };
    let codes = |e: &Evaluation| -> Vec<Code> {
        assess(e)
            .findings
            .iter()
            .filter(|f| f.path.as_str().starts_with("indicators/2.6.2/"))
            .map(|f| f.code)
            .collect()
    };
    set(&mut e, "0.5", "");
    assert_eq!(codes(&e), vec![Code::ScoreReason]);
    set(&mut e, "0.5", "自评价开展不充分");
    assert!(codes(&e).is_empty());
    set(&mut e, "0.3", "原因");
    assert_eq!(codes(&e), vec![Code::ScoreStep]);
    set(&mut e, "1.3", "");
    assert_eq!(codes(&e), vec![Code::ScoreRange, Code::ScoreStep]);
    assert_eq!(
        assess(&e).node("2.6.2").unwrap().score,
        d("1"),
        "out-of-range scores count clamped"
    );
    set(&mut e, "-1", "");
    assert!(codes(&e).contains(&Code::ScoreRange));
}

#[test]
fn a_typed_score_differing_from_the_rule_needs_an_override_reason() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.indicator_mut("1.1.1").unwrap().score = Some(d("1"));
    let a = assess(&e);
    assert_eq!(a.total, d("99.5"), "computed wins");
    assert!(has(&a, Code::ScoreOverride, Severity::Warning));
    let n = e.indicator_mut("1.1.1").unwrap();
    n.override_reason = "决策制度未及时修订".into();
    n.reason = "决策制度未及时修订，扣1分".into();
    let a = assess(&e);
    assert_eq!(a.total, d("98.5"), "a reasoned override counts");
    assert!(has(&a, Code::ScoreOverridden, Severity::Info));
}

#[test]
fn execution_rate_rule_for_a_project() {
    let mut e = jixiao::core::template::load("project").unwrap();
    e.project = Some(ProjectBudget {
        name: "热线平台运维".into(),
        manager: String::new(),
        funds: vec![
            FundLine {
                source: "财政拨款".into(),
                initial: Some(d("100")),
                adjusted: Some(d("120")),
                executed: Some(d("113.9")),
                ..Default::default()
            },
            FundLine {
                source: "其他资金".into(),
                initial: Some(d("0")),
                adjusted: Some(d("0")),
                executed: Some(d("0")),
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    let a = assess(&e);
    // 113.9 / 120 = 94.9166… → 94.92 % → 10 × 94.92 % = 9.492 → 9.49
    assert_eq!(a.node("1").unwrap().computed, Some(d("9.49")));
    let truncating = Rounding {
        decimals: 1,
        mode: RoundingMode::Truncate,
    };
    e.settings.rounding = truncating;
    assert_eq!(
        assess(&e).node("1").unwrap().computed,
        Some(d("9.4")),
        "never rounded up when truncating"
    );
    // Spending above the budget: capped at 100 % and reported.
    e.project.as_mut().unwrap().funds[0].executed = Some(d("130"));
    let a = assess(&e);
    assert_eq!(a.node("1").unwrap().computed, Some(d("10")));
    assert!(has(&a, Code::ProjectOverBudget, Severity::Error));
}

#[test]
fn bonus_is_not_cumulative_for_the_same_work_and_capped() {
    use jixiao::core::{BonusItem, PenaltyItem};
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    let item = |work: &str, level: &str| BonusItem {
        work: work.into(),
        level: level.into(),
        evidence: String::new(),
    };
    e.adjustments.bonus.items = vec![
        item("智能回访", "省级嘉奖"),
        item("智能回访", "市级考核一等奖"),
    ];
    assert_eq!(assess(&e).bonus, d("2"), "same work: highest level only");
    e.adjustments
        .bonus
        .items
        .push(item("营商环境", "国务院嘉奖"));
    e.adjustments.bonus.items.push(item("数据治理", "省级嘉奖"));
    let a = assess(&e);
    assert_eq!(a.bonus, d("5"), "2 + 3 + 2 = 7 capped at 5");
    assert_eq!(a.total, d("104.5"));
    assert!(has_code(&a, Code::BonusCapped));
    e.adjustments.penalty.items = vec![PenaltyItem {
        description: "违纪".into(),
        points: d("2"),
        reason: String::new(),
    }];
    let a = assess(&e);
    assert_eq!(a.total, d("102.5"));
    assert!(has(&a, Code::PenaltyReason, Severity::Error));
    e.adjustments.bonus.items.push(item("其他", "不存在的级别"));
    assert!(has_code(&assess(&e), Code::BonusLevel));
}

#[test]
fn grade_bands_are_configurable() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.indicator_mut("3.1.1").unwrap().rule = ScoringRule::Manual { step: None };
    e.indicator_mut("3.1.1").unwrap().score = Some(d("0.5"));
    e.indicator_mut("3.1.1").unwrap().reason = "未完成".into();
    assert_eq!(assess(&e).total, d("90"));
    assert_eq!(assess(&e).grade, "优", "exactly 90 is 优");
    e.indicator_mut("3.1.1").unwrap().score = Some(d("0.49"));
    assert_eq!(assess(&e).grade, "良");
    e.settings.grade_bands = vec![
        jixiao::core::GradeBand {
            grade: "优".into(),
            min: d("80"),
            min_inclusive: true,
        },
        jixiao::core::GradeBand {
            grade: "良".into(),
            min: d("70"),
            min_inclusive: true,
        },
        jixiao::core::GradeBand {
            grade: "中".into(),
            min: d("60"),
            min_inclusive: true,
        },
        jixiao::core::GradeBand {
            grade: "差".into(),
            min: d("0"),
            min_inclusive: true,
        },
    ];
    assert_eq!(assess(&e).grade, "优");
}

#[test]
fn tree_points_that_do_not_add_up_are_errors() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.indicators[0].points = d("25"); // maxima now sum to 110 but the form says 100
    let a = assess(&e);
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::TreePointsSum && f.path.as_str() == "indicators/1/points"));
    assert!(has_code(&a, Code::TreeTotalPoints));
    e.indicators[0].points = d("15");
    e.indicators[0].children[0].children[0].points = d("3");
    let a = assess(&e);
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::TreePointsSum && f.path.as_str() == "indicators/1.1/points"));
    assert!(a.total <= d("105"));
}

#[test]
fn stated_total_and_grade_are_checked() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.stated.total = Some(d("100"));
    e.stated.grade = Some("良".into());
    let codes: Vec<Code> = assess(&e).findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&Code::StatedTotal));
    assert!(codes.contains(&Code::StatedGrade));
}

/// The rows' printed sum is exact: 8 and six scores of 10⁻²⁸ give one figure in either order (Decimal's
/// own addition would round 8 + 10⁻²⁸ to 8 but not 6 × 10⁻²⁸ + 8).
#[test]
fn the_printed_rows_sum_does_not_depend_on_their_order() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    fn set_leaves(nodes: &mut [Indicator], scores: &mut dyn Iterator<Item = Decimal>) {
        for node in nodes {
            if node.is_leaf() {
                node.score = Some(scores.next().unwrap_or(Decimal::ZERO));
            } else {
                set_leaves(&mut node.children, scores);
            }
        }
    }
    let scores: Vec<Decimal> = std::iter::once(d("8"))
        .chain(std::iter::repeat_n(Decimal::new(1, 28), 6))
        .collect();
    let message = |e: &Evaluation| {
        assess(e)
            .findings
            .iter()
            .find(|f| f.code == Code::StatedTotal)
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    let mut messages = Vec::new();
    for order in [scores.clone(), scores.iter().rev().cloned().collect()] {
        set_leaves(&mut e.indicators, &mut order.into_iter());
        messages.push(message(&e));
    }
    assert!(messages[0].contains("相加为 8"), "{}", messages[0]);
    assert_eq!(messages[0], messages[1]);
}

#[test]
fn accounts_mismatch_overspend_and_stated_rate() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    e.accounts.adjusted_budget = Some(d("3000"));
    let a = assess(&e);
    assert!(has_code(&a, Code::AccountsOverBudget));
    assert!(has(&a, Code::AccountsExecutionRate, Severity::Error));
    e.accounts.adjusted_budget = Some(d("3250.6"));
    e.accounts.stated_execution_rate = Some(d("95.04"));
    let a = assess(&e);
    // 3089.41 / 3250.6 = 95.0412… → 95.04 %: verified now.
    assert!(
        !has_code(&a, Code::AccountsExecutionRate),
        "{:#?}",
        a.findings
    );
    e.accounts.carryover_end = Some(d("4.93"));
    e.accounts.three_public = jixiao::core::BudgetActual {
        budget: Some(d("10")),
        actual: Some(d("10.5")),
    };
    e.unit.assets.fixed = Some(d("-1"));
    let a = assess(&e);
    assert!(has(&a, Code::AccountsCarryover, Severity::Error));
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::AccountsOverspent
            && f.path.as_str() == "accounts/three_public/actual"));
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::AmountNegative && f.path.as_str() == "unit/assets/fixed"));
}

#[test]
fn growth_mismatch_is_an_error() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    let growth_findings = |e: &Evaluation| {
        assess(e)
            .findings
            .iter()
            .filter(|f| f.code == Code::MetricsGrowth)
            .count()
    };
    // (424.76 − 383.75) / 383.75 = 10.6866… %
    e.metrics[0].stated_growth = Some(d("10.68"));
    assert_eq!(growth_findings(&e), 1);
    e.metrics[0].stated_growth = Some(d("10.69"));
    assert_eq!(growth_findings(&e), 0);
    // Compared at the printed precision, from the exact quotient (no double rounding).
    e.metrics[0].stated_growth = Some(d("10.7"));
    assert_eq!(growth_findings(&e), 0);
    e.metrics[0].stated_growth = Some(d("10.687"));
    assert_eq!(growth_findings(&e), 0);
    e.metrics[0].stated_growth = Some(d("10.686"));
    assert_eq!(growth_findings(&e), 1);
}

#[test]
fn a_reason_naming_another_deduction_is_an_error() {
    use jixiao::core::check::stated_deduction;
    assert_eq!(
        stated_deduction("事前评估不充分，扣0.5分。"),
        Some(d("0.5"))
    );
    assert_eq!(
        stated_deduction("扣分原因：未完成，扣 1 分"),
        None,
        "spaces are not a stated amount"
    );
    assert_eq!(stated_deduction("扣2分，复核后扣1分"), Some(d("1")));
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    assert!(!has_code(&assess(&e), Code::ScoreReasonAmount));
    e.indicator_mut("2.6.2").unwrap().score = Some(d("0"));
    let a = assess(&e);
    assert_eq!(a.total, d("99"));
    let finding = a
        .findings
        .iter()
        .find(|f| f.code == Code::ScoreReasonAmount)
        .expect("stale reason flagged");
    assert_eq!(finding.path.as_str(), "indicators/2.6.2/reason");
    assert!(
        finding.message.contains("实际扣 1 分"),
        "{}",
        finding.message
    );
}

#[test]
fn a_new_indicator_without_points_is_flagged() {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    let id = jixiao::core::edit::add_child(&mut e, Some("1.1")).unwrap();
    let a = assess(&e);
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::TreePointsZero
            && f.path.as_str() == format!("indicators/{id}/points")));
    e.indicator_mut(&id).unwrap().points = d("1");
    let a = assess(&e);
    assert!(a
        .findings
        .iter()
        .any(|f| f.code == Code::TreePointsSum && f.path.as_str() == "indicators/1.1/points"));
}
