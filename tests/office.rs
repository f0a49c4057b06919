//! The documents as an office suite shows them: the report (.docx), the scoring workbook (.xlsx) and the
//! 项目支出 form (.docx) converted to PDF by LibreOffice (headless, as `scripts/dev setup` installs it), then
//! read back with poppler: page counts, every indicator name and score present where a person would
//! read it (a clipped Excel row or a cut table cell loses text), the 分值 / 自评分 headings unbroken, and no
//! two words printed over each other.
//!
//! Run by `scripts/dev test` (the documents tier): `cargo test --test office -- --ignored`.

mod common;

use jixiao::core::{assess, leaves, template, Evaluation};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of its own per test (LibreOffice's profile included: parallel conversions must not share one).
fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-office-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Converts `bytes` (a file named `name`) to PDF with LibreOffice; the PDF's path.
fn to_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    convert_all(dir, &[input], "pdf", "pdf").remove(0)
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The text in content order, every blank removed (a name wrapped over two lines of a cell reads whole).
fn compact_text(pdf: &Path) -> String {
    poppler("pdftotext", &["-raw"], pdf)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A printed word: its box (x0, y0, x1, y1) and text.
type Word = (f64, f64, f64, f64, String);

/// Every word on every page.
fn words(pdf: &Path) -> Vec<Vec<Word>> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|w| {
                    let (tag, rest) = w.split_once('>').unwrap();
                    let text = rest.split("</word>").next().unwrap().to_string();
                    (
                        attr(tag, "xMin"),
                        attr(tag, "yMin"),
                        attr(tag, "xMax"),
                        attr(tag, "yMax"),
                        text,
                    )
                })
                .collect()
        })
        .collect()
}

/// Pairs of words on one page whose boxes overlap by more than a fifth of the smaller one.
fn overlaps(pdf: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (p, page) in words(pdf).iter().enumerate() {
        for (i, a) in page.iter().enumerate() {
            for b in &page[i + 1..] {
                let w = a.2.min(b.2) - a.0.max(b.0);
                let h = a.3.min(b.3) - a.1.max(b.1);
                let smaller = ((a.2 - a.0) * (a.3 - a.1)).min((b.2 - b.0) * (b.3 - b.1));
                if w > 0.0 && h > 0.0 && w * h > 0.2 * smaller {
                    found.push(format!("page {}: “{}” over “{}”", p + 1, a.4, b.4));
                }
            }
        }
    }
    found
}

/// Every leaf's name and the printed figures of its 分值 and 得分, blanks removed.
fn indicator_texts(e: &Evaluation) -> Vec<String> {
    let a = assess(e);
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    leaves(&e.indicators)
        .into_iter()
        .flat_map(|leaf| {
            let result = a.node(&leaf.id).unwrap();
            [
                strip(&leaf.name),
                result.points.normalize().to_string(),
                result.score.normalize().to_string(),
            ]
        })
        .collect()
}

fn missing(text: &str, wanted: &[String]) -> Vec<String> {
    wanted
        .iter()
        .filter(|w| !text.contains(w.as_str()))
        .cloned()
        .collect()
}

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn the_report_reads_whole_in_libreoffice() {
    let dir = workdir("report");
    let e = template::load("nanjing-2024").unwrap();
    let pdf = to_pdf(
        &dir,
        "report.docx",
        &jixiao::export::docx::evaluation_docx(&e).unwrap(),
    );
    let n = pages(&pdf);
    assert!((8..=14).contains(&n), "{n} pages");
    let text = compact_text(&pdf);
    assert!(text.contains("自评价得分为99.5分"), "the conclusion");
    // The cover (评价方式, 报告日期) on page 1, the signature block after the text.
    let first = poppler("pdftotext", &["-f", "1", "-l", "1", "-raw"], &pdf);
    assert!(first.contains("评价方式：单位自评"), "{first}");
    assert!(
        !first.contains("一、单位概况"),
        "the cover is a page of its own"
    );
    assert!(text.contains("单位名称（盖章）：南京市“12345”政务热线服务中心"));
    assert_eq!(missing(&text, &indicator_texts(&e)), Vec::<String>::new());
    // The annex header on every page it spans, 分值 / 自评分 never broken one character a line.
    let raw = poppler("pdftotext", &["-raw"], &pdf);
    let headers = raw.lines().filter(|l| l.contains("分值 自评分")).count();
    assert!(headers >= 2, "annex header repeated: {headers}");
    assert!(
        !raw.lines().any(|l| l.trim() == "自"),
        "a column one character wide"
    );
    assert_eq!(overlaps(&pdf), Vec::<String>::new());
}

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn the_scoring_workbook_prints_every_row_legibly() {
    let dir = workdir("xlsx");
    let e = template::load("nanjing-2024").unwrap();
    let pdf = to_pdf(
        &dir,
        "annex.xlsx",
        &jixiao::export::xlsx::scoring_workbook(&e).unwrap(),
    );
    let text = compact_text(&pdf);
    // A row too low for its wrapped text is cut off in print: the texts would be missing.
    assert_eq!(missing(&text, &indicator_texts(&e)), Vec::<String>::new());
    for leaf in leaves(&e.indicators) {
        let criteria: String = leaf
            .criteria
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(
            text.contains(&criteria),
            "评价要点 of “{}” cut off",
            leaf.name
        );
    }
    assert!(text.contains("合计"), "the total row");
    assert!(pages(&pdf) <= 8, "{} pages", pages(&pdf));
    assert_eq!(overlaps(&pdf), Vec::<String>::new());
}

