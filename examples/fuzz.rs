//! A mutation fuzzer for every parser that takes outside bytes (cargo-fuzz needs a nightly toolchain, which
//! cannot be installed here): the JSON evaluation file, TSV paste, .xlsx and .xls import, a Word
//! file's body (.docx), saved pages and clipboard HTML, a PDF's objects and content stream, a report's
//! words and typed decimals.
//! Each execution runs under `catch_unwind`; a panic is saved under `target/fuzz/crash-<target>-<n>` and
//! fails the run; an execution slower than 2 s counts as a hang.
//!
//! `cargo run --profile fuzzer --example fuzz -- [SECONDS_PER_TARGET] [MAX_EXECUTIONS_PER_TARGET]`
//! (`scripts/dev fuzz` runs it). Prints, per target, executions, time and crashes.

use jixiao::core::number::parse_decimal;
use jixiao::core::{assess, from_json, import, template, Evaluation, EvaluationKind};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, seeded, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens worth splicing in: JSON syntax, numbers at the edges of Decimal, CJK, units, TSV structure.
const DICTIONARY: &[&str] = &[
    "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-", "0", "1e999", "79228162514264337593543950335",
    "-79228162514264337593543950336", "0.0000000000000000000000000001", "\"schema_version\": 1", "\"schema_version\": 2",
    "\"children\": [", "\"rule\": {\"type\": \"tiered\", \"metric\": {\"source\": \"business\", \"key\": \"x\"}, \"tiers\": []}",
    "\"points\": \"-5\"", "\"score\": \"1e3\"", "万元", "％", "１２", "．", "\t", "\n", "\r\n", "\"\"", "合计", "一级指标",
    "三级指标", "分值", "自评分", "（15分）", "≤", "\u{202E}", "<script>", "\\u0000", "加减分项",
];

fn mutate(rng: &mut Rng, seed: &[u8], max_len: usize) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            2 => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            3 if !data.is_empty() => {
                // Duplicate a slice somewhere else (deep nesting, repeated rows).
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(256)).min(data.len());
                let chunk = data[start..end].to_vec();
                data.splice(at..at, chunk);
            }
            4 => data.insert(at.min(data.len()), rng.next() as u8),
            _ => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                let end = (at + token.len()).min(data.len());
                data.splice(at..end, token.iter().copied());
            }
        }
    }
    data.truncate(max_len);
    data
}

struct Target {
    name: &'static str,
    seeds: Vec<Vec<u8>>,
    max_len: usize,
    run: fn(&[u8]),
}

fn json_target(bytes: &[u8]) {
    if let Ok(e) = from_json(&String::from_utf8_lossy(bytes)) {
        let _ = assess(&e);
    }
}

fn tsv_target(bytes: &[u8]) {
    if let Ok(table) = import::parse_tsv(&String::from_utf8_lossy(bytes)) {
        let _ = assess(&table.into_evaluation());
    }
}

fn xlsx_target(bytes: &[u8]) {
    if let Ok(table) = import::parse_xlsx(bytes) {
        let _ = assess(&table.into_evaluation());
    }
}

/// An Excel 97–2003 workbook (BIFF8 in a compound file), read through calamine like an .xlsx.
fn xls_target(bytes: &[u8]) {
    if let Ok(table) = import::parse_document(bytes) {
        let _ = assess(&table.into_evaluation());
    }
}

/// A Word file's body: the mutated bytes stored (not deflated) as `word/document.xml` of a zip, so the
/// mutations reach the XML reader and the merge resolution instead of the zip's checksums.
fn docx_target(bytes: &[u8]) {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    if zip.start_file("word/document.xml", stored).is_err() || zip.write_all(bytes).is_err() {
        return;
    }
    if zip.finish().is_err() {
        return;
    }
    let docx = out.into_inner();
    if let Ok(document) = import::docx::read_docx(&docx) {
        let _ = import::grid::join_split(&document.tables);
    }
    if let Ok(table) = import::parse_document(&docx) {
        let _ = assess(&table.into_evaluation());
    }
}

