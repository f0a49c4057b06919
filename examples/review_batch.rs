//! Writes a reviewer's batch for the benchmark: N files as units send them — evaluation files (the
//! built-in example and the department template under other unit names, some with a mistyped total or a
//! lower score), the published tables of `tests/fixtures/real` (.tsv) and .xlsx tables (the example's
//! annex as exported), in that mix (60 % / 25 % / 15 %); the evaluation files carry a full report text, as
//! units write it, so the batch averages about 50 KB a file.
//!
//! Run: `cargo run --release --example review_batch -- DIR N` (prints the files' count and total size).

use jixiao::core::{template, to_json};
use rust_decimal::Decimal;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(n)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: review_batch DIR N");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).expect("cannot create the batch folder");
    let real_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut tables: Vec<(String, String)> = std::fs::read_dir(&real_dir)
        .expect("tests/fixtures/real")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    tables.sort();
    let mut total = 0usize;
    for i in 0..n {
        let (name, bytes): (String, Vec<u8>) = match i % 20 {
            0..=11 => {
                let base = if i % 3 == 0 {
                    "department"
                } else {
                    "nanjing-2024"
                };
                let mut e = template::load(base).expect("template");
                e.unit.name = format!("第{i:04}号单位");
                // A unit's report text runs to several pages.
                e.narrative.achievements.push_str(
                    &"本单位围绕年度目标，健全工作机制，细化任务分工，加强过程监管，各项工作按计划推进，取得了较好成效。"
                        .repeat(220 + i % 80),
                );
                if i % 7 == 0 {
                    e.stated.total = Some(Decimal::from(100));
                }
                if let Some(leaf) = e
                    .indicators
                    .first_mut()
                    .and_then(|n| n.children.first_mut())
                    .and_then(|n| n.children.first_mut())
                {
                    if i % 5 == 0 {
                        leaf.score = leaf.score.map(|s| s / Decimal::from(2));
                    }
                }
                (format!("{i:04}-单位.json"), to_json(&e).into_bytes())
            }
            12..=16 => {
                let (file, text) = &tables[i % tables.len()];
                // Each copy differs (a unit's own file), so none is a duplicate of another.
                (
                    format!("{i:04}-{file}"),
                    format!("{text}\n说明：第{i}份\n").into_bytes(),
                )
            }
            _ => {
                let mut e = template::load("nanjing-2024").expect("template");
                e.unit.name = format!("第{i:04}号单位");
                let bytes = jixiao::export::xlsx::scoring_workbook(&e).expect("xlsx");
                (format!("{i:04}-指标表.xlsx"), bytes)
            }
        };
        total += bytes.len();
        std::fs::write(dir.join(name), bytes).expect("cannot write");
    }
    println!("{n} files, {total} bytes");
}
