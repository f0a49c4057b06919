//! The self-evaluation report (自评价报告) built from the data, so every figure in it is the computed one.
//!
//! [`build`] turns an [`Evaluation`] into a [`Report`]: a title, headed sections of paragraphs and the
//! scoring annex as a [`ScoreTable`]. Renderers turn that one model into plain text ([`text`], the golden
//! files), HTML ([`html`], the preview, print and the .html export). The model is [`model`]; the
//! 部门整体 report, the 项目支出 form and the scoring table are built in files of their own.
//!
//! ```
//! let e = jixiao::core::template::load("nanjing-2024").unwrap();
//! let report = jixiao::report::build(&e);
//! assert!(report.title.ends_with("部门整体绩效自评价报告"));
//! assert!(jixiao::report::text::render(&report).contains("自评价得分为99.5分"));
//! ```

pub mod batch;
pub mod change;
mod department;
mod evidence;
pub mod expect;
pub mod html;
pub mod library;
mod model;
mod monitoring;
pub mod placeholder;
mod project;
pub mod review;
mod score_table;
mod target;
pub mod text;
pub mod year;

pub use model::*;

use crate::core::assess::{assess, Assessment};
use crate::core::model::{Evaluation, EvaluationKind, Indicator};
use crate::core::number::fmt2;
use rust_decimal::Decimal;

/// Builds the report of an evaluation (部门整体 report or 项目支出 form by its kind).
pub fn build(evaluation: &Evaluation) -> Report {
    build_assessed(evaluation, &assess(evaluation))
}

/// The report's title line, without building the report (e.g. to name a downloaded file).
pub fn title(evaluation: &Evaluation) -> String {
    match evaluation.stage {
        crate::core::model::Stage::Target => return target::title(evaluation),
        crate::core::model::Stage::Monitoring => return monitoring::title(evaluation),
        crate::core::model::Stage::SelfEvaluation => {}
    }
    match evaluation.kind {
        EvaluationKind::Department => format!(
            "{}年度{}部门整体绩效自评价报告",
            evaluation.unit.year,
            unit_title(evaluation)
        ),
        EvaluationKind::Project => format!("{}年度项目支出绩效自评表", evaluation.unit.year),
    }
}

/// Builds the report from an assessment the caller already holds (the UI's memo, an export that also
/// lists the findings), so the evaluation is not scored twice.
pub fn build_assessed(evaluation: &Evaluation, assessment: &Assessment) -> Report {
    match evaluation.stage {
        crate::core::model::Stage::Target => return target::target_form(evaluation, assessment),
        crate::core::model::Stage::Monitoring => {
            return monitoring::monitoring_form(evaluation, assessment)
        }
        crate::core::model::Stage::SelfEvaluation => {}
    }
    match evaluation.kind {
        EvaluationKind::Department => department::department(evaluation, assessment),
        EvaluationKind::Project => project::project(evaluation, assessment),
    }
}

/// The cover of a 部门整体 report (when the evaluation asks for one).
fn cover(e: &Evaluation, title: &str) -> Option<Block> {
    let f = &e.filing;
    f.cover.then(|| {
        let method = if f.method.trim().is_empty() {
            "单位自评"
        } else {
            f.method.trim()
        };
        Block::Cover(Cover {
            title: title.to_string(),
            lines: vec![
                ("评价单位".into(), e.unit_name().to_string()),
                ("评价方式".into(), method.to_string()),
                ("报告日期".into(), f.date.trim().to_string()),
            ],
        })
    })
}

/// The signature block (when the evaluation asks for one): the unit to stamp, the people who sign, the
/// preparer's phone and the date.
fn signature(e: &Evaluation) -> Option<Block> {
    let f = &e.filing;
    f.signature.then(|| {
        Block::Signature(vec![
            ("单位名称（盖章）".into(), e.unit_name().to_string()),
            ("单位负责人（签字）".into(), f.head.clone()),
            ("财务负责人（签字）".into(), f.finance_head.clone()),
            ("填报人".into(), f.preparer.clone()),
            ("联系电话".into(), f.phone.clone()),
            ("填报日期".into(), f.date.clone()),
        ])
    })
}

