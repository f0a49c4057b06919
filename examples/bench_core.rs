//! Core throughput (native): score and check generated trees of 1k, 10k and 100k leaves, and time the
//! exports of the built-in example. Prints a table; asserts nothing (figures, not pass/fail).
//! Run: `cargo run --release --example bench_core [-- --json OUT.json]` (the JSON rows join the table of
//! `scripts/dev bench`).

use jixiao::core::rule::ScoringRule;
use jixiao::core::{assess, template, Evaluation, Indicator};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

/// A three-level tree with `leaves` leaves (10 一级 × up to 10 二级 × the rest), every leaf scored.
fn tree(leaves: usize) -> Evaluation {
    let mut e = template::load("nanjing-2024").expect("example");
    let per_second = leaves.div_ceil(100).max(1);
    let mut made = 0;
    e.indicators = (0..10)
        .map(|a| Indicator {
            id: format!("{a}"),
            name: format!("一级{a}"),
            points: Decimal::TEN,
            children: (0..10)
                .map(|b| {
                    let children: Vec<Indicator> = (0..per_second)
                        .take_while(|_| {
                            made += 1;
                            made <= leaves
                        })
                        .map(|c| Indicator {
                            id: format!("{a}.{b}.{c}"),
                            name: format!("三级{a}.{b}.{c}"),
                            points: Decimal::new(1, 1),
                            rule: if c % 2 == 0 {
                                ScoringRule::Binary {
                                    met: Some(true),
                                    when: None,
                                    otherwise: Decimal::ZERO,
                                }
                            } else {
                                ScoringRule::Manual {
                                    step: Some(Decimal::new(5, 2)),
                                }
                            },
                            score: Some(Decimal::new(1, 1)),
                            ..Default::default()
                        })
                        .collect();
                    Indicator {
                        id: format!("{a}.{b}"),
                        name: format!("二级{a}.{b}"),
                        points: Decimal::ONE,
                        children,
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    e
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let _ = f(); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// One row of the benchmark table (the shape tests/e2e/bench.mjs prints).
fn row(figure: &str, value: f64, unit: &str, target: Option<&str>) -> String {
    let target = target.map_or("null".to_string(), |t| format!("{t:?}"));
    format!(
        "{{\"group\":\"native\",\"figure\":{figure:?},\"value\":{value},\"unit\":\"{unit}\",\"reference\":null,\"ratio\":null,\"target\":{target}}}"
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_out = args
        .iter()
        .position(|a| a == "--json")
        .and_then(|i| args.get(i + 1));
    let mut rows = Vec::new();
    println!("{:<34} {:>12} {:>14}", "figure", "median", "per row");
    for leaves in [1_000usize, 10_000, 100_000] {
        let e = tree(leaves);
        let runs = if leaves >= 100_000 { 7 } else { 21 };
        let t = time(runs, || assess(&e));
        let rows_in_tree = e
            .indicators
            .iter()
            .map(|n| {
                1 + n
                    .children
                    .iter()
                    .map(|c| 1 + c.children.len())
                    .sum::<usize>()
            })
            .sum::<usize>();
        let per_row = t.as_nanos() as f64 / rows_in_tree as f64;
        println!(
            "{:<34} {:>9.2} ms {:>11.0} ns",
            format!("assess {leaves} leaves ({rows_in_tree} rows)"),
            t.as_secs_f64() * 1e3,
            per_row
        );
        let target = (leaves == 100_000).then_some("< 20 ms");
        rows.push(row(
            &format!("score + check {rows_in_tree} rows"),
            t.as_secs_f64() * 1e3,
            "ms",
            target,
        ));
        rows.push(row(
            &format!("  per row at {rows_in_tree} rows"),
            per_row,
            "ns",
            Some("flat (linear growth)"),
        ));
    }
    let e = template::load("nanjing-2024").expect("example");
    for (name, t) in [
        ("assess Nanjing example (34 rows)", time(101, || assess(&e))),
        (
            "report text (Nanjing)",
            time(51, || {
                jixiao::report::text::render(&jixiao::report::build(&e))
            }),
        ),
        (
            "report html (Nanjing)",
            time(51, || {
                jixiao::report::html::render_document(&jixiao::report::build(&e))
            }),
        ),
        (
            "export docx (Nanjing)",
            time(21, || jixiao::export::docx::evaluation_docx(&e)),
        ),
        (
            "export xlsx (Nanjing)",
            time(21, || jixiao::export::xlsx::scoring_workbook(&e)),
        ),
        (
            "load JSON (Nanjing)",
            time(101, || {
                jixiao::core::from_json(template::json("nanjing-2024").unwrap_or(""))
            }),
        ),
    ] {
        println!("{:<34} {:>9.3} ms", name, t.as_secs_f64() * 1e3);
        rows.push(row(name, t.as_secs_f64() * 1e3, "ms", None));
    }
    if let Some(path) = json_out {
        if let Err(err) = std::fs::write(path, format!("[\n{}\n]\n", rows.join(",\n"))) {
            eprintln!("bench_core: cannot write {path}: {err}");
            std::process::exit(1);
        }
    }
}