/// What the 项目支出绩效自评表 prints besides the indicators: its row labels, headings and signature.
const FORM_LABELS: [&str; 17] = [
    "项目名称",
    "主管部门",
    "实施单位",
    "项目资金（万元）",
    "年度资金总额",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "年度总体目标",
    "预期目标",
    "实际完成情况",
    "绩效指标",
    "偏差原因分析及改进措施",
    "总分",
    "单位名称（盖章）",
    "单位负责人（签字）",
    "填报日期",
];

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn the_project_form_reads_whole_in_libreoffice() {
    let dir = workdir("project");
    let e = template::load("project").unwrap();
    let pdf = to_pdf(
        &dir,
        "project.docx",
        &jixiao::export::docx::evaluation_docx(&e).unwrap(),
    );
    let text = compact_text(&pdf);
    for label in FORM_LABELS {
        assert!(text.contains(label), "{label}");
    }
    let wanted: Vec<String> = indicator_texts(&e)
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    let lost = missing(&text, &wanted);
    // The execution-rate row is shown in the budget block, by its figures, not its name.
    assert!(lost.iter().all(|t| t.contains("预算执行率")), "{lost:?}");
    assert!(pages(&pdf) <= 4, "{} pages", pages(&pdf));
    assert_eq!(overlaps(&pdf), Vec::<String>::new());
    // The same form as one Excel sheet, printed: every label, indicator and figure, nothing overlapping.
    let sheet = to_pdf(
        &dir,
        "project.xlsx",
        &jixiao::export::xlsx::scoring_workbook(&e).unwrap(),
    );
    let text = compact_text(&sheet);
    for label in FORM_LABELS {
        assert!(text.contains(label), "{label}");
    }
    let lost = missing(&text, &wanted);
    assert!(lost.iter().all(|t| t.contains("预算执行率")), "{lost:?}");
    assert_eq!(overlaps(&sheet), Vec::<String>::new());
}

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn the_evidence_list_prints_whole_in_word_and_excel() {
    use jixiao::core::evidence::sha256_hex;
    use jixiao::core::model::Evidence;
    let dir = workdir("evidence");
    let mut e = template::load("nanjing-2024").unwrap();
    let files: [(&str, &str, &[u8]); 2] = [
        ("2.6.2", "2024年绩效工作会议纪要（扫描件）.pdf", b"minutes"),
        ("1.1.1", "决策制度汇编.docx", b"rules"),
    ];
    e.evidence_files = files
        .iter()
        .map(|(row, name, bytes)| Evidence {
            indicator: row.to_string(),
            name: name.to_string(),
            description: "佐证".into(),
            size: bytes.len() as u64,
            sha256: sha256_hex(bytes),
            mime: String::new(),
        })
        .collect();
    for (name, bytes) in [
        (
            "evidence.docx",
            jixiao::export::docx::evaluation_docx(&e).unwrap(),
        ),
        (
            "evidence.xlsx",
            jixiao::export::xlsx::scoring_workbook(&e).unwrap(),
        ),
    ] {
        let pdf = to_pdf(&dir, name, &bytes);
        let text = compact_text(&pdf);
        assert!(
            text.contains("佐证材料清单") || name.ends_with(".xlsx"),
            "{name}"
        );
        for (_, file, bytes) in &files {
            assert!(
                text.contains(&sha256_hex(bytes)),
                "{name}: the whole SHA-256 of {file}"
            );
            assert!(text.contains(*file), "{name}: {file}");
        }
        assert_eq!(overlaps(&pdf), Vec::<String>::new(), "{name}");
    }
}

