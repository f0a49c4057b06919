//! The corpus of real published tables (`tests/fixtures/real/`, sources in its README): every one
//! imports, and the findings of each are pinned in `tests/golden/real/NAME.check.txt` (the CLI's
//! report). Regenerate with `UPDATE_GOLDEN=1 cargo test --test real` and review the diff: a changed
//! finding on a real table is a change a reviewer would see.

use std::path::{Path, PathBuf};

mod common;
use common::{golden, jixiao as check};

fn corpus() -> Vec<PathBuf> {
    common::real_table_files()
}

#[test]
fn the_corpus_has_fifteen_tables_each_with_its_source() {
    let files = corpus();
    assert!(files.len() >= 15, "{} tables", files.len());
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/README.md"),
    )
    .unwrap();
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy();
        let section = readme
            .split("\n## ")
            .find(|s| s.starts_with(&*name))
            .unwrap_or_else(|| panic!("README.md has no section for {name}"));
        assert!(section.contains("source: http"), "{name} names its source");
    }
}

#[test]
fn every_real_table_imports_and_its_findings_are_pinned() {
    for file in corpus() {
        let relative = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_string_lossy()
            .to_string();
        let (out, code) = check(&["check", &relative]);
        assert!(code == 0 || code == 1, "{relative} was refused:\n{out}");
        assert!(!out.contains("无法读取"), "{relative}:\n{out}");
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        // The findings are pinned; the measurement against the .expect beside the table is the
        // business of the test below.
        let findings = out.split("\n对照复核预期").next().unwrap_or_default();
        golden(&format!("real/{name}.check.txt"), findings);
    }
}

#[test]
fn checking_the_folder_prints_a_table_per_file_and_exits_1_on_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut args = vec!["check".to_string()];
    // The tables and their README; the report texts in `reports/` are checked by tests/narrative.rs.
    let mut entries: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    entries.sort();
    args.extend(entries);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (out, code) = check(&args);
    assert_eq!(code, 1, "errors exist in the corpus");
    assert!(out.contains("所列总分"), "{out}");
    assert!(
        out.contains("README.md") && out.contains("跳过"),
        "non-table files are listed as skipped"
    );
    for file in corpus() {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let line = out
            .lines()
            .rev()
            .find(|l| l.starts_with(&name))
            .unwrap_or_else(|| panic!("no summary line for {name}"));
        assert!(!line.contains("无法读取"), "{line}");
    }
}

#[test]
fn every_real_table_reads_the_same_from_a_web_page_with_its_merged_cells() {
    // The table as a page (or Excel's clipboard HTML) holds it: 一级 / 二级 cells merged down.
    for (name, rows) in common::real_tables() {
        let expected = common::finding_keys(
            &jixiao::core::import::parse_rows(&rows)
                .unwrap()
                .into_evaluation(),
        );
        let html = common::printed_html(&rows);
        let cells =
            jixiao::core::import::html_cells(&html).unwrap_or_else(|e| panic!("{name}: {e}"));
        let table = jixiao::core::import::parse_rows(&cells).unwrap();
        assert_eq!(
            common::finding_keys(&table.into_evaluation()),
            expected,
            "{name}"
        );
    }
}

#[test]
fn no_finding_on_a_real_table_is_more_serious_than_its_code_allows() {
    use jixiao::core::import::parse_rows;
    let mut seen = std::collections::BTreeSet::new();
    let mut examples = vec![jixiao::core::template::load("nanjing-2024").unwrap()];
    for (_, rows) in common::real_tables() {
        examples.push(parse_rows(&rows).unwrap().into_evaluation());
    }
    for e in &examples {
        for f in jixiao::core::assess(e).findings {
            // Severity orders 错误 < 警告 < 提示: a finding is never above its code's worst.
            assert!(
                f.severity >= f.code.worst(),
                "{} raised as {:?}",
                f.code,
                f.severity
            );
            seen.insert(f.code);
        }
    }
    assert!(seen.len() >= 20, "the corpus raises {} codes", seen.len());
}

/// The reviewer's expectations (`NAME.expect`, see `core::review::expect`): every table has them; every
/// error and warning raised is judged (expected, accepted or a recorded false alarm), so a new false
/// alarm fails here; every expected finding the checks were found to raise is still raised; a table
/// the README calls clean gets no error. Prints recall and precision over the corpus.
#[test]
fn every_real_table_measures_against_its_reviewers_expectations() {
    use jixiao::core::assess::assess;
    use jixiao::core::check::{Code, Severity};
    use jixiao::core::review::expect::{Expectations, Judgement, Measured};
    use jixiao::core::review::intake;
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/README.md"),
    )
    .unwrap();
    let mut total = Measured::default();
    let mut all = Vec::new();
    for file in corpus() {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(file.with_extension("expect"))
            .unwrap_or_else(|_| panic!("{name} has no .expect beside it"));
        let expected = Expectations::parse(&text).unwrap_or_else(|e| panic!("{name}.expect: {e}"));
        let bytes = std::fs::read(&file).unwrap();
        let evaluation = intake::open_all(&name, &bytes)
            .into_iter()
            .next()
            .and_then(|r| r.opened.ok())
            .unwrap_or_else(|| panic!("{name} does not open"));
        let assessment = assess(&evaluation);
        let measured = expected.measure(&assessment.findings);
        assert!(
            measured.unjudged.is_empty(),
            "{name}: raised and judged by no line of its .expect (a new false alarm, or a finding to record): {:?}",
            measured.unjudged
        );
        assert!(
            measured.stale.is_empty(),
            "{name}: .expect lines no finding matches any more (remove them): {:?}",
            measured.stale
        );
        for line in &expected.lines {
            if let (Judgement::Expect(_), Some(_)) = (line.judgement, line.code) {
                assert!(
                    assessment.findings.iter().any(|f| line.matches(f)),
                    "{name}: no longer raised: {}",
                    line.note
                );
            }
        }
        let section = readme
            .split("\n## ")
            .find(|s| s.starts_with(&*name))
            .unwrap_or_default();
        if section.contains("\n- clean: yes") {
            // A clean table has no error, save the sum of a copy cut short (true of what was pasted).
            let truncated = section.contains("\n- truncated: yes");
            for f in assessment
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
            {
                let cut = matches!(f.code, Code::TreeTotalPoints | Code::TreePointsSum);
                assert!(
                    truncated && cut,
                    "{name} is clean: {} {}",
                    f.code,
                    f.message
                );
            }
        }
        total.add(&measured);
        all.push((name, Ok(measured)));
    }
    println!("{}", jixiao::report::expect::MeasuredText(&all));
    assert!(total.expected > 0 && total.raised > 0);
}
