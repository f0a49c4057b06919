//! Opening files: bad JSON, wrong versions and wrong fields give a Chinese message naming the field.

use jixiao::core::{from_json, to_json, LoadError, SCHEMA_VERSION};

fn nanjing() -> String {
    jixiao::core::template::json("nanjing-2024")
        .unwrap()
        .to_string()
}

#[test]
fn invalid_json_names_line_and_column() {
    let err = from_json("{\"schema_version\": 1,\n \"kind\": ").unwrap_err();
    assert!(matches!(err, LoadError::Syntax { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("不是有效的 JSON"), "{err}");
}

#[test]
fn missing_or_newer_version() {
    assert_eq!(
        from_json("{\"kind\": \"department\"}").unwrap_err(),
        LoadError::NotAnEvaluation
    );
    assert_eq!(from_json("[1, 2]").unwrap_err(), LoadError::NotAnEvaluation);
    let newer = nanjing().replacen("\"schema_version\": 2", "\"schema_version\": 99", 1);
    let err = from_json(&newer).unwrap_err();
    assert_eq!(err, LoadError::TooNew { found: 99 });
    assert!(err.to_string().contains("高于本程序支持的版本"), "{err}");
}

/// The file with one value replaced (at a JSON pointer), written the way the app writes files.
fn nanjing_with(pointer: &str, value: serde_json::Value) -> String {
    let mut json: serde_json::Value = serde_json::from_str(&nanjing()).unwrap();
    *json.pointer_mut(pointer).unwrap() = value;
    serde_json::to_string_pretty(&json).unwrap()
}

#[test]
fn a_bad_value_deep_in_the_tree_names_its_path_with_indexes() {
    for (pointer, value, path) in [
        (
            "/indicators/1/children/0/children/1/score",
            serde_json::json!(true),
            "indicators[1].children[0].children[1].score",
        ),
        (
            "/indicators/0/points",
            serde_json::json!("十五"),
            "indicators[0].points",
        ),
        (
            "/indicators/4/children/1/children/0/rule/type",
            serde_json::json!("lottery"),
            "indicators[4].children[1].children[0].rule.type",
        ),
        (
            "/unit/name",
            serde_json::json!(["a", {"b": "\"quoted\" [x]"}]),
            "unit.name",
        ),
    ] {
        match from_json(&nanjing_with(pointer, value)).unwrap_err() {
            LoadError::Field { path: found, .. } => assert_eq!(found, path, "{pointer}"),
            other => panic!("{pointer}: {other:?}"),
        }
    }
    // All on one line (a minified file) works the same.
    let mut json: serde_json::Value = serde_json::from_str(&nanjing()).unwrap();
    *json.pointer_mut("/indicators/2/children/0/points").unwrap() = serde_json::json!({});
    match from_json(&json.to_string()).unwrap_err() {
        LoadError::Field { path, .. } => assert_eq!(path, "indicators[2].children[0].points"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_in_a_number_field_names_the_path() {
    let bad = nanjing().replace(
        "\"income_total\": \"3089.65\"",
        "\"income_total\": \"三千\"",
    );
    let err = from_json(&bad).unwrap_err();
    match &err {
        LoadError::Field { path, .. } => assert_eq!(path, "accounts.income_total"),
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("字段 accounts.income_total 有误"),
        "{err}"
    );
    let bad = nanjing().replacen("\"points\": \"15\"", "\"points\": true", 1);
    let err = from_json(&bad).unwrap_err();
    assert!(err.to_string().contains("indicators[0].points"), "{err}");
    assert!(err.to_string().contains("类型不对"), "{err}");
}

#[test]
fn unknown_kind_is_named() {
    let bad = nanjing().replacen("\"kind\": \"department\"", "\"kind\": \"whole\"", 1);
    let err = from_json(&bad).unwrap_err();
    assert!(
        err.to_string().contains("kind") && err.to_string().contains("取值不在允许的选项中"),
        "{err}"
    );
}

#[test]
fn saving_writes_the_current_version_and_reads_back() {
    let e = from_json(&nanjing()).unwrap();
    let text = to_json(&e);
    assert!(text.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
    assert_eq!(from_json(&text).unwrap(), e);
    // Decimals are written as strings: exact, no binary floating point.
    assert!(text.contains("\"3089.41\""));
}

#[test]
fn numbers_may_also_be_json_numbers() {
    let e = from_json(&nanjing().replace("\"income_other\": \"3.01\"", "\"income_other\": 3.01"))
        .unwrap();
    assert_eq!(e.accounts.income_other.unwrap().to_string(), "3.01");
}

/// Every file version ever written has a kept sample that must still open to the same result.
#[test]
fn kept_samples_of_every_version_open() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut versions = 0;
    for version in 1..=SCHEMA_VERSION {
        let sample = dir.join(format!("schema-v{version}/nanjing-2024.json"));
        let text = std::fs::read_to_string(&sample)
            .unwrap_or_else(|_| panic!("keep a sample of version {version}"));
        let e = from_json(&text).unwrap();
        assert_eq!(e.schema_version, SCHEMA_VERSION);
        let a = jixiao::core::assess(&e);
        assert_eq!(a.total.to_string(), "99.5", "version {version}");
        versions += 1;
    }
    assert_eq!(versions, SCHEMA_VERSION as usize);
}

/// Version 1 → 2: a 比例计分 leaf without a direction keeps 正向 (version 2 infers when absent).
#[test]
fn version_1_proportional_leaves_stay_positive() {
    let v1 = r#"{"schema_version": 1, "kind": "project", "indicators": [
        {"id": "1", "name": "项目成本", "points": "100", "rule": {"type": "proportional"},
         "target": "100", "actual": "120", "score": "100"}]}"#;
    let e = from_json(v1).unwrap();
    assert_eq!(e.indicators[0].direction, jixiao::core::Direction::Positive);
    assert_eq!(jixiao::core::assess(&e).total.to_string(), "100");
    let v2 = v1.replace("\"schema_version\": 1", "\"schema_version\": 2");
    let e = from_json(&v2).unwrap();
    assert_eq!(e.indicators[0].direction, jixiao::core::Direction::Auto);
    // 成本 reads as 反向: 120 against 100 → 100 × (1 − 0.2) = 80.
    assert_eq!(jixiao::core::assess(&e).total.to_string(), "80");
}

/// A bad value in an older file is named by its path too (after migration).
#[test]
fn a_bad_value_in_an_older_file_names_its_path() {
    let err = from_json(
        r#"{"schema_version": 1, "kind": "department", "accounts": {"income_total": "三千"}}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("accounts.income_total"), "{err}");
}
