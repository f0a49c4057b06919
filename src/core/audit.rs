//! The score audit (评分复核): what a finance-bureau reviewer recomputes by hand. For every scored row
//! with a 年度指标值 and a 实际完成值 it infers the standard the figures imply and the score they
//! support, and says where the printed score departs from it; it recomputes the 预算执行情况 block
//! (执行率 = 全年执行数 / 全年预算数, the execution score, the 年度资金总额 against its lines) and flags
//! 两张皮 (results outrunning spending).
//!
//! The inferred standard, for a leaf whose rule is 人工评判 (a declared rule is applied as declared):
//! * a 实际完成值 that is a level (达成 / 部分达成 / 未达成; 高, 好, 明显 … count as 达成) → the 定性 band
//!   of 分值 (80–100 %, 60–80 %, 0–60 %);
//! * figures → 比例计分 by direction ([`crate::core::direction::resolve`]: the printed operator, else a
//!   word of the name), with [`crate::core::scoring::proportion`]'s formulas (反向 exceeded: linear);
//! * different units (万元 vs 元, 次 vs 个) → a warning and no score claim.
//!
//! **Tolerance.** A printed score is read as exact to its last printed decimal and to at least one
//! decimal (scores are judged to 0.1): it may exceed the supported score by half a unit of that decimal
//! (9 or 9.0 → ±0.05, 9.25 → ±0.005) and no more when the evaluation truncates instead of rounding.
//! Beyond it: above → error (虚高), below → warning.
//!
//! ```
//! use jixiao::core::{audit, Indicator};
//! use jixiao::core::rule::Comparison;
//! let leaf = Indicator { name: "受益人数".into(), points: 8.into(), score: Some(8.into()),
//!     target: Some(50.into()), target_op: Some(Comparison::Ge), actual: Some(40.into()), ..Default::default() };
//! let audit = audit::audit_leaf(&leaf).unwrap().unwrap();
//! assert_eq!(audit.support, audit::Support::Score("6.4".parse().unwrap()));
//! ```

use crate::core::check::{Checker, Severity};
use crate::core::direction::{self, Basis};
use crate::core::measure::{normalise_unit, Measure};
use crate::core::metric::execution_rate_source;
use crate::core::model::{Direction, Evaluation, FundLine, ImportNoteKind, Indicator};
use crate::core::number::{fmt_score, percent, Rounding, RoundingMode};
use crate::core::rule::{QualitativeLevel, ReverseFormula, ScoringRule};
use crate::core::scoring::proportion;
use rust_decimal::{Decimal, RoundingStrategy};

/// The standard a row's figures imply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// 比例计分 in a direction (never `Auto`).
    Proportional(Direction),
    /// 定性分档 at a level read from the 实际完成值.
    Level(QualitativeLevel),
}

/// The inferred standard with what decided it (推断的评分标准).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inference {
    /// The standard.
    pub standard: Standard,
    /// What decided the direction (for a level: the 实际完成值 itself).
    pub basis: Basis,
}

impl Inference {
    /// "由指标值推断：正向（指标值的“≥”），实际/目标".
    pub fn describe(&self) -> String {
        match self.standard {
            Standard::Proportional(direction) => {
                let formula = match direction {
                    Direction::Reverse => "实际 ≤ 目标得满分，超出按比例扣减",
                    Direction::Equal => "实际 = 目标得满分，偏离按比例扣减",
                    _ => "实际/目标",
                };
                format!(
                    "由指标值推断：{}（{}），{formula}",
                    direction.label(),
                    self.basis.describe()
                )
            }
            Standard::Level(level) => {
                let (lo, hi, _) = level.band_pct();
                format!(
                    "由实际完成值推断：定性“{}”，得分应为分值的 {lo}%–{hi}%",
                    level.label()
                )
            }
        }
    }
}

