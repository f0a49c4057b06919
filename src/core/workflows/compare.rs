//! Year over year (上年对比): last year's evaluation beside this year's — the indicators paired by their
//! place in the tree or, when moved, by their name (or by hand, when renamed), each 分值 and 得分 with its
//! change; the accounts and business metrics with their 变动率; the indicators without a partner listed.
//! Nothing in either evaluation changes.
//!
//! ```
//! use jixiao::core::{compare::compare, template};
//! let last = template::load("nanjing-2024").unwrap();
//! let mut this = last.clone();
//! this.unit.year = 2025;
//! this.accounts.expense_total = Some("3398.35".parse().unwrap());
//! let c = compare(&last, &this, &[]);
//! assert!(c.only_last.is_empty() && c.only_this.is_empty());
//! let spent = c.accounts.iter().find(|a| a.path == jixiao::core::amounts::EXPENSE_TOTAL.key).unwrap();
//! assert_eq!(spent.change.rate().unwrap().to_string(), "10.00"); // 3089.41 → 3398.35
//! ```

use crate::core::amounts::{ACCOUNTS, ASSETS, BUDGET_LINES, PRIOR};
use crate::core::assess::{assess, Assessment};
use crate::core::check::{Finding, Severity};
use crate::core::code::Code;
use crate::core::keys::match_name;
use crate::core::metric::{growth, growth_exact, Change};
use crate::core::model::{walk_tree, Evaluation, Indicator, PriorYear};
use crate::core::number::{agrees_at_printed_precision, fmt_score};
use crate::core::path::FieldPath;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// How two indicators were paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pairing {
    /// Same names all the way from the top (一级 / 二级 / 三级).
    Place,
    /// Moved under another parent: the only indicator of that name in each year.
    Name,
    /// Paired by the user (a renamed indicator).
    Hand,
}

impl Pairing {
    /// What a listing adds after the indicator's path: nothing when it stayed in place.
    pub fn note(self) -> &'static str {
        match self {
            Pairing::Place => "",
            Pairing::Name => "（位置变动）",
            Pairing::Hand => "（手工配对）",
        }
    }
}

/// One indicator in both years.
#[derive(Clone, Debug, PartialEq)]
pub struct RowChange {
    /// Its names from the top, this year ("部门管理 / 预算执行 / 部门预算执行率").
    pub path: String,
    /// Its id last year.
    pub last_id: String,
    /// Its id this year.
    pub this_id: String,
    /// Tree depth (0 = 一级).
    pub depth: usize,
    /// 分值.
    pub points: Change,
    /// 得分.
    pub score: Change,
    /// How it was paired.
    pub pairing: Pairing,
}

/// An amount of the accounts in both years.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountChange {
    /// Its path, e.g. `accounts/expense_total`.
    pub path: &'static str,
    /// Its label, e.g. 本年支出合计.
    pub label: &'static str,
    /// The two figures (万元).
    pub change: Change,
}

/// A business metric in both years.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricChange {
    /// Its key.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Last year's value (from last year's file, else this year's 上年值) and this year's.
    pub change: Change,
    /// The 增长率 this year's file prints, if any.
    pub stated_growth: Option<Decimal>,
}

/// An indicator found in one year only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unpaired {
    /// Its id (to pair it by hand).
    pub id: String,
    /// Its names from the top.
    pub path: String,
}

/// The two years side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct YearComparison {
    /// 上年 and 本年.
    pub years: (i32, i32),
    /// 总分.
    pub total: Change,
    /// 等级 last year and this year.
    pub grades: (String, String),
    /// The indicators found in both years, in this year's order.
    pub rows: Vec<RowChange>,
    /// Last year's indicators with no partner this year.
    pub only_last: Vec<Unpaired>,
    /// This year's indicators with no partner last year.
    pub only_this: Vec<Unpaired>,
    /// The accounts, assets and budget lines either year states.
    pub accounts: Vec<AmountChange>,
    /// The business metrics of this year, with last year's value.
    pub metrics: Vec<MetricChange>,
    /// Where this year's file disagrees with last year's ([`disagreements`]).
    pub findings: Vec<Finding>,
}

