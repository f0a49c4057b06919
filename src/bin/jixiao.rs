//! `jixiao` — the reviewer's command line over the same core as the browser app.
//!
//! ```text
//! jixiao check [--json] [--summary OUT.xlsx] FILE|DIR|ZIP...
//!                                 score and check evaluation files, TSV or .xlsx tables, folders and .zip
//!                                 batches (recursively; "-" reads standard input); --summary writes the
//!                                 reviewer's batch workbook (汇总 / 问题清单 / 复核意见 / 统计)
//! jixiao template NAME            print a built-in template's JSON (nanjing-2024, department, project)
//! jixiao templates                list the built-in templates
//! jixiao export FILE --to txt|html|docx|xlsx [-o OUT]   write the self-evaluation report
//! jixiao compare LAST THIS [--json]   last year beside this year: totals, indicators, accounts, 变动率
//! jixiao next-year FILE [-o OUT]      next year's evaluation made from this one
//! jixiao library [--json] [--file LIB.json] [QUERY]   list or search the 指标库 (built-in, or a file)
//! ```
//! Exit status of `check`: 0 clean, 1 when any file has an error-severity finding, 2 when a file cannot
//! be read or parsed.

use jixiao::core::review::intake::{self, Received};
use jixiao::core::review::{Desk, Refusal, ReviewRow};
use jixiao::core::{assess, from_json, template, Assessment, Severity};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "用法：
  jixiao check [--json] [--summary 汇总.xlsx] 文件|文件夹|压缩包...
                                  评分并检查评价文件、指标表（.tsv/.xlsx）、文件夹和 .zip（“-”表示标准输入）；
                                  --summary 输出复核汇总表（汇总、问题清单、复核意见、统计）
  jixiao template 名称            输出内置模板 JSON（nanjing-2024 / department / project）
  jixiao templates                列出内置模板
  jixiao export 文件 --to txt|html|docx|xlsx [-o 输出文件]   生成自评价报告（默认输出到标准输出）
  jixiao compare 上年文件 本年文件 [--json]   与上年对比：总分、各项指标、收支和业务指标的变动率
  jixiao next-year 文件 [-o 输出文件]      以本年评价新建下一年度（保留指标体系，清空得分和数据）
  jixiao library [--json] [--file 指标库.json] [关键词...]   列出或搜索指标库（默认内置指标库）";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("template") => match args.get(1).and_then(|name| template::json(name)) {
            Some(text) => {
                let _ = std::io::stdout().write_all(text.as_bytes());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "未知模板：{}。可用模板：",
                    args.get(1).map(String::as_str).unwrap_or("")
                );
                list_templates(&mut std::io::stderr());
                ExitCode::from(2)
            }
        },
        Some("export") => export(&args[1..]),
        Some("compare") => compare(&args[1..]),
        Some("next-year") => next_year(&args[1..]),
        Some("library") => library(&args[1..]),
        Some("templates") => {
            list_templates(&mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn list_templates(out: &mut dyn Write) {
    for (name, title) in template::TEMPLATES {
        let _ = writeln!(out, "  {name:<14} {title}");
    }
}

/// One file's outcome.
enum Checked {
    Ok(Box<jixiao::core::Evaluation>, Box<Assessment>),
    Unreadable(String),
    /// Not a kind of file `check` reads (a README or a PDF beside the tables, say): listed, not an error.
    Skipped(String),
}

/// Reads a file (or standard input) and opens it as an evaluation: JSON, a TSV table, or the table of an
/// .xlsx, .xls or .docx file.
fn read(path: &str) -> Result<jixiao::core::Evaluation, String> {
    let bytes = read_bytes(path)?;
    if jixiao::core::import::office_format(&bytes).is_some() {
        return jixiao::core::import::read_document(&bytes)
            .and_then(|read| read.into_evaluation())
            .map_err(|e| format!("无法识别的指标表：{e}"));
    }
    let text = String::from_utf8(bytes).map_err(|_| "文件不是 UTF-8 编码的文本".to_string())?;
    load_any(&text)
}

fn read_bytes(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("无法读取文件：{e}"))
    }
}