/// What the figures support.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Support {
    /// One score (exact, in [0, 分值]).
    Score(Decimal),
    /// A band of scores (定性).
    Band {
        /// Lowest supported.
        min: Decimal,
        /// Highest supported.
        max: Decimal,
        /// Whether `max` itself is supported.
        max_inclusive: bool,
    },
}

/// The audit of one row: the inferred standard, what it supports and the formula with its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audit {
    /// The standard.
    pub inference: Inference,
    /// What the figures support.
    pub support: Support,
    /// The formula with both figures, e.g. "正向：8 × min(40 / 50, 1) = 6.4".
    pub formula: String,
}

/// Target and actual in different units: no score is claimed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitsDiffer {
    /// The 年度指标值's unit.
    pub target: String,
    /// The 实际完成值's unit.
    pub actual: String,
}

/// The standard the audit infers for `leaf`, when its figures allow one.
pub fn infer(leaf: &Indicator) -> Option<Inference> {
    if leaf.actual.is_none() {
        if let Measure::Level(level) = Measure::parse(&leaf.actual_text) {
            return Some(Inference {
                standard: Standard::Level(level),
                basis: Basis::Default,
            });
        }
        return None;
    }
    leaf.target?;
    let (direction, basis) = direction::resolve(leaf);
    Some(Inference {
        standard: Standard::Proportional(direction),
        basis,
    })
}

/// The audit of `leaf`'s figures: `None` when it has none to audit, `Err` when their units differ.
pub fn audit_leaf(leaf: &Indicator) -> Option<Result<Audit, UnitsDiffer>> {
    let inference = infer(leaf)?;
    let points = leaf.points.max(Decimal::ZERO);
    Some(match inference.standard {
        Standard::Level(level) => {
            let (lo, hi, max_inclusive) = level.band_pct();
            let share = |pct: u32| {
                points
                    .checked_mul(Decimal::from(pct))
                    .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    .unwrap_or(points)
            };
            let (min, max) = (share(lo), share(hi));
            Ok(Audit {
                inference,
                support: Support::Band {
                    min,
                    max,
                    max_inclusive,
                },
                formula: format!(
                    "定性“{}”：{} × [{lo}%, {hi}%{} = [{}, {}{}",
                    level.label(),
                    fmt_score(points),
                    if max_inclusive { "]" } else { ")" },
                    fmt_score(min),
                    fmt_score(max),
                    if max_inclusive { "]" } else { ")" }
                ),
            })
        }
        Standard::Proportional(direction) => {
            let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
                return None;
            };
            let target_unit = normalise_unit(leaf.unit.trim());
            let actual_unit = normalise_unit(leaf.actual_unit.trim());
            if !actual_unit.is_empty() && !target_unit.is_empty() && actual_unit != target_unit {
                return Some(Err(UnitsDiffer {
                    target: target_unit,
                    actual: actual_unit,
                }));
            }
            if target < Decimal::ZERO || actual < Decimal::ZERO {
                return None;
            }
            let (score, how) =
                proportion(direction, ReverseFormula::Linear, points, target, actual);
            Ok(Audit {
                inference,
                support: Support::Score(score),
                formula: format!("{how} = {}", fmt_score(score.round_dp(2))),
            })
        }
    })
}

/// How far a printed score may exceed (first) and fall short of (second) the supported one.
pub fn tolerance(printed: Decimal, rounding: &Rounding) -> (Decimal, Decimal) {
    let scale = printed.normalize().scale().clamp(1, 10);
    let half = Decimal::new(5, scale + 1);
    let up = match rounding.mode {
        RoundingMode::HalfUp => half,
        RoundingMode::Truncate => Decimal::ZERO,
    };
    (up, half)
}

fn at(id: &str, field: &str) -> String {
    format!("indicators/{id}/{field}")
}