/// A saved page or a clipboard's HTML (charset, .mht parts, rowspan / colspan layout, the table picked).
fn html_target(bytes: &[u8]) {
    if let Ok(html) = import::html::page_html(bytes) {
        if let Ok(cells) = import::html_cells(&html) {
            if let Ok(table) = import::parse_rows(&cells) {
                let _ = assess(&table.into_evaluation());
            }
        }
    }
}

/// A PDF: objects, cross-references, fonts and the content stream's text and rules, into grids and
/// words, then as a report.
fn pdf_target(bytes: &[u8]) {
    if let Ok(read) = import::read_document(bytes) {
        if let Ok(evaluation) = read.into_evaluation() {
            let _ = assess(&evaluation);
        }
    }
}

/// A font's ToUnicode map, then text shown in it: sections, ranges and arrays of any shape.
fn cmap_target(bytes: &[u8]) {
    let _ = import::pdf::font::FontText::from_cmap(bytes).decode(bytes);
}

/// A report's words: figures, score, grade, deductions and sections read, applied and checked.
fn narrative_target(bytes: &[u8]) {
    let report = import::narrative::read_report_text(&String::from_utf8_lossy(bytes));
    let mut evaluation =
        template::load("project").unwrap_or_else(|| Evaluation::empty(EvaluationKind::Department));
    report.apply_to(&mut evaluation);
    let _ = assess(&evaluation);
}

fn decimal_target(bytes: &[u8]) {
    let _ = parse_decimal(&String::from_utf8_lossy(bytes));
}

/// A printed 指标值 (operators, units, levels), and a leaf audited with it as target and actual.
fn measure_target(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut fields = text.split('|');
    let left = fields.next().unwrap_or("");
    let right = fields.next().unwrap_or("100");
    let number = |f: Option<&str>| {
        f.and_then(|t| parse_decimal(t).ok())
            .unwrap_or(rust_decimal::Decimal::TEN)
    };
    let (score, points) = (number(fields.next()), number(fields.next()));
    let measure = jixiao::core::measure::Measure::parse(left);
    let mut leaf = jixiao::core::Indicator {
        name: left.to_string(),
        points,
        score: Some(score),
        score_rate: Some(score),
        target: measure.value(),
        target_op: measure.op(),
        unit: measure.unit().unwrap_or("").to_string(),
        ..Default::default()
    };
    match jixiao::core::measure::Measure::parse(right) {
        jixiao::core::measure::Measure::Figure { value, unit, .. } => {
            leaf.actual = Some(value);
            leaf.actual_unit = unit;
        }
        _ => leaf.actual_text = right.to_string(),
    }
    let mut checker = jixiao::core::check::Checker::default();
    jixiao::core::check::check_figures(&leaf, score, &Default::default(), &mut checker);
}

