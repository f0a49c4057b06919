//! Every written document reads back: an evaluation's scoring annex written as .xlsx and its report
//! written as .docx (and, in the documents tier, printed to PDF) import again as the same indicator tree
//! — names, 分值 and 得分 of every row — for generated trees, not only the worked example.

use jixiao::core::import::{parse_document, read_document};
use jixiao::core::{Evaluation, Indicator, ScoringRule};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A figure as forms print them: up to two decimals, 0 to 20.
fn figure() -> impl Strategy<Value = Decimal> {
    (0i64..=2000).prop_map(|n| Decimal::new(n, 2).normalize())
}

/// A leaf scored by hand: its 分值 and a 得分 within it.
fn leaf() -> impl Strategy<Value = (Decimal, u32)> {
    (figure(), 0u32..=100)
}

/// A three-level tree (一级 / 二级 / 三级, as the annex prints it), 1–3 children a level.
fn tree() -> impl Strategy<Value = Vec<Vec<Vec<(Decimal, u32)>>>> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::collection::vec(leaf(), 1..4), 1..3),
        1..4,
    )
}

/// The evaluation of a generated tree: names unique and plain (no numbering a reader strips), 得分 a
/// share of 分值 rounded to the cent, a reason where points were lost.
fn evaluation(tree: &[Vec<Vec<(Decimal, u32)>>]) -> Evaluation {
    let mut e = jixiao::core::template::load("nanjing-2024").unwrap();
    let names = ["甲", "乙", "丙", "丁"];
    let mut n = 0;
    e.indicators = tree
        .iter()
        .enumerate()
        .map(|(i, seconds)| {
            let children: Vec<Indicator> = seconds
                .iter()
                .enumerate()
                .map(|(j, leaves)| {
                    let children: Vec<Indicator> = leaves
                        .iter()
                        .enumerate()
                        .map(|(k, (points, share))| {
                            n += 1;
                            let score = (*points * Decimal::from(*share) / Decimal::ONE_HUNDRED)
                                .round_dp(2)
                                .normalize();
                            Indicator {
                                id: format!("{}.{}.{}", i + 1, j + 1, k + 1),
                                name: format!("考核{}{}{}事项", names[i], names[j], names[k]),
                                points: *points,
                                score: Some(score),
                                reason: if score < *points {
                                    "未全部完成".into()
                                } else {
                                    String::new()
                                },
                                rule: ScoringRule::Manual { step: None },
                                ..Default::default()
                            }
                        })
                        .collect();
                    Indicator {
                        id: format!("{}.{}", i + 1, j + 1),
                        name: format!("方面{}{}", names[i], names[j]),
                        points: children.iter().map(|c| c.points).sum(),
                        children,
                        ..Default::default()
                    }
                })
                .collect();
            Indicator {
                id: format!("{}", i + 1),
                name: format!("维度{}", names[i]),
                points: children.iter().map(|c| c.points).sum(),
                children,
                ..Default::default()
            }
        })
        .collect();
    e.settings.total_points = e.indicators.iter().map(|c| c.points).sum();
    e
}

/// Each leaf as (一级, 二级, 三级 names, 分值, 得分).
fn rows(e: &Evaluation) -> Vec<(String, String, String, Decimal, Option<Decimal>)> {
    let mut out = Vec::new();
    for a in &e.indicators {
        for b in &a.children {
            for c in &b.children {
                out.push((
                    a.name.clone(),
                    b.name.clone(),
                    c.name.clone(),
                    c.points.normalize(),
                    c.score.map(|s| s.normalize()),
                ));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_annex_and_the_report_read_back_as_the_same_tree(t in tree()) {
        let e = evaluation(&t);
        let want = rows(&e);
        let total = jixiao::core::assess(&e).total;
        let xlsx = jixiao::export::xlsx::scoring_workbook(&e).unwrap();
        let from_xlsx = parse_document(&xlsx).unwrap().into_evaluation();
        prop_assert_eq!(rows(&from_xlsx), want.clone(), "the .xlsx annex");
        prop_assert_eq!(jixiao::core::assess(&from_xlsx).total, total);
        let docx = jixiao::export::docx::report_docx(&jixiao::report::build(&e)).unwrap();
        let from_docx = read_document(&docx).unwrap().into_evaluation().unwrap();
        prop_assert_eq!(rows(&from_docx), want, "the .docx report");
        prop_assert_eq!(jixiao::core::assess(&from_docx).total, total);
    }
}
