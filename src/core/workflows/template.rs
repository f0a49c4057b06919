//! Built-in templates (模板), shipped as JSON files in `templates/` and loaded through the same format
//! as a user's file: `nanjing-2024` (the worked example, fully scored), `department` (blank 部门整体),
//! `project` (blank 项目支出绩效自评表), `project-target` (blank 项目支出绩效目标申报表, in the target stage), `department-target` (blank
//! 部门整体支出绩效目标申报表 with its 年度主要任务).

use crate::core::error::{from_json, LoadError};
use crate::core::model::Evaluation;

/// Names and Chinese titles of the built-in templates.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "nanjing-2024",
        "示例：南京市12345政务热线服务中心 2024 年度",
    ),
    ("department", "空白：部门整体支出绩效自评价"),
    ("project", "空白：项目支出绩效自评表"),
    (
        "project-target",
        "空白：项目支出绩效目标申报表（目标申报阶段）",
    ),
    (
        "department-target",
        "空白：部门整体支出绩效目标申报表（目标申报阶段）",
    ),
];

/// The JSON text of a built-in template.
pub fn json(name: &str) -> Option<&'static str> {
    match name {
        "nanjing-2024" => Some(include_str!("../../../templates/nanjing-2024.json")),
        "department" => Some(include_str!("../../../templates/department.json")),
        "project" => Some(include_str!("../../../templates/project.json")),
        "project-target" => Some(include_str!("../../../templates/project-target.json")),
        "department-target" => Some(include_str!("../../../templates/department-target.json")),
        _ => None,
    }
}

/// Loads a built-in template by name; `None` for an unknown name.
pub fn load(name: &str) -> Option<Evaluation> {
    json(name).and_then(|text| from_json(text).ok())
}

/// Loads a built-in template, with the error if the shipped file is broken (used by tests).
pub fn load_checked(name: &str) -> Result<Evaluation, LoadError> {
    let text = json(name).ok_or(LoadError::NotAnEvaluation)?;
    from_json(text)
}
