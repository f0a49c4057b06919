//! The reviewer's command line: templates, checking many files, exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn template_piped_into_check_reports_99_5() {
    let (template, _, code) = run(&["template", "nanjing-2024"], None);
    assert_eq!(code, 0);
    let (out, _, code) = run(&["check", "-"], Some(&template));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("总分 99.5  等级 优"), "{out}");
    assert!(
        out.contains("共设置一级指标 6 个、二级指标 17 个、三级指标 34 个"),
        "{out}"
    );
}

#[test]
fn errors_exit_1_and_unreadable_files_exit_2() {
    let (template, _, _) = run(&["template", "nanjing-2024"], None);
    let broken = template.replace("\"income_other\": \"3.01\"", "\"income_other\": \"30.01\"");
    assert_ne!(broken, template);
    let (out, _, code) = run(&["check", "-"], Some(&broken));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("本年收入 = 财政拨款收入 + 其他收入不平"),
        "{out}"
    );

    let dir = std::env::temp_dir().join(format!("jixiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, &template).unwrap();
    let (out, _, code) = run(
        &["check", good.to_str().unwrap(), "/nonexistent/unit.json"],
        None,
    );
    assert_eq!(code, 2);
    assert!(out.contains("无法读取"), "{out}");
    assert!(
        out.contains("文件") && out.contains("总分"),
        "summary table: {out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn json_output_is_machine_readable() {
    let (template, _, _) = run(&["template", "project"], None);
    let (out, _, code) = run(&["check", "--json", "-"], Some(&template));
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value[0]["ok"], true);
    assert_eq!(value[0]["kind"], "project");
    assert_eq!(value[0]["total"], "0");
}

#[test]
fn unknown_template_and_bad_usage_exit_2() {
    let (_, err, code) = run(&["template", "nope"], None);
    assert_eq!(code, 2);
    assert!(err.contains("nanjing-2024"), "{err}");
    let (_, _, code) = run(&["frobnicate"], None);
    assert_eq!(code, 2);
}
