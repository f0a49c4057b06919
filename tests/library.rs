//! 指标库: the built-in library reads, every entry names its source, every entry's rule scores as its
//! 评分标准 says at the boundaries; search, insertion of an entry and of a group at a row or by the
//! framework's place, "my library" entries from a row, and library files from a newer version.

mod common;

use common::d;
use jixiao::core::library::{
    builtin, entries_from, insert_entry, insert_group, Library, LibraryEntry, LIBRARY_VERSION,
};
use jixiao::core::metric::MetricSource;
use jixiao::core::rule::{ScoringRule, Tier};
use jixiao::core::{assess, template, Evaluation, Indicator};
use rust_decimal::Decimal;

/// A one-row evaluation holding `indicator` (分值 10 when the library leaves it to the unit).
fn alone(indicator: &Indicator) -> Evaluation {
    let mut e = template::load("department").unwrap();
    let mut leaf = indicator.clone();
    leaf.id = "x".into();
    if leaf.points.is_zero() {
        leaf.points = d("10");
    }
    e.indicators = vec![leaf];
    e
}

/// The rule's computed score for the leaf of `e`.
fn computed(e: &Evaluation) -> Option<Decimal> {
    let leaf = &e.indicators[0];
    leaf.rule.evaluate(leaf, e, &e.settings.rounding).computed
}

/// The same rule reading `value` as a typed figure (the boundaries do not depend on where it comes from).
fn typed(value: Decimal) -> MetricSource {
    MetricSource::Typed {
        name: "取值".into(),
        unit: "%".into(),
        value: Some(value),
    }
}

fn probes(tier: &Tier) -> Vec<Decimal> {
    let step = d("0.01");
    let mut out = Vec::new();
    if let Some(min) = tier.min {
        out.push(if tier.min_inclusive { min } else { min + step });
    }
    if let Some(max) = tier.max {
        out.push(if tier.max_inclusive { max } else { max - step });
    }
    if tier.min.is_none() && tier.max.is_none() {
        out.push(Decimal::ZERO);
    }
    out
}

fn check_boundaries(entry: &LibraryEntry) {
    let name = &entry.indicator.name;
    let mut e = alone(&entry.indicator);
    let points = e.indicators[0].points;
    let rule = e.indicators[0].rule.clone();
    match rule {
        ScoringRule::Tiered { tiers, .. } => {
            assert!(
                e.indicators[0].rule.tier_problems().is_empty(),
                "{name}: {:?}",
                e.indicators[0].rule.tier_problems()
            );
            for tier in &tiers {
                for value in probes(tier) {
                    e.indicators[0].rule = ScoringRule::Tiered {
                        metric: typed(value),
                        tiers: tiers.clone(),
                    };
                    assert_eq!(
                        computed(&e),
                        Some(tier.score.min(points)),
                        "{name} at {value} (tier {})",
                        tier.interval()
                    );
                }
            }
        }
        ScoringRule::Deduction { per, allowance, .. } => {
            let at = |count: Decimal, e: &mut Evaluation| {
                e.indicators[0].rule = ScoringRule::Deduction {
                    per,
                    count: Some(count),
                    allowance,
                };
                computed(e)
            };
            assert_eq!(
                at(allowance, &mut e),
                Some(points),
                "{name}: at the allowance"
            );
            assert_eq!(
                at(allowance + Decimal::ONE, &mut e),
                Some((points - per).max(Decimal::ZERO)),
                "{name}: one over"
            );
            assert_eq!(
                at(d("100000"), &mut e),
                Some(Decimal::ZERO),
                "{name}: 扣完为止"
            );
        }
        ScoringRule::Binary {
            when: Some(condition),
            otherwise,
            ..
        } => {
            let at = |value: Decimal, e: &mut Evaluation| {
                let mut c = condition.clone();
                c.metric = typed(value);
                e.indicators[0].rule = ScoringRule::Binary {
                    met: None,
                    when: Some(c),
                    otherwise,
                };
                computed(e)
            };
            let edge = condition.value;
            let step = d("0.01");
            for value in [edge - step, edge, edge + step] {
                let expected = if condition.op.holds(value, edge) {
                    points
                } else {
                    otherwise.min(points)
                };
                assert_eq!(at(value, &mut e), Some(expected), "{name} at {value}");
            }
        }
        ScoringRule::Binary { otherwise, .. } => {
            for (met, expected) in [(true, points), (false, otherwise.min(points))] {
                e.indicators[0].rule = ScoringRule::Binary {
                    met: Some(met),
                    when: None,
                    otherwise,
                };
                assert_eq!(computed(&e), Some(expected), "{name}: met = {met}");
            }
        }
        ScoringRule::Proportional { .. } => {
            let leaf = &mut e.indicators[0];
            leaf.target = Some(d("100"));
            leaf.actual = Some(d("100"));
            assert_eq!(computed(&e), Some(points), "{name}: target met");
            e.indicators[0].actual = Some(d("1000000"));
            let far = computed(&e).unwrap();
            assert!(
                far == points || far.is_zero(),
                "{name}: far past the target gives {far}"
            );
        }
        ScoringRule::ExecutionRate => {
            e.accounts.adjusted_budget = Some(d("100"));
            e.accounts.expense_total = Some(d("100"));
            assert_eq!(computed(&e), Some(points), "{name}: all spent");
            e.accounts.expense_total = Some(d("50"));
            assert_eq!(computed(&e), Some(points / d("2")), "{name}: half spent");
        }
        // Judged: no computed score, a typed one in range is taken.
        ScoringRule::Manual { .. } | ScoringRule::Qualitative { .. } => {
            e.indicators[0].score = Some(points);
            let a = assess(&e);
            assert_eq!(a.node("x").unwrap().score, points, "{name}");
        }
    }
}