struct Node<'a> {
    node: &'a Indicator,
    path: Vec<String>,
}

fn nodes(e: &Evaluation) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    walk_tree(&e.indicators, &mut |ancestors, node| {
        let mut path: Vec<String> = ancestors.iter().map(|a| match_name(&a.name)).collect();
        path.push(match_name(&node.name));
        out.push(Node { node, path });
    });
    out
}

fn shown_path(e: &Evaluation, id: &str) -> String {
    let mut found = String::new();
    walk_tree(&e.indicators, &mut |ancestors, node| {
        if node.id == id {
            let mut names: Vec<&str> = ancestors.iter().map(|a| a.name.as_str()).collect();
            names.push(&node.name);
            found = names.join(" / ");
        }
    });
    found
}

/// Which of this year's indicators is which of last year's.
#[derive(Default)]
struct Pairs<'a> {
    /// This year's id → (last year's id, how paired).
    paired: HashMap<&'a str, (&'a str, Pairing)>,
    /// Last year's ids already paired.
    used_last: HashSet<&'a str>,
}

impl<'a> Pairs<'a> {
    fn pair(&mut self, last: &'a str, this: &'a str, how: Pairing) {
        self.paired.insert(this, (last, how));
        self.used_last.insert(last);
    }

    fn has_last(&self, id: &str) -> bool {
        self.used_last.contains(id)
    }

    fn has_this(&self, id: &str) -> bool {
        self.paired.contains_key(id)
    }

    /// By hand first, then by place (same names all the way down), then moved rows by a name unique
    /// among the unpaired of each year.
    fn of(old: &'a [Node<'a>], new: &'a [Node<'a>], by_hand: &[(String, String)]) -> Pairs<'a> {
        let mut pairs = Pairs::default();
        for (l, t) in by_hand {
            let known_l = old.iter().find(|n| n.node.id == *l);
            let known_t = new.iter().find(|n| n.node.id == *t);
            if let (Some(l), Some(t)) = (known_l, known_t) {
                if !pairs.has_last(&l.node.id) && !pairs.has_this(&t.node.id) {
                    pairs.pair(&l.node.id, &t.node.id, Pairing::Hand);
                }
            }
        }
        let by_path: HashMap<&[String], &str> = old
            .iter()
            .map(|n| (n.path.as_slice(), n.node.id.as_str()))
            .collect();
        for n in new {
            if pairs.has_this(&n.node.id) {
                continue;
            }
            if let Some(l) = by_path
                .get(n.path.as_slice())
                .filter(|l| !pairs.has_last(l))
            {
                pairs.pair(l, &n.node.id, Pairing::Place);
            }
        }
        let old_left = unique_names(old.iter().filter(|n| !pairs.has_last(&n.node.id)));
        let new_left = unique_names(new.iter().filter(|n| !pairs.has_this(&n.node.id)));
        let moved: Vec<(&str, &str)> = new_left
            .iter()
            .filter_map(|(name, t)| Some((*old_left.get(name)?, *t)))
            .collect();
        for (l, t) in moved {
            pairs.pair(l, t, Pairing::Name);
        }
        pairs
    }
}

/// The unpaired rows whose name is unique among them: name → id.
fn unique_names<'a>(list: impl Iterator<Item = &'a Node<'a>>) -> HashMap<&'a str, &'a str> {
    let list: Vec<&Node<'_>> = list.collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for n in &list {
        *count
            .entry(n.path.last().map(String::as_str).unwrap_or(""))
            .or_default() += 1;
    }
    list.iter()
        .filter_map(|n| {
            let name = n.path.last()?.as_str();
            (count.get(name) == Some(&1) && !name.is_empty()).then_some((name, n.node.id.as_str()))
        })
        .collect()
}

