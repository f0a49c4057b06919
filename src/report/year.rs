//! What `jixiao compare` prints for a [`YearComparison`]: [`YearText`] for a person (totals, each
//! indicator's 分值 / 得分, the unpaired, accounts and metrics with their 变动率, what last year's file
//! contradicts) and [`YearJson`] for scripts (keys in alphabetical order, as the CLI has always printed).
//!
//! ```
//! use jixiao::core::compare::compare;
//! use jixiao::report::year::YearText;
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let text = YearText(&compare(&e, &e, &[])).to_string();
//! assert!(text.starts_with("2024年 → 2024年  总分 99.5 → 99.5（0）"));
//! ```

use super::change::{figure, rate};
use crate::core::check::Finding;
use crate::core::compare::{Pairing, Unpaired, YearComparison};
use crate::core::metric::Change;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// A change with its difference and rate.
#[derive(Serialize)]
struct ChangeJson {
    last: Option<Decimal>,
    this: Option<Decimal>,
    delta: Option<Decimal>,
    rate: Option<Decimal>,
}

impl From<&Change> for ChangeJson {
    fn from(c: &Change) -> Self {
        ChangeJson {
            last: c.last,
            this: c.this,
            delta: c.delta(),
            rate: c.rate(),
        }
    }
}

#[derive(Serialize)]
struct RowJson<'a> {
    path: &'a str,
    last_id: &'a str,
    this_id: &'a str,
    depth: usize,
    pairing: &'static str,
    points: ChangeJson,
    score: ChangeJson,
}

#[derive(Serialize)]
struct UnpairedJson<'a> {
    id: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct AmountJson<'a> {
    path: &'a str,
    label: &'a str,
    change: ChangeJson,
}

#[derive(Serialize)]
struct MetricJson<'a> {
    key: &'a str,
    name: &'a str,
    unit: &'a str,
    change: ChangeJson,
    stated_growth: Option<Decimal>,
}

#[derive(Serialize)]
struct ComparisonJson<'a> {
    years: [i32; 2],
    total: ChangeJson,
    grades: [&'a str; 2],
    rows: Vec<RowJson<'a>>,
    only_last: Vec<UnpairedJson<'a>>,
    only_this: Vec<UnpairedJson<'a>>,
    accounts: Vec<AmountJson<'a>>,
    metrics: Vec<MetricJson<'a>>,
    findings: &'a [Finding],
}

/// The key of a pairing in the JSON.
fn pairing_key(pairing: Pairing) -> &'static str {
    match pairing {
        Pairing::Place => "place",
        Pairing::Name => "name",
        Pairing::Hand => "hand",
    }
}

fn unpaired(list: &[Unpaired]) -> Vec<UnpairedJson<'_>> {
    list.iter()
        .map(|u| UnpairedJson {
            id: &u.id,
            path: &u.path,
        })
        .collect()
}

/// `compare --json`.
pub struct YearJson<'a>(pub &'a YearComparison);

impl fmt::Display for YearJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        let json = ComparisonJson {
            years: [c.years.0, c.years.1],
            total: (&c.total).into(),
            grades: [&c.grades.0, &c.grades.1],
            rows: c
                .rows
                .iter()
                .map(|r| RowJson {
                    path: &r.path,
                    last_id: &r.last_id,
                    this_id: &r.this_id,
                    depth: r.depth,
                    pairing: pairing_key(r.pairing),
                    points: (&r.points).into(),
                    score: (&r.score).into(),
                })
                .collect(),
            only_last: unpaired(&c.only_last),
            only_this: unpaired(&c.only_this),
            accounts: c
                .accounts
                .iter()
                .map(|a| AmountJson {
                    path: a.path,
                    label: a.label,
                    change: (&a.change).into(),
                })
                .collect(),
            metrics: c
                .metrics
                .iter()
                .map(|m| MetricJson {
                    key: &m.key,
                    name: &m.name,
                    unit: &m.unit,
                    change: (&m.change).into(),
                    stated_growth: m.stated_growth,
                })
                .collect(),
            findings: &c.findings,
        };
        let value = serde_json::to_value(&json).map_err(|_| fmt::Error)?;
        f.write_str(&serde_json::to_string_pretty(&value).map_err(|_| fmt::Error)?)
    }
}

/// `compare` for a person.
pub struct YearText<'a>(pub &'a YearComparison);

impl fmt::Display for YearText<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        writeln!(
            out,
            "{}年 → {}年  总分 {} → {}（{}）  等级 {} → {}",
            c.years.0,
            c.years.1,
            figure(c.total.last),
            figure(c.total.this),
            figure(c.total.delta()),
            c.grades.0,
            c.grades.1
        )?;
        writeln!(out, "\n指标（分值 / 得分，上年 → 本年）：")?;
        for r in &c.rows {
            writeln!(
                out,
                "  {}{}  分值 {} → {}  得分 {} → {}",
                r.path,
                r.pairing.note(),
                figure(r.points.last),
                figure(r.points.this),
                figure(r.score.last),
                figure(r.score.this)
            )?;
        }
        for (label, list) in [("仅上年有：", &c.only_last), ("仅本年有：", &c.only_this)]
        {
            if !list.is_empty() {
                writeln!(out, "\n{label}")?;
                for u in list {
                    writeln!(out, "  {}", u.path)?;
                }
            }
        }
        let line = |label: &str, change: &Change, unit: &str| {
            let (last, this) = (figure(change.last), figure(change.this));
            format!("  {label}  {last} → {this}{unit}  {}", rate(change))
        };
        writeln!(out, "\n收支与资产（万元，上年 → 本年，变动率）：")?;
        for a in &c.accounts {
            writeln!(out, "{}", line(a.label, &a.change, ""))?;
        }
        if !c.metrics.is_empty() {
            writeln!(out, "\n业务指标（上年 → 本年，增长率）：")?;
            for m in &c.metrics {
                writeln!(out, "{}", line(&m.name, &m.change, &format!(" {}", m.unit)))?;
            }
        }
        if !c.findings.is_empty() {
            writeln!(out, "\n与上年文件不符：")?;
            for f in &c.findings {
                writeln!(out, "  [{}] {}", f.severity.label(), f.message)?;
            }
        }
        Ok(())
    }
}
