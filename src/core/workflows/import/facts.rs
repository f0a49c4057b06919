//! What a table says of itself above the indicator header: 单位, 主管部门, 项目名称, 年度, whether it is a
//! 部门整体 form, and the 年度总体目标 block.

use super::{Reader, TableFacts};
use crate::core::model::ImportNoteKind;

pub(super) fn facts(table: &[Vec<String>], until: usize) -> TableFacts {
    let mut facts = TableFacts::default();
    goals(table, until, &mut facts);
    for (row_index, row) in table.iter().enumerate().take(until) {
        for (i, cell) in row.iter().enumerate() {
            let squeezed: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
            if squeezed.contains("部门整体")
                || squeezed.contains("整体支出")
                || squeezed.contains("整体绩效")
            {
                facts.department = true;
            }
            // "服务贸易项目绩效自评表", "项目支出绩效自评表": a title that names a project's form.
            // "…项目支出绩效目标表(2023年度)": the year in brackets after the title.
            if squeezed.contains("项目")
                && squeezed.contains("绩效")
                && without_trailing_note(&squeezed).ends_with('表')
            {
                facts.project_title = true;
            }
            // "绩效目标申报表", "项目绩效目标表", "项目支出绩效目标批复表": targets, not results (a
            // "绩效目标执行监控表" or a "…目标完成情况自评表" is neither).
            if squeezed.contains("目标")
                && without_trailing_note(&squeezed).ends_with('表')
                && !["自评", "评价", "监控", "完成情况", "执行情况"]
                    .iter()
                    .any(|w| squeezed.contains(w))
                && ["申报", "目标表", "批复", "审批", "审核"]
                    .iter()
                    .any(|w| squeezed.contains(w))
            {
                facts.target_title = true;
            }
            // "黄石市项目支出绩效监控表", "绩效目标执行监控表": a monitoring form, whatever its period.
            if squeezed.contains("监控") && without_trailing_note(&squeezed).ends_with('表') {
                facts.monitoring_title = true;
            }
            if facts.monitoring_month.is_none() {
                facts.monitoring_month =
                    super::header::monitoring_period(&super::header::normalise(cell))
                        .map(|(m, _)| m);
            }
            if facts.year.is_none() {
                if let Some(at) = squeezed.find("年度").or_else(|| squeezed.find('年')) {
                    let digits: String = squeezed[..at]
                        .chars()
                        .rev()
                        .take_while(|c| c.is_ascii_digit())
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    if digits.len() == 4 && !squeezed.contains("填报") {
                        facts.year = digits.parse().ok();
                    }
                }
            }
            let value = |label: &str| -> Option<String> {
                let mut rest = squeezed.strip_prefix(label)?;
                // "实施单位 (盖章)", "主管部门及代码": the mark belongs to the label.
                for mark in ["(盖章)", "（盖章）", "及代码", "(代码)", "（代码）"] {
                    rest = rest.strip_prefix(mark).unwrap_or(rest);
                }
                let inline = rest.trim_start_matches([':', '：']);
                if !inline.is_empty() {
                    return Some(inline.to_string());
                }
                row.iter()
                    .skip(i + 1)
                    .map(|c| c.trim())
                    .find(|c| !c.is_empty())
                    .map(str::to_string)
            };
            // A label alone in its cell: the value is the next cell ("部门 | 某某镇人民政府").
            if matches!(squeezed.as_str(), "部门" | "单位") {
                facts.unit_label_row.get_or_insert(row_index);
                let next = row
                    .iter()
                    .skip(i + 1)
                    .map(|c| c.trim())
                    .find(|c| !c.is_empty());
                if let (true, Some(v)) = (facts.unit.is_empty(), next) {
                    facts.unit = v.to_string();
                }
            }
            for label in [
                "项目期",
                "建设周期",
                "实施周期",
                "项目周期",
                "实施期限",
                "项目实施期",
            ] {
                if let (Some(v), true) = (value(label), facts.project_period.is_empty()) {
                    facts.project_period = v;
                }
            }
            for (label, slot) in [
                ("项目名称", 0),
                ("专项(项目)名称", 0),
                ("专项名称", 0),
                ("主管部门", 1),
                ("项目主管部门", 1),
                ("预算部门、单位名称", 2),
                ("预算单位名称", 2),
                ("资金使用单位", 2),
                ("实施单位", 2),
                ("项目实施单位", 2),
                ("项目执行单位", 2),
                ("执行单位", 2),
                ("单位名称", 2),
                ("部门(单位)名称", 2),
                ("部门名称", 2),
                ("单位(盖章)", 2),
            ] {
                if slot == 2 && squeezed.trim_end_matches([':', '：']) == label {
                    // The form's place for the unit, whether filled or not.
                    facts.unit_label_row.get_or_insert(row_index);
                }
                if let Some(v) = value(label) {
                    let v = v.split(['填']).next().unwrap_or("").trim().to_string();
                    let target = match slot {
                        0 => &mut facts.project_name,
                        1 => &mut facts.parent,
                        _ => &mut facts.unit,
                    };
                    if target.is_empty() && !v.is_empty() {
                        *target = v;
                    }
                }
            }
        }
    }
    facts
}

/// A form that prints a place for the unit and leaves it blank: a reviewer sends it back.
pub(super) fn note_blank_unit(facts: &TableFacts, table: &[Vec<String>], reader: &mut Reader) {
    if let (true, Some(row)) = (facts.unit.is_empty(), facts.unit_label_row) {
        let cells = table.get(row).map(Vec::as_slice).unwrap_or_default();
        reader.note(
            row + 1,
            cells,
            ImportNoteKind::Blank,
            "单位名称未填写".into(),
        );
    }
}

/// The 年度总体目标 block: a row naming 预期目标 and 实际完成情况 columns, the texts in the row below.
fn goals(table: &[Vec<String>], until: usize, facts: &mut TableFacts) {
    let squeeze = |c: &str| -> String { c.chars().filter(|ch| !ch.is_whitespace()).collect() };
    for (i, row) in table.iter().enumerate().take(until) {
        let expected = row.iter().position(|c| {
            let c = squeeze(c);
            c == "预期目标" || c == "年初设定目标" || c == "年度目标"
        });
        let actual = row.iter().position(|c| {
            let c = squeeze(c);
            c.contains("完成情况") && !c.starts_with("年度总体目标") || c == "实际完成情况"
        });
        let (Some(expected), Some(actual)) = (expected, actual) else {
            continue;
        };
        if actual <= expected {
            continue;
        }
        let Some(next) = table.get(i + 1) else { return };
        let text = |from: usize, to: usize| {
            next.iter()
                .enumerate()
                .filter(|(c, _)| *c >= from && *c < to)
                .map(|(_, t)| t.trim())
                .find(|t| !t.is_empty())
                .unwrap_or("")
                .to_string()
        };
        facts.goal = text(expected, actual);
        facts.goal_actual = text(actual, usize::MAX);
        return;
    }
}

/// A title without a trailing parenthesised note: "绩效目标申报表(基础设施建设类)" → "绩效目标申报表".
fn without_trailing_note(title: &str) -> &str {
    let mut text = title;
    while let Some(body) = text.strip_suffix([')', '）']) {
        match body.rfind(['(', '（']) {
            Some(at) => text = &body[..at],
            None => break,
        }
    }
    text
}
