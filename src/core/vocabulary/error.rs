//! Loading evaluation files (读取评价文件): JSON in, a typed error with a Chinese message out.
//!
//! The version is read first, so that a file from a newer app gets a clear message instead of a guess;
//! then the file is decoded with the exact path of any bad field (e.g. `accounts.income_total`).

use crate::core::model::{Evaluation, SCHEMA_VERSION};
use std::fmt;

/// Why an evaluation file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all (or cut off).
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// No `schema_version`, so not one of our files.
    NotAnEvaluation,
    /// Written by a newer version of the app.
    TooNew {
        /// The file's version.
        found: u64,
    },
    /// A version this build cannot migrate.
    Unsupported {
        /// The file's version.
        found: u64,
    },
    /// A field has the wrong type or value.
    Field {
        /// Path of the field, e.g. `accounts.income_total`.
        path: String,
        /// What is wrong, in Chinese.
        problem: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column } => {
                write!(
                    f,
                    "文件不是有效的 JSON（第 {line} 行第 {column} 列附近有误），可能已损坏或不完整"
                )
            }
            LoadError::NotAnEvaluation => {
                write!(f, "文件缺少 schema_version，不是本工具保存的绩效自评文件")
            }
            LoadError::TooNew { found } => write!(
                f,
                "文件版本为 {found}，高于本程序支持的版本 {SCHEMA_VERSION}，请使用新版程序打开"
            ),
            LoadError::Unsupported { found } => write!(f, "不支持的文件版本 {found}"),
            LoadError::Field { path, problem } => write!(f, "字段 {path} 有误：{problem}"),
        }
    }
}

impl std::error::Error for LoadError {}

fn describe(error: &serde_json::Error) -> String {
    let text = error.to_string();
    // serde's wording is English; say the common cases in Chinese and keep the detail.
    let what = if text.starts_with("invalid type") {
        "类型不对（例如在数字字段中填了文字）"
    } else if text.starts_with("missing field") {
        "缺少必填字段"
    } else if text.starts_with("unknown variant") {
        "取值不在允许的选项中"
    } else if text.contains("Invalid decimal") || text.contains("decimal") {
        "不是有效的数字"
    } else {
        "格式不对"
    };
    let detail = text.split(" at line").next().unwrap_or(&text);
    format!("{what}（{detail}）")
}

/// Reads an evaluation from JSON text, migrating older versions.
pub fn from_json(text: &str) -> Result<Evaluation, LoadError> {
    // The common case first: a current file, decoded once.
    let error = match serde_json::from_str::<Evaluation>(text) {
        Ok(evaluation) if evaluation.schema_version == SCHEMA_VERSION => return Ok(evaluation),
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let probe: serde_json::Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
    })?;
    let version = probe
        .as_object()
        .and_then(|object| object.get("schema_version"))
        .and_then(|v| v.as_u64())
        .ok_or(LoadError::NotAnEvaluation)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::TooNew { found: version });
    }
    if version == 0 {
        return Err(LoadError::Unsupported { found: version });
    }
    if version == u64::from(SCHEMA_VERSION) {
        // Valid JSON of the current version that did not decode: name the field where it stopped.
        let error = error.ok_or(LoadError::NotAnEvaluation)?;
        return Err(LoadError::Field {
            path: path_at(text, error.line(), error.column()),
            problem: describe(&error),
        });
    }
    let mut value = probe;
    migrate(&mut value, version)?;
    // Decode the migrated file as text, so a bad value is named by its path as in a current file.
    let migrated = serde_json::to_string_pretty(&value).unwrap_or_default();
    serde_json::from_str(&migrated).map_err(|e| LoadError::Field {
        path: path_at(&migrated, e.line(), e.column()),
        problem: describe(&e),
    })
}

/// The JSON path (e.g. `indicators[0].children[2].score`) of the value at 1-based `line` / `column`
/// (where serde_json stopped), found by scanning the text up to there. Serves error messages only, so
/// it stays a plain scan instead of tracking the path while decoding (which doubled the decoder's size).
fn path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        Array { index: usize },
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let end = (line_start + column.saturating_sub(1)).min(text.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at >= end {
            break;
        }
        match c {
            '{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            '"' => {
                let mut string = String::new();
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some((_, escaped)) = chars.next() {
                                string.push(escaped);
                            }
                        }
                        '"' => break,
                        c => string.push(c),
                    }
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        *key = Some(string);
                        *want_key = false;
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        "（文件顶层）".into()
    } else {
        path
    }
}

/// One step per version: `MIGRATIONS[i]` turns a version `i + 1` file into version `i + 2`.
/// Each step gets a kept sample file under `tests/fixtures/schema-v<N>/` and a test.
const MIGRATIONS: &[fn(&mut serde_json::Value)] = &[v1_to_v2];

/// Version 2 added `direction: auto` as the default (infer from the operator or the name). A version 1
/// 比例计分 leaf without a direction meant 正向: say so, so its score does not change.
fn v1_to_v2(value: &mut serde_json::Value) {
    fn walk(nodes: &mut serde_json::Value) {
        let Some(nodes) = nodes.as_array_mut() else {
            return;
        };
        for node in nodes {
            let Some(object) = node.as_object_mut() else {
                continue;
            };
            let proportional = object
                .get("rule")
                .and_then(|r| r.get("type"))
                .and_then(|t| t.as_str())
                == Some("proportional");
            if proportional && !object.contains_key("direction") {
                object.insert("direction".into(), "positive".into());
            }
            if let Some(children) = object.get_mut("children") {
                walk(children);
            }
        }
    }
    if let Some(indicators) = value.get_mut("indicators") {
        walk(indicators);
    }
}

/// Brings an older file up to [`SCHEMA_VERSION`], step by step.
fn migrate(value: &mut serde_json::Value, from: u64) -> Result<(), LoadError> {
    let first = usize::try_from(from.saturating_sub(1))
        .map_err(|_| LoadError::Unsupported { found: from })?;
    let steps = MIGRATIONS
        .get(first..)
        .ok_or(LoadError::Unsupported { found: from })?;
    for step in steps {
        step(value);
    }
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "schema_version".into(),
            serde_json::Value::from(SCHEMA_VERSION),
        );
    }
    Ok(())
}

/// Writes an evaluation as pretty JSON (always with the current `schema_version`).
pub fn to_json(evaluation: &Evaluation) -> String {
    let mut current = evaluation.clone();
    current.schema_version = SCHEMA_VERSION;
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&current).unwrap_or_default()
}