#[test]
fn the_builtin_library_is_sourced_and_every_rule_scores_at_its_boundaries() {
    let library = builtin();
    assert_eq!(library.library_version, LIBRARY_VERSION);
    assert!(
        library.entries.len() >= 80,
        "{} entries",
        library.entries.len()
    );
    let mut ids = std::collections::HashSet::new();
    for entry in &library.entries {
        assert!(ids.insert(&entry.id), "id {} twice", entry.id);
        assert!(!entry.source.trim().is_empty(), "{}: no source", entry.id);
        assert!(
            !entry.path.is_empty(),
            "{}: no place in its framework",
            entry.id
        );
        check_boundaries(entry);
    }
    let with_address = library
        .entries
        .iter()
        .filter(|e| e.source_url.starts_with("http"))
        .count();
    assert!(with_address >= 80, "{with_address} entries with an address");
    for framework in ["项目支出共性指标框架", "部门整体支出共性指标"] {
        assert!(library.frameworks().contains(&framework), "{framework}");
    }
}

#[test]
fn search_finds_by_every_word_and_ranks_names_first() {
    let library = builtin();
    let hits = library.search("三公");
    assert!(!hits.is_empty());
    assert!(
        hits[0].indicator.name.contains("三公"),
        "{}",
        hits[0].indicator.name
    );
    assert!(library.search("三公 不存在的词").is_empty());
    assert_eq!(library.search("").len(), library.entries.len());
    // Case does not matter for Latin letters.
    let mut mine = Library {
        library_version: 1,
        entries: vec![LibraryEntry {
            id: "a".into(),
            framework: "我的指标库".into(),
            path: vec!["产出".into()],
            keywords: vec!["OA".into()],
            indicator: Indicator {
                name: "系统可用率".into(),
                ..Default::default()
            },
            source: "本单位".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    assert_eq!(mine.search("oa").len(), 1);
    // Merging replaces by id, adds the rest.
    let again = mine.entries[0].clone();
    assert_eq!(mine.merge(vec![again]), 0);
}

fn entry(name: &str, path: &[&str], points: &str) -> LibraryEntry {
    LibraryEntry {
        id: name.into(),
        framework: "测试框架".into(),
        path: path.iter().map(|s| s.to_string()).collect(),
        indicator: Indicator {
            id: "lib".into(),
            name: name.into(),
            points: d(points),
            score: Some(d(points)),
            reason: "库中不应带得分".into(),
            ..Default::default()
        },
        source: "测试".into(),
        ..Default::default()
    }
}

#[test]
fn entries_insert_at_the_row_or_by_their_place_in_the_framework() {
    let mut e = template::load("nanjing-2024").unwrap();
    let before = assess(&e).points_total;
    // At a leaf (depth 2): right after it, nothing judged, a fresh id.
    let leaf = e.indicators[0].children[0].children[0].id.clone();
    let a = entry("测试指标甲", &["部门管理", "资金投入"], "2");
    let id = insert_entry(&mut e, &a, Some(&leaf)).unwrap();
    assert_eq!(e.indicators[0].children[0].children[1].id, id);
    let row = e.indicator(&id).unwrap();
    assert!(row.score.is_none() && row.reason.is_empty());
    assert_ne!(id, "lib");
    // At a row above the entry's level (a 一级): last among that row's children.
    let top = e.indicators[1].id.clone();
    let id2 = insert_entry(&mut e, &a, Some(&top)).unwrap();
    assert_eq!(e.indicators[1].children.last().unwrap().id, id2);
    // Nowhere chosen: under the groups of its path, made when missing.
    let b = entry("测试指标乙", &["新一级", "新二级"], "3");
    let id3 = insert_entry(&mut e, &b, None).unwrap();
    let last = e.indicators.last().unwrap();
    assert_eq!((last.name.as_str(), last.points), ("新一级", d("3")));
    assert_eq!(last.children[0].name, "新二级");
    assert_eq!(last.children[0].children[0].id, id3);
    let before = before + d("3");
    // Ids are unique across the tree.
    let mut ids = std::collections::HashSet::new();
    e.walk_indicators(&mut |n, _| assert!(ids.insert(n.id.clone()), "{} twice", n.id));
    assert_eq!(
        assess(&e).points_total,
        before,
        "leaves add to groups, not to the 一级 total"
    );
    // A group: its 分值 is its entries' sum; after the 二级 row the focus is in.
    let c = entry("测试指标丙", &["新一级", "测试组"], "1.5");
    let d2 = entry("测试指标丁", &["新一级", "测试组"], "2.5");
    let group = insert_group(&mut e, &[&c, &d2], Some(&leaf)).unwrap();
    let g = e.indicator(&group).unwrap();
    assert_eq!(
        (g.name.as_str(), g.points, g.children.len()),
        ("测试组", d("4"), 2)
    );
    assert_eq!(
        e.indicators[0].children[1].id, group,
        "after the 二级 row holding the focus"
    );
}

#[test]
fn a_row_or_group_becomes_my_library_entries_and_a_file_round_trips() {
    let e = template::load("nanjing-2024").unwrap();
    let group = &e.indicators[0].children[0];
    let mine = entries_from(&e, &group.id);
    assert_eq!(mine.len(), group.children.len());
    assert!(mine.iter().all(|m| m.indicator.score.is_none()
        && m.indicator.reason.is_empty()
        && m.path.len() == 2
        && m.source.contains("2024年度")));
    // Saved twice, the same ids: a re-save replaces.
    assert_eq!(entries_from(&e, &group.id), mine);
    let library = Library {
        library_version: LIBRARY_VERSION,
        name: "我的指标库".into(),
        entries: mine,
    };
    let back = Library::parse(&library.to_json()).unwrap();
    assert_eq!(back, library);
}

#[test]
fn library_files_that_cannot_be_read_say_why() {
    let newer = r#"{"library_version": 2, "entries": []}"#;
    let message = Library::parse(newer).unwrap_err().0;
    assert!(
        message.contains("较新版本") && message.contains("第 2 版"),
        "{message}"
    );
    let evaluation = jixiao::core::to_json(&template::load("department").unwrap());
    assert!(Library::parse(&evaluation)
        .unwrap_err()
        .0
        .contains("不是指标库文件"));
    assert!(Library::parse("{oops").unwrap_err().0.contains("JSON"));
    let nameless =
        r#"{"library_version": 1, "entries": [{"id": "a", "framework": "x", "indicator": {}}]}"#;
    assert!(Library::parse(nameless).unwrap_err().0.contains("第 1 条"));
}

#[test]
fn the_cli_lists_and_searches_the_library() {
    let (out, status) = common::jixiao(&["library", "--json"]);
    assert_eq!(status, 0);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(entries.len() >= 80, "{}", entries.len());
    assert!(entries
        .iter()
        .all(|e| !e["source"].as_str().unwrap_or("").is_empty()));
    let (text, status) = common::jixiao(&["library", "预算调整率"]);
    assert_eq!(status, 0);
    assert!(
        text.contains("预算调整率") && text.contains("来源："),
        "{text}"
    );
    assert!(text.trim_end().ends_with("条"));
    // A library file of a newer format is refused with its reason.
    let dir = std::env::temp_dir().join(format!("jixiao-lib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let newer = dir.join("newer.json");
    std::fs::write(&newer, r#"{"library_version": 9, "entries": []}"#).unwrap();
    let (_, status) = common::jixiao(&["library", "--file", newer.to_str().unwrap()]);
    assert_eq!(status, 2);
}

#[test]
fn the_units_library_is_searched_before_the_built_in_one() {
    use jixiao::core::library::{builtin, frameworks_both, group_in, search_both};
    let e = jixiao::core::template::load("nanjing-2024").unwrap();
    let id = e.indicators[0].children[0].children[0].id.clone();
    let mut mine = jixiao::core::library::Library::parse(&builtin().to_json()).unwrap();
    mine.entries.clear();
    mine.merge(jixiao::core::library::entries_from(&e, &id));
    let name = e.indicator(&id).unwrap().name.clone();
    let hits = search_both(&mine, "", &name);
    assert!(!hits.is_empty());
    assert!(
        mine.entries.iter().any(|m| m.id == hits[0].id),
        "the unit's own entry comes first"
    );
    let framework = builtin().frameworks()[0];
    assert!(search_both(&mine, framework, "")
        .iter()
        .all(|h| h.framework == framework));
    let frameworks = frameworks_both(&mine);
    assert_eq!(frameworks[0], mine.frameworks()[0]);
    assert!(builtin()
        .frameworks()
        .iter()
        .all(|f| frameworks.iter().any(|x| x == f)));
    assert!(!group_in(&mine, hits[0]).is_empty());
}