/// Converts every file in `inputs` (in `dir`) with one LibreOffice run to `filter` (e.g. `xls`,
/// `docx:MS Word 2007 XML`); the converted files' paths, in order.
fn convert_all(dir: &Path, inputs: &[PathBuf], filter: &str, extension: &str) -> Vec<PathBuf> {
    let profile = format!("file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(dir.join("out"))
        .args(inputs)
        .output()
        .expect("LibreOffice (soffice) is installed by scripts/dev setup");
    inputs
        .iter()
        .map(|input| {
            let converted = dir
                .join("out")
                .join(input.file_name().unwrap())
                .with_extension(extension);
            assert!(
                converted.exists(),
                "LibreOffice did not convert {}: {}",
                input.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            converted
        })
        .collect()
}

#[test]
#[ignore = "needs LibreOffice (scripts/dev setup)"]
fn every_real_table_reads_the_same_from_xls_and_word() {
    use jixiao::core::import::{docx::read_docx, parse_document, parse_rows};
    let dir = workdir("formats");
    let tables = common::real_tables();
    assert!(tables.len() >= 20);
    let mut workbooks = Vec::new();
    let mut pages = Vec::new();
    for (name, rows) in &tables {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    sheet.write_string(r as u32, c as u16, text).unwrap();
                }
            }
        }
        let path = dir.join(format!("{name}.xlsx"));
        std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();
        workbooks.push(path);
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, common::printed_html(rows)).unwrap();
        pages.push(path);
    }
    let old_excel = convert_all(&dir, &workbooks, "xls", "xls");
    let word = convert_all(&dir, &pages, "docx:MS Word 2007 XML", "docx");
    let mut merged = 0;
    for (((name, rows), xls), docx) in tables.iter().zip(&old_excel).zip(&word) {
        let expected = common::finding_keys(&parse_rows(rows).unwrap().into_evaluation());
        let xls = std::fs::read(xls).unwrap();
        assert!(
            xls.starts_with(b"\xD0\xCF\x11\xE0"),
            "{name}: LibreOffice wrote an .xls"
        );
        let from_xls = parse_document(&xls).unwrap_or_else(|e| panic!("{name}.xls: {e}"));
        assert_eq!(
            common::finding_keys(&from_xls.into_evaluation()),
            expected,
            "{name}.xls"
        );
        let docx = std::fs::read(docx).unwrap();
        let from_word = parse_document(&docx).unwrap_or_else(|e| panic!("{name}.docx: {e}"));
        assert_eq!(
            common::finding_keys(&from_word.into_evaluation()),
            expected,
            "{name}.docx"
        );
        if read_docx(&docx)
            .unwrap()
            .tables
            .iter()
            .any(|t| t.merges.iter().any(|m| m.rows > 1))
        {
            merged += 1;
        }
    }
    // The printed forms merge their 一级 / 二级 cells: Word keeps them as merges, read as such.
    assert!(merged >= 5, "{merged} tables read with merges");
    // The same Word files printed to PDF: read from the text layer and the drawn rules, a table over
    // several pages joined, with the same findings.
    let pdfs = convert_all(&dir, &word, "pdf", "pdf");
    // LibreOffice drops a segment of some wrapped header cells when it prints (得分(20分*执行率) prints as
    // 得分 / 分*执行率), so not every table can read the same from its PDF; the ones that do not are
    // listed, and at least 27 of the 33 must.
    let mut differ = Vec::new();
    for ((name, rows), pdf) in tables.iter().zip(&pdfs) {
        let expected = common::finding_keys(&parse_rows(rows).unwrap().into_evaluation());
        let pdf = std::fs::read(pdf).unwrap();
        let from_pdf = parse_document(&pdf).unwrap_or_else(|e| panic!("{name}.pdf: {e}"));
        let found = common::finding_keys(&from_pdf.into_evaluation());
        if found != expected {
            differ.push(format!(
                "{name}.pdf\n  pdf:  {found:?}\n  want: {expected:?}"
            ));
        }
    }
    let same = tables.len() - differ.len();
    println!(
        "PDF: {same} of {} tables read with the same findings",
        tables.len()
    );
    assert!(
        same * 33 >= 27 * tables.len(),
        "{} of {} differ:\n{}",
        differ.len(),
        tables.len(),
        differ.join("\n")
    );
}

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn a_target_form_reads_whole_in_word_and_excel() {
    // A published 申报表 (tests/fixtures/real/targets/), in the target stage: the 申报表's title, its
    // indicator columns, the reviewers' blank rows and every indicator name and value, printed legibly.
    let dir = workdir("target");
    let text = std::fs::read_to_string(
        "tests/fixtures/real/targets/xiangmu-mubiao-hunan-nanyue-nanyuezhen-2018.tsv",
    )
    .unwrap();
    let e = jixiao::core::import::parse_tsv(&text)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.stage, jixiao::core::model::Stage::Target);
    let mut wanted: Vec<String> = Vec::new();
    e.walk_indicators(&mut |n, _| {
        if n.is_leaf() {
            wanted.push(n.name.chars().filter(|c| !c.is_whitespace()).collect());
            wanted.push(
                jixiao::core::model::target_value(n)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect(),
            );
        }
    });
    let docx = to_pdf(
        &dir,
        "target.docx",
        &jixiao::export::docx::evaluation_docx(&e).unwrap(),
    );
    let xlsx = to_pdf(
        &dir,
        "target.xlsx",
        &jixiao::export::xlsx::scoring_workbook(&e).unwrap(),
    );
    for pdf in [docx, xlsx] {
        let text = compact_text(&pdf);
        for label in [
            "2018年度项目支出绩效目标申报表",
            "指标值设定依据",
            "主管部门审核意见",
            "财政部门审核意见",
        ] {
            assert!(text.contains(label), "{label} in {}", pdf.display());
        }
        assert!(
            !text.contains("自评分") && !text.contains("实际完成值"),
            "{text}"
        );
        assert_eq!(missing(&text, &wanted), Vec::<String>::new());
        assert_eq!(overlaps(&pdf), Vec::<String>::new());
    }
}