/// Findings of the audit for one 人工评判 leaf with its printed score.
pub fn check_leaf(leaf: &Indicator, printed: Decimal, rounding: &Rounding, checker: &mut Checker) {
    let name = &leaf.name;
    if let Some(rate) = leaf.score_rate {
        check_weighted(leaf, printed, rate, rounding, checker);
    }
    let Some(audit) = audit_leaf(leaf) else {
        return;
    };
    let audit = match audit {
        Ok(audit) => audit,
        Err(units) => {
            checker.push(
                Severity::Warning,
                "audit.units",
                at(&leaf.id, "actual"),
                format!(
                    "“{name}”年度指标值的单位“{}”与实际完成值的单位“{}”不同，无法核算得分，请统一单位",
                    units.target, units.actual
                ),
            );
            return;
        }
    };
    let (up, down) = tolerance(printed, rounding);
    let (low, high, high_inclusive) = match audit.support {
        Support::Score(score) => (score, score, true),
        Support::Band {
            min,
            max,
            max_inclusive,
        } => (min, max, max_inclusive || max == leaf.points),
    };
    let above = printed > high.saturating_add(up)
        || (!high_inclusive && printed >= high.saturating_add(up) && up.is_zero());
    let describe = audit.inference.describe();
    if above {
        checker.push(
            Severity::Error,
            "audit.inflated",
            at(&leaf.id, "score"),
            format!(
                "“{name}”自评分 {} 高于指标值支持的得分（{}；{describe}），超出容差 {}{}",
                fmt_score(printed),
                audit.formula,
                fmt_score(up),
                percent_mistake(leaf, printed, up, down)
            ),
        );
    } else if printed < low.saturating_sub(down) {
        checker.push(
            Severity::Warning,
            "audit.deflated",
            at(&leaf.id, "score"),
            format!(
                "“{name}”自评分 {} 低于指标值支持的得分（{}；{describe}）{}",
                fmt_score(printed),
                audit.formula,
                percent_mistake(leaf, printed, up, down)
            ),
        );
    }
}

/// "分值 × 实际%" where the target is not 100 %: named when the printed score is exactly that.
fn percent_mistake(leaf: &Indicator, printed: Decimal, up: Decimal, down: Decimal) -> String {
    let (Some(target), Some(actual)) = (leaf.target, leaf.actual) else {
        return String::new();
    };
    if normalise_unit(leaf.unit.trim()) != "%" || target == Decimal::ONE_HUNDRED {
        return String::new();
    }
    let Some(naive) = leaf
        .points
        .checked_mul(actual)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .map(|v| v.min(leaf.points))
    else {
        return String::new();
    };
    if printed <= naive.saturating_add(up) && printed >= naive.saturating_sub(down) {
        format!(
            "；所列得分为“分值 × 实际完成值%”（{} × {}% = {}），但目标为 {}%，应按 实际 / 目标 计算",
            fmt_score(leaf.points),
            fmt_score(actual),
            fmt_score(naive.round_dp(2)),
            fmt_score(target)
        )
    } else {
        String::new()
    }
}

/// A weighted form: 折算得分 = 分值（权重）× 得分率, with the weight applied once.
fn check_weighted(
    leaf: &Indicator,
    printed: Decimal,
    rate: Decimal,
    rounding: &Rounding,
    checker: &mut Checker,
) {
    let of = |v: Decimal| {
        v.checked_mul(rate)
            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
    };
    let Some(expected) = of(leaf.points) else {
        return;
    };
    let (up, down) = tolerance(printed, rounding);
    if printed <= expected.saturating_add(up) && printed >= expected.saturating_sub(down) {
        return;
    }
    // The weight applied a second time: (分值 × 得分率) × 分值 %.
    let twice = expected
        .checked_mul(leaf.points)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED));
    let named = match twice {
        Some(t) if printed <= t.saturating_add(up) && printed >= t.saturating_sub(down) => {
            "，权重被重复折算"
        }
        _ => "",
    };
    checker.push(
        Severity::Error,
        "audit.weighted",
        at(&leaf.id, "score"),
        format!(
            "“{}”折算得分 {} 与 权重 {} × 单项得分率 {}% = {} 不符{named}",
            leaf.name,
            fmt_score(printed),
            fmt_score(leaf.points),
            fmt_score(rate),
            fmt_score(expected.round_dp(2))
        ),
    );
}

