//! Property tests: whatever the inputs, rule scores stay in [0, 分值], the total in
//! [0, Σ 一级分值 + 上限], and nothing panics.

use jixiao::core::metric::MetricSource;
use jixiao::core::number::parse_decimal;
use jixiao::core::rule::{
    Comparison, Condition, QualitativeLevel, ReverseFormula, ScoringRule, Tier,
};
use jixiao::core::{assess, from_json, BonusItem, Direction, Evaluation, Indicator, PenaltyItem};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Decimals from tiny to huge, negative included, with up to 4 decimals.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-1_000_000i64..1_000_000, 0u32..5).prop_map(|(m, s)| Decimal::new(m, s)),
        (0i64..200, 0u32..2).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
    ]
}

fn points() -> impl Strategy<Value = Decimal> {
    (0i64..400, 0u32..2).prop_map(|(m, s)| Decimal::new(m, s))
}

fn metric() -> impl Strategy<Value = MetricSource> {
    prop_oneof![
        proptest::option::of(any_decimal()).prop_map(|value| MetricSource::Typed {
            name: "x".into(),
            unit: "%".into(),
            value
        }),
        Just(MetricSource::BudgetExecutionRate),
        Just(MetricSource::ThreePublicControlRate),
        Just(MetricSource::Business {
            key: "satisfaction".into()
        }),
    ]
}

fn tier() -> impl Strategy<Value = Tier> {
    (
        proptest::option::of(any_decimal()),
        any::<bool>(),
        proptest::option::of(any_decimal()),
        any::<bool>(),
        any_decimal(),
    )
        .prop_map(|(min, min_inclusive, max, max_inclusive, score)| Tier {
            min,
            min_inclusive,
            max,
            max_inclusive,
            score,
        })
}

fn rule() -> impl Strategy<Value = ScoringRule> {
    prop_oneof![
        proptest::option::of(any_decimal()).prop_map(|step| ScoringRule::Manual { step }),
        (
            proptest::option::of(any::<bool>()),
            any_decimal(),
            proptest::option::of((metric(), any_decimal()))
        )
            .prop_map(|(met, otherwise, when)| ScoringRule::Binary {
                met,
                otherwise,
                when: when.map(|(metric, value)| Condition {
                    metric,
                    op: Comparison::Ge,
                    value
                }),
            }),
        (metric(), proptest::collection::vec(tier(), 0..5))
            .prop_map(|(metric, tiers)| ScoringRule::Tiered { metric, tiers }),
        any::<bool>().prop_map(|r| ScoringRule::Proportional {
            reverse: if r {
                ReverseFormula::Ratio
            } else {
                ReverseFormula::Linear
            }
        }),
        (
            any_decimal(),
            proptest::option::of(any_decimal()),
            any_decimal()
        )
            .prop_map(|(per, count, allowance)| ScoringRule::Deduction {
                per,
                count,
                allowance
            }),
        proptest::option::of(prop_oneof![
            Just(QualitativeLevel::Achieved),
            Just(QualitativeLevel::Partial),
            Just(QualitativeLevel::NotAchieved)
        ])
        .prop_map(|level| ScoringRule::Qualitative { level }),
        Just(ScoringRule::ExecutionRate),
    ]
}