/// An evaluation file (JSON), or an indicator table pasted as tab-separated text.
fn load_any(text: &str) -> Result<jixiao::core::Evaluation, String> {
    if text.trim_start().starts_with('{') {
        from_json(text).map_err(|e| e.to_string())
    } else {
        jixiao::core::import::parse_tsv(text)
            .map(|t| t.into_evaluation())
            .map_err(|e| format!("无法识别的指标表：{e}"))
    }
}

/// Every file under `path` (itself when it is a file; a directory's files recursively, by name), each
/// opened all the way: a .zip into its files.
fn gather(path: &str, out: &mut Vec<Received>) {
    let meta = (path != "-").then(|| std::fs::metadata(path));
    if let Some(Ok(meta)) = &meta {
        if meta.is_dir() {
            let mut entries: Vec<std::path::PathBuf> = match std::fs::read_dir(path) {
                Ok(dir) => dir.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    out.push(unreadable(path, format!("无法读取文件夹：{e}")));
                    return;
                }
            };
            entries.sort();
            for entry in entries {
                gather(&entry.to_string_lossy(), out);
            }
            return;
        }
        if meta.len() > intake::MAX_ARCHIVE_BYTES as u64 {
            out.push(Received {
                name: path.to_string(),
                key: String::new(),
                opened: Err(Refusal::TooLarge(meta.len())),
            });
            return;
        }
    }
    match read_bytes(path) {
        Ok(bytes) => out.extend(intake::open_all(path, &bytes)),
        Err(message) => out.push(unreadable(path, message)),
    }
}

fn unreadable(path: &str, message: String) -> Received {
    Received {
        name: path.to_string(),
        key: String::new(),
        opened: Err(Refusal::Unreadable(message)),
    }
}

/// The value of option `name` (`--summary OUT`), and the arguments without it.
fn take_option(args: &[String], name: &str) -> (Option<String>, Vec<String>) {
    let mut value = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == name {
            value = args.get(i + 1).cloned();
            i += 2;
        } else {
            rest.push(args[i].clone());
            i += 1;
        }
    }
    (value, rest)
}

fn check(args: &[String]) -> ExitCode {
    let (summary, args) = take_option(args, "--summary");
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| a.as_str() != "--json").collect();
    if files.is_empty() || args.iter().any(|a| a == "--summary") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut received = Vec::new();
    for path in &files {
        gather(path, &mut received);
    }
    let mut desk = Desk::default();
    let results: Vec<(String, Checked)> = received
        .into_iter()
        .map(|r| {
            let checked = match r.opened {
                Ok(evaluation) => {
                    let assessment = assess(&evaluation);
                    desk.add(ReviewRow::assessed(
                        &r.name,
                        r.key,
                        &evaluation,
                        &assessment,
                    ));
                    Checked::Ok(Box::new(evaluation), Box::new(assessment))
                }
                Err(refusal) => {
                    let message = refusal.message();
                    let skipped = matches!(refusal, Refusal::NotATable(_));
                    desk.add(ReviewRow::refused(&r.name, r.key, refusal));
                    if skipped {
                        Checked::Skipped(message)
                    } else {
                        Checked::Unreadable(message)
                    }
                }
            };
            (r.name, checked)
        })
        .collect();
    if let Some(out) = summary {
        let written = jixiao::export::review::summary_workbook(&desk).and_then(|bytes| {
            std::fs::write(&out, bytes).map_err(|e| format!("无法写入 {out}：{e}"))
        });
        if let Err(message) = written {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    }
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(out, "{}", to_json(&results, &desk));
    } else {
        print_table(&mut out, &results, &desk);
    }
    let unreadable = results
        .iter()
        .any(|(_, c)| matches!(c, Checked::Unreadable(_)));
    let errors = results
        .iter()
        .any(|(_, c)| matches!(c, Checked::Ok(_, a) if a.count(Severity::Error) > 0));
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The desk's row of file `path`.
fn row_of<'a>(desk: &'a Desk, path: &str) -> Option<&'a ReviewRow> {
    desk.rows.iter().find(|r| r.file == path)
}