/// 绩效目标调整情况: one sentence naming each adjustment after approval (date, reason, before → after),
/// the reviewers' first question when a score rests on changed targets; `None` when none was recorded.
fn target_adjustments(e: &Evaluation) -> Option<String> {
    let versions = &e.targets;
    let approved = versions.approved.as_ref()?;
    if versions.adjustments.is_empty() {
        return None;
    }
    let parts: Vec<String> = versions
        .adjustments
        .iter()
        .map(|a| {
            let changes: Vec<String> = a.changes.iter().map(|c| c.sentence()).collect();
            format!("{}因{}调整{}", a.date, a.reason, changes.join("，"))
        })
        .collect();
    let approved_on = if approved.date.trim().is_empty() {
        String::new()
    } else {
        format!("（{}批复）", approved.date.trim())
    };
    Some(format!(
        "绩效目标调整情况：年度绩效目标{approved_on}在执行中调整 {} 次：{}。自评按调整后的目标进行。",
        versions.adjustments.len(),
        parts.join("；")
    ))
}

/// 运行监控情况 in the self-evaluation: the lights the monitoring gave its rows and the measures it promised,
/// so the report says what the year-end result answers; `None` when the year was not monitored.
fn monitoring_recap(e: &Evaluation) -> Option<String> {
    use crate::core::lights::{indicator_light, Light};
    let period = e.monitoring?;
    let mut counts = [0usize; 4];
    let mut measures = Vec::new();
    crate::core::model::walk_tree(&e.indicators, &mut |_, leaf| {
        let Some(m) = leaf.monitoring.as_ref().filter(|_| leaf.is_leaf()) else {
            return;
        };
        if let Some(l) = indicator_light(leaf, period, &e.settings.lights) {
            counts[l.light.position() as usize] += 1;
        }
        if !m.measure.trim().is_empty() {
            measures.push(format!("“{}”：{}", leaf.name.trim(), m.measure.trim()));
        }
    });
    let budget = crate::core::lights::monitored_budget_light(e)
        .map(|l| format!("预算执行为{}，", l.light.label()))
        .unwrap_or_default();
    if counts.iter().sum::<usize>() == 0 && measures.is_empty() && budget.is_empty() {
        return None;
    }
    let lights = [Light::Red, Light::Yellow, Light::Green, Light::Blue]
        .iter()
        .filter(|l| counts[l.position() as usize] > 0)
        .map(|l| format!("{} {} 个", l.label(), counts[l.position() as usize]))
        .collect::<Vec<_>>()
        .join("、");
    let measures = if measures.is_empty() {
        String::new()
    } else {
        format!("监控时提出的纠偏措施：{}。", measures.join("；"))
    };
    Some(format!(
        "运行监控情况：{}监控时，{budget}三级指标{}。{measures}",
        period.label(),
        if lights.is_empty() {
            "未亮灯"
        } else {
            &lights
        }
    ))
}

fn fill(text: &str, e: &Evaluation, a: &Assessment) -> String {
    placeholder::fill(text, e, a).0
}

fn paragraphs(text: &str, e: &Evaluation, a: &Assessment, blocks: &mut Vec<Block>) {
    for line in fill(text, e, a).lines() {
        let line = line.trim();
        if !line.is_empty() {
            blocks.push(Block::Paragraph(line.to_string()));
        }
    }
}

fn wan(value: Option<Decimal>) -> Option<String> {
    value.map(|v| format!("{}万元", fmt2(v)))
}

/// The stated figures among `items`, as "基本支出2117.35万元" each.
fn stated(items: &[(&str, Option<Decimal>)]) -> Vec<String> {
    items
        .iter()
        .filter_map(|(label, v)| wan(*v).map(|v| format!("{label}{v}")))
        .collect()
}

/// "，其中a，b" — or nothing when no part is stated.
fn of_which(parts: &[String]) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!("，其中{}", parts.join("，"))
    }
}

fn unit_title(e: &Evaluation) -> String {
    match (e.unit.parent_department.trim(), e.unit.name.trim()) {
        ("", name) => name.to_string(),
        (parent, name) => format!("{parent}—{name}"),
    }
}

fn leaves_with_ancestors(nodes: &[Indicator]) -> Vec<(Vec<&Indicator>, &Indicator)> {
    let mut out = Vec::new();
    crate::core::model::walk_tree(nodes, &mut |ancestors, node| {
        if node.is_leaf() {
            out.push((ancestors.to_vec(), node));
        }
    });
    out
}