fn leaf() -> impl Strategy<Value = Indicator> {
    (
        points(),
        rule(),
        proptest::option::of(any_decimal()),
        proptest::option::of(any_decimal()),
        proptest::option::of(any_decimal()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(points, rule, score, target, actual, reverse, reasoned)| Indicator {
                name: "叶".into(),
                points,
                rule,
                score,
                target,
                actual,
                direction: if reverse {
                    Direction::Reverse
                } else {
                    Direction::Positive
                },
                override_reason: if reasoned {
                    "理由".into()
                } else {
                    String::new()
                },
                ..Default::default()
            },
        )
}

fn tree() -> impl Strategy<Value = Vec<Indicator>> {
    let node = leaf().prop_recursive(3, 40, 5, |inner| {
        (points(), proptest::collection::vec(inner, 1..5)).prop_map(|(points, children)| {
            Indicator {
                name: "组".into(),
                points,
                children,
                ..Default::default()
            }
        })
    });
    proptest::collection::vec(node, 0..6).prop_map(|mut nodes| {
        let mut n = 0;
        fn number(nodes: &mut [Indicator], n: &mut usize) {
            for node in nodes {
                *n += 1;
                node.id = n.to_string();
                number(&mut node.children, n);
            }
        }
        number(&mut nodes, &mut n);
        nodes
    })
}

fn evaluation() -> impl Strategy<Value = Evaluation> {
    (
        tree(),
        proptest::collection::vec((0usize..3, 0usize..5), 0..6),
        proptest::collection::vec(any_decimal(), 0..3),
        proptest::option::of(any_decimal()),
        proptest::option::of(any_decimal()),
        any_decimal(),
    )
        .prop_map(|(indicators, bonus, penalties, spent, budget, cap)| {
            let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
            e.indicators = indicators;
            let levels = [
                "国务院嘉奖",
                "省级嘉奖",
                "市级考核一等奖",
                "市级考核二等奖",
                "?",
            ];
            e.adjustments.bonus.items = bonus
                .into_iter()
                .map(|(w, l)| BonusItem {
                    work: format!("工作{w}"),
                    level: levels[l].into(),
                    evidence: String::new(),
                })
                .collect();
            e.adjustments.penalty.items = penalties
                .into_iter()
                .map(|points| PenaltyItem {
                    description: "减".into(),
                    points,
                    reason: String::new(),
                })
                .collect();
            e.adjustments.cap = cap;
            e.accounts.expense_total = spent;
            e.accounts.adjusted_budget = budget;
            e
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_within_their_bounds(e in evaluation()) {
        let a = assess(&e);
        let cap = e.adjustments.cap.max(Decimal::ZERO);
        let top: Decimal = e.indicators.iter().fold(Decimal::ZERO, |s, n| s.saturating_add(n.points));
        prop_assert!(a.total >= Decimal::ZERO, "total {}", a.total);
        prop_assert!(a.total <= top.saturating_add(cap), "total {} > {} + {}", a.total, top, cap);
        for node in &a.nodes {
            prop_assert!(node.score >= Decimal::ZERO && node.score <= node.points.max(Decimal::ZERO),
                "node {} scored {} of {}", node.id, node.score, node.points);
            if let Some(c) = node.computed {
                prop_assert!(c >= Decimal::ZERO && c <= node.points.max(Decimal::ZERO), "computed {} of {}", c, node.points);
            }
        }
        prop_assert!(a.bonus <= cap && a.penalty <= cap);
    }

    #[test]
    fn reports_and_exports_never_panic(e in evaluation(), name in "\\PC{0,30}") {
        let mut e = e;
        e.unit.name = name;
        let report = jixiao::report::build(&e);
        let _ = jixiao::report::text::render(&report);
        let _ = jixiao::report::html::render_document(&report);
        prop_assert!(jixiao::export::docx::report_docx(&report).is_ok());
        prop_assert!(jixiao::export::xlsx::scoring_workbook(&e).is_ok());
    }

    #[test]
    fn tsv_import_never_panics(s in "[\\t\\n0-9a-z一二三级指标分值自评合计（）\"-]{0,300}") {
        if let Ok(table) = jixiao::core::import::parse_tsv(&s) {
            let _ = assess(&table.into_evaluation());
        }
    }

    #[test]
    fn the_order_of_siblings_changes_no_score_and_no_finding(e in evaluation()) {
        fn reverse(nodes: &mut [jixiao::core::Indicator]) {
            nodes.reverse();
            for node in nodes {
                reverse(&mut node.children);
            }
        }
        let mut reordered = e.clone();
        reverse(&mut reordered.indicators);
        let (a, b) = (assess(&e), assess(&reordered));
        prop_assert_eq!(a.total, b.total);
        prop_assert_eq!(&a.grade, &b.grade);
        prop_assert_eq!(&a.counts, &b.counts);
        let findings = |x: &jixiao::core::Assessment| {
            let mut all: Vec<(jixiao::core::check::Code, jixiao::core::check::FieldPath, String)> = x
                .findings
                .iter()
                .map(|f| (f.code, f.path.clone(), f.message.clone()))
                .collect();
            all.sort();
            all
        };
        prop_assert_eq!(findings(&a), findings(&b));
    }

    #[test]
    fn json_round_trips(e in evaluation()) {
        let text = jixiao::core::to_json(&e);
        let back = from_json(&text).unwrap();
        prop_assert_eq!(assess(&back), assess(&e));
    }

    #[test]
    fn parse_decimal_never_panics(s in "\\PC{0,40}") {
        let _ = parse_decimal(&s);
    }

    #[test]
    fn parse_decimal_reads_formatted_numbers(m in -10_000_000_000i64..10_000_000_000, scale in 0u32..4) {
        let value = Decimal::new(m, scale);
        let plain = value.to_string();
        prop_assert_eq!(parse_decimal(&plain).unwrap(), value.normalize());
        let full_width: String = plain.chars().map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            '.' => '．',
            c => c,
        }).collect();
        prop_assert_eq!(parse_decimal(&format!("{full_width}万元")).unwrap(), value.normalize());
    }

    #[test]
    fn from_json_never_panics(s in "\\PC{0,200}") {
        let _ = from_json(&s);
    }

    #[test]
    fn from_json_never_panics_on_mutated_files(cut in 0usize..30000, junk in "[\\[\\]{}\",:0-9a-z-]{0,8}") {
        let text = jixiao::core::template::json("nanjing-2024").unwrap();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mutated = format!("{}{}{}", &text[..at], junk, &text[at..]);
        if let Ok(e) = from_json(&mutated) {
            let _ = assess(&e);
        }
    }
}