fn to_json(results: &[(String, Checked)], desk: &Desk) -> String {
    let items: Vec<serde_json::Value> = results
        .iter()
        .map(|(path, checked)| {
            let row = row_of(desk, path);
            let mut item = match checked {
            Checked::Ok(evaluation, a) => serde_json::json!({
                "file": path,
                "ok": true,
                "unit": evaluation.unit.name,
                "year": evaluation.unit.year,
                "kind": evaluation.kind,
                "total": a.total,
                "stated_total": evaluation.stated.total,
                "grade": a.grade,
                "points_total": a.points_total,
                "bonus": a.bonus,
                "penalty": a.penalty,
                "counts": a.counts,
                "errors": a.count(Severity::Error),
                "warnings": a.count(Severity::Warning),
                "infos": a.count(Severity::Info),
                "findings": a.findings,
                "reconciliations": a.reconciliations,
                "execution_rate": row.and_then(|r| r.summary()).and_then(|s| s.execution_rate),
                "margin": jixiao::core::margin::margin(evaluation, a),
            }),
            Checked::Unreadable(message) => {
                serde_json::json!({ "file": path, "ok": false, "error": message })
            }
            Checked::Skipped(message) => {
                serde_json::json!({ "file": path, "ok": false, "skipped": true, "reason": message })
            }
            };
            if let (Some(row), Some(object)) = (row, item.as_object_mut()) {
                object.insert("key".into(), row.key.clone().into());
                object.insert("flag".into(), row.flag_level().key().into());
                object.insert("flags".into(), serde_json::json!(row.flags));
                if let Some(first) = &row.duplicate_of {
                    object.insert("duplicate_of".into(), first.clone().into());
                }
            }
            item
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

fn print_table(out: &mut dyn Write, results: &[(String, Checked)], desk: &Desk) {
    for (path, checked) in results {
        if matches!(checked, Checked::Skipped(_)) {
            continue;
        }
        let _ = writeln!(out, "== {path} ==");
        match checked {
            Checked::Skipped(_) => {}
            Checked::Unreadable(message) => {
                // A refusal's own message may already say 无法读取.
                let message = message.strip_prefix("无法读取：").unwrap_or(message);
                let _ = writeln!(out, "  无法读取：{message}");
            }
            Checked::Ok(evaluation, a) => {
                let _ = writeln!(
                    out,
                    "  {}（{}）",
                    evaluation.title(),
                    evaluation.kind.label()
                );
                let _ = writeln!(
                    out,
                    "  总分 {}  等级 {}  （分值合计 {}，加分 {}，减分 {}）",
                    a.total.normalize(),
                    a.grade,
                    a.points_total.normalize(),
                    a.bonus.normalize(),
                    a.penalty.normalize()
                );
                let _ = writeln!(out, "  {}", a.counts_sentence());
                let _ = writeln!(
                    out,
                    "  检查：错误 {}，警告 {}，提示 {}",
                    a.count(Severity::Error),
                    a.count(Severity::Warning),
                    a.count(Severity::Info)
                );
                for f in &a.findings {
                    let _ = writeln!(
                        out,
                        "  [{}] {}  {}\n        {}",
                        f.severity.label(),
                        f.code,
                        f.path,
                        f.message
                    );
                }
            }
        }
    }
    if results.len() > 1 {
        summary_table(out, results, desk);
    }
}

/// Display width: CJK characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

fn pad(text: &str, to: usize) -> String {
    let mut out = text.to_string();
    for _ in width(text)..to {
        out.push(' ');
    }
    out
}

/// One line per file: unit, printed and computed totals, grade, finding counts.
fn summary_table(out: &mut dyn Write, results: &[(String, Checked)], desk: &Desk) {
    let name = |path: &str| {
        std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| path.to_string())
    };
    let file_width = results
        .iter()
        .map(|(p, _)| width(&name(p)))
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "\n{} {} {:>8} {:>8} {} {:>4} {:>4} {:>4}  标记",
        pad("文件", file_width),
        pad("单位", 24),
        "所列总分",
        "计算总分",
        pad("等级", 4),
        "错误",
        "警告",
        "提示"
    );
    for (path, checked) in results {
        let file = pad(&name(path), file_width);
        let flags = row_of(desk, path)
            .map(|r| r.flag_text())
            .unwrap_or_default();
        match checked {
            Checked::Ok(evaluation, a) => {
                let unit: String = evaluation.unit.name.chars().take(12).collect();
                let _ = writeln!(
                    out,
                    "{file} {} {:>8} {:>8} {} {:>4} {:>4} {:>4}  {flags}",
                    pad(if unit.is_empty() { "—" } else { &unit }, 24),
                    evaluation
                        .stated
                        .total
                        .map(|t| t.normalize().to_string())
                        .unwrap_or_else(|| "—".into()),
                    a.total.normalize().to_string(),
                    pad(&a.grade, 4),
                    a.count(Severity::Error),
                    a.count(Severity::Warning),
                    a.count(Severity::Info)
                );
            }
            Checked::Unreadable(message) => {
                let _ = writeln!(out, "{file} {message}");
            }
            Checked::Skipped(message) => {
                let _ = writeln!(out, "{file} 跳过：{message}");
            }
        }
    }
}

fn export(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut format = "txt".to_string();
    let mut out = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--to" => {
                format = args.get(i + 1).cloned().unwrap_or_default();
                i += 1;
            }
            "-o" => {
                out = args.get(i + 1).cloned();
                i += 1;
            }
            other => file = Some(other.to_string()),
        }
        i += 1;
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let evaluation = match read(&file) {
        Ok(e) => e,
        Err(message) => {
            eprintln!("{file}：{message}");
            return ExitCode::from(2);
        }
    };
    let report = jixiao::report::build(&evaluation);
    let bytes = match format.as_str() {
        "txt" => jixiao::report::text::render(&report).into_bytes(),
        "html" => jixiao::report::html::render_document(&report).into_bytes(),
        "docx" => match jixiao::export::docx::report_docx(&report) {
            Ok(bytes) => bytes,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        },
        "xlsx" => match jixiao::export::xlsx::scoring_workbook(&evaluation) {
            Ok(bytes) => bytes,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        },
        other => {
            eprintln!("不支持的导出格式：{other}（可用：txt、html、docx、xlsx）");
            return ExitCode::from(2);
        }
    };
    write_out(out, &bytes)
}