/// A printed rate equals the exact one at the printed precision (half-up)?
fn rate_matches(printed: Decimal, exact: Decimal) -> bool {
    let scale = printed.normalize().scale();
    exact.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero)
        == printed.normalize()
}

fn exact_rate(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// The 预算执行情况 block: lines against the printed 年度资金总额, printed rates, per-line scores.
pub fn check_budget_block(evaluation: &Evaluation, checker: &mut Checker) {
    let Some(project) = &evaluation.project else {
        return;
    };
    let rounding = &evaluation.settings.rounding;
    if let Some(total) = &project.stated_total {
        let lines = &project.funds;
        for (field, label, get) in [
            (
                "initial",
                "年初预算数",
                (|l: &FundLine| l.initial) as fn(&FundLine) -> Option<Decimal>,
            ),
            ("adjusted", "全年预算数", |l: &FundLine| l.adjusted),
            ("executed", "全年执行数", |l: &FundLine| l.executed),
        ] {
            let stated = get(total);
            let parts: Vec<Decimal> = lines.iter().filter_map(get).collect();
            if parts.is_empty() {
                continue;
            }
            let stated_value = stated.unwrap_or(Decimal::ZERO);
            if let Some(biggest) = lines
                .iter()
                .filter_map(|l| get(l).map(|v| (l, v)))
                .find(|(_, v)| *v > stated_value)
            {
                checker.push(
                    Severity::Error,
                    "budget.total_below_part",
                    format!("project/stated_total/{field}"),
                    format!(
                        "年度资金总额的{label}{}小于其中“{}”的 {}",
                        stated.map_or("未填写，".to_string(), |s| format!(
                            " {} ",
                            fmt_score(s)
                        )),
                        biggest.0.source,
                        fmt_score(biggest.1)
                    ),
                );
                continue;
            }
            let Some(stated) = stated else { continue };
            checker.sum(
                "budget.total_sum",
                &format!("年度资金总额（{label}）= 其中各项之和"),
                &format!("project/stated_total/{field}"),
                Some(stated),
                &parts.iter().map(|v| (Some(*v), false)).collect::<Vec<_>>(),
            );
        }
        // The total's own score is the execution-rate indicator's, audited there.
        let unscored = FundLine {
            points: None,
            score: None,
            ..total.clone()
        };
        check_line(
            &unscored,
            "年度资金总额",
            "project/stated_total",
            rounding,
            checker,
        );
    }
    let total_points = project.stated_total.as_ref().and_then(|t| t.points);
    for (i, line) in project.funds.iter().enumerate() {
        // A line repeating the total's 分值 is the total again (see below), not a score of its own.
        let line =
            if total_points.is_some() && line.points == total_points && project.funds.len() == 1 {
                FundLine {
                    points: None,
                    score: None,
                    ..line.clone()
                }
            } else {
                line.clone()
            };
        check_line(
            &line,
            &line.source,
            &format!("project/funds/{i}"),
            rounding,
            checker,
        );
    }
    // Lines that repeat the total's 分值 / 得分 would count it twice if summed.
    if let Some(total_points) = project.stated_total.as_ref().and_then(|t| t.points) {
        let repeats = project
            .funds
            .iter()
            .filter(|l| l.points == Some(total_points))
            .count();
        if repeats > 0 && !total_points.is_zero() {
            checker.push(
                Severity::Warning,
                "budget.double_count",
                "project/funds",
                format!(
                    "“其中”各行重复列示了年度资金总额的分值 {}：只计一次，将其相加会重复计分",
                    fmt_score(total_points)
                ),
            );
        }
    }
}

/// One budget line: executed ≤ budget, the printed 执行率, the line's own score.
fn check_line(
    line: &FundLine,
    label: &str,
    path: &str,
    rounding: &Rounding,
    checker: &mut Checker,
) {
    let label = if label.trim().is_empty() {
        "资金"
    } else {
        label.trim()
    };
    let budget = line
        .adjusted
        .map(|v| (v, "全年预算数"))
        .or(line.initial.map(|v| (v, "年初预算数（未列全年预算数）")));
    if let (Some(executed), Some((budget, which))) = (line.executed, budget) {
        if executed > budget {
            checker.push(
                Severity::Error,
                "budget.over",
                format!("{path}/executed"),
                format!(
                    "{label}全年执行数 {} 超过{which} {}，执行率 {}%",
                    fmt_score(executed),
                    fmt_score(budget),
                    percent(executed, budget).map(fmt_score).unwrap_or_default()
                ),
            );
        }
    }
    let exact = match (line.executed, line.adjusted.or(line.initial)) {
        (Some(e), Some(a)) => exact_rate(e, a),
        _ => None,
    };
    if let Some(printed) = line.stated_rate {
        match (exact, line.executed) {
            (Some(exact), Some(executed)) if !rate_matches(printed, exact) => {
                let initial_hint = line
                    .initial
                    .and_then(|i| exact_rate(executed, i))
                    .filter(|r| rate_matches(printed, *r))
                    .map(|_| "；所列执行率是按年初预算数计算的，应以全年预算数为分母")
                    .unwrap_or("");
                checker.push(
                    Severity::Error,
                    "budget.rate",
                    format!("{path}/stated_rate"),
                    format!(
                        "{label}所列执行率 {}% 与重新计算的 {} / {} = {}% 不符{initial_hint}",
                        fmt_score(printed),
                        fmt_score(executed),
                        fmt_score(line.adjusted.unwrap_or_default()),
                        percent(executed, line.adjusted.unwrap_or_default())
                            .map(fmt_score)
                            .unwrap_or_default()
                    ),
                );
            }
            (_, None) => {
                checker.push(
                    Severity::Info,
                    "budget.rate_unverifiable",
                    format!("{path}/executed"),
                    format!(
                        "{label}所列执行率 {}% 无法核实：未填写全年执行数",
                        fmt_score(printed)
                    ),
                );
            }
            (None, _) if line.adjusted.is_none() && line.executed.is_some() => {
                checker.push(
                    Severity::Info,
                    "budget.rate_unverifiable",
                    format!("{path}/adjusted"),
                    format!(
                        "{label}所列执行率 {}% 无法核实：未填写全年预算数",
                        fmt_score(printed)
                    ),
                );
            }
            _ => {}
        }
    }
    // A line scored on its own: 分值 × min(执行率, 100%).
    if let (Some(points), Some(score), Some(exact)) = (line.points, line.score, exact) {
        let expected = points
            .checked_mul(exact.min(Decimal::ONE_HUNDRED))
            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
            .unwrap_or(points);
        let expected = rounding.apply(expected);
        let (up, down) = tolerance(score, rounding);
        if score > expected.saturating_add(up) {
            checker.push(
                Severity::Error,
                "budget.score_inflated",
                format!("{path}/score"),
                format!(
                    "{label}执行率得分 {} 高于 分值 {} × 执行率 {}% = {}",
                    fmt_score(score),
                    fmt_score(points),
                    fmt_score(exact.round_dp(2)),
                    fmt_score(expected)
                ),
            );
        } else if score < expected.saturating_sub(down) {
            checker.push(
                Severity::Warning,
                "budget.score_deflated",
                format!("{path}/score"),
                format!(
                    "{label}执行率得分 {} 低于 分值 {} × 执行率 {}% = {}",
                    fmt_score(score),
                    fmt_score(points),
                    fmt_score(exact.round_dp(2)),
                    fmt_score(expected)
                ),
            );
        }
    }
}

/// The execution rate the evaluation scores with, in %, when it can be computed.
pub fn execution_rate(evaluation: &Evaluation) -> Option<Decimal> {
    execution_rate_source(evaluation)
        .resolve(evaluation)
        .ok()
        .map(|m| m.value)
}

/// 两张皮: indicator scores near full while spending lags; low execution alone is a note.
pub fn check_execution_vs_results(
    evaluation: &Evaluation,
    leaf_scores: &[(Decimal, Decimal)],
    checker: &mut Checker,
) {
    let Some(rate) = execution_rate(evaluation) else {
        return;
    };
    let settings = &evaluation.settings.audit;
    if rate >= settings.low_execution_rate {
        return;
    }
    let (points, score) = leaf_scores
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(p, s), (lp, ls)| {
            (p.saturating_add(*lp), s.saturating_add(*ls))
        });
    let share = percent(score, points);
    match share {
        Some(share) if share >= settings.high_score_share => checker.push(
            Severity::Warning,
            "audit.two_skins",
            "project",
            format!(
                "预算执行率仅 {}%（低于 {}%），而绩效指标得分达分值的 {}%（{} / {}）：产出效益与资金使用不匹配（“两张皮”），请核实指标完成情况或说明原因",
                fmt_score(rate),
                fmt_score(settings.low_execution_rate),
                fmt_score(share),
                fmt_score(score),
                fmt_score(points)
            ),
        ),
        _ => checker.push(
            Severity::Info,
            "audit.low_execution",
            "project",
            format!(
                "预算执行率 {}%，低于 {}%",
                fmt_score(rate),
                fmt_score(settings.low_execution_rate)
            ),
        ),
    }
}

