//! `jixiao` — the reviewer's command line over the same core as the browser app.
//!
//! Commands: check, template(s), export, compare, next-year, next-stage, adjust, library — see `USAGE` below (`jixiao help`).
//! The work is the library's: this file parses arguments, reads files and picks the printer.
//! Exit status of `check`: 0 clean, 1 when any file has an error-severity finding, 2 when a file cannot
//! be read or parsed.

use jixiao::core::model::Stage;
use jixiao::core::review::batch::{Batch, Status};
use jixiao::core::review::{folder, intake};
use jixiao::core::{library::Library, stage, template, Evaluation};
use jixiao::export::format::Format;
use jixiao::report::batch::{BatchJson, BatchText};
use jixiao::report::expect::MeasuredText;
use jixiao::report::library::LibraryText;
use jixiao::report::year::{YearJson, YearText};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "用法：
  jixiao check [--json] [--summary 汇总.xlsx] 文件|文件夹|压缩包...
                                  评分并检查评价文件、指标表（.tsv/.xlsx）、文件夹和 .zip（“-”表示标准输入）；
                                  --summary 输出复核汇总表（汇总、问题清单、复核意见、统计）；
                                  文件旁有同名 .expect（复核预期）时，另列召回率和精确率
  jixiao template 名称            输出内置模板 JSON（nanjing-2024 / department / project / project-target / department-target）
  jixiao templates                列出内置模板
  jixiao export 文件 --to txt|html|docx|xlsx [-o 输出文件]   生成自评价报告（默认输出到标准输出）
  jixiao compare 上年文件 本年文件 [--json]   与上年对比：总分、各项指标、收支和业务指标的变动率
  jixiao next-year 文件 [-o 输出文件]      以本年评价新建下一年度（保留指标体系，清空得分和数据）
  jixiao next-stage 文件 [--to 运行监控|年度自评] [--date 日期] [-o 输出文件]
                                  进入下一阶段（目标申报 → 运行监控 → 年度自评；--to 可跳过监控）：
                                  指标体系和指标值不变，尚未批复的目标按该日期视为批复
  jixiao adjust 文件 --reason 原因 [--date 日期] [-o 输出文件]   把批复后对指标值的改动记录为一次目标调整
  jixiao library [--json] [--file 指标库.json] [关键词...]   列出或搜索指标库（默认内置指标库）";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = Args::parse(args.get(1..).unwrap_or_default());
    let done = match args.first().map(String::as_str) {
        Some("check") => check(rest),
        Some("template") => template(rest),
        Some("templates") => {
            list_templates(&mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some("export") => export(rest),
        Some("compare") => compare(rest),
        Some("next-year") => next_year(rest),
        Some("next-stage") => next_stage(rest),
        Some("adjust") => adjust(rest),
        Some("library") => library(rest),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(Failure::Usage),
    };
    done.unwrap_or_else(|failure| {
        match failure {
            Failure::Usage => eprintln!("{USAGE}"),
            Failure::Message(message) => eprintln!("{message}"),
        }
        ExitCode::from(2)
    })
}

/// Why a command stopped: exit status 2 with the usage, or with a message.
enum Failure {
    Usage,
    Message(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

/// A command's arguments: `--json`, options with a value (`--to docx`, `-o OUT`), the rest in order.
struct Args {
    json: bool,
    options: Vec<(String, String)>,
    rest: Vec<String>,
}

impl Args {
    const WITH_VALUE: [&'static str; 6] =
        ["--summary", "--to", "-o", "--file", "--date", "--reason"];

    fn parse(args: &[String]) -> Result<Args, Failure> {
        let mut parsed = Args {
            json: false,
            options: Vec::new(),
            rest: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "--json" {
                parsed.json = true;
            } else if Args::WITH_VALUE.contains(&arg.as_str()) {
                let value = args.next().ok_or(Failure::Usage)?;
                parsed.options.push((arg.clone(), value.clone()));
            } else {
                parsed.rest.push(arg.clone());
            }
        }
        Ok(parsed)
    }

    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn template(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let name = args?.rest.first().cloned().unwrap_or_default();
    let Some(text) = template::json(&name) else {
        eprintln!("未知模板：{name}。可用模板：");
        list_templates(&mut std::io::stderr());
        return Ok(ExitCode::from(2));
    };
    write_out(None, text.as_bytes())
}

fn list_templates(out: &mut dyn Write) {
    for (name, title) in template::TEMPLATES {
        let _ = writeln!(out, "  {name:<14} {title}");
    }
}

/// Reads a file (or standard input, "-") and opens it as one evaluation, as a batch would.
fn read(path: &str) -> Result<Evaluation, String> {
    intake::open_one(path, &folder::read_bytes(path)?)
        .map_err(|message| format!("{path}：{message}"))
}

fn check(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    if args.rest.is_empty() {
        return Err(Failure::Usage);
    }
    let mut received = Vec::new();
    for path in &args.rest {
        folder::gather(path, &mut received);
    }
    let batch = Batch::check(received);
    if let Some(out) = args.option("--summary") {
        let bytes = jixiao::export::review::summary_workbook(&batch.desk)?;
        std::fs::write(out, bytes).map_err(|e| format!("无法写入 {out}：{e}"))?;
    }
    let mut out = std::io::stdout().lock();
    let _ = if args.json {
        writeln!(out, "{}", BatchJson(&batch))
    } else {
        write!(out, "{}", BatchText(&batch))
    };
    let measured = batch.measure(folder::expectations_beside);
    if !args.json && !measured.is_empty() {
        let _ = write!(out, "{}", MeasuredText(&measured));
    }
    Ok(match batch.status() {
        Status::Unreadable => ExitCode::from(2),
        Status::Errors => ExitCode::from(1),
        Status::Clean => ExitCode::SUCCESS,
    })
}

fn export(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let [file] = args.rest.as_slice() else {
        return Err(Failure::Usage);
    };
    let format = Format::parse(args.option("--to").unwrap_or("txt"))?;
    let bytes = format.write(&read(file)?)?;
    write_out(args.option("-o"), &bytes)
}

/// Writes `bytes` to the file `out`, or to standard output.
fn write_out(out: Option<&str>, bytes: &[u8]) -> Result<ExitCode, Failure> {
    match out {
        Some(path) => std::fs::write(path, bytes).map_err(|e| format!("无法写入 {path}：{e}")),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| e.to_string()),
    }?;
    Ok(ExitCode::SUCCESS)
}

fn compare(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let [last, this] = args.rest.as_slice() else {
        return Err(Failure::Usage);
    };
    let c = jixiao::core::compare::compare(&read(last)?, &read(this)?, &[]);
    let mut out = std::io::stdout().lock();
    let _ = if args.json {
        writeln!(out, "{}", YearJson(&c))
    } else {
        write!(out, "{}", YearText(&c))
    };
    Ok(ExitCode::SUCCESS)
}

fn next_year(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let [file] = args.rest.as_slice() else {
        return Err(Failure::Usage);
    };
    let next = jixiao::core::next_year::next_year(&read(file)?);
    write_out(args.option("-o"), jixiao::core::to_json(&next).as_bytes())
}

fn next_stage(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let [file] = args.rest.as_slice() else {
        return Err(Failure::Usage);
    };
    let date = args.option("--date").map_or_else(today, str::to_string);
    let evaluation = read(file)?;
    let next = match args.option("--to") {
        None => stage::next_stage(&evaluation, &date),
        Some("年度自评" | "自评") => {
            stage::move_to(&evaluation, Stage::SelfEvaluation, &date)
        }
        Some("运行监控" | "监控") => stage::move_to(&evaluation, Stage::Monitoring, &date),
        Some(other) => return Err(format!("未知阶段：{other}（可用：运行监控、年度自评）").into()),
    }
    .map_err(|e| format!("{file}：{e}"))?;
    write_out(args.option("-o"), jixiao::core::to_json(&next).as_bytes())
}

fn adjust(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let ([file], Some(reason)) = (args.rest.as_slice(), args.option("--reason")) else {
        return Err(Failure::Usage);
    };
    let date = args.option("--date").map_or_else(today, str::to_string);
    let mut evaluation = read(file)?;
    let count = jixiao::core::stage::record_adjustment(&mut evaluation, &date, reason)
        .map_err(|e| format!("{file}：{e}"))?;
    eprintln!("已记录目标调整：{count} 项（{date}，{reason}）");
    write_out(
        args.option("-o"),
        jixiao::core::to_json(&evaluation).as_bytes(),
    )
}

/// Today's date (UTC) as "2025-01-20": the default date of an approval or an adjustment.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year}-{month:02}-{day:02}")
}

fn library(args: Result<Args, Failure>) -> Result<ExitCode, Failure> {
    let args = args?;
    let own;
    let library = match args.option("--file") {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{path}：无法读取（{e}）"))?;
            own = Library::parse(&text).map_err(|e| format!("{path}：{e}"))?;
            &own
        }
        None => jixiao::core::library::builtin(),
    };
    let hits = library.search(&args.rest.join(" "));
    let mut out = std::io::stdout().lock();
    let _ = if args.json {
        let text = serde_json::to_string_pretty(&hits).unwrap_or_default();
        writeln!(out, "{text}")
    } else {
        write!(out, "{}", LibraryText(&hits))
    };
    Ok(ExitCode::SUCCESS)
}