/// Writes `bytes` to the file `out`, or to standard output; a failure is told on standard error.
fn write_out(out: Option<String>, bytes: &[u8]) -> ExitCode {
    let written = match out {
        Some(path) => std::fs::write(&path, bytes).map_err(|e| format!("无法写入 {path}：{e}")),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn compare(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| a.as_str() != "--json").collect();
    let [last, this] = files.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (last, this) = match (read(last), read(this)) {
        (Ok(l), Ok(t)) => (l, t),
        (Err(m), _) => {
            eprintln!("{last}：{m}");
            return ExitCode::from(2);
        }
        (_, Err(m)) => {
            eprintln!("{this}：{m}");
            return ExitCode::from(2);
        }
    };
    let c = jixiao::core::compare::compare(&last, &this, &[]);
    let fmt = |v: Option<rust_decimal::Decimal>| {
        v.map(|v| v.normalize().to_string())
            .unwrap_or_else(|| "—".into())
    };
    let rate = |c: &jixiao::core::metric::Change| {
        c.rate()
            .map(|r| format!("{}%", r.normalize()))
            .unwrap_or_else(|| "—".into())
    };
    let mut out = std::io::stdout().lock();
    if json {
        let change = |c: &jixiao::core::metric::Change| serde_json::json!({ "last": c.last, "this": c.this, "delta": c.delta(), "rate": c.rate() });
        let value = serde_json::json!({
            "years": [c.years.0, c.years.1],
            "total": change(&c.total),
            "grades": [c.grades.0, c.grades.1],
            "rows": c.rows.iter().map(|r| serde_json::json!({
                "path": r.path, "last_id": r.last_id, "this_id": r.this_id, "depth": r.depth,
                "pairing": format!("{:?}", r.pairing).to_lowercase(),
                "points": change(&r.points), "score": change(&r.score),
            })).collect::<Vec<_>>(),
            "only_last": c.only_last.iter().map(|u| serde_json::json!({ "id": u.id, "path": u.path })).collect::<Vec<_>>(),
            "only_this": c.only_this.iter().map(|u| serde_json::json!({ "id": u.id, "path": u.path })).collect::<Vec<_>>(),
            "accounts": c.accounts.iter().map(|a| serde_json::json!({
                "path": a.path, "label": a.label, "change": change(&a.change),
            })).collect::<Vec<_>>(),
            "metrics": c.metrics.iter().map(|m| serde_json::json!({
                "key": m.key, "name": m.name, "unit": m.unit, "change": change(&m.change),
                "stated_growth": m.stated_growth,
            })).collect::<Vec<_>>(),
            "findings": c.findings,
        });
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(
        out,
        "{}年 → {}年  总分 {} → {}（{}）  等级 {} → {}",
        c.years.0,
        c.years.1,
        fmt(c.total.last),
        fmt(c.total.this),
        fmt(c.total.delta()),
        c.grades.0,
        c.grades.1
    );
    let _ = writeln!(out, "\n指标（分值 / 得分，上年 → 本年）：");
    for r in &c.rows {
        let moved = match r.pairing {
            jixiao::core::compare::Pairing::Place => "",
            jixiao::core::compare::Pairing::Name => "（位置变动）",
            jixiao::core::compare::Pairing::Hand => "（手工配对）",
        };
        let _ = writeln!(
            out,
            "  {}{}  分值 {} → {}  得分 {} → {}",
            r.path,
            moved,
            fmt(r.points.last),
            fmt(r.points.this),
            fmt(r.score.last),
            fmt(r.score.this)
        );
    }
    for (label, list) in [("仅上年有：", &c.only_last), ("仅本年有：", &c.only_this)] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{label}");
            for u in list {
                let _ = writeln!(out, "  {}", u.path);
            }
        }
    }
    let line = |label: &str, change: &jixiao::core::metric::Change, unit: &str| {
        let (last, this) = (fmt(change.last), fmt(change.this));
        format!("  {label}  {last} → {this}{unit}  {}", rate(change))
    };
    let _ = writeln!(out, "\n收支与资产（万元，上年 → 本年，变动率）：");
    for a in &c.accounts {
        let _ = writeln!(out, "{}", line(a.label, &a.change, ""));
    }
    if !c.metrics.is_empty() {
        let _ = writeln!(out, "\n业务指标（上年 → 本年，增长率）：");
        for m in &c.metrics {
            let _ = writeln!(out, "{}", line(&m.name, &m.change, &format!(" {}", m.unit)));
        }
    }
    if !c.findings.is_empty() {
        let _ = writeln!(out, "\n与上年文件不符：");
        for f in &c.findings {
            let _ = writeln!(out, "  [{}] {}", f.severity.label(), f.message);
        }
    }
    ExitCode::SUCCESS
}