/// An indicator that scores the execution rate again, beside the execution-rate row (counted twice).
pub fn check_execution_twice(evaluation: &Evaluation, checker: &mut Checker) {
    let mut execution_rows = 0;
    let mut others = Vec::new();
    for node in &evaluation.indicators {
        node.walk(0, &mut |n, _| {
            if !n.is_leaf() {
                return;
            }
            if matches!(n.rule, ScoringRule::ExecutionRate) {
                execution_rows += 1;
            } else if n.name.contains("预算执行率") || n.name.contains("资金执行率") {
                others.push((n.id.clone(), n.name.clone()));
            }
        });
    }
    if execution_rows == 0 {
        return;
    }
    for (id, name) in others {
        checker.push(
            Severity::Warning,
            "audit.execution_twice",
            at(&id, "name"),
            format!("“{name}”再次对预算执行率计分，而预算执行情况已单独计分：同一事项重复计分"),
        );
    }
}

/// The import notes, as findings.
pub fn check_import_notes(evaluation: &Evaluation, checker: &mut Checker) {
    for (i, note) in evaluation.import_notes.iter().enumerate() {
        let (severity, code) = match note.kind {
            ImportNoteKind::Placeholder => (Severity::Info, "import.placeholder"),
            ImportNoteKind::Unreadable => (Severity::Warning, "import.unreadable"),
            ImportNoteKind::Assumed => (Severity::Info, "import.assumed"),
            ImportNoteKind::Blank => (Severity::Warning, "import.blank"),
            ImportNoteKind::Repeated => (Severity::Warning, "import.repeated"),
        };
        let cells = if note.cells.is_empty() {
            String::new()
        } else {
            format!("（“{}”）", clip(&note.cells, 60))
        };
        checker.push(
            severity,
            code,
            format!("import_notes/{i}"),
            format!("导入表第 {} 行：{}{cells}", note.row, note.message),
        );
    }
}

fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// Whether the audit applies to a leaf's rule (a declared rule is applied as declared).
pub fn audits(rule: &ScoringRule) -> bool {
    matches!(rule, ScoringRule::Manual { .. })
}