#[test]
#[ignore = "needs LibreOffice and poppler (scripts/dev setup)"]
fn a_monitoring_form_reads_whole_in_word_and_excel() {
    // The published 监控表 (tests/fixtures/real/monitoring/), in the monitoring stage: its title with the
    // period, the columns, the budget's light and the 监控情况 written from the data.
    let dir = workdir("monitoring");
    let text = std::fs::read_to_string(
        "tests/fixtures/real/monitoring/jiankong-hubei-huangshi-wenwuju-2019.tsv",
    )
    .unwrap();
    let e = jixiao::core::import::parse_tsv(&text)
        .unwrap()
        .into_evaluation();
    assert_eq!(e.stage, jixiao::core::model::Stage::Monitoring);
    let docx = to_pdf(
        &dir,
        "monitoring.docx",
        &jixiao::export::docx::evaluation_docx(&e).unwrap(),
    );
    let xlsx = to_pdf(
        &dir,
        "monitoring.xlsx",
        &jixiao::export::xlsx::scoring_workbook(&e).unwrap(),
    );
    // Eleven columns print on landscape A4.
    let info = Command::new("pdfinfo").arg(&docx).output().unwrap();
    let size = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Page size:").map(str::to_string))
        .unwrap();
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(dims[0] > dims[1], "landscape: {size}");
    for (pdf, summary) in [(docx, true), (xlsx, false)] {
        let text = compact_text(&pdf);
        for label in [
            "2019年度项目支出绩效运行监控表（1—6月）",
            "1—6月执行数",
            "全年预计执行数",
            "完成目标可能性",
            "纠偏措施",
            "黄灯",
            "年度预算220万元",
        ] {
            assert!(text.contains(label), "{label} in {}", pdf.display());
        }
        if summary {
            assert!(text.contains("监控情况：截至6月，项目总体为黄灯"), "{text}");
        }
        assert!(!text.contains("自评分"), "{text}");
        assert_eq!(overlaps(&pdf), Vec::<String>::new());
    }
}