fn next_year(args: &[String]) -> ExitCode {
    let (out, rest) = take_option(args, "-o");
    let [file] = rest.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let this = match read(file) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("{file}：{m}");
            return ExitCode::from(2);
        }
    };
    let text = jixiao::core::to_json(&jixiao::core::next_year::next_year(&this));
    write_out(out, text.as_bytes())
}

fn library(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let (file, rest) = take_option(args, "--file");
    let query: Vec<String> = rest.into_iter().filter(|a| a != "--json").collect();
    let own;
    let library = match file {
        Some(path) => {
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{path}：无法读取（{e}）");
                    return ExitCode::from(2);
                }
            };
            own = match jixiao::core::library::Library::parse(&text) {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("{path}：{e}");
                    return ExitCode::from(2);
                }
            };
            &own
        }
        None => jixiao::core::library::builtin(),
    };
    let hits = library.search(&query.join(" "));
    let mut out = std::io::stdout().lock();
    if json {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&hits).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    for e in &hits {
        let points = if e.indicator.points.is_zero() {
            "分值自定".to_string()
        } else {
            format!("{}分", e.indicator.points.normalize())
        };
        let _ = writeln!(
            out,
            "{}  {} / {}  {}  {}\n    来源：{}{}",
            e.indicator.name,
            e.framework,
            e.path.join(" / "),
            points,
            e.indicator.rule.label(),
            e.source,
            if e.note.is_empty() {
                String::new()
            } else {
                format!("（{}）", e.note)
            }
        );
    }
    let _ = writeln!(out, "共 {} 条", hits.len());
    ExitCode::SUCCESS
}