/// Compares `last` year with `this` one. `by_hand` pairs indicators (last year's id, this year's id) the
/// names cannot (a renamed row); those pairs come first.
pub fn compare(
    last: &Evaluation,
    this: &Evaluation,
    by_hand: &[(String, String)],
) -> YearComparison {
    let (a_last, a_this) = (assess(last), assess(this));
    let (old, new) = (nodes(last), nodes(this));
    let pairs = Pairs::of(&old, &new, by_hand);
    let result = |a: &Assessment, id: &str| a.node(id).map(|r| (r.points, r.score, r.depth));
    let rows = new
        .iter()
        .filter_map(|n| {
            let (l, how) = pairs.paired.get(n.node.id.as_str())?;
            let (lp, ls, _) = result(&a_last, l)?;
            let (tp, ts, depth) = result(&a_this, &n.node.id)?;
            Some(RowChange {
                path: shown_path(this, &n.node.id),
                last_id: l.to_string(),
                this_id: n.node.id.clone(),
                depth,
                points: Change {
                    last: Some(lp),
                    this: Some(tp),
                },
                score: Change {
                    last: Some(ls),
                    this: Some(ts),
                },
                pairing: *how,
            })
        })
        .collect();
    let unpaired = |e: &Evaluation, nodes: &[Node<'_>], paired: &dyn Fn(&str) -> bool| {
        nodes
            .iter()
            .filter(|n| !paired(&n.node.id))
            .map(|n| Unpaired {
                id: n.node.id.clone(),
                path: shown_path(e, &n.node.id),
            })
            .collect()
    };
    YearComparison {
        years: (last.unit.year, this.unit.year),
        total: Change {
            last: Some(a_last.total),
            this: Some(a_this.total),
        },
        grades: (a_last.grade.clone(), a_this.grade.clone()),
        rows,
        only_last: unpaired(last, &old, &|id| pairs.has_last(id)),
        only_this: unpaired(this, &new, &|id| pairs.has_this(id)),
        accounts: amount_changes(last, this),
        metrics: metric_changes(last, this),
        findings: {
            let mut findings = disagreements(last, this);
            if this.stage == crate::core::model::Stage::Target {
                findings.extend(target_findings(last, this, &pairs));
            }
            findings
        },
    }
}

