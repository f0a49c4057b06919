//! The worked example: every figure and finding of the Nanjing 12345 hotline center's 2024 report.

use jixiao::core::check::Code;
use jixiao::core::check::ReconcileStatus;
use jixiao::core::{assess, template, Assessment, Evaluation, Severity};
use rust_decimal::Decimal;

mod common;
use common::d;

#[test]
fn total_grade_and_counts() {
    let evaluation = template::load_checked("nanjing-2024").expect("the shipped example loads");
    let a = assess(&evaluation);
    assert_eq!(a.total, d("99.5"));
    assert_eq!(a.grade, "优");
    assert_eq!(a.points_total, d("100"));
    assert_eq!(a.counts, vec![6, 17, 34]);
    assert_eq!(
        a.counts_sentence(),
        "共设置一级指标 6 个、二级指标 17 个、三级指标 34 个"
    );
    assert_eq!(a.nodes.iter().filter(|n| n.leaf).count(), 32);
}

#[test]
fn first_level_scores_match_the_annex() {
    let evaluation = template::load("nanjing-2024").unwrap();
    let a = assess(&evaluation);
    let first: Vec<(String, String, String)> = evaluation
        .indicators
        .iter()
        .map(|n| {
            let r = a.node(&n.id).unwrap();
            (
                n.name.clone(),
                r.points.normalize().to_string(),
                r.score.normalize().to_string(),
            )
        })
        .collect();
    let expected = [
        ("部门决策", "15", "15"),
        ("部门管理", "20", "19.5"),
        ("部门履职", "40", "40"),
        ("履职绩效", "20", "20"),
        ("可持续发展能力", "5", "5"),
    ];
    assert_eq!(first.len(), expected.len());
    for ((name, points, score), (en, ep, es)) in first.iter().zip(expected) {
        assert_eq!(
            (name.as_str(), points.as_str(), score.as_str()),
            (en, ep, es)
        );
    }
}

#[test]
fn reconciliations_pass_and_warn_exactly_as_printed() {
    let a = assess(&template::load("nanjing-2024").unwrap());
    let status = |code: Code, contains: &str| {
        a.reconciliations
            .iter()
            .find(|r| r.code == code && r.detail.contains(contains))
            .unwrap_or_else(|| {
                panic!(
                    "no reconciliation {code} with {contains}: {:#?}",
                    a.reconciliations
                )
            })
            .status
    };
    assert_eq!(
        status(Code::AccountsIncomeSum, "3086.64 + 3.01 = 3089.65"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::AccountsExpenseSum, "2117.35 + 972.06 = 3089.41"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::AccountsBudgetSum, "2133.54 + 1209 = 3342.54"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::AccountsCarryover, "3.69 + 3089.65 − 3089.41 = 3.93"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::AssetsSum, "3.93 + 192.86 + 1601.82 = 1798.61"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::MetricsBreakdownSum, "159.99 + 259.10 + 5.67 = 424.76"),
        ReconcileStatus::Pass
    );
    assert_eq!(
        status(Code::MetricsBreakdownSum, "414.09 + 10.68 = 424.77"),
        ReconcileStatus::RoundingGap
    );
    assert_eq!(
        status(Code::MetricsBreakdownSum, "340.18 + 73.68 + 10.91 = 424.77"),
        ReconcileStatus::RoundingGap
    );
    assert_eq!(status(Code::MetricsGrowth, "10.69"), ReconcileStatus::Pass);
    assert_eq!(
        status(Code::AccountsExecutionRate, "95.04"),
        ReconcileStatus::Unverifiable
    );
}

#[test]
fn exactly_two_rounding_warnings_and_one_unverifiable_rate() {
    let a = assess(&template::load("nanjing-2024").unwrap());
    let summary: Vec<(Severity, Code, &str)> = a
        .findings
        .iter()
        .map(|f| (f.severity, f.code, f.path.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                Severity::Warning,
                Code::MetricsBreakdownSum,
                "metrics/accepted/breakdowns/1"
            ),
            (
                Severity::Warning,
                Code::MetricsBreakdownSum,
                "metrics/accepted/breakdowns/2"
            ),
            (
                Severity::Info,
                Code::AccountsExecutionRate,
                "accounts/adjusted_budget"
            ),
        ]
    );
    assert!(
        a.findings[0].message.contains("414.09 + 10.68 = 424.77"),
        "{}",
        a.findings[0].message
    );
    assert!(a.findings[0].message.contains("424.76"));
    assert!(a.findings[1]
        .message
        .contains("340.18 + 73.68 + 10.91 = 424.77"));
    let info = &a.findings[2].message;
    assert!(
        info.contains("95.04%") && info.contains("92.43%") && info.contains("全年预算数"),
        "{info}"
    );
}

/// The 计分说明 of indicator `id`, as a row shows it.
fn explanation(a: &Assessment, e: &Evaluation, id: &str) -> String {
    a.node(id).unwrap().explanation(e.indicator(id).unwrap(), e)
}

#[test]
fn execution_rate_feeds_the_tiered_rule_until_adjusted_budget_is_entered() {
    let mut evaluation = template::load("nanjing-2024").unwrap();
    let id = "1.4.1";
    assert_eq!(evaluation.indicator(id).unwrap().name, "预算编制科学规范");
    let before = assess(&evaluation);
    let explained = explanation(&before, &evaluation, id);
    assert!(
        explained.contains("95.04%") && explained.contains("(90, +∞)"),
        "{explained}"
    );
    // Entering 全年预算数 makes the rate verifiable: 3089.41 / 3500 = 88.27 % → 1 point.
    evaluation.accounts.adjusted_budget = Some(d("3500"));
    evaluation.accounts.stated_execution_rate = Some(d("88.27"));
    let after = assess(&evaluation);
    assert_eq!(after.node(id).unwrap().computed, Some(d("1")));
    assert_eq!(after.total, d("98.5"));
    let explained = explanation(&after, &evaluation, id);
    assert!(
        explained.contains("88.27%") && explained.ends_with("；填报 2 未采用"),
        "{explained}"
    );
    let group = after.node("1.4").unwrap();
    assert_eq!(group.sum_text().as_deref(), Some("下级指标得分合计 2"));
    assert_eq!(after.node(id).unwrap().sum_text(), None);
    // The typed 2 is no longer the score, and the reason for the lost point is demanded.
    assert!(after
        .findings
        .iter()
        .any(|f| f.code == Code::ScoreOverride && f.path.as_str() == "indicators/1.4.1/score"));
    assert!(after
        .findings
        .iter()
        .any(|f| f.code == Code::ScoreReason && f.path.as_str() == "indicators/1.4.1/reason"));
}

#[test]
fn blank_templates_share_the_tree_and_load() {
    let nanjing = template::load_checked("nanjing-2024").unwrap();
    let blank = template::load_checked("department").unwrap();
    let shape = |e: &jixiao::core::Evaluation| {
        let mut out = Vec::new();
        e.walk_indicators(&mut |n, depth| out.push((depth, n.name.clone(), n.points)));
        out
    };
    assert_eq!(shape(&nanjing), shape(&blank));
    let a = assess(&blank);
    assert_eq!(a.total, Decimal::ZERO);
    assert_eq!(
        a.count(Severity::Warning),
        32,
        "every leaf is reported unscored"
    );
    let project = template::load_checked("project").unwrap();
    let p = assess(&project);
    assert_eq!(p.points_total, d("100"));
    assert_eq!(p.count(Severity::Error), 0, "{:#?}", p.findings);
}