/// The real tables: every layout and mistake of the corpus as a seed.
fn real_tables() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    seeds.sort();
    seeds
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let max_execs: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(u64::MAX);
    let small_xlsx = {
        let mut e = template::load("project").expect("template");
        e.indicators.truncate(2);
        jixiao::export::xlsx::scoring_workbook(&e).expect("xlsx")
    };
    let report_xml = {
        let mut e = template::load("project").expect("template");
        e.indicators.truncate(2);
        let docx = jixiao::export::docx::evaluation_docx(&e).expect("docx");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
        let mut xml = Vec::new();
        std::io::Read::read_to_end(
            &mut archive.by_name("word/document.xml").expect("body"),
            &mut xml,
        )
        .expect("read");
        xml
    };
    let targets = [
        Target {
            name: "json",
            seeds: ["nanjing-2024", "department", "project"]
                .iter()
                .map(|n| template::json(n).unwrap_or("{}").as_bytes().to_vec())
                .collect(),
            max_len: 64 * 1024,
            run: json_target,
        },
        Target {
            name: "tsv",
            seeds: [
                include_bytes!("../tests/fixtures/nanjing-12345-2024-indicators.tsv").to_vec(),
                "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出\t数量\t人次\t100\t95\t50\t47.5\n合计\t\t\t\t\t50\t47.5\n"
                    .as_bytes()
                    .to_vec(),
            ]
            .into_iter()
            .chain(real_tables())
            .collect(),
            max_len: 32 * 1024,
            run: tsv_target,
        },
        Target { name: "xlsx", seeds: vec![small_xlsx], max_len: 64 * 1024, run: xlsx_target },
        Target {
            name: "xls",
            seeds: vec![include_bytes!("../tests/fixtures/xls/project-annex.xls").to_vec()],
            max_len: 64 * 1024,
            run: xls_target,
        },
        Target { name: "docx", seeds: vec![report_xml], max_len: 256 * 1024, run: docx_target },
        Target {
            name: "html",
            seeds: vec![
                b"<table><tr><th colspan=2>\xe6\x8c\x87\xe6\xa0\x87</th></tr><tr><td rowspan=2>a</td><td>1</td></tr><tr><td>2</td></tr></table>".to_vec(),
                "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<table><tr><td>=E4=BA=A7</td></tr></table>\r\n------b--".as_bytes().to_vec(),
            ],
            max_len: 64 * 1024,
            run: html_target,
        },
        Target {
            name: "pdf",
            seeds: vec![
                include_bytes!("../tests/fixtures/pdf/ruled-by-lines.pdf").to_vec(),
                include_bytes!("../tests/fixtures/pdf/nanjing-2024-report.pdf").to_vec(),
            ],
            max_len: 256 * 1024,
            run: pdf_target,
        },
        Target {
            name: "cmap",
            seeds: vec![b"1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0003> <0020> <0011> <4E2D> endbfchar 1 beginbfrange <0013> <0015> [<0031> <0032> <0033>] endbfrange".to_vec()],
            max_len: 16 * 1024,
            run: cmap_target,
        },
        Target {
            name: "narrative",
            seeds: vec!["2024年单位收入情况：总收入3089.65万元，其中财政拨款收入3086.64万元。\n\n评价得分为99.5分，等级为优。“工作开展情况”指标（分值1分，自评0.5分，扣0.5分）：原因。\n四、存在问题\n一是…".as_bytes().to_vec()],
            max_len: 16 * 1024,
            run: narrative_target,
        },
        Target {
            name: "decimal",
            seeds: ["1,234.56 万元", "１２３４．５６", "-0.5分", "95.04%", ".5"].iter().map(|s| s.as_bytes().to_vec()).collect(),
            max_len: 64,
            run: decimal_target,
        },
        Target {
            name: "measure",
            seeds: ["≥100%|98%|9.8|10", "≤1%|0.4%|79228162514264337593543950335|79228162514264337593543950335", "≧１００百分比|100", "≤90万元|89.974", "═100|98%", "=0|0起", "90%以上|达成", "高|好", "≥50个|8次", "2024年12月底前|按期"]
                .iter()
                .map(|s| s.as_bytes().to_vec())
                .collect(),
            max_len: 64,
            run: measure_target,
        },
    ];
    std::panic::set_hook(Box::new(|_| {})); // counted below, not printed
    std::fs::create_dir_all("target/fuzz").ok();
    let mut failed = false;
    println!(
        "{:<8} {:>12} {:>10} {:>9} {:>8} {:>8}",
        "target", "executions", "seconds", "exec/s", "crashes", "hangs"
    );
    for target in &targets {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ target.name.len() as u64);
        let start = Instant::now();
        let (mut execs, mut crashes, mut hangs) = (0u64, 0u64, 0u64);
        while execs < max_execs && start.elapsed() < Duration::from_secs(seconds) {
            let seed = &target.seeds[rng.below(target.seeds.len())];
            let input = mutate(&mut rng, seed, target.max_len);
            let began = Instant::now();
            if catch_unwind(AssertUnwindSafe(|| (target.run)(&input))).is_err() {
                crashes += 1;
                let _ = std::fs::write(
                    format!("target/fuzz/crash-{}-{crashes}", target.name),
                    &input,
                );
            }
            if began.elapsed() > Duration::from_secs(2) {
                hangs += 1;
                let _ = std::fs::write(format!("target/fuzz/hang-{}-{hangs}", target.name), &input);
            }
            execs += 1;
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:<8} {:>12} {:>10.1} {:>9.0} {:>8} {:>8}",
            target.name,
            execs,
            secs,
            execs as f64 / secs.max(1e-9),
            crashes,
            hangs
        );
        failed |= crashes > 0 || hangs > 0;
    }
    if failed {
        eprintln!("fuzz: crashes or hangs saved under target/fuzz/");
        std::process::exit(1);
    }
}