/// This year's targets against last year's results (目标申报 beside last year's self-evaluation), per
/// paired 三级 indicator that is 正向 and in the same unit: a target below last year's 实际完成值, or below
/// last year's 指标值 while the money did not fall → 目标值低于上年实际; last year over-achieved by 20 % or more
/// and the target unchanged → 目标可能偏低. The reviewers' common practice; not in a document we could read.
fn target_findings(last: &Evaluation, this: &Evaluation, pairs: &Pairs<'_>) -> Vec<Finding> {
    use crate::core::measure::same_unit;
    use crate::core::model::target_value;
    let money = |e: &Evaluation| {
        e.project.as_ref().and_then(|p| {
            p.stated_total
                .as_ref()
                .and_then(|t| t.adjusted.or(t.initial))
        })
    };
    let budget_held = matches!((money(last), money(this)), (Some(l), Some(t)) if t >= l);
    let over = Decimal::new(12, 1);
    let mut out = Vec::new();
    this.walk_indicators(&mut |leaf, _| {
        if !leaf.is_leaf() {
            return;
        }
        let Some(before) = pairs
            .paired
            .get(leaf.id.as_str())
            .and_then(|(id, _)| last.indicator(id))
        else {
            return;
        };
        let ceiling = leaf.sets_a_ceiling();
        let (Some(target), false) = (leaf.target, ceiling) else {
            return;
        };
        let unit_of = |n: &Indicator| -> String {
            if n.actual_unit.trim().is_empty() {
                n.unit.trim().to_string()
            } else {
                n.actual_unit.trim().to_string()
            }
        };
        let agree = |a: &str, b: &str| a.is_empty() || b.is_empty() || same_unit(a, b);
        let path = FieldPath::of_indicator(&leaf.id, crate::core::path::IndicatorField::Target);
        let year = last.unit.year;
        if let (Some(actual), true) = (before.actual, agree(&unit_of(before), leaf.unit.trim())) {
            // An unchanged target that last year's result passed by a fifth says more than "below".
            if let Some(old) = before.target.filter(|t| *t > Decimal::ZERO) {
                if old.checked_mul(over).is_some_and(|bar| actual >= bar) && target == old {
                    out.push(Finding::new(
                        Severity::Warning,
                        Code::TargetMaybeLow,
                        path,
                        format!(
                            "“{}”上年（{year}年）实际完成 {} 超出目标 {} 达 20% 以上，今年目标仍为 {}：目标可能偏低",
                            leaf.name.trim(),
                            fmt_score(actual),
                            fmt_score(old),
                            target_value(leaf)
                        ),
                    ));
                    return;
                }
            }
            if target < actual {
                out.push(Finding::new(
                    Severity::Warning,
                    Code::TargetBelowPrior,
                    path,
                    format!(
                        "“{}”的目标值 {} 低于上年（{year}年）实际完成值 {}{}：目标值低于上年实际",
                        leaf.name.trim(),
                        target_value(leaf),
                        fmt_score(actual),
                        unit_of(before)
                    ),
                ));
                return;
            }
        }
        if let (Some(old), true) = (before.target, budget_held && agree(before.unit.trim(), leaf.unit.trim())) {
            if target < old {
                out.push(Finding::new(
                    Severity::Warning,
                    Code::TargetBelowPrior,
                    path,
                    format!(
                        "“{}”的目标值 {} 低于上年（{year}年）目标 {}，而资金未减少：目标值低于上年",
                        leaf.name.trim(),
                        target_value(leaf),
                        target_value(before)
                    ),
                ));
            }
        }
    });
    out
}

/// Every amount either year states, last year's beside this year's.
fn amount_changes(last: &Evaluation, this: &Evaluation) -> Vec<AmountChange> {
    ACCOUNTS
        .iter()
        .chain(BUDGET_LINES.iter())
        .chain(ASSETS.iter())
        .map(|a| AmountChange {
            path: a.key,
            label: a.label,
            change: Change {
                last: (a.get)(last),
                this: (a.get)(this),
            },
        })
        .filter(|a| a.change.last.is_some() || a.change.this.is_some())
        .collect()
}

/// This year's business metrics with last year's value (from last year's file, else the typed 上年值).
fn metric_changes(last: &Evaluation, this: &Evaluation) -> Vec<MetricChange> {
    this.metrics
        .iter()
        .map(|m| {
            let before = last.counterpart(m).and_then(|x| x.value).or(m.prior);
            MetricChange {
                key: m.key.clone(),
                name: m.name.clone(),
                unit: m.unit.clone(),
                change: Change {
                    last: before,
                    this: m.value,
                },
                stated_growth: m.stated_growth,
            }
        })
        .collect()
}

/// Takes last year's figures into this year's 上年数 and each metric's 上年值 (a metric last year's file
/// does not state keeps its own), so the 变动率 and 同比增长 follow the two files; and last year's
/// 存在问题 and 有关建议 into 整改落实情况.
pub fn carry_prior(last: &Evaluation, this: &mut Evaluation) {
    this.accounts.prior = PriorYear::of(last);
    // Last year's problems and proposals, for 整改落实情况 (what this year's file typed stays when last
    // year's states none).
    let problems = crate::core::margin::problems_of(last);
    if !problems.is_empty() {
        this.narrative.prior_problems = problems;
    }
    if !last.narrative.suggestions.trim().is_empty() {
        this.narrative.prior_suggestions = last.narrative.suggestions.trim().to_string();
    }
    for metric in &mut this.metrics {
        if let Some(before) = last.counterpart(metric).and_then(|m| m.value) {
            metric.prior = Some(before);
        }
    }
}

/// Where this year's file disagrees with last year's: a 上年数 or a metric's 上年值 typed differently
/// from what last year's file states (a warning: one of the two files is wrong), and a printed 同比增长
/// that the two files' values do not give (an error, compared at the printed precision). Figures last
/// year's file does not state make no claim.
///
/// ```
/// use jixiao::core::{compare::disagreements, template};
/// let last = template::load("nanjing-2024").unwrap();
/// let mut this = last.clone();
/// this.accounts.prior.expense_total = Some("3000".parse().unwrap()); // last year's file: 3089.41
/// let found = disagreements(&last, &this);
/// assert_eq!(found[0].code, jixiao::core::check::Code::ComparePriorAmount);
/// assert!(found[0].message.contains("3089.41"));
/// ```
pub fn disagreements(last: &Evaluation, this: &Evaluation) -> Vec<Finding> {
    let mut out = Vec::new();
    // Last year's figures read through the same accessors as this year's 上年数.
    let mut probe = Evaluation::empty(Default::default());
    probe.accounts.prior = PriorYear::of(last);
    for amount in PRIOR {
        if let (Some(typed), Some(file)) = ((amount.get)(this), (amount.get)(&probe)) {
            if typed != file {
                out.push(Finding::new(
                    Severity::Warning,
                    Code::ComparePriorAmount,
                    amount.field_path(),
                    format!(
                        "{}填为 {} 万元，上年（{}年）文件为 {} 万元",
                        amount.label,
                        fmt_score(typed),
                        last.unit.year,
                        fmt_score(file)
                    ),
                ));
            }
        }
    }
    for metric in &this.metrics {
        let Some(file) = last.counterpart(metric).and_then(|m| m.value) else {
            continue;
        };
        if let Some(typed) = metric.prior.filter(|typed| *typed != file) {
            out.push(Finding::new(
                Severity::Warning,
                Code::ComparePriorMetric,
                FieldPath::metric_prior(&metric.key),
                format!(
                    "{}的上年值填为 {}，上年（{}年）文件为 {}",
                    metric.name,
                    fmt_score(typed),
                    last.unit.year,
                    fmt_score(file)
                ),
            ));
        }
        let (Some(stated), Some(exact), Some(rate)) = (
            metric.stated_growth,
            growth_exact(metric.value, Some(file)),
            growth(metric.value, Some(file)),
        ) else {
            continue;
        };
        if !agrees_at_printed_precision(stated, exact) {
            out.push(Finding::new(
                Severity::Error,
                Code::CompareGrowth,
                FieldPath::metric_growth(&metric.key),
                format!(
                    "{}所列同比增长 {}% 与两年文件算出的 {}% 不符（本年 {}，上年文件 {}）",
                    metric.name,
                    fmt_score(stated),
                    fmt_score(rate),
                    metric.value.map(fmt_score).unwrap_or_default(),
                    fmt_score(file)
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rates_over_zero_and_negative_bases() {
        let c = |l: &str, t: &str| Change {
            last: Some(d(l)),
            this: Some(d(t)),
        };
        assert_eq!(c("383.75", "424.76").rate(), Some(d("10.69")));
        assert_eq!(c("0", "5").rate(), None, "no rate over a zero base");
        // A loss of 10 shrinking to 5 is a rise of 50 %, not a fall.
        assert_eq!(c("-10", "-5").rate(), Some(d("50.00")));
        assert_eq!(c("10", "-5").rate(), Some(d("-150.00")));
        assert_eq!(
            Change {
                last: None,
                this: Some(d("1"))
            }
            .rate(),
            None
        );
    }

    #[test]
    fn names_match_without_their_printed_points() {
        assert_eq!(match_name("数量指标（20分）"), "数量指标");
        assert_eq!(match_name(" 社会效益 (7.5分)"), "社会效益");
        assert_eq!(match_name("“三公”经费控制率"), "“三公”经费控制率");
    }
}
